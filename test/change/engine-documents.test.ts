/**
 * The change readers on documents the real engine wrote (test/fixtures/engine, recorded by test/engine/day2.engine.ts
 * with ENGINE_RECORD=1: the Pulumi CLI v3.274.1 and our alicloud provider build against the emulator). The stack
 * export is of two dev clusters after a new auto-scaled TASK group; the preview is of a pending core 3 → 25.
 * The hand-made documents in test/fixtures/change stay for what this run cannot produce: encrypted secrets in the
 * state (our engine stacks keep none), a cluster left in state without retainOnDelete, and a replacement.
 */
import * as fs from "fs";
import * as path from "path";
import { readPreview, readStackExport } from "../../check/change/documents";
import { changesFromPlan } from "../../check/change/pairs";
import { describeChange } from "../../policies/rules/change";

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, "../fixtures/engine", name), "utf8");

test("pulumi stack export: both clusters, each with its ID, protect and retainOnDelete as the engine recorded them", () => {
  const clusters = readStackExport(fixture("stack-export.json"), "stack-export.json");
  expect(clusters.map((c) => [c.name, c.recorded.protect, c.recorded.retainOnDelete, /^c-[0-9a-f]{16}$/.test(String(c.recorded.id))])).toEqual([
    ["scratch", true, true, true],
    ["analytics-dev", true, true, true],
  ]);
  const groups = (clusters[1].inputs.nodeGroups as { nodeGroupName: string; nodeCount: number }[]).map((g) => [g.nodeGroupName, g.nodeCount]);
  expect(groups).toEqual([["master", 1], ["core", 3], ["task", 2], ["task-auto", 2]]);
});

test("the engine records the auto-scaled group's ignoreChanges path in the state", () => {
  const doc = JSON.parse(fixture("stack-export.json")) as { deployment: { resources: { type: string; urn: string; ignoreChanges?: string[] }[] } };
  const cluster = doc.deployment.resources.find((r) => r.type === "alicloud:emrv2/cluster:Cluster" && r.urn.endsWith("::analytics-dev"));
  expect(cluster?.ignoreChanges).toEqual(["nodeGroups[3].nodeCount"]);
});

test("pulumi preview --json: one cluster update, core 3 → 25, with the provider's detailed diff and diff reasons", () => {
  const planned = readPreview(fixture("preview.json"), "preview.json");
  expect(planned.map((c) => [c.name, c.op, c.providerDiff])).toEqual([["analytics-dev", "update", ["nodeGroups[1].nodeCount", "nodeGroups"]]]);
  expect(changesFromPlan(planned).map(describeChange)).toEqual([["core 3 → 25 (+22)"]]);
});
