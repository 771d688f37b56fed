/** The step-level change rules (one scale-out, one scale-in, one policy change, protection off) and the acknowledgements. */
import { DEFAULT_LIMITS } from "../../policies/rules/domain";
import { UNKNOWN } from "../../policies/rules/types";
import {
  canonicalJson, checkAutoScalingChange, checkClusterTotal, checkDeletionProtectionChange, checkScaleInStep, checkScaleOutStep,
  hasAck, parseAcks, policyFingerprint, renderAck, stepPlan, type ChangeFinding,
} from "../../policies/rules/change";

const ctx = (tags: Record<string, unknown> = {}) => ({ limits: DEFAULT_LIMITS, acks: parseAcks(tags) });
const out = (cluster = "analytics", group = "core") => ({ cluster, group, groupType: "CORE", newGroup: false });
const only = (fs: ChangeFinding[]): ChangeFinding => {
  expect(fs).toHaveLength(1);
  return fs[0];
};

describe("acknowledgements: one entry approves one named change", () => {
  test("parses every form, comma-separated, into canonical entries", () => {
    const acks = parseAcks({
      "emr-guard:ack-scale-out": "core:40->65, task:0 -> 25",
      "emr-guard:ack-task-to-zero": "task:6->0",
      "emr-guard:ack-payment-switch": "PayAsYouGo->Subscription",
      "emr-guard:ack-new-cluster": "analytics-2",
      "emr-guard:ack-auto-scaling": "task:remove,spot:replace:1a2b3c4d",
      "emr-guard:ack-node-count": "40",
      "emr-guard:ack-cluster-nodes": 150,
    });
    expect(acks).toEqual({
      unknown: false,
      nodeCount: 40,
      clusterNodes: 150,
      malformed: [],
      entries: [
        { kind: "scaleOut", value: "core:40->65" },
        { kind: "scaleOut", value: "task:0->25" },
        { kind: "taskToZero", value: "task:6->0" },
        { kind: "paymentSwitch", value: "PayAsYouGo->Subscription" },
        { kind: "newCluster", value: "analytics-2" },
        { kind: "autoScaling", value: "task:remove" },
        { kind: "autoScaling", value: "spot:replace:1a2b3c4d" },
      ],
    });
  });
  test('the old ack-task-to-zero "true" is refused with the new form', () => {
    expect(parseAcks({ "emr-guard:ack-task-to-zero": "true" }).malformed).toEqual([
      { tag: "emr-guard:ack-task-to-zero", entry: "true", reason: '"true" approved every later change; an entry now names the one change it approves', example: "task:6->0" },
    ]);
  });
  test("wrong forms are malformed, never thrown: a scale-out that shrinks, a switch to the same type, a bad fingerprint", () => {
    const acks = parseAcks({ "emr-guard:ack-scale-out": "core:65->40", "emr-guard:ack-payment-switch": "Subscription->Subscription", "emr-guard:ack-auto-scaling": "task:replace:XYZ", "emr-guard:ack-node-count": "lots" });
    expect(acks.entries).toEqual([]);
    expect(acks.malformed.map((m) => m.entry)).toEqual(["lots", "core:65->40", "Subscription->Subscription", "task:replace:XYZ"]);
  });
  test("unknown tags (preview) make the acknowledgements unknown; non-objects give none", () => {
    expect(parseAcks(UNKNOWN).unknown).toBe(true);
    expect(parseAcks({ "emr-guard:ack-scale-out": UNKNOWN }).unknown).toBe(true);
    expect(parseAcks("core:40->65")).toEqual({ unknown: false, entries: [], malformed: [] });
  });
  test("end-state numbers cover any value up to theirs; named entries only their own change", () => {
    const acks = parseAcks({ "emr-guard:ack-node-count": "40", "emr-guard:ack-scale-out": "core:40->65" });
    expect(hasAck(acks, { kind: "nodeCount", value: "35" })).toBe(true);
    expect(hasAck(acks, { kind: "nodeCount", value: "41" })).toBe(false);
    expect(hasAck(acks, { kind: "scaleOut", value: "core:40->65" })).toBe(true);
    expect(hasAck(acks, { kind: "scaleOut", value: "core:65->90" })).toBe(false);
  });
  test("renderAck prints the tag, the exact value and the spec field", () => {
    expect(renderAck({ kind: "scaleOut", value: "core:40->65" })).toBe('the tag emr-guard:ack-scale-out: "core:40->65", one comma-separated entry among others (acknowledgements.scaleOut: ["core:40->65"] in the EmrCluster spec)');
    expect(renderAck({ kind: "clusterNodes", value: "120" })).toBe('the tag emr-guard:ack-cluster-nodes: "120" (acknowledgements.clusterNodes: 120 in the EmrCluster spec)');
  });
  test("policyFingerprint: 8 hex, the same for the provider's and the API's spelling, key order and nulls ignored", () => {
    const provider = { scalingRules: [{ ruleName: "up", adjustmentValue: 2 }], constraints: { minCapacity: 2, maxCapacity: 40 } };
    const api = { Constraints: { MaxCapacity: 40, MinCapacity: 2 }, ScalingRules: [{ AdjustmentValue: 2, RuleName: "up", TimeTrigger: null }] };
    expect(policyFingerprint(provider)).toMatch(/^[0-9a-f]{8}$/);
    expect(policyFingerprint(api)).toBe(policyFingerprint(provider));
    expect(canonicalJson(api)).toBe('{"constraints":{"maxCapacity":40,"minCapacity":2},"scalingRules":[{"adjustmentValue":2,"ruleName":"up"}]}');
    expect(policyFingerprint({ ...provider, constraints: { minCapacity: 2, maxCapacity: 41 } })).not.toBe(policyFingerprint(provider));
  });
});

