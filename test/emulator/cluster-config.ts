/**
 * The reads that show a cluster's configuration as a whole (what emr-adopt reads): ListApplicationConfigs (every
 * config item, the service's defaults included, each with the value it started with) and GetClusterCloneMeta (the
 * cluster in RunCluster's shape, with the config items changed from their defaults).
 *
 * Emulator's choices where the API reference is silent: the defaults are the few items of DEFAULT_ITEMS; an item
 * RunCluster sent starts with the value sent (its InitValue), and is `Custom` when it is not one of the defaults; a
 * test edits `applicationConfigs` in place to play a change made in the console afterwards.
 */
import { page } from "./records";
import type { Params } from "./params";
import type { EmulatorState } from "./state";

type Handler = (p: Params) => Record<string, unknown>;
type Item = Record<string, unknown>;

/** A few default items per application, as ListApplicationConfigs reports them next to the ones a user set. */
const DEFAULT_ITEMS: Record<string, { file: string; key: string; value: string }[]> = {
  HDFS: [{ file: "hdfs-site.xml", key: "dfs.replication", value: "2" }],
  YARN: [{ file: "yarn-site.xml", key: "yarn.resourcemanager.scheduler.class", value: "org.apache.hadoop.yarn.server.resourcemanager.scheduler.capacity.CapacityScheduler" }],
  HIVE: [{ file: "hive-site.xml", key: "hive.execution.engine", value: "tez" }],
};

const keyOf = (c: Item) => [c.ApplicationName, c.ConfigFileName, c.ConfigItemKey, c.NodeGroupName ?? ""].join("/");

export function createConfigHandlers(s: EmulatorState): Record<string, Handler> {
  const groupId = (clusterId: string, name: unknown) => [...s.groups.values()].find((g) => g.ClusterId === clusterId && g.NodeGroupName === name)?.NodeGroupId;
  return {
    ListApplicationConfigs: (p) => {
      const c = s.cluster(p);
      const sent = c.applicationConfigs ?? [];
      const sentKeys = new Set(sent.map(keyOf));
      const defaults: Item[] = c.Applications.flatMap((app) => (DEFAULT_ITEMS[app] ?? []).map((d) => ({ ApplicationName: app, ConfigFileName: d.file, ConfigItemKey: d.key, ConfigItemValue: d.value, InitValue: d.value, Custom: false })));
      const items: Item[] = [
        ...defaults.filter((d) => !sentKeys.has(keyOf(d))),
        ...sent.map((x) => {
          const isDefault = defaults.some((d) => keyOf(d) === keyOf({ ...x, NodeGroupName: undefined }));
          const ng = x.NodeGroupName !== undefined ? groupId(c.ClusterId, x.NodeGroupName) : undefined;
          return {
            ApplicationName: x.ApplicationName, ConfigFileName: x.ConfigFileName, ConfigItemKey: x.ConfigItemKey, ConfigItemValue: x.ConfigItemValue,
            InitValue: x.InitValue ?? x.ConfigItemValue, Custom: !isDefault, ...(ng ? { NodeGroupId: ng } : {}),
          };
        }),
      ];
      const want = (k: string) => (typeof p[k] === "string" ? p[k] : undefined);
      const filtered = items.filter((i) => ["ApplicationName", "ConfigFileName", "ConfigItemKey", "NodeGroupId"].every((k) => want(k) === undefined || i[k] === want(k)));
      return page(filtered, p, "ApplicationConfigs");
    },
    GetClusterCloneMeta: (p) => {
      const c = s.cluster(p);
      const view = s.clusterView(c, true) as Record<string, unknown>;
      const groups = [...s.groups.values()].filter((g) => g.ClusterId === c.ClusterId);
      return {
        ClusterCloneMeta: {
          ClusterId: c.ClusterId, ClusterName: c.ClusterName, ClusterType: c.ClusterType, ClusterState: view.ClusterState, RegionId: c.RegionId,
          ReleaseVersion: c.ReleaseVersion, PaymentType: c.PaymentType, DeployMode: c.DeployMode, SecurityMode: c.SecurityMode,
          DeletionProtection: c.DeletionProtection, EmrDefaultRole: "AliyunEMRDefaultRole", NodeAttributes: c.NodeAttributes,
          ...(c.extra?.SubscriptionConfig ? { SubscriptionConfig: c.extra.SubscriptionConfig } : {}),
          ...(c.extra?.ResourceGroupId ? { ResourceGroupId: c.extra.ResourceGroupId } : {}),
          Applications: c.Applications.map((ApplicationName) => ({ ApplicationName })),
          ApplicationConfigs: (c.applicationConfigs ?? []).map(({ InitValue: _init, ...x }) => ({ ConfigScope: x.NodeGroupName ? "NODE_GROUP" : "CLUSTER", ...x })),
          BootstrapScripts: [...(c.scripts ?? new Map()).values()],
          NodeGroups: groups.map((g) => s.groupView(g)),
          ScalingPolicies: groups.flatMap((g) => {
            const policy = s.policies.get(g.NodeGroupId);
            return policy ? [{ ...policy, NodeGroupName: g.NodeGroupName }] : [];
          }),
          Tags: c.Tags,
          ExistCloneConfig: true,
        },
      };
    },
  };
}
