import { ACK_TAGS } from "../../policies/rules/domain.js";
import { collect, EmrInputError } from "../../client/index";
import { scaleInTaskGroup } from "../../client/scale-in";
import { checkScalingAgainstLive, planScalingChanges, type LiveGroup } from "../../client/scaling-gate";
import { startHarness, type Harness } from "./harness";

const live: LiveGroup[] = [
  { nodeGroupName: "core", nodeGroupType: "CORE", runningNodeCount: 6, paymentType: "PayAsYouGo" },
  { nodeGroupName: "task", nodeGroupType: "TASK", runningNodeCount: 80, paymentType: "PayAsYouGo" },
];
const plan = (core: number, task: number) => [{ nodeGroupName: "core", nodeGroupType: "CORE", nodeCount: core }, { nodeGroupName: "task", nodeGroupType: "TASK", nodeCount: task }];

describe("planScalingChanges (pure)", () => {
  it("lets an unchanged plan and small changes through, with the steps", () => {
    expect(planScalingChanges(live, plan(8, 75))).toEqual({
      problems: [],
      steps: [
        { nodeGroupName: "core", nodeGroupType: "CORE", kind: "increase", from: 6, to: 8 },
        { nodeGroupName: "task", nodeGroupType: "TASK", kind: "decrease", from: 80, to: 75 },
      ],
    });
  });

  it("refuses a decrease of a CORE group", () => {
    expect(planScalingChanges(live, plan(5, 80)).problems).toEqual([
      { path: "nodeGroups[0].nodeCount", message: "a CORE group is never scaled in (6 -> 5): only TASK groups are", fix: "keep nodeCount at 6; shrink a TASK group instead" },
    ]);
  });

  it("refuses a TASK decrease of more than 10 in one update, saying how to step it", () => {
    const [p] = planScalingChanges(live, plan(6, 50)).problems;
    expect(p.path).toBe("nodeGroups[1].nodeCount");
    expect(p.message).toMatch(/scale-in of 30 nodes \(80 -> 50\) exceeds 10 nodes per update/);
    expect(p.fix).toBe("step it: 80 -> 70 -> 60 -> 50, one update each, at least 120 s apart");
  });

  it("refuses an increase above 50 and one above 20 without acknowledgement", () => {
    expect(planScalingChanges(live, plan(6, 140)).problems[0].fix).toBe("step it: 80 -> 130 -> 140, one update each");
    expect(planScalingChanges(live, plan(6, 105)).problems[0].message).toBe("scale-out of 25 nodes (80 -> 105) is above 20 without an acknowledgement");
    expect(planScalingChanges(live, plan(6, 105), { acknowledgements: { [ACK_TAGS.scaleOut]: "25" } }).problems).toEqual([]);
  });

  it("refuses a TASK group to 0 without acknowledgement", () => {
    const small: LiveGroup[] = [{ nodeGroupName: "task", nodeGroupType: "TASK", runningNodeCount: 4 }];
    const to0 = [{ nodeGroupName: "task", nodeGroupType: "TASK", nodeCount: 0 }];
    expect(planScalingChanges(small, to0).problems[0].message).toBe('scaling node group "task" to 0 nodes (from 4) needs an acknowledgement');
    expect(planScalingChanges(small, to0, { acknowledgements: { [ACK_TAGS.taskGroupToZero]: "true" } }).problems).toEqual([]);
  });

  it("honours configured limits and marks new groups as create", () => {
    expect(planScalingChanges(live, plan(6, 76), { limits: { maxScaleInPerCall: 2 } }).problems[0].fix).toBe("step it: 80 -> 78 -> 76, one update each, at least 120 s apart");
    expect(planScalingChanges([], plan(3, 2)).steps.map((s) => s.kind)).toEqual(["create", "create"]);
  });
});

describe("against the emulator", () => {
  let h: Harness;
  let clusterId: string;
  let ids: Record<string, string>;
  beforeAll(async () => {
    h = await startHarness();
    ({ clusterId, groupIds: ids } = h.emulator.state.seedCluster({ groups: [{ name: "core", type: "CORE", count: 3 }, { name: "task", type: "TASK", count: 25 }, { name: "sub", type: "TASK", count: 2, paymentType: "Subscription" }] }));
  });
  afterAll(() => h.emulator.close());

  it("checkScalingAgainstLive reads RunningNodeCount from ListNodeGroups", async () => {
    const r = await checkScalingAgainstLive(h.client, "cn-hangzhou", clusterId, [{ nodeGroupName: "core", nodeGroupType: "CORE", nodeCount: 3 }, { nodeGroupName: "task", nodeGroupType: "TASK", nodeCount: 10 }, { nodeGroupName: "sub", nodeGroupType: "TASK", nodeCount: 1 }]);
    expect(r.problems.map((p) => p.path)).toEqual(["nodeGroups[1].nodeCount", "nodeGroups[2].nodeCount"]);
    expect(r.problems[0].fix).toBe("step it: 25 -> 15 -> 10, one update each, at least 120 s apart");
    expect(r.problems[1].message).toMatch(/is Subscription: its nodes are never released/);
    await expect(checkScalingAgainstLive(h.client, "cn-beijing", clusterId, [])).rejects.toThrow(EmrInputError);
  });

  it("scaleInTaskGroup releases explicit NodeIds, newest first, in batches of at most 10, >= 120 s apart", async () => {
    const startedAt = h.clock.now();
    const calls: number[] = [];
    const origDecrease = h.client.decreaseNodes.bind(h.client);
    h.client.decreaseNodes = async (req) => { calls.push(h.clock.now() - startedAt); return origDecrease(req); };
    const nodes = await collect(h.client.listNodes(clusterId, { NodeGroupIds: [ids.task] }));
    const newest = [...nodes].sort((a, b) => (b.CreateTime ?? 0) - (a.CreateTime ?? 0)).slice(0, 12).map((n) => n.NodeId);
    const r = await scaleInTaskGroup(h.client, { clusterId, nodeGroupId: ids.task, count: 12 });
    expect(r.batches.map((b) => b.length)).toEqual([10, 2]);
    expect(r.releasedNodeIds).toEqual(newest);
    expect(calls[1] - calls[0]).toBeGreaterThanOrEqual(120_000);
    h.clock.advance(5 * 60_000);
    expect(await h.client.getNodeGroup(clusterId, ids.task)).toMatchObject({ RunningNodeCount: 13 });
  });

  it("scaleInTaskGroup refuses CORE, Subscription and emptying a group without acknowledgement", async () => {
    await expect(scaleInTaskGroup(h.client, { clusterId, nodeGroupId: ids.core, count: 1 })).rejects.toThrow(/is CORE: only TASK groups are scaled in/);
    await expect(scaleInTaskGroup(h.client, { clusterId, nodeGroupId: ids.sub, count: 1 })).rejects.toThrow(/is Subscription/);
    await expect(scaleInTaskGroup(h.client, { clusterId, nodeGroupId: ids.task, count: 13 })).rejects.toThrow(/would leave task empty/);
  });
});
