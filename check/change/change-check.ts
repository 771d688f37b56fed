/**
 * The change-aware offline check (issue 10): the before of each cluster comes from a recorded state (`--state`, a
 * `pulumi stack export`, paired with the program's clusters by URN) or from a plan (`--plan`, a `pulumi preview
 * --json`: its own before/after and the provider's replace reasons; the program is not run, the plan is its result).
 * The verdicts are the pure change rules' (policies/rules/change); this module only reads, pairs and reports.
 */
import * as fs from "fs";
import { formatReleaseChecklist, releaseChecklist } from "../../client/release-checklist";
import { DocumentError, decodeValue, readPreview, readStackExport, readStackResources, type RecordedCluster } from "./documents";
import { changesFromPlan, changesFromState } from "./pairs";
import { UsageError } from "../errors";
import type { CapturedResource } from "../program/capture";
import { attachChanges, buildReport, type ChangeSection, type CheckReport, type ClusterChangeEntry } from "../report/model";
import { checkChangePlan, describeChange, parseRetireEntries, CHANGE_RULES, type ChangeResult, type ClusterChange, type RetireEntry } from "../../policies/rules/change";
import { TYPES, type GuardrailLimits } from "../../policies/rules/domain";
import { isKnown } from "../../policies/rules/view";
import { isEncodedSecret, nameOfUrn, UNKNOWN_SENTINEL } from "../../policies/engine";

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

/** Replaces recorded secrets by the engine's unknown value: the program never sees a ciphertext. */
function withoutSecrets(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutSecrets);
  if (v === null || typeof v !== "object") return v;
  if (isEncodedSecret(v)) return UNKNOWN_SENTINEL;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withoutSecrets(x)]));
}

export interface RecordedStack {
  file: string;
  clusters: RecordedCluster[];
  /** For the program's mocks: a resource the state records exists, with its ID and outputs known (as in a real preview). */
  existing: (type: string, name: string) => { id: string; state: Record<string, unknown> } | undefined;
}

/** Reads `--state`: the recorded clusters, and every recorded resource's ID and outputs (secrets left unknown). */
export function loadRecordedState(file: string): RecordedStack {
  const text = readDocument(file, "--state", STATE_EXAMPLE);
  const resources = asUsage(() => readStackResources(text, file));
  const clusters = asUsage(() => readStackExport(text, file));
  const byKey = new Map<string, (typeof resources)[number] | null>();
  for (const r of resources.filter((x) => x.custom && x.id && x.delete !== true)) {
    const key = `${r.type}::${nameOfUrn(r.urn)}`;
    byKey.set(key, byKey.has(key) ? null : r); // the same type and name twice: ambiguous, left unknown
  }
  return {
    file,
    clusters,
    existing: (type, name) => {
      const r = byKey.get(`${type}::${name}`);
      return r?.id ? { id: r.id, state: { ...(withoutSecrets(r.outputs ?? {}) as Record<string, unknown>) } } : undefined;
    },
  };
}

