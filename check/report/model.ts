/**
 * The check's result as data: the planned resources (with the attributes a reviewer looks at), the violations
 * grouped by resource, and a summary. Every output format renders this one model.
 */
import type { CapturedResource } from "../capture";
import type { Placeholder } from "../invokes";
import type { Diagnostic, EnforcementLevel } from "../pack-runner";

/** The engine's sentinels for values not known before creation. */
const UNKNOWN_SENTINELS = new Set([
  "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
  "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
  "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
  "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
  "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
]);
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

export interface PlannedResource {
  urn: string;
  type: string;
  name: string;
  /** Short, human-readable key attributes, e.g. "DATALAKE HA; master 3, core 6". */
  details: string;
  protect: boolean;
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
  findings: ResourceViolations[];
  summary: { resources: number; mandatory: number; advisory: number; passed: boolean };
  /** The program failed before the policies could run (exit code 2). */
  programError?: string;
  /** What the reader should know about the verdict (e.g. validity policies kept mandatory under `all`). */
  notes?: string[];
  /** Values of data sources (invokes) the check made up offline (token + field paths): the verdict was reached with them. */
  placeholders?: Placeholder[];
}

/** A readable value: unknowns and secrets are shown as a preview shows them. */
export function display(value: unknown): string {
  if (typeof value === "string" && UNKNOWN_SENTINELS.has(value)) return "(known after apply)";
  if (value && typeof value === "object" && Object.values(value).includes(SECRET_SIG)) return "[secret]";
  if (value === undefined || value === null) return "-";
  return typeof value === "string" ? value : JSON.stringify(value);
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

export function plannedResource(r: CapturedResource): PlannedResource {
  return { urn: r.urn, type: r.type, name: r.name, details: DETAILS[r.type]?.(r.inputs) ?? "", protect: r.protect ?? false };
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
    resources: args.resources.map(plannedResource).sort((a, b) => a.name.localeCompare(b.name) || a.urn.localeCompare(b.urn)),
    findings,
    summary: { resources: args.resources.length, mandatory, advisory: count("advisory"), passed: mandatory === 0 && !args.programError },
    ...(args.programError ? { programError: args.programError } : {}),
    ...(args.notes?.length ? { notes: args.notes } : {}),
    ...(args.placeholders?.length ? { placeholders: args.placeholders } : {}),
  };
}

export function summaryLine(r: CheckReport): string {
  if (r.programError) return `FAILED: the program of stack "${r.stack}" did not run: no policy verdict`;
  const verdict = r.summary.mandatory ? "FAILED" : "PASSED";
  const notes = r.notes?.length ? ` (${r.notes.join("; ")})` : "";
  return `${verdict}: stack "${r.stack}": ${r.summary.resources} resources planned, ${r.summary.mandatory} mandatory and ${r.summary.advisory} advisory violations${notes}`;
}
