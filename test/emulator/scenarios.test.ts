/** The scenarios the client and gate tests need, served by the emulator through the real client. */
import { collect } from "../../client/index";
import { startHarness, type Harness } from "../client/harness";
import { CLUSTER_STATES } from "./state";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.emulator.close());

describe("ListClusters filters", () => {
  it("by Tags (Key and Value; Key alone matches any value) and by ClusterStates", async () => {
    const s = h.emulator.state;
    const a = s.seedCluster({ name: "tagged", tags: [{ Key: "emr-guard:identity", Value: "proj/dev/lake" }] }).clusterId;
    const b = s.seedCluster({ name: "tagged", tags: [{ Key: "emr-guard:identity", Value: "proj/prod/lake" }] }).clusterId;
    const c = s.seedCluster({ name: "tagged", state: "TERMINATED", tags: [{ Key: "emr-guard:identity", Value: "proj/dev/lake" }] }).clusterId;
    const ids = async (req: Parameters<typeof h.client.listClusters>[0]) => (await collect(h.client.listClusters(req))).map((x) => x.ClusterId);
    expect(await ids({ Tags: [{ Key: "emr-guard:identity", Value: "proj/dev/lake" }] })).toEqual([a, c]);
    expect(await ids({ Tags: [{ Key: "emr-guard:identity" }], ClusterName: "tagged" })).toEqual([a, b, c]);
    expect(await ids({ Tags: [{ Key: "emr-guard:identity", Value: "proj/dev/lake" }], ClusterStates: ["RUNNING"] })).toEqual([a]);
    expect(await ids({ Tags: [{ Key: "emr-guard:identity", Value: "nobody" }] })).toEqual([]);
  });
});

describe("clusters in every documented state", () => {
  it.each(CLUSTER_STATES.map((s) => [s]))("%s, with its StateChangeReason, stays as seeded", async (state) => {
    const reason = { Code: "NodeFailure", Message: `why ${state}` };
    const { clusterId } = h.emulator.state.seedCluster({ state, reason });
    h.clock.advance(60 * 60_000);
    const c = await h.client.getCluster(clusterId);
    expect(c.ClusterState).toBe(state);
    expect(c.StateChangeReason).toEqual(state === "RUNNING" ? { Code: "UserRequest", Message: "" } : reason);
  });

  it("a non-RUNNING cluster refuses scaling with OperationDenied.ClusterStatus", async () => {
    const { clusterId, groupIds } = h.emulator.state.seedCluster({ state: "START_FAILED", groups: [{ name: "task", type: "TASK", count: 1 }] });
    await expect(h.client.increaseNodes({ ClusterId: clusterId, NodeGroupId: groupIds.task, IncreaseNodeCount: 1 })).rejects.toMatchObject({ code: "OperationDenied.ClusterStatus" });
  });
});

describe("Subscription clusters and node groups of each type and payment", () => {
  it("ListNodes returns the ECS instances; Subscription nodes carry an ExpireTime, pay-as-you-go ones do not", async () => {
    const { clusterId, groupIds } = h.emulator.state.seedCluster({
      paymentType: "Subscription",
      groups: [{ name: "m", type: "MASTER", count: 1 }, { name: "c", type: "CORE", count: 2 }, { name: "t", type: "TASK", count: 2, paymentType: "PayAsYouGo" }, { name: "g", type: "GATEWAY", count: 1 }],
    });
    const groups = await collect(h.client.listNodeGroups(clusterId));
    expect(groups.map((g) => [g.NodeGroupName, g.NodeGroupType, g.PaymentType, g.RunningNodeCount])).toEqual([
      ["m", "MASTER", "Subscription", 1], ["c", "CORE", "Subscription", 2], ["t", "TASK", "PayAsYouGo", 2], ["g", "GATEWAY", "Subscription", 1],
    ]);
    const nodes = await collect(h.client.listNodes(clusterId));
    expect(nodes).toHaveLength(6);
    expect(nodes.filter((n) => n.ExpireTime !== undefined).map((n) => n.NodeGroupId).sort()).toEqual([groupIds.m, groupIds.c, groupIds.c, groupIds.g].sort());
  });
});

describe("auto-scaling policies", () => {
  it("Get returns the seeded policy, then whatever replaced it, and nothing once removed", async () => {
    const rule = { RuleName: "r1", TriggerType: "TIME_TRIGGER", ActivityType: "SCALE_OUT", AdjustmentValue: 2, TimeTrigger: { LaunchTime: "09:00", StartTime: 1 } };
    const { clusterId, groupIds } = h.emulator.state.seedCluster({ groups: [{ name: "task", type: "TASK", count: 1, autoScalingPolicy: { Constraints: { MinCapacity: 0, MaxCapacity: 10 }, ScalingRules: [rule] } }] });
    const ref = { ClusterId: clusterId, NodeGroupId: groupIds.task };
    expect(await h.client.getAutoScalingPolicy(ref)).toMatchObject({ Constraints: { MinCapacity: 0, MaxCapacity: 10 }, ScalingRules: [rule] });
    const rule2 = { ...rule, RuleName: "r2", AdjustmentValue: 3 };
    h.emulator.state.policies.set(groupIds.task, { Constraints: { MinCapacity: 1, MaxCapacity: 5 }, ScalingRules: [rule2] });
    expect((await h.client.getAutoScalingPolicy(ref))?.ScalingRules).toEqual([rule2]);
    h.emulator.state.policies.delete(groupIds.task);
    expect(await h.client.getAutoScalingPolicy(ref)).toBeUndefined();
  });
});

describe("the request log", () => {
  it("records every request that arrived, with its action and parameters", async () => {
    const before = h.emulator.requests.length;
    const { clusterId } = h.emulator.state.seedCluster({});
    await h.client.getCluster(clusterId);
    expect(h.emulator.requests.slice(before)).toEqual([{ product: "emr", action: "GetCluster", params: { RegionId: "cn-hangzhou", ClusterId: clusterId } }]);
  });
});
