/**
 * Issue 17's change items through the path a user takes: one `emr-check --plan` process on a plan document whose
 * clusters each carry one item (a failing and a passing cluster per item), so one run answers every assertion.
 * The plan is written as `pulumi preview --json` writes it (steps with oldState/newState, options recorded).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCli } from "../helpers/run-cli";
import { devClusterProps, nodeGroupProps } from "../helpers/cluster-props";

type Json = Record<string, any>;
const TYPE = "alicloud:emrv2/cluster:Cluster";
const urn = (name: string, type = TYPE) => `urn:pulumi:prod::emr-clusters::emr:index:Cluster$${type}::${name}`;
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x));

/** The dev cluster (master 1, core 2) with a TASK group of 6 and a GATEWAY of 3. */
const base = (name: string): Json => ({ ...devClusterProps(), clusterName: name, nodeGroups: [nodeGroupProps("MASTER", "master", 1), nodeGroupProps("CORE", "core", 2), nodeGroupProps("TASK", "task", 6), nodeGroupProps("GATEWAY", "gw", 3)] });
const group = (p: Json, name: string, change: Json): Json => ({ ...p, nodeGroups: p.nodeGroups.map((g: Json) => (g.nodeGroupName === name ? { ...g, ...change } : g)) });
const tags = (p: Json, t: Json): Json => ({ ...p, tags: { ...p.tags, ...t } });

interface Case { name: string; before?: Json; after?: Json; op?: string; options?: Json; replaceReasons?: string[]; oldOptions?: Json }

function step(c: Case): Json {
  const options = { protect: true, retainOnDelete: true, ignoreChanges: [], replaceOnChanges: ["securityMode", "resourceGroupId"], ...c.options };
  const op = c.op ?? (c.before && c.after ? "update" : c.after ? "create" : "delete");
  return {
    op, urn: urn(c.name),
    ...(c.before ? { oldState: { urn: urn(c.name), type: TYPE, custom: true, id: `c-${c.name.replace(/[^a-z0-9]/g, "").slice(0, 16).padEnd(16, "0")}`, protect: true, retainOnDelete: true, inputs: c.before, outputs: c.before, ...c.oldOptions } } : {}),
    ...(c.after ? { newState: { urn: urn(c.name), type: TYPE, custom: true, ...options, inputs: c.after } } : {}),
    ...(c.replaceReasons ? { replaceReasons: c.replaceReasons } : {}),
  };
}

