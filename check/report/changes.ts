/**
 * The change section of a report (issue 10) as text, Markdown and SARIF: each cluster's changes ("core 40 → 60
 * (+20)"), the change rules' verdicts, what they could not tell, and the release checklist of a retired cluster
 * (the data: model.ts). Every format renders it from here; the messages come from the pure rules, which never carry
 * a secret (secrets are "[secret]" markers).
 */
import type { Result } from "sarif";
import { escapeMarkdown } from "./formatting";
import type { ChangeSection, ClusterChangeEntry } from "./model";

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
