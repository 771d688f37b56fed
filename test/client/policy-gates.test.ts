/**
 * EmrClient's policy, attribute and creation writes carry the rules (client/gates/policy.ts, run-cluster.ts): a
 * passing and a failing case each against the emulator, and nothing sent when refused (the emulator's request log).
 */
import { runClusterProps } from "../../client/gates/run-cluster";
import { policyFingerprint } from "../../policies/rules/change/index";
import { refusedWithoutWrite, runClusterRequest, sentOnly, startHarness, writesSince, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.emulator.close());

const refused = (call: () => Promise<unknown>) => refusedWithoutWrite(h, call);
const sent = <T>(call: () => Promise<T>, action: string) => sentOnly(h, call, action);

const RULE = { RuleName: "morning", TriggerType: "TIME_TRIGGER", ActivityType: "SCALE_OUT", AdjustmentValue: 2, TimeTrigger: { LaunchTime: "09:00", StartTime: 1767225600000 } };
const OLD = { Constraints: { MinCapacity: 0, MaxCapacity: 20 }, ScalingRules: [RULE] };

describe("PutAutoScalingPolicy reads the current policy first; MaxCapacity ≤ 100 and set; replacing needs <group>:replace:<fingerprint>", () => {
  it("a first policy within the cap is sent and replaces nothing", async () => {
    const { clusterId, groupIds } = h.emulator.state.seedCluster({ groups: [{ name: "task", type: "TASK", count: 2 }] });
    const res = await sent(() => h.client.putAutoScalingPolicy({ ClusterId: clusterId, NodeGroupId: groupIds.task, ...OLD }), "PutAutoScalingPolicy");
    expect(res).toEqual({ replaced: undefined });
  });

  it("MaxCapacity above 100, or missing (the API's default is 2000), is refused", async () => {
    const { clusterId, groupIds } = h.emulator.state.seedCluster({ groups: [{ name: "task", type: "TASK", count: 2 }] });
    const ref = { ClusterId: clusterId, NodeGroupId: groupIds.task };
    const [over] = await refused(() => h.client.putAutoScalingPolicy({ ...ref, Constraints: { MinCapacity: 0, MaxCapacity: 2000 }, ScalingRules: [RULE] }));
    expect(over.message).toBe(`cluster "${clusterId}": node group "task": the auto-scaling policy has MaxCapacity 2000, above the cap of 100`);
    const [missing] = await refused(() => h.client.putAutoScalingPolicy({ ...ref, ScalingRules: [RULE] }));
    expect(missing.message).toBe(`cluster "${clusterId}": node group "task": the auto-scaling policy has no MaxCapacity (the API's default is 2000), above the cap of 100`);
  });

  it("replacing a different policy shows old and new and needs the acknowledgement of the new one; returns the replaced rules", async () => {
    const { clusterId, groupIds } = h.emulator.state.seedCluster({ groups: [{ name: "task", type: "TASK", count: 2, autoScalingPolicy: OLD }] });
    const next = { Constraints: { MinCapacity: 1, MaxCapacity: 40 }, ScalingRules: [{ ...RULE, AdjustmentValue: 4 }] };
    const req = { ClusterId: clusterId, NodeGroupId: groupIds.task, ...next };
    const fp = policyFingerprint(next);
    expect(await refused(() => h.client.putAutoScalingPolicy(req))).toEqual([{
      path: "Constraints",
      message: `cluster "${clusterId}": node group "task": the auto-scaling policy is replaced as a whole: old 0–20, rules: [morning: SCALE_OUT 2 (TIME_TRIGGER)]; new 1–40, rules: [morning: SCALE_OUT 4 (TIME_TRIGGER)]`,
      fix: `acknowledge this policy with the option { acknowledge: { autoScaling: ["task:replace:${fp}"] } } on this call (the value names the new policy), or keep the old one`,
    }]);
    const res = await sent(() => h.client.putAutoScalingPolicy(req, { acknowledge: { autoScaling: [`task:replace:${fp}`] } }), "PutAutoScalingPolicy");
    expect(res.replaced).toEqual(OLD);
    expect(await h.client.getAutoScalingPolicy(req)).toMatchObject(next);
  });

  it("putting the same policy again is no replacement (the read-back fields do not count)", async () => {
    const { clusterId, groupIds } = h.emulator.state.seedCluster({ groups: [{ name: "task", type: "TASK", count: 2, autoScalingPolicy: { Constraints: OLD.Constraints, ScalingRules: [{ ...RULE, AdjustmentType: "CHANGE_IN_CAPACITY" }] } }] });
    await sent(() => h.client.putAutoScalingPolicy({ ClusterId: clusterId, NodeGroupId: groupIds.task, ...OLD }), "PutAutoScalingPolicy");
  });
});

