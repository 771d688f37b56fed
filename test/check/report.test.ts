/** The report formats, rendered from one model: text, JSON, Markdown (escaped user text) and SARIF 2.1.0 (schema-valid). */
import * as path from "path";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import type { CapturedResource } from "../../check/program/capture";
import type { Diagnostic } from "../../check/pack/pack-runner";
import { escapeMarkdown, shortType, summaryLine } from "../../check/report/formatting";
import { buildReport } from "../../check/report/model";
import { display } from "../../check/report/values";
import { renderJson } from "../../check/report/json";
import { renderMarkdown } from "../../check/report/markdown";
import { renderSarif } from "../../check/report/sarif";
import { renderText } from "../../check/report/text";
import { ROOT } from "../helpers/run-cli";

const URN = "urn:pulumi:prod::emr-clusters::emr:index:Cluster$alicloud:emrv2/cluster:Cluster::lakehouse";
const cluster = {
  type: "alicloud:emrv2/cluster:Cluster",
  name: "lakehouse",
  urn: URN,
  protect: true,
  inputs: {
    clusterType: "DATALAKE",
    deployMode: "HA",
    releaseVersion: "EMR-5.16.0",
    nodeGroups: [
      { nodeGroupName: "master", nodeCount: 3 },
      { nodeGroupName: "core", nodeCount: 60 },
    ],
    nodeAttributes: [{ securityGroupId: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" }],
  },
} as unknown as CapturedResource;
const diag = (policyName: string, enforcementLevel: Diagnostic["enforcementLevel"], message: string): Diagnostic => ({
  policyName,
  enforcementLevel,
  message: `Checks whether something.\n${message}`,
  description: "Checks whether something.",
  urn: URN,
  policyPackName: "emr-guardrails",
});
const report = buildReport({
  stack: "prod",
  program: "stacks",
  configFile: "stacks/Pulumi.prod.yaml",
  resources: [cluster],
  diagnostics: [
    diag("emr-node-group-creation-cap", "mandatory", "nodeGroups[1].nodeCount: 60 exceeds the 50-node cap"),
    diag("emr-node-group-creation-cap", "mandatory", "nodeGroups[1].nodeCount: 60 exceeds the 50-node cap"),
    diag("emr-production-kerberos", "advisory", "securityMode: NORMAL | <script>alert(1)</script>"),
    diag("emr-deletion-protection", "disabled", "ignored"),
  ],
});

describe("the report model", () => {
  test("groups violations by resource, drops duplicates and disabled ones, strips the description prefix", () => {
    expect(report.findings).toEqual([
      {
        urn: URN,
        type: "alicloud:emrv2/cluster:Cluster",
        name: "lakehouse",
        violations: [
          { policyName: "emr-node-group-creation-cap", enforcementLevel: "mandatory", message: "nodeGroups[1].nodeCount: 60 exceeds the 50-node cap" },
          { policyName: "emr-production-kerberos", enforcementLevel: "advisory", message: "securityMode: NORMAL | <script>alert(1)</script>" },
        ],
      },
    ]);
    expect(report.summary).toEqual({ resources: 1, mandatory: 1, advisory: 1, passed: false });
    expect(summaryLine(report)).toBe('FAILED: stack "prod": 1 resources planned, 1 mandatory and 1 advisory violations');
  });
  test("key attributes of a cluster; unknowns and secrets shown as a preview shows them", () => {
    expect(report.resources[0].details).toBe("DATALAKE HA EMR-5.16.0; master 3, core 60");
    expect(display("04da6b54-80e4-46f7-96ec-b56ff0331ba9")).toBe("(known after apply)");
    expect(display({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: "x" })).toBe("[secret]");
  });
});

test("text: short types, levels, the summary last", () => {
  expect(shortType("alicloud:emrv2/cluster:Cluster")).toBe("alicloud:emrv2:Cluster");
  const text = renderText(report);
  expect(text).toContain("[mandatory] emr-node-group-creation-cap\n      nodeGroups[1].nodeCount: 60 exceeds the 50-node cap");
  expect(text.split("\n").pop()).toBe(summaryLine(report));
});

test("json: versioned, with the verdict", () => {
  const doc = JSON.parse(renderJson([report]));
  expect(doc).toMatchObject({ version: 1, passed: false, reports: [{ stack: "prod", summary: { mandatory: 1 } }] });
});

describe("markdown: user text cannot break the table or inject HTML", () => {
  test("escaping", () => {
    expect(escapeMarkdown("a|b <img src=x> `c` [l](http://x)\nnext")).toBe("a\\|b &lt;img src=x&gt; \\`c\\` \\[l\\]\\(http://x\\)<br>next");
  });
  test("the comment", () => {
    const md = renderMarkdown([report]);
    expect(md).toContain("### ❌ Stack `prod`");
    expect(md).toContain("| ❌ mandatory | alicloud:emrv2:Cluster lakehouse | `emr-node-group-creation-cap` | nodeGroups\\[1\\].nodeCount: 60 exceeds the 50-node cap |");
    expect(md).toContain("securityMode: NORMAL \\| &lt;script&gt;alert\\(1\\)&lt;/script&gt;");
    expect(md).not.toContain("<script>");
  });
});

describe("sarif: valid SARIF 2.1.0, one result per violation, located in the stack file", () => {
  const schema = require("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");
  // The official schema is draft-04 and uses a pattern that is not valid in unicode mode.
  const ajv = new Ajv({ strict: false, unicodeRegExp: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);

  test("validates against the schema", () => {
    const log = JSON.parse(renderSarif([report], "0.1.0", ROOT));
    expect(validate(log) ? [] : validate.errors).toEqual([]);
  });
  test("a broken log does not validate (the schema check is real)", () => {
    const log = JSON.parse(renderSarif([report], "0.1.0", ROOT));
    log.runs[0].results[0].level = "fatal";
    expect(validate(log)).toBe(false);
  });
  test("rules, levels and locations", () => {
    const log = JSON.parse(renderSarif([report], "0.1.0", ROOT));
    const run = log.runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(["emr-node-group-creation-cap", "emr-production-kerberos"]);
    expect(run.results.map((r: { ruleId: string; level: string }) => [r.ruleId, r.level])).toEqual([
      ["emr-node-group-creation-cap", "error"],
      ["emr-production-kerberos", "warning"],
    ]);
    // `- name: lakehouse` is on line 15 of stacks/Pulumi.prod.yaml.
    expect(run.results[0].locations[0]).toEqual({
      physicalLocation: { artifactLocation: { uri: "stacks/Pulumi.prod.yaml" }, region: { startLine: 15 } },
      logicalLocations: [{ fullyQualifiedName: URN, kind: "resource" }],
    });
    expect(path.isAbsolute(run.results[0].locations[0].physicalLocation.artifactLocation.uri)).toBe(false);
  });
});

test("the summary line says when validity policies were kept mandatory under all", () => {
  const noted = buildReport({ stack: "dev", program: "stacks", resources: [], diagnostics: [], notes: ['validity policies stay mandatory under "all": "advisory"'] });
  expect(summaryLine(noted)).toBe('PASSED: stack "dev": 0 resources planned, 0 mandatory and 0 advisory violations (validity policies stay mandatory under "all": "advisory")');
});
