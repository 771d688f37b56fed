/**
 * The rules over a whole plan (every cluster of a stack): clusters it creates (each acknowledged when there are
 * several), clusters it retires (their entry, retainOnDelete on them and on everything they still use), and
 * acknowledgements no call of the plan uses (stale, or spent by an earlier update); then every cluster's own plan.
 */
import { ackValue, hasAck, renderAck, CHANGE_ACK_TAGS, type AckRef, type Acks } from "../change/acks";
import { ChangeOutcomeBuilder, type CostLens } from "../change/types";
import type { CallPlan } from "../calls/types";
import type { GuardrailLimits } from "../domain";
import { advisory, changeFinding } from "./finding";
import { acksOfCall } from "./gate";
import { judgeCallPlan, type ChangeResult } from "./judge";
import { CHANGE_RULES } from "./names";
import type { RetireEntry } from "./retire";
import type { CostChange } from "../cost/change";
import { judgeMonthlyCost, monthlyCostAck } from "../cost/rule";

/** A resource a removed cluster depends on (its security group, its metastore's instance, database, account, privilege). */
export interface UsedResource {
  urn: string;
  type: string;
  name: string;
  /** undefined: the document does not record the option. */
  retainOnDelete?: boolean;
  /** It leaves the program with the cluster (so Pulumi would delete it unless retained). */
  leaves: boolean;
}

export interface JudgedCluster {
  plan: CallPlan;
  /** The acknowledgements of the change (the tags after it; before it, for a removal), spent ones marked. */
  acks: Acks;
  /** The cluster's name after the change (the new-cluster acknowledgement names it). */
  clusterName?: string;
  recorded?: { id?: string; protect?: boolean; retainOnDelete?: boolean };
  /** For a removed cluster: what it depends on in the recorded state. */
  uses?: UsedResource[];
  /** With a price book: the cluster's monthly cost before and after, and the money behind its count findings. */
  cost?: { change: CostChange; lens?: CostLens };
}

/** What the provider's Delete does to a resource a running cluster uses (resource_alicloud_* files of v1.285.0). */
const DELETE_CALL: Readonly<Record<string, string>> = {
  "alicloud:rds/rdsAccount:RdsAccount": "DeleteAccount (resource_alicloud_rds_account.go:492): the metastore's account disappears under the running cluster",
  "alicloud:rds/accountPrivilege:AccountPrivilege": "RevokeAccountPrivilege (resource_alicloud_db_account_privilege.go:241): the metastore loses its grant",
  "alicloud:rds/database:Database": "DeleteDatabase: the Hive metastore's tables are dropped",
  "alicloud:rds/instance:Instance": "DeleteDBInstance: the metastore instance is released",
  "alicloud:ecs/securityGroup:SecurityGroup": "DeleteSecurityGroup, retried on DependencyViolation until its 10-minute timeout (resource_alicloud_security_group.go:348-366): the cluster's nodes still use it",
};

function retirement(c: JudgedCluster, retire: readonly RetireEntry[]): ChangeResult {
  const out = new ChangeOutcomeBuilder(false).applies();
  const { plan } = c;
  const id = c.recorded?.id;
  const where = { cluster: plan.cluster, path: "(removed from the program)" };
  const entry = retire.find((r) => r.name === plan.cluster);
  const rightEntry = `emr:retire: [{ name: "${plan.cluster}", clusterId: "${id ?? "c-..."}" }] in the stack config`;
  if (!entry) out.add([changeFinding(CHANGE_RULES.retirement, where, `the cluster${id ? ` ${id}` : ""} leaves the program without a retirement entry`, `if it is to be retired, add ${rightEntry}; otherwise put it back in the program`)]);
  else if (id !== undefined && entry.clusterId !== id) out.add([changeFinding(CHANGE_RULES.retirement, where, `emr:retire names cluster ${entry.clusterId} for "${plan.cluster}", but the state records ${id}`, `retire the cluster the state records: ${rightEntry}`)]);
  // Protected: the real preview fails. Unprotecting is the next step only once the entry names the recorded cluster.
  const entryRight = entry !== undefined && (id === undefined || entry.clusterId === id);
  for (const e of plan.previewErrors.filter((x) => x.kind === "protected-delete" && entryRight)) {
    out.add([changeFinding(CHANGE_RULES.retirement, where, e.message, `run \`pulumi state unprotect '${plan.urn ?? plan.cluster}'\` (the cluster keeps its deletionProtection), export the state again and check it; release it later in the EMR console with the checklist`)]);
  }
  // Without retainOnDelete the provider calls DeleteCluster: the release gate (emr-change-release) refuses it.
  if (c.recorded?.retainOnDelete === undefined) out.unknown(`${plan.cluster}: retainOnDelete (this state does not record the option)`);
  for (const u of (c.uses ?? []).filter((x) => x.leaves && DELETE_CALL[x.type] !== undefined)) {
    if (u.retainOnDelete === true) continue;
    if (u.retainOnDelete === undefined) {
      out.unknown(`${u.name}: retainOnDelete (this state does not record the option)`);
      continue;
    }
    const does = DELETE_CALL[u.type];
    out.add([changeFinding(CHANGE_RULES.retirement, { cluster: plan.cluster, path: u.urn }, `"${u.name}" (${u.type}) leaves the program with the cluster without retainOnDelete, so the same \`pulumi up\` calls ${does}`, `give "${u.name}" retainOnDelete: true too (EmrCluster sets it on its security group and metastore), run \`pulumi up\` with the cluster still in the program, then remove both`)]);
  }
  return { rule: CHANGE_RULES.retirement, level: "mandatory", cluster: plan.cluster, outcome: out.build() };
}

