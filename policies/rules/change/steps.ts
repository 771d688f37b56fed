/**
 * Step-level change rules: one scale-out, one scale-in, one auto-scaling policy change, deletion protection off.
 * The plan check (change/plan.ts), the live gate and EmrClient's writes all call these, so the three agree.
 * Each returns the findings of one step; an empty list means the step may go ahead.
 */
import { ackValue, hasAck, policyFingerprint, renderAck, type AckRef } from "./acks";
import { listSome } from "./format";
import { describePolicy, summarizePolicy } from "./policy";
import type { ChangeContext, ChangeFinding } from "./types";
import { isUnknown } from "../types";

export const CHANGE_RULES = {
  scaleOut: "emr-change-scale-out",
  scaleIn: "emr-change-scale-in",
  clusterTotal: "emr-change-cluster-total",
  autoScaling: "emr-change-auto-scaling",
  deletionProtection: "emr-change-deletion-protection",
  groupRemoval: "emr-change-group-removal",
  paymentSwitch: "emr-change-payment-switch",
  securityMode: "emr-change-security-mode",
  replacement: "emr-change-replacement",
  notApplied: "emr-change-not-applied",
  ackFormat: "emr-change-ack-format",
  newClusters: "emr-change-new-clusters",
  retirement: "emr-change-retirement",
  staleAcks: "emr-change-stale-acks",
} as const;

/** `40 -> 90 -> 100`: the steps of at most `size` nodes from `from` to `to`. */
export function stepPlan(from: number, to: number, size: number): string {
  const out = [from];
  const step = Math.max(1, size);
  while (out[out.length - 1] !== to) {
    const last = out[out.length - 1];
    out.push(from > to ? Math.max(to, last - step) : Math.min(to, last + step));
  }
  return out.join(" -> ");
}

/** The default path of a group's node count, for callers without the list index (live gate, client). */
export const groupCountPath = (group: string) => `nodeGroups[name="${group}"].nodeCount`;

export interface Where {
  cluster: string;
  group?: string;
  path: string;
}

/** A mandatory finding; the message starts with the cluster. */
export function changeFinding(rule: string, where: Where, message: string, fix: string, ack?: AckRef): ChangeFinding {
  const f: ChangeFinding = { rule, level: "mandatory", cluster: where.cluster, path: where.path, message: `cluster "${where.cluster}": ${message}`, fix };
  if (where.group !== undefined) f.group = where.group;
  if (ack) f.ack = ack;
  return f;
}

export interface ScaleOutStep {
  cluster: string;
  group: string;
  groupType: string;
  from: number;
  to: number;
  /** The cluster's total before this step (auto-scaling groups counted at max(nodeCount, maxCapacity)). Absent: the caller checks the total itself (checkClusterTotal). */
  clusterTotalBefore?: number;
  /** The group does not exist yet: CreateNodeGroup, then its first nodes (a scale-out from 0). */
  newGroup: boolean;
  path?: string;
}

