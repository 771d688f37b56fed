/** The offline check's bad paths, as a separate process: one clear line, exit code 2, never a stack trace. */
import { runCli } from "../helpers/run-cli";

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

  test("an invalid cluster spec in the stack config names the field and the fix", async () => {
    const { code, stderr } = await runCli(["--stack", "invalid", "--program", "stacks", "--config-file", "test/fixtures/Pulumi.invalid.yaml"]);
    expect(code).toBe(2);
    expect(stderr).toContain('error: stack invalid: EMR cluster "broken-dev" is not valid:');
    expect(stderr).toContain("nodeGroups[1].nodeCount: 60 exceeds the 50-node cap for a node group at creation");
    expect(stderr).not.toMatch(NO_STACK_TRACE);
  }, 30000);
});
