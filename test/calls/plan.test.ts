/**
 * The call plan against the provider's Update, step by step (reference/alicloud-emrv2-update-calls.md, checked in
 * terraform-provider-alicloud v1.285.0): each case is a before (recorded state), an after (the program) and, where it
 * matters, the live cluster; the expected calls are the provider's, in its order.
 */
import { liveFromApi, planClusterCalls, type CallPlan, type EmrCall, type ProgramCluster, type RecordedCluster } from "../../policies/rules/calls";
import { haClusterProps, devClusterProps } from "../helpers/cluster-props";

type Json = Record<string, any>;
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x));

const recorded = (inputs: Json, state: Json = inputs, extra: Partial<RecordedCluster> = {}): RecordedCluster => ({ inputs: clone(inputs), state: clone(state), id: "c-0123456789abcdef", protect: true, retainOnDelete: true, ...extra });
const program = (inputs: Json, extra: Partial<ProgramCluster> = {}): ProgramCluster => ({ inputs: clone(inputs), ignoreChanges: [], replaceOnChanges: [], protect: true, retainOnDelete: true, ...extra });
const brief = (c: EmrCall) => `${c.action}${c.group ? ` ${c.group}` : ""}${c.params.IncreaseNodeCount !== undefined ? ` +${c.params.IncreaseNodeCount}` : ""}${c.params.DecreaseNodeCount !== undefined ? ` -${c.params.DecreaseNodeCount}` : ""}${c.range ? ` ${c.range.min}..${c.range.max}` : ""}${c.possible ? " (maybe)" : ""}`;
const calls = (p: CallPlan) => p.calls.map(brief);

/** A dev cluster with an auto-scaled TASK group (2-40) listed last, recorded at 2 nodes. */
function scaledDev(): Json {
  const d = devClusterProps();
  d.nodeGroups.push({ ...clone(d.nodeGroups[1]), nodeGroupType: "TASK", nodeGroupName: "task", nodeCount: 2, autoScalingPolicy: { constraints: { minCapacity: 2, maxCapacity: 40 } } });
  d.nodeGroups[1].nodeCount = 6;
  return d;
}

