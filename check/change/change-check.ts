/**
 * The change-aware offline check: each cluster's before comes from a recorded state (`--state`, a `pulumi stack
 * export`, paired with the program's resources by URN or alias) or from a plan (`--plan`, a `pulumi preview --json`;
 * the program is not run, the plan is its result). The before and the after become the EMR calls one `pulumi up`
 * makes the provider send (policies/rules/calls), judged by the call gates (policies/rules/gates); the resources a
 * cluster depends on are judged for replacements, and a retired cluster for what it still uses. This module only
 * reads, pairs and lays out the report.
 */
import * as fs from "fs";
import { formatReleaseChecklist, releaseChecklist } from "../../client/release-checklist";
import { DocumentError, readPreview, readRecordedResources, readStackResources, type RecordedResource } from "./documents";
import { clusterPlanArgs, isCluster, pairResources, planClusterArgs, programResources, type ResourcePair } from "./pairs";
import { UsageError } from "../errors";
import type { CapturedResource } from "../program/capture";
import { attachChanges, buildReport, type ChangeSection, type CheckReport, type ClusterChangeEntry } from "../report/model";
import { compareValues, parseAcks, type ChangeFinding } from "../../policies/rules/change";
import { applyIgnoreChanges, assumptionsOf, planClusterCalls, ASSUMPTIONS, type CallPlan, type LiveState, type PlanArgs } from "../../policies/rules/calls";
import { checkCallPlans, describeCall, judgeResourceReplacement, parseRetireEntries, CHANGE_RULES, type ChangeResult, type JudgedCluster, type RetireEntry, type UsedResource } from "../../policies/rules/gates";
import { ruleEntry } from "../../policies/rules/catalog";
import type { GuardrailLimits } from "../../policies/rules/domain";
import { withSecretReferences } from "./recorded-secrets";
import { pairCosts, type Prices } from "./costs";

/** A document's text; a missing or unreadable file is a usage error (exit 2) naming the flag. */
export function readDocument(file: string, flag: string, example: string): string {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UsageError(`${flag} ${file}: no such file; expected ${example}`);
  return fs.readFileSync(file, "utf8");
}

/** Runs a document reader, turning its DocumentError (which file, which field, what was expected) into exit code 2. */
export function asUsage<T>(read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof DocumentError) throw new UsageError(err.message);
    throw err;
  }
}

const STATE_EXAMPLE = "the output of `pulumi stack export --stack <stack> --file state.json`";
const PLAN_EXAMPLE = "the output of `pulumi preview --json --stack <stack> > plan.json`";

export interface RecordedStack {
  file: string;
  resources: RecordedResource[];
  /** The state was recorded right after `pulumi refresh` (`--refreshed`): its auto-scaled counts are the live ones. */
  refreshed: boolean;
  /** For the program's mocks: a resource the state records exists, with its ID and outputs known (as in a real preview). */
  existing: (type: string, name: string) => { id: string; state: Record<string, unknown> } | undefined;
}

/** Reads `--state`: every recorded resource, and each one's ID and outputs for the mocks (secrets as references). */
export function loadRecordedState(file: string, refreshed = false): RecordedStack {
  const text = readDocument(file, "--state", STATE_EXAMPLE);
  const resources = asUsage(() => readRecordedResources(text, file));
  const raw = new Map(asUsage(() => readStackResources(text, file)).map((r) => [r.urn, r.outputs ?? {}]));
  const byKey = new Map<string, RecordedResource | null>();
  for (const r of resources.filter((x) => x.id)) {
    const key = `${r.type}::${r.name}`;
    byKey.set(key, byKey.has(key) ? null : r); // the same type and name twice: ambiguous, left unknown
  }
  return {
    file,
    resources,
    refreshed,
    existing: (type, name) => {
      const r = byKey.get(`${type}::${name}`);
      return r?.id ? { id: r.id, state: { ...(withSecretReferences(raw.get(r.urn) ?? {}, r.urn) as Record<string, unknown>) } } : undefined;
    },
  };
}

/** The `emr:retire` entries of a stack's config (JSON, as the CLI hands structured config); problems are exit 2. */
export function retireEntries(config: Record<string, string>, configFile: string | undefined): RetireEntry[] {
  const raw = config["emr:retire"];
  if (raw === undefined) return [];
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    value = raw;
  }
  const { entries, problems } = parseRetireEntries(value);
  if (problems.length) throw new UsageError(`${configFile ?? "the stack config"}: ${problems.join("; ")}`);
  return entries;
}

