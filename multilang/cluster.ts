/**
 * `EmrClusterComponent`: the (name, args, opts) façade over `EmrCluster` for other languages. It only translates
 * its plain, documented args into a cluster spec on top of the preset (the same deep merge the stack program
 * uses) and creates one `EmrCluster` as its child; every default, validation and protection is EmrCluster's.
 */
import * as pulumi from "@pulumi/pulumi";
import { EmrCluster } from "../components/cluster";
import { deepMerge } from "../components/merge";
import { PRESETS, PRESET_NAMES, type PresetName } from "../components/presets";
import type { ClusterSpecInput } from "../components/spec";
import type { EmrClusterComponentArgs, NodeGroupOverride } from "./args";

/** An EMR cluster on a planning preset, with its security group and (for HA) its Hive metastore on RDS. */
export class EmrClusterComponent extends pulumi.ComponentResource {
  /** The EMR cluster ID, e.g. "c-b933c5aac8fe****". */
  readonly clusterId: pulumi.Output<string>;
  /** The EMR cluster's name. */
  readonly clusterName: pulumi.Output<string>;
  /** The security group of the nodes (the one given, or the one the component created). */
  readonly securityGroupId: pulumi.Output<string>;
  /** The cluster's page in the EMR console. */
  readonly consoleUrl: pulumi.Output<string>;
  /** The RDS instance of the Hive metastore, when the component created one (HA presets with HIVE). */
  readonly metastoreInstanceId: pulumi.Output<string | undefined>;

  constructor(name: string, args: EmrClusterComponentArgs, opts?: pulumi.ComponentResourceOptions) {
    // Translate (and refuse bad façade input) before registering anything, as EmrCluster does.
    const spec = toClusterSpec(args);
    super("emr:index:EmrClusterComponent", name, {}, opts);
    const cluster = new EmrCluster(name, spec, { protect: plain(args.protect, "protect") ?? true }, { parent: this });
    this.clusterId = cluster.clusterId;
    this.clusterName = pulumi.output(cluster.clusterName);
    this.securityGroupId = cluster.securityGroupId;
    this.consoleUrl = cluster.consoleUrl;
    this.metastoreInstanceId = pulumi.output(cluster.metastore?.instance.id);
    this.registerOutputs({
      clusterId: this.clusterId,
      clusterName: this.clusterName,
      securityGroupId: this.securityGroupId,
      consoleUrl: this.consoleUrl,
      metastoreInstanceId: this.metastoreInstanceId,
    });
  }
}

/**
 * The full cluster spec for the façade's args: the preset with the args merged over it. Exported for tests.
 * Throws `pulumi.InputPropertyError` (the engine shows it on the property) for input the spec cannot express.
 */
export function toClusterSpec(args: EmrClusterComponentArgs): ClusterSpecInput {
  const preset = presetOf(args.preset);
  const presetGroups = (PRESETS[preset].nodeGroups ?? []).map((g) => g.nodeGroupName);
  const overrides = plain(args.nodeGroups, "nodeGroups") ?? [];
  overrides.forEach((o, i) => {
    if (!presetGroups.includes(o.name)) {
      fail(`nodeGroups[${i}].name`, `node group "${o.name}" is not in the ${preset} preset; use one of ${presetGroups.map((g) => `"${g}"`).join(", ")}`);
    }
  });
  const ext = args.externalMetastore === undefined ? undefined : pulumi.output(args.externalMetastore);
  const months = plain(args.subscriptionMonths, "subscriptionMonths");
  const user = {
    clusterName: plain(args.clusterName, "clusterName"),
    nodeAttributes: {
      vpcId: args.vpcId,
      zoneId: args.zoneId,
      keyPairName: args.keyPairName,
      ...(args.securityGroupId !== undefined ? { securityGroupId: args.securityGroupId } : {}),
    },
    // Every preset group gets the VSwitch; the user's overrides merge over the group of the same name.
    nodeGroups: presetGroups.map((groupName) => nodeGroupSpec(groupName, args.vswitchId, overrides.find((o) => o.name === groupName))),
    applications: plain(args.applications, "applications"),
    storage: args.ossHdfsRootUri === undefined ? undefined : { ossHdfsRootUri: plain(args.ossHdfsRootUri, "ossHdfsRootUri") },
    paymentType: plain(args.paymentType, "paymentType"),
    subscriptionConfig: months === undefined ? undefined : { paymentDuration: months },
    securityMode: plain(args.securityMode, "securityMode"),
    metastore: ext && {
      type: "USER_RDS",
      // The password stays an Output end to end; EmrCluster marks it secret.
      external: { connectionUrl: ext.apply((e) => e.connectionUrl), userName: ext.apply((e) => e.userName), password: pulumi.secret(ext.apply((e) => e.password)) },
    },
    tags: plain(args.tags, "tags"),
    deletionProtection: plain(args.deletionProtection, "deletionProtection"),
  };
  return deepMerge<ClusterSpecInput>(PRESETS[preset], user);
}

function nodeGroupSpec(groupName: string, vswitchId: pulumi.Input<string>, override: NodeGroupOverride | undefined) {
  if (override?.remove) return { nodeGroupName: groupName, remove: true };
  return { nodeGroupName: groupName, vswitchIds: [vswitchId], nodeCount: override?.nodeCount, instanceTypes: override?.instanceTypes };
}

function presetOf(value: unknown): PresetName {
  const preset = PRESET_NAMES.find((p) => p === plain(value, "preset"));
  return preset ?? fail("preset", `preset "${String(value)}" is unknown; use one of ${PRESET_NAMES.join(", ")}`);
}

/**
 * A structural arg must be a plain value: from another language it arrives as an Output when it depends on another
 * resource, and the cluster's shape is validated before anything is registered.
 */
function plain<T>(value: T, path: string): T {
  if (pulumi.Output.isInstance(value)) {
    fail(path, `${path} must be a plain value known at preview, not the output of another resource (the cluster's shape is validated before anything is registered)`);
  }
  return value;
}

function fail(propertyPath: string, reason: string): never {
  throw new pulumi.InputPropertyError({ propertyPath, reason });
}
