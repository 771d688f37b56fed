export { EmrCluster, CLUSTER_TIMEOUTS, summarizeNodeGroups, type EmrClusterArgs, type EmrClusterOptions, type NodeGroupSummary } from "./cluster";
export { PRESETS, PRESET_NAMES, type Preset, type PresetName } from "./presets";
export { deepMerge } from "./merge";
export { buildClusterSpec, checkSpec, ClusterSpecError, formatPath, type SpecIssue } from "./validate";
export { toClusterArgs, metastoreConfigItems, acknowledgementTags, autoScaledNodeCountPaths } from "./provider-args";
export { clusterSpecSchema, nodeGroupSchema, type ClusterSpec, type ClusterSpecInput, type NodeGroupSpec } from "./spec";
export { attachTaskGroups, type StandaloneNodeGroup } from "./node-groups";
