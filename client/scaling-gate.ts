/**
 * The live gate: a planned cluster against the one that runs now. The live cluster is found by its identity tag
 * (IDENTITY_TAG = `<project>/<stack>/<resource name>`, a ListClusters Tags filter), never by name; failed and
 * released clusters are skipped. Before = GetCluster + ListNodeGroups + GetAutoScalingPolicy per group. Every
 * planned change then goes through the change rules' step functions (policies/rules/change), the same ones the
 * offline check and EmrClient's writes use: a new group is CreateNodeGroup + IncreaseNodes, so its nodes are a
 * scale-out from 0; an existing group's count change is one IncreaseNodes/DecreaseNodes of the whole delta.
 */
import {
  checkAutoScalingChange, checkClusterTotal, checkDeletionProtectionChange, checkScaleInStep, checkScaleOutStep, parseAcks, policyFingerprint,
  type ChangeContext, type ChangeFinding,
} from "../policies/rules/change/index.js";
import { DEFAULT_LIMITS, IDENTITY_TAG, type GuardrailLimits } from "../policies/rules/domain.js";
import type { EmrClient } from "./client";
import { clusterTotal, effectiveSize, readLiveCluster, type LiveCluster } from "./gates/before";
import { collect } from "./pagination";
import type { ClusterSummary } from "./schemas";

/** States of a cluster that is not "the" live one: it failed, or it is (being) released. */
export const SKIPPED_CLUSTER_STATES = ["START_FAILED", "TERMINATED_WITH_ERRORS", "TERMINATE_FAILED", "TERMINATED", "TERMINATING"] as const;

export interface PlannedGroup {
  nodeGroupName: string;
  nodeGroupType: string;
  nodeCount: number;
  paymentType?: string;
  /** The planned policy (provider or API shape); its presence means the provider ignores nodeCount changes. */
  autoScalingPolicy?: unknown;
}
export interface PlannedCluster {
  clusterName: string;
  deletionProtection?: boolean;
  /** The cluster's tags after the change: its acknowledgements. */
  tags: Record<string, string>;
  nodeGroups: PlannedGroup[];
}
export interface LiveGateResult {
  /** The live cluster the plan was compared with; undefined = none runs (a new cluster: nothing to compare). */
  clusterId?: string;
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

export async function checkPlanAgainstLive(client: EmrClient, identity: string, plan: PlannedCluster, limits: Partial<GuardrailLimits> = {}): Promise<LiveGateResult> {
  const live = await findLiveClusters(client, identity);
  if (live.length === 0) return { findings: [], problems: [] };
  if (live.length > 1) {
    return { findings: [], problems: [`${live.length} live clusters carry ${IDENTITY_TAG}=${identity} (${live.map((c) => `${c.ClusterId} ${c.ClusterState}`).join(", ")}): the gate cannot tell which one this resource manages; keep the tag on one of them (edit the other's tags in the EMR console)`] };
  }
  const before = await readLiveCluster(client, live[0].ClusterId);
  return { clusterId: live[0].ClusterId, findings: compare(before, plan, { limits: { ...DEFAULT_LIMITS, ...limits }, acks: parseAcks(plan.tags) }), problems: [] };
}

/** Pure: the change rules over (live → planned). */
export function compare(before: LiveCluster, plan: PlannedCluster, ctx: ChangeContext): ChangeFinding[] {
  const cluster = plan.clusterName;
  const findings: ChangeFinding[] = [];
  const changed: string[] = [];
  let totalAfter = 0;
  plan.nodeGroups.forEach((p, i) => {
    const path = `nodeGroups[${i}]`;
    const current = before.groups.find((g) => g.group.NodeGroupName === p.nodeGroupName);
    const base = { cluster, group: p.nodeGroupName, groupType: p.nodeGroupType };
    if (!current) {
      changed.push(path);
      totalAfter += effectiveSize(p.nodeCount, p.autoScalingPolicy);
      findings.push(...checkScaleOutStep({ ...base, from: 0, to: p.nodeCount, newGroup: true, path: `${path}.nodeCount` }, ctx));
      findings.push(...checkAutoScalingChange({ cluster, group: p.nodeGroupName, after: p.autoScalingPolicy, path: `${path}.autoScalingPolicy` }, ctx));
      return;
    }
    const running = current.group.RunningNodeCount;
    // An auto-scaled group's nodeCount is ignored by the provider (ignoreChanges): the policy owns its size.
    const to = p.autoScalingPolicy ? running : p.nodeCount;
    totalAfter += effectiveSize(to, p.autoScalingPolicy);
    if (to !== running) changed.push(`${path}.nodeCount`);
    findings.push(...checkScaleOutStep({ ...base, from: running, to, newGroup: false, path: `${path}.nodeCount` }, ctx));
    findings.push(...checkScaleInStep({ ...base, groupType: current.group.NodeGroupType, paymentType: current.group.PaymentType, from: running, to, path: `${path}.nodeCount` }, ctx));
    const policyChanged = (current.policy === undefined) !== (p.autoScalingPolicy === undefined)
      || (current.policy !== undefined && policyFingerprint(current.policy) !== policyFingerprint(p.autoScalingPolicy));
    if (policyChanged) changed.push(`${path}.autoScalingPolicy`);
    findings.push(...checkAutoScalingChange({ cluster, group: p.nodeGroupName, before: current.policy, after: p.autoScalingPolicy, path: `${path}.autoScalingPolicy` }, ctx));
  });
  findings.push(...checkClusterTotal({ cluster, totalBefore: clusterTotal(before), totalAfter }, ctx));
  if (before.cluster.ClusterName !== undefined && before.cluster.ClusterName !== plan.clusterName) changed.push("clusterName");
  findings.push(...checkDeletionProtectionChange({ cluster, before: before.cluster.DeletionProtection, after: plan.deletionProtection, otherChangedPaths: changed }, ctx));
  return findings;
}
