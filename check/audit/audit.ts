/**
 * `emr-check --audit <file>`: what a stack recorded (a `pulumi stack export`, read by check/audit/audit-document.ts), sent
 * through the pack's Analyze per resource and AnalyzeStack, without running a program (pulumi/pulumi#22248 asks for
 * this).
 */
import type { AuditedStack } from "./audit-document";
import type { PackProcess } from "../pack/pack-process";
import { connectPolicyPack, policyConfigFor } from "../pack/pack-runner";
import { buildReport, type CheckReport } from "../report/model";
import { analyzeResources, type Timings } from "../run-check";
import { loadPolicyConfig } from "../inputs/stack-config";
import type { Sdk } from "../program/sdk";

/**
 * Policies an older stack export cannot feed: it does not record the ignoreChanges option, so the one about an
 * auto-scaled group's ignored nodeCount would flag every such group. Disabled for a document that records no
 * ignoreChanges at all (README: "Auditing"); an export that records it (engine v3.274 does) is judged in full.
 */
const NOT_RECORDED = ["emr-auto-scaling-ignore-changes"] as const;

/** Analyzes each audited stack with a started pack, configured as the CLI would configure it. */
export async function runAudit(args: { audits: AuditedStack[]; packProcess: Promise<PackProcess>; sdk: Sdk; policyConfigFile?: string; progress?: (s: string) => void }): Promise<{ reports: CheckReport[]; packVersion: string; timings: Timings }> {
  const progress = args.progress ?? (() => undefined);
  progress("waiting for the policy pack");
  const pack = connectPolicyPack(await args.packProcess, args.sdk);
  const packReadyAtMs = Math.round(performance.now());
  try {
    const info = await pack.info();
    const config = policyConfigFor(info.policies, loadPolicyConfig(args.policyConfigFile));
    if (!args.audits.every((a) => a.recordsIgnoreChanges)) for (const name of NOT_RECORDED) if (config[name]) config[name] = { ...config[name], enforcementLevel: "disabled" };
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
