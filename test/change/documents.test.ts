/** The readers of `pulumi stack export` and `pulumi preview --json` on real-format fixtures, and on bad documents. */
import * as fs from "fs";
import * as path from "path";
import { inspect } from "util";
import { DocumentError, readPreview, readRecordedResources } from "../../check/change/documents";
import { judgeChanges, planChanges } from "../../check/change/change-check";
import { attachChanges, buildReport } from "../../check/report/model";
import { clusterPlanArgs, pairResources, type ProgramResource } from "../../check/change/pairs";
import { isSecretValue, SecretValue } from "../../policies/rules/change";
import { DEFAULT_LIMITS, TYPES } from "../../policies/rules/domain";
import { UNKNOWN } from "../../policies/rules/types";

const fixtureFile = (name: string) => path.join(__dirname, "../fixtures/change", name);
const fixture = (name: string) => fs.readFileSync(fixtureFile(name), "utf8");
/** Every ciphertext and secret marker in the fixtures: none may appear in anything rendered. */
const SECRET_TEXT = /v1:[A-Za-z0-9+/=]+:|ciphertext|4dabf18193072939515e22adb298388d|UmFuZG9t|Q2lwaGVy/;
const mandatoryOf = (s: ReturnType<typeof judgeChanges>) => s.clusters.flatMap((c) => c.verdicts.filter((v) => v.level === "mandatory").map((v) => [v.rule, c.cluster, v.path]));

describe("readRecordedResources (pulumi stack export, version 3)", () => {
  const resources = readRecordedResources(fixture("stack-export.json"), "state.json");
  const clusters = resources.filter((r) => r.type === TYPES.cluster);
  test("reads the resources, not the pending deletes, with id, protect and retainOnDelete", () => {
    expect(clusters.map((c) => [c.name, c.id, c.protect, c.retainOnDelete])).toEqual([
      ["lakehouse", "c-9f8e7d6c5b4a3210", true, true],
      // The document records retainOnDelete (on another resource): absent here means false.
      ["lakehouse-old", "c-0a1b2c3d4e5f6789", true, false],
    ]);
  });
  test("a secret is a SecretValue marker that prints as [secret] everywhere", () => {
    const pw = (clusters[0].inputs.applicationConfigs as Record<string, unknown>[])[1].configItemValue;
    expect(isSecretValue(pw)).toBe(true);
    expect([String(pw), JSON.stringify(pw), inspect(pw)]).toEqual(["[secret]", '"[secret]"', "[secret]"]);
    expect(JSON.stringify(resources)).not.toMatch(SECRET_TEXT);
    expect(inspect(resources, { depth: 20 })).not.toMatch(SECRET_TEXT);
  });
  test("with the program: core 40 -> 55 is IncreaseNodes; a cluster recorded but absent from the program leaves it", () => {
    const lake = clusters[0];
    const program: ProgramResource[] = [{ urn: lake.urn, type: lake.type, name: lake.name, inputs: { ...lake.inputs, nodeGroups: (lake.inputs.nodeGroups as Record<string, unknown>[]).map((g) => (g.nodeGroupName === "core" ? { ...g, nodeCount: 55 } : g)) }, protect: true, retainOnDelete: true, ignoreChanges: ["nodeGroups[2].nodeCount"], replaceOnChanges: [], aliases: [] }];
    const section = judgeChanges({ source: "state", file: "state.json", pairs: pairResources(resources, program), clusterArgs: (p) => clusterPlanArgs(p, true), retire: [], limits: DEFAULT_LIMITS });
    expect(section.clusters.map((c) => [c.cluster, c.kind, c.calls.map((x) => x.call)])).toEqual([
      ["lakehouse", "update", ["IncreaseNodes core +15"]],
      ["lakehouse-old", "delete", ["DeleteCluster"]],
    ]);
    expect(mandatoryOf(section).map(([rule, cluster]) => `${rule} ${cluster}`)).toEqual(expect.arrayContaining(["emr-change-release lakehouse-old", "emr-change-retirement lakehouse-old"]));
    expect(JSON.stringify(section)).not.toMatch(SECRET_TEXT);
  });
  test("a resource renamed with aliases pairs with its recorded self: no removal, no creation", () => {
    const lake = clusters[0];
    const renamed = lake.urn.replace(/::lakehouse$/, "::lakehouse-renamed");
    const program: ProgramResource[] = [{ urn: renamed, type: lake.type, name: "lakehouse-renamed", inputs: lake.inputs, protect: true, retainOnDelete: true, ignoreChanges: [], replaceOnChanges: [], aliases: [lake.urn] }];
    const section = judgeChanges({ source: "state", file: "state.json", pairs: pairResources(resources.filter((r) => r.name !== "lakehouse-old"), program), clusterArgs: (p) => clusterPlanArgs(p, true), retire: [], limits: DEFAULT_LIMITS });
    expect(section.clusters.map((c) => [c.cluster, c.kind])).toEqual([["lakehouse-renamed", "same"]]);
  });
});

