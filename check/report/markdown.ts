/**
 * The pull-request comment. Resource names, messages and attributes come from users: they are escaped so they can
 * neither break the table nor inject HTML or links into the comment.
 */
import { renderChangesMarkdown } from "./changes";
import { summaryLine, type CheckReport } from "./model";
import { shortType } from "./text";

/** Escapes text for a Markdown table cell (and for Markdown in general). */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_{}[\]()#+!|~])/g, "\\$1")
    .replace(/\r?\n/g, "<br>");
}

const ICON = { mandatory: "❌", advisory: "⚠️", remediate: "🔧", disabled: "" } as const;

export function renderMarkdown(reports: CheckReport[]): string {
  const out: string[] = ["## EMR guardrails: offline policy check", ""];
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
    if (r.kind === "plan") continue;
    out.push("<details><summary>Planned resources (" + r.resources.length + ")</summary>", "", "| Type | Name | Key attributes |", "|---|---|---|");
    for (const p of r.resources) out.push(`| ${escapeMarkdown(shortType(p.type))} | ${escapeMarkdown(p.name)} | ${escapeMarkdown(p.details)} |`);
    out.push("", "</details>", "");
  }
  out.push("_Offline check: the program ran under Pulumi mocks in preview mode; the emr-guardrails pack ran through its analyzer protocol._");
  return out.join("\n");
}
