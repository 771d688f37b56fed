/**
 * Plan-level change rules (over every cluster of a plan) and the one entry point the callers use: a plan that
 * creates several clusters, a cluster that leaves the program (retirement), stale acknowledgements; then every
 * cluster-level rule on every cluster. Pure; never throws (a rule that throws reports itself).
 */
import { ackValue, hasAck, policyFingerprint, renderAck, NAMED_CHANGE_ACKS, CHANGE_ACK_TAGS, type AckRef, type NamedChangeAck } from "./acks";
import type { ClusterChange } from "./diff";
import { CLUSTER_CHANGE_RULES } from "./rules";
import { CHANGE_RULES, changeFinding } from "./steps";
import { ChangeOutcomeBuilder, type ChangeLevel, type ChangeOutcome } from "./types";
import type { GuardrailLimits } from "../domain";
import { isKnown } from "../view";

/** One `emr:retire` entry of the stack config: the Pulumi resource name and the cluster ID it had. */
export interface RetireEntry {
  name: string;
  clusterId: string;
}

/** Reads `emr:retire` (a list of { name, clusterId }); problems name the entry and the field, with a right example. */
export function parseRetireEntries(raw: unknown): { entries: RetireEntry[]; problems: string[] } {
  const example = 'emr:retire: [{ name: "analytics", clusterId: "c-1234567890abcdef" }]';
  if (raw === undefined || raw === null) return { entries: [], problems: [] };
  if (!Array.isArray(raw)) return { entries: [], problems: [`emr:retire must be a list, e.g. ${example}`] };
  const entries: RetireEntry[] = [];
  const problems: string[] = [];
  raw.forEach((e, i) => {
    const r = e !== null && typeof e === "object" && !Array.isArray(e) ? (e as Record<string, unknown>) : {};
    const bad = [typeof r.name === "string" && r.name.length > 0 ? "" : "name (the Pulumi resource name)", typeof r.clusterId === "string" && /^c-[0-9a-z]+$/.test(r.clusterId) ? "" : "clusterId (c-...)"].filter(Boolean);
    const extra = Object.keys(r).filter((k) => k !== "name" && k !== "clusterId");
    if (bad.length || extra.length) problems.push(`emr:retire[${i}]: ${[...bad.map((b) => `needs ${b}`), ...extra.map((k) => `unknown key "${k}"`)].join(", ")}; e.g. ${example}`);
    else entries.push({ name: String(r.name), clusterId: String(r.clusterId) });
  });
  return { entries, problems };
}

export interface ChangePlan {
  changes: readonly ClusterChange[];
  retire?: readonly RetireEntry[];
}

export interface ChangeResult {
  rule: string;
  level: ChangeLevel;
  cluster: string;
  outcome: ChangeOutcome;
}

const nameForAck = (c: ClusterChange) => (c.after && isKnown(c.after.clusterName) ? c.after.clusterName : c.cluster);

function newClusters(changes: readonly ClusterChange[]): ChangeResult[] {
  const created = changes.filter((c) => c.kind === "create");
  return created.map((c) => {
    const out = new ChangeOutcomeBuilder(c.acks.unknown).applies();
    const ack: AckRef = { kind: "newCluster", value: ackValue.newCluster(nameForAck(c)) };
    if (created.length > 1 && !hasAck(c.acks, ack)) {
      const others = created.filter((x) => x !== c).map((x) => `"${x.cluster}"`).join(", ");
      out.add([changeFinding(CHANGE_RULES.newClusters, { cluster: c.cluster, path: "(new cluster)" }, `this plan creates ${created.length} clusters (also ${others}); each new cluster needs its own acknowledgement`, `acknowledge this one with ${renderAck(ack)}, or create one cluster per update`, ack)]);
    }
    return { rule: CHANGE_RULES.newClusters, level: "mandatory", cluster: c.cluster, outcome: out.build() };
  });
}

function retirement(change: ClusterChange, retire: readonly RetireEntry[]): ChangeResult {
  const out = new ChangeOutcomeBuilder(false).applies();
  const id = change.recorded?.id;
  const where = { cluster: change.cluster, path: "(removed from the program)" };
  const entry = retire.find((r) => r.name === change.cluster);
  const rightEntry = `emr:retire: [{ name: "${change.cluster}", clusterId: "${id ?? "c-..."}" }] in the stack config`;
  if (!entry) out.add([changeFinding(CHANGE_RULES.retirement, where, `the cluster${id ? ` ${id}` : ""} leaves the program without a retirement acknowledgement`, `if it is to be retired, add ${rightEntry}; otherwise put it back in the program`)]);
  else if (id !== undefined && entry.clusterId !== id) out.add([changeFinding(CHANGE_RULES.retirement, where, `emr:retire names cluster ${entry.clusterId} for "${change.cluster}", but the state records ${id}`, `retire the cluster the state records: ${rightEntry}`)]);
  const retain = change.recorded?.retainOnDelete;
  if (retain === false) {
    out.add([changeFinding(CHANGE_RULES.retirement, where, "the state does not record retainOnDelete for it: removing it from the program would make Pulumi release the cluster", "put it back, set the resource option retainOnDelete: true (EmrCluster sets it), run `pulumi up`, then remove it")]);
  } else if (retain === undefined) out.unknown(`${change.cluster}: retainOnDelete (this state does not record the option)`);
  if (change.recorded?.protect && entry && retain === true) {
    out.add([{ ...changeFinding(CHANGE_RULES.retirement, where, "the resource is protected: `pulumi up` refuses to remove it from the state even with retainOnDelete", `first run \`pulumi state unprotect '${change.urn ?? change.cluster}'\` (the cluster keeps its deletionProtection), then \`pulumi up\`; release it later in the EMR console with the checklist`), level: "advisory" }]);
  }
  return { rule: CHANGE_RULES.retirement, level: "mandatory", cluster: change.cluster, outcome: out.build() };
}

