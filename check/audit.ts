/**
 * `emr-check --audit <file>`: what a stack recorded (a `pulumi stack export`), sent through the pack's Analyze per
 * resource and AnalyzeStack, without running a program (pulumi/pulumi#22248 asks for this). Each resource goes as
 * the CLI would describe it: its recorded inputs, protect, parent, dependencies and property dependencies. The root
 * stack and the providers are not analyzed (the CLI does not send them either); resources pending deletion neither.
 * A recorded secret becomes a non-secret placeholder: the pack never receives a ciphertext, so no report can print one.
 */
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import type { CapturedResource } from "./capture";
import { readDocument, asUsage } from "./change-check";
import { readStackResources, urnName, type ResourceV3 } from "./change/documents";
import { SECRET_KEY } from "./engine-values";
import type { PackProcess } from "./pack-process";
import { connectPolicyPack, policyConfigFor } from "./pack-runner";
import { buildReport, type CheckReport } from "./report/model";
import { analyzeResources, type Timings } from "./run-check";
import { loadPolicyConfig, SECRET_PLACEHOLDER } from "./stack-config";

/** The stack a URN belongs to: `urn:pulumi:<stack>::<project>::...`. */
export const stackOfUrn = (urn: string) => urn.slice("urn:pulumi:".length, urn.indexOf("::"));

const isEngineResource = (r: ResourceV3) => r.type === "pulumi:pulumi:Stack" || r.type.startsWith("pulumi:providers:");

/** Recorded inputs for the analyzer: secrets as the placeholder, the provider's `__defaults` bookkeeping left out. */
export function auditValue(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(auditValue);
  if (v === null || typeof v !== "object") return v;
  if (SECRET_KEY in v) return SECRET_PLACEHOLDER;
  return Object.fromEntries(Object.entries(v).filter(([k]) => k !== "__defaults").map(([k, x]) => [k, auditValue(x)]));
}

function analyzerResource(r: ResourceV3): CapturedResource {
  const inputs = auditValue(r.inputs ?? {}) as Record<string, unknown>;
  return {
    type: r.type,
    urn: r.urn,
    name: urnName(r.urn),
    properties: Struct.fromJavaScript(inputs as Parameters<typeof Struct.fromJavaScript>[0]),
    inputs,
    custom: r.custom ?? false,
    protect: r.protect ?? false,
    // The export omits retainOnDelete when it is false.
    retainOnDelete: r.retainOnDelete ?? false,
    ...(r.parent ? { parent: r.parent } : {}),
    ...(r.provider ? { provider: r.provider } : {}),
    dependencies: r.dependencies ?? [],
    propertyDependencies: r.propertyDependencies ?? {},
  };
}

export interface AuditedStack {
  file: string;
  stack: string;
  resources: CapturedResource[];
}

/** Reads a stack export for the audit: the resources to analyze, and the stack they belong to. */
export function loadAudit(file: string): AuditedStack {
  const text = readDocument(file, "--audit", "the output of `pulumi stack export --stack <stack> --file state.json`");
  const recorded = asUsage(() => readStackResources(text, file, "--audit"));
  const resources = recorded.filter((r) => !isEngineResource(r) && r.delete !== true).map(analyzerResource);
  return { file, stack: recorded.length ? stackOfUrn(recorded[0].urn) : "(empty)", resources };
}

/**
 * Policies a stack export cannot feed: it does not record the ignoreChanges option, so the one about an auto-scaled
 * group's ignored nodeCount would flag every such group. They are disabled for the audit (README: "Auditing").
 */
export const NOT_RECORDED = ["emr-auto-scaling-ignore-changes"] as const;

/** Analyzes each audited stack with a started pack, configured as the CLI would configure it. */
export async function runAudit(args: { audits: AuditedStack[]; packProcess: Promise<PackProcess>; policyConfigFile?: string; progress?: (s: string) => void }): Promise<{ reports: CheckReport[]; packVersion: string; timings: Timings }> {
  const progress = args.progress ?? (() => undefined);
  progress("waiting for the policy pack");
  const pack = connectPolicyPack(await args.packProcess);
  const packReadyAtMs = Math.round(performance.now());
  try {
    const info = await pack.info();
    const config = policyConfigFor(info.policies, loadPolicyConfig(args.policyConfigFile));
    for (const name of NOT_RECORDED) if (config[name]) config[name] = { ...config[name], enforcementLevel: "disabled" };
    await pack.configure(config);
    const start = Date.now();
    const reports: CheckReport[] = [];
    for (const a of args.audits) {
      progress(`analyzing ${a.resources.length} recorded resources of stack ${a.stack}`);
      const diagnostics = await analyzeResources(pack, a.resources);
      reports.push({ ...buildReport({ stack: a.stack, program: `audit of ${a.file}`, resources: a.resources, diagnostics }), kind: "audit" });
    }
    return { reports, packVersion: info.version, timings: { packReadyAtMs, programMs: 0, analyzeMs: Date.now() - start } };
  } finally {
    await pack.close();
  }
}