describe("call plan: counts resize from the LIVE count to the planned one", () => {
  test("a core change next to an auto-scaled group: the provider also resizes task back to its state count (live 25 -> 2: DecreaseNodes 23)", () => {
    const before = scaledDev();
    const after = clone(before);
    after.nodeGroups[1].nodeCount = 8;
    const live = liveFromApi({ nodeGroups: [
      { NodeGroupName: "master", NodeGroupType: "MASTER", RunningNodeCount: 1 },
      { NodeGroupName: "core", NodeGroupType: "CORE", RunningNodeCount: 6 },
      { NodeGroupName: "task", NodeGroupType: "TASK", RunningNodeCount: 25 },
    ] });
    const plan = planClusterCalls({ cluster: "dev", before: recorded(before), after: program(after, { ignoreChanges: ["nodeGroups[2].nodeCount"] }), live });
    expect(calls(plan)).toEqual(["IncreaseNodes core +2", "DecreaseNodes task -23"]);
    expect(plan.refusals).toEqual([]);
  });

  test("offline (recorded state), the auto-scaled group's live count is a range: a DecreaseNodes of up to 38 may be sent", () => {
    const before = scaledDev();
    const after = clone(before);
    after.nodeGroups[1].nodeCount = 8;
    const plan = planClusterCalls({ cluster: "dev", before: recorded(before), after: program(after, { ignoreChanges: ["nodeGroups[2].nodeCount"] }) });
    expect(plan.liveSource).toBe("recorded-state");
    expect(calls(plan)).toEqual(["IncreaseNodes core +2", "DecreaseNodes task 1..38 (maybe)"]);
    expect(plan.unknownLiveCounts).toEqual([{ group: "task", path: "nodeGroups[2].nodeCount", target: 2, range: { min: 2, max: 40 } }]);
  });

  test("the same offline run from a state recorded right after a refresh knows task's count: nothing but core", () => {
    const before = scaledDev();
    const state = clone(before);
    state.nodeGroups[2].nodeCount = 25;
    const after = clone(before);
    after.nodeGroups[1].nodeCount = 8;
    const plan = planClusterCalls({ cluster: "dev", before: recorded(before, state), after: program(after, { ignoreChanges: ["nodeGroups[2].nodeCount"] }), refreshed: true });
    expect(calls(plan)).toEqual(["IncreaseNodes core +2"]);
    expect(plan.unknownLiveCounts).toEqual([]);
  });

  test("no node-group diff, no node-group calls: a tag edit alone never resizes the auto-scaled group", () => {
    const before = scaledDev();
    const after = clone(before);
    after.tags.team = "platform";
    const plan = planClusterCalls({ cluster: "dev", before: recorded(before), after: program(after, { ignoreChanges: ["nodeGroups[2].nodeCount"] }) });
    expect(calls(plan)).toEqual(["TagResources", "UntagResources"]);
    expect(plan.calls[1].params).toEqual({ TagKeys: ["team"], EditedValues: ["team"] });
  });

  test("removing a group listed before the auto-scaled one moves the positional ignore: task is planned at the removed group's count", () => {
    const before = scaledDev();
    before.nodeGroups.splice(2, 0, { ...clone(before.nodeGroups[1]), nodeGroupType: "TASK", nodeGroupName: "gpu", nodeCount: 0 });
    const after = clone(before);
    after.nodeGroups.splice(2, 1); // gpu (0 nodes) leaves; task moves from index 3 to 2
    const live = liveFromApi({ nodeGroups: [
      { NodeGroupName: "master", NodeGroupType: "MASTER", RunningNodeCount: 1 },
      { NodeGroupName: "core", NodeGroupType: "CORE", RunningNodeCount: 6 },
      { NodeGroupName: "gpu", NodeGroupType: "TASK", RunningNodeCount: 0 },
      { NodeGroupName: "task", NodeGroupType: "TASK", RunningNodeCount: 25 },
    ] });
    const plan = planClusterCalls({ cluster: "dev", before: recorded(before), after: program(after, { ignoreChanges: ["nodeGroups[2].nodeCount"] }), live });
    // ... and the API refuses a count of all 25 active nodes: the update stops there, before DeleteNodeGroup gpu.
    expect(calls(plan)).toEqual(["DecreaseNodes task -25"]);
    expect(plan.refusals.map((r) => r.kind)).toEqual(["apiDecreaseToZero"]);
  });

  test("a CORE group re-typed to TASK in the program: the provider checks the program's type and sends DecreaseNodes on the live CORE group", () => {
    const before = scaledDev();
    const after = clone(before);
    after.nodeGroups[1] = { ...after.nodeGroups[1], nodeGroupType: "TASK", nodeCount: 4 };
    const plan = planClusterCalls({ cluster: "dev", before: recorded(before), after: program(after, { ignoreChanges: ["nodeGroups[2].nodeCount"] }), refreshed: true });
    const dec = plan.calls.find((c) => c.action === "DecreaseNodes");
    expect(dec).toMatchObject({ group: "core", groupType: "CORE", params: { DecreaseNodeCount: 2 } });
    expect(plan.notApplied.map((n) => n.path)).toEqual(["nodeGroups[1].nodeGroupType"]);
  });
});

