/**
 * The rule catalog is the one source of every rule's words and settings: it lists exactly the pack's policies and the
 * change rules, agrees with the code that binds them, states a threshold only as "(name, default N)" taken from the
 * pack's defaults, and every message states the threshold the run was configured with, never the default.
 */
import { ALL_POLICIES } from "../../policies/pack";
import { buildCatalog, CHANGE_CATALOG, limitHome, POLICY_CATALOG, propertiesOf, RULE_CATALOG } from "../../policies/rules/catalog";
import { DURATIONS_TEXT, YEAR_TEXT } from "../../policies/rules/catalog/capacity";
import { TAG_COUNT_TEXT } from "../../policies/rules/catalog/hygiene";
import { ADVISORY_RULES, ALL_RULES, DEFAULT_LIMITS, MANDATORY_RULES, ruleContext, runRule, type GuardrailLimits, type Outcome } from "../../policies/rules";
import { autoScalingMaxCapacity, clusterTotalNodesAck, nodeGroupSize } from "../../policies/rules/capacity";
import { subscriptionDurationAck } from "../../policies/rules/payment";
import { NO_ACKS } from "../../policies/rules/change/acks";
import { CHANGE_RULES, checkClusterTotal, gateCall, type GateContext } from "../../policies/rules/gates";
import type { EmrCall } from "../../policies/rules/calls";

const LIMIT_KEYS = Object.keys(DEFAULT_LIMITS) as (keyof GuardrailLimits)[];

describe("the catalog lists exactly the rules the code has, with the code's settings", () => {
  test("the pack's policies, in the pack's order, with the catalog's descriptions and levels", () => {
    expect(ALL_POLICIES.map((p) => p.name)).toEqual(POLICY_CATALOG.map((e) => e.name));
    for (const p of ALL_POLICIES) {
      const entry = POLICY_CATALOG.find((e) => e.name === p.name)!;
      expect([p.description, p.enforcementLevel]).toEqual([entry.description, entry.level]);
    }
  });
  test("the rule lists the component and EmrClient run are the catalog's mandatory and advisory policies", () => {
    const level = (name: string) => POLICY_CATALOG.find((e) => e.name === name)?.level;
    expect(MANDATORY_RULES.map((r) => level(r.name))).toEqual(MANDATORY_RULES.map(() => "mandatory"));
    expect(ADVISORY_RULES.map((r) => level(r.name))).toEqual(ADVISORY_RULES.map(() => "advisory"));
    expect(new Set(ALL_RULES.map((r) => r.name)).size).toBe(ALL_RULES.length);
  });
  test("the change rules are the names every change verdict carries, in their order", () => {
    expect(CHANGE_CATALOG.map((e) => e.name)).toEqual(Object.values(CHANGE_RULES));
    expect(CHANGE_CATALOG.every((e) => e.kind === "change" && e.hosts.length === 0 && !e.productionStacks)).toBe(true);
  });
  test("a validity policy is mandatory and reads no threshold; every threshold is set under exactly one policy", () => {
    for (const e of POLICY_CATALOG.filter((x) => x.kind === "validity")) expect([e.name, e.level, propertiesOf(e), e.productionStacks]).toEqual([e.name, "mandatory", [], false]);
    for (const key of LIMIT_KEYS) expect([key, POLICY_CATALOG.filter((p) => propertiesOf(p).includes(key)).length]).toEqual([key, 1]);
    for (const e of CHANGE_CATALOG) for (const key of e.limits) expect(propertiesOf(limitHome(key))).toContain(key);
  });
  test("every entry: one line \"Checks whether ...\", a fix, what it judges, its anchor; names unique", () => {
    expect(new Set(RULE_CATALOG.map((e) => e.name)).size).toBe(RULE_CATALOG.length);
    for (const e of RULE_CATALOG) {
      expect([e.name, /^Checks whether [^\n]+\.$/.test(e.description)]).toEqual([e.name, true]);
      expect([e.name, e.fix.length > 0 && !e.fix.includes("\n"), e.judges.length > 0]).toEqual([e.name, true, true]);
      expect(e.anchor).toBe(`policies/README.md#${e.name}`);
    }
  });
});

