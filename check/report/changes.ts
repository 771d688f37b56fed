/**
 * The change section of a report as text, Markdown and SARIF: each cluster's EMR calls ("pulumi up will call:
 * IncreaseNodes core +2; DecreaseNodes task -23 ✗"), where the provider stops halfway, what changes, the change
 * rules' verdicts, what they could not tell, and the release checklist of a retired cluster (the data: model.ts).
 * Every format renders it from here; the messages come from the pure rules, which never carry a secret.
 */
import type { Result } from "sarif";
import { escapeMarkdown } from "./formatting";
import type { ChangeSection, ClusterChangeEntry } from "./model";

const KIND_LABEL: Record<NonNullable<ClusterChangeEntry["kind"]>, string> = {
  create: "created", update: "updated", same: "no change", replace: "replaced", delete: "deleted", retain: "leaves the program, retained",
};
const kindLabel = (c: ClusterChangeEntry) => (c.kind ? `${c.resourceType ? `${c.resourceType}, ` : ""}${KIND_LABEL[c.kind]}` : "not in this plan");

/** `pulumi up will call: IncreaseNodes core +2; DecreaseNodes task -23 ✗` (✗: a mandatory verdict refuses it). */
export function callsLine(c: ClusterChangeEntry): string | undefined {
  if (!c.calls.length) return c.kind === "update" || c.kind === "same" ? "pulumi up will call: nothing" : undefined;
  return `pulumi up will call: ${c.calls.map((x) => `${x.call}${x.refused ? " ✗" : ""}`).join("; ")}`;
}

export function renderChangesText(section: ChangeSection): string[] {
  const out = ["", `Changes (before: ${section.source === "state" ? "recorded state" : "plan"} ${section.file}):`];
  for (const c of section.clusters) {
    out.push(`  ${c.cluster} (${kindLabel(c)})`);
    const calls = callsLine(c);
    if (calls) out.push(`    ${calls}`);
    for (const stop of c.stops ?? []) out.push(`    pulumi up stops halfway: ${stop}`);
    for (const line of c.changes.length ? c.changes : c.kind === "same" ? [] : ["no change"]) out.push(`    ${line}`);
    for (const v of c.verdicts) out.push(`    [${v.level}] ${v.rule}: ${v.message}`, `      fix: ${v.fix}`);
    for (const a of c.assumptions ?? []) out.push(`    assumes: ${a}`);
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
    const calls = callsLine(c);
    const lines = [
      ...(calls ? [`**pulumi up will call:** ${escapeMarkdown(calls.slice("pulumi up will call: ".length))}`] : []),
      ...(c.stops ?? []).map((x) => `**pulumi up stops halfway:** ${escapeMarkdown(x)}`),
      ...(c.changes.length ? c.changes : c.kind === "same" ? [] : ["no change"]).map(escapeMarkdown),
    ];
    out.push(`| ${escapeMarkdown(c.cluster)} (${kindLabel(c)}) | ${lines.join("<br>")} | ${verdicts.join("<br>") || "✅"} |`);
  }
  out.push("");
  for (const c of section.clusters.filter((x) => x.assumptions?.length)) {
    out.push(`<details><summary>What the calls of ${escapeMarkdown(c.cluster)} assume</summary>`, "", ...(c.assumptions ?? []).map((a) => `- ${escapeMarkdown(a)}`), "", "</details>", "");
  }
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
      message: { text: `${v.message}${v.call ? `\nAPI call: ${v.call}` : ""}${(c.calls.length ? `\n${callsLine(c)}` : "")}\nFix: ${v.fix}` },
      locations: locate(c.cluster, c.urn),
      partialFingerprints: { "emrGuard/v1": `${v.rule}:${c.urn ?? c.cluster}:${v.path}` },
    })),
  );
}
