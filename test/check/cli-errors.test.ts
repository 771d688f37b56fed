/** The offline check's bad paths, as a separate process: one clear line, exit code 2, never a stack trace. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ROOT, runCli } from "../helpers/run-cli";

const NO_STACK_TRACE = /\n\s+at [^\n]+:\d+:\d+/;

describe("bad usage or config: one clear line, exit 2, never a stack trace", () => {
  test.each([
    [["--format", "yaml"], /option '-f, --format <format>' argument 'yaml' is invalid\. Allowed choices are text, json, markdown, sarif/],
    [["--stack", "staging"], /no stack config stacks\/Pulumi\.staging\.yaml; known stacks: dev, prod/],
    [["--policy-config", "missing.json"], /policy config missing\.json does not exist/],
    [["--program", "stacks/examples/nope.ts"], /program stacks\/examples\/nope\.ts does not exist/],
    [["--bogus"], /unknown option '--bogus'/],
  ])("%j", async (args, message) => {
    const { code, stdout, stderr } = await runCli(args as string[]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(NO_STACK_TRACE);
  }, 30000);

  test.each([
    ['{"all": "advisry"}', 'all: the string "advisry" is not a level; valid levels are advisory, mandatory, remediate, disabled (did you mean advisory?)'],
    ['{"emr-node-group-creation-cap": {"maxNodesPerGroupAtCreate": "60"}}', 'emr-node-group-creation-cap.maxNodesPerGroupAtCreate: expected a whole number of at least 0, got the string "60" (e.g. 50)'],
    ['{"emr-node-group-cap": "advisory"}', "emr-node-group-cap: unknown policy (did you mean emr-node-group-creation-cap?)"],
    ['{"emr-vswitch-ids": "disabled"}', "emr-vswitch-ids: is a validity policy and cannot be set to disabled: the cloud refuses such a cluster anyway"],
  ])("a policy config that would relax the pack by a typo: %s", async (doc, message) => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "policy-config-")), "guard.json");
    fs.writeFileSync(file, doc);
    const { code, stdout, stderr } = await runCli(["--stack", "dev", "--policy-config", file]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr).toContain(`error: policy config ${file} is not valid:\n  - ${message}`);
    expect(stderr).not.toMatch(NO_STACK_TRACE);
  }, 30000);

  test("emr:limits in stack config is refused, pointing to guardrails.json", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "stack-")), "Pulumi.limits.yaml");
    fs.writeFileSync(file, fs.readFileSync(path.join(ROOT, "stacks/Pulumi.dev.yaml"), "utf8") + "  emr:limits: { maxNodesPerGroupAtCreate: 80 }\n");
    const { code, stdout, stderr } = await runCli(["--stack", "limits", "--program", "stacks", "--config-file", file]);
    // Told once: in the text report on the terminal, not again on stderr.
    expect({ code, stderr }).toEqual({ code: 2, stderr: "" });
    expect(stdout).toContain("emr:limits: guardrail thresholds are no longer set in stack config: set them once in guardrails.json");
    expect(stdout).not.toMatch(NO_STACK_TRACE);
  }, 30000);
});
