/**
 * Property test: random before/after pairs of cluster inputs (well-formed, unknown and malformed values mixed) through
 * the call plan and every change rule. No exception; every refusal names the cluster, and the group and its field
 * path when it is about a group. Fixed seed: deterministic.
 */
import fc from "fast-check";
import { parseAcks, policyFingerprint } from "../../policies/rules/change";
import { planClusterCalls } from "../../policies/rules/calls";
import { checkCallPlans, describeCall } from "../../policies/rules/gates";
import { DEFAULT_LIMITS } from "../../policies/rules/domain";
import { UNKNOWN } from "../../policies/rules/types";

const RUNS = 2500;
const GROUP_RULES = new Set(["emr-change-scale-out", "emr-change-scale-in", "emr-change-group-removal", "emr-change-auto-scaling"]);

const odd = fc.constantFrom<unknown>(UNKNOWN, null, "x", -1, 2.5, {}, [], true);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 8, arbitrary: arb }, { weight: 1, arbitrary: odd });
const policy = fc.option(
  fc.record({ constraints: fc.record({ minCapacity: fc.integer({ min: 0, max: 10 }), maxCapacity: maybe(fc.integer({ min: 0, max: 2500 })) }, { requiredKeys: ["minCapacity"] }), scalingRules: fc.array(fc.record({ ruleName: fc.constantFrom("up", "down"), adjustmentValue: fc.integer({ min: 1, max: 5 }) }), { maxLength: 2 }) }),
  { nil: undefined },
);
const group = fc.record({
  nodeGroupName: maybe(fc.constantFrom("master", "core", "task", "gw", "spot", "任务组")),
  nodeGroupType: maybe(fc.constantFrom("MASTER", "CORE", "TASK", "GATEWAY", "MASTER-EXTEND")),
  nodeCount: maybe(fc.integer({ min: 0, max: 130 })),
  paymentType: fc.option(fc.constantFrom("PayAsYouGo", "Subscription"), { nil: undefined }),
  instanceTypes: fc.constantFrom(["ecs.g7.xlarge"], ["ecs.g8.xlarge"]),
  autoScalingPolicy: fc.oneof({ weight: 6, arbitrary: policy }, { weight: 1, arbitrary: odd }),
});
const ackTags = fc.dictionary(
  fc.constantFrom("emr-guard:ack-scale-out", "emr-guard:ack-task-to-zero", "emr-guard:ack-payment-switch", "emr-guard:ack-new-cluster", "emr-guard:ack-auto-scaling", "emr-guard:ack-node-count", "emr-guard:ack-cluster-nodes"),
  fc.oneof(fc.constantFrom("core:40->65", "task:6->0", "true", "PayAsYouGo->Subscription", "task:remove", "60", "core:1->2,task:3->0", "", "x,,y"), fc.string({ maxLength: 12 })),
  { maxKeys: 3 },
);
const cluster = fc.record({
  clusterName: maybe(fc.constantFrom("lake", "lake-2")),
  releaseVersion: fc.constantFrom("EMR-5.16.0", "EMR-5.17.0"),
  deployMode: fc.option(fc.constantFrom("NORMAL", "HA"), { nil: undefined }),
  securityMode: maybe(fc.constantFrom("NORMAL", "KERBEROS")),
  paymentType: maybe(fc.constantFrom("PayAsYouGo", "Subscription")),
  deletionProtection: maybe(fc.boolean()),
  applications: fc.constantFrom(["HDFS", "YARN"], ["hdfs", "yarn"], ["HDFS", "YARN", "HIVE"]),
  applicationConfigs: fc.constantFrom([], [{ configItemValue: "a" }], [{ configItemValue: "b" }]),
  nodeAttributes: fc.constantFrom([{ vpcId: "vpc-1", keyPairName: "kp" }], [{ vpcId: "vpc-1", keyPairName: "kp2" }], UNKNOWN),
  nodeGroups: fc.oneof({ weight: 10, arbitrary: fc.array(group, { maxLength: 5 }) }, { weight: 1, arbitrary: odd }),
  tags: fc.oneof({ weight: 8, arbitrary: ackTags }, { weight: 1, arbitrary: odd }),
});
const side = fc.oneof({ weight: 8, arbitrary: cluster }, { weight: 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: odd });