function newClusters(clusters: readonly JudgedCluster[]): ChangeResult[] {
  const created = clusters.filter((c) => c.plan.operation === "create");
  return created.map((c) => {
    const out = new ChangeOutcomeBuilder(c.acks.unknown).applies();
    const ack: AckRef = { kind: "newCluster", value: ackValue.newCluster(c.clusterName ?? c.plan.cluster) };
    if (created.length > 1 && !hasAck(c.acks, ack)) {
      const others = created.filter((x) => x !== c).map((x) => `"${x.plan.cluster}"`).join(", ");
      out.add([changeFinding(CHANGE_RULES.newClusters, { cluster: c.plan.cluster, path: "(new cluster)" }, `this plan creates ${created.length} clusters (also ${others}); each new cluster needs its own acknowledgement`, `acknowledge this one with ${renderAck(ack)}, or create one cluster per update`, ack)]);
    }
    return { rule: CHANGE_RULES.newClusters, level: "mandatory", cluster: c.plan.cluster, outcome: out.build() };
  });
}

/** The named-change acknowledgements this plan's calls could use; undefined when a count is not known. */
function usable(c: JudgedCluster, limits: GuardrailLimits): Set<string> | undefined {
  const { plan } = c;
  if (plan.unknown.length || plan.calls.some((x) => (x.action === "IncreaseNodes" || x.action === "DecreaseNodes") && x.from === undefined)) return undefined;
  const refs = plan.calls.flatMap(acksOfCall);
  if (plan.operation === "create") refs.push({ kind: "newCluster", value: ackValue.newCluster(c.clusterName ?? plan.cluster) });
  const cost = c.cost && monthlyCostAck(c.cost.change, limits.monthlyCostAckThreshold);
  if (cost) refs.push(cost);
  return new Set(refs.map((r) => `${r.kind}\u0000${r.value}`));
}

/** A cost acknowledgement is judged only when the change's cost is known (a price book, a delta it can price). */
const costJudged = (c: JudgedCluster) => c.cost?.change.delta !== undefined;

function staleAcks(c: JudgedCluster, limits: GuardrailLimits): ChangeResult {
  const out = new ChangeOutcomeBuilder(false);
  const { plan } = c;
  if (plan.operation !== "delete" && plan.operation !== "retain" && !c.acks.unknown) {
    const planned = usable(c, limits);
    if (!planned && c.acks.entries.length) out.unknown("(acknowledgements: the plan's counts are known after apply)");
    for (const e of planned ? c.acks.entries.filter((x) => x.kind !== "monthlyCost" || costJudged(c)) : []) {
      out.applies();
      const tag = CHANGE_ACK_TAGS[e.kind];
      const used = planned?.has(`${e.kind}\u0000${e.value}`);
      if (used && !e.spent) continue;
      const why = e.spent ? `approved an earlier update (it is in the recorded state), so it approves nothing now` : "names a change that is not in this plan, so it approves nothing";
      out.add([advisory(changeFinding(CHANGE_RULES.staleAcks, { cluster: plan.cluster, path: `tags["${tag}"]` }, `the acknowledgement ${tag}: "${e.entry}" ${why}`, `remove the entry "${e.entry}" from ${tag}`))]);
    }
  }
  return { rule: CHANGE_RULES.staleAcks, level: "advisory", cluster: plan.cluster, outcome: out.build() };
}

/** Every change rule on every cluster of a plan, and the plan-level ones. */
export function checkCallPlans(clusters: readonly JudgedCluster[], retire: readonly RetireEntry[], limits: GuardrailLimits): ChangeResult[] {
  const results: ChangeResult[] = [];
  for (const c of clusters) {
    try {
      results.push(...judgeCallPlan(c.plan, limits, c.acks, c.cost?.lens));
      if (c.cost) results.push({ rule: CHANGE_RULES.monthlyCost, level: "mandatory", cluster: c.plan.cluster, outcome: judgeMonthlyCost(c.cost.change, { cluster: c.plan.cluster, limits, acks: c.acks }).build() });
    } catch (err) {
      results.push({ rule: CHANGE_RULES.scaleOut, level: "mandatory", cluster: c.plan.cluster, outcome: { kind: "non-compliant", findings: [changeFinding(CHANGE_RULES.scaleOut, { cluster: c.plan.cluster, path: "(rule)" }, `the change rules failed on this cluster: ${String(err)}`, "report this as a bug of the emr-guardrails pack")] } });
    }
    if (c.plan.operation === "delete" || c.plan.operation === "retain") results.push(retirement(c, retire));
    results.push(staleAcks(c, limits));
  }
  results.push(...newClusters(clusters));
  // A retirement entry whose cluster does not leave in this plan approves nothing (like a stale acknowledgement).
  for (const r of retire.filter((e) => !clusters.some((c) => (c.plan.operation === "delete" || c.plan.operation === "retain") && c.plan.cluster === e.name))) {
    const f = advisory(changeFinding(CHANGE_RULES.staleAcks, { cluster: r.name, path: "emr:retire" }, `the emr:retire entry { name: "${r.name}", clusterId: "${r.clusterId}" } names no cluster this plan removes, so it approves nothing`, "remove the entry from emr:retire once the cluster has left the state"));
    results.push({ rule: CHANGE_RULES.staleAcks, level: "advisory", cluster: r.name, outcome: { kind: "non-compliant", findings: [f] } });
  }
  return results;
}

/** The findings of the results. */
export function changeFindings(results: readonly ChangeResult[]) {
  return results.flatMap((r) => (r.outcome.kind === "non-compliant" ? r.outcome.findings : []));
}