describe("checkScaleOutStep: ≤ 50 per update, > 20 acknowledged, never MASTER", () => {
  test("passing: +20 needs nothing; +25 with its own acknowledgement", () => {
    expect(checkScaleOutStep({ ...out(), from: 40, to: 60 }, ctx())).toEqual([]);
    expect(checkScaleOutStep({ ...out(), from: 40, to: 65 }, ctx({ "emr-guard:ack-scale-out": "core:40->65" }))).toEqual([]);
  });
  test("failing: +25 without acknowledgement names the cluster, group, values and the exact ack", () => {
    expect(only(checkScaleOutStep({ ...out(), from: 40, to: 65 }, ctx()))).toEqual({
      rule: "emr-change-scale-out",
      level: "mandatory",
      cluster: "analytics",
      group: "core",
      path: 'nodeGroups[name="core"].nodeCount',
      message: 'cluster "analytics": node group "core" (CORE) grows 40 → 65 (+25): a scale-out above 20 nodes in one update needs an acknowledgement of this change',
      fix: 'acknowledge it with the tag emr-guard:ack-scale-out: "core:40->65", one comma-separated entry among others (acknowledgements.scaleOut: ["core:40->65"] in the EmrCluster spec), or step it: 40 -> 60 -> 65',
      ack: { kind: "scaleOut", value: "core:40->65" },
    });
  });
  test("failing: an acknowledgement of another change (stale) approves nothing", () => {
    expect(only(checkScaleOutStep({ ...out(), from: 65, to: 90 }, ctx({ "emr-guard:ack-scale-out": "core:40->65" }))).ack).toEqual({ kind: "scaleOut", value: "core:65->90" });
  });
  test("failing: +51 is refused whatever is acknowledged, with the steps", () => {
    const f = only(checkScaleOutStep({ ...out(), from: 40, to: 91 }, ctx({ "emr-guard:ack-scale-out": "core:40->91" })));
    expect(f.message).toBe('cluster "analytics": node group "core" (CORE) grows 40 → 91 (+51): one update adds at most 50 nodes');
    expect(f.fix).toBe("step it: 40 -> 90 -> 91, one update each (a size reached by steps is fine)");
    expect(f.ack).toBeUndefined();
  });
  test("passing: the 50-per-group cap never applies to a size reached by steps (90 -> 100)", () => {
    expect(checkScaleOutStep({ ...out(), from: 90, to: 100 }, ctx())).toEqual([]);
  });
  test("failing: a MASTER group never scales out", () => {
    expect(only(checkScaleOutStep({ ...out("a", "master"), groupType: "MASTER", from: 3, to: 4 }, ctx())).message).toBe('cluster "a": node group "master" (MASTER) grows 3 → 4 (+1): MASTER groups never scale out');
  });
  test("new group: 25 nodes is a scale-out from 0 (acknowledged as task:0->25); 20 passes", () => {
    const g = { cluster: "a", group: "task", groupType: "TASK", newGroup: true, from: 0 };
    expect(checkScaleOutStep({ ...g, to: 20 }, ctx())).toEqual([]);
    expect(only(checkScaleOutStep({ ...g, to: 25 }, ctx())).ack).toEqual({ kind: "scaleOut", value: "task:0->25" });
    expect(checkScaleOutStep({ ...g, to: 25 }, ctx({ "emr-guard:ack-scale-out": "task:0->25" }))).toEqual([]);
  });
  test("new group: above 30 also needs ack-node-count; above 50 is refused at creation", () => {
    const g = { cluster: "a", group: "task", groupType: "TASK", newGroup: true, from: 0 };
    expect(checkScaleOutStep({ ...g, to: 35 }, ctx({ "emr-guard:ack-scale-out": "task:0->35" })).map((f) => f.ack)).toEqual([{ kind: "nodeCount", value: "35" }]);
    expect(checkScaleOutStep({ ...g, to: 35 }, ctx({ "emr-guard:ack-scale-out": "task:0->35", "emr-guard:ack-node-count": "35" }))).toEqual([]);
    const big = checkScaleOutStep({ ...g, to: 51 }, ctx({ "emr-guard:ack-node-count": "60" }));
    expect(only(big).message).toBe('cluster "a": node group "task" (TASK) is created with 51 nodes: a node group is created with at most 50 nodes and one update adds at most 50 nodes');
  });
  test("cluster total: growing above 100 needs the cost acknowledgement of the new total", () => {
    expect(only(checkScaleOutStep({ ...out(), from: 40, to: 50, clusterTotalBefore: 95 }, ctx())).ack).toEqual({ kind: "clusterNodes", value: "105" });
    expect(checkScaleOutStep({ ...out(), from: 40, to: 50, clusterTotalBefore: 95 }, ctx({ "emr-guard:ack-cluster-nodes": "105" }))).toEqual([]);
    expect(checkClusterTotal({ cluster: "a", totalBefore: 120, totalAfter: 110 }, ctx())).toEqual([]);
  });
});

