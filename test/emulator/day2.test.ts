/**
 * The EMR actions of a cluster's later life (test/emulator/day2.ts), as the alicloud provider's update sends them,
 * on the emulator's state with a virtual clock.
 */
import { VirtualClock } from "./clock";
import { ParamError } from "./params";
import { EmulatorState } from "./state";

const R = { RegionId: "cn-hangzhou" };
let clock: VirtualClock;
let s: EmulatorState;

beforeEach(() => {
  clock = new VirtualClock();
  s = new EmulatorState(clock, { creationMs: 10 * 60_000, scalingMs: 5 * 60_000 });
});

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof ParamError) return e.code;
    throw e;
  }
  return "no error";
};

test("GetOperation: an IncreaseNodes operation is IN_PROGRESS until the clock reaches its end, then COMPLETED", () => {
  const { clusterId, groupIds } = s.seedCluster({ groups: [{ name: "task", type: "TASK", count: 1 }] });
  const { OperationId } = s.handle("IncreaseNodes", { ...R, ClusterId: clusterId, NodeGroupId: groupIds.task, IncreaseNodeCount: "2" });
  const op = () => (s.handle("GetOperation", { ...R, ClusterId: clusterId, OperationId }) as { Operation: { OperationState: string; OperationType: string } }).Operation;
  expect(op()).toMatchObject({ OperationState: "IN_PROGRESS", OperationType: "INCREASE_NODES" });
  clock.advance(5 * 60_000);
  expect(op().OperationState).toBe("COMPLETED");
  expect(s.runningNodes(s.groups.get(groupIds.task)!)).toHaveLength(3);
  s.failNextScaling({ Code: "OutOfStock", Message: "no stock" });
  const failed = s.handle("IncreaseNodes", { ...R, ClusterId: clusterId, NodeGroupId: groupIds.task, IncreaseNodeCount: "1" });
  clock.advance(5 * 60_000);
  expect(s.handle("GetOperation", { ...R, ClusterId: clusterId, OperationId: failed.OperationId })).toMatchObject({ Operation: { OperationState: "FAILED", StateChangeReason: { Code: "OutOfStock" } } });
});

test("DecreaseNodes by DecreaseNodeCount (no NodeIds, as the provider sends it): the newest nodes go; all of them is refused", () => {
  const { clusterId, groupIds } = s.seedCluster({ groups: [{ name: "task", type: "TASK", count: 3 }] });
  const ng = { ...R, ClusterId: clusterId, NodeGroupId: groupIds.task };
  expect(code(() => s.handle("DecreaseNodes", { ...ng, DecreaseNodeCount: "3" }))).toBe("InvalidParameterValue");
  s.handle("DecreaseNodes", { ...ng, DecreaseNodeCount: "2" });
  clock.advance(5 * 60_000);
  s.handle("ListNodeGroups", { ...R, ClusterId: clusterId }); // state transitions apply when state is read
  expect(s.runningNodes(s.groups.get(groupIds.task)!)).toHaveLength(1);
});

test("tags: TagResources adds or overwrites, UntagResources removes by key, ListTagResources reads TagKey/TagValue", () => {
  const { clusterId } = s.seedCluster({ tags: [{ Key: "env", Value: "dev" }, { Key: "team", Value: "a" }] });
  const ids = { ...R, ResourceType: "cluster", ResourceIds: [clusterId] };
  s.handle("TagResources", { ...ids, Tags: [{ Key: "team", Value: "b" }, { Key: "cost", Value: "1" }] });
  s.handle("UntagResources", { ...ids, Tags: ["env"] });
  expect(s.handle("ListTagResources", ids).TagResources).toEqual([
    { ResourceId: clusterId, ResourceType: "cluster", TagKey: "team", TagValue: "b" },
    { ResourceId: clusterId, ResourceType: "cluster", TagKey: "cost", TagValue: "1" },
  ]);
});