/** A scale-out: ≤ maxScaleOutPerCall per update (also a new group's first nodes), > scaleOutAckThreshold acknowledged, never a MASTER group. */
export function checkScaleOutStep(step: ScaleOutStep, ctx: ChangeContext): ChangeFinding[] {
  const { limits, acks } = ctx;
  const { group, groupType, from, to } = step;
  const delta = to - from;
  if (!(delta > 0)) return [];
  const where = { cluster: step.cluster, group, path: step.path ?? groupCountPath(group) };
  const what = `node group "${group}" (${groupType}) ${step.newGroup ? "is created with" : "grows"} ${step.newGroup ? `${to} nodes` : `${from} → ${to} (+${delta})`}`;
  if (groupType === "MASTER") {
    return [changeFinding(CHANGE_RULES.scaleOut, where, `${what}: MASTER groups never scale out`, `keep nodeCount at ${from}; add CORE or TASK nodes instead`)];
  }
  const out: ChangeFinding[] = [];
  if (delta > limits.maxScaleOutPerCall) {
    const cap = step.newGroup ? `a node group is created with at most ${limits.maxNodesPerGroupAtCreate} nodes and ` : "";
    out.push(changeFinding(CHANGE_RULES.scaleOut, where, `${what}: ${cap}one update adds at most ${limits.maxScaleOutPerCall} nodes`, `step it: ${stepPlan(from, to, limits.maxScaleOutPerCall)}, one update each (a size reached by steps is fine)`));
  } else if (step.newGroup && to > limits.maxNodesPerGroupAtCreate) {
    out.push(changeFinding(CHANGE_RULES.scaleOut, where, `${what}: a node group is created with at most ${limits.maxNodesPerGroupAtCreate} nodes`, `create it with ${limits.maxNodesPerGroupAtCreate} or fewer, then grow it: ${stepPlan(0, to, Math.min(limits.maxNodesPerGroupAtCreate, limits.maxScaleOutPerCall))}`));
  } else if (delta > limits.scaleOutAckThreshold) {
    const ack: AckRef = { kind: "scaleOut", value: ackValue.scaleOut(group, from, to) };
    if (!hasAck(acks, ack)) {
      out.push(changeFinding(CHANGE_RULES.scaleOut, where, `${what}: a scale-out above ${limits.scaleOutAckThreshold} nodes in one update needs an acknowledgement of this change`, `acknowledge it with ${renderAck(ack)}, or step it: ${stepPlan(from, to, limits.scaleOutAckThreshold)}`, ack));
    }
  }
  if (step.newGroup && to > limits.nodeGroupAckThreshold) {
    const ack: AckRef = { kind: "nodeCount", value: String(to) };
    if (!hasAck(acks, ack)) {
      out.push(changeFinding(CHANGE_RULES.scaleOut, where, `${what}: a new node group above ${limits.nodeGroupAckThreshold} nodes needs an acknowledgement`, `acknowledge it with ${renderAck(ack)}, or create it with ${limits.nodeGroupAckThreshold} or fewer`, ack));
    }
  }
  if (step.clusterTotalBefore !== undefined) out.push(...checkClusterTotal({ cluster: step.cluster, totalBefore: step.clusterTotalBefore, totalAfter: step.clusterTotalBefore + delta }, ctx));
  return out;
}

/** A change that grows the cluster's total above clusterNodesCostAckThreshold needs the cost acknowledgement of the new total. */
export function checkClusterTotal(args: { cluster: string; totalBefore: number; totalAfter: number; path?: string }, ctx: ChangeContext): ChangeFinding[] {
  const { totalBefore, totalAfter } = args;
  const threshold = ctx.limits.clusterNodesCostAckThreshold;
  if (!(totalAfter > totalBefore) || totalAfter <= threshold) return [];
  const ack: AckRef = { kind: "clusterNodes", value: String(totalAfter) };
  if (hasAck(ctx.acks, ack)) return [];
  const where = { cluster: args.cluster, path: args.path ?? "nodeGroups" };
  return [changeFinding(CHANGE_RULES.clusterTotal, where, `the cluster grows from ${totalBefore} to ${totalAfter} nodes in total (auto-scaling groups at their MaxCapacity), above the ${threshold}-node cost threshold`, `acknowledge the cost with ${renderAck(ack)}, or keep the total at ${threshold} or fewer`, ack)];
}

export interface ScaleInStep {
  cluster: string;
  group: string;
  groupType: string;
  /** The group's payment type (Subscription nodes are never released by a scale-in). */
  paymentType?: string;
  from: number;
  to: number;
  path?: string;
}

/** A scale-in: TASK and GATEWAY groups only, ≤ maxScaleInPerCall per update, never Subscription nodes, to 0 acknowledged. */
export function checkScaleInStep(step: ScaleInStep, ctx: ChangeContext): ChangeFinding[] {
  const { limits, acks } = ctx;
  const { group, groupType, from, to } = step;
  const delta = from - to;
  if (!(delta > 0)) return [];
  const where = { cluster: step.cluster, group, path: step.path ?? groupCountPath(group) };
  const what = `node group "${group}" (${groupType}) shrinks ${from} → ${to} (-${delta})`;
  if (groupType !== "TASK" && groupType !== "GATEWAY") {
    return [changeFinding(CHANGE_RULES.scaleIn, where, `${what}: only TASK and GATEWAY groups are scaled in (a ${groupType} node holds data or services)`, `keep nodeCount at ${from}; shrink a TASK group instead`)];
  }
  if (step.paymentType === "Subscription") {
    return [changeFinding(CHANGE_RULES.scaleIn, where, `${what}: its nodes are Subscription nodes, which a scale-in never releases`, `keep nodeCount at ${from}; scale in a PayAsYouGo TASK group instead`)];
  }
  const out: ChangeFinding[] = [];
  if (delta > limits.maxScaleInPerCall) {
    const last = to === 0 ? ` (the last step to 0 needs ${renderAck({ kind: "taskToZero", value: ackValue.taskToZero(group, Math.min(from, limits.maxScaleInPerCall)) })})` : "";
    out.push(changeFinding(CHANGE_RULES.scaleIn, where, `${what}: one update releases at most ${limits.maxScaleInPerCall} nodes (the provider releases the whole delta in one DecreaseNodes call)`, `step it: ${stepPlan(from, to, limits.maxScaleInPerCall)}, one update each, at least 120 s apart${last}`));
  } else if (to === 0) {
    const ack: AckRef = { kind: "taskToZero", value: ackValue.taskToZero(group, from) };
    if (!hasAck(acks, ack)) out.push(changeFinding(CHANGE_RULES.scaleIn, where, `${what}: removing every node of a group needs an acknowledgement of this change`, `acknowledge it with ${renderAck(ack)}, or keep at least 1 node`, ack));
  }
  return out;
}

