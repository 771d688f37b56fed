/**
 * The gates of the calls that add or release nodes, from the seed's API table (002, "Safety Constraint Enforcement
 * Summary") with the thresholds of guardrails.json: RunCluster, CreateNodeGroup, IncreaseNodes, DecreaseNodes.
 * Each takes one call as the provider (or EmrClient) sends it and returns the findings; none means it may go.
 */
import { ackValue, hasAck, renderAck, type AckRef } from "../change/acks";
import type { ChangeFinding } from "../change/types";
import type { EmrCall } from "../calls/types";
import { MONTHS_PER_UNIT, SCALE_IN_BATCH_INTERVAL_SECONDS, SCALE_IN_GROUP_TYPES } from "../domain";
import { changeFinding, missingAck, moneyOf, stepPlan, steps } from "./finding";
import { CHANGE_RULES } from "./names";
import type { GateContext } from "./finding";

const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
const rec = (v: unknown): Record<string, unknown> => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const countPath = (call: EmrCall) => `nodeGroups[name="${call.group}"].nodeCount`;

/** RunCluster: every group at most the per-group cap (nothing lifts it), big groups and long subscriptions acknowledged. */
export function gateRunCluster(call: EmrCall, ctx: GateContext): ChangeFinding[] {
  const { limits } = ctx;
  const out: ChangeFinding[] = [];
  const groups = Array.isArray(call.params.NodeGroups) ? call.params.NodeGroups.map(rec) : [];
  groups.forEach((g, i) => {
    const n = num(g.NodeCount);
    const name = String(g.NodeGroupName ?? `nodeGroups[${i}]`);
    const where = { cluster: ctx.cluster, group: name, path: `nodeGroups[${i}].nodeCount`, call };
    if (n === undefined) return;
    if (n > limits.maxNodesPerGroupAtCreate) {
      out.push(changeFinding(CHANGE_RULES.creation, where, `RunCluster creates node group "${name}" with ${n} nodes, above the ${limits.maxNodesPerGroupAtCreate}-node cap for a group at creation (no acknowledgement lifts it)`, `create it with ${limits.maxNodesPerGroupAtCreate} or fewer, then grow it in later updates: ${stepPlan(Math.min(n, limits.maxNodesPerGroupAtCreate), n, limits.maxScaleOutPerCall)}; or give it an auto-scaling policy`));
    } else if (n > limits.nodeGroupAckThreshold && !hasAck(ctx.acks, { kind: "nodeCount", value: String(n) })) {
      const ack: AckRef = { kind: "nodeCount", value: String(n) };
      out.push(changeFinding(CHANGE_RULES.creation, where, `RunCluster creates node group "${name}" with ${n} nodes, above the ${limits.nodeGroupAckThreshold}-node threshold${moneyOf(ctx.costs?.groupNodes(name, n))}`, `acknowledge the size with ${renderAck(ack)}, or create it with ${limits.nodeGroupAckThreshold} or fewer`, ack));
    }
  });
  const sc = rec(call.params.SubscriptionConfig);
  const months = num(sc.PaymentDuration) !== undefined ? (num(sc.PaymentDuration) as number) * (sc.PaymentDurationUnit === "Year" ? MONTHS_PER_UNIT.Year : MONTHS_PER_UNIT.Month) : undefined;
  if (call.params.PaymentType === "Subscription" && months !== undefined && months > limits.subscriptionMonthsAckThreshold && !hasAck(ctx.acks, { kind: "subscriptionMonths", value: String(months) })) {
    out.push(changeFinding(CHANGE_RULES.creation, { cluster: ctx.cluster, path: "subscriptionConfig.paymentDuration", call }, `RunCluster commits to a ${months}-month subscription, above the ${limits.subscriptionMonthsAckThreshold}-month threshold${moneyOf(ctx.costs?.commitment(months))}`, `acknowledge the commitment with ${renderAck({ kind: "subscriptionMonths", value: String(months) })}, or subscribe for ${limits.subscriptionMonthsAckThreshold} months or fewer`));
  }
  return out;
}

/**
 * CreateNodeGroup: its NodeCount at most the cap at creation, above the size threshold acknowledged. `alone`: no
 * IncreaseNodes of the same group follows (EmrClient's call): its NodeCount is then the group's first nodes, judged
 * as a scale-out from 0 (in the provider's update, the IncreaseNodes that follows is).
 */
