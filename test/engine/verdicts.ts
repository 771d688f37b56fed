/**
 * The pack's verdicts two ways, in one comparable form (`<resource name>: <policy> <level>`, sorted):
 * - from the real CLI: the `policyEvent`s of `pulumi preview --event-log <file>` (the engine's own event stream);
 * - from `emr-check --format json`: its findings.
 */
import { readFileSync } from "node:fs";
import { runCli } from "../helpers/run-cli";

interface EngineEvent {
  policyEvent?: { resourceUrn?: string; policyName: string; policyPackName: string; enforcementLevel: string };
}

const nameOfUrn = (urn: string | undefined) => (urn ? urn.split("::").pop() ?? urn : "<stack>");

export function cliVerdicts(eventLog: string): string[] {
  const events = readFileSync(eventLog, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as EngineEvent);
  const found = events.flatMap((e) => (e.policyEvent ? [`${nameOfUrn(e.policyEvent.resourceUrn)}: ${e.policyEvent.policyName} ${e.policyEvent.enforcementLevel}`] : []));
  return [...new Set(found)].sort();
}

type Report = { findings: { name: string; violations: { policyName: string; enforcementLevel: string }[] }[] };

/** emr-check's verdicts for one program and stack file; throws on a usage error (exit 2). */
export async function checkVerdicts(args: string[]): Promise<{ code: number; verdicts: string[] }> {
  const { code, stdout, stderr } = await runCli([...args, "--format", "json"], 180_000);
  if (code === 2) throw new Error(`emr-check ${args.join(" ")}: ${stderr}`);
  const reports: Report[] = JSON.parse(stdout).reports;
  const verdicts = reports.flatMap((r) => r.findings.flatMap((f) => f.violations.map((v) => `${f.name}: ${v.policyName} ${v.enforcementLevel}`)));
  return { code, verdicts: [...new Set(verdicts)].sort() };
}
