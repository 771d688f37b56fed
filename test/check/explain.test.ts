/** --explain <rule>, --list-rules and --list-presets: from the rule catalog and the presets' data, no program run; an unknown name gets a suggestion. */
import { explainRule, listPresets, listRules } from "../../check/explain";
import { PRESET_NAMES } from "../../components/presets";
import { ALL_POLICIES } from "../../policies/pack";
import { CHANGE_CATALOG, POLICY_CATALOG, RULE_CATALOG } from "../../policies/rules/catalog";
import { CHANGE_RULES } from "../../policies/rules/gates/names";
import { runCli } from "../helpers/run-cli";

describe("--explain <rule>", () => {
  test("a guardrail: description, kind, level, what it judges, fix, note, its properties with defaults, the docs anchor, an example", () => {
    expect(explainRule("emr-node-group-creation-cap")).toBe(
      [
        "emr-node-group-creation-cap",
        "  Checks whether every node group above the acknowledgement threshold (nodeGroupAckThreshold, default 30) carries the tag emr-guard:ack-node-count covering its size; above the cap at creation (maxNodesPerGroupAtCreate, default 50) that tag states the size was reached by steps.",
        "Kind: guardrail (the organisation's threshold, acknowledgement or posture; configured in guardrails.json)",
        "Default level: mandatory",
        "Judges: nodeGroups[].nodeCount and the tag emr-guard:ack-node-count",
        "Fix: stay at or below the threshold, or sign off the size with the tag emr-guard:ack-node-count (acknowledgements.nodeCount in the EmrCluster spec); a group above the cap is created at the cap and grown in steps, or given auto scaling",
        "Note: A policy sees only the planned end state, never whether a group is created or was grown to its size in steps: the change rules hold each creation and each step to the cap (emr-change-creation, emr-change-scale-out). One violation per group, for its one fix.",
        "Config properties:",
        "  maxNodesPerGroupAtCreate (integer, default 50): Most nodes a node group may have at creation.",
        "  nodeGroupAckThreshold (integer, default 30): Node groups above this size need the emr-guard:ack-node-count tag covering it.",
        "  maxScaleOutPerCall (integer, default 50): Most nodes one update may add to a node group (the change-aware check, the live gate and EmrClient read this).",
        "  scaleOutAckThreshold (integer, default 20): A scale-out above this many nodes in one update needs the emr-guard:ack-scale-out tag naming it (the change-aware check, the live gate and EmrClient read this).",
        "  maxScaleInPerCall (integer, default 10): Most nodes one update may release from a TASK group (the change-aware check, the live gate and EmrClient read this).",
        "Docs: policies/README.md#emr-node-group-creation-cap",
        "",
        "Configure it in guardrails.json (the --policy-pack-config format), e.g.",
        '  {"emr-node-group-creation-cap": {"enforcementLevel": "mandatory", "maxNodesPerGroupAtCreate": 50}}',
      ].join("\n"),
    );
  });
  test("a change rule: the calls it judges, the seed line it implements, the thresholds it reads and the policy each is set under", () => {
    expect(explainRule(CHANGE_RULES.scaleIn)).toBe(
      [
        "emr-change-scale-in",
        "  Checks whether DecreaseNodes shrinks only a TASK group of the live cluster, never Subscription nodes, at most the per-call cap (maxScaleInPerCall, default 10), and only with the acknowledgement of that change (emr-guard:ack-scale-in, or emr-guard:ack-task-to-zero to empty a group).",
        "Kind: change (judges the EMR API calls a `pulumi up` makes the provider send: emr-check --state/--plan, the live gate and EmrClient's writes)",
        "Level: mandatory (a change rule's level is not configurable)",
        "Judges: DecreaseNodes",
        "Seed (002): | DecreaseNodes | Max 10 nodes per call; TASK groups only | YES — show NodeIds to be released |",
        "Fix: step it, one update per step at least 120 s apart, each acknowledged with the value the check prints; a count cannot empty a group (the API takes one only below the active nodes): release the last node by its ID; keep CORE, MASTER and Subscription groups at their size",
        "Note: The provider sends a count and lets the service pick the nodes: the acknowledgement is the confirmation the seed asks for (EmrClient names the nodes instead).",
        "Thresholds it reads:",
        "  maxScaleInPerCall (integer, default 10; set under emr-node-group-creation-cap): Most nodes one update may release from a TASK group (the change-aware check, the live gate and EmrClient read this).",
        "Docs: policies/README.md#emr-change-scale-in",
        "",
        "Configure it in guardrails.json (the --policy-pack-config format), e.g.",
        '  {"emr-node-group-creation-cap": {"maxScaleInPerCall": 10}}   (its level is not configurable)',
      ].join("\n"),
    );
    expect(explainRule(CHANGE_RULES.release)).toContain("Seed (002): | DeleteCluster / ReleaseCluster / any cluster termination | ABSOLUTELY PROHIBITED");
    expect(explainRule(CHANGE_RULES.tags)).toContain("Thresholds it reads:\n  (none)\n");
  });
  test("a validity policy says no configuration relaxes it; remediation is mentioned where the pack has it", () => {
    expect(explainRule("emr-vswitch-ids")).toContain("Kind: validity (the cloud would refuse the cluster, or it is inconsistent; the EmrCluster component refuses it too and no configuration relaxes it)");
    expect(explainRule("emr-deletion-protection")).toContain("Default level: mandatory (remediation available: at level remediate the pack fixes the resource)");
    expect(explainRule("emr-production-kerberos")).toContain('  productionStacks (array, default ["prod","prod-*","production","*-prod","prd"]): Stack names treated as production (* is a wildcard).');
  });
  test("the catalog's remediation flag is the pack's: exactly the policies with a remediateResource", () => {
    const remediating = ALL_POLICIES.filter((p) => "remediateResource" in p && p.remediateResource !== undefined).map((p) => p.name);
    expect(POLICY_CATALOG.filter((p) => p.remediation).map((p) => p.name)).toEqual(remediating);
  });
  test("every rule of the catalog can be explained, with its description, fix and anchor", () => {
    for (const r of RULE_CATALOG) expect(explainRule(r.name)).toEqual(expect.stringContaining(`  ${r.description}\nKind: `));
    for (const r of RULE_CATALOG) expect(explainRule(r.name)).toContain(`Fix: ${r.fix}\n`);
    for (const r of RULE_CATALOG) expect(explainRule(r.name)).toContain(`Docs: policies/README.md#${r.name}\n`);
  });
  test("an unknown name: did you mean, and where the list is", () => {
    expect(() => explainRule("emr-node-group-cap")).toThrow(`--explain emr-node-group-cap: no rule of that name (did you mean emr-node-group-creation-cap?); emr-check --list-rules lists all ${RULE_CATALOG.length}`);
    expect(() => explainRule("emr-change-scalein")).toThrow("(did you mean emr-change-scale-in?)");
  });
});

