/**
 * The terminal report: a preview-like table of planned resources that fits the terminal (one line a resource; the
 * attributes are cut with "…", never a name), violations grouped by resource, one summary line.
 */
import { renderChangesText } from "./changes";
import { renderCostsText } from "./costs";
import { renderClusterPlan } from "./cluster-plan";
import { protectionText, shortType, summaryLine, truncate } from "./formatting";
import type { CheckReport } from "./model";

const PROTECTION_LEGEND = "protect: Pulumi protect option; retain: retainOnDelete; deletion: the cluster's deletionProtection";

const HEAD = ["", "Type", "Name", "Protection", "Key attributes"];
const GAP = "  ";
/** The attributes column never gets narrower than this, even when the names leave less room. */
const MIN_ATTRIBUTES = 10;

const padEnd = (text: string, width: number) => text + " ".repeat(Math.max(0, width - [...text].length));

/** `pulumi preview`'s symbols: "+" create, "~" update, " " same, "+-" replace, "-" delete; "=" what --audit read. */
const OP_SYMBOL: Record<string, string> = { create: "+", update: "~", same: " ", replace: "+-", delete: "-", retain: "-" };

/**
 * One line a resource, laid out like `pulumi preview` (no borders): its operation, the type, the name, the
 * protections and as much of the key attributes as the width leaves.
 */
function resourceTable(report: CheckReport, width: number): string[] {
  // Without a recorded state every resource is a creation; with one (--state), what the change section found.
  const op = (urn: string) => (report.kind === "audit" ? "=" : OP_SYMBOL[report.changes?.operations?.[urn] ?? "create"]);
  const rows = report.resources.map((r) => [op(r.urn), shortType(r.type), r.name, protectionText(r.protections), r.details]);
  const widths = [0, 1, 2, 3].map((c) => Math.max(HEAD[c].length, ...rows.map((row) => [...row[c]].length)));
  const attributes = Math.max(MIN_ATTRIBUTES, width - widths.reduce((a, b) => a + b, 0) - GAP.length * widths.length);
  const line = (row: string[]) => [...row.slice(0, 4).map((cell, c) => padEnd(cell, widths[c])), truncate(row[4], attributes)].join(GAP).trimEnd();
  return [line(HEAD), ...rows.map(line)];
}

export interface TextOptions {
  /** Characters a line may take (see terminalWidth()). */
  width?: number;
  /** Each cluster's merged spec after the table (`--details`). */
  details?: boolean;
}

export function renderText(report: CheckReport, options: TextOptions = {}): string {
  const out: string[] = [];
  // A program that failed has no plan to show: its error, once, and the verdict (none).
  if (report.programError) return [`Stack ${report.stack} (${report.program}): the program failed`, `  ${report.programError.split("\n").join("\n  ")}`, "", summaryLine(report)].join("\n");
  if (report.kind !== "plan") {
    out.push(`Stack ${report.stack} (${report.program}): ${report.kind === "audit" ? "recorded" : "planned"} resources`);
    out.push(...resourceTable(report, options.width ?? 100));
    if (report.resources.length) out.push(PROTECTION_LEGEND);
  } else out.push(`Stack ${report.stack} (${report.program})`);
  if (report.changes) out.push(...renderChangesText(report.changes));
  if (report.costs) out.push(...renderCostsText(report.costs));
  if (options.details && report.clusters.length) {
    out.push("", "What will be built:");
    for (const c of report.clusters) out.push(...renderClusterPlan(c).map((l) => `  ${l}`));
  }
  if (report.findings.length) {
    out.push("", "Policy violations:");
    for (const f of report.findings) {
      out.push(`  ${shortType(f.type)} ${f.name}`);
      for (const v of f.violations) out.push(`    [${v.enforcementLevel}] ${v.policyName}`, ...v.message.split("\n").map((l) => `      ${l}`));
    }
  }
  if (report.placeholders?.length) {
    out.push("", "Data sources answered offline with placeholders (the verdict was reached with them; --invokes sets real values):");
    for (const p of report.placeholders) out.push(`  ${p.token}: ${p.paths.join(", ")}`);
  }
  out.push("", summaryLine(report));
  return out.join("\n");
}
