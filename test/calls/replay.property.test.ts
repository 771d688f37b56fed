/**
 * Property: for random before/after pairs, the calls the model predicts, replayed on the emulator in the model's order,
 * leave the live cluster in the after state: every planned group at its planned count (an ignored count at the
 * state's), the dropped groups deleted, the tags, deletion protection and policies as planned. Where the model
 * predicts that `pulumi up` stops halfway, the replay of the calls sent before it never fails earlier than predicted,
 * and the API's own refusal is the one predicted. Fixed seed: deterministic.
 */
import fc from "fast-check";
import { liveFromApi, planClusterCalls, type CallPlan, type EmrCall } from "../../policies/rules/calls";
import { VirtualClock } from "../emulator/clock";
import { ParamError } from "../emulator/params";
import { EmulatorState } from "../emulator/state";

const R = { RegionId: "cn-hangzhou" };
const RUNS = 400;
type Json = Record<string, any>;

const policyOf = (max: number) => ({ constraints: { minCapacity: 1, maxCapacity: max }, scalingRules: [] });
/** API casing of a provider-shaped policy (what the provider's adaptAutoScalingPolicyRequest sends). */
const apiPolicy = (p: Json | undefined) => p && { Constraints: { MinCapacity: p.constraints.minCapacity, MaxCapacity: p.constraints.maxCapacity }, ScalingRules: p.scalingRules };

const group = (type: string, name: string, count: number, policy?: Json): Json => ({ nodeGroupType: type, nodeGroupName: name, nodeCount: count, paymentType: "PayAsYouGo", ...(policy ? { autoScalingPolicy: policy } : {}) });

const before = fc.record({
  core: fc.integer({ min: 1, max: 6 }),
  tasks: fc.array(fc.record({ count: fc.integer({ min: 0, max: 12 }), scaled: fc.boolean() }), { maxLength: 3 }),
  tags: fc.dictionary(fc.constantFrom("team", "env", "owner"), fc.constantFrom("a", "b"), { maxKeys: 2 }),
  protection: fc.boolean(),
});
const edits = fc.record({
  core: fc.integer({ min: -1, max: 8 }),
  taskDelta: fc.array(fc.integer({ min: -12, max: 12 }), { minLength: 3, maxLength: 3 }),
  dropTask: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
  addTask: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
  policyMax: fc.option(fc.integer({ min: 10, max: 40 }), { nil: undefined }),
  tags: fc.dictionary(fc.constantFrom("team", "env", "cost"), fc.constantFrom("a", "b", "c"), { maxKeys: 3 }),
  protection: fc.boolean(),
  liveDrift: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 3, maxLength: 3 }),
});

function inputsOf(b: { core: number; tasks: { count: number; scaled: boolean }[]; tags: Record<string, string>; protection: boolean }): Json {
  return {
    clusterName: "lake", paymentType: "PayAsYouGo", deletionProtection: b.protection, tags: b.tags,
    nodeGroups: [group("MASTER", "master", 1), group("CORE", "core", b.core), ...b.tasks.map((t, i) => group("TASK", `task${i}`, t.count, t.scaled ? policyOf(30) : undefined))],
  };
}

function afterOf(b: Json, e: Json): Json {
  const groups: Json[] = b.nodeGroups.map((g: Json) => ({ ...g }));
  groups[1].nodeCount = Math.max(0, g1(groups[1].nodeCount + e.core));
  groups.slice(2).forEach((g, i) => (g.nodeCount = Math.max(0, g.nodeCount + e.taskDelta[i])));
  if (e.policyMax !== undefined && groups[2]) groups[2].autoScalingPolicy = policyOf(e.policyMax);
  const kept = e.dropTask !== undefined && groups[2 + e.dropTask] ? groups.filter((_, i) => i !== 2 + e.dropTask) : groups;
  if (e.addTask !== undefined) kept.push(group("TASK", "added", e.addTask));
  return { ...b, deletionProtection: e.protection, tags: e.tags, nodeGroups: kept };
}
const g1 = (n: number) => n;

