/**
 * The change rules over call plans: a passing and a failing case per rule, each changing one thing in a recorded
 * before; the verdict is about the EMR call the provider would send (named in the finding), never a diff of inputs.
 */
import { policyFingerprint, SecretValue } from "../../policies/rules/change";
import { liveFromApi } from "../../policies/rules/calls";
import { UNKNOWN } from "../../policies/rules/types";
import { devClusterProps, haClusterProps, nodeGroupProps } from "../helpers/cluster-props";
import { clone, expectOnly, expectPass, findingsOf, judge, limits, mandatory, outcomeOf, withGroup, withTags, type Props } from "./helpers";

/** The dev cluster with a CORE of 40 and a TASK of 6 (PayAsYouGo). */
const base = (): Props => ({ ...devClusterProps(), nodeGroups: [nodeGroupProps("MASTER", "master", 1), nodeGroupProps("CORE", "core", 40), nodeGroupProps("TASK", "task", 6)] });

describe("emr-change-scale-out (IncreaseNodes, CreateNodeGroup)", () => {
  test("passing: core 40 -> 60 is IncreaseNodes core +20", () => {
    const j = judge(base(), withGroup(base(), "core", { nodeCount: 60 }));
    expect(j.calls).toEqual(["IncreaseNodes core +20"]);
    expectPass(j, "emr-change-scale-out");
  });
  test("failing: core 40 -> 65 without core:40->65; the finding names the call", () => {
    const j = judge(base(), withGroup(base(), "core", { nodeCount: 65 }));
    expectOnly(j, "emr-change-scale-out", "nodeGroups[1].nodeCount", /grows "core" \(CORE\) 40 -> 65 \(\+25\)/, /"core:40->65"/);
    expect(findingsOf(j, "emr-change-scale-out")[0].call).toBe("IncreaseNodes core +25");
  });
  test("failing: more than the per-call cap in one update, with the configured cap in the message", () => {
    expectOnly(judge(base(), withGroup(base(), "core", { nodeCount: 75 }), { limits: limits({ maxScaleOutPerCall: 30 }) }), "emr-change-scale-out", "nodeGroups[1].nodeCount", /at most 30 nodes/, /40 -> 70 -> 75/);
  });
  test("passing: 90 -> 100 reached by steps (no creation cap on a grown group)", () => {
    const b = withTags(withGroup(base(), "core", { nodeCount: 90 }), { "emr-guard:ack-cluster-nodes": "200" });
    expectPass(judge(b, withGroup(b, "core", { nodeCount: 100 })), "emr-change-scale-out");
  });
  test("failing: a new TASK group of 25 is CreateNodeGroup then IncreaseNodes from 0, acknowledged as 0->25", () => {
    const after = { ...base(), nodeGroups: [...base().nodeGroups, nodeGroupProps("TASK", "burst", 25)] };
    const j = judge(base(), after);
    expect(j.calls).toEqual(["CreateNodeGroup burst (NodeCount 25)", "IncreaseNodes burst +25"]);
    expectOnly(j, "emr-change-scale-out", "nodeGroups[3].nodeCount", /first nodes of the new group "burst"/, /"burst:0->25"/);
  });
  test("failing: CreateNodeGroup above the 30-node threshold needs the size acknowledgement", () => {
    const after = { ...base(), nodeGroups: [...base().nodeGroups, nodeGroupProps("TASK", "burst", 35)] };
    const fs = findingsOf(judge(after && base(), withTags(after, { "emr-guard:ack-scale-out": "burst:0->35" })), "emr-change-scale-out");
    expect(fs.map((f) => f.call)).toEqual(["CreateNodeGroup burst (NodeCount 35)"]);
    expect(fs[0].fix).toMatch(/emr-guard:ack-node-count: "35"/);
  });
  test("failing: MASTER never scales out (the provider refuses it too, at apply)", () => {
    const j = judge(base(), withGroup(base(), "master", { nodeCount: 3 }));
    expect(findingsOf(j, "emr-change-scale-out").map((f) => f.message)).toEqual([expect.stringMatching(/fails halfway before any write call: the provider answers "EMR cluster can not increase the node group type of \['MASTER'\]\."/)]);
  });
  test("unknown: a count known after apply is never a pass", () => {
    expect(outcomeOf(judge(base(), withGroup(base(), "core", { nodeCount: UNKNOWN })), "emr-change-scale-out")).toEqual({ kind: "unknown", paths: ["nodeGroups[1].nodeCount (known after apply)"] });
  });
  test("unknown: a node-group list known after apply: no group counts as removed", () => {
    const j = judge(base(), { ...base(), nodeGroups: UNKNOWN });
    expect(outcomeOf(j, "emr-change-scale-out").kind).toBe("unknown");
    expect(outcomeOf(j, "emr-change-group-removal").kind).not.toBe("non-compliant");
  });
  test("unknown: acknowledgement tags known after apply turn a needed acknowledgement into unknown", () => {
    expect(outcomeOf(judge(base(), { ...withGroup(base(), "core", { nodeCount: 65 }), tags: UNKNOWN }), "emr-change-scale-out").kind).toBe("unknown");
  });
});

