/**
 * `pulumi up` with the real CLI and alicloud provider against the emulator, then day-2 `pulumi up`s, each recorded
 * as the EMR write calls the provider sent, in order (the emulator's request log, reads left out). What each step
 * asserts is what the provider's code (resource_alicloud_emrv2_cluster.go v1.285.0, reference
 * alicloud-emrv2-update-calls.md) says it sends. Calls the provider sends while iterating a Go map (one per group,
 * from `for name := range newNodeGroupMap`) come in any order: those steps compare sorted lists and say so.
 *
 * The calls of every step are written to the engine report (ENGINE_REPORT, default a temp file) for the README and
 * the call model.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { LoggedRequest } from "../emulator/server";
import { runCli } from "../helpers/run-cli";
import { comparable, loggedCall, modelPlan } from "./call-model";
import { repoStackConfig, ROOT, startEngine, type Engine } from "./harness";

let engine: Engine;
const STACK = "day2";
const report: Record<string, string[]> = {};
/** The documents each step's model read, kept beside the report for reading a difference offline. */
const documents: Record<string, { exported: string; preview: string }> = {};

/** EMR and ECS calls that change something (reads start with Get, List or Describe). */
const isWrite = (r: LoggedRequest) => !/^(Get|List|Describe)/.test(r.action);
const callOf = (r: LoggedRequest) => loggedCall(r, engine.emulator);

const dev = repoStackConfig("dev");
const essd = (size: number, count?: number) => ({ category: "cloud_essd", size, ...(count ? { count } : {}) });
const task = (name: string, nodeCount: number, extra: Record<string, unknown> = {}) => ({
  cluster: "analytics-dev",
  group: { nodeGroupType: "TASK", nodeGroupName: name, nodeCount, instanceTypes: ["ecs.g7.xlarge"], paymentType: "PayAsYouGo", systemDisk: essd(80), dataDisks: [essd(80, 1)], ...extra },
});
const AUTO = { autoScalingPolicy: { constraints: { minCapacity: 2, maxCapacity: 10 } } };

/** The stack's config: two dev clusters (scratch is retired last), core count and TASK groups as the step wants. */
function config(opts: { core: number; tasks?: object[]; clusters?: "both" | "analytics"; retire?: object[]; analytics?: Record<string, unknown> }) {
  const analytics = { name: "analytics-dev", spec: { clusterName: "analytics-dev", tags: { env: "dev" }, nodeGroups: [{ nodeGroupName: "core", nodeCount: opts.core }], ...opts.analytics } };
  const scratch = { name: "scratch", spec: { clusterName: "scratch-dev", tags: { env: "dev" } } };
  return {
    "alicloud:region": dev["alicloud:region"],
    "emr:preset": "dev-normal",
    "emr:network": dev["emr:network"],
    "emr:clusters": opts.clusters === "analytics" ? [analytics] : [analytics, scratch],
    ...(opts.tasks?.length ? { "emr:taskGroups": opts.tasks } : {}),
    ...(opts.retire ? { "emr:retire": opts.retire } : {}),
  };
}

/**
 * Sets the config, runs `pulumi up`, and returns the write calls the provider sent during it. For the clusters named
 * in `model`, the call model's prediction from the state and the planned inputs just before the update (call-model.ts)
 * and the EMR writes the provider sent for that cluster, both in comparable form.
 */