describe("no text of the catalog states a threshold of its own", () => {
  // Other defaults, each one of its own: a threshold a text takes from the catalog moves with them.
  const shifted = Object.fromEntries(LIMIT_KEYS.map((k, i) => [k, 7001 + i])) as unknown as GuardrailLimits;
  const moved = buildCatalog(shifted);
  const texts = (e: (typeof RULE_CATALOG)[number]) => [e.description, e.fix, e.note ?? ""];
  // Facts from named constants that happen to equal a default (20 tags, 12 months a year, the API's durations) and
  // release names.
  const FACTS = [TAG_COUNT_TEXT, YEAR_TEXT, DURATIONS_TEXT];
  const withoutFacts = (t: string) => FACTS.reduce((s, f) => s.split(f).join(""), t).replace(/EMR-\d+\.\d+\.\d+/g, "");
  const DEFAULT_VALUES = new Set(Object.values(DEFAULT_LIMITS).map(String));

  test.each(RULE_CATALOG.map((e, i) => [e.name, i]))("%s", (_name, i) => {
    const entry = RULE_CATALOG[i];
    texts(entry).forEach((text, j) => {
      const other = texts(moved[i])[j];
      // The same words; only numbers may move, and a number moves exactly where it is written "default N".
      expect(other.split(/\d+/)).toEqual(text.split(/\d+/));
      const a = [...text.matchAll(/\d+/g)];
      const b = [...other.matchAll(/\d+/g)];
      a.forEach((m, k) => {
        const stated = /\b\w+, default $/.test(text.slice(0, m.index));
        // A "default N" that does not move was written by hand.
        expect([m.index, stated]).toEqual([m.index, m[0] !== b[k][0]]);
      });
      for (const m of text.matchAll(/\b(\w+), default (\d+)/g)) expect([m[1], Number(m[2])]).toEqual([m[1], DEFAULT_LIMITS[m[1] as keyof GuardrailLimits]]);
      // No bare threshold: once the defaults and the named facts are out, no default value is left.
      const bare = [...withoutFacts(text).replace(/\b\w+, default \d+/g, "").matchAll(/\d+/g)].map((m) => m[0]).filter((n) => DEFAULT_VALUES.has(n));
      expect(bare).toEqual([]);
    });
  });
});

describe("a finding states the threshold the run was configured with, never the default", () => {
  // Configured thresholds that are none of the defaults.
  const limits: GuardrailLimits = { maxNodesPerGroupAtCreate: 13, nodeGroupAckThreshold: 7, scaleOutAckThreshold: 6, maxScaleOutPerCall: 9, maxScaleInPerCall: 3, clusterNodesCostAckThreshold: 17, maxAutoScalingCapacity: 19, subscriptionMonthsAckThreshold: 9, monthlyCostAckThreshold: 4321, priceBookMaxAgeDays: 11 };
  const DEFAULT_PHRASES = /\b(50|30|20|10|100|12)(-node| nodes?\b| months?\b)|\b(at most|above|of) (50|30|20|10|100|12)\b/;
  const text = (o: Outcome | { message: string; fix: string }[]) => (Array.isArray(o) ? o : o.kind === "non-compliant" ? o.findings : []).map((f) => `${f.message} Fix: ${f.fix}`);
  const ctx = ruleContext(limits);
  const group = (nodeCount: number, extra: Record<string, unknown> = {}) => ({ nodeGroups: [{ nodeGroupName: "core", nodeGroupType: "CORE", nodeCount, ...extra }] });
  const gate: GateContext = { cluster: "lakehouse", limits, acks: NO_ACKS };
  const call = (c: Partial<EmrCall> & Pick<EmrCall, "action" | "params">): EmrCall => ({ because: "test", ...c });

  test.each([
    ["emr-node-group-creation-cap, above the cap", () => text(runRule(nodeGroupSize, group(15), ctx)), "13-node cap"],
    ["emr-node-group-creation-cap, above the threshold", () => text(runRule(nodeGroupSize, group(11), ctx)), "7-node acknowledgement threshold"],
    ["emr-cluster-total-nodes-ack", () => text(runRule(clusterTotalNodesAck, group(18), ctx)), "17-node cost threshold"],
    ["emr-auto-scaling-max-capacity", () => text(runRule(autoScalingMaxCapacity, group(2, { nodeGroupType: "TASK", autoScalingPolicy: { constraints: { minCapacity: 0, maxCapacity: 25 } } }), ctx)), "auto-scaling cap of 19"],
    ["emr-subscription-duration-ack", () => text(runRule(subscriptionDurationAck, { paymentType: "Subscription", subscriptionConfig: { paymentDuration: 24, paymentDurationUnit: "Month" }, nodeGroups: [] }, ctx)), "longer than 9 months"],
    ["emr-change-creation (RunCluster)", () => text(gateCall(call({ action: "RunCluster", params: { NodeGroups: [{ NodeGroupName: "core", NodeCount: 15 }] } }), gate)), "13-node cap"],
    ["emr-change-scale-out, the per-call cap", () => text(gateCall(call({ action: "IncreaseNodes", group: "core", groupType: "CORE", from: 2, params: { IncreaseNodeCount: 11 } }), gate)), "at most 9 nodes"],
    ["emr-change-scale-out, the threshold", () => text(gateCall(call({ action: "IncreaseNodes", group: "core", groupType: "CORE", from: 2, params: { IncreaseNodeCount: 8 } }), gate)), "above 6 nodes"],
    ["emr-change-scale-in", () => text(gateCall(call({ action: "DecreaseNodes", group: "task", groupType: "TASK", from: 9, params: { DecreaseNodeCount: 5 } }), gate)), "at most 3 nodes"],
    ["emr-change-auto-scaling", () => text(gateCall(call({ action: "PutAutoScalingPolicy", group: "task", params: { Constraints: { MaxCapacity: 25 }, ScalingRules: [] } }), gate)), "cap of 19"],
    ["emr-change-cluster-total", () => text(checkClusterTotal({ cluster: "lakehouse", totalBefore: 10, totalAfter: 18 }, gate)), "17-node cost threshold"],
  ] as const)("%s", (_name, run, stated) => {
    const found = run();
    expect(found).not.toEqual([]);
    expect(found.join("\n")).toContain(stated);
    expect(found.filter((t) => DEFAULT_PHRASES.test(t))).toEqual([]);
  });
});
