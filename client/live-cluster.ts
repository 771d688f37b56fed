/**
 * A cluster read whole through the EMR API, reads only: GetCluster, ListNodeGroups, GetAutoScalingPolicy (per group),
 * ListApplications, ListApplicationConfigs, GetClusterCloneMeta and ListTagResources. What emr-adopt writes a stack
 * entry from, and what emr-drift compares a recorded state with. Secrets are redacted as the answers are parsed.
 */
import type { EmrReadClient } from "./read-client";
import { collect } from "./pagination";
import type { ApplicationConfig, ApplicationConfigItem, Cluster, NodeGroup, ScalingPolicy, Script, SubscriptionConfig } from "./schemas";

export interface LiveClusterReads {
  cluster: Cluster;
  nodeGroups: { group: NodeGroup; policy: ScalingPolicy | undefined }[];
  /** ListApplications, as the service names them. */
  applications: string[];
  /**
   * The config items a cluster spec states, in RunCluster's shape: those GetClusterCloneMeta reports as changed from
   * their defaults, and those ListApplicationConfigs reports as added by a user or changed since the cluster started,
   * each with its current value. Node-level items are in `nodeLevelConfigs`.
   */
  applicationConfigs: ApplicationConfig[];
  /** Items set on one node (ListApplicationConfigs' NodeId): no cluster spec can state them. */
  nodeLevelConfigs: ApplicationConfigItem[];
  bootstrapScripts: Script[];
  /** ListTagResources, as the provider reads the cluster's tags. */
  tags: Record<string, string>;
  /** The cluster's subscription term (GetCluster, else GetClusterCloneMeta). */
  subscription: SubscriptionConfig | undefined;
}

/** The reads this needs: an EmrReadClient (or EmrClient) has them all. */
export type ClusterReader = Pick<EmrReadClient, "getCluster" | "listNodeGroups" | "getAutoScalingPolicy" | "listApplications" | "listApplicationConfigs" | "getClusterCloneMeta" | "listTagResources">;

const configKey = (c: { ApplicationName: string; ConfigFileName: string; ConfigItemKey: string }, group: string | undefined) => [c.ApplicationName, c.ConfigFileName, c.ConfigItemKey, group ?? ""].join("/");

export async function readClusterWhole(reader: ClusterReader, clusterId: string): Promise<LiveClusterReads> {
  const cluster = await reader.getCluster(clusterId);
  const groups = await collect(reader.listNodeGroups(clusterId));
  const nodeGroups: LiveClusterReads["nodeGroups"] = [];
  for (const group of groups) nodeGroups.push({ group, policy: await reader.getAutoScalingPolicy({ ClusterId: clusterId, NodeGroupId: group.NodeGroupId }) });
  const applications = (await collect(reader.listApplications(clusterId))).map((a) => a.ApplicationName);
  const items = await collect(reader.listApplicationConfigs(clusterId));
  const clone = await reader.getClusterCloneMeta(clusterId);
  const tags = Object.fromEntries((await collect(reader.listTagResources(clusterId))).map((t) => [t.TagKey, t.TagValue ?? ""]));

  const groupName = (id: string | undefined) => (id ? groups.find((g) => g.NodeGroupId === id)?.NodeGroupName ?? id : undefined);
  const current = new Map(items.filter((i) => !i.NodeId).map((i) => [configKey(i, groupName(i.NodeGroupId)), i]));
  const configs = new Map<string, ApplicationConfig>();
  for (const c of clone.ApplicationConfigs ?? []) {
    const group = c.NodeGroupName ?? groupName(c.NodeGroupId);
    const now = current.get(configKey(c, group));
    configs.set(configKey(c, group), { ...c, ...(now ? { ConfigItemValue: now.ConfigItemValue } : {}) });
  }
  // Added by a user or changed since the cluster started (a console edit after creation).
  for (const [key, i] of current) {
    if (configs.has(key) || !(i.Custom === true || (i.InitValue !== undefined && i.ConfigItemValue !== i.InitValue))) continue;
    const group = groupName(i.NodeGroupId);
    configs.set(key, { ApplicationName: i.ApplicationName, ConfigFileName: i.ConfigFileName, ConfigItemKey: i.ConfigItemKey, ConfigItemValue: i.ConfigItemValue, ...(i.Redacted ? { Redacted: true as const } : {}), ConfigScope: group ? "NODE_GROUP" : "CLUSTER", ...(group ? { NodeGroupName: group } : {}) });
  }
  return {
    cluster,
    nodeGroups,
    applications,
    applicationConfigs: [...configs.values()].map(({ NodeGroupId: _id, ...c }) => c),
    nodeLevelConfigs: items.filter((i) => i.NodeId),
    bootstrapScripts: clone.BootstrapScripts ?? [],
    tags,
    subscription: cluster.SubscriptionConfig ?? clone.SubscriptionConfig ?? undefined,
  };
}
