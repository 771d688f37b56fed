/**
 * The gates of the calls that change a cluster's settings, from the seed's API table (002) and guardrails.json:
 * PutAutoScalingPolicy / RemoveAutoScalingPolicy, UpdateClusterAttribute (deletion protection off only alone),
 * the payment switches, UntagResources of an edited tag, DeleteNodeGroup of a group made outside the program, and
 * DeleteCluster, which nothing in this project may send.
 */
import { ackValue, hasAck, policyFingerprint, renderAck, type AckRef } from "../change/acks";
import { describePolicy, field, summarizePolicy } from "../change/policy";
import { MALFORMED } from "../read";
import type { ChangeFinding } from "../change/types";
import type { ApplyRefusal, EmrCall } from "../calls/types";
import { ACK_TAGS, IDENTITY_TAG, MONTHS_PER_UNIT } from "../domain";
import { isUnknown } from "../types";
import { advisory, changeFinding, describeCall, missingAck, moneyOf, type GateContext } from "./finding";
import { CHANGE_RULES } from "./names";

const policyPath = (group: string) => `nodeGroups[name="${group}"].autoScalingPolicy`;
const ACK_TAG_KEYS = new Set<string>(Object.values(ACK_TAGS));

/** PutAutoScalingPolicy: MaxCapacity within the cap; replacing an existing policy (a whole replacement) acknowledged. */
export function gatePutAutoScalingPolicy(call: EmrCall, ctx: GateContext): ChangeFinding[] {
  const group = String(call.group);
  const policy = { constraints: call.params.Constraints, scalingRules: call.params.ScalingRules };
  const where = { cluster: ctx.cluster, group, path: call.path ?? policyPath(group), call };
  const out: ChangeFinding[] = [];
  const s = summarizePolicy(policy);
  const cap = ctx.limits.maxAutoScalingCapacity;
  if (s.maxCapacity === MALFORMED) {
    const written = JSON.stringify(field(field(policy, "constraints"), "maxCapacity"));
    out.push(changeFinding(CHANGE_RULES.autoScaling, { ...where, path: `${where.path}.constraints.maxCapacity` }, `node group "${group}": the auto-scaling policy's MaxCapacity ${written} is not a whole number of at least 0 (the bridge truncates a fraction; the API refuses the rest)`, `set constraints.maxCapacity to a whole number up to ${cap}`));
  } else if (typeof s.maxCapacity === "number" && s.maxCapacity > cap) {
    const why = s.maxCapacitySet ? `MaxCapacity ${s.maxCapacity}` : `no MaxCapacity (the API's default is ${s.maxCapacity})`;
    out.push(changeFinding(CHANGE_RULES.autoScaling, { ...where, path: `${where.path}.constraints.maxCapacity` }, `node group "${group}": the auto-scaling policy has ${why}, above the cap of ${cap}`, `set constraints.maxCapacity to ${cap} or less`));
  }
  // Putting the same policy again replaces nothing (the read-back fields do not count: see the fingerprint).
  if (call.replaces === undefined || policyFingerprint(call.replaces) === policyFingerprint(policy)) return out;
  const ack: AckRef = { kind: "autoScaling", value: ackValue.autoScalingReplace(group, policyFingerprint(policy)) };
  if (!hasAck(ctx.acks, ack)) {
    out.push(changeFinding(CHANGE_RULES.autoScaling, where, `node group "${group}": PutAutoScalingPolicy replaces the policy as a whole: old ${describePolicy(call.replaces)}; new ${describePolicy(policy)}`, `${missingAck(ctx, ack, "this policy")} (the value names the new policy), or keep the old one`, ack));
  }
  return out;
}

/** RemoveAutoScalingPolicy: the group stops scaling; acknowledged. */
export function gateRemoveAutoScalingPolicy(call: EmrCall, ctx: GateContext): ChangeFinding[] {
  const group = String(call.group);
  const ack: AckRef = { kind: "autoScaling", value: ackValue.autoScalingRemove(group) };
  if (hasAck(ctx.acks, ack)) return [];
  return [changeFinding(CHANGE_RULES.autoScaling, { cluster: ctx.cluster, group, path: call.path ?? policyPath(group), call }, `node group "${group}": RemoveAutoScalingPolicy: the group no longer scales and stays at its current size`, `${missingAck(ctx, ack, "the removal")}, or keep the policy`, ack)];
}

/**
 * UpdateClusterAttribute DeletionProtection=false: only as the only change of its update (a separate, explicit
 * change). An edit the provider stops at sends no call but is a change of the update all the same: the provider
 * sends protection off first, so a running group removed with it would leave protection off and the update failed.
 */