test("UpdateClusterPaymentType switches the cluster and the listed groups; again is refused", () => {
  const { clusterId, groupIds } = s.seedCluster({ groups: [{ name: "core", type: "CORE", count: 2 }, { name: "task", type: "TASK", count: 1 }] });
  const req = { ...R, ClusterId: clusterId, NodeGroups: [{ NodeGroupId: groupIds.core, PaymentType: "Subscription", PaymentDuration: "1", PaymentDurationUnit: "Month" }] };
  s.handle("UpdateClusterPaymentType", req);
  expect([s.clusters.get(clusterId)!.PaymentType, s.groups.get(groupIds.core)!.PaymentType, s.groups.get(groupIds.task)!.PaymentType]).toEqual(["Subscription", "Subscription", "PayAsYouGo"]);
  expect(code(() => s.handle("UpdateClusterPaymentType", req))).toBe("OperationDenied.PaymentType");
});

test("IncreaseNodesDiskSize grows a group's data disk and refuses a shrink; ListNodeGroups reads the new size", () => {
  const { clusterId } = s.seedCluster();
  const { NodeGroupId } = s.handle("CreateNodeGroup", { ...R, ClusterId: clusterId, NodeGroup: { NodeGroupType: "TASK", NodeGroupName: "t", VSwitchIds: ["vsw-1"], DataDisks: [{ Category: "cloud_essd", Size: "80", Count: "1" }] } });
  const ng = { ...R, ClusterId: clusterId, NodeGroupId };
  s.handle("IncreaseNodesDiskSize", { ...ng, DataDiskSizes: [{ Category: "cloud_essd", Size: "120" }] });
  expect(code(() => s.handle("IncreaseNodesDiskSize", { ...ng, DataDiskSizes: [{ Category: "cloud_essd", Size: "100" }] }))).toBe("OperationDenied");
  const listed = s.handle("ListNodeGroups", { ...R, ClusterId: clusterId, NodeGroupIds: [String(NodeGroupId)] }) as { NodeGroups: { DataDisks: unknown }[] };
  expect(listed.NodeGroups[0].DataDisks).toEqual([{ Category: "cloud_essd", Size: 120, Count: 1 }]);
});

test("DeleteNodeGroup is refused while the group has running nodes, and deletes an empty one", () => {
  const { clusterId, groupIds } = s.seedCluster({ groups: [{ name: "task", type: "TASK", count: 1 }, { name: "spare", type: "TASK", count: 0 }] });
  expect(code(() => s.handle("DeleteNodeGroup", { ...R, ClusterId: clusterId, NodeGroupId: groupIds.task }))).toBe("OperationDenied.NodeGroupNotEmpty");
  s.handle("DeleteNodeGroup", { ...R, ClusterId: clusterId, NodeGroupId: groupIds.spare });
  expect(s.groups.has(groupIds.spare)).toBe(false);
});

test("bootstrap scripts: create, list, update, delete", () => {
  const { clusterId } = s.seedCluster();
  const c = { ...R, ClusterId: clusterId, ScriptType: "BOOTSTRAP" };
  const { ScriptIds } = s.handle("CreateScript", { ...c, Scripts: JSON.stringify([{ ScriptName: "init", ScriptPath: "oss://b/init.sh", Priority: 1 }]) }) as { ScriptIds: string[] };
  s.handle("UpdateScript", { ...c, ScriptId: ScriptIds[0], Script: JSON.stringify({ ScriptName: "init", ScriptPath: "oss://b/init2.sh", Priority: 1 }) });
  expect(s.handle("ListScripts", c).Scripts).toEqual([{ ScriptId: ScriptIds[0], ScriptName: "init", ScriptPath: "oss://b/init2.sh", Priority: 1 }]);
  s.handle("DeleteScript", { ...c, ScriptId: ScriptIds[0] });
  expect(s.handle("ListScripts", c).Scripts).toEqual([]);
});

test("DeleteCluster is refused while deletion protection is on; after UpdateClusterAttribute turns it off, the cluster is TERMINATED", () => {
  const { clusterId } = s.seedCluster();
  expect(code(() => s.handle("DeleteCluster", { ...R, ClusterId: clusterId }))).toBe("OperationDenied.DeletionProtection");
  s.handle("UpdateClusterAttribute", { ...R, ClusterId: clusterId, DeletionProtection: "false" });
  s.handle("DeleteCluster", { ...R, ClusterId: clusterId });
  expect(s.clusterState(s.clusters.get(clusterId)!)).toBe("TERMINATED");
});
