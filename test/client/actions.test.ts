import { collect, EmrClient, EmrInputError } from "../../client/index";
import { runClusterRequest, startHarness, type Harness } from "./harness";

let h: Harness;
let clusterId: string;
let ids: Record<string, string>;

beforeAll(async () => {
  h = await startHarness();
  ({ clusterId, groupIds: ids } = h.emulator.state.seedCluster({
    name: "lake", groups: [{ name: "master", type: "MASTER", count: 1 }, { name: "core", type: "CORE", count: 3 }, { name: "task", type: "TASK", count: 4 }],
  }));
});
afterAll(() => h.emulator.close());

describe("read actions over HTTP", () => {
  it("GetCluster returns the cluster with its state and attributes", async () => {
    const c = await h.client.getCluster(clusterId);
    expect(c).toMatchObject({ ClusterId: clusterId, ClusterName: "lake", ClusterType: "DATALAKE", ClusterState: "RUNNING", RegionId: "cn-hangzhou", DeletionProtection: true });
  });

  it("ListClusters filters by state", async () => {
    const running = await collect(h.client.listClusters({ ClusterStates: ["RUNNING"], ClusterIds: [clusterId] }));
    expect(running.map((c) => c.ClusterId)).toEqual([clusterId]);
    expect(await collect(h.client.listClusters({ ClusterStates: ["STARTING"], ClusterIds: [clusterId] }))).toEqual([]);
  });

  it("ListNodeGroups returns every group with its running count", async () => {
    const groups = await collect(h.client.listNodeGroups(clusterId));
    expect(groups.map((g) => [g.NodeGroupName, g.NodeGroupType, g.NodeGroupState, g.RunningNodeCount])).toEqual([
      ["master", "MASTER", "RUNNING", 1], ["core", "CORE", "RUNNING", 3], ["task", "TASK", "RUNNING", 4],
    ]);
  });

  it("ListNodes filters by node group", async () => {
    const nodes = await collect(h.client.listNodes(clusterId, { NodeGroupIds: [ids.task] }));
    expect(nodes).toHaveLength(4);
    expect(new Set(nodes.map((n) => n.NodeGroupId))).toEqual(new Set([ids.task]));
    expect(nodes.every((n) => /^i-[0-9a-f]{20}$/.test(n.NodeId) && n.NodeState === "Running")).toBe(true);
  });

  it("ListReleaseVersions lists the versions of a cluster type", async () => {
    const v = await collect(h.client.listReleaseVersions({ ClusterType: "DATALAKE" }));
    expect(v.map((r) => r.ReleaseVersion)).toEqual(["EMR-5.16.0", "EMR-5.15.1"]);
  });

  it("ListInstanceTypes lists the types of a node-group type in a zone", async () => {
    const t = await collect(h.client.listInstanceTypes({ ZoneId: "cn-hangzhou-i", ClusterType: "DATALAKE", PaymentType: "PayAsYouGo", NodeGroupType: "CORE" }));
    expect(t.map((x) => x.InstanceType)).toEqual(["ecs.g7.xlarge", "ecs.g7.2xlarge", "ecs.d2s.5xlarge"]);
  });

  it("ListApplications lists the installed applications", async () => {
    const apps = await collect(h.client.listApplications(clusterId));
    expect(apps.map((a) => a.ApplicationName)).toEqual(["HADOOP-COMMON", "HDFS", "YARN"]);
  });

  it("GetAutoScalingPolicy is undefined without a policy; ListAutoScalingActivities pages the history", async () => {
    expect(await h.client.getAutoScalingPolicy({ ClusterId: clusterId, NodeGroupId: ids.task })).toBeUndefined();
    h.emulator.state.addScalingActivity({ ActivityId: "asa-1", ActivityState: "SUCCESSFUL", ActivityType: "SCALE_OUT", ClusterId: clusterId, NodeGroupId: ids.task, ExpectNum: 2 });
    const acts = await collect(h.client.listAutoScalingActivities(clusterId, { NodeGroupId: ids.task }));
    expect(acts).toEqual([expect.objectContaining({ ActivityId: "asa-1", ActivityState: "SUCCESSFUL", ExpectNum: 2 })]);
  });
});

