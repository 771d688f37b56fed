/**
 * Standalone node groups: a TASK group declared on its own (e.g. by another team, in stack config) and attached
 * to a cluster of the stack by the cluster's name. The provider models node groups inside the cluster resource, so
 * attaching means adding the group to that cluster's spec before it is validated and registered.
 */
export interface StandaloneNodeGroup {
  /** The EmrCluster resource name (stack config `emr:clusters[].name`) the group joins. */
  cluster: string;
  /** The node group; it must be a TASK group with a name not used in that cluster. */
  group: Record<string, unknown>;
}

/** Adds `groups` to the node groups of `spec`; returns the problems instead of throwing. */
export function attachTaskGroups(
  spec: Record<string, unknown>,
  groups: readonly StandaloneNodeGroup[],
  pathOf: (index: number) => string,
): { spec: Record<string, unknown>; problems: { path: string; reason: string }[] } {
  const existing = Array.isArray(spec.nodeGroups) ? (spec.nodeGroups as Record<string, unknown>[]) : [];
  const names = new Set(existing.map((g) => g.nodeGroupName));
  const added: Record<string, unknown>[] = [];
  const problems: { path: string; reason: string }[] = [];
  groups.forEach((entry, i) => {
    const { nodeGroupType, nodeGroupName } = entry.group;
    if (nodeGroupType !== "TASK") {
      problems.push({ path: `${pathOf(i)}.group.nodeGroupType`, reason: `is ${JSON.stringify(nodeGroupType)}; only TASK groups can be attached on their own, for example "TASK"` });
    } else if (names.has(nodeGroupName)) {
      problems.push({ path: `${pathOf(i)}.group.nodeGroupName`, reason: `"${String(nodeGroupName)}" is already a node group of cluster "${entry.cluster}"; pick another name, for example "task-adhoc"` });
    } else {
      names.add(nodeGroupName);
      added.push(entry.group);
    }
  });
  return { spec: { ...spec, nodeGroups: [...existing, ...added] }, problems };
}
