/**
 * A cluster's call plan -> one outcome per change rule: every call through its gate, every place the provider stops
 * halfway, every preview error, replacement, edit that never applies, live count not known, and the cluster's size.
 * The rule names are gates/names.ts; a finding an acknowledgement could approve is "unknown" while the tags are.
 */
import type { Acks } from "../change/acks";
import { show } from "../change/format";
import { ChangeOutcomeBuilder, type ChangeFinding, type ChangeLevel, type ChangeOutcome, type CostLens } from "../change/types";
import { NEW_GROUP_INSTEAD } from "../calls/provider";
import type { ApplyRefusal, CallPlan, EmrCall } from "../calls/types";
import { isUnknown } from "../types";
import { SCALE_IN_GROUP_TYPES, type GuardrailLimits } from "../domain";
import { advisory, changeFinding, describeCall, type GateContext } from "./finding";
import { gateCall } from "./gate";
import { changeRuleEntry } from "../catalog";
import { CHANGE_RULES, type ChangeRuleName } from "./names";
import { checkClusterTotal } from "./total";

export interface ChangeResult {
  rule: string;
  level: ChangeLevel;
  cluster: string;
  outcome: ChangeOutcome;
}

/** The rule each provider refusal belongs to, and the safe way instead. */
const REFUSAL_RULES: Readonly<Record<string, { rule: ChangeRuleName; fix: (r: ApplyRefusal, limits: GuardrailLimits) => string }>> = {
  toPayAsYouGo: { rule: CHANGE_RULES.paymentSwitch, fix: () => 'keep paymentType "Subscription": a Subscription cluster never goes back' },
  groupToPayAsYouGo: { rule: CHANGE_RULES.paymentSwitch, fix: (r) => `keep node group "${r.group}" on Subscription` },
  switchWithoutGroups: { rule: CHANGE_RULES.paymentSwitch, fix: () => 'switch the MASTER and CORE groups in the same update: paymentType "Subscription" and a subscriptionConfig on each' },
  payAsYouGoMasterCore: { rule: CHANGE_RULES.paymentSwitch, fix: (r) => `set node group "${r.group}" to paymentType "Subscription" (with a subscriptionConfig) in the same update` },
  switchWithoutConfig: { rule: CHANGE_RULES.paymentSwitch, fix: (r) => `give node group "${r.group}" a subscriptionConfig (paymentDuration, paymentDurationUnit)` },
  groupSwitchWithoutConfig: { rule: CHANGE_RULES.paymentSwitch, fix: (r) => `give node group "${r.group}" a subscriptionConfig (paymentDuration, paymentDurationUnit)` },
  masterIncrease: { rule: CHANGE_RULES.scaleOut, fix: (r) => `keep the count of "${r.group}"; add CORE or TASK nodes instead` },
  decreaseType: { rule: CHANGE_RULES.scaleIn, fix: (r) => `keep the count of "${r.group}"; only ${SCALE_IN_GROUP_TYPES.join("/")} groups shrink` },
  diskShrink: { rule: CHANGE_RULES.diskSize, fix: (r) => `keep the data disk of "${r.group}" at its size or larger; for smaller disks ${NEW_GROUP_INSTEAD}` },
  diskLocalHddPro: { rule: CHANGE_RULES.diskSize, fix: (r) => `local_hdd_pro disks do not grow: for more disk on "${r.group}", ${NEW_GROUP_INSTEAD}` },
  removeRunning: { rule: CHANGE_RULES.groupRemoval, fix: (r) => `keep "${r.group}" in the program; step it down to 1 node (one update per step, each acknowledged as the check says), release the last nodes by their IDs (the EMR console's scale-in, or EmrClient.scaleInTaskGroup: the API takes a count only below the active nodes), then remove it in a later update; a group that is not ${SCALE_IN_GROUP_TYPES.join("/")} cannot be emptied: keep it` },
  apiDecreaseToZero: { rule: CHANGE_RULES.scaleIn, fix: (r) => `keep at least 1 node in "${r.group}" (a scale-in to 1 needs its emr-guard:ack-scale-in); to empty the group, release the last node by its ID (the EMR console's scale-in, or EmrClient.scaleInTaskGroup with emr-guard:ack-task-to-zero), then remove the group from the program in a later update` },
};