describe("write actions over HTTP", () => {
  it("RunCluster creates a STARTING cluster with its node groups (complex fields as JSON in the body)", async () => {
    const res = await h.client.runCluster(runClusterRequest("new-lake", { Tags: [{ Key: "team", Value: "data" }] }));
    expect(res.ClusterId).toMatch(/^c-[0-9a-f]{16}$/);
    const c = await h.client.getCluster(res.ClusterId);
    expect(c).toMatchObject({ ClusterState: "STARTING", ClusterName: "new-lake", Tags: [{ Key: "team", Value: "data" }] });
    const groups = await collect(h.client.listNodeGroups(res.ClusterId));
    expect(groups.map((g) => [g.NodeGroupName, g.RunningNodeCount])).toEqual([["master", 1], ["core", 3], ["task", 2]]);
  });

  it("UpdateClusterAttribute changes the name and description", async () => {
    await h.client.updateClusterAttribute({ ClusterId: clusterId, ClusterName: "lake-2", Description: "Nightly ETL" });
    expect(await h.client.getCluster(clusterId)).toMatchObject({ ClusterName: "lake-2", Description: "Nightly ETL" });
  });

  it("CreateNodeGroup adds an empty group (flattened NodeGroup.* query)", async () => {
    const res = await h.client.createNodeGroup({ ClusterId: clusterId, NodeGroup: { NodeGroupName: "task-spot", NodeGroupType: "TASK", NodeCount: 2, InstanceTypes: ["ecs.g7.xlarge"], VSwitchIds: ["vsw-1"], SystemDisk: { Category: "cloud_essd", Size: 120 }, DataDisks: [{ Category: "cloud_essd", Size: 80, Count: 1 }] } });
    expect(res).toEqual({ NodeGroupId: expect.stringMatching(/^ng-[0-9a-f]{16}$/), Reconciled: false });
    expect(await h.client.getNodeGroup(clusterId, res.NodeGroupId)).toMatchObject({ NodeGroupName: "task-spot", RunningNodeCount: 0, NodeGroupState: "RUNNING" });
  });

  it("IncreaseNodes puts the group in INCREASING, RUNNING with more nodes after the scaling time", async () => {
    const res = await h.client.increaseNodes({ ClusterId: clusterId, NodeGroupId: ids.task, IncreaseNodeCount: 2 });
    expect(res).toEqual({ OperationId: expect.stringMatching(/^op-/), RequestId: expect.any(String), Reconciled: false });
    expect(await h.client.getNodeGroup(clusterId, ids.task)).toMatchObject({ NodeGroupState: "INCREASING", RunningNodeCount: 4 });
    h.clock.advance(5 * 60_000);
    expect(await h.client.getNodeGroup(clusterId, ids.task)).toMatchObject({ NodeGroupState: "RUNNING", RunningNodeCount: 6 });
  });

  it("DecreaseNodes releases exactly the given NodeIds", async () => {
    const nodes = await collect(h.client.listNodes(clusterId, { NodeGroupIds: [ids.task] }));
    const victims = nodes.slice(0, 2).map((n) => n.NodeId);
    await h.client.decreaseNodes({ ClusterId: clusterId, NodeGroupId: ids.task, NodeIds: victims });
    h.clock.advance(5 * 60_000);
    const after = await collect(h.client.listNodes(clusterId, { NodeGroupIds: [ids.task] }));
    expect(after).toHaveLength(4);
    expect(after.map((n) => n.NodeId)).not.toEqual(expect.arrayContaining([victims[0]]));
  });

  it("PutAutoScalingPolicy replaces the policy, GetAutoScalingPolicy reads it, RemoveAutoScalingPolicy deletes it", async () => {
    const ref = { ClusterId: clusterId, NodeGroupId: ids.task };
    await h.client.putAutoScalingPolicy({ ...ref, Constraints: { MinCapacity: 0, MaxCapacity: 20 }, ScalingRules: [{ RuleName: "morning", TriggerType: "TIME_TRIGGER", ActivityType: "SCALE_OUT", AdjustmentValue: 2, TimeTrigger: { LaunchTime: "09:00", StartTime: 1767225600000 } }] });
    expect(await h.client.getAutoScalingPolicy(ref)).toMatchObject({ Constraints: { MinCapacity: 0, MaxCapacity: 20 }, ScalingRules: [{ RuleName: "morning", AdjustmentValue: 2, TimeTrigger: { LaunchTime: "09:00" } }] });
    const { removed } = await h.client.removeAutoScalingPolicy(ref, { acknowledge: { autoScaling: ["task:remove"] } });
    expect(removed).toMatchObject({ Constraints: { MinCapacity: 0, MaxCapacity: 20 }, ScalingRules: [{ RuleName: "morning" }] });
    expect(await h.client.getAutoScalingPolicy(ref)).toBeUndefined();
  });
});