export function gateUpdateClusterAttribute(call: EmrCall, ctx: GateContext, all: readonly EmrCall[], refused: readonly ApplyRefusal[] = []): ChangeFinding[] {
  if (call.params.DeletionProtection !== false) return [];
  const others = all.filter((c) => c !== call);
  const alongside = Object.keys(call.params).filter((k) => k !== "DeletionProtection" && call.params[k] !== undefined);
  if (others.length === 0 && alongside.length === 0 && refused.length === 0) return [];
  const company = [...others.map(describeCall), ...alongside.map((k) => `${k} in the same call`), ...refused.map((r) => `the edit of ${r.path} (the provider stops there)`)];
  return [changeFinding(CHANGE_RULES.deletionProtection, { cluster: ctx.cluster, path: "deletionProtection", call }, `UpdateClusterAttribute DeletionProtection=false in the same update as ${company.slice(0, 5).join(", ")}${company.length > 5 ? ", ..." : ""}`, "apply the other changes first; then turn deletion protection off alone, in its own update (or not at all)")];
}

/** UpdateClusterPaymentType / UpdateNodeGroupPaymentType: the billing changes; acknowledged, long commitments too. */
export function gatePaymentSwitch(call: EmrCall, ctx: GateContext): ChangeFinding[] {
  const out: ChangeFinding[] = [];
  const path = call.action === "UpdateClusterPaymentType" ? "paymentType" : `nodeGroups[name="${call.group}"].paymentType`;
  const ack: AckRef = { kind: "paymentSwitch", value: ackValue.paymentSwitch("PayAsYouGo", "Subscription") };
  const whose = call.group ? `node group "${call.group}"` : "the cluster";
  if (!hasAck(ctx.acks, ack)) out.push(changeFinding(CHANGE_RULES.paymentSwitch, { cluster: ctx.cluster, group: call.group, path, call }, `${call.action} switches ${whose} PayAsYouGo -> Subscription: a billing change and a commitment`, `${missingAck(ctx, ack, "the switch")}, or keep paymentType "PayAsYouGo"`, ack));
  const d = call.params.PaymentDuration;
  const months = typeof d === "number" ? d * (call.params.PaymentDurationUnit === "Year" ? MONTHS_PER_UNIT.Year : MONTHS_PER_UNIT.Month) : undefined;
  if (months !== undefined && months > ctx.limits.subscriptionMonthsAckThreshold && !hasAck(ctx.acks, { kind: "subscriptionMonths", value: String(months) })) {
    out.push(changeFinding(CHANGE_RULES.paymentSwitch, { cluster: ctx.cluster, group: call.group, path, call }, `${call.action} commits ${whose} to ${months} months, above the ${ctx.limits.subscriptionMonthsAckThreshold}-month threshold${moneyOf(ctx.costs?.commitment(months, call.group))}`, `acknowledge it with ${renderAck({ kind: "subscriptionMonths", value: String(months) })}, or subscribe for fewer months`));
  }
  return out;
}

/** UntagResources of a key whose value the program edits: the provider removes what it has just written. */
export function gateUntagResources(call: EmrCall, ctx: GateContext): ChangeFinding[] {
  const edited = Array.isArray(call.params.EditedValues) ? call.params.EditedValues.map(String) : [];
  return edited.map((key) => {
    const f = changeFinding(CHANGE_RULES.tags, { cluster: ctx.cluster, path: `tags["${key}"]`, call }, `the tag "${key}" changes its value: the provider writes the new value (TagResources), then untags the key because its old value differs (service_alicloud_emr.go 480-527), so the cluster ends up without "${key}" while the state says it is set${key === IDENTITY_TAG ? "; the live gate finds the cluster by this tag" : ""}`, `change it in two updates: remove "${key}" in one, add it with the new value in the next (or edit it in the EMR console and keep the program in step)`);
    // An acknowledgement tag lost from the cloud costs nothing: the gates read it from the program and the state.
    return ACK_TAG_KEYS.has(key) ? advisory(f) : f;
  });
}

/** DeleteNodeGroup: allowed for a group the program had (it is empty); a group made outside the program is worth a look. */
export function gateDeleteNodeGroup(call: EmrCall, ctx: GateContext, recordedGroups: ReadonlySet<string> | undefined): ChangeFinding[] {
  if (!recordedGroups || recordedGroups.has(String(call.group))) return [];
  return [advisory(changeFinding(CHANGE_RULES.groupRemoval, { cluster: ctx.cluster, group: call.group, path: "nodeGroups", call }, `node group "${call.group}" runs in the cluster but is not in the program or the state (made in the console or by the API): the provider deletes it now that it is empty, and stops every node-group update while it has nodes`, `add it to the program to keep it, or let it go`))];
}

/** DeleteCluster: never (seed, Category 5). A cluster leaves the program with retainOnDelete; a person releases it. */
export function gateDeleteCluster(call: EmrCall, ctx: GateContext): ChangeFinding[] {
  return [changeFinding(CHANGE_RULES.release, { cluster: ctx.cluster, path: "(the cluster)", call }, `this update makes the provider call DeleteCluster (${call.because}): nothing in this project releases a cluster`, "keep the cluster in the program, or retire it: set retainOnDelete (EmrCluster sets it), add its emr:retire entry, then remove it; release it later in the EMR console with the checklist")];
}
