/**
 * The plan-level change rules over diffCluster: a passing and a failing case per rule, each changing one thing in a
 * recorded before. Also describeChange's lines and preview unknowns (never a pass).
 */
import { DEFAULT_LIMITS } from "../../policies/rules/domain";
import { UNKNOWN } from "../../policies/rules/types";
import { checkChangePlan, describeChange, diffCluster, policyFingerprint, SecretValue, type ChangeResult, type RecordedResource } from "../../policies/rules/change";
import { devClusterProps, haClusterProps, nodeGroupProps } from "../helpers/cluster-props";

type Props = Record<string, any>;
const ctx = { limits: DEFAULT_LIMITS };
const withGroup = (p: Props, name: string, change: Props): Props => ({ ...p, nodeGroups: p.nodeGroups.map((g: Props) => (g.nodeGroupName === name ? { ...g, ...change } : g)) });
const tags = (p: Props, t: Record<string, unknown>): Props => ({ ...p, tags: { ...p.tags, ...t } });
/** The dev cluster with a CORE of 40 and a TASK of 6 (PayAsYouGo). */
const base = (): Props => ({ ...devClusterProps(), nodeGroups: [nodeGroupProps("MASTER", "master", 1), nodeGroupProps("CORE", "core", 40), nodeGroupProps("TASK", "task", 6)] });
const recorded: RecordedResource = { id: "c-0123456789abcdef", protect: true, retainOnDelete: true };

function run(before: Props | undefined, after: Props | undefined, opts: { retire?: { name: string; clusterId: string }[]; replaceReasons?: string[]; more?: ReturnType<typeof diffCluster>[] } = {}): ChangeResult[] {
  const change = diffCluster({ cluster: "analytics", urn: "urn:pulumi:dev::emr::alicloud:emrv2/cluster:Cluster::analytics", before, after, replaceReasons: opts.replaceReasons, recorded });
  return checkChangePlan({ changes: [change, ...(opts.more ?? [])], retire: opts.retire }, ctx);
}
const outcome = (results: ChangeResult[], rule: string) => results.find((r) => r.rule === rule && r.cluster === "analytics")?.outcome;
function violations(results: ChangeResult[], rule: string) {
  const o = outcome(results, rule);
  return o?.kind === "non-compliant" ? o.findings : [];
}
function expectOnly(results: ChangeResult[], rule: string, path: string, ...fragments: RegExp[]) {
  const fs = violations(results, rule);
  expect(fs.map((f) => f.path)).toEqual([path]);
  for (const fr of fragments) expect(`${fs[0].message} | ${fs[0].fix}`).toMatch(fr);
  expect(fs[0].message).toMatch(/^cluster "analytics": /);
}
const changeFindingsOf = (results: ChangeResult[], rule: string) => results.filter((r) => r.rule === rule).flatMap((r) => (r.outcome.kind === "non-compliant" ? r.outcome.findings : []));
const expectPass = (results: ChangeResult[], rule: string) => expect(outcome(results, rule)?.kind).toMatch(/^(compliant|not-applicable)$/);

describe("emr-change-scale-out", () => {
  test("passing: core 40 → 60 (+20)", () => expectPass(run(base(), withGroup(base(), "core", { nodeCount: 60 })), "emr-change-scale-out"));
  test("failing: core 40 → 65 without core:40->65", () => expectOnly(run(base(), withGroup(base(), "core", { nodeCount: 65 })), "emr-change-scale-out", "nodeGroups[1].nodeCount", /grows 40 → 65 \(\+25\)/, /"core:40->65"/));
  test("passing: 90 → 100 reached by steps (no creation cap on a grown group)", () => {
    const b = withGroup(base(), "core", { nodeCount: 90 });
    expectPass(run(tags(b, { "emr-guard:ack-cluster-nodes": "200" }), tags(withGroup(b, "core", { nodeCount: 100 }), { "emr-guard:ack-cluster-nodes": "200" })), "emr-change-scale-out");
  });
  test("failing: a new TASK group of 25 in an existing cluster is a scale-out from 0", () => {
    const after = { ...base(), nodeGroups: [...base().nodeGroups, nodeGroupProps("TASK", "burst", 25)] };
    expectOnly(run(base(), after), "emr-change-scale-out", "nodeGroups[3].nodeCount", /is created with 25 nodes/, /"burst:0->25"/);
  });
  test("unknown: a node-group list known after apply is never a pass (and no group counts as removed)", () => {
    const r = run(base(), { ...base(), nodeGroups: UNKNOWN });
    expect(outcome(r, "emr-change-scale-out")).toEqual({ kind: "unknown", paths: ["nodeGroups (after: known after apply)"] });
    expect(outcome(r, "emr-change-group-removal")?.kind).toBe("unknown");
  });
  test("unknown: a count known after apply is never a pass", () => {
    expect(outcome(run(base(), withGroup(base(), "core", { nodeCount: UNKNOWN })), "emr-change-scale-out")).toEqual({ kind: "unknown", paths: ["nodeGroups[1].nodeCount"] });
  });
  test("unknown: acknowledgement tags known after apply turn a needed acknowledgement into unknown", () => {
    expect(outcome(run(base(), { ...withGroup(base(), "core", { nodeCount: 65 }), tags: UNKNOWN }), "emr-change-scale-out")?.kind).toBe("unknown");
  });
});

