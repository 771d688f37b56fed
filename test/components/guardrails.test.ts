/**
 * guardrails.json is the one configuration of the guardrails: the live gate reads it through the same reader and
 * strict parser as the offline check (and the pack takes it as --policy-pack-config).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { loadGuardrails, readGuardrailsFile } from "../../components/guardrails";
import { DEFAULT_LIMITS } from "../../policies/rules/domain";

const ROOT = path.join(__dirname, "../..");
function dirWith(config?: unknown): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "emr-guardrails-"));
  if (config !== undefined) fs.writeFileSync(path.join(dir, "guardrails.json"), typeof config === "string" ? config : JSON.stringify(config));
  return dir;
}

test("no guardrails.json: the pack's defaults", () => expect(loadGuardrails(dirWith()).limits).toEqual(DEFAULT_LIMITS));

test("the repository's guardrails.json is the pack's defaults written out, step thresholds included", () => {
  expect(loadGuardrails(ROOT).limits).toEqual(DEFAULT_LIMITS);
  expect(JSON.parse(fs.readFileSync(path.join(ROOT, "guardrails.json"), "utf8"))["emr-node-group-creation-cap"]).toEqual({
    enforcementLevel: "mandatory", maxNodesPerGroupAtCreate: 50, nodeGroupAckThreshold: 30, maxScaleOutPerCall: 50, scaleOutAckThreshold: 20, maxScaleInPerCall: 10,
  });
});

test("a threshold set once reaches every caller's limits (the live gate's scale-step thresholds too)", () => {
  const limits = loadGuardrails(dirWith({ "emr-node-group-creation-cap": { maxScaleOutPerCall: 30, scaleOutAckThreshold: 10, maxScaleInPerCall: 5 } })).limits;
  expect(limits).toEqual({ ...DEFAULT_LIMITS, maxScaleOutPerCall: 30, scaleOutAckThreshold: 10, maxScaleInPerCall: 5 });
});

test("a typo is never a silent relaxation: the error names the key and the valid ones", () => {
  expect(() => loadGuardrails(dirWith({ "emr-node-group-creation-cap": { maxScaleOutPerCal: 500 } }))).toThrow(
    /emr-node-group-creation-cap\.maxScaleOutPerCal: unknown property \(did you mean maxScaleOutPerCall\?\)/,
  );
  expect(readGuardrailsFile(path.join(dirWith("{ not json"), "guardrails.json"))).toEqual({ ok: false, errors: [expect.stringMatching(/is not JSON/)] });
});
