/**
 * Programs as users write them, end to end: a run that produced no verdict is never a pass (a type error that
 * `pulumi preview` refuses, process.exit inside the program), a failing program is told once with its file:line,
 * and the check finds its project and stacks from any folder of it.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ROOT, runCli } from "../helpers/run-cli";

const NO_STACK_TRACE = /\n\s+at [^\n]+:\d+:\d+/;
const FIXTURES = "test/fixtures/programs";

describe("silent passes: no verdict is never exit 0", () => {
  // The program's type-check does not depend on what loads the pack: the same refusal with either loader.
  test.each([["the bundle (default)", []], ["--pack-loader ts-node", ["--pack-loader", "ts-node"]]])("a program with a TypeScript type error fails as pulumi preview (ts-node) fails, pack from %s: exit 2, file:line and the TS message", async (_loader, loaderArgs) => {
    const { code, stdout, stderr } = await runCli(["--program", `${FIXTURES}/type-error.ts`, ...loaderArgs]);
    expect({ code, stderr }).toEqual({ code: 2, stderr: "" });
    expect(stdout.trim()).toBe(
      [
        `Stack dev (${FIXTURES}/type-error.ts): the program failed`,
        "  the program does not type-check (pulumi preview fails on it the same way):",
        `    ${FIXTURES}/type-error.ts:4: TS2322: Type 'string' is not assignable to type 'number'.`,
        "",
        'FAILED: the program of stack "dev" did not run: no policy verdict',
      ].join("\n"),
    );
  }, 90000);

  test("process.exit(0) inside a program is a program error (exit 2), not a silent pass", async () => {
    const { code, stdout, stderr } = await runCli(["--program", `${FIXTURES}/exit-zero.ts`, "--format", "json"]);
    expect(code).toBe(2);
    expect(JSON.parse(stdout).reports[0].programError).toBe(
      `${FIXTURES}/exit-zero.ts:4: the program called process.exit(0) while it ran: no resources were judged, so there is no verdict; remove the call (throw an Error to fail the program)`,
    );
    expect(stderr).toBe(`error: stack dev: ${JSON.parse(stdout).reports[0].programError}\n`);
  }, 60000);
});

describe("a program error: one message with the user's file:line, once, no empty table", () => {
  test("a run-time error and a missing module, each located in the program, no require stack", async () => {
    const { code, stdout, stderr } = await runCli(["--program", `${FIXTURES}/throws.ts`, `${FIXTURES}/missing-module.ts`]);
    expect({ code, stderr }).toEqual({ code: 2, stderr: "" });
    expect(stdout).not.toContain("┌");
    expect(stdout).not.toContain("Require stack");
    expect(stdout).not.toMatch(NO_STACK_TRACE);
    expect(stdout).toContain(`Stack dev (${FIXTURES}/throws.ts): the program failed\n  ${FIXTURES}/throws.ts:4: Cannot read properties of undefined (reading 'toUpperCase')\n`);
    expect(stdout).toContain(`Stack dev (${FIXTURES}/missing-module.ts): the program failed\n  cannot find module ./no-such-module imported by ${FIXTURES}/missing-module.ts:2\n`);
    expect(stdout.match(/no-such-module/g)).toHaveLength(1);
  }, 90000);
});

describe("the project, its stacks and programs, found as the Pulumi CLI finds them", () => {
  test("from stacks/: the project's root and its stackConfigDir; a stack given by name or as its file", async () => {
    const { code, stdout, stderr } = await runCli(["--stack", "prod", "Pulumi.dev.yaml", "--format", "json"], 90000, path.join(ROOT, "stacks"));
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(JSON.parse(stdout).reports.map((r: { stack: string; program: string; configFile: string }) => [r.stack, r.program, r.configFile])).toEqual([
      ["prod", "stacks", "stacks/Pulumi.prod.yaml"],
      ["dev", "stacks", "stacks/Pulumi.dev.yaml"],
    ]);
  }, 90000);

  test("--config-file stacks/Pulumi.prod.yaml without --program checks prod with the project's program, named prod", async () => {
    const { code, stdout } = await runCli(["--config-file", "stacks/Pulumi.prod.yaml", "--format", "json"]);
    expect(code).toBe(0);
    const [report] = JSON.parse(stdout).reports;
    expect([report.stack, report.program, report.configFile, report.summary.resources]).toEqual(["prod", "stacks", "stacks/Pulumi.prod.yaml", 11]);
  }, 90000);

  test("--config-file with --program: the report names the stack of the file, so production-only policies judge it", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stack-file-"));
    fs.copyFileSync(path.join(ROOT, "stacks/Pulumi.prod.yaml"), path.join(dir, "Pulumi.prod.yaml"));
    const { code, stdout } = await runCli(["--program", "stacks", "--config-file", path.join(dir, "Pulumi.prod.yaml"), "--format", "json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).reports.map((r: { stack: string }) => r.stack)).toEqual(["prod"]);
  }, 90000);
});
