/**
 * The node-group phase of the provider's Update (2131-2831): runs only when `node_groups` has any diff. Groups are
 * matched by NAME against the live cluster (ListNodeGroups), each group's count is resized from its LIVE count to
 * its planned one, and a live group the program does not list is deleted when empty or stops the update.
 * Calls built while iterating a Go map are marked `anyOrder` and listed by group name.
 */
import { compareValues, type ClusterSnapshot, type GroupSnapshot } from "../change/snapshot";
import { UNKNOWN } from "../types";
import { isKnown } from "../read";
import { NO_DISK_GROWTH_CATEGORY, PROVIDER_DECREASE_GROUP_TYPES, refusalText, PROVIDER_REFUSALS, type RefusalKind } from "./provider";
import { dataDiskOf, groupPayment, isRange, type LiveGroup, type LiveState } from "./sides";
import type { ApplyRefusal, CountRange, EmrCall } from "./types";

export interface GroupPhaseInput {
  /** The planned cluster (ignoreChanges applied) and the recorded state, for the payment and policy decisions. */
  planned: ClusterSnapshot;
  state: ClusterSnapshot;
  live: LiveState;
  /** The cluster's paymentType changes in this update (UpdateClusterPaymentType runs first). */
  paymentSwitch: boolean;
}

export interface GroupPhase {
  calls: EmrCall[];
  /** Program paths known only after apply (a count, a name, the list itself): the calls they make are not known. */
  unknown: string[];
  refusals: ApplyRefusal[];
  unknownLiveCounts: { group: string; path: string; target: number; range: CountRange }[];
}

const byName = <T>(items: readonly T[], name: (t: T) => string | undefined) => new Map(items.flatMap((t) => (name(t) === undefined ? [] : [[name(t) as string, t] as const])));
const groupsOf = (s: ClusterSnapshot) => (Array.isArray(s.nodeGroups) ? s.nodeGroups : []);
const nameOf = (g: GroupSnapshot) => (isKnown(g.name) ? g.name : undefined);
const subscriptionOf = (g: GroupSnapshot) => {
  const sc = g.raw.subscriptionConfig;
  const first = Array.isArray(sc) ? sc[0] : sc;
  return first !== null && typeof first === "object" ? (first as Record<string, unknown>) : undefined;
};

function refusal(kind: RefusalKind, path: string, group?: string, type?: string): ApplyRefusal {
  return { kind, message: refusalText(kind, group, type), source: PROVIDER_REFUSALS[kind].source, path, ...(group ? { group } : {}) };
}

/** The request the provider builds for a policy: PutAutoScalingPolicy when it has rules or constraints (2262-2330). */
function policyCall(name: string, g: GroupSnapshot, live: LiveGroup, before: unknown): EmrCall | undefined {
  const after = g.autoScalingPolicy;
  const c = compareValues(before, after);
  if (c === "same") return undefined;
  if (c === "unknown") return { group: name, groupType: live.type, anyOrder: true, path: `${g.path}.autoScalingPolicy`, action: "PutAutoScalingPolicy", params: { Constraints: UNKNOWN, ScalingRules: UNKNOWN }, possible: true, because: `${g.path}.autoScalingPolicy known after apply` };
  const p = after !== null && typeof after === "object" ? (after as Record<string, unknown>) : undefined;
  const hasBody = p !== undefined && (p.scalingRules !== undefined || p.constraints !== undefined);
  const base = { group: name, groupType: live.type, anyOrder: true as const, path: `${g.path}.autoScalingPolicy` };
  return hasBody
    ? { ...base, action: "PutAutoScalingPolicy", params: { ScalingRules: p.scalingRules, Constraints: p.constraints }, ...(before !== undefined && before !== null ? { replaces: before } : {}), because: `${g.path}.autoScalingPolicy changed` }
    : { ...base, action: "RemoveAutoScalingPolicy", params: {}, because: `${g.path}.autoScalingPolicy removed` };
}

