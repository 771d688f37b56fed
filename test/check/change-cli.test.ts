/**
 * The change-aware check end to end, as a separate process: the prod stack against a recorded state (`--state`),
 * a plan (`--plan`), retirement with its release checklist, bad documents (exit 2), and no secret in any format.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse, stringify } from "yaml";
import { ROOT, runCli, type CliResult } from "../helpers/run-cli";
import { CIPHERTEXT_MARK, writeRecordedState } from "../helpers/recorded-state";
import { startHarness } from "../client/harness";
import { TEST_KEYS } from "../emulator/server";
import { devClusterProps, nodeGroupProps } from "../helpers/cluster-props";

const FIXTURES = path.join(ROOT, "test/fixtures/change");
/** Every ciphertext and secret marker of the fixtures and of the recorded state: none may appear in any report. */
const SECRET_TEXT = new RegExp(`v1:[A-Za-z0-9+/=]+:|ciphertext|4dabf18193072939515e22adb298388d|UmFuZG9t|Q2lwaGVy|${CIPHERTEXT_MARK}`);
const NO_STACK_TRACE = /\n\s+at [^\n]+:\d+:\d+/;

let dir: string;
let stateFile: string;

type Yaml = { config: Record<string, unknown> };
const prodConfig = (): Yaml => parse(fs.readFileSync(path.join(ROOT, "stacks/Pulumi.prod.yaml"), "utf8"));
type ClusterEntry = { name: string; spec: { nodeGroups: { nodeGroupName: string; nodeCount: number }[]; tags: Record<string, string> } };

/** A prod stack file with `edit` applied, written next to the state; the check runs the project's program with it. */
function prodWith(name: string, edit: (config: Record<string, unknown>) => void): string {
  const doc = prodConfig();
  edit(doc.config);
  const file = path.join(dir, `Pulumi.${name}.yaml`);
  fs.writeFileSync(file, stringify(doc));
  return file;
}
const lakehouse = (config: Record<string, unknown>) => (config["emr:clusters"] as ClusterEntry[]).find((c) => c.name === "lakehouse")!;
const coreTo30 = (config: Record<string, unknown>) => {
  lakehouse(config).spec.nodeGroups.find((g) => g.nodeGroupName === "core")!.nodeCount = 30;
};
const check = (configFile: string, ...args: string[]) => runCli(["--stack", "prod", "--program", "stacks", "--config-file", configFile, "--state", stateFile, ...args]);

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "emr-change-"));
  stateFile = path.join(dir, "prod-state.json");
  // What prod recorded before this change: core had 3 nodes.
  writeRecordedState("prod", stateFile, { lakehouse: { core: 3 } });
}, 60000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const withAck = (c: Record<string, unknown>) => {
  coreTo30(c);
  lakehouse(c).spec.tags["emr-guard:ack-scale-out"] = "core:3->30";
};

test("core 3 -> 30 without an acknowledgement: exit 1, the calls, the refused one marked, the exact acknowledgement", async () => {
  const { code, stdout, stderr } = await check(prodWith("no-ack", coreTo30), "--refreshed");
  expect({ code, stderr: stderr.replace(/npm warn.*\n/g, "") }).toEqual({ code: 1, stderr: "" });
  expect(stdout).toContain("  lakehouse (updated)\n    pulumi up will call: IncreaseNodes core +27 ✗\n    nodeGroups[1].nodeCount 3 -> 30\n");
  expect(stdout).toContain('[mandatory] emr-change-scale-out: cluster "lakehouse": IncreaseNodes grows "core" (CORE) 3 -> 30 (+27)');
  expect(stdout).toContain('fix: acknowledge it with the tag emr-guard:ack-scale-out: "core:3->30"');
  // The table says what pulumi up does to each resource: the updated cluster "~", the unchanged ones blank.
  expect(stdout).toMatch(/^~ +alicloud:emrv2:Cluster +lakehouse /m);
  expect(stdout).toMatch(/^ +alicloud:emrv2:Cluster +realtime /m);
  expect(stdout).not.toMatch(/^\+ +alicloud:emrv2:Cluster/m);
  // An unchanged cluster is shown as such: no "(updated)", no unknown secret comparison as a change.
  expect(stdout).toContain("  realtime (no change)\n    pulumi up will call: nothing\n");
  expect(stdout.trim().split("\n").pop()).toMatch(/^FAILED: stack "prod": 11 resources planned, 0 mandatory and 0 advisory violations; changes \(state .*prod-state\.json\): 1 mandatory and 0 advisory verdicts/);
}, 60000);