const CASES: Case[] = [
  // A CORE group re-typed to TASK in the program can be shrunk: the live group is CORE.
  { name: "retyped", before: base("retyped"), after: tags(group(base("retyped"), "core", { nodeGroupType: "TASK", nodeCount: 1 }), { "emr-guard:ack-scale-in": "core:2->1" }) },
  { name: "retyped-ok", before: base("retyped-ok"), after: tags(group(base("retyped-ok"), "task", { nodeCount: 5 }), { "emr-guard:ack-scale-in": "task:6->5" }) },
  // GATEWAY scale-in: the seed allows DecreaseNodes on TASK only.
  { name: "gateway", before: base("gateway"), after: tags(group(base("gateway"), "gw", { nodeCount: 2 }), { "emr-guard:ack-scale-in": "gw:3->2" }) },
  // A TASK group without its own payment in a Subscription cluster has Subscription nodes.
  { name: "subtask", before: { ...group(base("subtask"), "task", { paymentType: undefined }), paymentType: "Subscription", subscriptionConfig: { paymentDuration: 1, paymentDurationUnit: "Month", autoPayOrder: true } }, after: tags({ ...group(base("subtask"), "task", { paymentType: undefined, nodeCount: 5 }), paymentType: "Subscription", subscriptionConfig: { paymentDuration: 1, paymentDurationUnit: "Month", autoPayOrder: true } }, { "emr-guard:ack-scale-in": "task:6->5" }) },
  // Disk shrink: refused at apply.
  { name: "disk", before: base("disk"), after: group(base("disk"), "core", { dataDisks: [{ category: "cloud_essd", size: 60 }] }) },
  // A tag value edit: the provider removes the tag.
  { name: "tagedit", before: tags(base("tagedit"), { team: "data" }), after: tags(base("tagedit"), { team: "platform" }) },
  { name: "tagadd", before: base("tagadd"), after: tags(base("tagadd"), { owner: "data" }) },
  // The payment switch of the cluster alone: refused after the tags were written.
  { name: "payment", before: base("payment"), after: tags({ ...base("payment"), paymentType: "Subscription", subscriptionConfig: { paymentDuration: 1, paymentDurationUnit: "Month", autoPayOrder: true } }, { "emr-guard:ack-payment-switch": "PayAsYouGo->Subscription" }) },
  // A new cluster with a group above 50, even with ack-node-count: refused at RunCluster.
  { name: "big-new", after: tags(group(base("big-new"), "core", { nodeCount: 60 }), { "emr-guard:ack-node-count": "60", "emr-guard:ack-cluster-nodes": "100" }) },
  // A replace step without replaceReasons: a replacement, never "no change".
  { name: "replaced", before: base("replaced"), after: base("replaced"), op: "replace", options: { protect: false }, oldOptions: { protect: false, retainOnDelete: false } },
  // securityMode under the component's replaceOnChanges on a protected cluster: the real preview fails.
  { name: "secmode", before: { ...base("secmode"), securityMode: "KERBEROS" }, after: { ...base("secmode"), securityMode: "NORMAL" } },
  // resourceGroupId, the component's other replaceOnChanges path: the same; unchanged, or left out of the program (the
  // provider keeps the cluster's: no diff, so no replacement), it passes.
  { name: "rgroup", before: { ...base("rgroup"), resourceGroupId: "rg-acfmaaaaaaaaaaa" }, after: { ...base("rgroup"), resourceGroupId: "rg-acfmbbbbbbbbbbb" } },
  { name: "rgroup-ok", before: { ...base("rgroup-ok"), resourceGroupId: "rg-acfmaaaaaaaaaaa" }, after: base("rgroup-ok") },
  // A count covered by ignoreChanges is not a scale-in (the state is refreshed in this plan: --refreshed).
  { name: "ignored", before: group(base("ignored"), "task", { nodeCount: 6, autoScalingPolicy: { constraints: { minCapacity: 2, maxCapacity: 40 } } }), after: group(base("ignored"), "task", { nodeCount: 2, autoScalingPolicy: { constraints: { minCapacity: 2, maxCapacity: 40 } } }), options: { ignoreChanges: ["nodeGroups[2].nodeCount"] } },
  // Auto-renewal, of the cluster and of a node group: the provider never applies it (advisory, named, no call).
  { name: "renew", before: { ...base("renew"), paymentType: "Subscription", subscriptionConfig: { paymentDuration: 1, paymentDurationUnit: "Month", autoPayOrder: true, autoRenew: false } }, after: { ...base("renew"), paymentType: "Subscription", subscriptionConfig: { paymentDuration: 1, paymentDurationUnit: "Month", autoPayOrder: true, autoRenew: true } } },
  { name: "renew-group", before: group(base("renew-group"), "core", { paymentType: "Subscription", subscriptionConfig: { paymentDuration: 1, paymentDurationUnit: "Month", autoPayOrder: true } }), after: group(base("renew-group"), "core", { paymentType: "Subscription", subscriptionConfig: { paymentDuration: 1, paymentDurationUnit: "Month", autoPayOrder: true, autoRenew: true } }) },
  // A spent acknowledgement: recorded in the state, it does not approve the same change again.
  { name: "spent", before: tags(base("spent"), { "emr-guard:ack-scale-in": "task:6->5" }), after: tags(group(base("spent"), "task", { nodeCount: 5 }), { "emr-guard:ack-scale-in": "task:6->5" }) },
];

let verdicts: Record<string, string[]>;
let advisories: Record<string, string[]>;
let calls: Record<string, string[]>;
let kinds: Record<string, string>;
let code: number;

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "emr-items-"));
  const plan = path.join(dir, "plan.json");
  fs.writeFileSync(plan, JSON.stringify({ steps: CASES.map((c) => step(clone(c))) }));
  const run = await runCli(["--stack", "prod", "--plan", plan, "--refreshed", "--format", "json"], 90000);
  code = run.code;
  const changes = JSON.parse(run.stdout).reports[0].changes.clusters as Json[];
  verdicts = Object.fromEntries(changes.map((c) => [c.cluster, c.verdicts.filter((v: Json) => v.level === "mandatory").map((v: Json) => `${v.rule}: ${v.message} | fix: ${v.fix}`)]));
  advisories = Object.fromEntries(changes.map((c) => [c.cluster, c.verdicts.filter((v: Json) => v.level === "advisory").map((v: Json) => `${v.rule}: ${v.message} | fix: ${v.fix}`)]));
  calls = Object.fromEntries(changes.map((c) => [c.cluster, c.calls.map((x: Json) => x.call)]));
  kinds = Object.fromEntries(changes.map((c) => [c.cluster, c.kind]));
  fs.rmSync(dir, { recursive: true, force: true });
}, 120000);