async function up(step: string, cfg: Record<string, unknown>, opts: { abortOn?: string; model?: string[] } = {}) {
  const models = opts.model ?? ["analytics-dev"];
  const exported = models.length ? (await engine.pulumi(["stack", "export", "--stack", STACK])).stdout : "";
  engine.setConfig(STACK, cfg);
  const preview = models.length ? (await engine.pulumi(["preview", "--stack", STACK, "--json", "--show-sames"], { program: "stacks", env: { EMR_LIVE_CHECKS: "off" } })).stdout : "";
  const plans = models.map((name) => modelPlan(name, exported, preview, engine.emulator));
  const mark = engine.emulator.requests.length;
  const abortWhen = opts.abortOn ? () => (engine.emulator.requests.slice(mark).some((r) => r.action === opts.abortOn) ? `the provider sent ${opts.abortOn}` : undefined) : undefined;
  const run = await engine.pulumi(["up", "--stack", STACK, "--yes", "--skip-preview"], { program: "stacks", abortWhen, env: { EMR_LIVE_CHECKS: "off" } });
  const sent = engine.emulator.requests.slice(mark).filter(isWrite);
  const writes = sent.map(callOf);
  report[step] = writes;
  const vsModel = plans.map((plan) => {
    const id = JSON.parse(exported).deployment.resources.find((r: { urn: string; type: string }) => r.type === "alicloud:emrv2/cluster:Cluster" && r.urn.endsWith(`::${plan.cluster}`))?.id;
    const own = sent.filter((r) => r.product === "emr" && (r.params.ClusterId === id || (Array.isArray(r.params.ResourceIds) && r.params.ResourceIds.includes(id))));
    return { cluster: plan.cluster, refusals: plan.refusals.map((x) => x.kind), previewErrors: plan.previewErrors.map((x) => `${x.kind} ${x.path}`), ...comparable(plan, own.map(callOf)) };
  });
  report[`${step} (model)`] = vsModel.map((m) => `${m.cluster}: model ${JSON.stringify(m.model)} log ${JSON.stringify(m.log)}${m.refusals.length ? ` refusals ${m.refusals.join(",")}` : ""}${m.previewErrors.length ? ` preview errors ${m.previewErrors.join(",")}` : ""}`);
  report[`${step} (model detail)`] = plans.map((p) => JSON.stringify({ cluster: p.cluster, operation: p.operation, previewErrors: p.previewErrors, refusals: p.refusals, replacements: p.replacements }));
  if (models.length) documents[step] = { exported, preview };
  return { run, writes, output: `${run.stdout}\n${run.stderr}`, vsModel };
}

/** The model predicted the calls the provider sent, for every modelled cluster of the step. */
const modelAgrees = (r: { vsModel: { cluster: string; model: string[]; log: string[] }[] }) =>
  expect(r.vsModel.map((m) => [m.cluster, m.log])).toEqual(r.vsModel.map((m) => [m.cluster, m.model]));

beforeAll(async () => {
  engine = await startEngine();
  await engine.initStack(STACK, config({ core: 2 }));
});

afterAll(async () => {
  const file = process.env.ENGINE_REPORT ?? join(tmpdir(), "emr-engine-day2-calls.json");
  writeFileSync(file, JSON.stringify(report, null, 2));
  writeFileSync(file.replace(/\.json$/, "-documents.json"), JSON.stringify(documents));
  await engine?.close();
});

const ok = (r: { run: { code: number }; output: string }) => expect({ code: r.run.code, output: r.run.code === 0 ? "" : r.output }).toEqual({ code: 0, output: "" });

test("create: one RunCluster per cluster after its security group (ECS), nothing else written", async () => {
  const r = await up("create", config({ core: 2 }), { model: [] });
  ok(r);
  expect([...r.writes].sort()).toEqual(["CreateSecurityGroup", "CreateSecurityGroup", "ModifySecurityGroupPolicy", "ModifySecurityGroupPolicy", "RunCluster", "RunCluster"]);
  const run = engine.emulator.requests.find((q) => q.action === "RunCluster" && String(q.params.ClusterName) === "analytics-dev");
  // deletionProtection travels with the create; the cluster's identity tag too.
  expect(run?.params.DeletionProtection).toBe("true");
  expect(String(run?.params.Tags)).toContain("emr-guard:identity");
});

