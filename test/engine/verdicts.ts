/**
 * The pack's verdicts two ways, in one comparable form (`<resource name>: <policy> <level>`, sorted):
 * - from the real CLI: the `policyEvent`s of `pulumi preview --event-log <file>` (the engine's own event stream);
 * - from `emr-check --format json`: its findings.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { nameOfUrn } from "../../policies/engine";
import { ROOT, runCli } from "../helpers/run-cli";

interface EngineEvent {
  policyEvent?: { resourceUrn?: string; policyName: string; policyPackName: string; enforcementLevel: string };
}

/** A verdict's resource: its name, read as the engine reads a URN; a stack-level verdict has none. */
const resourceName = (urn: string | undefined) => (urn ? nameOfUrn(urn) ?? urn : "<stack>");

export function cliVerdicts(eventLog: string): string[] {
  const events = readFileSync(eventLog, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as EngineEvent);
  const found = events.flatMap((e) => (e.policyEvent ? [`${resourceName(e.policyEvent.resourceUrn)}: ${e.policyEvent.policyName} ${e.policyEvent.enforcementLevel}`] : []));
  return [...new Set(found)].sort();
}

type Report = { program: string; summary: { passed: boolean }; findings: { name: string; violations: { policyName: string; enforcementLevel: string }[] }[] };

export interface CheckVerdict {
  /** The exit code this program's report alone gives (1 when it did not pass). */
  code: number;
  verdicts: string[];
}

/**
 * emr-check's verdicts, per program of one run (`--program` may repeat: one check process for many programs), keyed by
 * the program's absolute path; throws on a usage error (exit 2).
 */
export async function checkVerdicts(args: string[]): Promise<Map<string, CheckVerdict>> {
  const { code, stdout, stderr } = await runCli([...args, "--format", "json"], 300_000);
  if (code === 2) throw new Error(`emr-check ${args.join(" ")}: ${stderr}`);
  const reports: Report[] = JSON.parse(stdout).reports;
  return new Map(reports.map((r) => {
    const verdicts = r.findings.flatMap((f) => f.violations.map((v) => `${f.name}: ${v.policyName} ${v.enforcementLevel}`));
    return [resolve(ROOT, r.program), { code: r.summary.passed ? 0 : 1, verdicts: [...new Set(verdicts)].sort() }];
  }));
}
