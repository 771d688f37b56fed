/**
 * `EmrCluster`: an Alibaba Cloud E-MapReduce (EMR on ECS) cluster with its supporting resources.
 * The class is thin; the work is in pure functions (validate.ts, provider-args.ts) and small creators
 * (security-group.ts, metastore.ts), exported for tests.
 */
import type * as ecs from "@pulumi/alicloud/ecs";
import * as emrv2 from "@pulumi/alicloud/emrv2";
import * as pulumi from "@pulumi/pulumi";
import { runLiveChecks, type LiveChecksMode } from "./live-checks";
import { createRdsMetastore, type RdsMetastore, type RdsMetastoreOptions } from "./metastore";
import { autoScaledNodeCountPaths, toClusterArgs } from "./provider-args";
import { createSecurityGroup } from "./security-group";
import { rdsMetastoreSchema, type ClusterSpec } from "./spec";
import type { EmrClusterArgs } from "./args";
import { buildClusterSpec } from "./validate";
import { specWarnings } from "./warnings";

export interface EmrClusterOptions {
  /**
   * The Pulumi `protect` option on the cluster and the RDS metastore, so `pulumi destroy` fails on them.
   * Turning it off is a separate, explicit change that the policy pack flags. Whatever this says, they also carry
   * `retainOnDelete`: no Pulumi operation releases them. Defaults to true.
   */
  protect?: boolean;
  /** Region, for the console URL and the live checks. Defaults to the `alicloud:region` config. */
  region?: string;
  /**
   * Preflight look-ups and the safe-scaling gate against the EMR API before planning: `auto` runs them when cloud
   * credentials are present (and EMR_LIVE_CHECKS is not "off"), `off` never. Defaults to "auto".
   */
  liveChecks?: LiveChecksMode;
}

/** Creation can take 15+ minutes and resizes are slow: give the provider room beyond its 10-minute default. */
export const CLUSTER_TIMEOUTS: pulumi.CustomTimeouts = { create: "45m", update: "60m", delete: "30m" };

/**
 * Fields the provider reads back but never updates: an edit would show as a diff on every preview and never reach
 * the cluster. As `replaceOnChanges` an edit is a replacement, which `protect` refuses (a new cluster is the way).
 */
export const REPLACE_ONLY_FIELDS = ["securityMode", "resourceGroupId"];

/** The IDENTITY_TAG value of a cluster: `<project>/<stack>/<resource name>`, unique per stack and stable. */
export function clusterIdentity(name: string): string {
  return `${pulumi.getProject()}/${pulumi.getStack()}/${name}`;
}

export interface NodeGroupSummary {
  name: string;
  type: string;
  nodeCount: number;
  instanceTypes: string[];
  autoScaling?: { min: number; max: number };
}

export class EmrCluster extends pulumi.ComponentResource {
  /** The validated spec with all defaults applied (what was planned). */
  readonly spec!: ClusterSpec;
  readonly cluster!: emrv2.Cluster;
  readonly clusterId!: pulumi.Output<string>;
  readonly clusterName!: string;
  readonly securityGroupId!: pulumi.Output<string>;
  /** Set when the component created the security group (no nodeAttributes.securityGroupId given). */
  readonly securityGroup?: ecs.SecurityGroup;
  /** Set when the component created the Hive metastore on RDS. */
  readonly metastore?: RdsMetastore;
  readonly nodeGroups!: NodeGroupSummary[];
  readonly consoleUrl!: pulumi.Output<string>;

