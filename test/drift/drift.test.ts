/**
 * emr-drift end to end, against the emulator: clusters made through the EMR API, a stack export recording what the
 * program sent for each, then changes made by hand (as in the console, or by the auto-scaler) and the command run
 * as a user runs it (its bin). Each drift is classed expected / risky / dangerous, the exit code is the worst class,
 * the pack's rules run on the live cluster, every format is written, and only reads reach the API.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startHarness, type Harness } from "../client/harness";
import { TEST_KEYS } from "../emulator/server";
import { ROOT } from "../helpers/run-cli";
import { createThroughApi, identityOf, programInputsFor, stackExport } from "../adopt/api-clusters";
import { collect } from "../../client";

const PROJECT = "emr-clusters";
const STACK = "prod";
/** dev-normal with an auto-scaled TASK group (2-10). */
const SPEC = {
  nodeGroups: [{
    nodeGroupType: "TASK", nodeGroupName: "task", nodeCount: 2, instanceTypes: ["ecs.g7.xlarge"], paymentType: "PayAsYouGo",
    systemDisk: { category: "cloud_essd", size: 80 }, dataDisks: [{ category: "cloud_essd", size: 100, count: 1 }],
    autoScalingPolicy: { constraints: { minCapacity: 2, maxCapacity: 10 }, scalingRules: [{ ruleName: "busy", triggerType: "METRICS_TRIGGER", activityType: "SCALE_OUT", adjustmentValue: 2, metricsTrigger: { timeWindow: 300, evaluationCount: 1, conditions: [{ metricName: "yarn_resourcemanager_queue_PendingVCores", statistics: "AVG", comparisonOperator: "GT", threshold: 8 }] } }] },
  }],
  tags: { team: "data", env: "prod" },
};

let h: Harness;
let dir: string;
const ids: Record<string, string> = {};
const exportFile = (names: string[]) => {
  const file = path.join(dir, `state-${names.join("-")}.json`);
  const clusters = names.map((name) => ({ name, id: ids[name] ?? "c-0000000000000000", inputs: programInputsFor(name, "dev-normal", { clusterName: name, ...SPEC }, identityOf(PROJECT, STACK, name)) }));
  fs.writeFileSync(file, JSON.stringify(stackExport(PROJECT, STACK, clusters)));
  return file;
};

/** Runs the bin in `cwd` (default: the temp folder, in no Pulumi project), with ALIBABA_CLOUD_REGION_ID `region`. */
function drift(args: string[], { cwd = dir, region = "cn-hangzhou" } = {}): Promise<{ code: number; stdout: string; stderr: string; requests: string[] }> {
  const env = { ...process.env, EMR_ENDPOINT: h.emulator.endpoint, EMR_PROTOCOL: "http", ALIBABA_CLOUD_ACCESS_KEY_ID: TEST_KEYS.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: TEST_KEYS.accessKeySecret, ALIBABA_CLOUD_REGION_ID: region };
  const mark = h.emulator.requests.length;
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(ROOT, "bin/emr-drift.js"), ...args], { cwd, env, timeout: 60000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === "number" ? err.code : 99) : 0, stdout, stderr, requests: h.emulator.requests.slice(mark).map((r) => r.action) });
    });
  });
}

const json = (out: { stdout: string }) => JSON.parse(out.stdout) as { class: string; clusters: { name: string; class: string; items: { path: string; status: string; class: string; why: string }[]; rules: { rule: string; path: string }[] }[] };
const drifts = (out: { stdout: string }, name: string) => json(out).clusters.find((c) => c.name === name)!.items.filter((i) => i.status !== "in-sync").map((i) => `${i.class} ${i.path} ${i.status}`);