describe("readPreview (pulumi preview --json)", () => {
  const planned = readPreview(fixture("preview.json"), "plan.json").resources.filter((r) => r.type === TYPES.cluster);
  test("one entry per cluster URN: update, create, the three replacement steps merged, delete", () => {
    expect(planned.map((c) => [c.name, c.op, !!c.before, !!c.after, c.replaceReasons])).toEqual([
      ["lakehouse", "update", true, true, []],
      ["streaming", "create", false, true, []],
      ["lakehouse-old", "replace", true, true, ["releaseVersion"]],
      ["scratch", "delete", true, false, []],
    ]);
  });
  test("the unknown sentinel is UNKNOWN; blinded secrets are SecretValue without a digest", () => {
    const streaming = planned[1].after ?? {};
    expect((streaming.nodeAttributes as Record<string, unknown>[])[0].securityGroupId).toBe(UNKNOWN);
    const pw = ((planned[0].before?.inputs ?? {}).applicationConfigs as Record<string, unknown>[])[1].configItemValue;
    expect(pw).toEqual(new SecretValue(undefined));
  });
  test("the plan judged as calls: verdicts per cluster, the created cluster judged too, no secret in any message", () => {
    const section = planChanges(fixtureFile("preview.json"), { "emr:retire": JSON.stringify([{ name: "scratch", clusterId: "c-2222222222222222" }]) }, undefined, DEFAULT_LIMITS, false);
    expect(section.clusters.map((c) => [c.cluster, c.kind, c.calls.map((x) => x.call)])).toEqual([
      // The policy leaves: the provider resizes task from its live count (2-40, not known offline) to the program's 6.
      ["lakehouse", "update", ["RemoveAutoScalingPolicy task", "IncreaseNodes core +25", "IncreaseNodes task +1..4 (maybe)", "DecreaseNodes task -1..34 (maybe)"]],
      ["streaming", "create", ["RunCluster"]],
      ["lakehouse-old", "replace", []],
      ["scratch", "retain", []],
    ]);
    expect(mandatoryOf(section).map((m) => m.join(" "))).toEqual(expect.arrayContaining([
      "emr-change-auto-scaling lakehouse nodeGroups[2].autoScalingPolicy",
      "emr-change-scale-out lakehouse nodeGroups[1].nodeCount",
      "emr-change-replacement lakehouse-old releaseVersion",
      "emr-change-live-counts lakehouse nodeGroups[2].nodeCount",
    ]));
    expect(JSON.stringify(section)).not.toMatch(SECRET_TEXT);
  });
});

