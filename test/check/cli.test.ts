/**
 * The offline check end to end, as a separate process: the dev and prod stacks pass, every example stack is caught
 * by exactly the policies it breaks, and bad usage gets one clear line and exit code 2, never a stack trace.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { POLICY_CATALOG } from "../../policies/rules";
import { ROOT, runCli } from "../helpers/run-cli";

const EXAMPLES_DIR = path.join(ROOT, "stacks/examples");
const examples = fs.readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith(".ts")).sort();

/** Each example declares what it breaks in its first line: `// breaks: emr-a, emr-b`, or `// breaks: nothing`. */
function expectedPolicies(file: string): string[] {
  const first = fs.readFileSync(path.join(EXAMPLES_DIR, file), "utf8").split("\n")[0];
  const m = /^\/\/ breaks: (.+)$/.exec(first);
  if (!m) throw new Error(`${file} does not start with "// breaks: <policy>, ..." (or "// breaks: nothing")`);
  return m[1].trim() === "nothing" ? [] : m[1].split(",").map((s) => s.trim()).sort();
}

const NO_STACK_TRACE = /\n\s+at [^\n]+:\d+:\d+/;

test("dev: the table of planned resources, no violation, exit 0", async () => {
  const { code, stdout, stderr } = await runCli(["--stack", "dev"]);
  expect({ code, stderr: stderr.replace(/npm warn.*\n/g, "") }).toEqual({ code: 0, stderr: "" });
  expect(stdout).toContain("Stack dev (stacks): planned resources");
  // Not a terminal: 100 columns, one line a resource, names whole, both protections.
  expect(stdout).toMatch(/^\+  alicloud:emrv2:Cluster +analytics-dev +protect retain deletion +DATALAKE NORMAL EMR-5\.16\.…$/m);
  expect(stdout).toMatch(/^\+  emr:index:Cluster +analytics-dev +- +cluster analytics-dev; 2 …$/m);
  expect(Math.max(...stdout.split("\n").map((l) => [...l].length))).toBeLessThanOrEqual(100);
  expect(stdout.trim().split("\n").pop()).toBe('PASSED: stack "dev": 3 resources planned, 0 mandatory and 0 advisory violations');
}, 60000);

test("prod (JSON), with the pack loaded by ts-node exactly as the Pulumi CLI does: no violation, exit 0", async () => {
  const { code, stdout } = await runCli(["--stack", "prod", "--format", "json", "--pack-loader", "ts-node"]);
  expect(code).toBe(0);
  const doc = JSON.parse(stdout);
  expect(doc.passed).toBe(true);
  const [report] = doc.reports;
  expect(report.summary).toEqual({ resources: 11, mandatory: 0, advisory: 0, passed: true });
  expect(report.resources.filter((r: { type: string }) => r.type === "alicloud:emrv2/cluster:Cluster").map((r: { name: string; details: string }) => [r.name, r.details])).toEqual([
    ["lakehouse", "DATALAKE HA EMR-5.16.0; master 3, core 6, task 2, task-adhoc 4"],
    ["realtime", "OLAP HA EMR-5.16.0; master 3, core 3"],
  ]);
}, 60000);

test(`every example stack (${examples.length}) is caught by exactly the policies it breaks; exit 1`, async () => {
  // The report goes to a file: on stdout a report above a pipe's 64 KB is cut short (the test below).
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "emr-examples-")), "report.json");
  const { code } = await runCli(["--stack", "prod", "--format", "json", "--output", file, "--program", ...examples.map((f) => `stacks/examples/${f}`)], 90000);
  expect(code).toBe(1);
  const doc = JSON.parse(fs.readFileSync(file, "utf8"));
  expect(doc.reports.length).toBe(examples.length);
  const caught = Object.fromEntries(
    doc.reports.map((r: { program: string; findings: { violations: { policyName: string }[] }[] }) => [
      path.basename(r.program),
      [...new Set(r.findings.flatMap((f) => f.violations.map((v) => v.policyName)))].sort(),
    ]),
  );
  expect(caught).toEqual(Object.fromEntries(examples.map((f) => [f, expectedPolicies(f)])));
  // Together the examples break every policy of the pack.
  expect([...new Set(Object.values(caught).flat())].sort()).toEqual(POLICY_CATALOG.map((p) => p.name).sort());
}, 90000);

// Through a shell pipe, as `emr-check ... | jq` runs it (a Node parent's socket hides it: it drains faster).
test("a report larger than a pipe's 64 KB reaches the next command of a shell pipeline whole", async () => {
  const programs = examples.map((f) => `stacks/examples/${f}`).join(" ");
  const stdout = await new Promise<string>((resolve) =>
    execFile("sh", ["-c", `"${process.execPath}" bin/emr-check.js --quiet --stack prod --format json --program ${programs} 2>/dev/null | cat`], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 }, (_err, out) => resolve(out)),
  );
  expect(Buffer.byteLength(stdout)).toBeGreaterThan(64 * 1024);
  const doc = JSON.parse(stdout);
  expect(doc.reports.map((r: { program: string }) => path.basename(r.program)).sort()).toEqual(examples);
}, 90000);

test("advisory only: exit 0; the same with all policies advisory by --policy-config", async () => {
  const advisory = await runCli(["--stack", "prod", "--program", "stacks/examples/external-security-group.ts"]);
  expect(advisory.code).toBe(0);
  expect(advisory.stdout).toContain("[advisory] emr-security-group-external");
  const configFile = path.join(ROOT, "test/fixtures/all-advisory.json");
  const relaxed = await runCli(["--stack", "prod", "--program", "stacks/examples/node-group-cap.ts", "--policy-config", configFile]);
  expect(relaxed.code).toBe(0);
  expect(relaxed.stdout).toContain("[advisory] emr-node-group-creation-cap");
}, 60000);

