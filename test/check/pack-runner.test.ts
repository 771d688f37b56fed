import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { policyConfigFor, startPolicyPack, type PolicyInfo } from "../../check/pack/pack-runner";
import { parseGuardrails } from "../../policies/rules";

test("a pack that fails to load is reported with its own error, and no process is left behind", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "broken-pack-"));
  fs.writeFileSync(path.join(dir, "PulumiPolicy.yaml"), "runtime: nodejs\n");
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "broken", version: "0.0.1", main: "index.js" }));
  fs.writeFileSync(path.join(dir, "index.js"), 'throw new Error("boom from the pack");\n');
  await expect(startPolicyPack({ packDir: dir, timeoutMs: 20000 })).rejects.toThrow(/boom from the pack/);
}, 30000);

test("a started pack, once closed, leaves no exit listener on this process (one per pack used to stay)", async () => {
  const before = process.listenerCount("exit");
  for (let i = 0; i < 2; i++) await (await startPolicyPack({ packDir: path.join(__dirname, "../fixtures/empty-pack") })).close();
  expect(process.listenerCount("exit")).toBe(before);
}, 30000);

describe("policyConfigFor: what the CLI sends for --policy-pack-config, from the parsed guardrails", () => {
  const policies: PolicyInfo[] = [
    { name: "emr-node-group-creation-cap", description: "", enforcementLevel: "mandatory", configSchema: { maxNodesPerGroupAtCreate: { type: "integer", default: 50 } } },
    { name: "emr-protect-option", description: "", enforcementLevel: "mandatory" },
    { name: "emr-vswitch-ids", description: "", enforcementLevel: "mandatory" },
  ];
  const parsed = (doc: unknown) => {
    const r = parseGuardrails(doc);
    if (!r.ok) throw new Error(r.errors.join("\n"));
    return r.config;
  };
  test("defaults: each policy's level and its schema defaults", () =>
    expect(policyConfigFor(policies)).toEqual({
      "emr-node-group-creation-cap": { enforcementLevel: "mandatory", properties: { maxNodesPerGroupAtCreate: 50 } },
      "emr-protect-option": { enforcementLevel: "mandatory" },
      "emr-vswitch-ids": { enforcementLevel: "mandatory" },
    }));
  test("a level, properties over the defaults, and all (validity policies stay mandatory)", () => {
    expect(policyConfigFor(policies, parsed({ all: "advisory", "emr-node-group-creation-cap": { maxNodesPerGroupAtCreate: 10 } }))).toEqual({
      "emr-node-group-creation-cap": { enforcementLevel: "advisory", properties: { maxNodesPerGroupAtCreate: 10 } },
      "emr-protect-option": { enforcementLevel: "advisory" },
      "emr-vswitch-ids": { enforcementLevel: "mandatory" },
    });
    expect(policyConfigFor(policies, parsed({ "emr-protect-option": "disabled", "emr-node-group-creation-cap": { enforcementLevel: "remediate" } }))).toEqual({
      "emr-node-group-creation-cap": { enforcementLevel: "remediate", properties: { maxNodesPerGroupAtCreate: 50 } },
      "emr-protect-option": { enforcementLevel: "disabled" },
      "emr-vswitch-ids": { enforcementLevel: "mandatory" },
    });
  });
});