/** What a removed cluster still uses in the recorded state: its dependencies, transitively, and its component's other children. */
function usedBy(cluster: RecordedResource, pairs: readonly ResourcePair[]): UsedResource[] {
  const recorded = new Map(pairs.filter((p) => p.recorded).map((p) => [p.urn, p]));
  const seen = new Set<string>();
  const queue = [...cluster.dependencies, ...cluster.propertyDependencies, ...pairs.filter((p) => p.recorded?.parent && p.recorded.parent === cluster.parent && p.urn !== cluster.urn).map((p) => p.urn)];
  while (queue.length) {
    const urn = queue.shift() as string;
    const p = recorded.get(urn);
    if (seen.has(urn) || !p?.recorded) continue;
    seen.add(urn);
    queue.push(...p.recorded.dependencies, ...p.recorded.propertyDependencies);
  }
  return [...seen].map((urn) => recorded.get(urn) as ResourcePair).filter((p) => p.recorded?.id !== undefined).map((p) => ({
    urn: p.urn, type: p.type, name: p.name, ...(p.recorded?.retainOnDelete !== undefined ? { retainOnDelete: p.recorded.retainOnDelete } : {}), leaves: p.program === undefined,
  }));
}

/** The release checklist of a retired cluster, from what the state records (its live state is not known offline). */
function checklistOf(r: RecordedResource, entry: RetireEntry, regionId: string | undefined): string[] {
  const id = r.id ?? entry.clusterId;
  const str = (v: unknown) => (typeof v === "string" ? v : undefined);
  const c = releaseChecklist({
    paymentType: str(r.inputs.paymentType) ?? "PayAsYouGo",
    clusterId: id,
    clusterName: str(r.inputs.clusterName),
    state: `not known offline (\`emr-status --cluster ${id}\` shows it)`,
    deletionProtection: typeof r.inputs.deletionProtection === "boolean" ? r.inputs.deletionProtection : undefined,
    ...(regionId ? { regionId } : {}),
  });
  return ["Release checklist (by a person, in the EMR console; nothing in this project releases a cluster):", ...formatReleaseChecklist(c)];
}

/** A cluster's change for the report: the calls (a mark on each one a gate refuses), the lines of what changes. */
function clusterEntry(plan: CallPlan, results: readonly ChangeResult[]): ClusterChangeEntry {
  const mine = results.filter((r) => r.cluster === plan.cluster);
  const findings = mine.flatMap((r) => (r.outcome.kind === "non-compliant" ? r.outcome.findings : []));
  const refused = new Set(findings.filter((f) => f.level === "mandatory" && f.call).map((f) => f.call));
  const entry: ClusterChangeEntry = {
    cluster: plan.cluster,
    kind: plan.operation,
    calls: plan.calls.map((c) => ({ call: describeCall(c), refused: refused.has(describeCall(c)), ...(c.possible ? { maybe: true } : {}) })),
    ...(plan.refusals.length ? { stops: plan.refusals.map((r) => `${r.message} (${r.source})`) } : {}),
    ...(assumptionsOf(plan).length ? { assumptions: assumptionsOf(plan).map((id) => ASSUMPTIONS[id]) } : {}),
    changes: changeLines(plan),
    verdicts: findings.map(verdictOf),
    unknown: mine.flatMap((r) => (r.outcome.kind === "unknown" ? r.outcome.paths.map((p) => `${r.rule}: ${p}`) : [])),
  };
  if (plan.urn) entry.urn = plan.urn;
  return entry;
}

const verdictOf = (f: ChangeFinding) => ({ rule: f.rule, level: f.level, ...(f.group !== undefined ? { group: f.group } : {}), path: f.path, ...(f.call ? { call: f.call } : {}), message: f.message, fix: f.fix });

/** What changes, in the program's terms: each call's reason, then the edits the provider never applies or that replace. */
function changeLines(plan: CallPlan): string[] {
  if (plan.operation === "create") return ["cluster created"];
  if (plan.operation === "delete" || plan.operation === "retain") return [`cluster removed from the program${plan.operation === "retain" ? " (retainOnDelete: Pulumi forgets it, nothing is sent)" : ""}`];
  const lines = [...new Set(plan.calls.map((c) => c.because))];
  lines.push(...plan.replacements.filter((r) => !r.unknown).map((r) => `${r.path} changes (replaces the cluster)`));
  lines.push(...plan.notApplied.filter((n) => !n.unknown).map((n) => `${n.path} changes (never applied)`));
  lines.push(...(plan.ignoreSkipped ?? []).map((i) => `ignoreChanges "${i.path}" is not applied (${i.why}): the program's value is planned`));
  return [...new Set(lines)];
}

