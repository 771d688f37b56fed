/**
 * The change section of a report (issue 10): each cluster's changes ("core 40 → 60 (+20)"), the change rules'
 * verdicts, what they could not tell, and the release checklist of a retired cluster. Every format renders it from
 * here; the messages come from the pure rules, which never carry a secret (secrets are "[secret]" markers).
 */
import type { Result } from "sarif";
import { escapeMarkdown } from "./markdown";
import type { CheckReport } from "./model";

export interface ChangeVerdict {
  rule: string;
  level: "mandatory" | "advisory";
  group?: string;
  path: string;
  message: string;
  fix: string;
}

export interface ClusterChangeEntry {
  /** The Pulumi resource name. */
  cluster: string;
  urn?: string;
  /** Absent for an `emr:retire` entry that names no cluster of the plan. */
  kind?: "create" | "update" | "remove";
  /** One line per change, from describeChange; empty: no change. */
  changes: string[];
  verdicts: ChangeVerdict[];
  /** What a rule could not tell offline: `<rule>: <path>`. */
  unknown: string[];
  /** A removed cluster with a valid retirement acknowledgement: how to release it by hand, in the console. */
  releaseChecklist?: string[];
}

export interface ChangeSection {
  /** Where the before came from: a recorded state (`--state`) or a plan (`--plan`). */
  source: "state" | "plan";
  file: string;
  clusters: ClusterChangeEntry[];
  summary: { mandatory: number; advisory: number; unknown: number };
}

/** The report with its change section; a mandatory change verdict fails it like a mandatory violation. */
export function attachChanges(report: CheckReport, changes: ChangeSection): CheckReport {
  return { ...report, changes, summary: { ...report.summary, passed: report.summary.passed && changes.summary.mandatory === 0 } };
}

/** The change part of the summary line ("" without a change section). */
export function changeSummary(r: CheckReport): string {
  if (!r.changes) return "";
  const s = r.changes.summary;
  return `; changes (${r.changes.source} ${r.changes.file}): ${s.mandatory} mandatory and ${s.advisory} advisory verdicts${s.unknown ? `, ${s.unknown} not known offline` : ""}`;
}

const kindLabel = (c: ClusterChangeEntry) => (c.kind === "create" ? "created" : c.kind === "remove" ? "removed" : c.kind === "update" ? "updated" : "not in this plan");

export function renderChangesText(section: ChangeSection): string[] {
  const out = ["", `Changes (before: ${section.source === "state" ? "recorded state" : "plan"} ${section.file}):`];
  for (const c of section.clusters) {
    out.push(`  ${c.cluster} (${kindLabel(c)})`);
    for (const line of c.changes.length ? c.changes : ["no change"]) out.push(`    ${line}`);
    for (const v of c.verdicts) out.push(`    [${v.level}] ${v.rule}: ${v.message}`, `      fix: ${v.fix}`);
    for (const u of c.unknown) out.push(`    [unknown] ${u}`);
    if (c.releaseChecklist) out.push(...c.releaseChecklist.map((l) => `    ${l}`));
  }
  return out;
}

const ICON = { mandatory: "❌", advisory: "⚠️" } as const;

export function renderChangesMarkdown(section: ChangeSection): string[] {
  const out = [`#### Changes (before: ${section.source === "state" ? "recorded state" : "plan"} \`${escapeMarkdown(section.file)}\`)`, ""];
  out.push("| Cluster | Change | Verdicts |", "|---|---|---|");
  for (const c of section.clusters) {
    const verdicts = [
      ...c.verdicts.map((v) => `${ICON[v.level]} ${v.level} \`${escapeMarkdown(v.rule)}\`: ${escapeMarkdown(v.message)}; fix: ${escapeMarkdown(v.fix)}`),
      ...c.unknown.map((u) => `❔ not known offline: ${escapeMarkdown(u)}`),
    ];
    const changes = c.changes.length ? c.changes : ["no change"];
    out.push(`| ${escapeMarkdown(c.cluster)} (${kindLabel(c)}) | ${changes.map(escapeMarkdown).join("<br>")} | ${verdicts.join("<br>") || "✅"} |`);
  }
  out.push("");
  for (const c of section.clusters.filter((x) => x.releaseChecklist)) {
    out.push(`<details><summary>Release checklist of ${escapeMarkdown(c.cluster)}</summary>`, "", ...(c.releaseChecklist ?? []).map((l) => escapeMarkdown(l) + "<br>"), "", "</details>", "");
  }
  return out;
}

/** One SARIF result per change verdict, at the stack file's line of the cluster (located by the caller). */
export function changeSarifResults(section: ChangeSection, locate: (cluster: string, urn?: string) => Result["locations"]): (Result & { ruleId: string })[] {
  return section.clusters.flatMap((c) =>
    c.verdicts.map((v) => ({
      ruleId: v.rule,
      level: v.level === "mandatory" ? ("error" as const) : ("warning" as const),
      message: { text: `${v.message}\nFix: ${v.fix}` },
      locations: locate(c.cluster, c.urn),
      partialFingerprints: { "emrGuard/v1": `${v.rule}:${c.urn ?? c.cluster}:${v.path}` },
    })),
  );
}
