/**
 * The provider's Update of an emrv2 Cluster (resourceAlicloudEmrV2ClusterUpdate, 2077-3008) as the EMR write calls it
 * sends, in order: tags first (even when a later step fails), the cluster's attributes, the payment switch, the
 * node groups (only when `node_groups` has any diff), the bootstrap scripts. Nothing sent is undone when a later
 * step fails; there is no re-read between steps.
 */
import { canonicalJson } from "../change/acks";
import { clusterSnapshot, compareKey, compareValues, type ClusterSnapshot, type Comparison } from "../change/snapshot";
import { isUnknown } from "../types";
import { isKnown, readBool } from "../read";
import { applyIgnoreChanges, cloneData } from "./ignore-changes";
import { APPLIED_CLUSTER_FIELDS, APPLIED_GROUP_FIELDS, COMPUTED_CLUSTER_FIELDS, COMPUTED_GROUP_FIELDS, FORCE_NEW_CLUSTER_FIELDS, GROUP_RENEWAL_INSTEAD, NEW_GROUP_INSTEAD, NOT_APPLIED_CLUSTER_FIELDS, PROVIDER_REFUSALS, refusalText } from "./provider";
import { groupPhase } from "./update-groups";
import type { LiveState } from "./sides";
import type { ApplyRefusal, CallPlan, EmrCall, NotApplied, Replacement } from "./types";

export interface RecordedSide {
  /** The recorded inputs (what the program sent last time). */
  inputs: Record<string, unknown>;
  /** The recorded outputs (the provider's state: last create, refresh or update); the inputs when not recorded. */
  state: Record<string, unknown>;
}

export interface PlannedSide {
  /** The program's inputs now. */
  inputs: Record<string, unknown>;
  ignoreChanges: readonly string[];
  replaceOnChanges: readonly string[];
}

/** Defaults the API applies when a field is left out, so `undefined -> "NORMAL"` is no change. */
const CLUSTER_DEFAULTS: Readonly<Record<string, unknown>> = { deployMode: "NORMAL", securityMode: "NORMAL", paymentType: "PayAsYouGo" };
const rec = (v: unknown): Record<string, unknown> => (v !== null && typeof v === "object" && !Array.isArray(v) && !isUnknown(v) ? (v as Record<string, unknown>) : {});
const keysOf = (...xs: Record<string, unknown>[]) => [...new Set(xs.flatMap((x) => Object.keys(x)))].filter((k) => !k.startsWith("__"));

/**
 * One key of two records, as the provider sees it: a Computed key the program leaves out keeps the recorded value;
 * another key left out falls back to `fallback` (the API's default).
 */
function compareField(before: Record<string, unknown>, after: Record<string, unknown>, key: string, computed: readonly string[], fallback?: unknown): Comparison {
  if (after[key] === undefined && computed.includes(key)) return "same";
  return compareKey(before, after, key, fallback);
}
const clusterField = (b: Record<string, unknown>, a: Record<string, unknown>, k: string) => compareField(b, a, k, COMPUTED_CLUSTER_FIELDS, CLUSTER_DEFAULTS[k]);
const groupField = (b: Record<string, unknown>, a: Record<string, unknown>, k: string) => compareField(b, a, k, COMPUTED_GROUP_FIELDS);

/**
 * What the provider compares: the recorded inputs, with each group's node count as the state has it (the live count
 * of the last read), and with ignored paths equal on both sides (ignoreChanges takes them from the state).
 */
function comparableBefore(before: RecordedSide, ignore: readonly string[]): Record<string, unknown> {
  const out = cloneData(before.inputs);
  const stateGroups = Array.isArray(before.state.nodeGroups) ? before.state.nodeGroups : [];
  if (Array.isArray(out.nodeGroups)) {
    out.nodeGroups = out.nodeGroups.map((g, i) => {
      const count = rec(stateGroups[i]).nodeCount;
      return count !== undefined && rec(stateGroups[i]).nodeGroupName === rec(g).nodeGroupName ? { ...rec(g), nodeCount: count } : g;
    });
  }
  return applyIgnoreChanges(out, before.state, ignore).planned;
}

