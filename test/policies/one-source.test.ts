/**
 * Numbers and logic written once: the pack's view and the change rules' snapshot read a value the same way (one set
 * of primitive readers), and the pack's cluster total is the call plan's and the gates' (one weight per group).
 */
import fc from "fast-check";
import { clusterView } from "../../policies/rules/view";
import { clusterSnapshot } from "../../policies/rules/change/snapshot";
import { summarizePolicy } from "../../policies/rules/change/policy";
import { clusterSize } from "../../policies/rules/calls/sides";
import { countedTotal } from "../../policies/rules/gates";
import { clusterTotalNodesAck } from "../../policies/rules/capacity";
import { AUTO_SCALING, ruleContext, runRule, UNKNOWN } from "../../policies/rules";
import { MALFORMED } from "../../policies/rules/read";

/** Values a program, a state or a preview may hold where a number, a string or a boolean belongs. */
const ODD: unknown[] = [0, 3, "3", 2.5, "2.5", -1, "-1", 1e21, Number.NaN, Infinity, "", "abc", " 3", true, "true", "false", null, undefined, UNKNOWN, {}, [], [3]];
const anyValue = fc.oneof(fc.constantFrom(...ODD), fc.anything());

describe("the view and the snapshot read the same value the same way", () => {
  const both = (group: Record<string, unknown>, cluster: Record<string, unknown> = {}) => {
    const props = { ...cluster, nodeGroups: [group] };
    const view = clusterView(props);
    const snap = clusterSnapshot(props);
    if (!Array.isArray(view.nodeGroups) || !Array.isArray(snap.nodeGroups)) throw new Error("nodeGroups not read as a list");
    return { view, snap, g: view.nodeGroups[0], s: snap.nodeGroups[0] };
  };

  const label = (v: unknown) => (typeof v === "symbol" ? "UNKNOWN" : typeof v === "number" || v === undefined ? String(v) : JSON.stringify(v));
  test.each(ODD.map((v) => [label(v), v]))("a node count of %s", (_label, v) => {
    const { g, s } = both({ nodeCount: v });
    expect(s.nodeCount).toBe(g.nodeCount);
  });

  test("a node count is a whole number of at least 0 in both: 2.5, \"2.5\" and -1 are malformed, \"3\" is 3", () => {
    const counts = ([2.5, "2.5", -1, "3", 3, null, UNKNOWN] as unknown[]).map((v) => both({ nodeCount: v }).s.nodeCount);
    expect(counts).toEqual([MALFORMED, MALFORMED, MALFORMED, 3, 3, undefined, UNKNOWN]);
  });

  test("any value, in any field both read: the same answer (names, types, payment, counts, the cluster's strings and flag)", () => {
    fc.assert(
      fc.property(anyValue, anyValue, anyValue, anyValue, anyValue, anyValue, (name, type, count, payment, clusterName, protection) => {
        const { view, snap, g, s } = both({ nodeGroupName: name, nodeGroupType: type, nodeCount: count, paymentType: payment }, { clusterName, deletionProtection: protection, securityMode: type, paymentType: payment });
        expect([s.name, s.type, s.nodeCount, s.paymentType]).toEqual([g.name, g.type, g.nodeCount, g.paymentType ?? "PayAsYouGo"]);
        expect([snap.clusterName, snap.deletionProtection, snap.securityMode, snap.paymentType]).toEqual([view.clusterName, view.deletionProtection, view.securityMode, view.paymentType]);
      }),
      { numRuns: 500 },
    );
  });
});

describe("the cluster total: the pack's emr-cluster-total-nodes-ack counts what the call plan and the gates count", () => {
  const group = fc.record({
    nodeCount: fc.integer({ min: 0, max: 300 }),
    autoScalingPolicy: fc.option(fc.record({ constraints: fc.record({ minCapacity: fc.constant(0), maxCapacity: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }) }) }), { nil: undefined }),
  });

  test("the pack passes at the plan's total and refuses one below it; the gates' countedTotal is the same number", () => {
    fc.assert(
      fc.property(fc.array(group, { minLength: 1, maxLength: 5 }), (groups) => {
        const props = { nodeGroups: groups.map((g, i) => ({ nodeGroupName: `g${i}`, nodeGroupType: "TASK", ...g })) };
        const total = clusterSize(props);
        expect(total).toBeDefined();
        expect(countedTotal(groups.map((g) => ({ count: g.nodeCount, policy: g.autoScalingPolicy })))).toBe(total);
        const at = (threshold: number) => runRule(clusterTotalNodesAck, props, ruleContext({ clusterNodesCostAckThreshold: threshold })).kind;
        expect(at(total!)).toBe("compliant");
        if (total! > 0) expect(at(total! - 1)).toBe("non-compliant");
      }),
      { numRuns: 300 },
    );
  });

  test("a policy without MaxCapacity counts at the API's default in both", () => {
    const props = { nodeGroups: [{ nodeGroupName: "task", nodeGroupType: "TASK", nodeCount: 2, autoScalingPolicy: { constraints: { minCapacity: 0 } } }] };
    expect(summarizePolicy(props.nodeGroups[0].autoScalingPolicy).maxCapacity).toBe(AUTO_SCALING.defaultMaxCapacity);
    expect(clusterSize(props)).toBe(AUTO_SCALING.defaultMaxCapacity);
    expect(runRule(clusterTotalNodesAck, props, ruleContext({ clusterNodesCostAckThreshold: AUTO_SCALING.defaultMaxCapacity })).kind).toBe("compliant");
    expect(runRule(clusterTotalNodesAck, props, ruleContext({ clusterNodesCostAckThreshold: AUTO_SCALING.defaultMaxCapacity - 1 })).kind).toBe("non-compliant");
  });
});
