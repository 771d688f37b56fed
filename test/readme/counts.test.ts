/**
 * The numbers the READMEs state (how many policies the pack has, how many example programs there are) are checked
 * against the code, so they cannot drift when a policy or an example is added or removed.
 */
import * as fs from "fs";
import * as path from "path";
import { ALL_POLICIES } from "../../policies/pack";
import { CHANGE_CATALOG, POLICY_CATALOG } from "../../policies/rules";

const ROOT = path.resolve(__dirname, "../..");
const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
const examples = fs.readdirSync(path.join(ROOT, "stacks/examples")).filter((f) => f.endsWith(".ts"));

test("the pack's policy count: the catalog, the pack and every README sentence that states it agree", () => {
  expect(ALL_POLICIES.map((p) => p.name).sort()).toEqual(POLICY_CATALOG.map((p) => p.name).sort());
  const stated = [...readme.matchAll(/\b(\d+) policies\b/g)].map((m) => Number(m[1]));
  expect(stated.length).toBeGreaterThanOrEqual(2);
  expect(stated).toEqual(stated.map(() => POLICY_CATALOG.length));
});

test("the example programs' count in the README is the folder's", () => {
  const m = /`stacks\/examples\/` holds (\d+) small programs/.exec(readme);
  expect(m && Number(m[1])).toBe(examples.length);
});

test("policies/README.md has one anchored row per rule of the catalog, and no row for a rule that is gone", () => {
  const rows = fs.readFileSync(path.join(ROOT, "policies/README.md"), "utf8").split("\n").flatMap((l) => /^\| <a id="(emr-[a-z0-9-]+)"><\/a>`\1` \|/.exec(l)?.[1] ?? []);
  expect(rows.sort()).toEqual([...POLICY_CATALOG, ...CHANGE_CATALOG].map((p) => p.name).sort());
});
