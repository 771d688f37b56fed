/** The readers of `pulumi stack export` and `pulumi preview --json` on real-format fixtures, and on bad documents. */
import * as fs from "fs";
import * as path from "path";
import { inspect } from "util";
import { DocumentError, readPreview, readStackExport } from "../../check/change/documents";
import { changesFromPlan, changesFromState } from "../../check/change/pairs";
import { checkChangePlan, changeFindings, describeChange, isSecretValue, SecretValue } from "../../policies/rules/change";
import { DEFAULT_LIMITS } from "../../policies/rules/domain";
import { UNKNOWN } from "../../policies/rules/types";

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, "../fixtures/change", name), "utf8");
const ctx = { limits: DEFAULT_LIMITS };
/** Every ciphertext and secret marker in the fixtures: none may appear in anything rendered. */
const SECRET_TEXT = /v1:[A-Za-z0-9+/=]+:|ciphertext|4dabf18193072939515e22adb298388d|UmFuZG9t|Q2lwaGVy/;

describe("readStackExport (pulumi stack export, version 3)", () => {
  const clusters = readStackExport(fixture("stack-export.json"), "state.json");
  test("reads the clusters, not the pending deletes, with id, protect and retainOnDelete", () => {
    expect(clusters.map((c) => [c.name, c.recorded])).toEqual([
      ["lakehouse", { id: "c-9f8e7d6c5b4a3210", protect: true, retainOnDelete: true }],
      // The document records retainOnDelete (on another resource): absent here means false.
      ["lakehouse-old", { id: "c-0a1b2c3d4e5f6789", protect: true, retainOnDelete: false }],
    ]);
  });
  test("a secret is a SecretValue marker that prints as [secret] everywhere", () => {
    const pw = (clusters[0].inputs.applicationConfigs as Record<string, unknown>[])[1].configItemValue;
    expect(isSecretValue(pw)).toBe(true);
    expect([String(pw), JSON.stringify(pw), inspect(pw)]).toEqual(["[secret]", '"[secret]"', "[secret]"]);
    expect(JSON.stringify(clusters)).not.toMatch(SECRET_TEXT);
    expect(inspect(clusters, { depth: 20 })).not.toMatch(SECRET_TEXT);
  });
  test("with the program: a cluster recorded but absent from the program is a removal, refused without emr:retire", () => {
    const lake = clusters[0];
    const program = [{ urn: lake.urn, name: lake.name, inputs: { ...lake.inputs, nodeGroups: (lake.inputs.nodeGroups as Record<string, unknown>[]).map((g) => (g.nodeGroupName === "core" ? { ...g, nodeCount: 55 } : g)) } }];
    const changes = changesFromState(clusters, program);
    expect(changes.map((c) => [c.cluster, c.kind, describeChange(c)])).toEqual([
      ["lakehouse", "update", ["core 40 → 55 (+15)"]],
      ["lakehouse-old", "remove", ["cluster removed from the program (c-0a1b2c3d4e5f6789)"]],
    ]);
    const findings = changeFindings(checkChangePlan({ changes }, ctx)).filter((f) => f.level === "mandatory");
    expect(findings.map((f) => [f.rule, f.cluster])).toEqual([
      ["emr-change-retirement", "lakehouse-old"],
      ["emr-change-retirement", "lakehouse-old"],
    ]);
    expect(JSON.stringify(findings)).not.toMatch(SECRET_TEXT);
  });
});

describe("readPreview (pulumi preview --json)", () => {
  const planned = readPreview(fixture("preview.json"), "plan.json");
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
    const pw = ((planned[0].before ?? {}).applicationConfigs as Record<string, unknown>[])[1].configItemValue;
    expect(pw).toEqual(new SecretValue(undefined));
  });
  test("the change rules on the plan: verdicts per cluster, no secret in any message", () => {
    const changes = changesFromPlan(planned);
    expect(changes.map((c) => describeChange(c))).toEqual([
      ["core 40 → 65 (+25)", "task: auto-scaling 2–40 → removed"],
      ["cluster created"],
      ['releaseVersion "EMR-5.16.0" → "EMR-5.17.0" (replaces the cluster)'],
      ["cluster removed from the program (c-2222222222222222)"],
    ]);
    const results = checkChangePlan({ changes, retire: [{ name: "scratch", clusterId: "c-2222222222222222" }] }, ctx);
    const mandatory = changeFindings(results).filter((f) => f.level === "mandatory");
    expect(mandatory.map((f) => [f.rule, f.cluster, f.path])).toEqual([
      ["emr-change-scale-out", "lakehouse", "nodeGroups[1].nodeCount"],
      ["emr-change-auto-scaling", "lakehouse", "nodeGroups[2].autoScalingPolicy"],
      ["emr-change-replacement", "lakehouse-old", "releaseVersion"],
    ]);
    // The blinded metastore password cannot be compared; the provider's detailedDiff does not list it: unchanged.
    expect(results.find((r) => r.cluster === "lakehouse" && r.rule === "emr-change-not-applied")?.outcome).toEqual({ kind: "compliant" });
    expect(JSON.stringify(results) + changes.flatMap(describeChange).join("\n")).not.toMatch(SECRET_TEXT);
  });
});

test("a blinded secret the provider reports as changed stays unknown (never a pass)", () => {
  const doc = JSON.parse(fixture("preview.json"));
  doc.steps[1].detailedDiff["applicationConfigs[1].configItemValue"] = { kind: "update", inputDiff: false };
  const changes = changesFromPlan(readPreview(JSON.stringify(doc), "plan.json"));
  expect(checkChangePlan({ changes }, ctx).find((r) => r.cluster === "lakehouse" && r.rule === "emr-change-not-applied")?.outcome).toEqual({ kind: "unknown", paths: ["applicationConfigs"] });
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
    const message = err(() => readStackExport('{\n  "version": 3,\n  "deployment": { "x": v1:secret }\n}', "state.json"));
    expect(message).toMatch(/^state.json is not valid JSON( at line 3, column 22)?: give the complete output of the command, unedited$/);
  });
  test("another version", () => {
    expect(err(() => readStackExport('{"version": 2, "deployment": {}}', "state.json"))).toMatch(/^state.json is not a `pulumi stack export` document \(version 3\): version: Invalid input: expected 3/);
  });
  test("a mistyped field names its path", () => {
    expect(err(() => readStackExport('{"version": 3, "deployment": {"resources": [{"urn": "urn:pulumi:a::b::t::n", "type": 7}]}}', "state.json"))).toMatch(/deployment\.resources\[0\]\.type: Invalid input: expected string, received number/);
    expect(err(() => readPreview('{"steps": [{"op": "update", "urn": "x"}]}', "plan.json"))).toMatch(/^plan.json is not a `pulumi preview --json` document: steps\[0\]\.urn: /);
    expect(err(() => readPreview('{"steps": {"op": "update"}}', "plan.json"))).toMatch(/steps: Invalid input: expected array, received object/);
  });
  test("the documents swapped", () => {
    expect(err(() => readStackExport(fixture("preview.json"), "plan.json"))).toBe("plan.json is a `pulumi preview --json` document; --state takes the output of `pulumi stack export` (pass this one with --plan)");
    expect(err(() => readPreview(fixture("stack-export.json"), "state.json"))).toBe("state.json is a `pulumi stack export` document; --plan takes the output of `pulumi preview --json` (pass this one with --state)");
  });
});