test("a preview right after up plans no change (the emulator reads back what was sent)", async () => {
  const p = await engine.pulumi(["preview", "--stack", STACK, "--expect-no-changes"], { program: "stacks", env: { EMR_LIVE_CHECKS: "off" } });
  expect({ code: p.code, out: p.code === 0 ? "" : p.stdout + p.stderr }).toEqual({ code: 0, out: "" });
});

test("scale out core 2 → 3: one IncreaseNodes with the delta", async () => {
  const r = await up("scale out core 2 → 3", config({ core: 3 }));
  ok(r);
  expect(r.writes).toEqual(["IncreaseNodes core 1"]);
  modelAgrees(r);
});

test("a new TASK group: CreateNodeGroup, then IncreaseNodes by its nodeCount", async () => {
  const r = await up("new group task 2", config({ core: 3, tasks: [task("task", 2)] }));
  ok(r);
  expect(r.writes).toEqual(["CreateNodeGroup task", "IncreaseNodes task 2"]);
  modelAgrees(r);
  expect(engine.emulator.state.runningNodes([...engine.emulator.state.groups.values()].find((g) => g.NodeGroupName === "task")!)).toHaveLength(2);
});

test("a new auto-scaled TASK group: its policy travels inside CreateNodeGroup", async () => {
  const r = await up("new auto-scaled group task-auto 2", config({ core: 3, tasks: [task("task", 2), task("task-auto", 2, AUTO)] }));
  ok(r);
  expect(r.writes).toEqual(["CreateNodeGroup task-auto", "IncreaseNodes task-auto 2"]);
  newAutoScaled = r;
  const created = engine.emulator.requests.filter((q) => q.action === "CreateNodeGroup").pop();
  expect(created?.params.NodeGroup).toMatchObject({ NodeGroupName: "task-auto", AutoScalingPolicy: { Constraints: { MinCapacity: "2", MaxCapacity: "10" } } });
});

/**
 * The documents a pipeline hands the change-aware check, from the real engine: `pulumi stack export` of this
 * stack and `pulumi preview --json` / `--save-plan` of a pending core 3 → 25 (a scale-out above the acknowledgement
 * threshold of 20). ENGINE_RECORD=1 writes them to test/fixtures/engine/, which the fast tier reads
 * (test/change/engine-documents.test.ts).
 */
describe("the documents --state and --plan read, from the real engine", () => {
  const docs: Record<string, string> = {};
  const pending = () => config({ core: 25, tasks: [task("task", 2), task("task-auto", 2, AUTO)] });

  beforeAll(async () => {
    docs["stack-export.json"] = (await engine.pulumi(["stack", "export", "--stack", STACK])).stdout;
    engine.setConfig(STACK, pending());
    const dir = join(engine.project, "plans");
    mkdirSync(dir, { recursive: true });
    const preview = await engine.pulumi(["preview", "--stack", STACK, "--json", "--save-plan", join(dir, "plan.json")], { program: "stacks", env: { EMR_LIVE_CHECKS: "off" } });
    docs["preview.json"] = preview.stdout;
    docs["save-plan.json"] = readFileSync(join(dir, "plan.json"), "utf8");
    engine.setConfig(STACK, config({ core: 3, tasks: [task("task", 2), task("task-auto", 2, AUTO)] }));
    if (process.env.ENGINE_RECORD === "1") {
      const out = join(ROOT, "test/fixtures/engine");
      mkdirSync(out, { recursive: true });
      for (const [name, text] of Object.entries(docs)) writeFileSync(join(out, name), text.endsWith("\n") ? text : `${text}\n`);
    }
  });

  test("pulumi preview --json: an update of the cluster with core 3 → 25 in its steps", () => {
    const digest = JSON.parse(docs["preview.json"]) as { steps: { op: string; urn: string; detailedDiff?: Record<string, unknown> }[] };
    const step = digest.steps.find((x) => x.urn.endsWith("alicloud:emrv2/cluster:Cluster::analytics-dev"));
    expect(step?.op).toBe("update");
    expect(Object.keys(step?.detailedDiff ?? {})).toContain("nodeGroups[1].nodeCount");
  });

  test("emr-check --plan on the real preview: the scale-out above 20 without its acknowledgement is refused (exit 1)", async () => {
    const file = join(engine.project, "plans/preview.json");
    writeFileSync(file, docs["preview.json"]);
    const r = await runCli(["--stack", STACK, "--config-file", join(engine.project, `Pulumi.${STACK}.yaml`), "--plan", file], 120_000);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/emr-change-scale-out/);
    expect(r.stdout).toMatch(/IncreaseNodes core \+22/);
  });

  test("emr-check --state on the real export, with the pending program: the same verdict", async () => {
    const file = join(engine.project, "plans/state.json");
    writeFileSync(file, docs["stack-export.json"]);
    engine.setConfig(STACK, pending());
    const r = await runCli(["--stack", STACK, "--config-file", join(engine.project, `Pulumi.${STACK}.yaml`), "--state", file], 120_000);
    engine.setConfig(STACK, config({ core: 3, tasks: [task("task", 2), task("task-auto", 2, AUTO)] }));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/emr-change-scale-out/);
    expect(r.stdout).toMatch(/IncreaseNodes core \+22/);
  });

  test("emr-check --plan on a --save-plan file: refused as the wrong document (exit 2), never read as an empty plan", async () => {
    const file = join(engine.project, "plans/plan.json");
    const r = await runCli(["--stack", STACK, "--plan", file], 120_000);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--save-plan/);
  });
});