/** The program leaves a resource as recorded: the engine first sets each ignored path back to its recorded input (processIgnoreChanges). */
const unchanged = (r: RecordedResource, p: NonNullable<ResourcePair["program"]>) => compareValues(r.inputs, applyIgnoreChanges(p.inputs, r.inputs, p.ignoreChanges).planned) === "same";

export interface JudgeArgs {
  source: "state" | "plan";
  file: string;
  pairs: ResourcePair[];
  /** The call model's input of each cluster pair. */
  clusterArgs: (pair: ResourcePair) => PlanArgs;
  retire: RetireEntry[];
  limits: GuardrailLimits;
  regionId?: string;
  /** Live clusters read from the API, by recorded cluster ID (`--live`). */
  live?: ReadonlyMap<string, LiveState>;
  /** `--prices`: each cluster's cost before and after, judged by the cost rule. */
  prices?: Prices;
}

/** Judges the changes of a recorded state or a plan and lays them out for the report. */
export function judgeChanges(args: JudgeArgs): ChangeSection {
  const clusters: JudgedCluster[] = [];
  const costs = args.prices ? pairCosts(args.pairs, args.prices) : undefined;
  for (const pair of args.pairs.filter(isCluster)) {
    const input = args.clusterArgs(pair);
    const live = pair.recorded?.id ? args.live?.get(pair.recorded.id) : undefined;
    const plan = planClusterCalls({ ...input, ...(live ? { live } : {}) });
    if (plan.operation === "same" && !pair.recorded?.id && !pair.program) continue;
    const afterTags = input.after?.inputs.tags;
    const acks = input.after ? parseAcks(afterTags, input.before?.inputs.tags) : parseAcks(input.before?.inputs.tags);
    const name = input.after?.inputs.clusterName ?? input.before?.inputs.clusterName;
    clusters.push({
      plan, acks, ...(typeof name === "string" ? { clusterName: name } : {}),
      ...(pair.recorded ? { recorded: { id: pair.recorded.id, protect: pair.recorded.protect, retainOnDelete: pair.recorded.retainOnDelete } } : {}),
      ...(pair.recorded && !pair.program ? { uses: usedBy(pair.recorded, args.pairs) } : {}),
      ...(costs?.has(pair.urn) ? { cost: costs.get(pair.urn) } : {}),
    });
  }
  // The thresholds are the pack's, from the one guardrail configuration (guardrails.json), so the two agree.
  const results = checkCallPlans(clusters, args.retire, args.limits);
  const entries = clusters.map((c) => clusterEntry(c.plan, results));
  for (const r of results.filter((x) => !entries.some((e) => e.cluster === x.cluster))) {
    entries.push({ cluster: r.cluster, calls: [], changes: [], verdicts: r.outcome.kind === "non-compliant" ? r.outcome.findings.map(verdictOf) : [], unknown: [] });
  }
  for (const e of entries) {
    const retire = args.retire.find((r) => r.name === e.cluster);
    const pair = args.pairs.find((p) => isCluster(p) && p.name === e.cluster && !p.program);
    const refused = e.verdicts.some((v) => v.rule === CHANGE_RULES.retirement && v.level === "mandatory");
    if (pair?.recorded && retire && !refused) e.releaseChecklist = checklistOf(pair.recorded, retire, args.regionId);
  }
  for (const pair of args.pairs.filter((p) => !isCluster(p) && p.recorded && p.program && !p.program.component)) {
    const { recorded: r, program: p } = pair as Required<ResourcePair>;
    // What the provider plans with: the program's inputs, ignored paths taken from the state.
    const after = applyIgnoreChanges(p.inputs, r.outputs, p.ignoreChanges).planned;
    const { findings, unknown } = judgeResourceReplacement({ urn: pair.urn, type: pair.type, name: pair.name, before: r.inputs, after, replaceOnChanges: p.replaceOnChanges, protect: p.protect || r.protect === true });
    if (findings.length || unknown.length) entries.push({ cluster: pair.name, urn: pair.urn, kind: "replace", resourceType: pair.type, calls: [], changes: findings.map((f) => f.path + " changes (replaces it)"), verdicts: findings.map(verdictOf), unknown: unknown.map((u) => `${CHANGE_RULES.replacement}: ${u}`) });
  }
  const operations: Record<string, NonNullable<ClusterChangeEntry["kind"]>> = {};
  for (const pair of args.pairs) {
    const plan = clusters.find((c) => c.plan.urn === pair.urn)?.plan;
    const replaced = entries.some((e) => e.urn === pair.urn && e.kind === "replace");
    operations[pair.urn] = plan?.operation ?? (replaced ? "replace" : !pair.recorded ? "create" : !pair.program ? (pair.recorded.retainOnDelete ? "retain" : "delete") : unchanged(pair.recorded, pair.program) ? "same" : "update");
  }
  const count = (level: string) => entries.reduce((n, c) => n + c.verdicts.filter((v) => v.level === level).length, 0);
  const unknowns = entries.flatMap((c) => c.unknown);
  const undecided = unknowns.filter((u) => ruleEntry(u.split(":")[0])?.level !== "advisory").length;
  return {
    source: args.source, file: args.file, clusters: entries, operations, summary: { mandatory: count("mandatory"), advisory: count("advisory"), unknown: unknowns.length, undecided },
    ...(costs ? { costs: [...costs.values()].map((c) => c.change) } : {}),
  };
}