  constructor(name: string, args: EmrClusterArgs, options: EmrClusterOptions = {}, opts?: pulumi.ComponentResourceOptions) {
    // Validate before anything is registered: a bad spec fails the preview with every issue listed.
    const spec = buildClusterSpec(name, args as Record<string, unknown>, { stackName: pulumi.getStack() });
    super("emr:index:Cluster", name, {}, opts);
    for (const warning of specWarnings(spec)) pulumi.log.warn(warning, this);
    const protect = options.protect ?? true;
    const attrs = spec.nodeAttributes;

    const securityGroup = attrs.securityGroupId ? undefined : createSecurityGroup(name, this, attrs.vpcId, spec.clusterName);
    const securityGroupId = pulumi.output(attrs.securityGroupId ?? securityGroup!.id);

    const metastore = needsRdsInstance(spec)
      ? createRdsMetastore(name, this, {
          clusterName: spec.clusterName,
          vpcId: attrs.vpcId,
          zoneId: attrs.zoneId,
          vswitchId: rdsVswitch(spec),
          securityGroupId,
          subscription: spec.paymentType === "Subscription",
          options: rdsOptions(spec),
          protect,
        })
      : undefined;
    const jdbc = metastore?.jdbc ?? externalJdbc(spec);

    // A failed live check rejects the cluster's releaseVersion input, which fails the preview with its message.
    const live = runLiveChecks(spec, this, { mode: options.liveChecks, region: options.region });
    const clusterArgs = toClusterArgs(spec, { securityGroupId, jdbc, identity: clusterIdentity(name) });
    if (live) clusterArgs.releaseVersion = pulumi.output(live.then(() => spec.releaseVersion));
    const cluster = new emrv2.Cluster(name, clusterArgs, {
      parent: this,
      protect,
      // Leaving the program drops the cluster from state; it keeps running. Nothing here releases a cluster.
      retainOnDelete: true,
      replaceOnChanges: REPLACE_ONLY_FIELDS,
      ignoreChanges: autoScaledNodeCountPaths(spec),
      customTimeouts: CLUSTER_TIMEOUTS,
      // The metastore user needs its rights on the database when the cluster initialises the schema.
      ...(metastore ? { dependsOn: [metastore.privilege] } : {}),
    });

    const region = options.region ?? new pulumi.Config("alicloud").get("region") ?? "cn-hangzhou";
    Object.assign(this, {
      spec,
      cluster,
      clusterId: cluster.id,
      clusterName: spec.clusterName,
      securityGroupId,
      securityGroup,
      metastore,
      nodeGroups: summarizeNodeGroups(spec),
      consoleUrl: pulumi.interpolate`https://emr-next.console.aliyun.com/#/region/${region}/resource/all/ecs/detail/${cluster.id}/overview`,
    });
    this.registerOutputs({
      clusterId: this.clusterId,
      clusterName: this.clusterName,
      securityGroupId,
      nodeGroups: this.nodeGroups,
      consoleUrl: this.consoleUrl,
      metastoreInstanceId: metastore?.instance.id,
    });
  }
}

/** A USER_RDS metastore without `external` means: create the RDS instance. */
function needsRdsInstance(spec: ClusterSpec): boolean {
  return spec.metastore?.type === "USER_RDS" && !spec.metastore.external;
}

/** The RDS options stated in the spec, or the schema's defaults for a bare `{ type: "USER_RDS" }`. */
function rdsOptions(spec: ClusterSpec): RdsMetastoreOptions {
  return (spec.metastore?.type === "USER_RDS" && spec.metastore.rds) || rdsMetastoreSchema.parse({});
}

/** The RDS instance's VSwitch: the one stated, else the MASTER group's first (in the cluster's VPC and zone). */
function rdsVswitch(spec: ClusterSpec): pulumi.Input<string> {
  const stated = spec.metastore?.type === "USER_RDS" ? spec.metastore.rds?.vswitchId : undefined;
  const master = spec.nodeGroups.find((g) => g.nodeGroupType === "MASTER") ?? spec.nodeGroups[0];
  return stated ?? master.vswitchIds![0];
}

function externalJdbc(spec: ClusterSpec) {
  if (spec.metastore?.type !== "USER_RDS" || !spec.metastore.external) return undefined;
  const ext = spec.metastore.external;
  return { url: ext.connectionUrl, userName: ext.userName, password: pulumi.secret(ext.password) };
}

export function summarizeNodeGroups(spec: ClusterSpec): NodeGroupSummary[] {
  return spec.nodeGroups.map((g) => ({
    name: g.nodeGroupName,
    type: g.nodeGroupType,
    nodeCount: g.nodeCount,
    instanceTypes: g.instanceTypes,
    ...(g.autoScalingPolicy ? { autoScaling: { min: g.autoScalingPolicy.constraints.minCapacity, max: g.autoScalingPolicy.constraints.maxCapacity } } : {}),
  }));
}
