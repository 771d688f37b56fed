/**
 * Machine formats on stdout are the document and nothing else: `npx emr-check --format json` parses as JSON (npm's
 * `npm run` banner would not), and the README documents that form for every machine format.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { ROOT } from "../helpers/run-cli";

test("npx emr-check --format json: stdout is JSON", async () => {
  const npx = path.join(path.dirname(process.execPath), "npx");
  const stdout = await new Promise<string>((resolve, reject) =>
    execFile(fs.existsSync(npx) ? npx : "npx", ["emr-check", "--quiet", "--stack", "dev", "--format", "json"], { cwd: ROOT, timeout: 60000, env: { ...process.env, FORCE_COLOR: "0" } }, (err, out) => (err ? reject(err) : resolve(out))),
  );
  expect(JSON.parse(stdout)).toMatchObject({ version: 1, passed: true, summary: { checks: 1, passed: true } });
}, 60000);

test("the README never pipes a machine format through `npm run check` (its banner breaks the document)", () => {
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  const machine = readme.split("\n").filter((l) => /--format (json|sarif|markdown)/.test(l) && /npm run (?!-s |--silent )check/.test(l));
  expect(machine).toEqual([]);
  expect(readme).toContain("npx emr-check --stack prod --format json > report.json");
});