test("core 3 -> 30 acknowledged, from a refreshed state: exit 0, the call shown without a verdict", async () => {
  const { code, stdout } = await check(prodWith("ack", withAck), "--refreshed");
  expect(code).toBe(0);
  expect(stdout).toContain("    pulumi up will call: TagResources; IncreaseNodes core +27\n");
  expect(stdout).not.toContain("emr-change-scale-out");
  expect(stdout).not.toContain("emr-change-stale-acks");
}, 60000);

test("the same change from a state not known to be refreshed: the auto-scaled task group would be resized to its recorded count: exit 1, refresh first", async () => {
  const { code, stdout } = await check(prodWith("ack-stale", withAck));
  expect(code).toBe(1);
  expect(stdout).toContain("    pulumi up will call: TagResources; IncreaseNodes core +27; DecreaseNodes task -1..38 (maybe)\n");
  expect(stdout).toContain('[mandatory] emr-change-live-counts: cluster "lakehouse": node group "task" is auto-scaled (2-40) and this update changes the node groups, so the provider resizes it from its live count to the 2 the state recorded: DecreaseNodes of up to 38, not known offline');
  expect(stdout).toContain("fix: judge it with the live count: refresh first (`pulumi refresh --yes`");
}, 60000);

test("--live reads the live counts from the EMR API (the emulator): task runs 25, so pulumi up would send DecreaseNodes task -23, refused", async () => {
  const h = await startHarness();
  try {
    // What prod's lakehouse runs now: its recorded groups, task auto-scaled up to 25.
    const { clusterId } = h.emulator.state.seedCluster({ name: "lakehouse-prod", paymentType: "Subscription", groups: [{ name: "master", type: "MASTER", count: 3 }, { name: "core", type: "CORE", count: 3 }, { name: "task", type: "TASK", count: 25, paymentType: "PayAsYouGo" }, { name: "task-adhoc", type: "TASK", count: 4, paymentType: "PayAsYouGo" }] });
    // The recorded state's lakehouse is the emulator's cluster; realtime was released outside the program.
    const state = JSON.parse(fs.readFileSync(stateFile, "utf8"));
    for (const r of state.deployment.resources) if (r.type === "alicloud:emrv2/cluster:Cluster" && r.urn.endsWith("::lakehouse")) r.id = clusterId;
    const liveState = path.join(dir, "prod-live-state.json");
    fs.writeFileSync(liveState, JSON.stringify(state));
    const env = { EMR_ENDPOINT: h.emulator.endpoint, EMR_PROTOCOL: "http", ALIBABA_CLOUD_ACCESS_KEY_ID: TEST_KEYS.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: TEST_KEYS.accessKeySecret };
    const { code, stdout, stderr } = await runCli(["--stack", "prod", "--program", "stacks", "--config-file", prodWith("live", withAck), "--state", liveState, "--live"], 60000, ROOT, env);
    expect({ code, stderr }).toEqual({ code: 1, stderr: "" });
    expect(stdout).toContain("    pulumi up will call: TagResources; IncreaseNodes core +27; DecreaseNodes task -23 ✗\n");
    expect(stdout).toContain('[mandatory] emr-change-scale-in: cluster "lakehouse": DecreaseNodes shrinks "task" (TASK) 25 -> 2 (-23): one update releases at most 10 nodes');
    expect(stdout).toContain('[mandatory] emr-change-live-counts: cluster "realtime": the cluster the state records is not found live');
    expect(h.emulator.requests.map((r) => r.action).filter((a) => !/^(Get|List)/.test(a))).toEqual([]);
  } finally {
    await h.emulator.close();
  }
}, 60000);