/** The named-change acknowledgement values the plan's changes of this cluster could use. */
function plannedAckValues(change: ClusterChange): Map<NamedChangeAck, Set<string>> | undefined {
  const planned = new Map<NamedChangeAck, Set<string>>(NAMED_CHANGE_ACKS.map((k) => [k, new Set<string>()]));
  const add = (k: NamedChangeAck, v: string) => planned.get(k)?.add(v);
  if (change.unknownPaths.length) return undefined;
  if (change.kind === "create") add("newCluster", nameForAck(change));
  for (const g of change.groups) {
    const from = g.status === "kept" ? g.before?.nodeCount : 0;
    const to = g.after?.nodeCount;
    if (g.status !== "removed" && (!isKnown(from) || !isKnown(to))) return undefined;
    if (isKnown(from) && isKnown(to) && to > from) add("scaleOut", ackValue.scaleOut(g.name, from, to));
    if (isKnown(from) && to === 0 && from > 0) add("taskToZero", ackValue.taskToZero(g.name, from));
    const [pb, pa] = [g.status === "kept" ? g.before?.autoScalingPolicy : undefined, g.after?.autoScalingPolicy];
    if (pb !== undefined && pa === undefined && g.status === "kept") add("autoScaling", ackValue.autoScalingRemove(g.name));
    if (pa !== undefined) add("autoScaling", ackValue.autoScalingReplace(g.name, policyFingerprint(pa)));
    if (g.status === "kept" && isKnown(g.before?.paymentType) && isKnown(g.after?.paymentType)) add("paymentSwitch", ackValue.paymentSwitch(g.before.paymentType, g.after.paymentType));
  }
  if (change.before && change.after && isKnown(change.before.paymentType) && isKnown(change.after.paymentType)) add("paymentSwitch", ackValue.paymentSwitch(change.before.paymentType, change.after.paymentType));
  return planned;
}

function staleAcks(change: ClusterChange): ChangeResult {
  const out = new ChangeOutcomeBuilder(false);
  const planned = plannedAckValues(change);
  if (change.kind !== "remove" && !change.acks.unknown) {
    if (!planned) out.unknown("(acknowledgements: the plan's counts are known after apply)");
    for (const e of planned ? change.acks.entries : []) {
      out.applies();
      if (planned?.get(e.kind)?.has(e.value)) continue;
      const tag = CHANGE_ACK_TAGS[e.kind];
      out.add([{ ...changeFinding(CHANGE_RULES.staleAcks, { cluster: change.cluster, path: `tags["${tag}"]` }, `the acknowledgement ${tag}: "${e.value}" names a change that is not in this plan, so it approves nothing`, `remove the entry "${e.value}" from ${tag}`), level: "advisory" }]);
    }
  }
  return { rule: CHANGE_RULES.staleAcks, level: "advisory", cluster: change.cluster, outcome: out.build() };
}

/** Every change rule on every cluster of a plan, plus the plan-level ones. */
export function checkChangePlan(plan: ChangePlan, ctx: { limits: GuardrailLimits }): ChangeResult[] {
  const results: ChangeResult[] = [];
  for (const change of plan.changes) {
    for (const rule of CLUSTER_CHANGE_RULES) {
      let outcome: ChangeOutcome;
      try {
        outcome = rule.check(change, ctx);
      } catch (err) {
        outcome = { kind: "non-compliant", findings: [changeFinding(rule.name, { cluster: change.cluster, path: "(rule)" }, `the rule failed on this change: ${String(err)}`, "report this as a bug of the emr-guardrails pack")] };
      }
      results.push({ rule: rule.name, level: rule.level, cluster: change.cluster, outcome });
    }
    if (change.kind === "remove") results.push(retirement(change, plan.retire ?? []));
    results.push(staleAcks(change));
  }
  results.push(...newClusters(plan.changes));
  // A retirement entry whose cluster does not leave in this plan approves nothing (like a stale acknowledgement).
  for (const r of (plan.retire ?? []).filter((e) => !plan.changes.some((c) => c.kind === "remove" && c.cluster === e.name))) {
    const f = { ...changeFinding(CHANGE_RULES.staleAcks, { cluster: r.name, path: "emr:retire" }, `the emr:retire entry { name: "${r.name}", clusterId: "${r.clusterId}" } names no cluster this plan removes, so it approves nothing`, `remove the entry from emr:retire once the cluster has left the state`), level: "advisory" as const };
    results.push({ rule: CHANGE_RULES.staleAcks, level: "advisory", cluster: r.name, outcome: { kind: "non-compliant", findings: [f] } });
  }
  return results;
}

/** The findings of the results, each at its rule's level unless the finding says otherwise. */
export function changeFindings(results: readonly ChangeResult[]) {
  return results.flatMap((r) => (r.outcome.kind === "non-compliant" ? r.outcome.findings : []));
}