describe("call plan: where the provider stops halfway (tags are written first)", () => {
  test("a PayAsYouGo -> Subscription switch of the cluster alone is refused after the tags were written", () => {
    const before = devClusterProps();
    const after = clone(before);
    after.paymentType = "Subscription";
    after.subscriptionConfig = { paymentDuration: 1, paymentDurationUnit: "Month" };
    after.tags["emr-guard:ack-payment-switch"] = "PayAsYouGo->Subscription";
    const plan = planClusterCalls({ cluster: "dev", before: recorded(before), after: program(after) });
    expect(calls(plan)).toEqual(["TagResources"]);
    expect(plan.refusals.map((r) => r.source)).toEqual(["resource_alicloud_emrv2_cluster.go:2127"]);
  });

  test("the same switch with MASTER and CORE switching too: UpdateClusterPaymentType with both groups", () => {
    const before = devClusterProps();
    const after = clone(before);
    after.paymentType = "Subscription";
    after.subscriptionConfig = { paymentDuration: 1, paymentDurationUnit: "Month", autoPayOrder: true };
    for (const g of after.nodeGroups) Object.assign(g, { paymentType: "Subscription", subscriptionConfig: { paymentDuration: 1, paymentDurationUnit: "Month" } });
    const plan = planClusterCalls({ cluster: "dev", before: recorded(before), after: program(after), refreshed: true });
    expect(calls(plan)).toEqual(["UpdateClusterPaymentType"]);
    expect(plan.calls[0].params.NodeGroups).toEqual([
      { NodeGroupName: "master", NodeGroupType: "MASTER", PaymentType: "Subscription", PaymentDuration: 1, PaymentDurationUnit: "Month" },
      { NodeGroupName: "core", NodeGroupType: "CORE", PaymentType: "Subscription", PaymentDuration: 1, PaymentDurationUnit: "Month" },
    ]);
    expect(plan.calls[0].params.AutoPayOrder).toBe(true);
  });

  test("Subscription -> PayAsYouGo is refused (2124)", () => {
    const before = haClusterProps();
    const after = clone(before);
    after.paymentType = "PayAsYouGo";
    const plan = planClusterCalls({ cluster: "prod", before: recorded(before), after: program(after) });
    expect(plan.refusals.map((r) => r.message)).toEqual(["EMR cluster can only change paymentType from PayAsYouGo to Subscription."]);
  });

  test("a group removed while it has running nodes stops the update after the first loop's calls (its resizes are never sent)", () => {
    const before = devClusterProps();
    before.nodeGroups.push({ ...clone(before.nodeGroups[1]), nodeGroupType: "TASK", nodeGroupName: "task", nodeCount: 4 });
    const after = clone(before);
    after.nodeGroups.pop();
    after.nodeGroups[1].nodeCount = 3;
    after.nodeGroups[1].dataDisks = [{ category: "cloud_essd", size: 200 }];
    const plan = planClusterCalls({ cluster: "dev", before: recorded(before), after: program(after), refreshed: true });
    expect(calls(plan)).toEqual(["IncreaseNodesDiskSize core"]);
    expect(plan.refusals.map((r) => r.message)).toEqual(["The [nodeGroup: task, nodeGroupType: TASK] can not delete cause exists running nodes"]);
  });

  test("a data disk shrink is refused (2409); other groups' calls of that loop may have been sent", () => {
    const before = devClusterProps();
    const after = clone(before);
    after.nodeGroups[1].dataDisks = [{ category: "cloud_essd", size: 80 }];
    after.nodeGroups[0].autoScalingPolicy = undefined;
    const plan = planClusterCalls({ cluster: "dev", before: recorded(before), after: program(after), refreshed: true });
    expect(plan.refusals.map((r) => [r.group, r.source])).toEqual([["core", "resource_alicloud_emrv2_cluster.go:2409"]]);
  });

  test("MASTER scale-out is refused (2364)", () => {
    const before = devClusterProps();
    const after = clone(before);
    after.nodeGroups[0].nodeCount = 2;
    const plan = planClusterCalls({ cluster: "dev", before: recorded(before), after: program(after), refreshed: true });
    expect(plan.refusals.map((r) => r.group)).toEqual(["master"]);
    expect(plan.calls).toEqual([]);
  });
});

describe("call plan: new groups, removals, policies", () => {
  test("a new group: CreateNodeGroup with NodeCount, then IncreaseNodes by the same count", () => {
    const before = devClusterProps();
    const after = clone(before);
    after.nodeGroups.push({ ...clone(before.nodeGroups[1]), nodeGroupType: "TASK", nodeGroupName: "adhoc", nodeCount: 5 });
    const plan = planClusterCalls({ cluster: "dev", before: recorded(before), after: program(after), refreshed: true });
    expect(calls(plan)).toEqual(["CreateNodeGroup adhoc", "IncreaseNodes adhoc +5"]);
    expect(plan.calls[0].params.NodeGroup).toMatchObject({ NodeGroupName: "adhoc", NodeGroupType: "TASK", NodeCount: 5 });
  });

  test("an empty group leaves: DeleteNodeGroup after the resizes", () => {
    const before = devClusterProps();
    before.nodeGroups.push({ ...clone(before.nodeGroups[1]), nodeGroupType: "TASK", nodeGroupName: "task", nodeCount: 0 });
    const after = clone(before);
    after.nodeGroups.pop();
    after.nodeGroups[1].nodeCount = 3;
    const plan = planClusterCalls({ cluster: "dev", before: recorded(before), after: program(after), refreshed: true });
    expect(calls(plan)).toEqual(["IncreaseNodes core +1", "DeleteNodeGroup task"]);
  });

  test("a group added by hand in the console (live, not in state or program) blocks every node-group update while it has nodes", () => {
    const before = devClusterProps();
    const after = clone(before);
    after.nodeGroups[1].nodeCount = 3;
    const live = liveFromApi({ nodeGroups: [
      { NodeGroupName: "master", NodeGroupType: "MASTER", RunningNodeCount: 1 },
      { NodeGroupName: "core", NodeGroupType: "CORE", RunningNodeCount: 2 },
      { NodeGroupName: "hand-made", NodeGroupType: "TASK", RunningNodeCount: 3 },
    ] });
    const plan = planClusterCalls({ cluster: "dev", before: recorded(before), after: program(after), live });
    expect(plan.refusals.map((r) => r.group)).toEqual(["hand-made"]);
  });

  test("a replaced policy: PutAutoScalingPolicy of the whole policy; a removed one: RemoveAutoScalingPolicy", () => {
    const before = scaledDev();
    const put = clone(before);
    put.nodeGroups[2].autoScalingPolicy = { constraints: { minCapacity: 2, maxCapacity: 60 } };
    expect(calls(planClusterCalls({ cluster: "dev", before: recorded(before), after: program(put, { ignoreChanges: ["nodeGroups[2].nodeCount"] }), refreshed: true }))).toEqual(["PutAutoScalingPolicy task"]);
    const removed = clone(before);
    delete removed.nodeGroups[2].autoScalingPolicy;
    expect(calls(planClusterCalls({ cluster: "dev", before: recorded(before), after: program(removed), refreshed: true }))).toEqual(["RemoveAutoScalingPolicy task"]);
  });
});

