/**
 * The pull-request comment. Resource names, messages and attributes come from users: they are escaped so they can
 * neither break the table nor inject HTML or links into the comment.
 */
import { renderChangesMarkdown } from "./changes";
import { renderCostsMarkdown } from "./costs";
import { renderClusterPlan } from "./cluster-plan";
import { escapeMarkdown, overallLine, protectionText, shortType, summaryLine } from "./formatting";
import { overallSummary, type CheckReport } from "./model";

const ICON = { mandatory: "❌", advisory: "⚠️", remediate: "🔧", disabled: "" } as const;

/** `failure`: the run stopped before any verdict (e.g. a bad policy config): said first, as a failure. */
export function renderMarkdown(reports: CheckReport[], failure?: string): string {
  const out: string[] = ["## EMR guardrails: offline policy check", ""];
  if (failure) out.push("### ❌ No policy verdict: the check failed", "", "```text", failure.replace(/```/g, "'''"), "```", "");
  if (reports.length > 1) out.push(`**${escapeMarkdown(overallLine(overallSummary(reports, failure)))}**`, "");
  for (const r of reports) {
    const status = r.summary.passed ? "✅" : "❌";
    out.push(`### ${status} Stack \`${escapeMarkdown(r.stack)}\``, "", escapeMarkdown(summaryLine(r)), "");
    if (r.programError) out.push("```text", r.programError.replace(/```/g, "'''"), "```", "");
    if (r.findings.length) {
      out.push("| | Resource | Policy | Message |", "|---|---|---|---|");
      for (const f of r.findings) {
        for (const v of f.violations) {
          out.push(`| ${ICON[v.enforcementLevel]} ${v.enforcementLevel} | ${escapeMarkdown(`${shortType(f.type)} ${f.name}`)} | \`${escapeMarkdown(v.policyName)}\` | ${escapeMarkdown(v.message)} |`);
        }
      }
      out.push("");
    }
    if (r.changes) out.push(...renderChangesMarkdown(r.changes));
    if (r.costs) out.push(...renderCostsMarkdown(r.costs));
    if (r.kind === "plan") continue;
    out.push(`<details><summary>${r.kind === "audit" ? "Recorded" : "Planned"} resources (${r.resources.length})</summary>`, "", "| Type | Name | Protection | Key attributes |", "|---|---|---|---|");
    for (const p of r.resources) out.push(`| ${escapeMarkdown(shortType(p.type))} | ${escapeMarkdown(p.name)} | ${escapeMarkdown(protectionText(p.protections))} | ${escapeMarkdown(p.details)} |`);
    out.push("", "</details>", "");
    if (r.clusters.length) {
      out.push(`<details><summary>What will be built (${r.clusters.length} ${r.clusters.length === 1 ? "cluster" : "clusters"})</summary>`, "", "```text");
      for (const c of r.clusters) out.push(...renderClusterPlan(c).map((l) => l.replace(/```/g, "'''")));
      out.push("```", "", "</details>", "");
    }
  }
  out.push("_Offline check: the program ran under Pulumi mocks in preview mode; the emr-guardrails pack ran through its analyzer protocol._");
  return out.join("\n");
}