let newAutoScaled: Awaited<ReturnType<typeof up>> | undefined;

/**
 * The engine does not reset an ignored path through an added list element (PropertyPath.Reset, logged "cannot ignore
 * changes in added or removed elements of the path"): a NEW auto-scaled group keeps its program count and the
 * provider sends IncreaseNodes task-auto 2. The model once dropped it; ignore-changes.ts now follows the engine's rules
 * (held to the engine's own code in ignore-changes.engine.ts).
 */
test("the call model predicts the new auto-scaled group's IncreaseNodes, as the provider sends it", () => {
  expect(newAutoScaled).toBeDefined();
  modelAgrees(newAutoScaled!);
  expect(newAutoScaled!.writes).toContain("IncreaseNodes task-auto 2");
});

test("a core change next to an auto-scaled group the autoscaler grew: the provider also shrinks it back to its state count", async () => {
  // The autoscaler grows task-auto 2 → 5 (outside Pulumi): the state still says 2, ignoreChanges keeps it so.
  const g = [...engine.emulator.state.groups.values()].find((x) => x.NodeGroupName === "task-auto")!;
  engine.emulator.state.startScaling(g, "INCREASING", 3, []);
  engine.emulator.state.handle("ListNodeGroups", { RegionId: "cn-hangzhou", ClusterId: g.ClusterId });
  expect(engine.emulator.state.runningNodes(g)).toHaveLength(5);
  const r = await up("core 3 → 4 beside task-auto grown to 5", config({ core: 4, tasks: [task("task", 2), task("task-auto", 2, AUTO)] }));
  ok(r);
  // Queued per group while iterating a Go map: order not fixed.
  expect([...r.writes].sort()).toEqual(["DecreaseNodes task-auto 3", "IncreaseNodes core 1"]);
  modelAgrees(r);
  expect(engine.emulator.state.runningNodes(g)).toHaveLength(2);
});

test("removing a TASK group that has running nodes: refused by the provider after its other calls", async () => {
  const r = await up("remove task (2 running nodes)", config({ core: 4, tasks: [task("task-auto", 2, AUTO)] }));
  expect(r.run.code).not.toBe(0);
  expect(r.output).toMatch(/can not delete cause exists running nodes/);
  expect(r.writes).toEqual([]);
  modelAgrees(r);
  expect(r.vsModel[0].refusals.length).toBeGreaterThan(0);
});

