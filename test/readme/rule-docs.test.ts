/**
 * The rule tables of README.md and policies/README.md are generated from the rule catalog (`npm run docs`): a
 * committed table that differs from what the catalog renders fails here, as a stale JSON schema does in
 * test/schemas. The hand-written prose around them may state a threshold's default only as the catalog has it.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { BLOCKS, renderedDocuments, withBlock } from "../../scripts/rule-docs";
import { DEFAULT_LIMITS } from "../../policies/rules/domain";
import { RULE_CATALOG } from "../../policies/rules/catalog";
import { ROOT } from "../helpers/run-cli";
import { ruleContext, runRule } from "../../policies/rules";
import { deletionProtection } from "../../policies/rules/protection";
import { haClusterProps } from "../helpers/cluster-props";

const documents = [...new Set(BLOCKS.map((b) => b.file))];

test.each(documents)("%s: its rule tables are what `npm run docs` generates from the catalog (not stale)", (file) => {
  expect(fs.readFileSync(path.join(ROOT, file), "utf8")).toBe(renderedDocuments(ROOT).get(file));
});

test("a table edited by hand, or a rule left out of it, is stale", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rule-docs-"));
  try {
    const fresh = renderedDocuments(ROOT);
    for (const file of documents) {
      const text = fresh.get(file) ?? "";
      // The first generated row, gone.
      const row = text.split("\n").find((l) => /^\| (<a id="|\[`)emr-/.test(l));
      expect(row).toBeDefined();
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text.replace(`${row}\n`, ""));
    }
    const again = renderedDocuments(dir);
    for (const file of documents) {
      expect(fs.readFileSync(path.join(dir, file), "utf8")).not.toBe(again.get(file));
      expect(again.get(file)).toBe(fresh.get(file));
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("every rule has its anchored row in policies/README.md, the target of --explain's Docs line and SARIF's helpUri", () => {
  const text = fs.readFileSync(path.join(ROOT, "policies/README.md"), "utf8");
  for (const r of RULE_CATALOG) {
    expect(r.anchor).toBe(`policies/README.md#${r.name}`);
    expect(text.split(`<a id="${r.name}"></a>`)).toHaveLength(2);
  }
});

test("a document without its markers is an error naming them", () => {
  expect(() => withBlock("# no markers\n", "README.md", "change-rules", "| x |")).toThrow(
    'README.md: the markers of the generated block "change-rules" are missing: <!-- BEGIN GENERATED change-rules: npm run docs (from policies/rules/catalog) --> ... <!-- END GENERATED change-rules -->',
  );
});

test("where the READMEs name a threshold with a number, the number is the catalog's default", () => {
  const keys = Object.keys(DEFAULT_LIMITS).join("|");
  const stated = new RegExp(`\`?\\b(${keys})\\b\`?(?:, default | \\()(\\d+)`, "g");
  const found: string[] = [];
  for (const file of ["README.md", "policies/README.md", "check/README.md", "client/README.md"]) {
    const text = fs.readFileSync(path.join(ROOT, file), "utf8");
    for (const m of text.matchAll(stated)) found.push(`${file}: ${m[1]} ${m[2]}`);
  }
  expect(found.length).toBeGreaterThan(10);
  expect(found.filter((f) => !f.endsWith(` ${DEFAULT_LIMITS[f.split(" ")[1] as keyof typeof DEFAULT_LIMITS]}`))).toEqual([]);
});

test("the README's protection paragraph says what emr-deletion-protection's fix says: keep it true, retire, release in the console", () => {
  const outcome = runRule(deletionProtection, { ...haClusterProps(), deletionProtection: false }, ruleContext());
  const fix = outcome.kind === "non-compliant" ? outcome.findings[0].fix : "";
  expect(fix).toMatch(/^keep deletionProtection: true: nothing in this project turns it off\. To release a cluster, retire it from the program \(emr:retire.*turn protection off in the EMR console/);
  const paragraph = fs.readFileSync(path.join(ROOT, "README.md"), "utf8").split("\n\n").find((p) => p.startsWith("Every cluster is created with `deletionProtection: true`"));
  expect(paragraph?.replace(/\s+/g, " ")).toMatch(/Keep `deletionProtection: true`: nothing in this project turns it off.*retire it from the program \(`emr:retire`.*turns deletion protection off and releases it in the EMR console/);
  // Never the old advice: turning protection off as a change of the program.
  expect(paragraph).not.toMatch(/separate, explicit change|deletionProtection: false/);
});