/** Makes an after that differs from the before in a few places, so most pairs are realistic updates. */
const pair = fc.oneof(
  fc.tuple(side, side),
  fc.tuple(cluster, fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 130 })).map(([b, i, n]) => {
    const groups = Array.isArray(b.nodeGroups) ? b.nodeGroups.map((g, k) => (k === i ? { ...g, nodeCount: n } : g)) : b.nodeGroups;
    return [b, { ...b, nodeGroups: groups }] as [unknown, unknown];
  }),
);

test(`${RUNS} random before/after pairs: no exception; every refusal names the cluster, and the group and its field`, () => {
  let tried = 0;
  let refusals = 0;
  let groupRefusals = 0;
  fc.assert(
    fc.property(fc.array(pair, { minLength: 1, maxLength: 3 }), fc.array(fc.record({ name: fc.constantFrom("c0", "c1"), clusterId: fc.constantFrom("c-1", "c-abc") }), { maxLength: 2 }), (pairs, retire) => {
      tried += pairs.length;
      const rec = (v: unknown) => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);
      const clusters = pairs.map(([before, after], i) => {
        const [b, a] = [rec(before), rec(after)];
        const plan = planClusterCalls({
          cluster: `c${i}`,
          ...(b ? { before: { inputs: b, state: b, id: "c-1", protect: i % 3 === 0, retainOnDelete: i % 2 === 0 } } : {}),
          ...(a ? { after: { inputs: a, ignoreChanges: i % 2 ? ["nodeGroups[1].nodeCount"] : [], replaceOnChanges: [], protect: i % 3 === 0, retainOnDelete: true } } : {}),
          refreshed: i % 2 === 0,
        });
        plan.calls.forEach(describeCall);
        return { plan, acks: a ? parseAcks(a.tags, b?.tags) : parseAcks(b?.tags), recorded: { id: "c-1", protect: i % 3 === 0, retainOnDelete: i % 2 === 0 } };
      });
      for (const r of checkCallPlans(clusters, retire, DEFAULT_LIMITS)) {
        if (r.outcome.kind !== "non-compliant") continue;
        for (const f of r.outcome.findings) {
          // Plain checks (not expect) keep 2,500 plans fast; the first problem fails the property with the finding.
          const problem =
            f.path === "(rule)" ? "a rule threw" // a rule that throws reports itself with this path
            : f.cluster !== r.cluster || !f.message.startsWith(`cluster "${r.cluster}": `) ? "does not name the cluster"
            : f.path.length === 0 || f.fix.length <= 10 ? "no path or no fix"
            : f.level === "mandatory" && GROUP_RULES.has(f.rule) && f.group !== undefined && (!f.message.includes(`"${f.group}"`) || !/^nodeGroups/.test(f.path)) ? "does not name the group and its field"
            : undefined;
          if (problem) throw new Error(`${problem}: ${JSON.stringify(f)}`);
          if (f.level === "mandatory") refusals++;
          if (f.level === "mandatory" && GROUP_RULES.has(f.rule)) groupRefusals++;
        }
      }
    }),
    { seed: 20261123, numRuns: RUNS },
  );
  expect(tried).toBeGreaterThanOrEqual(RUNS);
  expect(groupRefusals).toBeGreaterThan(100);
  console.log(`change rules property test: ${tried} random before/after pairs in ${RUNS} plans, ${refusals} refusals checked (${groupRefusals} about a node group)`);
});

test("policyFingerprint never throws on odd values", () => {
  fc.assert(fc.property(fc.anything(), (v) => /^[0-9a-f]{8}$/.test(policyFingerprint(v))), { seed: 20261123, numRuns: 300 });
});