/** IncreaseNodes/DecreaseNodes of one existing group, queued until the loop ends (2358-2401). */
function resize(name: string, g: GroupSnapshot, live: LiveGroup, payment: string | undefined, out: GroupPhase, queue: { inc: EmrCall[]; dec: EmrCall[] }): ApplyRefusal | undefined {
  const target = g.nodeCount;
  if (!isKnown(target)) return undefined;
  const path = `${g.path}.nodeCount`;
  const plannedType = isKnown(g.type) ? g.type : live.type;
  const base = { group: name, groupType: live.type, path, ...(live.paymentType ?? payment ? { groupPayment: live.paymentType ?? payment } : {}) };
  if (isRange(live.running)) {
    const r = live.running;
    if (r.min === target && r.max === target) return undefined;
    out.unknownLiveCounts.push({ group: name, path, target, range: r });
    if (r.min < target) {
      if (plannedType === "MASTER") return refusal("masterIncrease", path, name);
      queue.inc.push({ ...base, action: "IncreaseNodes", params: {}, range: { min: 1, max: target - r.min }, possible: true, because: `${path}: planned ${target} (recorded state), live ${r.min}–${r.max} not known offline` });
    }
    if (r.max > target) {
      if (!PROVIDER_DECREASE_GROUP_TYPES.includes(String(plannedType))) return refusal("decreaseType", path, name);
      queue.dec.push({ ...base, action: "DecreaseNodes", params: {}, range: { min: 1, max: r.max - target }, possible: true, because: `${path}: planned ${target} (recorded state), live ${r.min}–${r.max} not known offline` });
    }
    return undefined;
  }
  const current = live.running;
  if (target > current) {
    if (plannedType === "MASTER") return refusal("masterIncrease", path, name);
    queue.inc.push({ ...base, action: "IncreaseNodes", from: current, params: { IncreaseNodeCount: target - current }, because: `${path} ${current} -> ${target}` });
  } else if (target < current) {
    // The provider checks the PROGRAM's type (2392-2394); the gates judge the live one.
    if (!PROVIDER_DECREASE_GROUP_TYPES.includes(String(plannedType))) return refusal("decreaseType", path, name);
    queue.dec.push({ ...base, action: "DecreaseNodes", from: current, params: { DecreaseNodeCount: current - target }, because: `${path} ${current} -> ${target}` });
  }
  return undefined;
}

/** A larger first data disk: IncreaseNodesDiskSize; a smaller one stops the update (2403-2414). */
function disk(name: string, g: GroupSnapshot, live: LiveGroup): EmrCall | ApplyRefusal | undefined {
  const target = dataDiskOf(g)?.size;
  const current = live.dataDisk?.size;
  if (target === undefined || current === undefined || target === current) return undefined;
  const path = `${g.path}.dataDisks[0].size`;
  if (target < current) return refusal("diskShrink", path, name);
  if (live.dataDisk?.category === NO_DISK_GROWTH_CATEGORY) return refusal("diskLocalHddPro", path, name);
  return { action: "IncreaseNodesDiskSize", group: name, groupType: live.type, anyOrder: true, path, params: { DataDiskSizes: [{ Category: live.dataDisk?.category, Size: target }] }, because: `${path} ${current} -> ${target}` };
}

/** CreateNodeGroup with NodeCount in the request, then IncreaseNodes by the same count (2420-2660). */
function create(name: string, g: GroupSnapshot, planned: ClusterSnapshot, queue: { inc: EmrCall[] }): EmrCall {
  const count = isKnown(g.nodeCount) ? g.nodeCount : undefined;
  const type = isKnown(g.type) ? g.type : undefined;
  const payment = groupPayment(g, planned);
  const facts = { group: name, path: `${g.path}.nodeCount`, ...(type ? { groupType: type } : {}), ...(payment ? { groupPayment: payment } : {}) };
  if (count !== undefined && count > 0) queue.inc.push({ ...facts, action: "IncreaseNodes", from: 0, params: { IncreaseNodeCount: count }, newGroup: true, because: `new node group ${g.path} "${name}": the provider adds its ${count} nodes after creating it` });
  const nodeGroup: Record<string, unknown> = { NodeGroupName: name, NodeGroupType: type, NodeCount: count, PaymentType: payment };
  if (g.autoScalingPolicy !== undefined) nodeGroup.AutoScalingPolicy = g.autoScalingPolicy;
  const sc = subscriptionOf(g);
  if (payment === "Subscription" && sc) nodeGroup.SubscriptionConfig = { PaymentDuration: sc.paymentDuration, PaymentDurationUnit: sc.paymentDurationUnit };
  return { ...facts, action: "CreateNodeGroup", anyOrder: true, params: { NodeGroup: nodeGroup }, because: `${g.path} "${name}" is not in the live cluster` };
}

