/**
 * `emr-check --audit`: what a stack recorded, through the pack, without a program; no ciphertext in any format.
 * One run writes the four reports (JSON to stdout, the others to files), as the PR workflow does.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ROOT, runCli, type CliResult } from "../helpers/run-cli";

const EXPORT = path.join(ROOT, "test/fixtures/change/stack-export.json");
const SECRET_TEXT = /v1:[A-Za-z0-9+/=]+:|ciphertext|4dabf18193072939515e22adb298388d|UmFuZG9t|Q2lwaGVy/;

let dir: string;
let run: CliResult;
const reportFile = (format: string) => path.join(dir, `audit.${format}`);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "emr-audit-"));
  run = await runCli(["--audit", EXPORT, "--format", "json", ...["text", "markdown", "sarif"].flatMap((f) => ["--format", f, "--output", reportFile(f)])]);
}, 60000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("--audit on the fixture: the recorded clusters' violations, not the root stack nor the provider; exit 1", () => {
  const { code, stdout } = run;
  expect(code).toBe(1);
  const [report] = JSON.parse(stdout).reports;
  expect([report.stack, report.kind, report.summary]).toEqual(["prod", "audit", { resources: 3, mandatory: 5, advisory: 4, passed: false }]);
  // The root stack, the provider and the resource pending deletion (half-deleted) are not analyzed.
  expect(report.resources.map((r: { name: string }) => r.name)).toEqual(["lakehouse", "lakehouse-old", "metastore-password"]);
  const found = report.findings.flatMap((f: { name: string; violations: { policyName: string; enforcementLevel: string }[] }) => f.violations.map((v) => `${f.name} ${v.enforcementLevel} ${v.policyName}`));
  expect(found).toEqual([
    "lakehouse mandatory emr-node-group-creation-cap",
    "lakehouse mandatory emr-hive-metastore-type",
    "lakehouse mandatory emr-spark-metastore-matches-hive",
    "lakehouse advisory emr-security-group-external",
    "lakehouse advisory emr-metastore-password-source",
    "lakehouse-old mandatory emr-hive-metastore-type",
    "lakehouse-old mandatory emr-spark-metastore-matches-hive",
    "lakehouse-old advisory emr-security-group-external",
    "lakehouse-old advisory emr-metastore-password-source",
  ]);
}, 60000);

test.each(["json", "text", "markdown", "sarif"])("--audit, %s: the findings, and no secret value or ciphertext printed", (format) => {
  const report = format === "json" ? run.stdout : fs.readFileSync(reportFile(format), "utf8");
  expect(report).toContain("emr-node-group-creation-cap");
  expect(report + run.stderr).not.toMatch(SECRET_TEXT);
});

test("--audit refuses --stack and --program: the stack comes from the export, no program runs (exit 2)", async () => {
  expect(await runCli(["--audit", EXPORT, "--stack", "prod"])).toMatchObject({ code: 2, stderr: expect.stringContaining("--audit takes the stack from the export itself: leave out --stack") });
  expect(await runCli(["--audit", EXPORT, "--program", "stacks"])).toMatchObject({ code: 2, stderr: expect.stringContaining("--audit runs no program: leave out --program") });
}, 30000);