const rules = (name: string) => verdicts[name].map((v) => v.split(":")[0]);

test("the run fails (exit 1): several items are refused", () => expect(code).toBe(1));
test("a CORE group re-typed to TASK: DecreaseNodes on the live CORE group, refused (the provider checks the program's type)", () => {
  expect(calls.retyped).toContain("DecreaseNodes core -1");
  expect(verdicts.retyped).toEqual([expect.stringMatching(/^emr-change-scale-in: .*the live group is CORE/)]);
  expect(verdicts["retyped-ok"]).toEqual([]);
});
test("a GATEWAY scale-in is refused (TASK only)", () => expect(verdicts.gateway).toEqual([expect.stringMatching(/^emr-change-scale-in: .*only TASK groups are scaled in \(the live group is GATEWAY/)]));
test("a TASK group without its own payment in a Subscription cluster: Subscription nodes, refused", () => expect(verdicts.subtask).toEqual([expect.stringMatching(/Subscription nodes/)]));
test("a data disk shrink: pulumi up fails halfway", () => expect(verdicts.disk).toEqual([expect.stringMatching(/^emr-change-disk-size: .*decrease node disk is not supported/)]));
test("a tag value edit is refused (the provider removes the tag); a new tag passes", () => {
  expect(calls.tagedit).toEqual(["TagResources", "UntagResources"]);
  expect(verdicts.tagedit).toEqual([expect.stringMatching(/^emr-change-tags: .*ends up without "team"/)]);
  expect(verdicts.tagadd).toEqual([]);
});
test("the cluster's payment switch alone: refused after TagResources", () => {
  expect(calls.payment).toEqual(["TagResources"]);
  expect(verdicts.payment).toEqual([expect.stringMatching(/^emr-change-payment-switch: .*fails halfway after sending TagResources/)]);
});
test("a new cluster with a group of 60, acknowledged: refused at RunCluster", () => expect(rules("big-new")).toEqual(["emr-change-creation"]));
test("a replace step without replaceReasons is a replacement", () => {
  expect(kinds.replaced).toBe("replace");
  expect(rules("replaced")).toEqual(expect.arrayContaining(["emr-change-replacement", "emr-change-release"]));
});
test("securityMode under replaceOnChanges on a protected cluster: the preview fails", () => expect(verdicts.secmode).toEqual([expect.stringMatching(/^emr-change-replacement: .*securityMode changes, which replaces the cluster, and it is protected/)]));
test("resourceGroupId under replaceOnChanges on a protected cluster: the preview fails; left out of the program, nothing", () => {
  expect([kinds.rgroup, calls.rgroup]).toEqual(["replace", []]);
  expect(verdicts.rgroup).toEqual([expect.stringMatching(/^emr-change-replacement: .*resourceGroupId changes, which replaces the cluster, and it is protected: `pulumi preview` fails/)]);
  expect([kinds["rgroup-ok"], verdicts["rgroup-ok"]]).toEqual(["same", []]);
});
test("a count under ignoreChanges is no scale-in", () => {
  expect(calls.ignored).toEqual([]);
  expect(verdicts.ignored).toEqual([]);
});
test("autoRenew, the cluster's and a node group's: no call, reported as never applied, with where to change it", () => {
  expect([calls.renew, verdicts.renew]).toEqual([[], []]);
  expect(advisories.renew).toEqual([expect.stringMatching(/^emr-change-not-applied: cluster "renew": subscriptionConfig .*"autoRenew":false.* -> .*"autoRenew":true.*will not reach the cluster \| fix: change the renewal in the EMR console \(UpdateClusterAutoRenew\)/)]);
  expect([calls["renew-group"], verdicts["renew-group"]]).toEqual([[], []]);
  expect(advisories["renew-group"]).toEqual([expect.stringMatching(/^emr-change-not-applied: cluster "renew-group": node group "core": nodeGroups\[1\]\.subscriptionConfig .*will not reach the cluster \| fix: change the renewal of the group's instances in the EMR console/)]);
});
test("an acknowledgement recorded in the state is spent", () => expect(verdicts.spent).toEqual([expect.stringMatching(/^emr-change-scale-in: .*\| fix: .*approve it anew: the entry "task:6->5" approved an earlier update/)]));
