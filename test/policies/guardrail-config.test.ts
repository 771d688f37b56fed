/**
 * The one parser of the guardrails' configuration (guardrails.json / --policy-pack-config): strict, so a typo can
 * never relax the pack. Every error names the key, the bad value and what is valid.
 */
import * as fs from "fs";
import * as path from "path";
import { DEFAULT_LIMITS, DEFAULT_PRODUCTION_STACK_PATTERNS, POLICY_CATALOG, parseGuardrails } from "../../policies/rules";

function errorsOf(doc: unknown): string[] {
  const r = parseGuardrails(doc);
  if (r.ok) throw new Error(`expected errors for ${JSON.stringify(doc)}`);
  return r.errors;
}
function configOf(doc: unknown) {
  const r = parseGuardrails(doc);
  if (!r.ok) throw new Error(r.errors.join("\n"));
  return r.config;
}

describe("valid documents", () => {
  test("{}: the pack's defaults", () => {
    const c = configOf({});
    expect(c.limits).toEqual(DEFAULT_LIMITS);
    expect(c.productionStacks).toEqual(DEFAULT_PRODUCTION_STACK_PATTERNS);
    expect(c.levels).toEqual(Object.fromEntries(POLICY_CATALOG.map((p) => [p.name, p.level])));
    expect(c.notes).toEqual([]);
  });
  test("a threshold, a level and production patterns", () => {
    const c = configOf({ "emr-node-group-creation-cap": { maxNodesPerGroupAtCreate: 40 }, "emr-protect-option": "advisory", "emr-production-ha": { enforcementLevel: "mandatory", productionStacks: ["live"] } });
    expect(c.limits.maxNodesPerGroupAtCreate).toBe(40);
    expect(c.productionStacks).toEqual(["live"]);
    expect(c.levels).toMatchObject({ "emr-protect-option": "advisory", "emr-production-ha": "mandatory", "emr-node-group-creation-cap": "mandatory" });
  });
  test('"all": "advisory" relaxes the guardrails; validity policies stay mandatory, and a note says so', () => {
    const c = configOf({ all: "advisory" });
    expect(c.levels["emr-node-group-creation-cap"]).toBe("advisory");
    expect(c.levels["emr-vswitch-ids"]).toBe("mandatory");
    expect(c.levels["emr-cluster-names-unique"]).toBe("mandatory");
    expect(c.notes).toEqual(['validity policies stay mandatory under "all": "advisory" (the cloud refuses what they refuse)']);
  });
  test("the step limits live with emr-node-group-creation-cap, which carries them for the change-aware check, the live gate and EmrClient (it reads only its own two)", () => {
    const entry = POLICY_CATALOG.find((p) => p.name === "emr-node-group-creation-cap")!;
    expect(entry.limits).toEqual(["maxNodesPerGroupAtCreate", "nodeGroupAckThreshold"]);
    expect(entry.hosts).toEqual(["maxScaleOutPerCall", "scaleOutAckThreshold", "maxScaleInPerCall"]);
    expect(configOf({ "emr-node-group-creation-cap": { maxScaleOutPerCall: 30, maxScaleInPerCall: 5 } }).limits).toEqual({ ...DEFAULT_LIMITS, maxScaleOutPerCall: 30, maxScaleInPerCall: 5 });
    // Each threshold has one home: no two policies carry the same property.
    const homes = POLICY_CATALOG.flatMap((p) => [...p.limits, ...p.hosts]);
    expect(new Set(homes).size).toBe(homes.length);
    expect(new Set(homes)).toEqual(new Set(Object.keys(DEFAULT_LIMITS)));
  });
  test("guardrails.json at the repository root is the pack's defaults, written out", () => {
    const doc = JSON.parse(fs.readFileSync(path.join(__dirname, "../../guardrails.json"), "utf8"));
    const guardrails = POLICY_CATALOG.filter((p) => p.kind === "guardrail");
    expect(Object.keys(doc).sort()).toEqual(guardrails.map((p) => p.name).sort());
    const c = configOf(doc);
    expect(c.limits).toEqual(DEFAULT_LIMITS);
    expect(c.levels).toEqual(configOf({}).levels);
    expect(c.productionStacks).toEqual(DEFAULT_PRODUCTION_STACK_PATTERNS);
  });
});