describe("checkScaleInStep: TASK/GATEWAY only, ≤ 10 per update, never Subscription, to 0 acknowledged", () => {
  const task = { cluster: "analytics", group: "task", groupType: "TASK" };
  test("passing: TASK 20 -> 10 and GATEWAY 3 -> 2", () => {
    expect(checkScaleInStep({ ...task, from: 20, to: 10 }, ctx())).toEqual([]);
    expect(checkScaleInStep({ ...task, group: "gw", groupType: "GATEWAY", from: 3, to: 2 }, ctx())).toEqual([]);
  });
  test("failing: a CORE group is never scaled in", () => {
    expect(only(checkScaleInStep({ cluster: "analytics", group: "core", groupType: "CORE", from: 10, to: 8 }, ctx())).message).toBe('cluster "analytics": node group "core" (CORE) shrinks 10 → 8 (-2): only TASK and GATEWAY groups are scaled in (a CORE node holds data or services)');
  });
  test("failing: Subscription nodes are never released", () => {
    expect(only(checkScaleInStep({ ...task, paymentType: "Subscription", from: 10, to: 8 }, ctx())).fix).toBe("keep nodeCount at 10; scale in a PayAsYouGo TASK group instead");
  });
  test("failing: -11 in one update, with the steps", () => {
    expect(only(checkScaleInStep({ ...task, from: 21, to: 10 }, ctx())).fix).toBe("step it: 21 -> 11 -> 10, one update each, at least 120 s apart");
  });
  test("failing: to 0 without the acknowledgement of task:6->0 (a leftover \"true\" approves nothing)", () => {
    const f = only(checkScaleInStep({ ...task, from: 6, to: 0 }, ctx({ "emr-guard:ack-task-to-zero": "true" })));
    expect(f.ack).toEqual({ kind: "taskToZero", value: "task:6->0" });
    expect(f.fix).toContain('emr-guard:ack-task-to-zero: "task:6->0"');
  });
  test("passing: to 0 with task:6->0", () => {
    expect(checkScaleInStep({ ...task, from: 6, to: 0 }, ctx({ "emr-guard:ack-task-to-zero": "task:6->0" }))).toEqual([]);
  });
});

