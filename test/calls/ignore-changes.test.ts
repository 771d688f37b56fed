/**
 * ignoreChanges as the engine applies it (PropertyPath.Reset in pulumi sdk v3.274.1 properties_path.go, called by
 * processIgnoreChanges): a path through an added or removed element is skipped (the engine logs it and plans the
 * program's value, no error), a leaf key the state lacks is deleted, `*` resets what both sides share. The engine tier
 * (test/engine/ignore-changes.engine.ts) runs the same cases and random ones through the engine's own Go code.
 */
import { applyIgnoreChanges, parsePropertyPath } from "../../policies/rules/calls/ignore-changes";
import { planClusterCalls, type ProgramCluster, type RecordedCluster } from "../../policies/rules/calls";
import { devClusterProps } from "../helpers/cluster-props";
import { IGNORE_CHANGES_CASES } from "../helpers/ignore-changes-cases";

type Json = Record<string, any>;
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x));

describe("applyIgnoreChanges: the engine's rules, case by case", () => {
  test.each(IGNORE_CHANGES_CASES)("$name", ({ old, next, paths, planned, skipped }) => {
    const result = applyIgnoreChanges(next, old, paths);
    expect(result.planned).toEqual(planned);
    expect(result.skipped.map((s) => s.path)).toEqual(skipped);
  });
  test("the program's inputs are not touched (a copy is planned)", () => {
    const next = { nodeGroups: [{ nodeCount: 5 }] };
    applyIgnoreChanges(next, { nodeGroups: [{ nodeCount: 2 }] }, ["nodeGroups[0].nodeCount"]);
    expect(next).toEqual({ nodeGroups: [{ nodeCount: 5 }] });
  });
  test("why a path is skipped: unparsable, or an added or removed element", () => {
    expect(applyIgnoreChanges({ a: [1] }, { a: [] }, ["a[", "a[0]"]).skipped).toEqual([
      { path: "a[", why: "not a property path" },
      { path: "a[0]", why: "an element of the path was added or removed" },
    ]);
  });
});

describe("parsePropertyPath: as loose as the engine's parser", () => {
  test.each([
    ["nodeGroups[2].nodeCount", ["nodeGroups", 2, "nodeCount"]],
    ["tags.*", ["tags", "*"]],
    ['tags["*"]', ["tags", "*"]],
    ["nodeGroups[*].nodeCount", ["nodeGroups", "*", "nodeCount"]],
    ["a.b-c", ["a", "b-c"]],
    ["a.[0]", ["a", 0]],
    ["a[+1]", ["a", 1]],
    ["a[-1]", ["a", -1]],
    ['a["k \\"q\\" .x"]', ["a", 'k "q" .x']],
    ["", []],
  ])("%p", (path, segments) => expect(parsePropertyPath(path)).toEqual(segments));
  test.each([".a", "a.", "a[", "a[x]", 'a["k', 'a["k"x'])("%p is refused (the engine drops it)", (path) => expect(parsePropertyPath(path)).toBeUndefined());
});

describe("the call plan with a new auto-scaled group (seen in the engine tier)", () => {
  const AUTO = { constraints: { minCapacity: 2, maxCapacity: 40 } };
  const recorded = (inputs: Json): RecordedCluster => ({ inputs: clone(inputs), state: clone(inputs), id: "c-0123456789abcdef", protect: true, retainOnDelete: true });
  const program = (inputs: Json, ignoreChanges: string[]): ProgramCluster => ({ inputs: clone(inputs), ignoreChanges, replaceOnChanges: [], protect: true, retainOnDelete: true });

  test("its count is ignored at an index the state lacks: the engine skips it, so CreateNodeGroup is followed by IncreaseNodes 2", () => {
    const before = devClusterProps();
    const after = clone(before);
    after.nodeGroups.push({ ...clone(before.nodeGroups[1]), nodeGroupType: "TASK", nodeGroupName: "task-auto", nodeCount: 2, autoScalingPolicy: AUTO });
    const plan = planClusterCalls({ cluster: "dev", before: recorded(before), after: program(after, [`nodeGroups[${after.nodeGroups.length - 1}].nodeCount`]), refreshed: true });
    expect(plan.calls.filter((c) => c.group === "task-auto").map((c) => [c.action, c.params.IncreaseNodeCount])).toEqual([
      ["CreateNodeGroup", undefined],
      ["IncreaseNodes", 2],
    ]);
    expect(plan.ignoreSkipped).toEqual([{ path: "nodeGroups[2].nodeCount", why: "an element of the path was added or removed" }]);
    expect(plan.previewErrors).toEqual([]);
  });
});
