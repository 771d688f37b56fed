/**
 * The check's result as data: the planned resources (with the attributes a reviewer looks at), the violations
 * grouped by resource, a summary and the change section. Every output format renders this one model; nothing here
 * renders (the renderers and their shared phrasing, formatting.ts, import the model, never the other way).
 */
import type { CapturedResource } from "../program/capture";
import type { Placeholder } from "../inputs/invokes";
import type { Diagnostic, EnforcementLevel } from "../pack/pack-runner";
import type { CostChange } from "../../policies/rules/cost";
import { CLUSTER_TYPE, clusterPlan, protections, type ClusterPlan, type Protections } from "./cluster-plan";
import { display } from "./values";

export interface PlannedResource {
  urn: string;
  type: string;
  name: string;
  /** Short, human-readable key attributes, e.g. "DATALAKE HA; master 3, core 6". */
  details: string;
  protect: boolean;
  /** Every protection the resource has (the cluster's deletionProtection too), see cluster-plan.ts. */
  protections: Protections;
}

export interface Violation {
  policyName: string;
  enforcementLevel: EnforcementLevel;
  message: string;
}

export interface ResourceViolations {
  urn: string;
  type: string;
  name: string;
  violations: Violation[];
}

export interface CheckReport {
  stack: string;
  program: string;
  /** The stack config file, when there is one (SARIF locations point into it). */
  configFile?: string;
  resources: PlannedResource[];
  /** What will be built: each cluster's merged spec in a reviewer's shape. */
  clusters: ClusterPlan[];
  findings: ResourceViolations[];
  summary: { resources: number; mandatory: number; advisory: number; passed: boolean };
  /** The program failed before the policies could run (exit code 2). */
  programError?: string;
  /** What the reader should know about the verdict (e.g. validity policies kept mandatory under `all`). */
  notes?: string[];
  /** What was checked, when not a program run: a recorded state (`--audit`) or only a plan's changes (`--plan`). */
  kind?: "audit" | "plan";
  /** The change-aware check (`--state`, `--plan`): each cluster's changes and their verdicts. */
  changes?: ChangeSection;
  /** Values of data sources (invokes) the check made up offline (token + field paths): the verdict was reached with them. */
  placeholders?: Placeholder[];
  /** Money: each cluster's (and metastore's) monthly cost at the price book's prices (`--prices`), or how to get one. */
  costs?: CostSection;
}

export interface CostSection {
  /** The book read (`--prices`); absent: there was none (see `hint`). */
  book?: { file: string; name: string; test: boolean; region: string; ageDays?: number };
  /** Without a book: how to make one. */
  hint?: string;
  /** Each priced resource: its monthly cost before (with --state/--plan) and after, and the delta. */
  resources: CostChange[];
  /** The book's own findings (its age). */
  findings: { rule: string; level: "mandatory" | "advisory"; path: string; message: string; fix: string }[];
}

export interface ChangeVerdict {
  rule: string;
  level: "mandatory" | "advisory";
  group?: string;
  path: string;
  /** The EMR API call the verdict is about, in a line (`DecreaseNodes task -23`). */
  call?: string;
  message: string;
  fix: string;
}

export interface ClusterChangeEntry {
  /** The Pulumi resource name. */
  cluster: string;
  urn?: string;
  /** What `pulumi up` does to it; absent for an `emr:retire` entry that names no cluster of the plan. */
  kind?: "create" | "update" | "same" | "replace" | "delete" | "retain";
  /** Set for a resource a cluster depends on (its verdicts are about replacing it). */
  resourceType?: string;
  /** The EMR write calls `pulumi up` makes the provider send, in order; `refused`: a mandatory verdict is about it. */
  calls: { call: string; refused: boolean; maybe?: boolean }[];
  /** Where the provider stops `pulumi up` halfway (its error, file:line), after the calls above. */
  stops?: string[];
  /** What the calls rest on that cannot be known offline (policies/rules/calls/assumptions.ts). */
  assumptions?: string[];
  /** One line per change, in the program's terms; empty: no change. */
  changes: string[];
  verdicts: ChangeVerdict[];
  /** What a rule could not tell offline: `<rule>: <path>`. */
  unknown: string[];
  /** A removed cluster with a valid retirement acknowledgement: how to release it by hand, in the console. */
  releaseChecklist?: string[];
}

