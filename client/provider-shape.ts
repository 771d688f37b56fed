/**
 * The EMR API's shapes (PascalCase requests and answers) as the alicloud provider's inputs (`alicloud:emrv2/cluster:
 * Cluster`, lower-camel), the shape the policy pack's rules and the call model read. One conversion for every caller:
 * RunCluster's request before it is sent (client/gates/run-cluster.ts), and a live cluster read back from the API
 * (emr-adopt, emr-drift).
 */
import { SecretValue } from "../policies/rules/change/secret";
import { asPutPolicy } from "./gates/before";
import type { LiveClusterReads } from "./live-cluster";
import { REDACTED } from "./schemas";

type Obj = Record<string, unknown>;

/** `{ MaxCapacity: 10 }` → `{ maxCapacity: 10 }`, recursively (the provider's names are the API's, lower-camel). */
export function lowerKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(lowerKeys);
  if (v === null || typeof v !== "object" || v instanceof SecretValue) return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k.charAt(0).toLowerCase() + k.slice(1), lowerKeys(x)]));
}

/** A node group in the API's shape as the provider's: the generic rename gets VSwitchIds wrong (vSwitchIds). */
export function nodeGroupProps(g: Obj): Obj {
  const { VSwitchIds, ...rest } = g;
  return { ...(lowerKeys(rest) as Obj), ...(VSwitchIds !== undefined ? { vswitchIds: VSwitchIds } : {}) };
}

/**
 * Applications the provider drops when it reads a cluster back (ListApplications minus this list, upper-cased:
 * resource_alicloud_emrv2_cluster.go 1451-1473): a program lists none of them.
 */
export const PROVIDER_INTERNAL_APPLICATIONS = ["TRE-EXTENSION", "KERBEROS", "METASTORE", "MYSQL", "SPARK-EXTENSION", "SPARK-NATIVE", "TAIHAODOCTOR", "EMRHOOK", "JINDOSDK", "TRE", "EMRRUNTIME", "EMRRUNTIME-EXTENSION"];

/** Values the API reports for a setting left at its default: a program leaves them out, so they are dropped. */
const GROUP_DEFAULTS: Obj = { WithPublicIp: false, SpotStrategy: "NoSpot", SpotInstanceRemedy: false, CompensateWithOnDemand: false, DeploymentSetStrategy: "NONE", NodeResizeStrategy: "PRIORITY", GracefulShutdown: false };
/** The node group's answer fields that describe its state, not its configuration. */
const GROUP_STATE_FIELDS = ["NodeGroupId", "NodeGroupState", "Status", "StateChangeReason", "RunningNodeCount", "ZoneId", "NodeCount", "AutoScalingPolicy"];

const isEmptyList = (v: unknown) => Array.isArray(v) && v.length === 0;
const compact = (o: Obj): Obj => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && !isEmptyList(v)));

/** A disk as the provider writes it; a system disk's Count of 1 is the API's default. */
function diskProps(d: Obj | undefined, system: boolean): Obj | undefined {
  if (!d) return undefined;
  const { Count, PerformanceLevel, ...rest } = d;
  return lowerKeys(compact({ ...rest, ...(PerformanceLevel ? { PerformanceLevel } : {}), ...(Count !== undefined && !(system && Count === 1) ? { Count } : {}) })) as Obj;
}

/** A live node group as the provider's `nodeGroups[]` entry: its running count, its policy, no state fields. */
function liveGroupProps(g: Obj, policy: unknown, clusterSubscription: Obj | undefined): Obj {
  const config = Object.fromEntries(Object.entries(g).filter(([k, v]) => !GROUP_STATE_FIELDS.includes(k) && !(k in GROUP_DEFAULTS && GROUP_DEFAULTS[k] === v)));
  const { SystemDisk, DataDisks, ...rest } = config;
  const props = nodeGroupProps(compact(rest));
  return compact({
    ...props,
    nodeCount: g.RunningNodeCount,
    systemDisk: diskProps(SystemDisk as Obj | undefined, true),
    dataDisks: Array.isArray(DataDisks) ? DataDisks.map((d) => diskProps(d as Obj, false)) : undefined,
    // ListNodeGroups has no subscription term of a group: a Subscription group is taken to have the cluster's.
    ...(g.PaymentType === "Subscription" && clusterSubscription ? { subscriptionConfig: clusterSubscription } : {}),
    ...(policy ? { autoScalingPolicy: lowerKeys(policy) } : {}),
  });
}

/** A config item's value as the rules and the call model read it: a redacted secret is a secret of unknown value. */
const configValue = (v: unknown) => (v === REDACTED ? new SecretValue() : v);

/**
 * The live cluster as the provider's inputs, whole: what a program must say for its inputs to match the cluster.
 * Read from the API's answers (see live-cluster.ts); secrets stay secrets (a SecretValue, never a value).
 */
export function liveClusterProps(live: LiveClusterReads): Obj {
  const c = live.cluster;
  const subscription = c.PaymentType === "Subscription" && live.subscription ? (lowerKeys(compact(live.subscription)) as Obj) : undefined;
  const attrs = c.NodeAttributes ?? {};
  const nodeAttributes = lowerKeys(compact({
    VpcId: attrs.VpcId, ZoneId: attrs.ZoneId, SecurityGroupId: attrs.SecurityGroupId, RamRole: attrs.RamRole, KeyPairName: attrs.KeyPairName,
    // Encryption off is the API's default: a program says nothing of it.
    ...(attrs.SystemDiskEncrypted ? { SystemDiskEncrypted: true, SystemDiskKmsKeyId: attrs.SystemDiskKMSKeyId } : {}),
    ...(attrs.DataDiskEncrypted ? { DataDiskEncrypted: true, DataDiskKmsKeyId: attrs.DataDiskKMSKeyId } : {}),
  })) as Obj;
  return compact({
    clusterName: c.ClusterName, clusterType: c.ClusterType, releaseVersion: c.ReleaseVersion, deployMode: c.DeployMode,
    securityMode: c.SecurityMode, paymentType: c.PaymentType,
    subscriptionConfig: subscription,
    applications: live.applications.map((a) => a.toUpperCase()).filter((a) => !PROVIDER_INTERNAL_APPLICATIONS.includes(a)),
    applicationConfigs: live.applicationConfigs.map(({ Redacted: _secret, ConfigItemValue, ...item }) => ({ ...(lowerKeys(compact(item)) as Obj), configItemValue: configValue(ConfigItemValue) })),
    nodeAttributes: [nodeAttributes],
    nodeGroups: live.nodeGroups.map((g) => liveGroupProps(g.group, asPutPolicy(g.policy), subscription)),
    bootstrapScripts: live.bootstrapScripts.map((s) => lowerKeys(compact({ ...s, Priority: undefined }))),
    tags: live.tags,
    deletionProtection: c.DeletionProtection ?? false,
    resourceGroupId: c.ResourceGroupId,
    logCollectStrategy: c.LogCollectStrategy,
  });
}