beforeAll(async () => {
  h = await startHarness();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "emr-drift-"));
  for (const name of ["quiet", "scaled", "handmade", "exposed"]) ids[name] = await createThroughApi(h.client, name, "dev-normal", { clusterName: name, ...SPEC }, identityOf(PROJECT, STACK, name));
  h.clock.advance(30 * 60_000);
  const group = async (name: string, group: string) => (await collect(h.client.listNodeGroups(ids[name]))).find((g) => g.NodeGroupName === group)!;
  // The auto-scaler adds 3 nodes to "scaled" (within 2-10).
  await h.client.increaseNodes({ ClusterId: ids.scaled, NodeGroupId: (await group("scaled", "task")).NodeGroupId, IncreaseNodeCount: 3 });
  // By hand on "handmade": a group made in the console, a tag removed, core resized.
  await h.client.createNodeGroup({ ClusterId: ids.handmade, NodeGroup: { NodeGroupType: "TASK", NodeGroupName: "adhoc", NodeCount: 0, InstanceTypes: ["ecs.g7.xlarge"], VSwitchIds: ["vsw-1"], SystemDisk: { Category: "cloud_essd", Size: 80 }, DataDisks: [{ Category: "cloud_essd", Size: 80, Count: 1 }] } });
  const handmade = h.emulator.state.clusters.get(ids.handmade)!;
  handmade.Tags = handmade.Tags.filter((t) => t.Key !== "env");
  await h.client.increaseNodes({ ClusterId: ids.handmade, NodeGroupId: (await group("handmade", "core")).NodeGroupId, IncreaseNodeCount: 2 });
  // On "exposed": deletion protection off, and another security group.
  await h.client.updateClusterAttribute({ ClusterId: ids.exposed, DeletionProtection: false });
  h.emulator.state.clusters.get(ids.exposed)!.NodeAttributes.SecurityGroupId = "sg-bp1opened0001";
  h.clock.advance(10 * 60_000);
}, 60000);

