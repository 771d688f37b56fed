/** --explain <policy> and --list-presets: from the pack's own data, no program run; an unknown name gets a suggestion. */
import { explainPolicy, listPresets } from "../../check/explain";
import { PRESET_NAMES } from "../../components/presets";
import { POLICY_CATALOG } from "../../policies/rules/index";
import { ROOT, runCli } from "../helpers/run-cli";

describe("--explain <policy>", () => {
  test("a guardrail: description, README text, kind, level, its properties with defaults, an example", () => {
    expect(explainPolicy("emr-node-group-creation-cap", ROOT)).toBe(
      [
        "emr-node-group-creation-cap",
        "  Checks whether every node group above the acknowledgement threshold (nodeGroupAckThreshold, default 30) carries the tag emr-guard:ack-node-count covering its size; above the cap at creation (maxNodesPerGroupAtCreate, default 50) that tag states the size was reached by steps.",
        "  What it checks: a node group above the acknowledgement threshold carries emr-guard:ack-node-count ≥ its size; above the cap at creation that tag says the size was reached by steps (the pack cannot see the before: the change-aware check and the live gate hold each creation and each step to the cap). One violation per group, for its one fix; the messages state the configured limits",
        "Kind: guardrail (the organisation's threshold, acknowledgement or posture; configured in guardrails.json)",
        "Default level: mandatory",
        "Config properties:",
        "  maxNodesPerGroupAtCreate (integer, default 50): Most nodes a node group may have at creation.",
        "  nodeGroupAckThreshold (integer, default 30): Node groups above this size need the emr-guard:ack-node-count tag covering it.",
        "  maxScaleOutPerCall (integer, default 50): Most nodes one update may add to a node group (the change-aware check, the live gate and EmrClient read this).",
        "  scaleOutAckThreshold (integer, default 20): A scale-out above this many nodes in one update needs the emr-guard:ack-scale-out tag naming it (the change-aware check, the live gate and EmrClient read this).",
        "  maxScaleInPerCall (integer, default 10): Most nodes one update may release from a TASK group (the change-aware check, the live gate and EmrClient read this).",
        "",
        "Configure it in guardrails.json (the --policy-pack-config format), e.g.",
        '  {"emr-node-group-creation-cap": {"enforcementLevel": "mandatory", "maxNodesPerGroupAtCreate": 50}}',
      ].join("\n"),
    );
  });
  test("a validity policy says no configuration relaxes it; remediation is mentioned where the pack has it", () => {
    expect(explainPolicy("emr-vswitch-ids", ROOT)).toContain("Kind: validity (the cloud would refuse the cluster, or it is inconsistent; the EmrCluster component refuses it too and no configuration relaxes it)");
    expect(explainPolicy("emr-deletion-protection", ROOT)).toContain("Default level: mandatory (remediation available: at level remediate the pack fixes the resource)");
    expect(explainPolicy("emr-production-kerberos", ROOT)).toContain('  productionStacks (array, default ["prod","prod-*","production","*-prod","prd"]): Stack names treated as production (* is a wildcard).');
  });
  test("every policy of the catalog can be explained, with its README row", () => {
    for (const p of POLICY_CATALOG) expect(explainPolicy(p.name, ROOT)).toContain("  What it checks: ");
  });
  test("an unknown name: did you mean, and the list", () => {
    expect(() => explainPolicy("emr-node-group-cap", ROOT)).toThrow(`--explain emr-node-group-cap: no policy of that name (did you mean emr-node-group-creation-cap?); the pack has ${POLICY_CATALOG.length} policies: emr-node-group-creation-cap, `);
  });
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
  test("--explain runs no program (fast, exit 0); an unknown policy is exit 2", async () => {
    const ok = await runCli(["--explain", "emr-protect-option"]);
    expect(ok.code).toBe(0);
    expect(ok.stdout.split("\n")[0]).toBe("emr-protect-option");
    expect(ok.stderr).toBe("");
    const bad = await runCli(["--explain", "emr-protect"]);
    expect({ code: bad.code, stdout: bad.stdout }).toEqual({ code: 2, stdout: "" });
    expect(bad.stderr).toContain("error: --explain emr-protect: no policy of that name (did you mean emr-protect-option?)");
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
