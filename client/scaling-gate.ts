/**
 * The live gate: what `pulumi up` would make the provider send to the cluster that runs now. The live cluster is
 * found by its identity tag (IDENTITY_TAG = `<project>/<stack>/<resource name>`, a ListClusters Tags filter), never
 * by name; failed and released clusters are skipped. Its node groups, policies and tags are read from the API, and the
 * call plan (policies/rules/calls) is built with those LIVE counts, then judged by the one set of call gates
 * (policies/rules/gates), the same the offline check and EmrClient's writes use. A cluster that does not run yet is
 * judged as the RunCluster that would create it.
 *
 * Inside a program the recorded state is not visible, so the plan assumes a refreshed state (the deploy workflow runs
 * `pulumi up --refresh`): where an auto-scaled group's live count differs from the program's count and the node
 * groups change, an advisory says what an update without --refresh would do.
 */
import { parseAcks, type ChangeFinding } from "../policies/rules/change/index.js";
import { liveFromApi, planClusterCalls, runClusterCall, type CallPlan } from "../policies/rules/calls/index.js";
import { changeFinding, checkCallPlans, changeFindings, CHANGE_RULES, gateCall } from "../policies/rules/gates/index.js";
import { DEFAULT_LIMITS, IDENTITY_TAG, type GuardrailLimits } from "../policies/rules/domain.js";
import type { EmrClient } from "./client";
import { readLiveCluster, type LiveCluster } from "./gates/before";
import { collect } from "./pagination";
import type { ClusterSummary } from "./schemas";

/** States of a cluster that is not "the" live one: it failed, or it is (being) released. */
export const SKIPPED_CLUSTER_STATES = ["START_FAILED", "TERMINATED_WITH_ERRORS", "TERMINATE_FAILED", "TERMINATED", "TERMINATING"] as const;

/** What the program will send: the provider-shaped inputs (name, protection, payment, tags, node groups) and the paths it ignores. */
export interface PlannedCluster {
  inputs: Record<string, unknown>;
  ignoreChanges: readonly string[];
}

export interface LiveGateResult {
  /** The live cluster the plan was compared with; undefined = none runs (the plan is its creation). */
  clusterId?: string;
  /** The calls `pulumi up` would make the provider send. */
  plan?: CallPlan;
  findings: ChangeFinding[];
  /** Problems that are not a change verdict (e.g. two live clusters carry the identity). */
  problems: string[];
}

/** The live (not failed, not released) clusters that carry this identity. */
export async function findLiveClusters(client: EmrClient, identity: string): Promise<ClusterSummary[]> {
  const tagged = await collect(client.listClusters({ Tags: [{ Key: IDENTITY_TAG, Value: identity }] }));
  // The filter is the service's; a summary that lists its tags must also show the identity (never a name match).
  const carries = (c: ClusterSummary) => c.Tags === undefined || c.Tags.some((t) => t.Key === IDENTITY_TAG && t.Value === identity);
  return tagged.filter((c) => carries(c) && !(SKIPPED_CLUSTER_STATES as readonly string[]).includes(c.ClusterState));
}

const rec = (v: unknown): Record<string, unknown> => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** The live cluster as a refreshed state would record it, groups in the program's order (as Read keeps them). */
export function liveInputs(live: LiveCluster, tags: Record<string, string>, planned: PlannedCluster): Record<string, unknown> {
  const order = (Array.isArray(planned.inputs.nodeGroups) ? planned.inputs.nodeGroups : []).map((g) => rec(g).nodeGroupName);
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  const groups = [...live.groups].sort((a, b) => rank(a.group.NodeGroupName) - rank(b.group.NodeGroupName)).map(({ group: g, policy }) => {
    const plannedGroup = rec((planned.inputs.nodeGroups as unknown[] | undefined)?.[order.indexOf(g.NodeGroupName)]);
    return {
      nodeGroupName: g.NodeGroupName,
      nodeGroupType: g.NodeGroupType,
      nodeCount: g.RunningNodeCount,
      ...(g.PaymentType ? { paymentType: g.PaymentType } : {}),
      ...(policy ? { autoScalingPolicy: policy } : {}),
      // Fields the API does not return as the program writes them are taken as planned: the gate judges counts,
      // policies, payments and membership, and the provider never applies the rest after creation.
      ...Object.fromEntries(Object.entries(plannedGroup).filter(([k]) => !["nodeGroupName", "nodeGroupType", "nodeCount", "paymentType", "autoScalingPolicy"].includes(k))),
    };
  });
  return {
    ...planned.inputs,
    clusterName: live.cluster.ClusterName ?? planned.inputs.clusterName,
    deletionProtection: live.cluster.DeletionProtection ?? planned.inputs.deletionProtection,
    paymentType: live.cluster.PaymentType ?? planned.inputs.paymentType,
    tags,
    nodeGroups: groups,
  };
}