describe("emr-change-creation (RunCluster)", () => {
  test("passing: a new cluster with groups within the thresholds", () => expectPass(judge(undefined, devClusterProps()), "emr-change-creation"));
  test("failing: a group of 60 at creation, even with ack-node-count (the seed: refuse at RunCluster)", () => {
    const after = withTags(withGroup(base(), "core", { nodeCount: 60 }), { "emr-guard:ack-node-count": "60" });
    expectOnly(judge(undefined, after), "emr-change-creation", "nodeGroups[1].nodeCount", /RunCluster creates node group "core" with 60 nodes, above the 50-node cap/, /no acknowledgement lifts it/);
  });
  test("failing: a 24-month subscription without ack-subscription-months", () => {
    const after = { ...devClusterProps(), paymentType: "Subscription", subscriptionConfig: { paymentDuration: 24, paymentDurationUnit: "Month" } };
    expectOnly(judge(undefined, after), "emr-change-creation", "subscriptionConfig.paymentDuration", /24-month subscription/, /emr-guard:ack-subscription-months: "24"/);
  });
});

describe("emr-change-cluster-total", () => {
  test("passing: 47 -> 67 nodes", () => expectPass(judge(base(), withGroup(base(), "core", { nodeCount: 60 })), "emr-change-cluster-total"));
  test("failing: an auto-scaling MaxCapacity of 80 counts: 47 -> 121", () => {
    const after = withGroup(base(), "task", { autoScalingPolicy: { constraints: { minCapacity: 2, maxCapacity: 80 } } });
    expectOnly(judge(base(), after, { ignore: ["nodeGroups[2].nodeCount"] }), "emr-change-cluster-total", "nodeGroups", /from 47 to 121 nodes/, /emr-guard:ack-cluster-nodes: "121"/);
  });
  test("unknown: a policy whose MaxCapacity is known after apply", () => {
    const after = withGroup(base(), "task", { autoScalingPolicy: UNKNOWN });
    expect(outcomeOf(judge(base(), after), "emr-change-cluster-total").kind).toBe("unknown");
  });
});

