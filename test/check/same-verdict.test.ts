/**
 * One source of truth for limits (issue 9), end to end through the offline check: a cluster from stack config and the
 * same cluster written by hand get the same verdict (policy names and exit code), a validity problem refused by the
 * component is reported as the pack's mandatory violation (not a program error), and {"all": "advisory"} relaxes a
 * cluster built from stack config (advisory findings, exit 0, a non-empty SARIF) while validity stays mandatory.
 */
import * as path from "path";
import { ROOT, runCli } from "../helpers/run-cli";

const FIXTURES = "test/fixtures/same-verdict";
const ALL_ADVISORY = path.join(ROOT, "test/fixtures/all-advisory.json");

interface Verdict {
  code: number;
  policies: string[];
  notes?: string[];
}

async function verdict(which: "stack config" | "hand-written", stack: "validity" | "guardrail", extra: string[] = []): Promise<Verdict> {
  const program = which === "stack config" ? "stacks" : `${FIXTURES}/hand-written.ts`;
  const { code, stdout, stderr } = await runCli(["--stack", stack, "--program", program, "--config-file", `${FIXTURES}/Pulumi.${stack}.yaml`, "--format", "json", ...extra]);
  if (code === 2) throw new Error(stderr);
  const [report] = JSON.parse(stdout).reports;
  const policies = report.findings.flatMap((f: { name: string; violations: { policyName: string; enforcementLevel: string }[] }) => f.violations.map((v) => `${f.name}: ${v.policyName} ${v.enforcementLevel}`));
  return { code, policies: policies.sort(), ...(report.notes ? { notes: report.notes } : {}) };
}

test("a validity problem (a reserved tag key): the component's refusal is the pack's mandatory violation, both ways; exit 1", async () => {
  const [fromConfig, byHand] = await Promise.all([verdict("stack config", "validity"), verdict("hand-written", "validity")]);
  expect(fromConfig).toEqual({ code: 1, policies: ["same: emr-tags mandatory"] });
  expect(byHand).toEqual({ code: 1, policies: ["same: emr-tags mandatory"] });
}, 60000);

test('a validity problem under {"all": "advisory"}: still mandatory both ways, and the summary says why', async () => {
  const [fromConfig, byHand] = await Promise.all([verdict("stack config", "validity", ["--policy-config", ALL_ADVISORY]), verdict("hand-written", "validity", ["--policy-config", ALL_ADVISORY])]);
  const notes = ['validity policies stay mandatory under "all": "advisory" (the cloud refuses what they refuse)'];
  expect(fromConfig).toEqual({ code: 1, policies: ["same: emr-tags mandatory"], notes });
  expect(byHand).toEqual({ code: 1, policies: ["same: emr-tags mandatory"], notes });
}, 60000);

test("a guardrail problem (a 40-node CORE group without acknowledgement): mandatory both ways by default, exit 1", async () => {
  const [fromConfig, byHand] = await Promise.all([verdict("stack config", "guardrail"), verdict("hand-written", "guardrail")]);
  expect(fromConfig).toEqual({ code: 1, policies: ["same: emr-node-group-size-ack mandatory"] });
  expect(byHand).toEqual({ code: 1, policies: ["same: emr-node-group-size-ack mandatory"] });
}, 60000);

test('the guardrail under {"all": "advisory"}: advisory both ways, exit 0, and the SARIF carries the finding', async () => {
  const [fromConfig, byHand] = await Promise.all([verdict("stack config", "guardrail", ["--policy-config", ALL_ADVISORY]), verdict("hand-written", "guardrail", ["--policy-config", ALL_ADVISORY])]);
  expect(fromConfig).toMatchObject({ code: 0, policies: ["same: emr-node-group-size-ack advisory"] });
  expect(byHand).toMatchObject({ code: 0, policies: ["same: emr-node-group-size-ack advisory"] });
  const sarif = await runCli(["--stack", "guardrail", "--program", "stacks", "--config-file", `${FIXTURES}/Pulumi.guardrail.yaml`, "--policy-config", ALL_ADVISORY, "--format", "sarif"]);
  expect(sarif.code).toBe(0);
  const results = JSON.parse(sarif.stdout).runs[0].results;
  expect(results.map((r: { ruleId: string; level: string }) => [r.ruleId, r.level])).toEqual([["emr-node-group-size-ack", "warning"]]);
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
