/**
 * The safe-scaling gate: before a node-count change is planned, compare it with the live RunningNodeCount.
 * The alicloud provider turns a count change into ONE IncreaseNodes/DecreaseNodes call for the whole delta, so
 * big changes must be stepped over several updates. The per-group rule is the policy pack's `checkScaleChange`
 * (one definition for the pack, the components and this gate).
 */
import { DEFAULT_LIMITS, type GuardrailLimits } from "../policies/rules/domain.js";
import { checkScaleChange } from "../policies/rules/index.js";
import type { EmrClient } from "./client";
import { collect } from "./pagination";
import { assertValid, checkClusterId, checkRegionId } from "./validate";
import { EmrInputError } from "./errors";

export interface LiveGroup { nodeGroupName: string; nodeGroupType: string; runningNodeCount: number; paymentType?: string }
export interface PlannedGroup { nodeGroupName: string; nodeGroupType: string; nodeCount: number }
export interface ScalingGateOptions {
  /** Defaults to DEFAULT_LIMITS (maxScaleInPerCall 10, maxScaleOutPerCall 50, scaleOutAckThreshold 20). */
  limits?: Partial<GuardrailLimits>;
  /** The cluster's tags: ACK_TAGS.scaleOut ("30") and ACK_TAGS.taskGroupToZero ("true") acknowledge changes. */
  acknowledgements?: Record<string, string>;
}
export interface ScalingProblem { path: string; message: string; fix: string }
/** What one planned group would do: `create` = not live yet (CreateNodeGroup + IncreaseNodes). */
export interface ScalingStep { nodeGroupName: string; nodeGroupType: string; kind: "increase" | "decrease" | "unchanged" | "create"; from: number; to: number }

/** Pure: no I/O. `problems` empty = the plan may go ahead; `steps` says what each group would do. */
export function planScalingChanges(live: LiveGroup[], planned: PlannedGroup[], opts: ScalingGateOptions = {}): { problems: ScalingProblem[]; steps: ScalingStep[] } {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const tags = opts.acknowledgements ?? {};
  const problems: ScalingProblem[] = [];
  const steps: ScalingStep[] = planned.map((p, i) => {
    const current = live.find((g) => g.nodeGroupName === p.nodeGroupName);
    if (!current) return { nodeGroupName: p.nodeGroupName, nodeGroupType: p.nodeGroupType, kind: "create", from: 0, to: p.nodeCount };
    const found = checkScaleChange({
      groupName: p.nodeGroupName, groupType: current.nodeGroupType, paymentType: current.paymentType,
      liveCount: current.runningNodeCount, plannedCount: p.nodeCount, tags, limits,
    });
    problems.push(...found.map(({ message, fix }) => ({ path: `nodeGroups[${i}].nodeCount`, message, fix })));
    const kind = p.nodeCount > current.runningNodeCount ? "increase" : p.nodeCount < current.runningNodeCount ? "decrease" : "unchanged";
    return { nodeGroupName: p.nodeGroupName, nodeGroupType: current.nodeGroupType, kind, from: current.runningNodeCount, to: p.nodeCount };
  });
  return { problems, steps };
}

/** Reads the live node groups of the cluster (ListNodeGroups) and runs the gate against them. */
export async function checkScalingAgainstLive(
  client: EmrClient, regionId: string, clusterId: string, planned: PlannedGroup[], opts: ScalingGateOptions = {},
): Promise<{ problems: ScalingProblem[]; steps: ScalingStep[] }> {
  assertValid([...checkRegionId(regionId, "regionId"), ...checkClusterId(clusterId, "clusterId")]);
  if (regionId !== client.regionId) throw new EmrInputError([{ path: "regionId", message: `the client is for ${client.regionId}, not ${regionId}`, fix: "create the client for the cluster's region" }]);
  const live = (await collect(client.listNodeGroups(clusterId))).map((g) => ({
    nodeGroupName: g.NodeGroupName, nodeGroupType: g.NodeGroupType, runningNodeCount: g.RunningNodeCount, paymentType: g.PaymentType,
  }));
  return planScalingChanges(live, planned, opts);
}
