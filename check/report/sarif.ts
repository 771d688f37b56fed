/**
 * SARIF 2.1.0 for code-scanning annotations: one rule per policy, one result per violation, located in the stack's
 * config file at the line that declares the resource (or line 1), with the resource URN as a logical location.
 */
import * as fs from "fs";
import * as path from "path";
import type { Log, ReportingDescriptor, Result } from "sarif";
import { changeSarifResults } from "./changes";
import type { CheckReport } from "./model";

const LEVEL: Record<string, Result.level> = { mandatory: "error", advisory: "warning", remediate: "note", disabled: "none" };

/** The 1-based line of the stack file that declares a resource name, e.g. `- name: lakehouse`. */
function lineOf(text: string | undefined, name: string): number {
  if (!text) return 1;
  const lines = text.split("\n");
  const exact = lines.findIndex((l) => new RegExp(`\\bname:\\s*["']?${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}["']?\\s*$`).test(l));
  return exact >= 0 ? exact + 1 : 1;
}

export function renderSarif(reports: CheckReport[], packVersion: string, root = process.cwd()): string {
  const rules = new Map<string, ReportingDescriptor>();
  const results: Result[] = [];
  for (const report of reports) {
    const uri = path.relative(root, report.configFile ?? report.program).split(path.sep).join("/");
    const configText = report.configFile && fs.existsSync(report.configFile) ? fs.readFileSync(report.configFile, "utf8") : undefined;
    for (const f of report.findings) {
      for (const v of f.violations) {
        if (!rules.has(v.policyName)) {
          rules.set(v.policyName, { id: v.policyName, name: v.policyName, shortDescription: { text: v.policyName }, defaultConfiguration: { level: LEVEL[v.enforcementLevel] } });
        }
        // The EmrCluster component names its cluster after the stack entry, so the entry's line is the cluster's.
        const entryName = f.urn.split("::").pop() ?? f.name;
        results.push({
          ruleId: v.policyName,
          level: LEVEL[v.enforcementLevel],
          message: { text: v.message },
          locations: [
            {
              physicalLocation: { artifactLocation: { uri }, region: { startLine: lineOf(configText, entryName) } },
              logicalLocations: [{ fullyQualifiedName: f.urn, kind: "resource" }],
            },
          ],
          partialFingerprints: { "emrGuard/v1": `${v.policyName}:${f.urn}` },
        });
      }
    }
    if (report.changes) {
      const found = changeSarifResults(report.changes, (cluster, urn) => [{ physicalLocation: { artifactLocation: { uri }, region: { startLine: lineOf(configText, cluster) } }, ...(urn ? { logicalLocations: [{ fullyQualifiedName: urn, kind: "resource" }] } : {}) }]);
      for (const r of found) if (!rules.has(r.ruleId)) rules.set(r.ruleId, { id: r.ruleId, name: r.ruleId, shortDescription: { text: r.ruleId }, defaultConfiguration: { level: r.level } });
      results.push(...found);
    }
  }
  const log: Log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [{ tool: { driver: { name: "emr-guardrails", version: packVersion, informationUri: "https://www.pulumi.com/docs/using-pulumi/crossguard/", rules: [...rules.values()] } }, results }],
  };
  return JSON.stringify(log, null, 2);
}
