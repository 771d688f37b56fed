/**
 * Where reports go: --format/--output pairs; a report never overwrites an input; a bad --output fails before the run,
 * naming the option.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { checkOutputs, outputTargets, type OutputArg } from "../../check/report/outputs";
import { ROOT, runCli } from "../helpers/run-cli";

const NO_STACK_TRACE = /\n\s+at [^\n]+:\d+:\d+/;
const f = (value: "text" | "json" | "markdown" | "sarif"): OutputArg => ({ kind: "format", value });
const o = (value: string): OutputArg => ({ kind: "output", value });

describe("--format/--output pairs, in order", () => {
  test("each output goes with the format before it; a format without one goes to stdout", () => {
    expect(outputTargets([f("markdown"), o("a.md"), f("sarif"), o("b.sarif"), f("json")])).toEqual([
      { format: "markdown", file: "a.md" },
      { format: "sarif", file: "b.sarif" },
      { format: "json" },
    ]);
  });
  test("one format and one output pair in any order; no format is text", () => {
    expect(outputTargets([o("r.json"), f("json")])).toEqual([{ format: "json", file: "r.json" }]);
    expect(outputTargets([o("r.txt")])).toEqual([{ format: "text", file: "r.txt" }]);
    expect(outputTargets([])).toEqual([{ format: "text" }]);
  });
  test("at most one report to stdout, each output its own file, no output without its format", () => {
    expect(() => outputTargets([f("json"), f("sarif"), o("b.sarif"), f("markdown")])).toThrow("--format json and --format markdown would all go to stdout: give every format but one an --output");
    expect(() => outputTargets([f("json"), o("r"), f("sarif"), o("r")])).toThrow("--output r is given twice: each report needs its own file");
    expect(() => outputTargets([f("json"), o("a"), o("b"), f("sarif")])).toThrow("--output b has no --format of its own before it");
  });
});

describe("an output never overwrites an input and is checked before the run", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "outputs-"));
  const stackFile = path.join(dir, "Pulumi.custom.yaml");
  fs.writeFileSync(stackFile, "config: {}\n");
  fs.mkdirSync(path.join(dir, "program"));
  fs.writeFileSync(path.join(dir, "program", "index.ts"), "");
  const inputs = [
    { path: stackFile, what: "the stack config of stack custom" },
    { path: path.join(dir, "program"), what: "a --program" },
  ];

  test("the stack file, or a file of a program folder, is refused naming --output and the input", () => {
    expect(() => checkOutputs([{ format: "text", file: stackFile }], inputs)).toThrow(`--output ${stackFile} would overwrite the stack config of stack custom`);
    expect(() => checkOutputs([{ format: "json", file: path.join(dir, "program", "index.ts") }], inputs)).toThrow("would overwrite a --program");
  });
  test("a new file, even in a program folder, is fine; stdout is fine", () => {
    expect(() => checkOutputs([{ format: "json", file: path.join(dir, "program", "report.json") }, { format: "text" }], inputs)).not.toThrow();
  });
  test("an earlier report in a program folder (a project whose program is its root) is overwritten; its package.json never", () => {
    for (const f of ["check.sarif", "report.json", "check.md"]) fs.writeFileSync(path.join(dir, "program", f), "an earlier run's report");
    expect(() => checkOutputs(["check.sarif", "report.json", "check.md"].map((f) => ({ format: "json" as const, file: path.join(dir, "program", f) })), inputs)).not.toThrow();
    fs.writeFileSync(path.join(dir, "program", "package.json"), "{}");
    expect(() => checkOutputs([{ format: "json", file: path.join(dir, "program", "package.json") }], inputs)).toThrow("would overwrite a --program");
  });
  test("a missing folder, a folder as the file: named, before the run", () => {
    expect(() => checkOutputs([{ format: "json", file: path.join(dir, "nope", "r.json") }], [])).toThrow(/^--output .*nope\/r\.json: the folder .*nope does not exist/);
    expect(() => checkOutputs([{ format: "json", file: dir }], [])).toThrow(`--output ${dir} is a folder`);
  });
  test("a path under a regular file, which nobody can write (root neither): named, before the run", () => {
    const file = path.join(stackFile, "r.json");
    expect(() => fs.writeFileSync(file, "")).toThrow(expect.objectContaining({ code: "ENOTDIR" }));
    expect(() => checkOutputs([{ format: "json", file }], [])).toThrow(`--output ${file}: ${path.relative(process.cwd(), stackFile)} is a file, not a folder; choose another file, e.g. --output check-report.md`);
  });
  // Root writes into a read-only folder anyway (write permission is not checked for it): there is nothing to refuse.
  (process.getuid?.() === 0 ? test.skip : test)("a read-only folder: named, before the run (not as root)", () => {
    const readOnly = fs.mkdtempSync(path.join(os.tmpdir(), "read-only-"));
    fs.chmodSync(readOnly, 0o500);
    expect(() => checkOutputs([{ format: "json", file: path.join(readOnly, "r.json") }], [])).toThrow(`the folder ${path.relative(process.cwd(), readOnly)} is not writable`);
  });
});

describe("the CLI, end to end", () => {
  test("-o stacks/Pulumi.prod.yaml is refused before the run (exit 2, named) and the stack file is unchanged", async () => {
    const file = path.join(ROOT, "stacks/Pulumi.prod.yaml");
    const before = fs.readFileSync(file, "utf8");
    const { code, stdout, stderr } = await runCli(["--stack", "dev", "-o", "stacks/Pulumi.prod.yaml"]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr).toContain("error: --output stacks/Pulumi.prod.yaml would overwrite the stack config of stack prod (stacks/Pulumi.prod.yaml): the check never writes over its inputs");
    expect(stderr).not.toMatch(NO_STACK_TRACE);
    expect(fs.readFileSync(file, "utf8")).toBe(before);
  }, 30000);

  test("--output to a missing folder fails before the program runs, naming --output", async () => {
    const { code, stdout, stderr } = await runCli(["--stack", "dev", "--output", "no-such-dir/report.md"]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr).toBe("\nerror: --output no-such-dir/report.md: the folder no-such-dir does not exist; create it first or choose another file, e.g. --output check-report.md\n");
  }, 30000);

  test("Markdown and SARIF in one run (the PR workflow), JSON to stdout", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pairs-"));
    const md = path.join(dir, "check.md");
    const sarif = path.join(dir, "check.sarif");
    const { code, stdout, stderr } = await runCli(["--stack", "dev", "--format", "markdown", "--output", md, "--format", "sarif", "--output", sarif, "--format", "json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).passed).toBe(true);
    expect(fs.readFileSync(md, "utf8")).toContain("### ✅ Stack `dev`");
    expect(JSON.parse(fs.readFileSync(sarif, "utf8")).runs[0].invocations).toEqual([{ executionSuccessful: true }]);
    expect(stderr).toBe(`report written to ${md}\nreport written to ${sarif}\n`);
  }, 60000);
});
