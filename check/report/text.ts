/** The terminal report: a preview-like table of planned resources, violations grouped by resource, one summary line. */
import Table from "cli-table3";
import { summaryLine, type CheckReport } from "./model";

/** Type tokens shortened as `pulumi preview` does: `alicloud:emrv2/cluster:Cluster` → `alicloud:emrv2:Cluster`. */
export function shortType(type: string): string {
  return type.replace(/^([^:]+):([^/:]+)\/[^:]+:([^:]+)$/, "$1:$2:$3");
}

export function renderText(report: CheckReport): string {
  const out: string[] = [];
  // A program that failed has no plan to show: its error, once, and the verdict (none).
  if (report.programError) return [`Stack ${report.stack} (${report.program}): the program failed`, `  ${report.programError.split("\n").join("\n  ")}`, "", summaryLine(report)].join("\n");
  out.push(`Stack ${report.stack} (${report.program}): planned resources`);
  const table = new Table({ head: ["Plan", "Type", "Name", "Protected", "Key attributes"], style: { head: [], border: [] }, wordWrap: true, colWidths: [8, 32, 30, 11, 60] });
  for (const r of report.resources) table.push(["+ create", shortType(r.type), r.name, r.protect ? "yes" : "", r.details]);
  out.push(table.toString());
  if (report.findings.length) {
    out.push("", "Policy violations:");
    for (const f of report.findings) {
      out.push(`  ${shortType(f.type)} ${f.name}`);
      for (const v of f.violations) out.push(`    [${v.enforcementLevel}] ${v.policyName}`, ...v.message.split("\n").map((l) => `      ${l}`));
    }
  }
  out.push("", summaryLine(report));
  return out.join("\n");
}
