/** emr-drift's report in the four formats the check writes: text, JSON, Markdown (an issue, a job summary), SARIF. */
import type { Log, ReportingDescriptor, Result } from "sarif";
import { escapeMarkdown } from "../check/report/formatting";
import type { Format } from "../check/report/outputs";
import type { DriftClass, DriftItem } from "./compare";
import type { ClusterDrift, DriftReport } from "./drift";

const show = (v: unknown) => (v === undefined ? "-" : typeof v === "string" ? v : JSON.stringify(v));
const drifted = (c: ClusterDrift) => c.items.filter((i) => i.status !== "in-sync");
const count = (r: DriftReport, cls: DriftClass) => r.clusters.flatMap(drifted).filter((i) => i.class === cls).length;

/** One line: the verdict and the counts, e.g. "RISKY: 2 clusters, 3 drifts (1 expected, 2 risky, 0 dangerous), 1 rule violation". */
export function summaryLine(r: DriftReport): string {
  const drifts = r.clusters.flatMap(drifted).length;
  const rules = r.clusters.flatMap((c) => c.rules).length;
  const verdict = r.class === "none" ? "NO DRIFT" : r.class === "expected" ? "EXPECTED DRIFT ONLY" : r.class.toUpperCase();
  return `${verdict}: ${r.clusters.length} cluster${r.clusters.length === 1 ? "" : "s"} of ${r.file} in ${r.regionId}, ${drifts} drift${drifts === 1 ? "" : "s"} (${count(r, "expected")} expected, ${count(r, "risky")} risky, ${count(r, "dangerous")} dangerous), ${rules} mandatory rule violation${rules === 1 ? "" : "s"} on the live clusters`;
}

const itemLine = (i: DriftItem) => `[${i.class}] ${i.path} ${i.status}: ${show(i.recorded)} -> ${show(i.live)}: ${i.why}`;

export function renderText(r: DriftReport): string {
  const out: string[] = [];
  for (const c of r.clusters) {
    const inSync = c.items.filter((i) => i.status === "in-sync").length;
    out.push(`${c.name} (${c.clusterId}${c.clusterName ? `, ${c.clusterName}` : ""}): ${c.class === "none" ? "in sync" : c.class}, ${inSync} properties in sync`);
    out.push(...drifted(c).map((i) => `  ${itemLine(i)}`));
    out.push(...c.rules.map((f) => `  [rule] ${f.rule} ${f.path}: ${f.message}; fix: ${f.fix}`));
  }
  return [...out, "", summaryLine(r)].join("\n");
}

export function renderMarkdown(r: DriftReport): string {
  const out = [`## EMR live drift: ${escapeMarkdown(summaryLine(r))}`, ""];
  for (const c of r.clusters) {
    out.push(`### ${escapeMarkdown(c.name)} (\`${c.clusterId}\`): ${c.class === "none" ? "in sync" : c.class}`, "");
    const rows = drifted(c);
    if (rows.length) {
      out.push("| class | property | status | recorded | live | why |", "|---|---|---|---|---|---|");
      out.push(...rows.map((i) => `| ${i.class} | ${escapeMarkdown(i.path)} | ${i.status} | ${escapeMarkdown(show(i.recorded))} | ${escapeMarkdown(show(i.live))} | ${escapeMarkdown(i.why)} |`));
    } else out.push(`Every compared property is in sync (${c.items.length}).`);
    if (c.rules.length) out.push("", "Mandatory rules broken by the live cluster:", ...c.rules.map((f) => `- \`${f.rule}\` ${escapeMarkdown(f.path)}: ${escapeMarkdown(f.message)}; fix: ${escapeMarkdown(f.fix)}`));
    out.push("");
  }
  return out.join("\n");
}

const LEVEL: Record<DriftClass, Result.level> = { none: "none", expected: "note", risky: "warning", dangerous: "error" };

/** SARIF 2.1.0: one rule per drift class and per pack rule, located at the stack export (the drift has no source line). */
export function renderSarif(r: DriftReport, version: string): string {
  const rules = new Map<string, ReportingDescriptor>();
  const results: Result[] = [];
  const location = (c: ClusterDrift) => [{ physicalLocation: { artifactLocation: { uri: r.file }, region: { startLine: 1 } }, logicalLocations: [{ fullyQualifiedName: c.urn, kind: "resource" }] }];
  for (const c of r.clusters) {
    for (const i of drifted(c)) {
      const id = `emr-drift/${i.class}`;
      if (!rules.has(id)) rules.set(id, { id, name: id, shortDescription: { text: `Live drift classed ${i.class}` }, defaultConfiguration: { level: LEVEL[i.class] } });
      results.push({ ruleId: id, level: LEVEL[i.class], message: { text: `${c.name} (${c.clusterId}): ${itemLine(i)}` }, locations: location(c), partialFingerprints: { "emrDrift/v1": `${c.urn}:${i.path}:${i.status}` } });
    }
    for (const f of c.rules) {
      if (!rules.has(f.rule)) rules.set(f.rule, { id: f.rule, name: f.rule, shortDescription: { text: f.rule }, defaultConfiguration: { level: "error" } });
      results.push({ ruleId: f.rule, level: "error", message: { text: `${c.name} (${c.clusterId}), live: ${f.path}: ${f.message}; fix: ${f.fix}` }, locations: location(c), partialFingerprints: { "emrDrift/v1": `${c.urn}:${f.rule}:${f.path}` } });
    }
  }
  const log: Log = { $schema: "https://json.schemastore.org/sarif-2.1.0.json", version: "2.1.0", runs: [{ tool: { driver: { name: "emr-drift", version, rules: [...rules.values()] } }, invocations: [{ executionSuccessful: true }], results }] };
  return JSON.stringify(log, null, 2);
}

export function render(r: DriftReport, format: Format, version: string): string {
  if (format === "json") return JSON.stringify({ ...r, summary: summaryLine(r) }, null, 2);
  if (format === "markdown") return renderMarkdown(r);
  if (format === "sarif") return renderSarif(r, version);
  return renderText(r);
}
