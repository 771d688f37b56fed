/**
 * One source of truth for limits (issue 9), end to end through the offline check: a cluster from stack config and the
 * same cluster written by hand get the same verdict (policy names and exit code), a validity problem refused by the
 * component is reported as the pack's mandatory violation (not a program error), and {"all": "advisory"} relaxes a
 * cluster built from stack config (advisory findings, exit 0, a non-empty SARIF) while validity stays mandatory.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ROOT, runCli } from "../helpers/run-cli";

const FIXTURES = "test/fixtures/same-verdict";
const ALL_ADVISORY = path.join(ROOT, "test/fixtures/all-advisory.json");

interface Verdict {
  /** The exit code this report alone gives (1 when it did not pass). */
  code: number;
  policies: string[];
  notes?: string[];
}
type Report = { program: string; summary: { passed: boolean }; notes?: string[]; findings: { name: string; violations: { policyName: string; enforcementLevel: string }[] }[] };

const PROGRAMS = { "stack config": "stacks", "hand-written": `${FIXTURES}/hand-written.ts` };

/**
 * Both ways in one run (two programs, one stack config): the verdict of each report, and the run's exit code.
 * `extra`: more options for the run (a policy config, more --format/--output pairs).
 */
async function verdicts(stack: "validity" | "guardrail", extra: string[] = []): Promise<{ exit: number; fromConfig: Verdict; byHand: Verdict }> {
  const { code, stdout, stderr } = await runCli(["--stack", stack, "--program", PROGRAMS["stack config"], "--program", PROGRAMS["hand-written"], "--config-file", `${FIXTURES}/Pulumi.${stack}.yaml`, "--format", "json", ...extra]);
  if (code === 2) throw new Error(stderr);
  const reports: Report[] = JSON.parse(stdout).reports;
  const verdictOf = (way: keyof typeof PROGRAMS): Verdict => {
    const matching = reports.filter((r) => path.resolve(ROOT, r.program) === path.resolve(ROOT, PROGRAMS[way]));
    expect(matching).toHaveLength(1);
    const [report] = matching;
    const policies = report.findings.flatMap((f) => f.violations.map((v) => `${f.name}: ${v.policyName} ${v.enforcementLevel}`));
    return { code: report.summary.passed ? 0 : 1, policies: policies.sort(), ...(report.notes ? { notes: report.notes } : {}) };
  };
  return { exit: code, fromConfig: verdictOf("stack config"), byHand: verdictOf("hand-written") };
}

test("a validity problem (a reserved tag key): the component's refusal is the pack's mandatory violation, both ways; exit 1", async () => {
  const { exit, fromConfig, byHand } = await verdicts("validity");
  expect(exit).toBe(1);
  expect(fromConfig).toEqual({ code: 1, policies: ["same: emr-tags mandatory"] });
  expect(byHand).toEqual({ code: 1, policies: ["same: emr-tags mandatory"] });
}, 60000);

test('a validity problem under {"all": "advisory"}: still mandatory both ways, and the summary says why', async () => {
  const { exit, fromConfig, byHand } = await verdicts("validity", ["--policy-config", ALL_ADVISORY]);
  const notes = ['validity policies stay mandatory under "all": "advisory" (the cloud refuses what they refuse)'];
  expect(exit).toBe(1);
  expect(fromConfig).toEqual({ code: 1, policies: ["same: emr-tags mandatory"], notes });
  expect(byHand).toEqual({ code: 1, policies: ["same: emr-tags mandatory"], notes });
}, 60000);

test("a guardrail problem (a 40-node CORE group without acknowledgement): mandatory both ways by default, exit 1", async () => {
  const { exit, fromConfig, byHand } = await verdicts("guardrail");
  expect(exit).toBe(1);
  expect(fromConfig).toEqual({ code: 1, policies: ["same: emr-node-group-creation-cap mandatory"] });
  expect(byHand).toEqual({ code: 1, policies: ["same: emr-node-group-creation-cap mandatory"] });
}, 60000);

test('the guardrail under {"all": "advisory"}: advisory both ways, exit 0, and the SARIF carries the finding', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "emr-same-"));
  try {
    const sarifFile = path.join(dir, "report.sarif");
    const { exit, fromConfig, byHand } = await verdicts("guardrail", ["--policy-config", ALL_ADVISORY, "--format", "sarif", "--output", sarifFile]);
    expect(exit).toBe(0);
    expect(fromConfig).toMatchObject({ code: 0, policies: ["same: emr-node-group-creation-cap advisory"] });
    expect(byHand).toMatchObject({ code: 0, policies: ["same: emr-node-group-creation-cap advisory"] });
    // One SARIF run for the check; each program's finding is a warning in it.
    const [run] = JSON.parse(fs.readFileSync(sarifFile, "utf8")).runs as { results: { ruleId: string; level: string }[] }[];
    expect(run.results.map((x) => [x.ruleId, x.level])).toEqual([["emr-node-group-creation-cap", "warning"], ["emr-node-group-creation-cap", "warning"]]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 60000);

test("stack config: a second cluster with the same clusterName and a node-group list naming core twice are the pack's mandatory violations", async () => {
  const { code, stdout } = await runCli(["--stack", "twins", "--program", "stacks", "--config-file", `${FIXTURES}/Pulumi.twins.yaml`, "--format", "json"]);
  expect(code).toBe(1);
  const [report] = JSON.parse(stdout).reports;
  expect(report.findings.map((f: { name: string; violations: { policyName: string; enforcementLevel: string; message: string }[] }) => [f.name, f.violations.map((v) => [v.policyName, v.enforcementLevel, v.message])])).toEqual([
    ["merged", [["emr-node-group-names-unique", "mandatory", expect.stringContaining('nodeGroups[1].nodeGroupName: nodeGroups[1] has the same nodeGroupName "core" as nodeGroups[0]')]]],
    ["second", [["emr-cluster-names-unique", "mandatory", expect.stringContaining('clusterName: cluster "second" has the same clusterName "twin" as cluster "first" in this stack')]]],
  ]);
  // The valid cluster is still planned and judged.
  expect(report.resources.map((r: { name: string }) => r.name)).toContain("first");
}, 60000);