/** Reads `--plan`: the clusters of a `pulumi preview --json`. */
function loadPlan(file: string) {
  return asUsage(() => readPreview(readDocument(file, "--plan", PLAN_EXAMPLE), file));
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

/** The program's clusters (inputs decoded: secrets as markers, preview unknowns as UNKNOWN). */
function programClusters(resources: readonly CapturedResource[]) {
  return resources.filter((r) => r.type === TYPES.cluster).map((r) => ({ urn: r.urn, name: r.name, inputs: decodeValue(r.inputs) as Record<string, unknown> }));
}

/** The release checklist of a retired cluster, from what the state records (its live state is not known offline). */
function checklistOf(change: ClusterChange, entry: RetireEntry, regionId: string | undefined): string[] {
  const before = change.before;
  const id = change.recorded?.id ?? entry.clusterId;
  const c = releaseChecklist({
    paymentType: before && isKnown(before.paymentType) ? before.paymentType : undefined,
    clusterId: id,
    clusterName: before && isKnown(before.clusterName) ? before.clusterName : undefined,
    state: `not known offline (\`emr-status --cluster ${id}\` shows it)`,
    deletionProtection: before && isKnown(before.deletionProtection) ? before.deletionProtection : undefined,
    ...(regionId ? { regionId } : {}),
  });
  return ["Release checklist (by a person, in the EMR console; nothing in this project releases a cluster):", ...formatReleaseChecklist(c)];
}

function entryOf(change: ClusterChange | undefined, cluster: string, results: readonly ChangeResult[]): ClusterChangeEntry {
  const mine = results.filter((r) => r.cluster === cluster);
  const entry: ClusterChangeEntry = {
    cluster,
    changes: change ? describeChange(change) : [],
    verdicts: mine.flatMap((r) => (r.outcome.kind === "non-compliant" ? r.outcome.findings : [])).map((f) => ({ rule: f.rule, level: f.level, ...(f.group !== undefined ? { group: f.group } : {}), path: f.path, message: f.message, fix: f.fix })),
    unknown: mine.flatMap((r) => (r.outcome.kind === "unknown" ? r.outcome.paths.map((p) => `${r.rule}: ${p}`) : [])),
  };
  if (change?.urn) entry.urn = change.urn;
  if (change) entry.kind = change.kind;
  return entry;
}

/** Judges the changes of a plan or a recorded state and lays them out for the report. */
export function judgeChanges(args: { source: "state" | "plan"; file: string; changes: ClusterChange[]; retire: RetireEntry[]; limits: GuardrailLimits; regionId?: string }): ChangeSection {
  // The thresholds are the pack's, from the one guardrail configuration (guardrails.json), so the two agree.
  const results = checkChangePlan({ changes: args.changes, retire: args.retire }, { limits: args.limits });
  const names = [...new Set([...args.changes.map((c) => c.cluster), ...results.map((r) => r.cluster)])];
  const clusters = names.map((name) => {
    const change = args.changes.find((c) => c.cluster === name);
    const entry = entryOf(change, name, results);
    const retire = args.retire.find((r) => r.name === name);
    const retirementRefused = entry.verdicts.some((v) => v.rule === CHANGE_RULES.retirement && v.level === "mandatory");
    if (change?.kind === "remove" && retire && !retirementRefused) entry.releaseChecklist = checklistOf(change, retire, args.regionId);
    return entry;
  });
  const count = (level: string) => clusters.reduce((n, c) => n + c.verdicts.filter((v) => v.level === level).length, 0);
  return { source: args.source, file: args.file, clusters, summary: { mandatory: count("mandatory"), advisory: count("advisory"), unknown: clusters.reduce((n, c) => n + c.unknown.length, 0) } };
}

/** `--state`: the program's clusters against the recorded ones. */
export function stateChanges(recorded: RecordedStack, resources: readonly CapturedResource[], config: Record<string, string>, configFile: string | undefined, limits: GuardrailLimits): ChangeSection {
  const changes = changesFromState(recorded.clusters, programClusters(resources));
  return judgeChanges({ source: "state", file: recorded.file, changes, retire: retireEntries(config, configFile), limits, regionId: config["alicloud:region"] });
}

/** `--plan`: the plan's own before/after; the program is not run (a cluster is judged once, from the plan). */
function planChanges(file: string, config: Record<string, string>, configFile: string | undefined, limits: GuardrailLimits): ChangeSection {
  return judgeChanges({ source: "plan", file, changes: changesFromPlan(loadPlan(file)), retire: retireEntries(config, configFile), limits, regionId: config["alicloud:region"] });
}

/** The report of `--plan`: the plan's changes only (the `pulumi preview` that wrote it ran the program and the pack). */
export function planReport(args: { stack: string; file: string; config: Record<string, string>; configFile?: string; limits: GuardrailLimits }): CheckReport {
  const section = planChanges(args.file, args.config, args.configFile, args.limits);
  return attachChanges({ ...buildReport({ stack: args.stack, program: `plan ${args.file}`, configFile: args.configFile, resources: [], diagnostics: [] }), kind: "plan" }, section);
}