describe("emr-change-cluster-total", () => {
  test("passing: 47 → 67 nodes", () => expectPass(run(base(), withGroup(base(), "core", { nodeCount: 60 })), "emr-change-cluster-total"));
  test("failing: an auto-scaling MaxCapacity of 80 counts: 47 → 121", () => {
    const after = withGroup(base(), "task", { autoScalingPolicy: { constraints: { minCapacity: 2, maxCapacity: 80 } } });
    expectOnly(run(base(), after), "emr-change-cluster-total", "nodeGroups", /from 47 to 121 nodes/, /emr-guard:ack-cluster-nodes: "121"/);
  });
});

describe("emr-change-scale-in", () => {
  test("passing: task 6 → 0 with task:6->0", () => expectPass(run(base(), tags(withGroup(base(), "task", { nodeCount: 0 }), { "emr-guard:ack-task-to-zero": "task:6->0" })), "emr-change-scale-in"));
  test("failing: core 40 → 38", () => expectOnly(run(base(), withGroup(base(), "core", { nodeCount: 38 })), "emr-change-scale-in", "nodeGroups[1].nodeCount", /only TASK and GATEWAY/));
  test("failing: Subscription TASK nodes", () => {
    const b = withGroup(base(), "task", { paymentType: "Subscription" });
    expectOnly(run(b, withGroup(b, "task", { nodeCount: 4 })), "emr-change-scale-in", "nodeGroups[2].nodeCount", /Subscription nodes/);
  });
});

