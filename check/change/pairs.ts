/**
 * From documents to the change rules' input: each cluster's before/after as a ClusterChange. A cluster recorded in the
 * state but absent from the program is a removal; one in the program but not in the state is a creation.
 */
import { diffCluster, type ClusterChange } from "../../policies/rules/change";
import type { PlannedCluster, RecordedCluster } from "./documents";

/** A cluster as the program declares it (the offline check's capture): URN, resource name and inputs. */
export interface ProgramCluster {
  urn: string;
  name: string;
  inputs: Record<string, unknown>;
}

/** Pairs a recorded state with the program's clusters, by URN (then by resource name, when the stack or project differ). */
export function changesFromState(recorded: readonly RecordedCluster[], program: readonly ProgramCluster[]): ClusterChange[] {
  const used = new Set<RecordedCluster>();
  const find = (p: ProgramCluster) => recorded.find((r) => !used.has(r) && r.urn === p.urn) ?? recorded.find((r) => !used.has(r) && r.name === p.name);
  const changes = program.map((p) => {
    const r = find(p);
    if (r) used.add(r);
    return diffCluster({ cluster: p.name, urn: p.urn, before: r?.inputs, after: p.inputs, recorded: r?.recorded });
  });
  for (const r of recorded.filter((x) => !used.has(x))) changes.push(diffCluster({ cluster: r.name, urn: r.urn, before: r.inputs, recorded: r.recorded }));
  return changes;
}

/** The changes of a plan (`pulumi preview --json`), with the provider's replace reasons. */
export function changesFromPlan(planned: readonly PlannedCluster[]): ClusterChange[] {
  return planned.map((c) => diffCluster({ cluster: c.name, urn: c.urn, before: c.before, after: c.after, replaceReasons: c.op === "replace" ? c.replaceReasons : [], providerDiff: c.providerDiff, recorded: c.recorded }));
}
