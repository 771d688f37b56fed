/**
 * The live gate (client/scaling-gate.ts) against the emulator: the live cluster is found by its identity tag, failed
 * and released clusters are skipped, the call plan is built with the LIVE counts (a new group is CreateNodeGroup +
 * IncreaseNodes from 0) and every call runs the gates with the plan's acknowledgements. Then scaleInTaskGroup over
 * the gated DecreaseNodes.
 */
import { IDENTITY_TAG } from "../../policies/rules/domain";
import { collect, EmrInputError } from "../../client/index";
import { scaleInTaskGroup } from "../../client/scale-in";
import { checkPlanAgainstLive, findLiveClusters, type PlannedCluster } from "../../client/scaling-gate";
import { startHarness, writesSince, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.emulator.close());

let n = 0;
/** A fresh identity per test, so clusters seeded by one test never answer another's. */
const newIdentity = () => (current = `proj/stack/lake-${++n}`);
const tagged = (identity: string) => [{ Key: IDENTITY_TAG, Value: identity }];
type Group = { nodeGroupName: string; nodeGroupType: string; nodeCount: number; autoScalingPolicy?: unknown };
/** What the component sends: the inputs the gate judges, and ignoreChanges on each auto-scaled group's count. */
let current = "";
const plan = (groups: Group[], tags: Record<string, string> = {}, extra: Record<string, unknown> = {}): PlannedCluster => ({
  inputs: { clusterName: "lake", deletionProtection: true, paymentType: "PayAsYouGo", tags: { [IDENTITY_TAG]: current, ...tags }, nodeGroups: groups.map((g) => (g.autoScalingPolicy === undefined ? { nodeGroupName: g.nodeGroupName, nodeGroupType: g.nodeGroupType, nodeCount: g.nodeCount } : g)), ...extra },
  ignoreChanges: groups.flatMap((g, i) => (g.autoScalingPolicy ? [`nodeGroups[${i}].nodeCount`] : [])),
});
const core = (nodeCount: number): Group => ({ nodeGroupName: "core", nodeGroupType: "CORE", nodeCount });
const task = (nodeCount: number, autoScalingPolicy?: unknown): Group => ({ nodeGroupName: "task", nodeGroupType: "TASK", nodeCount, autoScalingPolicy });
const calls = (r: { plan?: { calls: { action: string; group?: string }[] } }) => (r.plan?.calls ?? []).map((c) => `${c.action} ${c.group ?? ""}`.trim());

describe("finding the live cluster: by the identity tag, never by name; failed and released ones skipped", () => {
  it("a cluster with the same name but another identity is not it; failed and terminated ones with the identity are skipped", async () => {
    const id = newIdentity();
    h.emulator.state.seedCluster({ name: "lake", tags: tagged("other/stack/lake"), groups: [{ name: "core", type: "CORE", count: 40 }] });
    for (const state of ["START_FAILED", "TERMINATED_WITH_ERRORS", "TERMINATE_FAILED", "TERMINATED", "TERMINATING"] as const) {
      h.emulator.state.seedCluster({ name: "lake", state, tags: tagged(id), groups: [{ name: "core", type: "CORE", count: 40 }] });
    }
    expect(await findLiveClusters(h.client, id)).toEqual([]);
    expect(await checkPlanAgainstLive(h.client, id, plan([core(2)]))).toEqual({ findings: [], problems: [] });
    const { clusterId } = h.emulator.state.seedCluster({ name: "renamed-since", tags: tagged(id), groups: [{ name: "core", type: "CORE", count: 2 }] });
    expect((await findLiveClusters(h.client, id)).map((c) => c.ClusterId)).toEqual([clusterId]);
  });

  it("two live clusters with one identity: a problem, not a guess", async () => {
    const id = newIdentity();
    const a = h.emulator.state.seedCluster({ tags: tagged(id) }).clusterId;
    const b = h.emulator.state.seedCluster({ tags: tagged(id), state: "BOOTSTRAPPING" }).clusterId;
    const r = await checkPlanAgainstLive(h.client, id, plan([core(2)]));
    expect(r.problems).toEqual([`2 live clusters carry ${IDENTITY_TAG}=${id} (${a} RUNNING, ${b} BOOTSTRAPPING): the gate cannot tell which one this resource manages; keep the tag on one of them (edit the other's tags in the EMR console)`]);
  });
});