function refusalFinding(plan: CallPlan, r: ApplyRefusal, limits: GuardrailLimits): ChangeFinding {
  const sent = plan.calls.map(describeCall);
  const entry = REFUSAL_RULES[r.kind] ?? { rule: CHANGE_RULES.scaleOut, fix: () => "see the provider's message" };
  const before = sent.length ? ` after sending ${sent.join(", ")} (not undone)` : " before any write call";
  const whose = r.group ? `node group "${r.group}": ` : "";
  return changeFinding(entry.rule, { cluster: plan.cluster, group: r.group, path: r.path }, `${whose}\`pulumi up\` fails halfway${before}: the provider answers "${r.message}" (${r.source})`, entry.fix(r, limits));
}

/** The rule that judges each action (a call whose parameters are known only after apply is unknown there). */
const RULE_OF_ACTION: Readonly<Partial<Record<EmrCall["action"], ChangeRuleName>>> = {
  RunCluster: CHANGE_RULES.creation, CreateNodeGroup: CHANGE_RULES.scaleOut, IncreaseNodes: CHANGE_RULES.scaleOut, DecreaseNodes: CHANGE_RULES.scaleIn,
  PutAutoScalingPolicy: CHANGE_RULES.autoScaling, RemoveAutoScalingPolicy: CHANGE_RULES.autoScaling, UpdateClusterAttribute: CHANGE_RULES.deletionProtection,
  UpdateClusterPaymentType: CHANGE_RULES.paymentSwitch, UpdateNodeGroupPaymentType: CHANGE_RULES.paymentSwitch, TagResources: CHANGE_RULES.tags, UntagResources: CHANGE_RULES.tags,
  DeleteNodeGroup: CHANGE_RULES.groupRemoval, IncreaseNodesDiskSize: CHANGE_RULES.diskSize, DeleteCluster: CHANGE_RULES.release,
};

const containsUnknown = (v: unknown): boolean => isUnknown(v) || (Array.isArray(v) ? v.some(containsUnknown) : v !== null && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype ? Object.values(v).some(containsUnknown) : false);

/** The calls a gate can judge; a call (other than RunCluster) whose parameters are known only after apply is unknown. */
function judgeable(call: EmrCall, unknown: (rule: ChangeRuleName, path: string) => void): boolean {
  const rule = RULE_OF_ACTION[call.action];
  if (call.action === "RunCluster") {
    const groups = Array.isArray(call.params.NodeGroups) ? call.params.NodeGroups : [];
    groups.forEach((g, i) => isUnknown((g as Record<string, unknown>)?.NodeCount) && unknown(CHANGE_RULES.creation, `nodeGroups[${i}].nodeCount (known after apply)`));
    return true;
  }
  if (!containsUnknown(call.params) || !rule) return true;
  unknown(rule, `${describeCall(call)} (its parameters are known after apply)`);
  return false;
}

function liveCountFinding(plan: CallPlan, u: CallPlan["unknownLiveCounts"][number]): ChangeFinding {
  const moves = [u.range.max > u.target ? `DecreaseNodes of up to ${u.range.max - u.target}` : "", u.range.min < u.target ? `IncreaseNodes of up to ${u.target - u.range.min}` : ""].filter(Boolean).join(" or ");
  return changeFinding(
    CHANGE_RULES.liveCounts,
    { cluster: plan.cluster, group: u.group, path: u.path },
    `node group "${u.group}" is auto-scaled (${u.range.min}-${u.range.max}) and this update changes the node groups, so the provider resizes it from its live count to the ${u.target} the state recorded: ${moves}, not known offline`,
    "judge it with the live count: refresh first (`pulumi refresh --yes`, then `pulumi stack export` and `emr-check --state <file> --refreshed`), or run the check with cloud credentials (`--live`); deploy with `pulumi up --refresh` so the provider plans from the live count",
  );
}

