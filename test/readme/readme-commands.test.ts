/**
 * The README's shell commands that run inside this repository, run as written (those for a user's own folder run in
 * test/package/installed.test.ts): each exits with the code its comment gives.
 */
import * as fs from "fs";
import * as path from "path";
import { runCommand, steps, type Step } from "../package/markdown-steps";

const ROOT = path.resolve(__dirname, "../..");
const README = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
const env = { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}`, FORCE_COLOR: "0" };
const commands = steps(README).filter((s): s is Extract<Step, { kind: "command" }> => s.kind === "command");

describe("the stack file's JSON Schema, checked with ajv-cli as the README says", () => {
  const validation = commands.filter((c) => c.command.startsWith("npx ajv-cli "));

  test.each(validation.map((c) => [c.line, c.command, c.exit] as const))("README.md:%i: %s (exit %i)", async (_line, command, exit) => {
    const { code, stdout, stderr } = await runCommand(command, ROOT, env);
    expect({ code, out: `${stdout}${stderr}`.trim() }).toEqual({ code: exit, out: "stacks/Pulumi.prod.yaml valid" });
  }, 60000);

  test("there is such a command, and without --spec=draft2020 ajv-cli refuses the schema (why the README names it)", async () => {
    expect(validation).toHaveLength(1);
    const { stdout, stderr } = await runCommand(validation[0].command.replace(" --spec=draft2020", ""), ROOT, env);
    expect(`${stdout}${stderr}`).toContain('no schema with key or ref "https://json-schema.org/draft/2020-12/schema"');
  }, 60000);
});