describe("emr-change-group-removal", () => {
  test("passing: a TASK group with 0 nodes is removed", () => {
    const b = withGroup(base(), "task", { nodeCount: 0 });
    expectPass(run(b, { ...b, nodeGroups: b.nodeGroups.slice(0, 2) }), "emr-change-group-removal");
  });
  test("failing: a TASK group with 6 nodes is removed; the fix steps it to 0", () => {
    expectOnly(run(base(), { ...base(), nodeGroups: base().nodeGroups.slice(0, 2) }), "emr-change-group-removal", "nodeGroups[2]", /removed while it has 6 nodes/, /step it to 0 first \(6 -> 0, the last step acknowledged with "task:6->0"/);
  });
  test("failing: a TASK group renamed while it has nodes (a delete + create)", () => {
    const r = run(base(), withGroup(base(), "task", { nodeGroupName: "task2" }));
    expectOnly(r, "emr-change-group-removal", "nodeGroups[2].nodeGroupName", /"task" \(TASK\) is renamed to "task2" while it has 6 nodes/);
    expect(violations(r, "emr-change-group-removal")[0].group).toBe("task");
  });
});

describe("emr-change-payment-switch", () => {
  test("passing: PayAsYouGo → Subscription with its acknowledgement", () => expectPass(run(base(), tags({ ...base(), paymentType: "Subscription" }, { "emr-guard:ack-payment-switch": "PayAsYouGo->Subscription" })), "emr-change-payment-switch"));
  test("failing: PayAsYouGo → Subscription without it", () => expectOnly(run(base(), { ...base(), paymentType: "Subscription" }), "emr-change-payment-switch", "paymentType", /"PayAsYouGo->Subscription"/));
  test("failing: Subscription → PayAsYouGo is refused even acknowledged", () => {
    const b = { ...base(), paymentType: "Subscription" };
    expectOnly(run(b, tags({ ...b, paymentType: "PayAsYouGo" }, { "emr-guard:ack-payment-switch": "Subscription->PayAsYouGo" })), "emr-change-payment-switch", "paymentType", /only converts PayAsYouGo → Subscription/);
  });
});

describe("emr-change-security-mode", () => {
  test("passing: KERBEROS stays", () => expectPass(run(haClusterProps(), haClusterProps()), "emr-change-security-mode"));
  test("failing: KERBEROS → NORMAL", () => expectOnly(run(haClusterProps(), { ...haClusterProps(), securityMode: "NORMAL" }), "emr-change-security-mode", "securityMode", /KERBEROS → NORMAL/));
});

describe("emr-change-deletion-protection", () => {
  test("passing: turned off alone", () => expectPass(run(base(), { ...base(), deletionProtection: false }), "emr-change-deletion-protection"));
  test("failing: turned off with a rename of the cluster", () => expectOnly(run(base(), { ...base(), deletionProtection: false, clusterName: "x" }), "emr-change-deletion-protection", "deletionProtection", /together with other changes \(clusterName\)/));
});

describe("emr-change-auto-scaling", () => {
  const ha = haClusterProps();
  const newPolicy = { constraints: { minCapacity: 2, maxCapacity: 60 } };
  test("passing: replaced with the acknowledgement naming the new policy", () => {
    expectPass(run(ha, tags(withGroup(ha, "task", { autoScalingPolicy: newPolicy }), { "emr-guard:ack-auto-scaling": `task:replace:${policyFingerprint(newPolicy)}` })), "emr-change-auto-scaling");
  });
  test("failing: removed without task:remove", () => expectOnly(run(ha, withGroup(ha, "task", { autoScalingPolicy: undefined })), "emr-change-auto-scaling", "nodeGroups[2].autoScalingPolicy", /removed \(was 2–40/, /"task:remove"/));
});

describe("emr-change-replacement", () => {
  test("passing: applications in another case and order are the same", () => expectPass(run(base(), { ...base(), applications: [...base().applications].reverse().map((a: string) => a.toLowerCase()) }), "emr-change-replacement"));
  test("failing: releaseVersion, with the reason and the way out", () => expectOnly(run(base(), { ...base(), releaseVersion: "EMR-5.17.0" }), "emr-change-replacement", "releaseVersion", /"EMR-5.16.0" → "EMR-5.17.0" replaces the cluster/, /data on it .* is lost/, /create a new cluster next to it .* migrate .* retire the old one/));
  test("failing: one nodeAttributes field, named", () => expectOnly(run(base(), { ...base(), nodeAttributes: [{ ...base().nodeAttributes[0], keyPairName: "kp2" }] }), "emr-change-replacement", "nodeAttributes.keyPairName", /"kp" → "kp2"/));
  test("failing: the provider's replace reasons from a plan", () => expectOnly(run(base(), base(), { replaceReasons: ["bootstrapScripts"] }), "emr-change-replacement", "bootstrapScripts", /the provider's replace reason/));
  test("passing: a field the provider defaulted (__defaults) and the program leaves out", () => {
    expectPass(run({ ...base(), logCollectStrategy: "x", __defaults: ["logCollectStrategy"] }, base()), "emr-change-replacement");
  });
});

describe("emr-change-not-applied (advisory)", () => {
  test("passing: no such edit", () => expectPass(run(base(), withGroup(base(), "core", { nodeCount: 41 })), "emr-change-not-applied"));
  test("failing: a rotated metastore password in applicationConfigs: named, never printed", () => {
    const b = { ...base(), applicationConfigs: [{ applicationName: "HIVE", configItemKey: "javax.jdo.option.ConnectionPassword", configItemValue: "old-pw" }] };
    const a = { ...b, applicationConfigs: [{ ...b.applicationConfigs[0], configItemValue: "new-pw" }] };
    const r = run(b, a);
    expectOnly(r, "emr-change-not-applied", "applicationConfigs", /will not reach the cluster/, /EMR console/);
    expect(violations(r, "emr-change-not-applied")[0].level).toBe("advisory");
    expect(JSON.stringify(r)).not.toMatch(/old-pw|new-pw/);
  });
  test("failing: a group's instanceTypes", () => expectOnly(run(base(), withGroup(base(), "core", { instanceTypes: ["ecs.g8.xlarge"] })), "emr-change-not-applied", "nodeGroups[1].instanceTypes", /node group "core"/, /add a new node group/));
  test("unknown: two secrets that cannot be told apart", () => {
    const b = { ...base(), applicationConfigs: [{ configItemValue: new SecretValue() }] };
    expect(outcome(run(b, b), "emr-change-not-applied")).toEqual({ kind: "unknown", paths: ["applicationConfigs"] });
  });
});

describe("emr-change-ack-format", () => {
  test("passing: entries in their form", () => expectPass(run(base(), tags(base(), { "emr-guard:ack-task-to-zero": "task:6->0" })), "emr-change-ack-format"));
  test('failing: ack-task-to-zero "true"', () => expectOnly(run(base(), tags(base(), { "emr-guard:ack-task-to-zero": "true" })), "emr-change-ack-format", 'tags["emr-guard:ack-task-to-zero"]', /"task:6->0"/));
});

describe("emr-change-stale-acks (advisory)", () => {
  test("passing: the entry names a change in the plan", () => expectPass(run(base(), tags(withGroup(base(), "core", { nodeCount: 65 }), { "emr-guard:ack-scale-out": "core:40->65" })), "emr-change-stale-acks"));
  test("failing: an emr:retire entry for a cluster that stays", () => {
    const r = run(base(), base(), { retire: [{ name: "analytics", clusterId: "c-0123456789abcdef" }] });
    expect(changeFindingsOf(r, "emr-change-stale-acks").map((f) => [f.level, f.path, f.message])).toEqual([["advisory", "emr:retire", 'cluster "analytics": the emr:retire entry { name: "analytics", clusterId: "c-0123456789abcdef" } names no cluster this plan removes, so it approves nothing']]);
  });
  test("failing: a leftover entry approves nothing", () => expectOnly(run(base(), tags(base(), { "emr-guard:ack-scale-out": "core:40->65" })), "emr-change-stale-acks", 'tags["emr-guard:ack-scale-out"]', /not in this plan/));
});

describe("emr-change-new-clusters", () => {
  const other = (t: Record<string, unknown> = {}) => diffCluster({ cluster: "second", after: tags({ ...base(), clusterName: "second" }, t) });
  test("passing: one new cluster needs nothing; two with each acknowledged", () => {
    expectPass(run(undefined, base()), "emr-change-new-clusters");
    expectPass(run(undefined, tags(base(), { "emr-guard:ack-new-cluster": "analytics-dev" }), { more: [other({ "emr-guard:ack-new-cluster": "second" })] }), "emr-change-new-clusters");
  });
  test("failing: two new clusters without acknowledgements", () => expectOnly(run(undefined, base(), { more: [other()] }), "emr-change-new-clusters", "(new cluster)", /creates 2 clusters/, /emr-guard:ack-new-cluster: "analytics-dev"/));
});

describe("emr-change-retirement", () => {
  test("passing: removed with emr:retire naming the recorded ID (and an advisory to unprotect)", () => {
    const r = run(base(), undefined, { retire: [{ name: "analytics", clusterId: "c-0123456789abcdef" }] });
    const fs = violations(r, "emr-change-retirement");
    expect(fs.map((f) => f.level)).toEqual(["advisory"]);
    expect(fs[0].fix).toMatch(/pulumi state unprotect 'urn:pulumi:dev::emr::alicloud:emrv2\/cluster:Cluster::analytics'/);
  });
  test("failing: removed without a retirement entry", () => expectOnly(run(base(), undefined), "emr-change-retirement", "(removed from the program)", /without a retirement acknowledgement/, /emr:retire: \[\{ name: "analytics", clusterId: "c-0123456789abcdef" \}\]/));
  test("failing: the entry names another cluster ID", () => {
    const fs = violations(run(base(), undefined, { retire: [{ name: "analytics", clusterId: "c-ffff" }] }), "emr-change-retirement").filter((f) => f.level === "mandatory");
    expect(fs.map((f) => f.message)).toEqual(['cluster "analytics": emr:retire names cluster c-ffff for "analytics", but the state records c-0123456789abcdef']);
  });
  test("failing: the state records no retainOnDelete: removing it would release the cluster", () => {
    const change = diffCluster({ cluster: "analytics", before: base(), recorded: { id: "c-0123456789abcdef", retainOnDelete: false } });
    const r = checkChangePlan({ changes: [change], retire: [{ name: "analytics", clusterId: "c-0123456789abcdef" }] }, ctx);
    expect(violations(r, "emr-change-retirement").map((f) => f.message)).toEqual(['cluster "analytics": the state does not record retainOnDelete for it: removing it from the program would make Pulumi release the cluster']);
  });
});

describe("describeChange", () => {
  test("lines for counts, groups, auto-scaling and fields", () => {
    const ha = haClusterProps();
    const after: Props = { ...withGroup(withGroup(ha, "core", { nodeCount: 23 }), "task", { autoScalingPolicy: undefined }), deletionProtection: false, releaseVersion: "EMR-5.17.0" };
    after.nodeGroups = [...after.nodeGroups, nodeGroupProps("GATEWAY", "gw", 2)];
    expect(describeChange(diffCluster({ cluster: "lake", before: ha, after }))).toEqual([
      "core 3 → 23 (+20)",
      "task: auto-scaling 2–40 → removed",
      "gw added (GATEWAY, 2 nodes)",
      'releaseVersion "EMR-5.16.0" → "EMR-5.17.0" (replaces the cluster)',
      "deletionProtection true → false",
    ]);
  });
  test("created, removed, unknown", () => {
    expect(describeChange(diffCluster({ cluster: "a", after: base() }))).toEqual(["cluster created"]);
    expect(describeChange(diffCluster({ cluster: "a", before: base(), recorded }))).toEqual(["cluster removed from the program (c-0123456789abcdef)"]);
    expect(describeChange(diffCluster({ cluster: "a", before: base(), after: { ...base(), nodeGroups: UNKNOWN } }))).toEqual(["nodeGroups (after: known after apply): known after apply"]);
  });
});