/** `node_groups` has a diff: the lists differ at any POSITION (a TypeList), or in length. */
function nodeGroupsDiff(before: Record<string, unknown>, planned: Record<string, unknown>): Comparison {
  const [b, a] = [before.nodeGroups, planned.nodeGroups];
  if (!Array.isArray(b) || !Array.isArray(a)) return compareValues(b, a);
  if (b.length !== a.length) return "changed";
  let unknown = false;
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [rec(b[i]), rec(a[i])];
    for (const k of keysOf(x, y)) {
      const c = groupField(x, y, k);
      if (c === "changed") return "changed";
      if (c === "unknown") unknown = true;
    }
  }
  return unknown ? "unknown" : "same";
}

function tagPhase(before: Record<string, unknown>, planned: Record<string, unknown>, live: LiveState, unknown: string[]): EmrCall[] {
  const c = compareValues(before.tags ?? {}, planned.tags ?? {});
  if (c === "same") return [];
  if (isUnknown(planned.tags)) {
    unknown.push("tags (known after apply: which tags the provider writes and removes)");
    return [{ action: "TagResources", params: {}, possible: true, because: "tags known after apply" }];
  }
  const after = rec(planned.tags);
  const liveTags = live.tags ?? Object.fromEntries(Object.entries(rec(before.tags)).map(([k, v]) => [k, String(v)]));
  const calls: EmrCall[] = [];
  if (Object.keys(after).length) calls.push({ action: "TagResources", params: { Tags: Object.entries(after).map(([Key, Value]) => ({ Key, Value })) }, because: "tags changed: the provider writes every tag of the program" });
  // Keys the cluster has that the program drops, AND keys whose value changes (service_alicloud_emr.go 480-486): the
  // provider untags what it has just written.
  const untag = Object.entries(liveTags).filter(([k, v]) => !(k in after) || String(after[k]) !== v).map(([k]) => k);
  if (untag.length) calls.push({ action: "UntagResources", params: { TagKeys: untag, EditedValues: untag.filter((k) => k in after) }, because: "tags the program drops or whose value changes" });
  return calls;
}

function attributeCall(before: Record<string, unknown>, planned: Record<string, unknown>): EmrCall | undefined {
  const params: Record<string, unknown> = {};
  const changed = (k: string) => clusterField(before, planned, k) !== "same";
  if (changed("clusterName") && typeof planned.clusterName === "string" && planned.clusterName !== "") params.ClusterName = planned.clusterName;
  if (changed("logCollectStrategy") && typeof planned.logCollectStrategy === "string" && planned.logCollectStrategy !== "") params.LogCollectStrategy = planned.logCollectStrategy;
  if (changed("deletionProtection")) params.DeletionProtection = planned.deletionProtection ?? false;
  const any = changed("clusterName") || changed("logCollectStrategy") || changed("deletionProtection");
  return any ? { action: "UpdateClusterAttribute", params, because: `${Object.keys(params).join(", ") || "clusterName"} changed` } : undefined;
}

const upperSorted = (v: unknown) => (Array.isArray(v) ? v.map((x) => (typeof x === "string" ? x.toUpperCase() : x)).sort() : v);