describe("every typo is an error naming the key, the value and the valid values", () => {
  test.each([
    [{ all: "advisry" }, 'all: the string "advisry" is not a level; valid levels are advisory, mandatory, remediate, disabled (did you mean advisory?)'],
    [{ "emr-protect-option": "optional" }, 'emr-protect-option: the string "optional" is not a level; valid levels are advisory, mandatory, remediate, disabled'],
    [{ "emr-node-group-cap": { maxNodesPerGroupAtCreate: 40 } }, "emr-node-group-cap: unknown policy (did you mean emr-node-group-creation-cap?); the pack's policies are listed in policies/README.md (and by emr-check --list-rules)"],
    [{ "emr-node-group-creation-cap": { maxNodesPerGroup: 40 } }, "emr-node-group-creation-cap.maxNodesPerGroup: unknown property (did you mean maxNodesPerGroupAtCreate?); emr-node-group-creation-cap takes enforcementLevel, maxNodesPerGroupAtCreate, nodeGroupAckThreshold, maxScaleOutPerCall, scaleOutAckThreshold, maxScaleInPerCall"],
    [{ "emr-node-group-creation-cap": { maxNodesPerGroupAtCreate: "abc" } }, 'emr-node-group-creation-cap.maxNodesPerGroupAtCreate: expected a whole number of at least 0, got the string "abc" (e.g. 50)'],
    [{ "emr-node-group-creation-cap": { maxNodesPerGroupAtCreate: "60" } }, 'emr-node-group-creation-cap.maxNodesPerGroupAtCreate: expected a whole number of at least 0, got the string "60" (e.g. 50)'],
    [{ "emr-node-group-creation-cap": { nodeGroupAckThreshold: 2.5 } }, "emr-node-group-creation-cap.nodeGroupAckThreshold: expected a whole number of at least 0, got 2.5 (e.g. 30)"],
    [{ "emr-node-group-creation-cap": { nodeGroupAckThreshold: -1 } }, "emr-node-group-creation-cap.nodeGroupAckThreshold: expected a whole number of at least 0, got -1 (e.g. 30)"],
    [{ "emr-node-group-creation-cap": { enforcementLevel: "manditory" } }, 'emr-node-group-creation-cap.enforcementLevel: the string "manditory" is not a level; valid levels are advisory, mandatory, remediate, disabled (did you mean mandatory?)'],
    [
      { "emr-node-group-size-ack": { nodeGroupAckThreshold: 40 } },
      "emr-node-group-size-ack: merged into emr-node-group-creation-cap, so a node group gets one violation for its one fix (the emr-guard:ack-node-count tag): move nodeGroupAckThreshold and the level there",
    ],
    [{ "emr-production-ha": { productionStacks: "prod" } }, 'emr-production-ha.productionStacks: expected a list of stack name patterns, got the string "prod" (e.g. ["prod", "prod-*"])'],
    [{ "emr-protect-option": 3 }, "emr-protect-option: expected a level (advisory, mandatory, remediate, disabled) or an object of settings, got 3"],
    [[], 'the config must be a JSON object of policy settings, got a list; e.g. {"all": "mandatory", "emr-node-group-creation-cap": {"maxNodesPerGroupAtCreate": 40}}'],
  ])("%j", (doc, error) => expect(errorsOf(doc)).toEqual([error]));

  test.each(["advisory", "disabled", "remediate"])("a validity policy cannot be set to %s by name: the cloud refuses it anyway", (level) =>
    expect(errorsOf({ "emr-vswitch-ids": level })).toEqual([
      `emr-vswitch-ids: is a validity policy and cannot be set to ${level}: the cloud refuses such a cluster anyway (and the EmrCluster component refuses it before the pack runs); remove it from the config`,
    ]));
  test("a validity policy may be stated mandatory", () => expect(configOf({ "emr-vswitch-ids": "mandatory" }).levels["emr-vswitch-ids"]).toBe("mandatory"));
  test("every error at once", () => expect(errorsOf({ all: "x", nope: "advisory", "emr-tags": "disabled" })).toHaveLength(3));
});