export interface AutoScalingChange {
  cluster: string;
  group: string;
  /** The policy before (absent: none), in the provider's or the API's shape. */
  before?: unknown;
  /** The policy after (absent: removed). */
  after?: unknown;
  path?: string;
}

/** An auto-scaling policy: MaxCapacity ≤ cap (none set = the API's 2000); removed or replaced (rules differ) only with the acknowledgement of that change. */
export function checkAutoScalingChange(change: AutoScalingChange, ctx: ChangeContext): ChangeFinding[] {
  const { group, before, after } = change;
  const present = (p: unknown) => p !== undefined && p !== null;
  const path = change.path ?? `nodeGroups[name="${group}"].autoScalingPolicy`;
  const where = { cluster: change.cluster, group, path };
  const out: ChangeFinding[] = [];
  if (present(after)) {
    const s = summarizePolicy(after);
    const cap = ctx.limits.maxAutoScalingCapacity;
    if (!isUnknown(s.maxCapacity) && s.maxCapacity > cap) {
      const why = s.maxCapacitySet ? `MaxCapacity ${s.maxCapacity}` : `no MaxCapacity (the API's default is ${s.maxCapacity})`;
      out.push(changeFinding(CHANGE_RULES.autoScaling, { ...where, path: `${path}.constraints.maxCapacity` }, `node group "${group}": the auto-scaling policy has ${why}, above the cap of ${cap}`, `set constraints.maxCapacity to ${cap} or less, e.g. 40`));
    }
  }
  if (!present(before) || isUnknown(before) || isUnknown(after)) return out;
  if (!present(after)) {
    const ack: AckRef = { kind: "autoScaling", value: ackValue.autoScalingRemove(group) };
    if (!hasAck(ctx.acks, ack)) out.push(changeFinding(CHANGE_RULES.autoScaling, where, `node group "${group}": the auto-scaling policy is removed (was ${describePolicy(before)}); the group stays at its current size`, `acknowledge the removal with ${renderAck(ack)}, or keep the policy`, ack));
    return out;
  }
  const fp = policyFingerprint(after);
  if (fp === policyFingerprint(before)) return out;
  const ack: AckRef = { kind: "autoScaling", value: ackValue.autoScalingReplace(group, fp) };
  if (!hasAck(ctx.acks, ack)) {
    out.push(changeFinding(CHANGE_RULES.autoScaling, where, `node group "${group}": the auto-scaling policy is replaced as a whole: old ${describePolicy(before)}; new ${describePolicy(after)}`, `acknowledge this policy with ${renderAck(ack)} (the value names the new policy), or keep the old one`, ack));
  }
  return out;
}

/** Deletion protection goes true → false only as the sole change to that cluster (a separate, explicit update). */
export function checkDeletionProtectionChange(change: { cluster: string; before: unknown; after: unknown; otherChangedPaths: readonly string[] }, _ctx: ChangeContext): ChangeFinding[] {
  if (change.before !== true || change.after !== false || change.otherChangedPaths.length === 0) return [];
  return [changeFinding(CHANGE_RULES.deletionProtection, { cluster: change.cluster, path: "deletionProtection" }, `deletionProtection true → false together with other changes (${listSome(change.otherChangedPaths)})`, "turn deletion protection off alone, in its own update, after the other changes are applied (or not at all)")];
}