export interface ChangeSection {
  /** Where the before came from: a recorded state (`--state`) or a plan (`--plan`). */
  source: "state" | "plan";
  file: string;
  clusters: ClusterChangeEntry[];
  /** What `pulumi up` does to each resource of the program and the state, by URN (the table's first column). */
  operations?: Record<string, NonNullable<ClusterChangeEntry["kind"]>>;
  /** `undecided`: what a mandatory rule could not tell offline (never a pass); `unknown`: every such path. */
  summary: { mandatory: number; advisory: number; unknown: number; undecided: number };
  /** With a price book: each priced resource's cost before and after (moved into the report's cost section). */
  costs?: CostChange[];
}

/** The report with its change section; a mandatory change verdict fails it like a mandatory violation. */
export function attachChanges(report: CheckReport, changes: ChangeSection): CheckReport {
  // What a mandatory rule could not tell offline is never a pass (README: "an unknown is never a pass").
  return { ...report, changes, summary: { ...report.summary, passed: report.summary.passed && changes.summary.mandatory === 0 && changes.summary.undecided === 0 } };
}

function clusterDetails(inputs: Record<string, any>): string {
  const groups = Array.isArray(inputs.nodeGroups)
    ? inputs.nodeGroups.map((g: Record<string, unknown>) => `${display(g?.nodeGroupName)} ${display(g?.nodeCount)}`).join(", ")
    : display(inputs.nodeGroups);
  return `${display(inputs.clusterType)} ${display(inputs.deployMode ?? "NORMAL")} ${display(inputs.releaseVersion)}; ${groups}`;
}

/** Key attributes per resource type; other types show none. */
const DETAILS: Record<string, (inputs: Record<string, any>) => string> = {
  "alicloud:emrv2/cluster:Cluster": clusterDetails,
  "alicloud:ecs/securityGroup:SecurityGroup": (i) => `type ${display(i.securityGroupType ?? "normal")}, vpc ${display(i.vpcId)}`,
  "alicloud:rds/instance:Instance": (i) => `${display(i.engine)} ${display(i.engineVersion)} ${display(i.category)}, vpc ${display(i.vpcId)}`,
};

/** A component's row: the cluster it wraps, and how many resources it owns. */
function componentDetails(r: CapturedResource, all: readonly CapturedResource[]): string {
  const children = all.filter((c) => c.parent === r.urn);
  const cluster = children.find((c) => c.type === CLUSTER_TYPE);
  const count = `${children.length} ${children.length === 1 ? "child" : "children"}`;
  return cluster ? `cluster ${display(cluster.inputs.clusterName)}; ${count}` : count;
}

function plannedResource(r: CapturedResource, all: readonly CapturedResource[] = [r]): PlannedResource {
  const details = r.custom === false ? componentDetails(r, all) : (DETAILS[r.type]?.(r.inputs) ?? "");
  return { urn: r.urn, type: r.type, name: r.name, details, protect: r.protect ?? false, protections: protections(r) };
}

