import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { policyConfigFor, startPolicyPack, type PolicyInfo } from "../../check/pack-runner";

test("a pack that fails to load is reported with its own error, and no process is left behind", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "broken-pack-"));
  fs.writeFileSync(path.join(dir, "PulumiPolicy.yaml"), "runtime: nodejs\n");
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "broken", version: "0.0.1", main: "index.js" }));
  fs.writeFileSync(path.join(dir, "index.js"), 'throw new Error("boom from the pack");\n');
  await expect(startPolicyPack({ packDir: dir, timeoutMs: 20000 })).rejects.toThrow(/boom from the pack/);
}, 30000);

describe("policyConfigFor: what the CLI sends for --policy-pack-config", () => {
  const policies: PolicyInfo[] = [
    { name: "cap", description: "", enforcementLevel: "mandatory", configSchema: { max: { type: "integer", default: 50 } } },
    { name: "tidy", description: "", enforcementLevel: "advisory" },
  ];
  test("defaults: each policy's level and its schema defaults", () =>
    expect(policyConfigFor(policies)).toEqual({ cap: { enforcementLevel: "mandatory", properties: { max: 50 } }, tidy: { enforcementLevel: "advisory" } }));
  test("a level, properties over the defaults, and all", () => {
    expect(policyConfigFor(policies, { all: "advisory", cap: { max: 10 } })).toEqual({ cap: { enforcementLevel: "advisory", properties: { max: 10 } }, tidy: { enforcementLevel: "advisory" } });
    expect(policyConfigFor(policies, { tidy: "disabled", cap: { enforcementLevel: "remediate" } })).toEqual({
      cap: { enforcementLevel: "remediate", properties: { max: 50 } },
      tidy: { enforcementLevel: "disabled" },
    });
  });
});