/** The live cluster: the recorded one, with auto-scaled groups moved by the autoscaler (`liveDrift`). */
function seed(s: EmulatorState, b: Json, drift: number[]) {
  const tags = Object.entries(b.tags as Record<string, string>).map(([Key, Value]) => ({ Key, Value }));
  return s.seedCluster({
    name: "lake", deletionProtection: b.deletionProtection, tags,
    groups: b.nodeGroups.map((g: Json, i: number) => ({ name: g.nodeGroupName, type: g.nodeGroupType, count: g.autoScalingPolicy ? Math.max(1, Math.min(30, g.nodeCount + drift[i - 2] )) : g.nodeCount, ...(g.autoScalingPolicy ? { autoScalingPolicy: apiPolicy(g.autoScalingPolicy) } : {}) })),
  });
}

/** One call as the provider sends it to the API (group names become the live IDs). */
function send(s: EmulatorState, clusterId: string, c: EmrCall, ids: Map<string, string>): void {
  const ng = { ...R, ClusterId: clusterId, ...(c.group && ids.has(c.group) ? { NodeGroupId: ids.get(c.group) } : {}) };
  const cluster = { ...R, ResourceType: "cluster", ResourceIds: [clusterId] };
  switch (c.action) {
    case "TagResources": s.handle("TagResources", { ...cluster, Tags: c.params.Tags }); return;
    case "UntagResources": s.handle("UntagResources", { ...cluster, TagKeys: c.params.TagKeys }); return;
    case "UpdateClusterAttribute": s.handle("UpdateClusterAttribute", { ...R, ClusterId: clusterId, ...Object.fromEntries(Object.entries(c.params).map(([k, v]) => [k, String(v)])) }); return;
    case "PutAutoScalingPolicy": s.handle("PutAutoScalingPolicy", { ...ng, ...apiPolicy({ constraints: c.params.Constraints, scalingRules: c.params.ScalingRules }) }); return;
    case "RemoveAutoScalingPolicy": s.handle("RemoveAutoScalingPolicy", ng); return;
    case "CreateNodeGroup": {
      const g = c.params.NodeGroup as Json;
      const { NodeGroupId } = s.handle("CreateNodeGroup", { ...R, ClusterId: clusterId, NodeGroup: { NodeGroupName: g.NodeGroupName, NodeGroupType: g.NodeGroupType, PaymentType: g.PaymentType, NodeCount: String(g.NodeCount ?? 0), InstanceTypes: ["ecs.g7.xlarge"], VSwitchIds: ["vsw-1"] } });
      ids.set(String(g.NodeGroupName), String(NodeGroupId));
      return;
    }
    case "IncreaseNodes": s.handle("IncreaseNodes", { ...ng, NodeGroupId: ids.get(String(c.group)), IncreaseNodeCount: String(c.params.IncreaseNodeCount) }); return;
    case "DecreaseNodes": s.handle("DecreaseNodes", { ...ng, DecreaseNodeCount: String(c.params.DecreaseNodeCount) }); return;
    case "DeleteNodeGroup": s.handle("DeleteNodeGroup", ng); return;
    default: throw new Error(`the replay has no mapping for ${c.action}`);
  }
}