/** `--state`: the program's resources against the recorded ones. */
export function stateChanges(recorded: RecordedStack, captured: readonly CapturedResource[], config: Record<string, string>, configFile: string | undefined, limits: GuardrailLimits, live?: ReadonlyMap<string, LiveState>, prices?: Prices): ChangeSection {
  const pairs = pairResources(recorded.resources, programResources(captured));
  return judgeChanges({ source: "state", file: recorded.file, pairs, clusterArgs: (p) => clusterPlanArgs(p, recorded.refreshed), retire: retireEntries(config, configFile), limits, regionId: config["alicloud:region"], ...(live ? { live } : {}), ...(prices ? { prices } : {}) });
}

/** `--plan`: the plan's own before/after; the program is not run (a cluster is judged once, from the plan). */
export function planChanges(file: string, config: Record<string, string>, configFile: string | undefined, limits: GuardrailLimits, refreshedFlag: boolean, prices?: Prices): ChangeSection {
  const doc = asUsage(() => readPreview(readDocument(file, "--plan", PLAN_EXAMPLE), file));
  const planned = new Map(doc.resources.map((r) => [r.urn, r]));
  const pairs: ResourcePair[] = doc.resources.map((r) => ({
    urn: r.urn, type: r.type, name: r.name,
    ...(r.before ? { recorded: r.before } : {}),
    ...(r.after && r.op !== "delete" ? { program: { urn: r.urn, type: r.type, name: r.name, inputs: r.after, protect: r.protect ?? false, retainOnDelete: r.retainOnDelete ?? false, ignoreChanges: r.ignoreChanges ?? [], replaceOnChanges: r.replaceOnChanges ?? (r.op === "replace" ? r.replaceReasons : []), aliases: [] } } : {}),
  }));
  const refreshed = refreshedFlag || doc.refreshed;
  return judgeChanges({ source: "plan", file, pairs, clusterArgs: (p) => planClusterArgs(planned.get(p.urn)!, refreshed), retire: retireEntries(config, configFile), limits, regionId: config["alicloud:region"], ...(prices ? { prices } : {}) });
}

/**
 * The report of `--plan`: the pack's verdicts on the resources the plan creates or updates (`analyzed`: the pack's
 * report of them), and the plan's changes as calls.
 */
export function planReport(args: { stack: string; file: string; config: Record<string, string>; configFile?: string; limits: GuardrailLimits; refreshed?: boolean; analyzed?: CheckReport; prices?: Prices }): CheckReport {
  const section = planChanges(args.file, args.config, args.configFile, args.limits, args.refreshed === true, args.prices);
  const base = args.analyzed ?? buildReport({ stack: args.stack, program: `plan ${args.file}`, resources: [], diagnostics: [] });
  return attachChanges({ ...base, stack: args.stack, program: `plan ${args.file}`, ...(args.configFile ? { configFile: args.configFile } : {}), kind: "plan" }, section);
}
