/**
 * What the alicloud provider's Read records of a cluster it has no prior state for, as `pulumi import` runs it:
 * Read fills several fields only from the prior state (resource_alicloud_emrv2_cluster.go, v1.285.0), so an import
 * records the cluster without them, and the first `pulumi up` after it sees the program's values as changes:
 * - the cluster's subscription_config (1383-1388) and application_configs (1476-1481);
 * - per node group: subscription_config, spot_bid_prices and auto_scaling_policy (1648-1815), deployment_set_strategy
 *   (1985-1992), node_resize_strategy, spot_strategy and cost_optimized_config (1994-2010), the system disk's
 *   performance_level and count and a data disk's performance_level (2012-2055).
 */
type Obj = Record<string, unknown>;

export const READ_FROM_PRIOR_STATE = {
  cluster: ["subscriptionConfig", "applicationConfigs"],
  nodeGroup: ["subscriptionConfig", "spotBidPrices", "autoScalingPolicy", "deploymentSetStrategy", "nodeResizeStrategy", "spotStrategy", "costOptimizedConfig"],
  systemDisk: ["performanceLevel", "count"],
  dataDisk: ["performanceLevel"],
} as const;

const omit = (o: Obj, keys: readonly string[]): Obj => Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));
const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

/** The provider-shaped cluster as `pulumi import` records it (Read without a prior state). */
export function importedState(props: Obj): Obj {
  const groups = (Array.isArray(props.nodeGroups) ? props.nodeGroups : []).filter(isObj).map((g) => {
    const group = omit(g, READ_FROM_PRIOR_STATE.nodeGroup);
    if (isObj(g.systemDisk)) group.systemDisk = omit(g.systemDisk, READ_FROM_PRIOR_STATE.systemDisk);
    if (Array.isArray(g.dataDisks)) group.dataDisks = g.dataDisks.map((d) => (isObj(d) ? omit(d, READ_FROM_PRIOR_STATE.dataDisk) : d));
    return group;
  });
  return { ...omit(props, READ_FROM_PRIOR_STATE.cluster), nodeGroups: groups };
}