test(`${RUNS} random changes: the predicted calls, replayed on the emulator, leave the cluster as planned (or stop where predicted)`, () => {
  let completed = 0;
  let stopped = 0;
  fc.assert(
    fc.property(before, edits, (b0, e) => {
      const clock = new VirtualClock();
      const s = new EmulatorState(clock, { creationMs: 60_000, scalingMs: 60_000 });
      const b = inputsOf(b0);
      const a = afterOf(b, e);
      const { clusterId, groupIds } = seed(s, b, e.liveDrift);
      const ids = new Map(Object.entries(groupIds));
      const read = () => ({ groups: s.handle("ListNodeGroups", { ...R, ClusterId: clusterId }).NodeGroups as Json[], tags: s.handle("ListTagResources", { ...R, ResourceType: "cluster", ResourceIds: [clusterId] }).TagResources as Json[] });
      const liveNow = read();
      const ignore = a.nodeGroups.flatMap((g: Json, i: number) => (g.autoScalingPolicy ? [`nodeGroups[${i}].nodeCount`] : []));
      const plan: CallPlan = planClusterCalls({
        cluster: "lake",
        before: { inputs: b, state: b, id: clusterId, protect: true, retainOnDelete: true },
        after: { inputs: a, ignoreChanges: ignore, replaceOnChanges: [], protect: true, retainOnDelete: true },
        live: liveFromApi({ nodeGroups: liveNow.groups as never, tags: liveNow.tags as never }),
      });
      // Replay what the model says is sent (a "maybe" call of another group before a refusal is left out).
      const apiRefused = new Set(plan.refusals.filter((r) => r.kind === "apiDecreaseToZero").map((r) => r.group));
      for (const c of plan.calls.filter((x) => !x.possible)) {
        try {
          send(s, clusterId, c, ids);
        } catch (err) {
          // The only API error a replay may meet is one the model predicted, on that very call; the provider stops there.
          if (!(err instanceof ParamError) || c.action !== "DecreaseNodes" || !apiRefused.has(c.group)) throw new Error(`${c.action} ${c.group ?? ""}: ${String(err)} (plan: ${JSON.stringify(plan.calls.map((x) => x.action + " " + (x.group ?? "")))})`);
          break;
        }
        clock.advance(120_000);
      }
      if (plan.refusals.length) {
        stopped++;
        return;
      }
      completed++;
      const live = read();
      // Each planned group at its planned count (the program's, or for an ignored count the state's) once the provider
      // ran its node-group phase (any node-group call); without one, no group was resized.
      const phase = plan.calls.some((c) => c.group !== undefined);
      for (const [i, g] of (a.nodeGroups as Json[]).entries()) {
        const before = liveNow.groups.find((x) => x.NodeGroupName === g.nodeGroupName)?.RunningNodeCount;
        const plannedCount = ignore.includes(`nodeGroups[${i}].nodeCount`) ? (b.nodeGroups as Json[])[i]?.nodeCount ?? g.nodeCount : g.nodeCount;
        const want = phase || before === undefined ? plannedCount : before;
        const got = live.groups.find((x) => x.NodeGroupName === g.nodeGroupName);
        if (!got || got.RunningNodeCount !== want) throw new Error(`group ${g.nodeGroupName}: live ${got?.RunningNodeCount} nodes, planned ${want} (calls: ${plan.calls.map((x) => `${x.action} ${x.group ?? ""} ${JSON.stringify(x.params.IncreaseNodeCount ?? x.params.DecreaseNodeCount ?? "")}`).join("; ")})`);
      }
      const planned = new Set((a.nodeGroups as Json[]).map((g) => g.nodeGroupName));
      const extra = live.groups.filter((g) => !planned.has(g.NodeGroupName));
      if (extra.length) throw new Error(`groups left that the program dropped: ${extra.map((g) => g.NodeGroupName).join(", ")}`);
      // Tags: the program's, except keys whose value it edited (the provider untags what it has just written).
      const edited = new Set(Object.keys(a.tags).filter((k) => k in b.tags && b.tags[k] !== a.tags[k]));
      const want = Object.fromEntries(Object.entries(a.tags as Record<string, string>).filter(([k]) => !edited.has(k)));
      const got = Object.fromEntries(live.tags.map((t) => [t.TagKey, t.TagValue]));
      expect(got).toEqual(want);
      const cluster = s.handle("GetCluster", { ...R, ClusterId: clusterId }).Cluster as Json;
      expect(cluster.DeletionProtection).toBe(a.deletionProtection);
    }),
    { seed: 20261202, numRuns: RUNS },
  );
  // Both kinds of plan were exercised.
  console.log(`call plan replay: ${completed} plans replayed to the after state, ${stopped} stopped where the model said`);
  expect(completed).toBeGreaterThan(RUNS / 4);
  expect(stopped).toBeGreaterThan(10);
});