describe("plans the engine writes, judged as calls", () => {
  const urn = (name: string) => `urn:pulumi:prod::emr::emr:index:Cluster$alicloud:emrv2/cluster:Cluster::${name}`;
  const judgePlan = (steps: unknown[]) => {
    const file = path.join(fs.mkdtempSync(path.join(require("os").tmpdir(), "emr-plan-")), "plan.json");
    fs.writeFileSync(file, JSON.stringify({ steps }));
    return planChanges(file, {}, undefined, DEFAULT_LIMITS, true);
  };
  const inputs = (core: number) => ({ clusterName: "lake", deletionProtection: true, paymentType: "PayAsYouGo", nodeGroups: [{ nodeGroupName: "master", nodeGroupType: "MASTER", nodeCount: 1 }, { nodeGroupName: "core", nodeGroupType: "CORE", nodeCount: core }] });
  test("a plan that creates a cluster with CORE 200: RunCluster refused at the creation cap", () => {
    const section = judgePlan([{ op: "create", urn: urn("lake"), newState: { urn: urn("lake"), type: TYPES.cluster, inputs: inputs(200) } }]);
    expect(section.clusters[0].calls.map((c) => c.call)).toEqual(["RunCluster"]);
    expect(mandatoryOf(section)).toEqual([["emr-change-creation", "lake", "nodeGroups[1].nodeCount"], ["emr-change-cluster-total", "lake", "nodeGroups"]]);
  });
  test("a replace step without replaceReasons is a replacement, never `no change`", () => {
    const section = judgePlan([{ op: "replace", urn: urn("lake"), oldState: { urn: urn("lake"), type: TYPES.cluster, protect: false, inputs: inputs(2) }, newState: { urn: urn("lake"), type: TYPES.cluster, inputs: inputs(2) } }]);
    expect(section.clusters[0].kind).toBe("replace");
    expect(mandatoryOf(section).map((m) => m[0])).toContain("emr-change-replacement");
  });
  test("an RDS metastore whose vswitchId changes on a protected instance: the real preview fails", () => {
    const rds = "urn:pulumi:prod::emr::emr:index:Cluster$alicloud:rds/instance:Instance::lake-metastore";
    const before = { urn: rds, type: "alicloud:rds/instance:Instance", protect: true, inputs: { vswitchId: "vsw-1", zoneId: "cn-hangzhou-i" } };
    const section = judgePlan([{ op: "replace", urn: rds, oldState: before, newState: { ...before, inputs: { vswitchId: "vsw-2", zoneId: "cn-hangzhou-i" } }, replaceReasons: ["vswitchId"] }]);
    expect(mandatoryOf(section)).toEqual([["emr-change-replacement", "lake-metastore", "vswitchId"]]);
    expect(section.clusters[0].verdicts[0].message).toMatch(/ForceNew in the provider \(resource_alicloud_db_instance.go:121\).*`pulumi preview` fails/);
  });
  describe("a `pulumi preview --refresh` document (its refresh steps) is a refreshed state: the auto-scaled counts are the live ones", () => {
    // `pulumi preview --refresh --json` lists a step with op "refresh" per refreshed resource (pkg/backend/display/json.go
    // ShowPreviewDigest at v3.274.1: only `pulumi refresh` rewrites them to updates). core 2 -> 3 beside a TASK group
    // auto-scaled (2-40) that the state recorded at 2 and that runs 25.
    const scaled = (core: number, task: number) => ({ ...inputs(core), nodeGroups: [...inputs(core).nodeGroups, { nodeGroupName: "task", nodeGroupType: "TASK", nodeCount: task, autoScalingPolicy: { constraints: { minCapacity: 2, maxCapacity: 40 } } }] });
    const state = (i: Record<string, unknown>) => ({ urn: urn("lake"), type: TYPES.cluster, custom: true, id: "c-0123456789abcdef", protect: true, retainOnDelete: true, inputs: i, outputs: i });
    const update = (task: number) => ({ op: "update", urn: urn("lake"), oldState: state(scaled(2, task)), newState: { urn: urn("lake"), type: TYPES.cluster, protect: true, retainOnDelete: true, ignoreChanges: ["nodeGroups[2].nodeCount"], inputs: scaled(3, task) } });
    const write = (steps: unknown[]) => {
      const file = path.join(fs.mkdtempSync(path.join(require("os").tmpdir(), "emr-plan-")), "plan.json");
      fs.writeFileSync(file, JSON.stringify({ steps }));
      return file;
    };
    const liveCounts = (file: string) => mandatoryOf(planChanges(file, {}, undefined, DEFAULT_LIMITS, false)).filter((m) => m[0] === "emr-change-live-counts");
    test("with refresh steps: read as refreshed, core's IncreaseNodes alone, no live-count verdict (no --refreshed flag)", () => {
      const file = write([{ op: "refresh", urn: urn("lake"), oldState: state(scaled(2, 2)), newState: state(scaled(2, 25)) }, update(25)]);
      expect(readPreview(fs.readFileSync(file, "utf8"), file).refreshed).toBe(true);
      expect(planChanges(file, {}, undefined, DEFAULT_LIMITS, false).clusters[0].calls.map((c) => c.call)).toEqual(["IncreaseNodes core +1"]);
      expect(liveCounts(file)).toEqual([]);
    });
    test("without them: not refreshed, the recorded count may be far from the live one: refresh first", () => {
      const file = write([update(2)]);
      expect(readPreview(fs.readFileSync(file, "utf8"), file).refreshed).toBe(false);
      expect(liveCounts(file)).toEqual([["emr-change-live-counts", "lake", "nodeGroups[2].nodeCount"]]);
    });
  });
  test("a change a mandatory rule cannot tell offline is never a pass (undecided)", () => {
    const section = judgePlan([{ op: "update", urn: urn("lake"), oldState: { urn: urn("lake"), type: TYPES.cluster, inputs: inputs(2) }, newState: { urn: urn("lake"), type: TYPES.cluster, inputs: { ...inputs(2), nodeGroups: [inputs(2).nodeGroups[0], { ...inputs(2).nodeGroups[1], nodeCount: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" }] } } }]);
    expect(section.clusters[0].unknown).toEqual(["emr-change-cluster-total: nodeGroups (the cluster's size is known after apply)", "emr-change-scale-out: nodeGroups[1].nodeCount (known after apply)"]);
    expect(section.summary).toMatchObject({ mandatory: 0, undecided: 2 });
    expect(attachChanges(buildReport({ stack: "prod", program: "plan", resources: [], diagnostics: [] }), section).summary.passed).toBe(false);
  });
});

describe("bad documents: a clear error naming the field, never a stack trace", () => {
  const err = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(DocumentError);
      return (e as Error).message;
    }
    throw new Error("expected a DocumentError");
  };
  test("not JSON: the position only (the parser's message would quote the text)", () => {
    const message = err(() => readRecordedResources('{\n  "version": 3,\n  "deployment": { "x": v1:secret }\n}', "state.json"));
    expect(message).toMatch(/^state.json is not valid JSON( at line 3, column 22)?: give the complete output of the command, unedited$/);
  });
  test("another version", () => {
    expect(err(() => readRecordedResources('{"version": 2, "deployment": {}}', "state.json"))).toMatch(/^state.json is not a `pulumi stack export` document \(version 3\): version: Invalid input: expected 3/);
  });
  test("a mistyped field names its path", () => {
    expect(err(() => readRecordedResources('{"version": 3, "deployment": {"resources": [{"urn": "urn:pulumi:a::b::t::n", "type": 7}]}}', "state.json"))).toMatch(/deployment\.resources\[0\]\.type: Invalid input: expected string, received number/);
    expect(err(() => readPreview('{"steps": [{"op": "update", "urn": "x"}]}', "plan.json"))).toMatch(/^plan.json is not a `pulumi preview --json` document: steps\[0\]\.urn: /);
    expect(err(() => readPreview('{"steps": {"op": "update"}}', "plan.json"))).toMatch(/steps: Invalid input: expected array, received object/);
  });
  test("the documents swapped", () => {
    expect(err(() => readRecordedResources(fixture("preview.json"), "plan.json"))).toBe("plan.json is a `pulumi preview --json` document; --state takes the output of `pulumi stack export` (pass this one with --plan)");
    expect(err(() => readPreview(fixture("stack-export.json"), "state.json"))).toBe("state.json is a `pulumi stack export` document; --plan takes the output of `pulumi preview --json` (pass this one with --state)");
  });
});