describe("checkAutoScalingChange: cap, removal and replacement acknowledged, old and new rules shown", () => {
  const before = { scalingRules: [{ ruleName: "cpu-up", activityType: "SCALE_OUT", adjustmentValue: 2, triggerType: "METRICS_TRIGGER" }], constraints: { minCapacity: 2, maxCapacity: 40 } };
  const after = { ...before, constraints: { minCapacity: 2, maxCapacity: 60 } };
  test("passing: a new policy within the cap; the same policy in the API's spelling", () => {
    expect(checkAutoScalingChange({ cluster: "a", group: "task", after: before }, ctx())).toEqual([]);
    expect(checkAutoScalingChange({ cluster: "a", group: "task", before, after: { Constraints: { MinCapacity: 2, MaxCapacity: 40 }, ScalingRules: before.scalingRules } }, ctx())).toEqual([]);
  });
  test("failing: MaxCapacity above 100; a policy without MaxCapacity is the API's 2000", () => {
    expect(only(checkAutoScalingChange({ cluster: "a", group: "task", after: { ...before, constraints: { maxCapacity: 101 } } }, ctx())).path).toBe('nodeGroups[name="task"].autoScalingPolicy.constraints.maxCapacity');
    expect(only(checkAutoScalingChange({ cluster: "a", group: "task", after: { scalingRules: [] } }, ctx())).message).toBe('cluster "a": node group "task": the auto-scaling policy has no MaxCapacity (the API\'s default is 2000), above the cap of 100');
  });
  test("failing: removed, showing the old rules; passing with task:remove", () => {
    const f = only(checkAutoScalingChange({ cluster: "a", group: "task", before }, ctx()));
    expect(f.message).toBe('cluster "a": node group "task": the auto-scaling policy is removed (was 2–40, rules: [cpu-up: SCALE_OUT 2 (METRICS_TRIGGER)]); the group stays at its current size');
    expect(checkAutoScalingChange({ cluster: "a", group: "task", before }, ctx({ "emr-guard:ack-auto-scaling": "task:remove" }))).toEqual([]);
  });
  test("failing: replaced, showing old and new; passing with the fingerprint of the new policy", () => {
    const fp = policyFingerprint(after);
    const f = only(checkAutoScalingChange({ cluster: "a", group: "task", before, after }, ctx()));
    expect(f.message).toBe('cluster "a": node group "task": the auto-scaling policy is replaced as a whole: old 2–40, rules: [cpu-up: SCALE_OUT 2 (METRICS_TRIGGER)]; new 2–60, rules: [cpu-up: SCALE_OUT 2 (METRICS_TRIGGER)]');
    expect(f.ack).toEqual({ kind: "autoScaling", value: `task:replace:${fp}` });
    expect(checkAutoScalingChange({ cluster: "a", group: "task", before, after }, ctx({ "emr-guard:ack-auto-scaling": `task:replace:${fp}` }))).toEqual([]);
  });
});

describe("checkDeletionProtectionChange: true → false only alone", () => {
  test("passing: off as the sole change; staying on", () => {
    expect(checkDeletionProtectionChange({ cluster: "a", before: true, after: false, otherChangedPaths: [] }, ctx())).toEqual([]);
    expect(checkDeletionProtectionChange({ cluster: "a", before: true, after: true, otherChangedPaths: ["clusterName"] }, ctx())).toEqual([]);
  });
  test("failing: off together with a rename", () => {
    const f = only(checkDeletionProtectionChange({ cluster: "a", before: true, after: false, otherChangedPaths: ["clusterName"] }, ctx()));
    expect(f).toMatchObject({ path: "deletionProtection", message: 'cluster "a": deletionProtection true → false together with other changes (clusterName)' });
  });
});

test("stepPlan: steps of at most the size, either way", () => {
  expect(stepPlan(40, 100, 50)).toBe("40 -> 90 -> 100");
  expect(stepPlan(30, 0, 10)).toBe("30 -> 20 -> 10 -> 0");
});
