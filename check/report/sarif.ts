/**
 * SARIF 2.1.0 for code-scanning annotations: one rule per policy or change rule that has a result, described from the
 * rule catalog (what it checks, how to fix it, its documentation row, its kind and level), one result per violation
 * or change verdict, located in the stack's config file at the line that declares the resource (or line 1), with the
 * resource URN as a logical location.
 */
import * as fs from "fs";
import * as path from "path";
import { pathToFileURL } from "url";
import type { Invocation, Log, ReportingDescriptor, Result } from "sarif";
import { changeSarifResults } from "./changes";
import { COST_RULE_ID, costSarifResults } from "./costs";
import { summaryLine } from "./formatting";
import type { CheckReport } from "./model";
import { nameOfUrn } from "../../policies/engine";
import { ruleEntry, RULES_DOCUMENT, type RuleEntry } from "../../policies/rules/catalog";

const LEVEL: Record<string, Result.level> = { mandatory: "error", advisory: "warning", remediate: "note", disabled: "none" };

/**
 * Where the rules' documentation is read: the commit's files on GitHub when run in GitHub Actions (code scanning
 * links there), else the project's own folder; null when the project has no rules document to link to.
 */
export function docsBaseUri(root: string, env: NodeJS.ProcessEnv = process.env): string | null {
  if (!fs.existsSync(path.join(root, RULES_DOCUMENT))) return null;
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_SHA: sha, GITHUB_WORKSPACE: workspace } = env;
  if (server && repo && sha) {
    const inRepo = workspace ? path.relative(workspace, root).split(path.sep).join("/") : "";
    return `${server}/${repo}/blob/${sha}/${inRepo && !inRepo.startsWith("..") ? `${inRepo}/` : ""}`;
  }
  return pathToFileURL(root + path.sep).href;
}

/** The SARIF rule of a catalog entry: its description, the fix as help, its documentation row, kind, level and tags. */
export function sarifRule(entry: RuleEntry, docsBase: string | null): ReportingDescriptor {
  const helpUri = docsBase ? new URL(entry.anchor, docsBase).href : undefined;
  const seed = entry.seed.map((line) => `Seed (002): ${line}`);
  return {
    id: entry.name,
    name: entry.name,
    shortDescription: { text: entry.description },
    fullDescription: { text: [entry.description, entry.note].filter(Boolean).join(" ") },
    help: {
      text: [`Fix: ${entry.fix}`, `Judges: ${entry.judges}`, ...seed, `Docs: ${entry.anchor}`].join("\n"),
      markdown: [`**Fix:** ${entry.fix}`, `**Judges:** ${entry.judges}`, ...seed, helpUri ? `[${entry.anchor}](${helpUri})` : entry.anchor].join("\n\n"),
    },
    ...(helpUri ? { helpUri } : {}),
    defaultConfiguration: { level: LEVEL[entry.level] },
    properties: { tags: ["emr-guardrails", entry.kind, ...(entry.kind === "change" ? ["day-2"] : [])], kind: entry.kind, level: entry.level, judges: entry.judges, anchor: entry.anchor },
  };
}

/** The rule of an id the catalog does not know (a policy of another pack): its id, at the level it was reported. */
const bareRule = (id: string, level: Result.level): ReportingDescriptor => ({ id, name: id, shortDescription: { text: id }, defaultConfiguration: { level } });

/** The 1-based line of the stack file that declares a resource name, e.g. `- name: lakehouse`. */
function lineOf(text: string | undefined, name: string): number {
  if (!text) return 1;
  const lines = text.split("\n");
  const exact = lines.findIndex((l) => new RegExp(`\\bname:\\s*["']?${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}["']?\\s*$`).test(l));
  return exact >= 0 ? exact + 1 : 1;
}

/** The rule of a run or program that produced no verdict: code scanning must show it, never an empty log. */
const NO_VERDICT_RULE: ReportingDescriptor = {
  id: "emr-check/no-verdict",
  name: "emr-check/no-verdict",
  shortDescription: { text: "The offline check produced no policy verdict (the program or the check's input failed); never a pass." },
  defaultConfiguration: { level: "error" },
};

function noVerdict(text: string, uri: string): Result {
  return {
    ruleId: NO_VERDICT_RULE.id,
    level: "error",
    message: { text },
    locations: [{ physicalLocation: { artifactLocation: { uri }, region: { startLine: 1 } } }],
    partialFingerprints: { "emrGuard/v1": `${NO_VERDICT_RULE.id}:${uri}` },
  };
}

/** `failure`: the run stopped before any verdict (e.g. a bad policy config): reported as a no-verdict result. */
export function renderSarif(reports: CheckReport[], packVersion: string, root = process.cwd(), failure?: string, docsBase: string | null = docsBaseUri(root)): string {
  const rules = new Map<string, ReportingDescriptor>();
  const describe = (id: string, level: Result.level) => {
    if (rules.has(id)) return;
    const entry = ruleEntry(id);
    rules.set(id, entry ? sarifRule(entry, docsBase) : bareRule(id, level));
  };
  const results: Result[] = [];
  const errors: string[] = failure ? [failure] : [];
  for (const report of reports) {
    const uri = path.relative(root, report.configFile ?? report.program).split(path.sep).join("/");
    const configText = report.configFile && fs.existsSync(report.configFile) ? fs.readFileSync(report.configFile, "utf8") : undefined;
    if (report.programError) errors.push(`${summaryLine(report)}: ${report.programError}`);
    if (report.programError) results.push(noVerdict(errors[errors.length - 1], uri));
    for (const f of report.findings) {
      for (const v of f.violations) {
        describe(v.policyName, LEVEL[v.enforcementLevel]);
        // The EmrCluster component names its cluster after the stack entry, so the entry's line is the cluster's.
        const entryName = nameOfUrn(f.urn) ?? f.name;
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
      for (const r of found) describe(r.ruleId, r.level ?? "error");
      results.push(...found);
    }
    if (report.costs) {
      const found = costSarifResults(report.costs, uri);
      for (const r of found) if (!rules.has(r.ruleId)) rules.set(r.ruleId, { id: r.ruleId, name: r.ruleId, shortDescription: { text: r.ruleId === COST_RULE_ID ? "A resource's monthly cost at the price book's prices (now, after, change)." : r.ruleId }, defaultConfiguration: { level: r.level } });
      results.push(...found);
    }
  }
  if (failure) results.push(noVerdict(`the offline check failed before any policy verdict: ${failure}`, "Pulumi.yaml"));
  if (errors.length) rules.set(NO_VERDICT_RULE.id, NO_VERDICT_RULE);
  const invocation: Invocation = {
    executionSuccessful: errors.length === 0,
    ...(errors.length ? { toolExecutionNotifications: errors.map((text) => ({ level: "error" as const, message: { text } })) } : {}),
  };
  const log: Log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [{ tool: { driver: { name: "emr-guardrails", version: packVersion, informationUri: "https://www.pulumi.com/docs/using-pulumi/crossguard/", rules: [...rules.values()] } }, invocations: [invocation], results }],
  };
  return JSON.stringify(log, null, 2);
}