describe("pagination", () => {
  it("walks 250 clusters in pages of at most 100 with NextToken", async () => {
    for (let i = 0; i < 250; i++) h.emulator.state.seedCluster({ regionId: "cn-shanghai", name: `bulk-${i}` });
    const before = h.emulator.calls.ListClusters ?? 0;
    const all = await collect(h.makeClient({ regionId: "cn-shanghai" }).listClusters());
    expect(all).toHaveLength(250);
    expect(new Set(all.map((c) => c.ClusterId)).size).toBe(250);
    expect(h.emulator.calls.ListClusters - before).toBe(3); // 100 + 100 + 50
  });

  it("fetches a page only when the caller reaches it", async () => {
    const before = h.emulator.calls.ListClusters;
    const it = h.makeClient({ regionId: "cn-shanghai", pageSize: 10 }).listClusters();
    for (let i = 0; i < 10; i++) await it.next();
    expect(h.emulator.calls.ListClusters - before).toBe(1);
    await it.next();
    expect(h.emulator.calls.ListClusters - before).toBe(2);
    await it.return(undefined);
  });
});

describe("input validation before any call", () => {
  it("rejects bad ids, names and descriptions without calling the API", async () => {
    const before = { ...h.emulator.calls };
    await expect(h.client.getCluster("cluster-1")).rejects.toThrow(EmrInputError);
    await expect(h.client.increaseNodes({ ClusterId: clusterId, NodeGroupId: "ng-1", IncreaseNodeCount: 1 })).rejects.toThrow(/NodeGroupId: node group id "ng-1" is not valid/);
    await expect(h.client.updateClusterAttribute({ ClusterId: clusterId, Description: "rm -rf /; echo $HOME" })).rejects.toThrow(/Description: description contains shell or config metacharacters/);
    await expect(h.client.runCluster(runClusterRequest("bad name!"))).rejects.toThrow(/ClusterName: cluster name "bad name!"/);
    expect(() => h.makeClient({ regionId: "Hangzhou" })).toThrow(/regionId: region id "Hangzhou" is not valid/);
    expect(h.emulator.calls).toEqual(before);
  });

  it("exposes no action that deletes or releases a cluster", () => {
    const own = [...Object.getOwnPropertyNames(EmrClient.prototype), ...Object.getOwnPropertyNames(Object.getPrototypeOf(EmrClient.prototype))];
    const methods = own.filter((m) => !["constructor", "checkRef", "call", "read", "write", "list", "safeWrite", "scalingWrite", "runningNodeGroup"].includes(m));
    expect(methods.sort()).toEqual([
      "createNodeGroup", "decreaseNodes", "getAutoScalingPolicy", "getCluster", "getClusterCloneMeta", "getNodeGroup", "increaseNodes", "listApplicationConfigs", "listApplications",
      "listAutoScalingActivities", "listClusters", "listInstanceTypes", "listNodeGroups", "listNodes", "listReleaseVersions", "listTagResources",
      "putAutoScalingPolicy", "removeAutoScalingPolicy", "runCluster", "updateClusterAttribute",
    ]);
  });
});