test("--list-rules: every rule once, in a line with its kind, level and description; the policies, then the change rules", () => {
  const lines = listRules().split("\n");
  const rows = lines.filter((l) => /^emr-[a-z-]+  /.test(l));
  expect(rows.map((l) => l.split(/\s+/)[0])).toEqual(RULE_CATALOG.map((r) => r.name));
  for (const r of RULE_CATALOG) expect(rows).toContainEqual(expect.stringMatching(new RegExp(`^${r.name} +${r.kind} +${r.level} +${r.description.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`)));
  expect(lines[0]).toBe(`Policies of the emr-guardrails pack (${POLICY_CATALOG.length}; levels and thresholds in guardrails.json):`);
  expect(lines).toContain(`Change rules (${CHANGE_CATALOG.length}; emr-check --state/--plan, the live gate and EmrClient):`);
});

test("--list-presets: every preset with its key facts", () => {
  const text = listPresets();
  expect(text.split("\n\n").map((block) => block.split(":")[0])).toEqual(PRESET_NAMES);
  expect(text).toContain(
    [
      "datalake-ha: DATALAKE HA EMR-5.16.0",
      "  applications: HADOOP-COMMON, OSS-HDFS, YARN, HIVE, SPARK3, ZOOKEEPER",
      "  metastore: USER_RDS; payment: Subscription 12 Month; security mode: NORMAL",
      "  node groups: master (MASTER) 3 × ecs.g7.2xlarge; core (CORE) 3 × ecs.g7.4xlarge; task (TASK) 2 × ecs.g7.4xlarge | ecs.g6.4xlarge, Spot SpotAsPriceGo, auto scaling 2–40",
    ].join("\n"),
  );
});

describe("the CLI", () => {
  test("--explain runs no program (fast, exit 0), a change rule too; an unknown rule is exit 2", async () => {
    const ok = await runCli(["--explain", "emr-protect-option"]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe(explainRule("emr-protect-option") + "\n");
    expect(ok.stderr).toBe("");
    const change = await runCli(["--explain", "emr-change-scale-out"]);
    expect({ code: change.code, stdout: change.stdout }).toEqual({ code: 0, stdout: explainRule("emr-change-scale-out") + "\n" });
    const bad = await runCli(["--explain", "emr-protect"]);
    expect({ code: bad.code, stdout: bad.stdout }).toEqual({ code: 2, stdout: "" });
    expect(bad.stderr).toContain("error: --explain emr-protect: no rule of that name (did you mean emr-protect-option?)");
  }, 30000);

  test("--list-rules: exit 0", async () => {
    const { code, stdout } = await runCli(["--list-rules"]);
    expect(code).toBe(0);
    expect(stdout).toBe(listRules() + "\n");
  }, 30000);

  test("--list-presets: exit 0", async () => {
    const { code, stdout } = await runCli(["--list-presets"]);
    expect(code).toBe(0);
    expect(stdout).toBe(listPresets() + "\n");
  }, 30000);

  test("--fail-on advisory: an advisory violation is exit 1 (mandatory by default: exit 0)", async () => {
    const args = ["--stack", "prod", "--program", "stacks/examples/external-security-group.ts"];
    const strict = await runCli([...args, "--fail-on", "advisory"]);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain("[advisory] emr-security-group-external");
    expect(strict.stdout.trim().split("\n").pop()).toMatch(/^FAILED: stack "prod": .* 0 mandatory and 1 advisory violations \(--fail-on advisory\)$/);
    const bad = await runCli([...args, "--fail-on", "warning"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("option '--fail-on <level>' argument 'warning' is invalid. Allowed choices are mandatory, advisory");
  }, 60000);
});
