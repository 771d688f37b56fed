/**
 * The change readers on documents the real engine wrote (test/fixtures/engine, recorded by test/engine/day2.engine.ts
 * with ENGINE_RECORD=1: the Pulumi CLI v3.274.1 and our alicloud provider build against the emulator). The stack
 * export is of two dev clusters after a new auto-scaled TASK group; the preview is of a pending core 3 → 25.
 * The hand-made documents in test/fixtures/change stay for what this run cannot produce: encrypted secrets in the
 * state (the engine stacks keep none: the metastore the component would create needs the random provider), a
 * cluster recorded without retainOnDelete, a replacement, a created cluster beside updated ones.
 */
import * as fs from "fs";
import * as path from "path";
import { planChanges } from "../../check/change/change-check";
import { readPreview, readRecordedResources } from "../../check/change/documents";
import { DEFAULT_LIMITS, TYPES } from "../../policies/rules/domain";

const file = (name: string) => path.join(__dirname, "../fixtures/engine", name);
const fixture = (name: string) => fs.readFileSync(file(name), "utf8");

test("pulumi stack export: both clusters, each with its ID, protect and retainOnDelete as the engine recorded them", () => {
  const clusters = readRecordedResources(fixture("stack-export.json"), "stack-export.json").filter((r) => r.type === TYPES.cluster);
  expect(clusters.map((c) => [c.name, c.protect, c.retainOnDelete, /^c-[0-9a-f]{16}$/.test(String(c.id))])).toEqual([
    ["scratch", true, true, true],
    ["analytics-dev", true, true, true],
  ]);
  const groups = (clusters[1].inputs.nodeGroups as { nodeGroupName: string; nodeCount: number }[]).map((g) => [g.nodeGroupName, g.nodeCount]);
  expect(groups).toEqual([["master", 1], ["core", 3], ["task", 2], ["task-auto", 2]]);
});

test("the engine records resource options in both documents: the auto-scaled group's ignoreChanges path, protect, retainOnDelete", () => {
  const exported = JSON.parse(fixture("stack-export.json")) as { deployment: { resources: { type: string; urn: string; ignoreChanges?: string[] }[] } };
  expect(exported.deployment.resources.find((r) => r.type === TYPES.cluster && r.urn.endsWith("::analytics-dev"))?.ignoreChanges).toEqual(["nodeGroups[3].nodeCount"]);
  // pulumi preview --json (CLI v3.274.1) carries them on the new state too.
  const preview = JSON.parse(fixture("preview.json")) as { steps: { urn: string; newState?: { ignoreChanges?: string[]; protect?: boolean; retainOnDelete?: boolean } }[] };
  const step = preview.steps.find((s) => s.urn.endsWith("alicloud:emrv2/cluster:Cluster::analytics-dev"));
  expect([step?.newState?.ignoreChanges, step?.newState?.protect, step?.newState?.retainOnDelete]).toEqual([["nodeGroups[3].nodeCount"], true, true]);
});

test("pulumi preview --json: one cluster update, core 3 → 25, with the provider's detailed diff and diff reasons", () => {
  const clusters = readPreview(fixture("preview.json"), "preview.json").resources.filter((r) => r.type === TYPES.cluster);
  expect(clusters.map((c) => [c.name, c.op, c.providerDiff])).toEqual([["analytics-dev", "update", ["nodeGroups[1].nodeCount", "nodeGroups"]]]);
});

test("--plan on the real preview: IncreaseNodes core +22, refused by the scale-out rule without its acknowledgement", () => {
  const section = planChanges(file("preview.json"), {}, undefined, DEFAULT_LIMITS, false);
  // Offline, task-auto's live count is only its policy's 2-10: the provider may shrink it back to the state's 2 (the
  // engine suite's next step shows it doing so: DecreaseNodes task-auto 3).
  expect(section.clusters.map((c) => [c.cluster, c.kind, c.calls.map((x) => x.call)])).toEqual([["analytics-dev", "update", ["IncreaseNodes core +22", "DecreaseNodes task-auto -1..8 (maybe)"]]]);
  const mandatory = section.clusters.flatMap((c) => c.verdicts.filter((v) => v.level === "mandatory").map((v) => v.rule));
  expect(mandatory).toContain("emr-change-scale-out");
});