test("a vSwitch edit (emr:network.vswitchIds): the RDS metastore keeps its own (ignoreChanges), so nothing replaces it; the groups' vSwitches are never applied: exit 0, advisories", async () => {
  const { code, stdout } = await check(prodWith("vswitch", (c) => {
    (c["emr:network"] as { vswitchIds: string[] }).vswitchIds = ["vsw-bp1prodplaceholder0002"];
  }), "--refreshed");
  expect(code).toBe(0);
  expect(stdout).not.toContain("emr-change-replacement");
  expect(stdout).not.toMatch(/lakehouse-metastore \(/);
  expect(stdout).toMatch(/^ +alicloud:rds:Instance +lakehouse-metastore /m);
  expect(stdout).toContain('[advisory] emr-change-not-applied: cluster "lakehouse": node group "master": nodeGroups[0].vswitchIds ["vsw-bp1prodplaceholder0001"] -> ["vsw-bp1prodplaceholder0002"]');
}, 60000);

describe("a cluster removed from the program (realtime, pay-as-you-go)", () => {
  const withoutRealtime = (c: Record<string, unknown>) => {
    c["emr:clusters"] = (c["emr:clusters"] as ClusterEntry[]).filter((x) => x.name !== "realtime");
  };
  /** The recorded state with realtime unprotected (`pulumi state unprotect`), as the retirement steps say. */
  const unprotected = () => {
    const state = JSON.parse(fs.readFileSync(stateFile, "utf8"));
    for (const r of state.deployment.resources) if (r.urn.endsWith("::realtime")) delete r.protect;
    const file = path.join(dir, "prod-unprotected.json");
    fs.writeFileSync(file, JSON.stringify(state));
    return file;
  };
  test("without emr:retire: exit 1, the removal refused with the exact emr:retire entry", async () => {
    const { code, stdout } = await check(prodWith("removed", withoutRealtime));
    expect(code).toBe(1);
    expect(stdout).toContain("  realtime (leaves the program, retained)\n    cluster removed from the program (retainOnDelete: Pulumi forgets it, nothing is sent)\n");
    expect(stdout).toContain('[mandatory] emr-change-retirement: cluster "realtime": the cluster c-7265616c74696d65 leaves the program without a retirement entry');
    expect(stdout).toContain('emr:retire: [{ name: "realtime", clusterId: "c-7265616c74696d65" }]');
    expect(stdout).not.toContain("Release checklist");
  }, 60000);
  test("with emr:retire but still protected: exit 1, as the real preview fails; the fix is `pulumi state unprotect`", async () => {
    const { code, stdout } = await check(prodWith("retired-protected", (c) => {
      withoutRealtime(c);
      c["emr:retire"] = [{ name: "realtime", clusterId: "c-7265616c74696d65" }];
    }));
    expect(code).toBe(1);
    expect(stdout).toContain('[mandatory] emr-change-retirement: cluster "realtime": the resource is protected: `pulumi preview` fails');
    expect(stdout).toContain("pulumi state unprotect 'urn:pulumi:prod::emr-clusters::emr:index:Cluster$alicloud:emrv2/cluster:Cluster::realtime'");
  }, 60000);
  /** The recorded state with `cluster`'s resources unprotected (README step 3) and `notRetained` without retainOnDelete. */
  const retiredState = (cluster: string, notRetained: string) => {
    const state = JSON.parse(fs.readFileSync(stateFile, "utf8"));
    for (const r of state.deployment.resources) {
      if (r.urn.includes(`::${cluster}`)) delete r.protect;
      if (r.urn.endsWith(`::${notRetained}`)) delete r.retainOnDelete;
    }
    const file = path.join(dir, `prod-${notRetained}.json`);
    fs.writeFileSync(file, JSON.stringify(state));
    return file;
  };
  const mandatoryLines = (stdout: string) => stdout.split("\n").filter((l) => l.includes("[mandatory]"));
  test("with emr:retire, unprotected, but its security group not retained: exit 1, DeleteSecurityGroup named", async () => {
    const { code, stdout } = await runCli(["--stack", "prod", "--program", "stacks", "--config-file", prodWith("retired-sg", (c) => {
      withoutRealtime(c);
      c["emr:retire"] = [{ name: "realtime", clusterId: "c-7265616c74696d65" }];
    }), "--state", retiredState("realtime", "realtime-sg"), "--refreshed"]);
    expect(code).toBe(1);
    expect(mandatoryLines(stdout)).toEqual([expect.stringContaining('[mandatory] emr-change-retirement: cluster "realtime": "realtime-sg" (alicloud:ecs/securityGroup:SecurityGroup) leaves the program with the cluster without retainOnDelete, so the same `pulumi up` calls DeleteSecurityGroup, retried on DependencyViolation until its 10-minute timeout')]);
    expect(stdout).toContain('fix: give "realtime-sg" retainOnDelete: true too');
    expect(stdout).not.toContain("Release checklist");
  }, 60000);
  test("retiring lakehouse with its RDS metastore's privilege not retained: exit 1, RevokeAccountPrivilege named (and nothing else refused)", async () => {
    const { code, stdout } = await runCli(["--stack", "prod", "--program", "stacks", "--config-file", prodWith("retired-privilege", (c) => {
      c["emr:clusters"] = (c["emr:clusters"] as ClusterEntry[]).filter((x) => x.name !== "lakehouse");
      delete c["emr:taskGroups"];
      c["emr:retire"] = [{ name: "lakehouse", clusterId: "c-6c616b65686f7573" }];
    }), "--state", retiredState("lakehouse", "lakehouse-metastore-privilege"), "--refreshed"]);
    expect(code).toBe(1);
    expect(mandatoryLines(stdout)).toEqual([expect.stringContaining('[mandatory] emr-change-retirement: cluster "lakehouse": "lakehouse-metastore-privilege" (alicloud:rds/accountPrivilege:AccountPrivilege) leaves the program with the cluster without retainOnDelete, so the same `pulumi up` calls RevokeAccountPrivilege')]);
  }, 60000);
  test("with emr:retire, unprotected: exit 0, everything it uses retained (its security group), the pay-as-you-go release checklist", async () => {
    const { code, stdout } = await runCli(["--stack", "prod", "--program", "stacks", "--config-file", prodWith("retired", (c) => {
      withoutRealtime(c);
      c["emr:retire"] = [{ name: "realtime", clusterId: "c-7265616c74696d65" }];
    }), "--state", unprotected(), "--refreshed"]);
    expect(code).toBe(0);
    expect(stdout).not.toContain("emr-change-retirement");
    expect(stdout).toContain("Release checklist (by a person, in the EMR console; nothing in this project releases a cluster):");
    expect(stdout).toContain("Move the pointer over the more icon of the cluster and select Release");
    expect(stdout).toContain("Data on the cluster (HDFS, local disks) cannot be recovered after the release");
    expect(stdout).not.toMatch(/DeleteCluster|pulumi destroy/);
  }, 60000);
});

test("--plan on the fixture: the pack on what the plan creates or updates, the replacement refused, the program not run; exit 1", async () => {
  const { code, stdout } = await runCli(["--stack", "prod", "--plan", path.join(FIXTURES, "preview.json"), "--format", "json"]);
  expect(code).toBe(1);
  const [report] = JSON.parse(stdout).reports;
  expect(report.kind).toBe("plan");
  // The pack judged the created, updated and replacing clusters' new states (the deleted one is not judged).
  expect(report.resources.map((r: { name: string }) => r.name).sort()).toEqual(["lakehouse", "lakehouse-old", "streaming"]);
  const streaming = report.findings.find((f: { name: string }) => f.name === "streaming");
  expect(streaming.violations.map((v: { policyName: string }) => v.policyName)).toContain("emr-protect-option");
  const old = report.changes.clusters.find((c: { cluster: string }) => c.cluster === "lakehouse-old");
  expect(old.changes).toEqual(["releaseVersion changes (replaces the cluster)"]);
  expect(old.verdicts.map((v: { rule: string; level: string }) => [v.rule, v.level])).toEqual([["emr-change-replacement", "mandatory"]]);
  expect(report.changes.clusters.map((c: { cluster: string; kind: string }) => [c.cluster, c.kind])).toEqual([
    ["lakehouse", "update"],
    ["streaming", "create"],
    ["lakehouse-old", "replace"],
    ["scratch", "retain"],
  ]);
}, 60000);

test("--plan with a core count known only after apply: exit 1, FAILED and not known offline, never PASSED; the same plan with a known count passes", async () => {
  const TYPE = "alicloud:emrv2/cluster:Cluster";
  const urn = `urn:pulumi:prod::emr-clusters::emr:index:Cluster$${TYPE}::lake`;
  const before = { ...devClusterProps(), clusterName: "lake", nodeGroups: [nodeGroupProps("MASTER", "master", 1), nodeGroupProps("CORE", "core", 2)] };
  const planWithCore = (name: string, core: unknown) => {
    const after = { ...before, nodeGroups: [before.nodeGroups[0], { ...before.nodeGroups[1], nodeCount: core }] };
    const file = path.join(dir, `${name}.json`);
    fs.writeFileSync(file, JSON.stringify({ steps: [{ op: "update", urn,
      oldState: { urn, type: TYPE, custom: true, id: "c-0123456789abcdef", protect: true, retainOnDelete: true, inputs: before, outputs: before },
      newState: { urn, type: TYPE, custom: true, protect: true, retainOnDelete: true, ignoreChanges: [], replaceOnChanges: ["securityMode", "resourceGroupId"], inputs: after } }] }));
    return file;
  };
  // The engine's sentinel for a value known after apply (e.g. a count computed from another resource's output).
  const unknown = await runCli(["--stack", "prod", "--plan", planWithCore("unknown-count", "04da6b54-80e4-46f7-96ec-b56ff0331ba9"), "--refreshed"]);
  expect(unknown.code).toBe(1);
  expect(unknown.stdout).toContain("    [unknown] emr-change-scale-out: nodeGroups[1].nodeCount (known after apply)\n");
  expect(unknown.stdout.trim().split("\n").pop()).toMatch(/^FAILED: stack "prod": .*changes \(plan .*\): 0 mandatory and 0 advisory verdicts, 2 not known offline where a mandatory rule needs it \(no verdict: refresh, or run with --live\)$/);
  expect(unknown.stdout).not.toContain("PASSED");
  const known = await runCli(["--stack", "prod", "--plan", planWithCore("known-count", 3), "--refreshed"]);
  expect(known.code).toBe(0);
  expect(known.stdout).toContain("    pulumi up will call: IncreaseNodes core +1\n");
  expect(known.stdout.trim().split("\n").pop()).toMatch(/^PASSED: stack "prod": .*changes \(plan .*\): 0 mandatory and 0 advisory verdicts$/);
}, 60000);

describe("--state with the fixture's encrypted secrets: one run, the four reports (text to stdout, the others to files)", () => {
  let run: CliResult;
  const reportFile = (format: string) => path.join(dir, `secrets.${format}`);
  beforeAll(async () => {
    run = await runCli(["--stack", "prod", "--state", path.join(FIXTURES, "stack-export.json"), "--format", "text", ...["json", "markdown", "sarif"].flatMap((f) => ["--format", f, "--output", reportFile(f)])]);
  }, 60000);
  test("exit 1: lakehouse-old leaves the program without emr:retire", () => {
    expect(run.code).toBe(1);
  });
  test.each(["text", "json", "markdown", "sarif"])("%s: the change verdict, and no secret value or ciphertext in the output", (format) => {
    const report = format === "text" ? run.stdout : fs.readFileSync(reportFile(format), "utf8");
    expect(report).toContain("emr-change-retirement");
    expect(report + run.stderr).not.toMatch(SECRET_TEXT);
  });  test("sarif: each change result carries its cluster's calls (pulumi up will call: ..., the refused one marked) and the call it is about; a cluster without calls gets no calls line", () => {
    type Result = { ruleId: string; message: { text: string }; partialFingerprints: Record<string, string> };
    const results = (JSON.parse(fs.readFileSync(reportFile("sarif"), "utf8")).runs[0].results as Result[]).filter((r) => r.ruleId.startsWith("emr-change-"));
    const byRule = (rule: string, cluster: string) => results.filter((r) => r.ruleId === rule && r.message.text.startsWith(`cluster "${cluster}"`)).map((r) => r.message.text);
    expect(byRule("emr-change-release", "lakehouse-old")).toEqual([expect.stringMatching(/\nAPI call: DeleteCluster\npulumi up will call: DeleteCluster ✗\nFix: /)]);
    expect(byRule("emr-change-retirement", "lakehouse-old")).toEqual([expect.stringMatching(/\npulumi up will call: DeleteCluster ✗\nFix: /)]);
    // lakehouse is replaced, which its protection refuses at preview: no call is made, and none is listed.
    expect(byRule("emr-change-replacement", "lakehouse")).toEqual([expect.not.stringContaining("pulumi up will call")]);
  });
});

describe("bad documents: exit 2, which file and what was expected, no stack trace", () => {
  const bad = path.join(os.tmpdir(), `emr-bad-${process.pid}.json`);
  beforeAll(() => fs.writeFileSync(bad, '{ "version": 3, "deployment": '));
  afterAll(() => fs.rmSync(bad, { force: true }));
  test.each([
    [["--stack", "prod", "--state", "test/fixtures/change/preview.json"], "test/fixtures/change/preview.json is a `pulumi preview --json` document; --state takes the output of `pulumi stack export` (pass this one with --plan)"],
    [["--stack", "prod", "--plan", "test/fixtures/change/stack-export.json"], "test/fixtures/change/stack-export.json is a `pulumi stack export` document; --plan takes the output of `pulumi preview --json` (pass this one with --state)"],
    // A real `pulumi preview --save-plan` file (test/fixtures/engine, recorded by the engine suite): it once read as an empty plan.
    [["--stack", "prod", "--plan", "test/fixtures/engine/save-plan.json"], "test/fixtures/engine/save-plan.json is a `pulumi preview --save-plan` file (an update plan for `pulumi up --plan`); --plan takes the output of `pulumi preview --json`"],
    [["--stack", "prod", "--state", "test/fixtures/engine/save-plan.json"], "test/fixtures/engine/save-plan.json is a `pulumi preview --save-plan` file (an update plan for `pulumi up --plan`); --state takes the output of `pulumi stack export`"],
    [["--stack", "prod", "--state", "nope.json"], "--state nope.json: no such file; expected the output of `pulumi stack export --stack <stack> --file state.json`"],
    [["--stack", "prod", "--state", bad], `${bad} is not valid JSON: give the complete output of the command, unedited`],
    [["--audit", "stacks/Pulumi.prod.yaml"], "stacks/Pulumi.prod.yaml is not valid JSON: give the complete output of the command, unedited"],
    [["--stack", "prod", "--state", "a.json", "--plan", "b.json"], "--state and --plan exclude each other"],
  ])("%j", async (args, message) => {
    const { code, stderr } = await runCli(args);
    expect(code).toBe(2);
    expect(stderr).toContain(`error: ${message}`);
    expect(stderr).not.toMatch(NO_STACK_TRACE);
  }, 30000);
});