afterAll(async () => {
  await h.emulator.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test("no drift: every property in sync, exit 0", async () => {
  const out = await drift(["--state", exportFile(["quiet"]), "--format", "json"]);
  expect({ code: out.code, stderr: out.stderr }).toEqual({ code: 0, stderr: "" });
  expect(json(out).class).toBe("none");
  expect(drifts(out, "quiet")).toEqual([]);
  expect(json(out).clusters[0].items.length).toBeGreaterThan(20);
}, 60000);

test("an auto-scaled count within its bounds is expected drift: exit 3", async () => {
  const out = await drift(["--state", exportFile(["scaled"]), "--format", "json"]);
  expect(out.code).toBe(3);
  expect(drifts(out, "scaled")).toEqual(['expected nodeGroups["task"].nodeCount changed']);
  expect(json(out).clusters[0].items.find((i) => i.status !== "in-sync")!.why).toBe("auto-scaled within its policy's bounds (2-10)");
}, 60000);

test("a group added by hand, a tag removed, a count outside the plan: risky, exit 4", async () => {
  const out = await drift(["--state", exportFile(["handmade"]), "--format", "json"]);
  expect(out.code).toBe(4);
  expect(drifts(out, "handmade").sort()).toEqual(['risky nodeGroups["adhoc"] added', 'risky nodeGroups["core"].nodeCount changed', 'risky tags["env"] missing'].sort());
}, 60000);

test("deletion protection off and another security group: dangerous, exit 5; the pack's rules judge the live cluster too", async () => {
  const out = await drift(["--state", exportFile(["exposed"]), "--format", "json"]);
  expect(out.code).toBe(5);
  expect(drifts(out, "exposed").sort()).toEqual(["dangerous deletionProtection changed", "dangerous nodeAttributes.securityGroupId changed"]);
  expect(json(out).clusters[0].rules.map((r) => `${r.rule} ${r.path}`)).toContain("emr-deletion-protection deletionProtection");
}, 60000);

test("a cluster the state records that the API does not know is gone: dangerous", async () => {
  const out = await drift(["--state", exportFile(["quiet", "released"]), "--format", "json"]);
  expect(out.code).toBe(5);
  expect(drifts(out, "released")).toEqual(["dangerous (cluster) missing"]);
  expect(drifts(out, "quiet")).toEqual([]);
}, 60000);

test("one run writes text, Markdown, SARIF and JSON; read-only: only Get*/List* reach the API", async () => {
  const out = await drift(["--state", exportFile(["scaled", "handmade", "exposed"]), "--format", "markdown", "--output", "drift.md", "--format", "sarif", "--output", "drift.sarif", "--format", "json", "--output", "drift.json"]);
  expect(out.code).toBe(5);
  expect(out.stdout).toMatch(/^DANGEROUS: 3 clusters of .*state-scaled-handmade-exposed\.json in cn-hangzhou, 6 drifts \(1 expected, 3 risky, 2 dangerous\), \d+ mandatory rule violations? on the live clusters\n$/);
  const md = fs.readFileSync(path.join(dir, "drift.md"), "utf8");
  expect(md).toContain("| dangerous | deletionProtection | changed | true | false |");
  const sarif = JSON.parse(fs.readFileSync(path.join(dir, "drift.sarif"), "utf8"));
  expect(sarif.version).toBe("2.1.0");
  expect(sarif.runs[0].results.filter((r: { ruleId: string }) => r.ruleId.startsWith("emr-drift/")).map((r: { level: string }) => r.level).sort()).toEqual(["error", "error", "note", "warning", "warning", "warning"]);
  expect(JSON.parse(fs.readFileSync(path.join(dir, "drift.json"), "utf8")).class).toBe("dangerous");
  expect(out.requests.length).toBeGreaterThan(10);
  expect(out.requests.filter((a) => !/^(Get|List|Describe)[A-Z]/.test(a))).toEqual([]);
}, 60000);

test("in a user's project: the region from its stack file (in its stackConfigDir), the limits from its guardrails.json", async () => {
  const project = path.join(dir, "user-repo");
  fs.mkdirSync(path.join(project, "config"), { recursive: true });
  fs.mkdirSync(path.join(project, "infra"));
  fs.writeFileSync(path.join(project, "Pulumi.yaml"), "name: user-repo\nruntime: nodejs\nstackConfigDir: config\n");
  fs.writeFileSync(path.join(project, "config", "Pulumi.prod.yaml"), "config:\n  alicloud:region: cn-hangzhou\n");
  const state = exportFile(["quiet"]);
  // The stack file's region wins over ALIBABA_CLOUD_REGION_ID; no guardrails.json: the pack's defaults (cap 100).
  const defaults = await drift(["--state", state, "--stack", "prod", "--format", "json"], { cwd: project, region: "cn-shanghai" });
  expect({ code: defaults.code, stderr: defaults.stderr }).toEqual({ code: 0, stderr: "" });
  expect(JSON.parse(defaults.stdout).regionId).toBe("cn-hangzhou");
  // The project's guardrails.json caps auto-scaling at 5: the live task group (2-10) breaks it. From a subfolder too.
  fs.writeFileSync(path.join(project, "guardrails.json"), JSON.stringify({ "emr-auto-scaling-max-capacity": { maxAutoScalingCapacity: 5 } }));
  const capped = await drift(["--state", state, "--stack", "prod", "--format", "json"], { cwd: path.join(project, "infra"), region: "cn-shanghai" });
  expect(capped.code).toBe(4);
  expect(JSON.parse(capped.stdout).regionId).toBe("cn-hangzhou");
  expect(json(capped).clusters[0].rules.map((r) => r.rule)).toEqual(["emr-auto-scaling-max-capacity"]);
  // A stack the project does not have: its known stacks named.
  const unknown = await drift(["--state", state, "--stack", "dev"], { cwd: project });
  expect(unknown).toEqual(expect.objectContaining({ code: 2, stdout: "" }));
  expect(unknown.stderr).toContain("known stacks: prod");
}, 60000);

test("outside any Pulumi project: --state with --region works; --stack is a usage error naming the cause", async () => {
  const state = exportFile(["quiet"]);
  const regionOnly = await drift(["--state", state, "--region", "cn-hangzhou"]);
  expect({ code: regionOnly.code, stderr: regionOnly.stderr }).toEqual({ code: 0, stderr: "" });
  const stack = await drift(["--state", state, "--stack", "prod"]);
  expect(stack).toEqual(expect.objectContaining({ code: 2, stdout: "" }));
  expect(stack.stderr).toBe(`emr-drift: --stack prod: no Pulumi.yaml in ${fs.realpathSync(dir)} or any folder above it, so no stack file to read the region from; run it inside your Pulumi project, or give --region (e.g. --region cn-hangzhou)\n`);
}, 60000);

test("usage: no --state, a document that is not a stack export", async () => {
  expect((await drift([])).code).toBe(2);
  fs.writeFileSync(path.join(dir, "preview.json"), JSON.stringify({ steps: [] }));
  const wrong = await drift(["--state", "preview.json"]);
  expect(wrong).toEqual(expect.objectContaining({ code: 2, stdout: "" }));
  expect(wrong.stderr).toContain("is a `pulumi preview --json` document");
}, 60000);
