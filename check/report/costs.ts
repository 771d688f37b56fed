/**
 * The cost section of a report as text, Markdown and SARIF (JSON carries the model as it is): per cluster and RDS
 * metastore, the monthly cost now and after and the change, then per node group; what the book cannot price is
 * listed as unpriced (never counted), Spot as variable, Subscription with its commitment. A test book says so first.
 */
import type { Result } from "sarif";
import { formatDelta, formatMoney, type CostChange, type CostLine, type Money } from "../../policies/rules/cost";
import { escapeMarkdown } from "./formatting";
import type { CostSection } from "./model";

export const COST_RULE_ID = "emr-cost/monthly-cost";

const money = (m: Money | undefined, cur?: string) => (m ? formatMoney(m, cur) : "-");
const nodes = (l: CostLine | undefined) => (l?.nodes ? (l.nodes.min === l.nodes.max ? String(l.nodes.min) : `${l.nodes.min}-${l.nodes.max} (auto-scaled)`) : l ? "?" : "-");

/** `prices.json ("prod prices"), region cn-hangzhou, CNY, oldest price 3 days old`. */
function bookLine(s: CostSection): string {
  const b = s.book;
  if (!b) return s.hint ?? "";
  const cur = s.resources.find((r) => r.currency)?.currency;
  const age = b.ageDays === undefined ? "" : `, oldest price ${b.ageDays} day${b.ageDays === 1 ? "" : "s"} old`;
  return `${b.test ? "TEST PRICE BOOK (made-up prices, not Alibaba Cloud's): " : ""}${b.file} ("${b.name}"), region ${b.region}${cur ? `, ${cur}` : ""}${age}`;
}

/** `now 1.00 -> after 2.00 CNY; change +1.00 CNY` (without a before: the program's alone). */
export function costSummary(c: CostChange): string {
  const cur = c.currency ?? "";
  const after = c.after ? money(c.after.monthly, cur) : "nothing (leaves)";
  if (!c.before && !c.delta) return `${after} a month (the program's; give --state or --plan for the change)`;
  const delta = c.delta ? formatDelta(c.delta, cur) : `not known (${c.undecided.join("; ")})`;
  return `now ${c.before ? money(c.before.monthly, cur) : "nothing (new)"} -> after ${after} a month; change ${delta}`;
}

/** The node groups of both sides, by name (after's order first). */
function groupPairs(c: CostChange): { name: string; before?: CostLine; after?: CostLine }[] {
  const names = [...(c.after?.lines ?? []), ...(c.before?.lines ?? [])].map((l) => l.group ?? l.label);
  return [...new Set(names)].map((name) => ({ name, before: c.before?.lines.find((l) => (l.group ?? l.label) === name), after: c.after?.lines.find((l) => (l.group ?? l.label) === name) }));
}

function lineNotes(l: CostLine | undefined, cur: string): string[] {
  if (!l) return [];
  return [
    ...(l.instanceTypes?.length ? [l.instanceTypes.join(" | ")] : []),
    l.payment,
    ...(l.variable ? [l.variable] : []),
    ...(l.commitment ? [`commitment ${l.commitment.months} months: ${money(l.commitment.amount, cur)}`] : []),
  ];
}

export function renderCostsText(s: CostSection): string[] {
  if (!s.book) return ["", ...(s.hint ?? "").split("\n").map((l, i) => (i === 0 ? `Costs: ${l}` : `  ${l}`))];
  const out = ["", `Monthly cost at the price book's prices: ${bookLine(s)}`];
  for (const c of s.resources) {
    const cur = c.currency ?? "";
    out.push(`  ${c.name} (${c.kind}): ${costSummary(c)}`);
    for (const g of c.kind === "cluster" ? groupPairs(c) : []) {
      const both = g.before && g.after;
      const count = both ? `${nodes(g.before)} -> ${nodes(g.after)}` : nodes(g.after ?? g.before);
      const cost = both ? `${money(g.before?.monthly)} -> ${money(g.after?.monthly)}` : money((g.after ?? g.before)?.monthly);
      out.push(`    ${(g.after ?? g.before)?.label}${g.after ? "" : " (removed)"}: ${count} nodes, ${cost}; ${lineNotes(g.after ?? g.before, cur).join("; ")}`);
    }
    for (const u of [...new Set([...(c.after?.unpriced ?? []), ...(c.before?.unpriced ?? [])])]) out.push(`    unpriced (not counted): ${u}`);
    for (const u of [...new Set([...(c.after?.unknown ?? []), ...(c.before?.unknown ?? [])])]) out.push(`    not known offline (not counted): ${u}`);
  }
  for (const f of s.findings) out.push(`  [${f.level}] ${f.rule}: ${f.message}`, `    fix: ${f.fix}`);
  return out;
}