/** An update run without --refresh plans an auto-scaled group at its RECORDED count, which may be far from the live one. */
function unrefreshedWarnings(cluster: string, plan: CallPlan, live: LiveCluster, planned: PlannedCluster): ChangeFinding[] {
  if (!plan.calls.some((c) => c.group !== undefined)) return [];
  const groups = (Array.isArray(planned.inputs.nodeGroups) ? planned.inputs.nodeGroups : []).map(rec);
  return live.groups.flatMap(({ group: g, policy }) => {
    const mine = groups.find((x) => x.nodeGroupName === g.NodeGroupName);
    if (!policy || !mine || typeof mine.nodeCount !== "number" || mine.nodeCount === g.RunningNodeCount) return [];
    const f = changeFinding(CHANGE_RULES.liveCounts, { cluster, group: g.NodeGroupName, path: `nodeGroups[name="${g.NodeGroupName}"].nodeCount` }, `node group "${g.NodeGroupName}" is auto-scaled and runs ${g.RunningNodeCount} nodes; this update changes the node groups, so a \`pulumi up\` without --refresh resizes it to the count its state recorded (the program says ${mine.nodeCount})`, "run `pulumi up --refresh` (the deploy workflow does), so the provider plans from the live count");
    return [{ ...f, level: "advisory" as const }];
  });
}

export async function checkPlanAgainstLive(client: EmrClient, identity: string, planned: PlannedCluster, limits: Partial<GuardrailLimits> = {}): Promise<LiveGateResult> {
  const all = { ...DEFAULT_LIMITS, ...limits };
  const name = String(planned.inputs.clusterName ?? identity);
  const live = await findLiveClusters(client, identity);
  const acks = parseAcks(planned.inputs.tags);
  if (live.length === 0) {
    const run = runClusterCall(planned.inputs);
    return { findings: gateCall(run, { cluster: name, limits: all, acks }), problems: [] };
  }
  if (live.length > 1) {
    return { findings: [], problems: [`${live.length} live clusters carry ${IDENTITY_TAG}=${identity} (${live.map((c) => `${c.ClusterId} ${c.ClusterState}`).join(", ")}): the gate cannot tell which one this resource manages; keep the tag on one of them (edit the other's tags in the EMR console)`] };
  }
  const current = await readLiveCluster(client, live[0].ClusterId);
  const tags = Object.fromEntries((live[0].Tags ?? current.cluster.Tags ?? []).map((t) => [t.Key, t.Value ?? ""]));
  const before = liveInputs(current, tags, planned);
  const plan = planClusterCalls({
    cluster: name,
    before: { inputs: before, state: before, id: live[0].ClusterId, protect: true, retainOnDelete: true },
    after: { inputs: planned.inputs, ignoreChanges: planned.ignoreChanges, replaceOnChanges: [], protect: true, retainOnDelete: true },
    live: liveFromApi({ nodeGroups: current.groups.map((g) => g.group), tags: live[0].Tags ?? current.cluster.Tags }),
  });
  const results = checkCallPlans([{ plan, acks: parseAcks(planned.inputs.tags, tags), clusterName: name }], [], all);
  return { clusterId: live[0].ClusterId, plan, findings: [...changeFindings(results), ...unrefreshedWarnings(name, plan, current, planned)], problems: [] };
}
