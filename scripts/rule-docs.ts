/**
 * The rule tables of README.md and policies/README.md, generated from the rule catalog (policies/rules/catalog).
 * Each table sits between two marker comments; the rest of each file is written by hand. `npm run docs` rewrites the
 * tables; test/readme/rule-docs.test.ts fails while a committed table differs from what this renders (as Checkov
 * regenerates its policy index with `checkov --list`, and KICS its catalog pages, from the rules themselves).
 */
import * as fs from "fs";
import * as path from "path";
import { DEFAULT_LIMITS, DEFAULT_PRODUCTION_STACK_PATTERNS, type GuardrailLimits } from "../policies/rules/domain";
import { CHANGE_CATALOG, limitHome, POLICY_CATALOG, RULES_DOCUMENT, type RuleEntry } from "../policies/rules/catalog";

export const ROOT = path.join(__dirname, "..");

/** Markdown-safe cell text: no table break, no HTML, no emphasis from `*` or `_` runs. */
export function cell(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\*/g, "\\*").replace(/\n/g, " ");
}

const code = (s: string) => `\`${s}\``;
/** The condition without its "Checks whether" and final stop: the column says "checks whether". */
const condition = (r: RuleEntry) => r.description.replace(/^Checks whether /, "").replace(/\.$/, "");
const checks = (r: RuleEntry) => cell(condition(r)) + (r.note ? `<br>${cell(r.note)}` : "");
/** The row's anchor: the target of `--explain`'s "Docs:" line and of SARIF's helpUri. */
const anchored = (r: RuleEntry) => `<a id="${r.name}"></a>${code(r.name)}`;

function policyConfig(r: RuleEntry): string {
  const limit = (k: keyof GuardrailLimits) => `${code(k)} (${DEFAULT_LIMITS[k]})`;
  const parts = [r.limits.map(limit).join(", ")];
  if (r.hosts.length) parts.push(`carried for the change rules: ${r.hosts.map(limit).join(", ")}`);
  if (r.productionStacks) parts.push(`${code("productionStacks")} (${DEFAULT_PRODUCTION_STACK_PATTERNS.map(code).join(", ")})`);
  return parts.filter(Boolean).join("; ");
}

/** policies/README.md: every policy of the pack. */
export function policyTable(): string {
  const rows = POLICY_CATALOG.map((r) => `| ${anchored(r)} | ${r.kind} | ${r.level}${r.remediation ? " (remediation available)" : ""} | ${checks(r)} | ${cell(r.fix)} | ${policyConfig(r)} |`);
  return ["| policy | kind | default level | checks whether | fix | config (default) |", "|---|---|---|---|---|---|", ...rows].join("\n");
}

/** policies/README.md: every change rule, with the calls it judges, the thresholds it reads and its seed line. */
export function changeTable(): string {
  const reads = (r: RuleEntry) => r.limits.map((k) => `${code(k)} (${DEFAULT_LIMITS[k]}, under ${code(limitHome(k).name)})`).join(", ");
  const rows = CHANGE_CATALOG.map((r) => `| ${anchored(r)} | ${r.level} | ${cell(r.judges)} | ${checks(r)} | ${cell(r.fix)} | ${reads(r)} | ${r.seed.map(cell).join("<br>")} |`);
  return ["| rule | level | judges | checks whether | fix | thresholds (set under) | seed (002) |", "|---|---|---|---|---|---|---|", ...rows].join("\n");
}

/** README.md: the change rules in short, each linked to its row in policies/README.md. */
export function changeSummaryTable(): string {
  const rows = CHANGE_CATALOG.map((r) => `| [${code(r.name)}](${RULES_DOCUMENT}#${r.name}) | ${r.level} | ${cell(r.judges)} | ${cell(condition(r))} |`);
  return ["| rule | level | judges | checks whether |", "|---|---|---|---|", ...rows].join("\n");
}

/** Each generated block: the file it is in, its name in the markers, and its text. */
export const BLOCKS: readonly { file: string; name: string; render: () => string }[] = [
  { file: "policies/README.md", name: "policies", render: policyTable },
  { file: "policies/README.md", name: "change-rules", render: changeTable },
  { file: "README.md", name: "change-rules", render: changeSummaryTable },
];

const begin = (name: string) => `<!-- BEGIN GENERATED ${name}: npm run docs (from policies/rules/catalog) -->`;
const end = (name: string) => `<!-- END GENERATED ${name} -->`;

/** The text with the block between its markers replaced; a file without the markers is an error naming them. */
export function withBlock(text: string, file: string, name: string, content: string): string {
  const from = text.indexOf(begin(name));
  const to = text.indexOf(end(name));
  if (from < 0 || to < from) throw new Error(`${file}: the markers of the generated block "${name}" are missing: ${begin(name)} ... ${end(name)}`);
  return `${text.slice(0, from)}${begin(name)}\n${content}\n${text.slice(to)}`;
}

/** What each document should be: its text with every generated block rendered from the catalog. */
export function renderedDocuments(root = ROOT): Map<string, string> {
  const out = new Map<string, string>();
  for (const b of BLOCKS) {
    const text = out.get(b.file) ?? fs.readFileSync(path.join(root, b.file), "utf8");
    out.set(b.file, withBlock(text, b.file, b.name, b.render()));
  }
  return out;
}

if (require.main === module) {
  for (const [file, text] of renderedDocuments()) {
    const at = path.join(ROOT, file);
    const changed = fs.readFileSync(at, "utf8") !== text;
    if (changed) fs.writeFileSync(at, text);
    process.stdout.write(`${file} ${changed ? "rewritten" : "up to date"}\n`);
  }
}
