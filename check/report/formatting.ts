/**
 * The phrasing every report format shares: the summary lines, short type tokens, protections in words, Markdown
 * escaping, cutting to a width. A leaf beside the model: it reads the model's types and renders nothing whole.
 */
import type { Protections } from "./cluster-plan";
import type { CheckReport, OverallSummary } from "./model";

/** One check's verdict in a line, e.g. 'PASSED: stack "dev": 3 resources planned, 0 mandatory and 0 advisory violations'. */
export function summaryLine(r: CheckReport): string {
  if (r.programError) return `FAILED: the program of stack "${r.stack}" did not run: no policy verdict`;
  const verdict = r.summary.passed ? "PASSED" : "FAILED";
  const notes = r.notes?.length ? ` (${r.notes.join("; ")})` : "";
  const judged = r.kind === "audit" ? "recorded" : r.kind === "plan" ? "created or updated by the plan" : "planned";
  const what = `${r.summary.resources} resources ${judged}, ${r.summary.mandatory} mandatory and ${r.summary.advisory} advisory violations`;
  return `${verdict}: stack "${r.stack}": ${what}${notes}${changeSummary(r)}`;
}

/** The change part of the summary line ("" without a change section). */
function changeSummary(r: CheckReport): string {
  if (!r.changes) return "";
  const s = r.changes.summary;
  const undecided = s.undecided ? `, ${s.undecided} not known offline where a mandatory rule needs it (no verdict: refresh, or run with --live)` : "";
  const rest = s.unknown - s.undecided ? `, ${s.unknown - s.undecided} advisory ones not known offline` : "";
  return `; changes (${r.changes.source} ${r.changes.file}): ${s.mandatory} mandatory and ${s.advisory} advisory verdicts${undecided}${rest}`;
}

/** One line for a run over several programs or stacks, e.g. "FAILED: 2 of 34 checks failed (...)". */
export function overallLine(s: OverallSummary): string {
  const noVerdict = s.noVerdict ? `, ${s.noVerdict} without a verdict` : "";
  const head = s.passed ? `PASSED: all ${s.checks} checks passed` : `FAILED: ${s.failed} of ${s.checks} checks failed${noVerdict}`;
  return `${head}: ${s.resources} resources planned, ${s.mandatory} mandatory and ${s.advisory} advisory violations in total`;
}

/** Type tokens shortened as `pulumi preview` does: `alicloud:emrv2/cluster:Cluster` → `alicloud:emrv2:Cluster`. */
export function shortType(type: string): string {
  return type.replace(/^([^:]+):([^/:]+)\/[^:]+:([^:]+)$/, "$1:$2:$3");
}

/** The protections in a few words: "protect retain deletion"; a cluster without deletionProtection says "deletion OFF". */
export function protectionText(p: Protections): string {
  const words = [...(p.protect ? ["protect"] : []), ...(p.retainOnDelete ? ["retain"] : [])];
  if (p.deletionProtection !== undefined) words.push(p.deletionProtection === true ? "deletion" : p.deletionProtection === "unknown" ? "deletion ?" : "deletion OFF");
  return words.join(" ") || "-";
}

/** The terminal's width; 100 when stdout is not a terminal (a pipe, a file, CI). */
export function terminalWidth(stream: { columns?: number; isTTY?: boolean } = process.stdout): number {
  return stream.isTTY && stream.columns ? stream.columns : 100;
}

/** Cuts text to `width` characters, ending with "…" when cut. */
export function truncate(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : chars.slice(0, Math.max(0, width - 1)).join("") + "…";
}

/** Escapes text for a Markdown table cell (and for Markdown in general). */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_{}[\]()#+!|~])/g, "\\$1")
    .replace(/\r?\n/g, "<br>");
}