/** Every change rule's outcome for one cluster's plan; `costs`: with a price book, the money behind the count findings. */
export function judgeCallPlan(plan: CallPlan, limits: GuardrailLimits, acks: Acks, costs?: CostLens): ChangeResult[] {
  const builders = new Map<ChangeRuleName, ChangeOutcomeBuilder>();
  const on = (rule: ChangeRuleName) => {
    let b = builders.get(rule);
    if (!b) builders.set(rule, (b = new ChangeOutcomeBuilder(acks.unknown)));
    return b;
  };
  const add = (f: ChangeFinding) => on(f.rule as ChangeRuleName).add([f]);
  const ctx: GateContext = { cluster: plan.cluster, limits, acks, ...(costs ? { costs } : {}) };
  const recordedGroups = plan.operation === "create" ? undefined : new Set(plan.recordedGroups);
  for (const call of plan.calls.filter((c) => judgeable(c, (rule, path) => on(rule).unknown(path)))) gateCall(call, ctx, { calls: plan.calls, refusals: plan.refusals, recordedGroups }).forEach(add);
  plan.refusals.forEach((r) => add(refusalFinding(plan, r, limits)));
  // A protected cluster leaving the program: judged with its emr:retire entry (plan-rules.ts retirement).
  for (const e of plan.previewErrors.filter((x) => x.kind === "protected-replacement" || x.kind === "provider-check")) add(changeFinding(CHANGE_RULES.replacement, { cluster: plan.cluster, path: e.path }, e.message, e.kind === "protected-replacement" ? "keep the field as it is; to move on, create a new cluster next to this one (another resource name), migrate data and jobs, then retire the old one (emr:retire)" : "use a value the provider accepts"));
  if (plan.operation === "replace" && plan.previewErrors.length === 0) {
    for (const r of plan.replacements.filter((x) => !x.unknown)) add(changeFinding(CHANGE_RULES.replacement, { cluster: plan.cluster, path: r.path }, `${r.path} ${show(r.before)} -> ${show(r.after)} replaces the cluster (${r.by === "option" ? "replaceOnChanges" : "a ForceNew field of the provider"}): the data on it (HDFS, a local metastore, logs) is lost`, "keep the field as it is; to move on, create a new cluster next to this one, migrate, then retire the old one (emr:retire)"));
  }
  plan.replacements.filter((r) => r.unknown).forEach((r) => on(CHANGE_RULES.replacement).unknown(r.path));
  for (const n of plan.notApplied) {
    if (n.unknown) {
      on(CHANGE_RULES.notApplied).unknown(n.path);
      continue;
    }
    if (n.path === "securityMode" && n.before === "KERBEROS" && n.after === "NORMAL") {
      add(changeFinding(CHANGE_RULES.securityMode, { cluster: plan.cluster, path: n.path }, "securityMode KERBEROS -> NORMAL: a security downgrade is never made (the provider would not apply it either: the cluster stays KERBEROS)", 'keep securityMode "KERBEROS"'));
      continue;
    }
    const values = n.path === "applicationConfigs" ? "changed" : `${show(n.before)} -> ${show(n.after)}`;
    add(advisory(changeFinding(CHANGE_RULES.notApplied, { cluster: plan.cluster, group: n.group, path: n.path }, `${n.group ? `node group "${n.group}": ` : ""}${n.path} ${values}: the provider makes no API call for this field after creation, so the edit will not reach the cluster`, n.instead)));
  }
  plan.unknownLiveCounts.forEach((u) => add(liveCountFinding(plan, u)));
  if (plan.unknown.includes("(the recorded cluster is not found live)")) {
    add(changeFinding(CHANGE_RULES.liveCounts, { cluster: plan.cluster, path: "(the cluster)" }, "the cluster the state records is not found live (released or deleted outside the program): `pulumi up --refresh` would create a new cluster (RunCluster), `pulumi up` without it fails at its first call", "find out what happened to it (emr-status, ActionTrail); to keep managing a cluster that runs, import it (emr-adopt); to let it go, remove it from the program with its emr:retire entry"));
  }
  const { before, after } = plan.size;
  if (before !== undefined && after !== undefined) checkClusterTotal({ cluster: plan.cluster, totalBefore: before, totalAfter: after }, ctx).forEach(add);
  else if (plan.operation !== "delete" && plan.operation !== "retain") on(CHANGE_RULES.clusterTotal).unknown("nodeGroups (the cluster's size is known after apply)");
  for (const u of plan.unknown.filter((x) => x !== "(the recorded cluster is not found live)")) on(/replace/.test(u) ? CHANGE_RULES.replacement : u.startsWith("nodeGroups") ? CHANGE_RULES.scaleOut : u.startsWith("tags") ? CHANGE_RULES.tags : CHANGE_RULES.notApplied).unknown(u);
  for (const m of acks.malformed) add(changeFinding(CHANGE_RULES.ackFormat, { cluster: plan.cluster, path: `tags["${m.tag}"]` }, `the acknowledgement ${m.tag}: "${m.entry}" approves nothing: ${m.reason}`, `write the entry that names the change, e.g. ${m.tag}: "${m.example}" (the check prints the exact value a change needs)`));
  return [...builders.entries()].map(([rule, b]) => ({ rule, level: changeRuleEntry(rule).level, cluster: plan.cluster, outcome: b.build() }));
}

