export { EmrClusterComponent, toClusterSpec } from "./cluster";
export { Preset, PaymentType, SecurityMode, type EmrClusterComponentArgs, type ExternalMetastore, type NodeGroupOverride } from "./args";
export { EmrComponentProvider, serveEmrPlugin, PLUGIN_NAME, PLUGIN_NAMESPACE, SECRET_PROPERTIES } from "./provider";