describe("changes through the change rules, with the plan's acknowledgements", () => {
  it("a group that does not exist yet is CreateNodeGroup + IncreaseNodes: 25 new nodes need the scale-out ack, > 30 the node-count ack", async () => {
    const id = newIdentity();
    const { clusterId } = h.emulator.state.seedCluster({ name: "lake", tags: tagged(id), groups: [{ name: "core", type: "CORE", count: 3 }] });
    const r = await checkPlanAgainstLive(h.client, id, plan([core(3), task(25)]));
    expect(r.clusterId).toBe(clusterId);
    expect(r.findings.map((f) => [f.path, f.message])).toEqual([
      ["nodeGroups[1].nodeCount", 'cluster "lake": IncreaseNodes adds the 25 first nodes of the new group "task": a scale-out above 20 nodes in one update needs the acknowledgement of this change'],
    ]);
    expect(calls(r)).toEqual(["CreateNodeGroup task", "IncreaseNodes task"]);
    expect(r.findings[0].fix).toContain('acknowledgements.scaleOut: ["task:0->25"]');
    expect((await checkPlanAgainstLive(h.client, id, plan([core(3), task(25)], { "emr-guard:ack-scale-out": "task:0->25" }))).findings).toEqual([]);
    const big = await checkPlanAgainstLive(h.client, id, plan([core(3), task(35)], { "emr-guard:ack-scale-out": "task:0->35" }));
    expect(big.findings.map((f) => f.fix)).toEqual(['acknowledge the size with the tag emr-guard:ack-node-count: "35" (acknowledgements.nodeCount: 35 in the EmrCluster spec), or create it with 30 or fewer']);
  });

  it("existing groups: CORE never shrinks, TASK releases ≤ 10 per update, scale-outs > 20 acknowledged (40 → 65)", async () => {
    const id = newIdentity();
    h.emulator.state.seedCluster({ name: "lake", tags: tagged(id), groups: [{ name: "core", type: "CORE", count: 40 }, { name: "task", type: "TASK", count: 30 }] });
    // The provider stops at the CORE shrink before sending the queued resizes: task's DecreaseNodes is never sent.
    const shrink = await checkPlanAgainstLive(h.client, id, plan([core(39), task(5)]));
    expect(shrink.findings.map((f) => `${f.path}: ${f.message}; ${f.fix}`)).toEqual([
      `nodeGroups[0].nodeCount: cluster "lake": node group "core": \`pulumi up\` fails halfway before any write call: the provider answers "EMR cluster can only decrease the node group type of ['TASK', 'GATEWAY']." (resource_alicloud_emrv2_cluster.go:2394); keep the count of "core"; only TASK groups shrink`,
    ]);
    const task25 = await checkPlanAgainstLive(h.client, id, plan([core(40), task(5)]));
    expect(task25.findings.map((f) => `${f.call}: ${f.fix}`)).toEqual([
      'DecreaseNodes task -25: step it: 30 -> 20 -> 10 -> 5, one update each, at least 120 s apart, with the acknowledgement of each step: "task:30->20" (emr-guard:ack-scale-in), "task:20->10" (emr-guard:ack-scale-in), "task:10->5" (emr-guard:ack-scale-in)',
    ]);
    const grow = await checkPlanAgainstLive(h.client, id, plan([core(65), task(30)]));
    expect(grow.findings.map((f) => f.rule)).toEqual(["emr-change-scale-out"]);
    expect((await checkPlanAgainstLive(h.client, id, plan([core(65), task(30)], { "emr-guard:ack-scale-out": "core:40->65" }))).findings).toEqual([]);
    // A leftover acknowledgement of an earlier change approves nothing.
    const leftover = await checkPlanAgainstLive(h.client, id, plan([core(65), task(30)], { "emr-guard:ack-scale-out": "core:30->55" }));
    expect(leftover.findings.map((f) => `${f.level} ${f.rule}`)).toEqual(["mandatory emr-change-scale-out", "advisory emr-change-stale-acks"]);
  });

  it("the cluster total above 100 (auto-scaled groups at MaxCapacity) needs the cost acknowledgement", async () => {
    const id = newIdentity();
    const policy = { Constraints: { MinCapacity: 0, MaxCapacity: 60 }, ScalingRules: [] };
    h.emulator.state.seedCluster({ name: "lake", tags: tagged(id), groups: [{ name: "core", type: "CORE", count: 30 }, { name: "task", type: "TASK", count: 4, autoScalingPolicy: policy }] });
    const r = await checkPlanAgainstLive(h.client, id, plan([core(45), task(4, policy)]));
    expect(r.findings.map((f) => f.message)).toEqual(['cluster "lake": the cluster grows from 90 to 105 nodes in total (auto-scaled groups at their MaxCapacity), above the 100-node cost threshold']);
    expect((await checkPlanAgainstLive(h.client, id, plan([core(45), task(4, policy)], { "emr-guard:ack-cluster-nodes": "105" }))).findings).toEqual([]);
  });

  it("an auto-scaled group's nodeCount is the policy's (ignored), but replacing or removing the policy needs its acknowledgement", async () => {
    const id = newIdentity();
    const live = { Constraints: { MinCapacity: 0, MaxCapacity: 20 }, ScalingRules: [{ RuleName: "r", TriggerType: "TIME_TRIGGER", ActivityType: "SCALE_OUT", AdjustmentValue: 2 }] };
    h.emulator.state.seedCluster({ name: "lake", tags: tagged(id), groups: [{ name: "task", type: "TASK", count: 12, autoScalingPolicy: live }] });
    const provider = { constraints: { minCapacity: 0, maxCapacity: 20 }, scalingRules: [{ ruleName: "r", triggerType: "TIME_TRIGGER", activityType: "SCALE_OUT", adjustmentValue: 2 }] };
    expect((await checkPlanAgainstLive(h.client, id, plan([task(1, provider)]))).findings).toEqual([]);
    const removed = await checkPlanAgainstLive(h.client, id, plan([task(12)]));
    expect(removed.findings.map((f) => f.fix)).toEqual(['acknowledge the removal with the tag emr-guard:ack-auto-scaling: "task:remove", one comma-separated entry among others (acknowledgements.autoScaling: ["task:remove"] in the EmrCluster spec), or keep the policy']);
    const replaced = await checkPlanAgainstLive(h.client, id, plan([task(12, { ...provider, constraints: { minCapacity: 0, maxCapacity: 30 } })]));
    expect(replaced.findings.map((f) => f.path)).toEqual(["nodeGroups[0].autoScalingPolicy"]);
  });

  it("a node-group change beside an auto-scaled group whose live count is not the program's: an advisory to run `pulumi up --refresh`; none when the counts agree or no group changes", async () => {
    const id = newIdentity();
    const live = { Constraints: { MinCapacity: 0, MaxCapacity: 20 }, ScalingRules: [] };
    h.emulator.state.seedCluster({ name: "lake", tags: tagged(id), groups: [{ name: "core", type: "CORE", count: 3 }, { name: "task", type: "TASK", count: 12, autoScalingPolicy: live }] });
    const policy = { constraints: { minCapacity: 0, maxCapacity: 20 }, scalingRules: [] };
    const grown = await checkPlanAgainstLive(h.client, id, plan([core(4), task(1, policy)]));
    // Inside the program the gate plans from the live count (as `pulumi up --refresh` does): core's call only.
    expect(calls(grown)).toEqual(["IncreaseNodes core"]);
    expect(grown.findings.map((f) => [f.level, f.rule, f.group, f.message, f.fix])).toEqual([[
      "advisory", "emr-change-live-counts", "task",
      'cluster "lake": node group "task" is auto-scaled and runs 12 nodes; this update changes the node groups, so a `pulumi up` without --refresh resizes it to the count its state recorded (the program says 1)',
      "run `pulumi up --refresh` (the deploy workflow does), so the provider plans from the live count",
    ]]);
    expect((await checkPlanAgainstLive(h.client, id, plan([core(4), task(12, policy)]))).findings).toEqual([]);
    const untouched = await checkPlanAgainstLive(h.client, id, plan([core(3), task(1, policy)]));
    expect([calls(untouched), untouched.findings]).toEqual([[], []]);
  });

  it("deletion protection off only as the sole change", async () => {
    const id = newIdentity();
    h.emulator.state.seedCluster({ name: "lake", tags: tagged(id), groups: [{ name: "core", type: "CORE", count: 3 }] });
    expect((await checkPlanAgainstLive(h.client, id, plan([core(3)], {}, { deletionProtection: false }))).findings).toEqual([]);
    const both = await checkPlanAgainstLive(h.client, id, plan([core(4)], {}, { deletionProtection: false }));
    expect(both.findings.map((f) => f.message)).toEqual(['cluster "lake": UpdateClusterAttribute DeletionProtection=false in the same update as IncreaseNodes core +1']);
  });
});