describe("emr-change-scale-in (DecreaseNodes)", () => {
  test("failing: task 6 -> 0, even acknowledged: the provider sends DecreaseNodeCount 6, which the API refuses (it must be less than the active nodes)", () => {
    const j = judge(base(), withTags(withGroup(base(), "task", { nodeCount: 0 }), { "emr-guard:ack-task-to-zero": "task:6->0" }));
    expect(j.calls).toEqual(["TagResources", "DecreaseNodes task -6"]);
    expectOnly(j, "emr-change-scale-in", "nodeGroups[2].nodeCount", /fails halfway after sending TagResources, DecreaseNodes task -6 .*DecreaseNodeCount must be less than the number of active nodes/, /release the last node by its ID/);
  });
  test("passing: task 6 -> 4 with its scale-in acknowledgement", () => expectPass(judge(base(), withTags(withGroup(base(), "task", { nodeCount: 4 }), { "emr-guard:ack-scale-in": "task:6->4" })), "emr-change-scale-in"));
  test("failing: task 6 -> 4 without it: the provider sends a count and the service picks the nodes", () => {
    expectOnly(judge(base(), withGroup(base(), "task", { nodeCount: 4 })), "emr-change-scale-in", "nodeGroups[2].nodeCount", /the service picks the nodes/, /emr-guard:ack-scale-in: "task:6->4"/);
  });
  test("failing: core 40 -> 38 (the provider refuses it at apply, after the calls before it)", () => {
    expect(findingsOf(judge(base(), withGroup(base(), "core", { nodeCount: 38 })), "emr-change-scale-in").map((f) => f.message)).toEqual([expect.stringMatching(/"EMR cluster can only decrease the node group type of \['TASK', 'GATEWAY'\]\."/)]);
  });
  test("failing: a GATEWAY group is never scaled in (the seed allows TASK only; the provider would send it)", () => {
    const b = { ...base(), nodeGroups: [...base().nodeGroups, nodeGroupProps("GATEWAY", "gw", 3)] };
    const j = judge(b, withTags(withGroup(b, "gw", { nodeCount: 2 }), { "emr-guard:ack-scale-in": "gw:3->2" }));
    expect(j.calls).toEqual(["TagResources", "DecreaseNodes gw -1"]);
    expectOnly(j, "emr-change-scale-in", "nodeGroups[3].nodeCount", /only TASK groups are scaled in \(the live group is GATEWAY/);
  });
  test("failing: a CORE group re-typed to TASK in the program: the live group is CORE", () => {
    const j = judge(base(), withTags(withGroup(base(), "core", { nodeGroupType: "TASK", nodeCount: 38 }), { "emr-guard:ack-scale-in": "core:40->38" }), {
      live: liveFromApi({ nodeGroups: [{ NodeGroupName: "master", NodeGroupType: "MASTER", RunningNodeCount: 1 }, { NodeGroupName: "core", NodeGroupType: "CORE", RunningNodeCount: 40 }, { NodeGroupName: "task", NodeGroupType: "TASK", RunningNodeCount: 6 }] }),
    });
    expectOnly(j, "emr-change-scale-in", "nodeGroups[1].nodeCount", /the live group is CORE/, /re-typed in the program stays CORE/);
  });
  test("failing: Subscription TASK nodes", () => {
    const b = withGroup(base(), "task", { paymentType: "Subscription" });
    expectOnly(judge(b, withTags(withGroup(b, "task", { nodeCount: 4 }), { "emr-guard:ack-scale-in": "task:6->4" })), "emr-change-scale-in", "nodeGroups[2].nodeCount", /Subscription nodes/);
  });
  test("failing: a TASK group without its own payment in a Subscription cluster has Subscription nodes", () => {
    const b = { ...base(), paymentType: "Subscription", subscriptionConfig: { paymentDuration: 1, paymentDurationUnit: "Month" } };
    expectOnly(judge(b, withTags(withGroup(b, "task", { nodeCount: 4 }), { "emr-guard:ack-scale-in": "task:6->4" })), "emr-change-scale-in", "nodeGroups[2].nodeCount", /Subscription nodes/);
  });
  test("failing: 25 -> 0 in one update; the fix steps it by count to 1, each step with its own acknowledgement, then the last node by its ID", () => {
    const b = withGroup(base(), "task", { nodeCount: 25 });
    const f = findingsOf(judge(b, withGroup(b, "task", { nodeCount: 0 })), "emr-change-scale-in");
    expect(f.map((x) => x.fix)).toEqual([
      expect.stringContaining('25 -> 15 -> 5 -> 1, one update each, at least 120 s apart, with the acknowledgement of each step: "task:25->15" (emr-guard:ack-scale-in), "task:15->5" (emr-guard:ack-scale-in), "task:5->1" (emr-guard:ack-scale-in); then release the last node by its ID'),
      expect.stringContaining("keep at least 1 node"),
    ]);
  });
  test("passing: the last step by count of that plan (5 -> 1) with the acknowledgement the fix named", () => {
    const b = withGroup(base(), "task", { nodeCount: 5 });
    expectPass(judge(b, withTags(withGroup(b, "task", { nodeCount: 1 }), { "emr-guard:ack-scale-in": "task:5->1" })), "emr-change-scale-in");
  });
  test("failing: an acknowledgement already in the recorded state is spent: it does not approve the same change again", () => {
    const b = withTags(base(), { "emr-guard:ack-scale-in": "task:6->4" });
    const j = judge(b, withGroup(b, "task", { nodeCount: 4 }));
    expectOnly(j, "emr-change-scale-in", "nodeGroups[2].nodeCount", /"task:6->4" approved an earlier update/, /"task:6->4@again"/);
    expect(findingsOf(j, "emr-change-stale-acks").map((f) => f.message)).toEqual([expect.stringMatching(/approved an earlier update/)]);
  });
  test("passing: the same change approved anew with an @ note", () => {
    const b = withTags(base(), { "emr-guard:ack-scale-in": "task:6->4" });
    expectPass(judge(b, withTags(withGroup(b, "task", { nodeCount: 4 }), { "emr-guard:ack-scale-in": "task:6->4@2026-12-02" })), "emr-change-scale-in");
  });
});

describe("emr-change-live-counts (auto-scaled groups)", () => {
  const scaled = (): Props => withGroup(base(), "task", { nodeCount: 2, autoScalingPolicy: { constraints: { minCapacity: 2, maxCapacity: 40 } } });
  test("failing offline: a core change next to an auto-scaled group from a state not refreshed", () => {
    const j = judge(scaled(), withGroup(scaled(), "core", { nodeCount: 42 }), { ignore: ["nodeGroups[2].nodeCount"], refreshed: false });
    expect(j.calls).toEqual(["IncreaseNodes core +2", "DecreaseNodes task -1..38 (maybe)"]);
    expectOnly(j, "emr-change-live-counts", "nodeGroups[2].nodeCount", /auto-scaled \(2-40\)/, /DecreaseNodes of up to 38/, /pulumi refresh/);
  });
  test("passing: the same change from a refreshed state (the provider plans task at its live count)", () => {
    const state = withGroup(scaled(), "task", { nodeCount: 25 });
    const j = judge(scaled(), withGroup(scaled(), "core", { nodeCount: 42 }), { ignore: ["nodeGroups[2].nodeCount"], beforeExtra: { state } });
    expect(j.calls).toEqual(["IncreaseNodes core +2"]);
    expectPass(j, "emr-change-live-counts");
  });
  test("failing with the live API: the exact DecreaseNodes task -23 is judged by the scale-in gate", () => {
    const live = liveFromApi({ nodeGroups: [{ NodeGroupName: "master", NodeGroupType: "MASTER", RunningNodeCount: 1 }, { NodeGroupName: "core", NodeGroupType: "CORE", RunningNodeCount: 40 }, { NodeGroupName: "task", NodeGroupType: "TASK", RunningNodeCount: 25 }] });
    const j = judge(scaled(), withGroup(scaled(), "core", { nodeCount: 42 }), { ignore: ["nodeGroups[2].nodeCount"], live });
    expect(j.calls).toEqual(["IncreaseNodes core +2", "DecreaseNodes task -23"]);
    expect(findingsOf(j, "emr-change-scale-in").map((f) => f.call)).toEqual(["DecreaseNodes task -23"]);
  });
});

describe("emr-change-group-removal", () => {
  test("passing: a TASK group with 0 nodes is removed: DeleteNodeGroup", () => {
    const b = withGroup(base(), "task", { nodeCount: 0 });
    const j = judge(b, { ...b, nodeGroups: b.nodeGroups.slice(0, 2) });
    expect(j.calls).toEqual(["DeleteNodeGroup task"]);
    expectPass(j, "emr-change-group-removal");
  });
  test("failing: a TASK group with 6 nodes is removed: the provider stops the update", () => {
    expectOnly(judge(base(), { ...base(), nodeGroups: base().nodeGroups.slice(0, 2) }), "emr-change-group-removal", 'nodeGroups (the live group "task")', /can not delete cause exists running nodes/, /step it down to 1 node .* release the last nodes by their IDs/);
  });
  test("failing: a group renamed while it has nodes (the provider creates the new one, then stops at the old one)", () => {
    const j = judge(base(), withGroup(base(), "task", { nodeGroupName: "task2" }));
    expect(j.calls).toEqual(["CreateNodeGroup task2 (NodeCount 6)"]);
    expect(findingsOf(j, "emr-change-group-removal").map((f) => f.group)).toEqual(["task"]);
  });
});

describe("emr-change-payment-switch", () => {
  const switched = (b: Props) => ({ ...b, paymentType: "Subscription", subscriptionConfig: { paymentDuration: 1, paymentDurationUnit: "Month", autoPayOrder: true }, nodeGroups: b.nodeGroups.map((g: Props) => (g.nodeGroupType === "TASK" ? g : { ...g, paymentType: "Subscription", subscriptionConfig: { paymentDuration: 1, paymentDurationUnit: "Month" } })) });
  test("passing: PayAsYouGo -> Subscription with MASTER and CORE, acknowledged", () => {
    const j = judge(base(), withTags(switched(base()), { "emr-guard:ack-payment-switch": "PayAsYouGo->Subscription" }));
    expect(j.calls).toEqual(["TagResources", "UpdateClusterPaymentType"]);
    expectPass(j, "emr-change-payment-switch");
  });
  test("failing: the same without the acknowledgement", () => expectOnly(judge(base(), switched(base())), "emr-change-payment-switch", "paymentType", /"PayAsYouGo->Subscription"/));
  test("failing: the cluster alone: the provider refuses after writing the tags", () => {
    const j = judge(base(), withTags({ ...base(), paymentType: "Subscription", subscriptionConfig: { paymentDuration: 1, paymentDurationUnit: "Month" } }, { "emr-guard:ack-payment-switch": "PayAsYouGo->Subscription" }));
    expect(j.calls).toEqual(["TagResources"]);
    expectOnly(j, "emr-change-payment-switch", "paymentType", /fails halfway after sending TagResources \(not undone\)/, /switch the MASTER and CORE groups in the same update/);
  });
  test("failing: Subscription -> PayAsYouGo is refused even acknowledged", () => {
    const b = switched(base());
    expectOnly(judge(b, withTags({ ...b, paymentType: "PayAsYouGo" }, { "emr-guard:ack-payment-switch": "Subscription->PayAsYouGo" })), "emr-change-payment-switch", "paymentType", /can only change paymentType from PayAsYouGo to Subscription/);
  });
});

describe("emr-change-security-mode and replacements", () => {
  test("passing: KERBEROS stays", () => expectPass(judge(haClusterProps(), haClusterProps()), "emr-change-security-mode"));
  test("failing: KERBEROS -> NORMAL (never applied; a downgrade)", () => expectOnly(judge(haClusterProps(), { ...haClusterProps(), securityMode: "NORMAL" }), "emr-change-security-mode", "securityMode", /KERBEROS -> NORMAL/));
  test("failing: securityMode under the component's replaceOnChanges on a protected cluster: the preview fails", () => {
    expectOnly(judge(haClusterProps(), { ...haClusterProps(), securityMode: "NORMAL" }, { replaceOnChanges: ["securityMode", "resourceGroupId"] }), "emr-change-replacement", "securityMode", /`pulumi preview` fails/);
  });
  test("failing: resourceGroupId under the component's replaceOnChanges on a protected cluster: the preview fails", () => {
    const b = { ...haClusterProps(), resourceGroupId: "rg-acfmaaaaaaaaaaa" };
    expectOnly(judge(b, { ...b, resourceGroupId: "rg-acfmbbbbbbbbbbb" }, { replaceOnChanges: ["securityMode", "resourceGroupId"] }), "emr-change-replacement", "resourceGroupId", /resourceGroupId changes, which replaces the cluster, and it is protected: `pulumi preview` fails/, /create a new cluster next to this one/);
  });
  test("passing: the same resourceGroupId, or none in the program (the provider keeps the cluster's)", () => {
    const b: Props = { ...haClusterProps(), resourceGroupId: "rg-acfmaaaaaaaaaaa" };
    const opts = { replaceOnChanges: ["securityMode", "resourceGroupId"] };
    expectPass(judge(b, { ...b, tags: { ...b.tags, owner: "data" } }, opts), "emr-change-replacement");
    expectPass(judge(b, { ...b, resourceGroupId: undefined }, opts), "emr-change-replacement");
  });
  test("passing: applications in another case and order are the same", () => expectPass(judge(base(), { ...base(), applications: [...base().applications].reverse().map((a: string) => a.toLowerCase()) }), "emr-change-replacement"));
  test("failing: releaseVersion on a protected cluster", () => expectOnly(judge(base(), { ...base(), releaseVersion: "EMR-5.17.0" }), "emr-change-replacement", "releaseVersion", /releaseVersion changes, which replaces the cluster, and it is protected/, /create a new cluster next to this one/));
  test("failing: releaseVersion on an unprotected cluster: RunCluster + DeleteCluster, data lost", () => {
    const j = judge(base(), { ...base(), releaseVersion: "EMR-5.17.0" }, { beforeExtra: { protect: false, retainOnDelete: false }, afterExtra: { protect: false } });
    expect(j.calls).toEqual(["RunCluster", "DeleteCluster"]);
    expect(mandatory(j)).toEqual(expect.arrayContaining(["emr-change-replacement @ releaseVersion", "emr-change-release @ (the cluster)"]));
  });
  test("failing: one nodeAttributes field, named", () => expectOnly(judge(base(), { ...base(), nodeAttributes: [{ ...base().nodeAttributes[0], keyPairName: "kp2" }] }), "emr-change-replacement", "nodeAttributes.keyPairName", /nodeAttributes.keyPairName changes/));
  test("passing: a field the provider defaulted (__defaults) and the program leaves out", () => {
    expectPass(judge({ ...base(), logCollectStrategy: "x", __defaults: ["logCollectStrategy"] }, base()), "emr-change-replacement");
  });
});

describe("emr-change-deletion-protection", () => {
  test("passing: turned off alone", () => {
    const j = judge(base(), { ...base(), deletionProtection: false });
    expect(j.calls).toEqual(["UpdateClusterAttribute DeletionProtection=false"]);
    expectPass(j, "emr-change-deletion-protection");
  });
  test("failing: turned off with a rename of the cluster (one call)", () => expectOnly(judge(base(), { ...base(), deletionProtection: false, clusterName: "x" }), "emr-change-deletion-protection", "deletionProtection", /ClusterName in the same call/));
  test("failing: turned off with a scale-out (another call of the same update)", () => expectOnly(judge(base(), withGroup({ ...base(), deletionProtection: false }, "core", { nodeCount: 41 })), "emr-change-deletion-protection", "deletionProtection", /IncreaseNodes core \+1/));

  // Edits that pass on their own (issue 22: a policy change or a group added/removed did not count next to protection off).
  const rule = "emr-change-deletion-protection";
  const ha = haClusterProps();
  const newPolicy = { constraints: { minCapacity: 2, maxCapacity: 60 } };
  const emptyTask = withGroup(base(), "task", { nodeCount: 0 });
  const withoutTask = (p: Props): Props => ({ ...p, nodeGroups: p.nodeGroups.filter((g: Props) => g.nodeGroupName !== "task") });
  const edits: [string, Props, (p: Props) => Props, RegExp, { ignore?: string[] }][] = [
    ["an auto-scaling policy replaced (acknowledged)", ha, (p) => withTags(withGroup(p, "task", { autoScalingPolicy: newPolicy }), { "emr-guard:ack-auto-scaling": `task:replace:${policyFingerprint(newPolicy)}` }), /PutAutoScalingPolicy task/, { ignore: ["nodeGroups[2].nodeCount"] }],
    ["an auto-scaling policy removed (acknowledged)", ha, (p) => withTags(withGroup(p, "task", { autoScalingPolicy: undefined }), { "emr-guard:ack-auto-scaling": "task:remove" }), /RemoveAutoScalingPolicy task/, {}],
    ["an auto-scaling policy added", base(), (p) => withGroup(p, "task", { autoScalingPolicy: { constraints: { minCapacity: 2, maxCapacity: 10 } } }), /PutAutoScalingPolicy task/, { ignore: ["nodeGroups[2].nodeCount"] }],
    ["a node group added", base(), (p) => ({ ...p, nodeGroups: [...p.nodeGroups, nodeGroupProps("TASK", "burst", 2)] }), /CreateNodeGroup burst/, {}],
    ["an empty node group removed", emptyTask, withoutTask, /DeleteNodeGroup task/, {}],
  ];
  test.each(edits)("failing: turned off with %s, which alone passes", (_name, before, edit, call, opts) => {
    expect(mandatory(judge(before, edit(before), opts))).toEqual([]);
    const j = judge(before, edit({ ...before, deletionProtection: false }), opts);
    expectOnly(j, rule, "deletionProtection", call, /turn deletion protection off alone/);
    expect(mandatory(j)).toEqual([`${rule} @ deletionProtection`]);
  });
  test.each(edits)("passing: turned off alone once %s is applied (the fix's order)", (_name, before, edit, _call, opts) => {
    const applied = edit(before);
    const j = judge(applied, { ...applied, deletionProtection: false }, opts);
    expect(j.calls).toEqual(["UpdateClusterAttribute DeletionProtection=false"]);
    expectPass(j, rule);
  });
  test("failing: turned off with a running group removed, which sends no call: the provider stops there after DeletionProtection=false, so it is another change of the update", () => {
    const j = judge(base(), withoutTask({ ...base(), deletionProtection: false }));
    expect(j.calls).toEqual(["UpdateClusterAttribute DeletionProtection=false"]);
    expectOnly(j, rule, "deletionProtection", /the live group "task"/, /turn deletion protection off alone/);
    expect(mandatory(j).sort()).toEqual([`${rule} @ deletionProtection`, 'emr-change-group-removal @ nodeGroups (the live group "task")']);
  });
});

describe("emr-change-auto-scaling", () => {
  const ha = haClusterProps();
  const newPolicy = { constraints: { minCapacity: 2, maxCapacity: 60 } };
  const ignore = { ignore: ["nodeGroups[2].nodeCount"] };
  test("passing: replaced with the acknowledgement naming the new policy", () => {
    expectPass(judge(ha, withTags(withGroup(ha, "task", { autoScalingPolicy: newPolicy }), { "emr-guard:ack-auto-scaling": `task:replace:${policyFingerprint(newPolicy)}` }), ignore), "emr-change-auto-scaling");
  });
  test("failing: replaced without it (old and new rules shown)", () => expectOnly(judge(ha, withGroup(ha, "task", { autoScalingPolicy: newPolicy }), ignore), "emr-change-auto-scaling", "nodeGroups[2].autoScalingPolicy", /old 2–40, rules: \[none\]; new 2–60/));
  test("failing: removed without task:remove", () => expectOnly(judge(ha, withGroup(ha, "task", { autoScalingPolicy: undefined })), "emr-change-auto-scaling", "nodeGroups[2].autoScalingPolicy", /RemoveAutoScalingPolicy/, /"task:remove"/));
  test("failing: MaxCapacity above the configured cap", () => expectOnly(judge(ha, withTags(withGroup(ha, "task", { autoScalingPolicy: newPolicy }), { "emr-guard:ack-auto-scaling": `task:replace:${policyFingerprint(newPolicy)}` }), { ...ignore, limits: limits({ maxAutoScalingCapacity: 50 }) }), "emr-change-auto-scaling", "nodeGroups[2].autoScalingPolicy.constraints.maxCapacity", /above the cap of 50/));
});

describe("emr-change-auto-scaling reads MaxCapacity as the pack reads a count", () => {
  const ha = haClusterProps();
  const ignore = { ignore: ["nodeGroups[2].nodeCount"] };
  const put = (maxCapacity: unknown) => {
    const policy = { constraints: { minCapacity: 2, maxCapacity } };
    return judge(ha, withTags(withGroup(ha, "task", { autoScalingPolicy: policy }), { "emr-guard:ack-auto-scaling": `task:replace:${policyFingerprint(policy)}` }), ignore);
  };
  test.each([2.5, -1, "lots"])("failing: MaxCapacity %p is not a whole number, never a pass", (v) =>
    expectOnly(put(v), "emr-change-auto-scaling", "nodeGroups[2].autoScalingPolicy.constraints.maxCapacity", /is not a whole number of at least 0/, /a whole number up to 100/));
  test('passing: "40" (a count handed over as a string) is 40', () => expectPass(put("40"), "emr-change-auto-scaling"));
});

describe("emr-change-disk-size", () => {
  test("passing: a larger data disk is IncreaseNodesDiskSize", () => {
    const j = judge(base(), withGroup(base(), "core", { dataDisks: [{ category: "cloud_essd", size: 200 }] }));
    expect(j.calls).toEqual(["IncreaseNodesDiskSize core"]);
    expectPass(j, "emr-change-disk-size");
  });
  test("failing: a smaller one stops the update", () => expectOnly(judge(base(), withGroup(base(), "core", { dataDisks: [{ category: "cloud_essd", size: 80 }] })), "emr-change-disk-size", "nodeGroups[1].dataDisks[0].size", /decrease node disk is not supported/));
});

describe("emr-change-tags", () => {
  test("passing: a tag added", () => expectPass(judge(base(), withTags(base(), { owner: "data" })), "emr-change-tags"));
  test("failing: a tag's value edited: written, then untagged by the provider", () => expectOnly(judge(base(), withTags(base(), { team: "platform" })), "emr-change-tags", 'tags["team"]', /ends up without "team"/, /two updates/));
  test("advisory only: an acknowledgement tag's value edited", () => {
    const b = withTags(base(), { "emr-guard:ack-scale-out": "core:40->65" });
    const j = judge(b, withTags(b, { "emr-guard:ack-scale-out": "core:40->66" }));
    expect(findingsOf(j, "emr-change-tags").map((f) => f.level)).toEqual(["advisory"]);
  });
});

describe("emr-change-not-applied (advisory)", () => {
  test("passing: no such edit", () => expectPass(judge(base(), withGroup(base(), "core", { nodeCount: 41 })), "emr-change-not-applied"));
  test("failing: a rotated metastore password in applicationConfigs: named, never printed", () => {
    const b = { ...base(), applicationConfigs: [{ applicationName: "HIVE", configItemKey: "javax.jdo.option.ConnectionPassword", configItemValue: "old-pw" }] };
    const a = { ...b, applicationConfigs: [{ ...b.applicationConfigs[0], configItemValue: "new-pw" }] };
    const j = judge(b, a);
    expectOnly(j, "emr-change-not-applied", "applicationConfigs", /will not reach the cluster/, /EMR console/);
    expect(findingsOf(j, "emr-change-not-applied")[0].level).toBe("advisory");
    expect(JSON.stringify(j.results)).not.toMatch(/old-pw|new-pw/);
  });
  test("failing: a group's instanceTypes, system disk, graceful shutdown and subscription: each named", () => {
    const after = withGroup(base(), "core", { instanceTypes: ["ecs.g8.xlarge"], systemDisk: { category: "cloud_essd", size: 200 }, gracefulShutdown: true, subscriptionConfig: { paymentDuration: 2, paymentDurationUnit: "Month" } });
    expect(findingsOf(judge(base(), after), "emr-change-not-applied").map((f) => f.path).sort()).toEqual(["nodeGroups[1].gracefulShutdown", "nodeGroups[1].instanceTypes", "nodeGroups[1].subscriptionConfig", "nodeGroups[1].systemDisk"]);
  });
  test("failing: the cluster's subscriptionConfig.autoRenew: no call, the renewal is the console's (UpdateClusterAutoRenew)", () => {
    const b = haClusterProps();
    const j = judge(b, { ...b, subscriptionConfig: { ...b.subscriptionConfig, autoRenew: true } }, { ignore: ["nodeGroups[2].nodeCount"] });
    expect(j.calls).toEqual([]);
    expectOnly(j, "emr-change-not-applied", "subscriptionConfig", /subscriptionConfig .* -> .*"autoRenew":true.*: the provider makes no API call for this field after creation/, /UpdateClusterAutoRenew/);
    expect(findingsOf(j, "emr-change-not-applied")[0].level).toBe("advisory");
  });
  test("failing: a node group's subscriptionConfig.autoRenew: no call, named by its group; its instances' renewal is the console's (no new group)", () => {
    const b = withGroup(haClusterProps(), "core", { paymentType: "Subscription", subscriptionConfig: { paymentDuration: 12, paymentDurationUnit: "Month", autoPayOrder: true, autoRenew: false } });
    const j = judge(b, withGroup(b, "core", { subscriptionConfig: { ...b.nodeGroups[1].subscriptionConfig, autoRenew: true } }), { ignore: ["nodeGroups[2].nodeCount"] });
    expect(j.calls).toEqual([]);
    expectOnly(j, "emr-change-not-applied", "nodeGroups[1].subscriptionConfig", /node group "core": nodeGroups\[1\]\.subscriptionConfig .*will not reach the cluster/, /\| change the renewal of the group's instances in the EMR console \(UpdateClusterAutoRenew/);
    // Its payment duration is not a renewal: that one still needs a new group.
    const longer = withGroup(b, "core", { subscriptionConfig: { ...b.nodeGroups[1].subscriptionConfig, paymentDuration: 24 } });
    expect(findingsOf(judge(b, longer, { ignore: ["nodeGroups[2].nodeCount"] }), "emr-change-not-applied").map((f) => f.fix)).toEqual([expect.stringMatching(/^add a new node group/)]);
  });
  test("passing: the same autoRenew on the cluster and its groups", () => {
    const b = withGroup(haClusterProps(), "core", { paymentType: "Subscription", subscriptionConfig: { paymentDuration: 12, paymentDurationUnit: "Month", autoPayOrder: true, autoRenew: true } });
    const a = { ...b, subscriptionConfig: { ...b.subscriptionConfig, autoRenew: false } };
    expectPass(judge(a, clone(a), { ignore: ["nodeGroups[2].nodeCount"] }), "emr-change-not-applied");
  });
  test("failing: a disk's category changes (the provider only grows the size)", () => expectOnly(judge(base(), withGroup(base(), "core", { dataDisks: [{ category: "cloud_ssd", size: 120 }] })), "emr-change-not-applied", "nodeGroups[1].dataDisks", /add a new node group/));
  test("unknown: two secrets that cannot be told apart", () => {
    const b = { ...base(), applicationConfigs: [{ configItemValue: new SecretValue() }] };
    expect(outcomeOf(judge(b, clone(b) && { ...b }), "emr-change-not-applied").kind).not.toBe("compliant");
  });
});

describe("emr-change-ack-format and emr-change-stale-acks", () => {
  test("passing: entries in their form", () => expectPass(judge(base(), withTags(withGroup(base(), "task", { nodeCount: 4 }), { "emr-guard:ack-scale-in": "task:6->4" })), "emr-change-ack-format"));
  test('failing: ack-task-to-zero "true"', () => expectOnly(judge(base(), withTags(base(), { "emr-guard:ack-task-to-zero": "true" })), "emr-change-ack-format", 'tags["emr-guard:ack-task-to-zero"]', /"task:6->0"/));
  test("passing: the entry names a call of the plan", () => expectPass(judge(base(), withTags(withGroup(base(), "core", { nodeCount: 65 }), { "emr-guard:ack-scale-out": "core:40->65" })), "emr-change-stale-acks"));
  test("failing: a leftover entry approves nothing", () => expectOnly(judge(base(), withTags(base(), { "emr-guard:ack-scale-out": "core:40->65" })), "emr-change-stale-acks", 'tags["emr-guard:ack-scale-out"]', /not in this plan/));
  test("failing: an emr:retire entry for a cluster that stays", () => {
    const j = judge(base(), base(), { retire: [{ name: "analytics", clusterId: "c-0123456789abcdef" }] });
    expect(j.results.flatMap((r) => (r.outcome.kind === "non-compliant" ? r.outcome.findings : [])).map((f) => [f.level, f.path])).toEqual([["advisory", "emr:retire"]]);
  });
});

describe("emr-change-retirement and emr-change-release", () => {
  const retire = [{ name: "analytics", clusterId: "c-0123456789abcdef" }];
  test("passing: removed with its emr:retire entry, retained and unprotected: nothing is sent", () => {
    const j = judge(base(), undefined, { retire, beforeExtra: { protect: false } });
    expect(j.plan.operation).toBe("retain");
    expect(mandatory(j)).toEqual([]);
  });
  test("failing: still protected: the preview fails until `pulumi state unprotect`", () => {
    expectOnly(judge(base(), undefined, { retire }), "emr-change-retirement", "(removed from the program)", /`pulumi preview` fails/, /pulumi state unprotect 'urn:pulumi:dev::emr::alicloud:emrv2\/cluster:Cluster::analytics'/);
  });
  test("failing: a wrong retirement ID gets the entry fixed first, no unprotect advice", () => {
    const fs = findingsOf(judge(base(), undefined, { retire: [{ name: "analytics", clusterId: "c-ffff" }] }), "emr-change-retirement");
    expect(fs.map((f) => f.message)).toEqual(['cluster "analytics": emr:retire names cluster c-ffff for "analytics", but the state records c-0123456789abcdef']);
    expect(JSON.stringify(fs)).not.toMatch(/unprotect/);
  });
  test("failing: removed without a retirement entry", () => expectOnly(judge(base(), undefined, { beforeExtra: { protect: false } }), "emr-change-retirement", "(removed from the program)", /without a retirement entry/, /emr:retire: \[\{ name: "analytics", clusterId: "c-0123456789abcdef" \}\]/));
  test("failing: recorded without retainOnDelete: DeleteCluster, which nothing here may send", () => {
    const j = judge(base(), undefined, { retire, beforeExtra: { protect: false, retainOnDelete: false } });
    expect(j.calls).toEqual(["DeleteCluster"]);
    expect(mandatory(j)).toEqual(["emr-change-release @ (the cluster)"]);
  });
  test("failing: the metastore's account leaves with the cluster without retainOnDelete", () => {
    const uses = [{ urn: "urn:pulumi:dev::emr::emr:index:Cluster$alicloud:rds/rdsAccount:RdsAccount::analytics-metastore-account", type: "alicloud:rds/rdsAccount:RdsAccount", name: "analytics-metastore-account", retainOnDelete: false, leaves: true }];
    expectOnly(judge(base(), undefined, { retire, beforeExtra: { protect: false }, uses }), "emr-change-retirement", uses[0].urn, /DeleteAccount/, /retainOnDelete: true too/);
  });
  /** What a retired cluster uses: its component's security group and metastore, each retained unless `without` names it. */
  const usesWithout = (without: string) => [
    ["alicloud:ecs/securityGroup:SecurityGroup", "analytics-sg"],
    ["alicloud:rds/instance:Instance", "analytics-metastore"],
    ["alicloud:rds/database:Database", "analytics-metastore-db"],
    ["alicloud:rds/rdsAccount:RdsAccount", "analytics-metastore-account"],
    ["alicloud:rds/accountPrivilege:AccountPrivilege", "analytics-metastore-privilege"],
  ].map(([type, name]) => ({ urn: `urn:pulumi:dev::emr::emr:index:Cluster$${type}::${name}`, type, name, retainOnDelete: name !== without, leaves: true }));
  test("passing: everything it uses (security group, instance, database, account, privilege) retained: nothing is sent", () => {
    expect(mandatory(judge(base(), undefined, { retire, beforeExtra: { protect: false }, uses: usesWithout("") }))).toEqual([]);
  });
  test("failing: the metastore's privilege leaves with the cluster without retainOnDelete: RevokeAccountPrivilege named", () => {
    const uses = usesWithout("analytics-metastore-privilege");
    expectOnly(judge(base(), undefined, { retire, beforeExtra: { protect: false }, uses }), "emr-change-retirement", uses[4].urn, /"analytics-metastore-privilege" \(alicloud:rds\/accountPrivilege:AccountPrivilege\) leaves the program with the cluster without retainOnDelete, so the same `pulumi up` calls RevokeAccountPrivilege/, /give "analytics-metastore-privilege" retainOnDelete: true too/);
  });
  test("failing: the security group the cluster uses leaves without retainOnDelete: DeleteSecurityGroup named (it would hang on DependencyViolation)", () => {
    const uses = usesWithout("analytics-sg");
    expectOnly(judge(base(), undefined, { retire, beforeExtra: { protect: false }, uses }), "emr-change-retirement", uses[0].urn, /"analytics-sg" \(alicloud:ecs\/securityGroup:SecurityGroup\) .* calls DeleteSecurityGroup, retried on DependencyViolation until its 10-minute timeout/, /give "analytics-sg" retainOnDelete: true too/);
  });
});