describe("call plan: what never reaches the cluster, and what replaces it", () => {
  test("securityMode, applicationConfigs, a group's instance types and system disk: no call, listed as not applied", () => {
    const before = haClusterProps();
    const after = clone(before);
    after.securityMode = "NORMAL";
    after.nodeGroups[1].instanceTypes = ["ecs.g7.2xlarge"];
    after.nodeGroups[1].systemDisk = { category: "cloud_essd", size: 200 };
    const plan = planClusterCalls({ cluster: "prod", before: recorded(before), after: program(after, { ignoreChanges: ["nodeGroups[2].nodeCount"] }), refreshed: true });
    expect(plan.notApplied.map((n) => n.path).sort()).toEqual(["nodeGroups[1].instanceTypes", "nodeGroups[1].systemDisk", "securityMode"]);
  });

  test("a protected cluster whose releaseVersion changes: the preview fails, nothing is sent", () => {
    const before = devClusterProps();
    const after = clone(before);
    after.releaseVersion = "EMR-5.17.0";
    const plan = planClusterCalls({ cluster: "dev", before: recorded(before), after: program(after) });
    expect(plan.operation).toBe("replace");
    expect(plan.previewErrors.map((e) => e.kind)).toEqual(["protected-replacement"]);
    expect(plan.calls).toEqual([]);
  });

  test("a replaceOnChanges path (the component's securityMode) on a protected cluster fails the preview too", () => {
    const before = haClusterProps();
    const after = clone(before);
    after.securityMode = "NORMAL";
    const plan = planClusterCalls({ cluster: "prod", before: recorded(before), after: program(after, { replaceOnChanges: ["securityMode", "resourceGroupId"] }) });
    expect(plan.replacements.map((r) => [r.path, r.by])).toEqual([["securityMode", "option"]]);
    expect(plan.previewErrors).toHaveLength(1);
  });

  test("a resourceGroupId edit (the component's other replaceOnChanges path) on a protected cluster fails the preview too", () => {
    const before = { ...haClusterProps(), resourceGroupId: "rg-acfmaaaaaaaaaaa" };
    const after = { ...clone(before), resourceGroupId: "rg-acfmbbbbbbbbbbb" };
    const plan = planClusterCalls({ cluster: "prod", before: recorded(before), after: program(after, { replaceOnChanges: ["securityMode", "resourceGroupId"] }) });
    expect(plan.operation).toBe("replace");
    expect(plan.replacements.map((r) => [r.path, r.by])).toEqual([["resourceGroupId", "option"]]);
    expect(plan.previewErrors.map((e) => [e.kind, e.path])).toEqual([["protected-replacement", "resourceGroupId"]]);
    expect(plan.calls).toEqual([]);
  });

  test("a replaceOnChanges field the program leaves out (Optional+Computed: the provider keeps the cluster's value, so it reports no diff) replaces nothing", () => {
    const before: Json = { ...haClusterProps(), resourceGroupId: "rg-acfmaaaaaaaaaaa" };
    const after = clone(before);
    delete after.resourceGroupId;
    delete after.securityMode;
    const plan = planClusterCalls({ cluster: "prod", before: recorded(before), after: program(after, { replaceOnChanges: ["securityMode", "resourceGroupId"], ignoreChanges: ["nodeGroups[2].nodeCount"] }), refreshed: true });
    expect(plan).toMatchObject({ operation: "same", replacements: [], previewErrors: [], notApplied: [] });
  });

  test("an unchanged cluster is `same`: no calls, nothing listed", () => {
    const before = devClusterProps();
    const plan = planClusterCalls({ cluster: "dev", before: recorded(before), after: program(before) });
    expect(plan).toMatchObject({ operation: "same", calls: [], refusals: [], notApplied: [], unknown: [] });
  });

  test("leaving the program: retainOnDelete sends nothing; without it, DeleteCluster", () => {
    const before = devClusterProps();
    expect(planClusterCalls({ cluster: "dev", before: recorded(before, before, { protect: false }) })).toMatchObject({ operation: "retain", calls: [] });
    expect(calls(planClusterCalls({ cluster: "dev", before: recorded(before, before, { protect: false, retainOnDelete: false }) }))).toEqual(["DeleteCluster"]);
  });
});