export function gateCreateNodeGroup(call: EmrCall, ctx: GateContext, alone = true): ChangeFinding[] {
  const g = rec(call.params.NodeGroup);
  const n = num(g.NodeCount);
  const name = String(g.NodeGroupName ?? call.group);
  const where = { cluster: ctx.cluster, group: name, path: call.path ?? countPath(call), call };
  if (n === undefined || n === 0) return [];
  const { limits } = ctx;
  if (n > limits.maxNodesPerGroupAtCreate) {
    return [changeFinding(CHANGE_RULES.scaleOut, where, `CreateNodeGroup "${name}" with ${n} nodes, above the ${limits.maxNodesPerGroupAtCreate}-node cap for a group at creation`, `create it with ${Math.min(limits.maxNodesPerGroupAtCreate, limits.maxScaleOutPerCall)} or fewer, then grow it: ${stepPlan(0, n, Math.min(limits.maxNodesPerGroupAtCreate, limits.maxScaleOutPerCall))}`)];
  }
  const out = alone ? gateIncreaseNodes({ ...call, from: 0, newGroup: true, params: { IncreaseNodeCount: n } }, ctx) : [];
  const ack: AckRef = { kind: "nodeCount", value: String(n) };
  if (n > limits.nodeGroupAckThreshold && !hasAck(ctx.acks, ack)) {
    out.push(changeFinding(CHANGE_RULES.scaleOut, where, `CreateNodeGroup "${name}" with ${n} nodes, above the ${limits.nodeGroupAckThreshold}-node threshold for a new group${moneyOf(ctx.costs?.groupNodes(name, n))}`, `${missingAck(ctx, ack, "the size")}, or create it with ${limits.nodeGroupAckThreshold} or fewer`, ack));
  }
  return out;
}

/** IncreaseNodes: never MASTER, at most the per-call cap, above the threshold with the acknowledgement of that change. */
export function gateIncreaseNodes(call: EmrCall, ctx: GateContext): ChangeFinding[] {
  const { limits } = ctx;
  const group = String(call.group);
  const delta = num(call.params.IncreaseNodeCount) ?? call.range?.max;
  if (delta === undefined || delta <= 0) return [];
  const from = call.from;
  const where = { cluster: ctx.cluster, group, path: call.path ?? countPath(call), call };
  const what = call.newGroup ? `${call.action === "CreateNodeGroup" ? "CreateNodeGroup creates" : "IncreaseNodes adds"} the ${delta} first nodes of the new group "${group}"` : from !== undefined ? `IncreaseNodes grows "${group}" (${call.groupType ?? "?"}) ${from} -> ${from + delta} (+${delta})` : `IncreaseNodes may grow "${group}" by up to ${delta}`;
  if (call.groupType === "MASTER") return [changeFinding(CHANGE_RULES.scaleOut, where, `${what}: MASTER groups never scale out`, "keep the MASTER count; add CORE or TASK nodes instead")];
  if (from === undefined) return [];
  if (delta > limits.maxScaleOutPerCall) {
    return [changeFinding(CHANGE_RULES.scaleOut, where, `${what}: one update adds at most ${limits.maxScaleOutPerCall} nodes to a group`, `step it: ${stepPlan(from, from + delta, limits.maxScaleOutPerCall)}, one update each`)];
  }
  const ack: AckRef = { kind: "scaleOut", value: ackValue.scaleOut(group, from, from + delta) };
  if (delta > limits.scaleOutAckThreshold && !hasAck(ctx.acks, ack)) {
    return [changeFinding(CHANGE_RULES.scaleOut, where, `${what}: a scale-out above ${limits.scaleOutAckThreshold} nodes in one update needs the acknowledgement of this change`, `${missingAck(ctx, ack, "it")}, or step it: ${stepPlan(from, from + delta, limits.scaleOutAckThreshold)}`, ack)];
  }
  return [];
}

/**
 * DecreaseNodes: only a TASK group of the LIVE cluster (the seed: "API only supports TASK"; the provider checks the
 * program's type), never Subscription nodes, at most the per-call cap, and always acknowledged: the provider sends a
 * count and the service picks the nodes, so the acknowledgement is the confirmation the seed asks for.
 */