test("scaling a TASK group to 0 first: DecreaseNodes by all its nodes, which the API refuses (DecreaseNodeCount must be less than the active nodes, reference §DecreaseNodes)", async () => {
  const r = await up("task 2 → 0", config({ core: 4, tasks: [task("task", 0), task("task-auto", 2, AUTO)] }));
  expect(r.writes).toEqual(["DecreaseNodes task 2"]);
  modelAgrees(r);
  expect(r.run.code).not.toBe(0);
  expect(r.output).toMatch(/InvalidParameterValue[\s\S]*DecreaseNodeCount is invalid: 2/);
});

test("payment switch PayAsYouGo → Subscription with the MASTER and CORE groups: UpdateClusterPaymentType", async () => {
  const subscription = { paymentType: "Subscription", subscriptionConfig: { paymentDurationUnit: "Month", paymentDuration: 1, autoRenew: false, autoPayOrder: true } };
  const r = await up("payment switch", config({ core: 4, tasks: [task("task", 2), task("task-auto", 2, AUTO)], analytics: subscription }));
  ok(r);
  expect(r.writes).toEqual(["UpdateClusterPaymentType"]);
  modelAgrees(r);
  const cluster = [...engine.emulator.state.clusters.values()].find((c) => c.ClusterName === "analytics-dev")!;
  expect(cluster.PaymentType).toBe("Subscription");
});

test("retiring a cluster (emr:retire) that is still protected: the engine refuses, nothing is sent", async () => {
  // The preview itself fails here, before it lists analytics-dev: only scratch can be modelled from it.
  const r = await up("retire scratch, still protected", retireConfig(), { model: ["scratch"] });
  expect(r.run.code).not.toBe(0);
  expect(r.output).toMatch(/cannot be deleted\s+because it is protected/);
  expect(r.writes).toEqual([]);
  modelAgrees(r);
  expect(r.vsModel.map((m) => [m.cluster, m.previewErrors])).toEqual([["scratch", ["protected-delete (removed from the program)"]]]);
});

test("retiring it after `pulumi state unprotect` (README step 3): it leaves the state, nothing is deleted in the cloud", async () => {
  const urn = "urn:pulumi:day2::emr-clusters::emr:index:Cluster$alicloud:emrv2/cluster:Cluster::scratch";
  const unprotect = await engine.pulumi(["state", "unprotect", "--stack", STACK, urn, "--yes"]);
  expect(unprotect.code).toBe(0);
  // A delete of the security group would be retried for 10 minutes while the retained cluster uses it: stop at once.
  const r = await up("retire scratch after unprotect", retireConfig(), { abortOn: "DeleteSecurityGroup", model: ["analytics-dev", "scratch"] });
  expect(r.writes).toEqual([]);
  modelAgrees(r);
  expect(r.vsModel.map((m) => [m.cluster, m.previewErrors])).toEqual([["analytics-dev", []], ["scratch", []]]);
  ok(r);
  const scratch = scratchCluster();
  expect(engine.emulator.state.clusterState(scratch)).toBe("RUNNING");
  const exported = await engine.pulumi(["stack", "export", "--stack", STACK]);
  expect(exported.stdout).not.toContain("::scratch");
});

const scratchCluster = () => [...engine.emulator.state.clusters.values()].find((c) => c.ClusterName === "scratch-dev")!;

function retireConfig() {
  const subscription = { paymentType: "Subscription", subscriptionConfig: { paymentDurationUnit: "Month", paymentDuration: 1, autoRenew: false, autoPayOrder: true } };
  return config({ core: 4, tasks: [task("task", 2), task("task-auto", 2, AUTO)], analytics: subscription, clusters: "analytics", retire: [{ name: "scratch", clusterId: scratchCluster().ClusterId }] });
}