export function renderCostsMarkdown(s: CostSection): string[] {
  if (!s.book) return [`_Costs: ${escapeMarkdown((s.hint ?? "").replace(/\n/g, " "))}_`, ""];
  const out = [`#### Monthly cost (price book ${escapeMarkdown(bookLine(s))})`, ""];
  if (s.book.test) out.push("> ⚠️ **Test price book**: made-up prices, not Alibaba Cloud's.", "");
  for (const f of s.findings) out.push(`⚠️ ${f.level} \`${escapeMarkdown(f.rule)}\`: ${escapeMarkdown(f.message)}; fix: ${escapeMarkdown(f.fix)}`, "");
  out.push("| Resource | Now | After | Change |", "|---|---|---|---|");
  for (const c of s.resources) {
    const cur = c.currency ?? "";
    const change = c.delta ? formatDelta(c.delta, cur) : c.before ? `not known: ${c.undecided.join("; ")}` : "(no before)";
    out.push(`| ${escapeMarkdown(`${c.name} (${c.kind})`)} | ${escapeMarkdown(c.before ? money(c.before.monthly, cur) : c.delta ? "nothing (new)" : "-")} | ${escapeMarkdown(c.after ? money(c.after.monthly, cur) : "nothing")} | ${escapeMarkdown(change)} |`);
  }
  out.push("");
  for (const c of s.resources.filter((x) => x.kind === "cluster")) {
    const cur = c.currency ?? "";
    out.push(`<details><summary>${escapeMarkdown(c.name)} by node group</summary>`, "", "| Node group | Nodes | Now | After | Notes |", "|---|---|---|---|---|");
    for (const g of groupPairs(c)) {
      const label = (g.after ?? g.before)?.label ?? g.name;
      out.push(`| ${escapeMarkdown(label)} | ${escapeMarkdown(g.before && g.after ? `${nodes(g.before)} → ${nodes(g.after)}` : nodes(g.after ?? g.before))} | ${escapeMarkdown(money(g.before?.monthly))} | ${escapeMarkdown(g.after ? money(g.after.monthly) : "removed")} | ${escapeMarkdown(lineNotes(g.after ?? g.before, cur).join("; "))} |`);
    }
    const unpriced = [...new Set([...(c.after?.unpriced ?? []), ...(c.before?.unpriced ?? []), ...(c.after?.unknown ?? []), ...(c.before?.unknown ?? [])])];
    out.push("", ...(unpriced.length ? [`**Unpriced (not counted):** ${unpriced.map(escapeMarkdown).join("; ")}`, ""] : []), "</details>", "");
  }
  return out;
}

/** One note per priced resource (its cost), one result per finding of the book. */
export function costSarifResults(s: CostSection, uri: string): (Result & { ruleId: string })[] {
  const at = [{ physicalLocation: { artifactLocation: { uri }, region: { startLine: 1 } } }];
  if (!s.book) return [];
  return [
    ...s.resources.map((c) => ({
      ruleId: COST_RULE_ID,
      level: "note" as const,
      message: { text: `${s.book?.test ? "TEST PRICE BOOK (made-up prices): " : ""}${c.name} (${c.kind}): ${costSummary(c)}${c.after?.unpriced.length ? `; unpriced (not counted): ${c.after.unpriced.join("; ")}` : ""}` },
      locations: at,
      partialFingerprints: { "emrGuard/v1": `${COST_RULE_ID}:${c.name}` },
    })),
    ...s.findings.map((f) => ({ ruleId: f.rule, level: f.level === "mandatory" ? ("error" as const) : ("warning" as const), message: { text: `${f.message}\nFix: ${f.fix}` }, locations: at, partialFingerprints: { "emrGuard/v1": `${f.rule}:${f.path}` } })),
  ];
}