describe("RemoveAutoScalingPolicy reads the current policy; needs <group>:remove; returns the removed rules", () => {
  it("refused without the ack, sent with it, returning the policy", async () => {
    const { clusterId, groupIds } = h.emulator.state.seedCluster({ groups: [{ name: "task", type: "TASK", count: 2, autoScalingPolicy: OLD }] });
    const ref = { ClusterId: clusterId, NodeGroupId: groupIds.task };
    const [p] = await refused(() => h.client.removeAutoScalingPolicy(ref));
    expect(p.fix).toBe('acknowledge the removal with the option { acknowledge: { autoScaling: ["task:remove"] } } on this call, or keep the policy');
    expect(await sent(() => h.client.removeAutoScalingPolicy(ref, { acknowledge: { autoScaling: ["task:remove"] } }), "RemoveAutoScalingPolicy")).toEqual({ removed: OLD });
    expect(await h.client.getAutoScalingPolicy(ref)).toBeUndefined();
  });

  it("without a policy there is nothing to remove: nothing is sent", async () => {
    const { clusterId, groupIds } = h.emulator.state.seedCluster({ groups: [{ name: "task", type: "TASK", count: 2 }] });
    const mark = h.emulator.requests.length;
    expect(await h.client.removeAutoScalingPolicy({ ClusterId: clusterId, NodeGroupId: groupIds.task })).toEqual({ removed: undefined });
    expect(writesSince(h, mark)).toEqual([]);
  });
});

describe("UpdateClusterAttribute turns DeletionProtection off only alone", () => {
  it("off together with a rename is refused; alone it is sent; a rename alone is sent", async () => {
    const { clusterId } = h.emulator.state.seedCluster({ name: "guarded" });
    expect(await refused(() => h.client.updateClusterAttribute({ ClusterId: clusterId, ClusterName: "renamed", DeletionProtection: false }))).toEqual([{
      path: "deletionProtection",
      message: 'cluster "guarded": deletionProtection true → false together with other changes (ClusterName)',
      fix: "turn deletion protection off alone, in its own update, after the other changes are applied (or not at all)",
    }]);
    await sent(() => h.client.updateClusterAttribute({ ClusterId: clusterId, ClusterName: "renamed" }), "UpdateClusterAttribute");
    await sent(() => h.client.updateClusterAttribute({ ClusterId: clusterId, DeletionProtection: false }), "UpdateClusterAttribute");
    expect(await h.client.getCluster(clusterId)).toMatchObject({ ClusterName: "renamed", DeletionProtection: false });
  });
});

describe("RunCluster runs the planning rules (checkClusterSpec) on the request converted to the provider's shape", () => {
  it("a valid, protected cluster is sent", async () => {
    await sent(() => h.client.runCluster(runClusterRequest("planned-lake")), "RunCluster");
  });

  it("a group above 50 nodes, missing VSwitchIds and protection off are refused, with paths in the request's names", async () => {
    const req = runClusterRequest("bad-lake", { DeletionProtection: false });
    req.NodeGroups[1] = { ...req.NodeGroups[1], NodeCount: 60 };
    req.NodeGroups[2] = { ...req.NodeGroups[2], VSwitchIds: [] };
    const problems = await refused(() => h.client.runCluster(req));
    // One finding for the 60-node group (issue 22: one violation per fix), in creation's words.
    expect(problems.map((p) => p.path)).toEqual(["NodeGroups[1].NodeCount", "NodeGroups[2].VSwitchIds", "DeletionProtection"]);
    expect(problems[0].message).toBe('60 nodes is above the 50-node cap for a node group at creation (node group "core" (nodeGroups[1]))');
    // The call's node-count acknowledgement answers the 30-node threshold, never the 50-node cap.
    const acked = await refused(() => h.client.runCluster(req, { acknowledge: { nodeCount: 60 } }));
    expect(acked.map((p) => p.path)).toEqual(["NodeGroups[1].NodeCount", "NodeGroups[2].VSwitchIds", "DeletionProtection"]);
  });

  it("the conversion gives the provider's field names", () => {
    const props = runClusterProps(runClusterRequest("x", { Tags: [{ Key: "team", Value: "data" }] }), { nodeCount: 40 });
    expect(props).toMatchObject({
      clusterName: "x", clusterType: "DATALAKE", deletionProtection: true, applications: ["HADOOP-COMMON", "HDFS", "YARN"],
      nodeAttributes: [{ vpcId: "vpc-1", zoneId: "cn-hangzhou-i", securityGroupId: "sg-1" }],
      tags: { team: "data", "emr-guard:ack-node-count": "40" },
    });
    expect((props.nodeGroups as Record<string, unknown>[])[0]).toEqual({
      nodeGroupName: "master", nodeGroupType: "MASTER", nodeCount: 1, instanceTypes: ["ecs.g7.xlarge"], vswitchIds: ["vsw-1"],
      systemDisk: { category: "cloud_essd", size: 120 }, dataDisks: [{ category: "cloud_essd", size: 80, count: 1 }],
    });
  });
});