/** Changed ForceNew fields (per nodeAttributes field) and changed replaceOnChanges paths. */
export function replacementsOf(before: Record<string, unknown>, planned: Record<string, unknown>, replaceOnChanges: readonly string[]): Replacement[] {
  const out: Replacement[] = [];
  for (const f of FORCE_NEW_CLUSTER_FIELDS) {
    if (f === "nodeAttributes") {
      const [b, a] = [rec(Array.isArray(before[f]) ? (before[f] as unknown[])[0] : before[f]), rec(Array.isArray(planned[f]) ? (planned[f] as unknown[])[0] : planned[f])];
      for (const k of keysOf(b, a)) {
        const c = compareValues(b[k], a[k]);
        if (c !== "same") out.push({ path: `nodeAttributes.${k}`, before: b[k], after: a[k], by: "provider", ...(c === "unknown" ? { unknown: true as const } : {}) });
      }
      continue;
    }
    const [b, a] = f === "applications" ? [upperSorted(before[f]), upperSorted(planned[f])] : [before[f], planned[f]];
    const c = compareValues(b ?? CLUSTER_DEFAULTS[f], a ?? CLUSTER_DEFAULTS[f]);
    if (c !== "same") out.push({ path: f, before: before[f], after: planned[f], by: "provider", ...(c === "unknown" ? { unknown: true as const } : {}) });
  }
  for (const p of replaceOnChanges) {
    const key = p.split(/[.[]/)[0];
    if (out.some((r) => r.path.split(".")[0] === key)) continue;
    // The engine replaces only on a path the provider's diff reports (applyReplaceOnChanges), and a Computed field
    // the program leaves out keeps the cluster's value: no diff, no replacement.
    const c = clusterField(before, planned, key);
    if (c !== "same") out.push({ path: key, before: before[key], after: planned[key], by: "option", ...(c === "unknown" ? { unknown: true as const } : {}) });
  }
  return out;
}

/** Two subscription configs that differ only in their auto-renewal keys (autoRenew, autoRenewDuration, ...). */
function renewalOnly(before: unknown, after: unknown): boolean {
  const rest = (v: unknown) => Object.fromEntries(Object.entries(rec(Array.isArray(v) ? v[0] : v)).filter(([k]) => !k.startsWith("autoRenew")));
  return compareValues(rest(before), rest(after)) === "same";
}

/** Edits the provider makes no call for (cluster fields, and fields of groups it keeps). */
function notAppliedOf(before: ClusterSnapshot, planned: ClusterSnapshot, b: Record<string, unknown>, a: Record<string, unknown>): NotApplied[] {
  const out: NotApplied[] = [];
  for (const k of keysOf(b, a)) {
    if ((APPLIED_CLUSTER_FIELDS as readonly string[]).includes(k) || (FORCE_NEW_CLUSTER_FIELDS as readonly string[]).includes(k)) continue;
    const c = clusterField(b, a, k);
    if (c === "same") continue;
    out.push({ path: k, before: b[k], after: a[k], ...(c === "unknown" ? { unknown: true as const } : {}), instead: NOT_APPLIED_CLUSTER_FIELDS[k] ?? "the provider has no update call for this field: change it in the EMR console, then keep the program in step" });
  }
  const beforeGroups = new Map((Array.isArray(before.nodeGroups) ? before.nodeGroups : []).filter((g) => isKnown(g.name)).map((g) => [g.name, g]));
  for (const g of Array.isArray(planned.nodeGroups) ? planned.nodeGroups : []) {
    const old = isKnown(g.name) ? beforeGroups.get(g.name) : undefined;
    if (!old) continue;
    for (const k of keysOf(old.raw, g.raw)) {
      const applied = (APPLIED_GROUP_FIELDS as readonly string[]).includes(k) && !(k === "paymentType" && planned.paymentType !== "Subscription");
      if (k === "dataDisks") {
        const [x, y] = [rec((old.raw.dataDisks as unknown[] | undefined)?.[0]), rec((g.raw.dataDisks as unknown[] | undefined)?.[0])];
        const rest = (d: Record<string, unknown>) => Object.fromEntries(Object.entries(d).filter(([f]) => f !== "size"));
        if (compareValues(rest(x), rest(y)) !== "same") out.push({ path: `${g.path}.dataDisks`, group: String(g.name), before: old.raw.dataDisks, after: g.raw.dataDisks, instead: NEW_GROUP_INSTEAD });
        continue;
      }
      const c = groupField(old.raw, g.raw, k);
      if (applied || c === "same") continue;
      const instead = k === "paymentType" ? "a node group's payment changes only in a Subscription cluster" : k === "subscriptionConfig" && renewalOnly(old.raw[k], g.raw[k]) ? GROUP_RENEWAL_INSTEAD : NEW_GROUP_INSTEAD;
      out.push({ path: `${g.path}.${k}`, group: String(g.name), before: old.raw[k], after: g.raw[k], ...(c === "unknown" ? { unknown: true as const } : {}), instead });
    }
  }
  return out;
}

function refusalOf(kind: "toPayAsYouGo" | "switchWithoutGroups"): ApplyRefusal {
  return { kind, message: refusalText(kind), source: PROVIDER_REFUSALS[kind].source, path: "paymentType" };
}

/** The calls of one update of an existing cluster (the resource stays; see plan.ts for replacements). */
export function planUpdate(args: { cluster: string; urn?: string; before: RecordedSide; after: PlannedSide; live: LiveState }): CallPlan {
  const { planned, skipped } = applyIgnoreChanges(args.after.inputs, args.before.state, args.after.ignoreChanges);
  const before = comparableBefore(args.before, args.after.ignoreChanges);
  const [bs, ps, ss] = [clusterSnapshot(before), clusterSnapshot(planned), clusterSnapshot(args.before.state)];
  const plan: CallPlan = {
    cluster: args.cluster, ...(args.urn ? { urn: args.urn } : {}), operation: "update", calls: [], refusals: [], previewErrors: [], notApplied: [], replacements: [],
    unknown: [], liveSource: args.live.source, unknownLiveCounts: [], size: {}, recordedGroups: [],
  };
  if (skipped.length) plan.ignoreSkipped = skipped;
  const stop = (r: ApplyRefusal) => (plan.refusals.push(r), plan);
  plan.calls.push(...tagPhase(before, planned, args.live, plan.unknown));
  const attr = attributeCall(before, planned);
  if (attr) plan.calls.push(attr);
  const payment = clusterField(before, planned, "paymentType");
  const groups = nodeGroupsDiff(before, planned);
  if (payment === "changed") {
    if ((planned.paymentType ?? "PayAsYouGo") === "PayAsYouGo") return finish(stop(refusalOf("toPayAsYouGo")), bs, ps, before, planned);
    if (groups === "same") return finish(stop(refusalOf("switchWithoutGroups")), bs, ps, before, planned);
    const conversion = paymentConversion(ss, ps);
    if ("message" in conversion) return finish(stop(conversion), bs, ps, before, planned);
    plan.calls.push(conversion);
  }
  if (groups !== "same") {
    const phase = groupPhase({ planned: ps, state: ss, live: args.live, paymentSwitch: payment === "changed" });
    plan.calls.push(...phase.calls.map((c) => (groups === "unknown" ? { ...c, possible: true as const } : c)));
    plan.refusals.push(...phase.refusals);
    plan.unknownLiveCounts.push(...phase.unknownLiveCounts);
    plan.unknown.push(...phase.unknown);
    if (groups === "unknown" && !phase.unknown.length) plan.unknown.push("nodeGroups (a value known only after apply: whether the provider runs its node-group phase)");
    if (phase.refusals.length) return finish(plan, bs, ps, before, planned);
  }
  plan.calls.push(...scriptCalls(before, planned, args.live));
  return finish(plan, bs, ps, before, planned);
}

function finish(plan: CallPlan, bs: ClusterSnapshot, ps: ClusterSnapshot, before: Record<string, unknown>, planned: Record<string, unknown>): CallPlan {
  plan.notApplied = notAppliedOf(bs, ps, before, planned);
  if (plan.calls.length === 0 && plan.refusals.length === 0 && plan.notApplied.every((n) => n.unknown) && plan.unknown.length === 0) plan.operation = "same";
  return plan;
}

/** UpdateClusterPaymentType: the groups that switch with the cluster; MASTER/CORE must (2185-2255). */
function paymentConversion(state: ClusterSnapshot, planned: ClusterSnapshot): EmrCall | ApplyRefusal {
  const plannedByName = new Map((Array.isArray(planned.nodeGroups) ? planned.nodeGroups : []).filter((g) => isKnown(g.name)).map((g) => [g.name, g]));
  const groups: Record<string, unknown>[] = [];
  for (const old of Array.isArray(state.nodeGroups) ? state.nodeGroups : []) {
    const g = isKnown(old.name) ? plannedByName.get(old.name) : undefined;
    if (!g) continue;
    const pay = g.raw.paymentType;
    const type = isKnown(g.type) ? g.type : "";
    if (pay === "Subscription") {
      const sc = rec(Array.isArray(g.raw.subscriptionConfig) ? (g.raw.subscriptionConfig as unknown[])[0] : g.raw.subscriptionConfig);
      if (!Object.keys(sc).length) return { kind: "switchWithoutConfig", message: refusalText("switchWithoutConfig", String(g.name), type), source: PROVIDER_REFUSALS.switchWithoutConfig.source, path: `${g.path}.subscriptionConfig`, group: String(g.name) };
      groups.push({ NodeGroupName: g.name, NodeGroupType: type, PaymentType: "Subscription", PaymentDuration: sc.paymentDuration, PaymentDurationUnit: sc.paymentDurationUnit });
    } else if (pay === "PayAsYouGo" && (type === "MASTER" || type === "CORE")) {
      return { kind: "payAsYouGoMasterCore", message: refusalText("payAsYouGoMasterCore"), source: PROVIDER_REFUSALS.payAsYouGoMasterCore.source, path: `${g.path}.paymentType`, group: String(g.name) };
    }
  }
  const sc = rec(planned.raw.subscriptionConfig);
  const params: Record<string, unknown> = { PaymentType: "Subscription", NodeGroups: groups };
  // `GetOk` on the cluster's subscription_config: when it is set, every key is sent, an unset auto_pay_order as false.
  if (Object.keys(sc).length) Object.assign(params, { AutoPayOrder: readBool(sc.autoPayOrder) === true, AutoRenew: readBool(sc.autoRenew) === true, PaymentDuration: sc.paymentDuration, PaymentDurationUnit: sc.paymentDurationUnit });
  return { action: "UpdateClusterPaymentType", params, because: "paymentType PayAsYouGo -> Subscription" };
}

/** ListScripts, then CreateScript for new names, UpdateScript for changed ones, DeleteScript for dropped ones (2833-3002). */
function scriptCalls(before: Record<string, unknown>, planned: Record<string, unknown>, live: LiveState): EmrCall[] {
  if (compareValues(before.bootstrapScripts ?? [], planned.bootstrapScripts ?? []) === "same") return [];
  const list = (v: unknown) => (Array.isArray(v) ? v.map(rec) : []);
  const [old, now] = [list(before.bootstrapScripts), list(planned.bootstrapScripts)];
  const remote = new Set(live.scripts ?? old.map((s) => String(s.scriptName)));
  const name = (s: Record<string, unknown>) => String(s.scriptName);
  const calls: EmrCall[] = [];
  const created = now.filter((s) => !remote.has(name(s)));
  if (created.length) calls.push({ action: "CreateScript", params: { Scripts: created.map(name) }, because: "bootstrap scripts added" });
  for (const s of now.filter((x) => remote.has(name(x)))) {
    const o = old.find((x) => name(x) === name(s));
    if (!o || canonicalJson(o) !== canonicalJson(s)) calls.push({ action: "UpdateScript", params: { ScriptName: name(s) }, because: `bootstrap script "${name(s)}" changed` });
  }
  for (const o of old.filter((x) => remote.has(name(x)) && !now.some((s) => name(s) === name(x)))) calls.push({ action: "DeleteScript", params: { ScriptName: name(o) }, because: `bootstrap script "${name(o)}" removed` });
  return calls;
}
