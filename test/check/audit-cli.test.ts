/** `emr-check --audit`: what a stack recorded, through the pack, without a program; no ciphertext in any format. */
import * as path from "path";
import { ROOT, runCli } from "../helpers/run-cli";

const EXPORT = path.join(ROOT, "test/fixtures/change/stack-export.json");
const SECRET_TEXT = /v1:[A-Za-z0-9+/=]+:|ciphertext|4dabf18193072939515e22adb298388d|UmFuZG9t|Q2lwaGVy/;

test("--audit on the fixture: the recorded clusters' violations, not the root stack nor the provider; exit 1", async () => {
  const { code, stdout } = await runCli(["--audit", EXPORT, "--format", "json"]);
  expect(code).toBe(1);
  const [report] = JSON.parse(stdout).reports;
  expect([report.stack, report.kind, report.summary]).toEqual(["prod", "audit", { resources: 3, mandatory: 5, advisory: 4, passed: false }]);
  // The root stack, the provider and the resource pending deletion (half-deleted) are not analyzed.
  expect(report.resources.map((r: { name: string }) => r.name)).toEqual(["lakehouse", "lakehouse-old", "metastore-password"]);
  const found = report.findings.flatMap((f: { name: string; violations: { policyName: string; enforcementLevel: string }[] }) => f.violations.map((v) => `${f.name} ${v.enforcementLevel} ${v.policyName}`));
  expect(found).toEqual([
    "lakehouse mandatory emr-node-group-size-ack",
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

test.each(["text", "markdown", "sarif"])("--audit, %s: no secret value or ciphertext printed", async (format) => {
  const { code, stdout, stderr } = await runCli(["--audit", EXPORT, "--format", format]);
  expect(code).toBe(1);
  expect(stdout).toContain("emr-node-group-size-ack");
  expect(stdout + stderr).not.toMatch(SECRET_TEXT);
}, 60000);

test("--audit refuses --stack and --program: the stack comes from the export, no program runs (exit 2)", async () => {
  expect(await runCli(["--audit", EXPORT, "--stack", "prod"])).toMatchObject({ code: 2, stderr: expect.stringContaining("--audit takes the stack from the export itself: leave out --stack") });
  expect(await runCli(["--audit", EXPORT, "--program", "stacks"])).toMatchObject({ code: 2, stderr: expect.stringContaining("--audit runs no program: leave out --program") });
}, 30000);
