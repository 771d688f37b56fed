/** The report formats, rendered from one model: text, JSON, Markdown (escaped user text) and SARIF 2.1.0 (schema-valid). */
import * as path from "path";
import { pathToFileURL } from "url";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import type { CapturedResource } from "../../check/program/capture";
import type { Diagnostic } from "../../check/pack/pack-runner";
import { escapeMarkdown, shortType, summaryLine } from "../../check/report/formatting";
import { attachChanges, buildReport, type ChangeSection } from "../../check/report/model";
import { display } from "../../check/report/values";
import { renderJson } from "../../check/report/json";
import { renderMarkdown } from "../../check/report/markdown";
import { docsBaseUri, renderSarif } from "../../check/report/sarif";
import { renderText } from "../../check/report/text";
import { ROOT } from "../helpers/run-cli";
import type { EmrCall } from "../../policies/rules/calls";
import { NO_ACKS } from "../../policies/rules/change/acks";
import { DEFAULT_LIMITS } from "../../policies/rules/domain";
import { RULE_CATALOG } from "../../policies/rules/catalog";
import { describeCall, gateCall } from "../../policies/rules/gates";

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

describe("sarif rule metadata: from the rule catalog, for policies and change rules", () => {
  const schema = require("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");
  const ajv = new Ajv({ strict: false, unicodeRegExp: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  // A real verdict of the scale-out gate: IncreaseNodes core 3 -> 30, without the acknowledgement of that change.
  const call: EmrCall = { action: "IncreaseNodes", group: "core", groupType: "CORE", from: 3, params: { IncreaseNodeCount: 27 }, because: "nodeGroups[1].nodeCount 3 -> 30" };
  const [finding] = gateCall(call, { cluster: "lakehouse", limits: DEFAULT_LIMITS, acks: NO_ACKS });
  const changes: ChangeSection = {
    source: "state",
    file: "prod-state.json",
    clusters: [{ cluster: "lakehouse", urn: URN, kind: "update", calls: [{ call: describeCall(call), refused: true }], changes: ["core 3 → 30 (+27)"], verdicts: [{ rule: finding.rule, level: finding.level, path: finding.path, call: finding.call, message: finding.message, fix: finding.fix }], unknown: [] }],
    summary: { mandatory: 1, advisory: 0, unknown: 0, undecided: 0 },
  };
  const withChanges = attachChanges(report, changes);

  test("a change verdict's rule: descriptions, help with the fix and the seed line, helpUri to its row, kind, level and tags; schema-valid", () => {
    const log = JSON.parse(renderSarif([withChanges], "0.1.0", ROOT));
    expect(validate(log) ? [] : validate.errors).toEqual([]);
    const rules = log.runs[0].tool.driver.rules as Record<string, unknown>[];
    expect(rules.map((r) => r.id)).toEqual(["emr-node-group-creation-cap", "emr-production-kerberos", "emr-change-scale-out"]);
    const entry = RULE_CATALOG.find((r) => r.name === "emr-change-scale-out")!;
    expect(rules[2]).toEqual({
      id: "emr-change-scale-out",
      name: "emr-change-scale-out",
      shortDescription: { text: entry.description },
      fullDescription: { text: entry.description },
      help: {
        text: [`Fix: ${entry.fix}`, "Judges: IncreaseNodes, CreateNodeGroup", ...entry.seed.map((l) => `Seed (002): ${l}`), "Docs: policies/README.md#emr-change-scale-out"].join("\n"),
        markdown: [`**Fix:** ${entry.fix}`, "**Judges:** IncreaseNodes, CreateNodeGroup", ...entry.seed.map((l) => `Seed (002): ${l}`), `[policies/README.md#emr-change-scale-out](${pathToFileURL(ROOT).href}/policies/README.md#emr-change-scale-out)`].join("\n\n"),
      },
      helpUri: `${pathToFileURL(ROOT).href}/policies/README.md#emr-change-scale-out`,
      defaultConfiguration: { level: "error" },
      properties: { tags: ["emr-guardrails", "change", "day-2"], kind: "change", level: "mandatory", judges: "IncreaseNodes, CreateNodeGroup", anchor: "policies/README.md#emr-change-scale-out" },
    });
    expect(entry.description).toMatch(/^Checks whether one update adds at most the per-call cap/);
    expect(log.runs[0].results.filter((r: { ruleId: string }) => r.ruleId === "emr-change-scale-out")).toHaveLength(1);
  });

  test("a policy's rule: its catalog description (not its id), the note in the full description, its default level", () => {
    const rules = JSON.parse(renderSarif([report], "0.1.0", ROOT)).runs[0].tool.driver.rules as { id: string; shortDescription: { text: string }; fullDescription: { text: string }; defaultConfiguration: { level: string } }[];
    const cap = RULE_CATALOG.find((r) => r.name === "emr-node-group-creation-cap")!;
    expect(rules[0].shortDescription.text).toBe(cap.description);
    expect(rules[0].fullDescription.text).toBe(`${cap.description} ${cap.note}`);
    expect(rules.map((r) => r.defaultConfiguration.level)).toEqual(["error", "warning"]);
  });

  test("in GitHub Actions helpUri points at the commit's file on GitHub, under the project's folder of the repository", () => {
    const env = { GITHUB_SERVER_URL: "https://github.com", GITHUB_REPOSITORY: "acme/emr", GITHUB_SHA: "0123abc", GITHUB_WORKSPACE: path.dirname(ROOT) };
    const base = docsBaseUri(ROOT, env);
    expect(base).toBe(`https://github.com/acme/emr/blob/0123abc/${path.basename(ROOT)}/`);
    const log = JSON.parse(renderSarif([withChanges], "0.1.0", ROOT, undefined, base));
    expect(validate(log) ? [] : validate.errors).toEqual([]);
    expect(log.runs[0].tool.driver.rules[2].helpUri).toBe(`https://github.com/acme/emr/blob/0123abc/${path.basename(ROOT)}/policies/README.md#emr-change-scale-out`);
    expect(docsBaseUri(ROOT, { ...env, GITHUB_WORKSPACE: ROOT })).toBe("https://github.com/acme/emr/blob/0123abc/");
  });

  test("a project without the rules document gets no helpUri (never a link to nothing); an id the catalog lacks keeps a bare rule", () => {
    expect(docsBaseUri(path.join(ROOT, "check"))).toBeNull();
    const other = buildReport({ stack: "prod", program: "stacks", configFile: "stacks/Pulumi.prod.yaml", resources: [cluster], diagnostics: [diag("acme-other-pack-rule", "advisory", "x")] });
    const log = JSON.parse(renderSarif([withChanges, other], "0.1.0", ROOT, undefined, null));
    expect(validate(log) ? [] : validate.errors).toEqual([]);
    const rules = log.runs[0].tool.driver.rules as Record<string, unknown>[];
    expect(rules.every((r) => r.helpUri === undefined)).toBe(true);
    expect(rules.find((r) => r.id === "acme-other-pack-rule")).toEqual({ id: "acme-other-pack-rule", name: "acme-other-pack-rule", shortDescription: { text: "acme-other-pack-rule" }, defaultConfiguration: { level: "warning" } });
  });
});

test("the summary line says when validity policies were kept mandatory under all", () => {
  const noted = buildReport({ stack: "dev", program: "stacks", resources: [], diagnostics: [], notes: ['validity policies stay mandatory under "all": "advisory"'] });
  expect(summaryLine(noted)).toBe('PASSED: stack "dev": 0 resources planned, 0 mandatory and 0 advisory violations (validity policies stay mandatory under "all": "advisory")');
});
