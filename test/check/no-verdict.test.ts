/**
 * A run with no verdict (exit 2) is reported as a failure in every machine format: the SARIF has an error result on
 * emr-check/no-verdict and an unsuccessful invocation (schema-valid), the JSON says passed: false with the error, the
 * Markdown says so first. Before, the SARIF had no results, so code scanning showed nothing.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { buildReport } from "../../check/report/model";
import { renderFailure } from "../../check/report/render";
import { renderSarif } from "../../check/report/sarif";
import { ROOT, runCli } from "../helpers/run-cli";

const schema = require("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");
const ajv = new Ajv({ strict: false, unicodeRegExp: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);

describe("the SARIF of a run without a verdict", () => {
  const broken = buildReport({ stack: "dev", program: "stacks/broken.ts", configFile: "stacks/Pulumi.dev.yaml", resources: [], diagnostics: [], programError: "Error: boom" });

  test("a program that did not run: an error result and an unsuccessful invocation, schema-valid", () => {
    const log = JSON.parse(renderSarif([broken], "0.1.0", ROOT));
    expect(validate(log) ? [] : validate.errors).toEqual([]);
    const run = log.runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(["emr-check/no-verdict"]);
    expect(run.results.map((r: { ruleId: string; level: string; message: { text: string } }) => [r.ruleId, r.level, r.message.text])).toEqual([
      ["emr-check/no-verdict", "error", 'FAILED: the program of stack "dev" did not run: no policy verdict: Error: boom'],
    ]);
    expect(run.invocations).toEqual([{ executionSuccessful: false, toolExecutionNotifications: [{ level: "error", message: { text: 'FAILED: the program of stack "dev" did not run: no policy verdict: Error: boom' } }] }]);
  });

  test("a run stopped by bad input: the same, in SARIF, JSON and Markdown; text adds nothing to stderr's line", () => {
    const log = JSON.parse(renderFailure("sarif", "policy config x.json is not valid", "0.1.0", ROOT)!);
    expect(validate(log) ? [] : validate.errors).toEqual([]);
    expect(log.runs[0].results[0]).toMatchObject({ ruleId: "emr-check/no-verdict", level: "error", message: { text: "the offline check failed before any policy verdict: policy config x.json is not valid" } });
    expect(log.runs[0].invocations[0].executionSuccessful).toBe(false);
    expect(JSON.parse(renderFailure("json", "policy config x.json is not valid", "0.1.0", ROOT)!)).toMatchObject({ passed: false, error: "policy config x.json is not valid", reports: [] });
    expect(renderFailure("markdown", "policy config x.json is not valid", "0.1.0", ROOT)).toContain("### ❌ No policy verdict: the check failed\n\n```text\npolicy config x.json is not valid\n```");
    expect(renderFailure("text", "x", "0.1.0", ROOT)).toBeUndefined();
  });
});

describe("the CLI writes the failure into its reports", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "no-verdict-"));

  test("a program that throws: exit 2, and the SARIF reports it", async () => {
    const program = path.join(dir, "throws.ts");
    fs.writeFileSync(program, 'throw new Error("the program failed on purpose");\n');
    const sarif = path.join(dir, "program.sarif");
    const { code } = await runCli(["--stack", "dev", "--program", program, "--format", "sarif", "--output", sarif]);
    expect(code).toBe(2);
    const log = JSON.parse(fs.readFileSync(sarif, "utf8"));
    expect(validate(log) ? [] : validate.errors).toEqual([]);
    expect(log.runs[0].invocations[0].executionSuccessful).toBe(false);
    expect(log.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(["emr-check/no-verdict"]);
    expect(log.runs[0].results[0].message.text).toContain("the program failed on purpose");
  }, 60000);

  test("a bad policy config: exit 2, the Markdown and the SARIF say so", async () => {
    const config = path.join(dir, "guard.json");
    fs.writeFileSync(config, '{"all": "advisry"}');
    const md = path.join(dir, "config.md");
    const sarif = path.join(dir, "config.sarif");
    const { code, stderr } = await runCli(["--stack", "dev", "--policy-config", config, "--format", "markdown", "--output", md, "--format", "sarif", "--output", sarif]);
    expect(code).toBe(2);
    expect(stderr).toContain(`error: policy config ${config} is not valid`);
    expect(fs.readFileSync(md, "utf8")).toContain("### ❌ No policy verdict: the check failed");
    const log = JSON.parse(fs.readFileSync(sarif, "utf8"));
    expect(log.runs[0].results[0].message.text).toContain('all: the string "advisry" is not a level');
  }, 30000);
});