export function gateDecreaseNodes(call: EmrCall, ctx: GateContext): ChangeFinding[] {
  const { limits } = ctx;
  const group = String(call.group);
  const delta = num(call.params.DecreaseNodeCount) ?? call.range?.max;
  if (delta === undefined || delta <= 0) return [];
  const from = call.from;
  const to = from !== undefined ? from - delta : undefined;
  const where = { cluster: ctx.cluster, group, path: call.path ?? countPath(call), call };
  const what = from !== undefined ? `DecreaseNodes shrinks "${group}" (${call.groupType ?? "?"}) ${from} -> ${to} (-${delta})` : `DecreaseNodes may shrink "${group}" (${call.groupType ?? "?"}) by up to ${delta}`;
  if (call.groupType !== undefined && !SCALE_IN_GROUP_TYPES.includes(call.groupType)) {
    return [changeFinding(CHANGE_RULES.scaleIn, where, `${what}: only ${SCALE_IN_GROUP_TYPES.join("/")} groups are scaled in (the live group is ${call.groupType}; its nodes hold data or serve jobs)`, `keep the live count of "${group}"${call.groupType === "CORE" ? "; a group re-typed in the program stays CORE in the cluster" : ""}; shrink a ${SCALE_IN_GROUP_TYPES.join("/")} group instead`)];
  }
  if (call.groupPayment === "Subscription") {
    return [changeFinding(CHANGE_RULES.scaleIn, where, `${what}: its nodes are Subscription nodes, which DecreaseNodes never releases (the ECS console does)`, `keep the count of "${group}"; scale in a PayAsYouGo ${SCALE_IN_GROUP_TYPES.join("/")} group instead`)];
  }
  if (from === undefined || to === undefined) return [];
  // A call that names the nodes it releases (EmrClient: NodeIds from ListNodes) is the confirmation the seed asks for;
  // emptying the group still needs its acknowledgement. A count (the provider's way) cannot empty a group: the API
  // takes a DecreaseNodeCount only below the active nodes, so steps by count end at 1 and the last node goes by its ID.
  const named = Array.isArray(call.params.NodeIds) && call.params.NodeIds.length === delta;
  const byCountToZero = !named && to === 0;
  const lastById = `then release the last node by its ID (the EMR console's scale-in, or EmrClient.scaleInTaskGroup with the acknowledgement "${ackValue.taskToZero(group, 1)}") and remove the group in a later update`;
  if (delta > limits.maxScaleInPerCall) {
    const end = byCountToZero ? 1 : to;
    const stepped = steps(from, end, limits.maxScaleInPerCall).filter(([, b]) => b === 0 || !named);
    // Each step names its own tag: a step to 0 is acknowledged as emptying the group, the others as a scale-in.
    const acks = stepped.map(([a, b]) => (b === 0 ? `"${ackValue.taskToZero(group, a)}" (emr-guard:ack-task-to-zero)` : `"${ackValue.scaleIn(group, a, b)}" (emr-guard:ack-scale-in)`)).join(", ");
    const each = acks ? `, with the acknowledgement of ${named ? "the last step" : "each step"}: ${acks}` : "";
    return [changeFinding(CHANGE_RULES.scaleIn, where, `${what}: one update releases at most ${limits.maxScaleInPerCall} nodes (the provider releases the whole delta in one DecreaseNodes call)`, `step it: ${stepPlan(from, end, limits.maxScaleInPerCall)}, one update each, at least ${SCALE_IN_BATCH_INTERVAL_SECONDS} s apart${each}${byCountToZero ? `; ${lastById}` : ""}`)];
  }
  // The API refuses it (the call plan's refusal says so, with the way out): no acknowledgement would help.
  if (byCountToZero) return [];
  const ack: AckRef = to === 0 ? { kind: "taskToZero", value: ackValue.taskToZero(group, from) } : { kind: "scaleIn", value: ackValue.scaleIn(group, from, to) };
  if ((to === 0 || !named) && !hasAck(ctx.acks, ack)) {
    const why = to === 0 ? "removing every node of a group eliminates its compute capacity" : "the service picks the nodes it releases";
    const look = named ? "" : `check what runs on "${group}" (\`emr-status --cluster <id>\` lists its nodes), then `;
    return [changeFinding(CHANGE_RULES.scaleIn, where, `${what}: ${why}; a scale-in needs the acknowledgement of this change`, `${look}${missingAck(ctx, ack, "it")}${to === 0 ? ", or keep at least 1 node" : ""}`, ack)];
  }
  return [];
}