describe("scaleInTaskGroup: the newest Running pay-as-you-go nodes by NodeIds, batches ≤ 10, ≥ 120 s apart, each call gated", () => {
  it("releases 12 in batches of 10 and 2, at least 120 s apart", async () => {
    const { clusterId, groupIds } = h.emulator.state.seedCluster({ groups: [{ name: "task", type: "TASK", count: 25 }] });
    const nodes = await collect(h.client.listNodes(clusterId, { NodeGroupIds: [groupIds.task] }));
    const newest = [...nodes].sort((a, b) => (b.CreateTime ?? 0) - (a.CreateTime ?? 0)).slice(0, 12).map((x) => x.NodeId);
    const mark = h.emulator.requests.length;
    const startedAt = h.clock.now();
    const r = await scaleInTaskGroup(h.client, { clusterId, nodeGroupId: groupIds.task, count: 12 });
    expect(r.batches.map((b) => b.length)).toEqual([10, 2]);
    expect(r.releasedNodeIds).toEqual(newest);
    expect(writesSince(h, mark)).toEqual(["DecreaseNodes", "DecreaseNodes"]);
    expect(h.clock.now() - startedAt).toBeGreaterThanOrEqual(120_000);
    h.clock.advance(5 * 60_000);
    expect(await h.client.getNodeGroup(clusterId, groupIds.task)).toMatchObject({ RunningNodeCount: 13 });
  });

  it("refuses CORE, Subscription and emptying a group without the acknowledgement of that change, sending nothing", async () => {
    const { clusterId, groupIds } = h.emulator.state.seedCluster({ groups: [{ name: "core", type: "CORE", count: 3 }, { name: "sub", type: "TASK", count: 2, paymentType: "Subscription" }, { name: "task", type: "TASK", count: 3 }] });
    const mark = h.emulator.requests.length;
    await expect(scaleInTaskGroup(h.client, { clusterId, nodeGroupId: groupIds.core, count: 1 })).rejects.toThrow(/only TASK groups are scaled in \(the live group is CORE/);
    await expect(scaleInTaskGroup(h.client, { clusterId, nodeGroupId: groupIds.sub, count: 1 })).rejects.toThrow(/only 0 pay-as-you-go nodes are Running in sub/);
    await expect(scaleInTaskGroup(h.client, { clusterId, nodeGroupId: groupIds.task, count: 3 })).rejects.toThrow(EmrInputError);
    expect(writesSince(h, mark)).toEqual([]);
    await scaleInTaskGroup(h.client, { clusterId, nodeGroupId: groupIds.task, count: 3, acknowledge: { taskToZero: ["task:3->0"] } });
    expect(writesSince(h, mark)).toEqual(["DecreaseNodes"]);
  });
});