export function buildReport(args: {
  stack: string;
  program: string;
  configFile?: string;
  resources: CapturedResource[];
  diagnostics: Diagnostic[];
  /** Clusters the component refused: not planned, but named in the findings. */
  refused?: { urn: string; type: string; name: string }[];
  notes?: string[];
  programError?: string;
  placeholders?: Placeholder[];
}): CheckReport {
  const byUrn = new Map<string, { type: string; name: string }>([...args.resources, ...(args.refused ?? [])].map((r) => [r.urn, r]));
  const grouped = new Map<string, ResourceViolations>();
  const seen = new Set<string>();
  for (const d of args.diagnostics) {
    if (d.enforcementLevel === "disabled") continue;
    const key = `${d.urn}\n${d.policyName}\n${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const r = byUrn.get(d.urn);
    const entry = grouped.get(d.urn) ?? { urn: d.urn, type: r?.type ?? "(stack)", name: r?.name ?? "(stack)", violations: [] };
    // The SDK prefixes a violation with the policy's description; the report shows the description separately.
    const message = d.description && d.message.startsWith(`${d.description}\n`) ? d.message.slice(d.description.length + 1) : d.message;
    entry.violations.push({ policyName: d.policyName, enforcementLevel: d.enforcementLevel, message });
    grouped.set(d.urn, entry);
  }
  const findings = [...grouped.values()].sort((a, b) => a.name.localeCompare(b.name) || a.urn.localeCompare(b.urn));
  const count = (level: EnforcementLevel) => findings.reduce((n, f) => n + f.violations.filter((v) => v.enforcementLevel === level).length, 0);
  const mandatory = count("mandatory");
  return {
    stack: args.stack,
    program: args.program,
    configFile: args.configFile,
    // Registration order varies between runs; reviewers and diffs want a stable order.
    resources: args.resources.map((r) => plannedResource(r, args.resources)).sort((a, b) => a.name.localeCompare(b.name) || a.urn.localeCompare(b.urn)),
    clusters: args.resources.filter((r) => r.type === CLUSTER_TYPE).map(clusterPlan).sort((a, b) => a.name.localeCompare(b.name)),
    findings,
    summary: { resources: args.resources.length, mandatory, advisory: count("advisory"), passed: mandatory === 0 && !args.programError },
    ...(args.programError ? { programError: args.programError } : {}),
    ...(args.notes?.length ? { notes: args.notes } : {}),
    ...(args.placeholders?.length ? { placeholders: args.placeholders } : {}),
  };
}

/** The report with its cost section; the book's findings count with the report's own (advisory: exit 0 by default). */
export function attachCosts(report: CheckReport, costs: CostSection): CheckReport {
  const count = (level: string) => costs.findings.filter((f) => f.level === level).length;
  const mandatory = report.summary.mandatory + count("mandatory");
  return { ...report, costs, summary: { ...report.summary, mandatory, advisory: report.summary.advisory + count("advisory"), passed: report.summary.passed && count("mandatory") === 0 } };
}

/** Which violations fail the check (exit 1): mandatory ones (the default), or advisory ones too. */
export type FailOn = "mandatory" | "advisory";

/** The report's verdict under `--fail-on`: with `advisory`, an advisory violation fails it too. */
export function withFailOn(r: CheckReport, failOn: FailOn): CheckReport {
  if (failOn === "mandatory" || !r.summary.advisory) return r;
  return { ...r, summary: { ...r.summary, passed: false }, notes: [...(r.notes ?? []), "--fail-on advisory"] };
}

/** The verdict of a whole run (every program × stack), the JSON report's top-level `summary`. */
export interface OverallSummary {
  checks: number;
  failed: number;
  /** Checks whose program did not run (no verdict: never a pass). */
  noVerdict: number;
  resources: number;
  mandatory: number;
  advisory: number;
  passed: boolean;
}

export function overallSummary(reports: readonly CheckReport[], failure?: string): OverallSummary {
  const sum = (f: (r: CheckReport) => number) => reports.reduce((n, r) => n + f(r), 0);
  const failed = reports.filter((r) => !r.summary.passed).length;
  return {
    checks: reports.length,
    failed,
    noVerdict: reports.filter((r) => r.programError).length,
    resources: sum((r) => r.summary.resources),
    mandatory: sum((r) => r.summary.mandatory),
    advisory: sum((r) => r.summary.advisory),
    passed: !failure && reports.length > 0 && failed === 0,
  };
}