export function groupPhase(input: GroupPhaseInput): GroupPhase {
  const out: GroupPhase = { calls: [], refusals: [], unknownLiveCounts: [], unknown: [] };
  // A list known only after apply: which groups the provider creates, resizes or deletes is not known.
  if (!Array.isArray(input.planned.nodeGroups)) return { ...out, unknown: ["nodeGroups (known after apply)"] };
  const planned = groupsOf(input.planned);
  const live = byName(input.live.groups, (g) => g.name);
  const state = byName(groupsOf(input.state), nameOf);
  const plannedByName = byName(planned, nameOf);
  const queue = { inc: [] as EmrCall[], dec: [] as EmrCall[], del: [] as EmrCall[] };
  const loop: EmrCall[] = [];
  const second: EmrCall[] = [];
  const firstRefusals: ApplyRefusal[] = [];
  const secondRefusals: ApplyRefusal[] = [];
  const clusterSubscription = input.planned.paymentType === "Subscription";

  // The first loop, over the program's groups (Go map order: listed by name).
  const unnamed = planned.filter((g) => nameOf(g) === undefined);
  // A group whose name is known only after apply cannot be matched: no group can be called removed or new.
  if (unnamed.length) return { ...out, unknown: unnamed.map((g) => `${g.path}.nodeGroupName (known after apply)`) };
  for (const g of [...planned].sort((x, y) => String(nameOf(x)).localeCompare(String(nameOf(y))))) {
    const name = nameOf(g) as string;
    if (!isKnown(g.nodeCount) && g.nodeCount !== undefined) out.unknown.push(`${g.path}.nodeCount (known after apply)`);
    const l = live.get(name);
    if (!l) {
      loop.push(create(name, g, input.planned, queue));
      continue;
    }
    const put = policyCall(name, g, l, state.get(name)?.autoScalingPolicy);
    if (put) loop.push(put);
    const r = resize(name, g, l, groupPayment(g, input.state), out, queue);
    if (r) {
      firstRefusals.push(r);
      continue;
    }
    const d = disk(name, g, l);
    if (d && "action" in d) loop.push(d);
    else if (d) firstRefusals.push(d);
  }
  // The second loop, over the LIVE groups: absent from the program, or a payment change (2662-2742).
  for (const l of [...input.live.groups].sort((x, y) => x.name.localeCompare(y.name))) {
    const g = plannedByName.get(l.name);
    if (!g) {
      const running = isRange(l.running) ? l.running.max : l.running;
      if (running > 0) secondRefusals.push(refusal("removeRunning", `nodeGroups (the live group "${l.name}")`, l.name, l.type));
      else queue.del.push({ action: "DeleteNodeGroup", group: l.name, groupType: l.type, anyOrder: true, params: {}, because: `the live group "${l.name}" is not in the program and has no running nodes` });
      continue;
    }
    const after = groupPayment(g, input.planned);
    if (!input.paymentSwitch && clusterSubscription && after === "Subscription" && l.paymentType === "PayAsYouGo") {
      const sc = subscriptionOf(g);
      if (!sc) secondRefusals.push(refusal("groupSwitchWithoutConfig", `${g.path}.subscriptionConfig`, l.name, l.type));
      else second.push({ action: "UpdateNodeGroupPaymentType", group: l.name, groupType: l.type, groupPayment: "PayAsYouGo", anyOrder: true, params: { PaymentType: "Subscription", PaymentDuration: sc.paymentDuration, PaymentDurationUnit: sc.paymentDurationUnit }, because: `${g.path}.paymentType PayAsYouGo -> Subscription` });
    } else if (!input.paymentSwitch && clusterSubscription && l.paymentType === "Subscription" && after === "PayAsYouGo") {
      secondRefusals.push(refusal("groupToPayAsYouGo", `${g.path}.paymentType`, l.name, l.type));
    }
  }
  // A refusal stops the update: the queued resizes and deletes are never sent. The calls of the groups the provider met
  // before the refusing one were sent, in Go map order: each call of another group is "maybe".
  const maybe = (calls: EmrCall[], refusals: ApplyRefusal[]) => calls.map((c) => (refusals.some((r) => r.group === c.group) ? c : { ...c, possible: true as const }));
  if (firstRefusals.length) {
    out.refusals = firstRefusals;
    out.calls = maybe(loop, firstRefusals);
    return out;
  }
  if (secondRefusals.length) {
    out.refusals = secondRefusals;
    out.calls = [...loop, ...maybe(second, secondRefusals)];
    return out;
  }
  // The provider empties a group with a count, which the API refuses (it is "less than the active nodes"): the
  // update stops there, after the increases and the decreases sent before it (any order among the decreases).
  const toZero = queue.dec.filter((c) => c.from !== undefined && c.from === c.params.DecreaseNodeCount);
  if (toZero.length) {
    out.refusals = toZero.map((c) => refusal("apiDecreaseToZero", c.path ?? "nodeGroups", c.group));
    out.calls = [...loop, ...second, ...queue.inc, ...queue.dec.map((c) => (toZero.includes(c) ? c : { ...c, possible: true as const }))];
    return out;
  }
  out.calls = [...loop, ...second, ...queue.inc, ...queue.dec, ...queue.del];
  return out;
}
