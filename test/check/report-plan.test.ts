/**
 * A plan you can read and trust: the text table fits the terminal (one line a resource, names whole), shows every
 * protection (a cluster without deletionProtection says so), component rows say what they wrap; `--details` and the
 * JSON report carry each cluster's merged spec; a run over many stacks ends with one overall summary.
 */
import type { CapturedResource } from "../../check/program/capture";
import type { Diagnostic } from "../../check/pack/pack-runner";
import { clusterPlan, scalingRule } from "../../check/report/cluster-plan";
import { renderJson } from "../../check/report/json";
import { renderMarkdown } from "../../check/report/markdown";
import { overallLine, protectionText, summaryLine, terminalWidth, truncate } from "../../check/report/formatting";
import { buildReport, overallSummary, withFailOn } from "../../check/report/model";
import { renderReports } from "../../check/report/render";
import { renderText } from "../../check/report/text";

const PREFIX = "urn:pulumi:prod::emr-clusters::";
const component = { type: "emr:index:Cluster", name: "lakehouse-analytics-platform", urn: `${PREFIX}emr:index:Cluster::lakehouse-analytics-platform`, custom: false, protect: false, retainOnDelete: false, ignoreChanges: [], inputs: {} };
const scaleOut = {
  ruleName: "out",
  triggerType: "METRICS_TRIGGER",
  activityType: "SCALE_OUT",
  adjustmentValue: 2,
  metricsTrigger: { timeWindow: 300, evaluationCount: 1, coolDownInterval: 300, conditions: [{ metricName: "yarn_mem", statistics: "AVG", comparisonOperator: "LT", threshold: 20 }] },
};
const cluster = {
  type: "alicloud:emrv2/cluster:Cluster",
  name: "lakehouse-analytics-platform",
  urn: `${PREFIX}emr:index:Cluster$alicloud:emrv2/cluster:Cluster::lakehouse-analytics-platform`,
  parent: component.urn,
  custom: true,
  protect: true,
  retainOnDelete: true,
  ignoreChanges: ["nodeGroups[1].nodeCount"],
  inputs: {
    clusterName: "lakehouse-prod",
    clusterType: "DATALAKE",
    deployMode: "HA",
    releaseVersion: "EMR-5.16.0",
    securityMode: "KERBEROS",
    paymentType: "Subscription",
    subscriptionConfig: { paymentDuration: 12, paymentDurationUnit: "Month", autoRenew: true, autoRenewDuration: 1, autoRenewDurationUnit: "Month" },
    applications: ["HIVE", "SPARK3"],
    applicationConfigs: [{ applicationName: "HIVE", configFileName: "hivemetastore-site.xml", configItemKey: "hive.metastore.type", configItemValue: "DLF" }],
    deletionProtection: false,
    nodeGroups: [
      { nodeGroupName: "master", nodeGroupType: "MASTER", nodeCount: 3, instanceTypes: ["ecs.g7.2xlarge"], systemDisk: { category: "cloud_essd", size: 120 }, dataDisks: [{ category: "cloud_essd", size: 160, count: 1 }], paymentType: "Subscription", subscriptionConfig: { paymentDuration: 12, autoRenew: false } },
      {
        nodeGroupName: "task",
        nodeGroupType: "TASK",
        nodeCount: 2,
        instanceTypes: ["ecs.g7.4xlarge", "ecs.g6.4xlarge"],
        systemDisk: { category: "cloud_essd", size: 120 },
        dataDisks: [{ category: "cloud_essd", size: 500, count: 4 }],
        paymentType: "PayAsYouGo",
        spotStrategy: "SpotAsPriceGo",
        autoScalingPolicy: { constraints: { minCapacity: 2, maxCapacity: 40 }, scalingRules: [scaleOut] },
      },
    ],
  },
};
const sg = { type: "alicloud:ecs/securityGroup:SecurityGroup", name: "lakehouse-sg", urn: `${PREFIX}alicloud:ecs/securityGroup:SecurityGroup::lakehouse-sg`, parent: component.urn, custom: true, protect: false, retainOnDelete: false, ignoreChanges: [], inputs: { securityGroupType: "normal", vpcId: "vpc-1" } };
const resources = [component, cluster, sg] as unknown as CapturedResource[];
const report = buildReport({ stack: "prod", program: "stacks", resources, diagnostics: [] });

describe("text: one line a resource that fits the terminal, every protection shown", () => {
  const text = renderText(report, { width: 100 });
  const table = text.split("\n").slice(1, 5);

  test("a header and one line per resource, none wider than the terminal, names whole", () => {
    expect(table).toHaveLength(1 + resources.length);
    for (const line of table) expect([...line].length).toBeLessThanOrEqual(100);
    expect(table.find((l) => l.includes("alicloud:emrv2:Cluster"))).toMatch(/^\+  alicloud:emrv2:Cluster +lakehouse-analytics-platform +protect retain deletion OFF  DATALAKE …$/);
  });
  test("a cluster with deletionProtection off says so, even with the protect option on (was: \"yes\")", () => {
    expect(protectionText(report.resources.find((r) => r.type === cluster.type)!.protections)).toBe("protect retain deletion OFF");
    expect(protectionText({ protect: true, retainOnDelete: false, deletionProtection: true })).toBe("protect deletion");
    expect(protectionText({ protect: false, retainOnDelete: false })).toBe("-");
  });
  test("a component row names the cluster it wraps and its children", () => {
    const wide = renderText(report, { width: 200 }).split("\n");
    expect(wide.find((l) => l.includes("emr:index:Cluster"))).toMatch(/^\+  emr:index:Cluster +lakehouse-analytics-platform +- +cluster lakehouse-prod; 2 children$/);
  });
  test("a wider terminal shows more of the attributes; not a terminal: 100 columns", () => {
    expect(renderText(report, { width: 200 })).toContain("DATALAKE HA EMR-5.16.0; master 3, task 2");
    expect(terminalWidth({ isTTY: true, columns: 132 })).toBe(132);
    expect(terminalWidth({ isTTY: false, columns: 132 })).toBe(100);
    expect(terminalWidth({ isTTY: true })).toBe(100);
    expect(truncate("abcdef", 4)).toBe("abc…");
    expect(truncate("abcd", 4)).toBe("abcd");
  });
});

describe("what will be built: --details and the JSON report", () => {
  test("the cluster's merged spec in a reviewer's shape", () => {
    expect(clusterPlan(cluster as unknown as CapturedResource)).toEqual({
      name: "lakehouse-analytics-platform",
      clusterName: "lakehouse-prod",
      kind: "DATALAKE HA EMR-5.16.0, KERBEROS",
      payment: "Subscription 12 Month, auto-renew 1 Month",
      applications: ["HIVE", "SPARK3"],
      metastore: "DLF",
      nodeGroups: [
        { name: "master", type: "MASTER", nodeCount: "3", instanceTypes: ["ecs.g7.2xlarge"], systemDisk: "cloud_essd 120 GiB", dataDisks: ["cloud_essd 160 GiB"], payment: "Subscription 12 Month, no auto-renew" },
        {
          name: "task",
          type: "TASK",
          nodeCount: "2",
          instanceTypes: ["ecs.g7.4xlarge", "ecs.g6.4xlarge"],
          systemDisk: "cloud_essd 120 GiB",
          dataDisks: ["4 × cloud_essd 500 GiB"],
          payment: "PayAsYouGo, Spot SpotAsPriceGo",
          autoScaling: { minCapacity: "2", maxCapacity: "40", rules: ["out: SCALE_OUT +2 when AVG yarn_mem LT 20 (300 s × 1, cool-down 300 s)"] },
        },
      ],
      ignoreChanges: ["nodeGroups[1].nodeCount"],
      protections: { protect: true, retainOnDelete: true, deletionProtection: false },
    });
  });
  test("a time-triggered rule reads as a sentence", () => {
    expect(scalingRule({ ruleName: "night", triggerType: "TIME_TRIGGER", activityType: "SCALE_IN", adjustmentValue: 3, timeTrigger: { launchTime: "22:00", recurrenceType: "DAILY", recurrenceValue: "1" } })).toBe("night: SCALE_IN -3 at 22:00 DAILY 1");
  });
  test("the JSON report always carries it; text shows it with --details only", () => {
    expect(JSON.parse(renderJson([report])).reports[0].clusters).toEqual([clusterPlan(cluster as unknown as CapturedResource)]);
    expect(renderText(report, { width: 100 })).not.toContain("What will be built");
    const details = renderText(report, { width: 100, details: true });
    expect(details).toContain("What will be built:\n  Cluster lakehouse-analytics-platform (\"lakehouse-prod\"): DATALAKE HA EMR-5.16.0, KERBEROS\n    payment: Subscription 12 Month, auto-renew 1 Month");
    expect(details).toContain("    protection: protect on, retainOnDelete on, deletionProtection OFF\n    ignoreChanges: nodeGroups[1].nodeCount");
    expect(details).toContain("      auto scaling 2–40 nodes\n        out: SCALE_OUT +2 when AVG yarn_mem LT 20 (300 s × 1, cool-down 300 s)");
    expect(renderMarkdown([report])).toContain("<details><summary>What will be built (1 cluster)</summary>");
  });
});

describe("many programs or stacks: one overall summary", () => {
  const failing = buildReport({
    stack: "dev",
    program: "stacks",
    resources,
    diagnostics: [{ policyName: "emr-deletion-protection", enforcementLevel: "mandatory", urn: cluster.urn, message: "off", description: "", policyPackName: "emr-guardrails" } satisfies Diagnostic],
  });
  const broken = buildReport({ stack: "qa", program: "stacks", resources: [], diagnostics: [], programError: "boom" });

  test("the text ends with one line for the whole run", () => {
    const text = renderReports("text", [report, failing, broken], { packVersion: "0.1.0", root: "/", width: 100 });
    expect(text.split("\n").pop()).toBe("FAILED: 2 of 3 checks failed, 1 without a verdict: 6 resources planned, 1 mandatory and 0 advisory violations in total");
    expect(renderReports("text", [report], { packVersion: "0.1.0", root: "/", width: 100 }).split("\n").pop()).toBe(summaryLine(report));
  });
  test("the JSON has a top-level summary", () => {
    expect(JSON.parse(renderJson([report, failing])).summary).toEqual({ checks: 2, failed: 1, noVerdict: 0, resources: 6, mandatory: 1, advisory: 0, passed: false });
    expect(overallLine(overallSummary([report, report]))).toBe("PASSED: all 2 checks passed: 6 resources planned, 0 mandatory and 0 advisory violations in total");
  });
  test("no report at all is never a pass", () => {
    expect(overallSummary([]).passed).toBe(false);
  });
});

describe("--fail-on advisory", () => {
  const advisory = buildReport({
    stack: "prod",
    program: "stacks",
    resources,
    diagnostics: [{ policyName: "emr-production-ha", enforcementLevel: "advisory", urn: cluster.urn, message: "NORMAL", description: "", policyPackName: "emr-guardrails" }],
  });
  test("advisory violations fail the report, and the summary says why", () => {
    expect(withFailOn(advisory, "mandatory").summary.passed).toBe(true);
    const failed = withFailOn(advisory, "advisory");
    expect(failed.summary.passed).toBe(false);
    expect(summaryLine(failed)).toBe('FAILED: stack "prod": 3 resources planned, 0 mandatory and 1 advisory violations (--fail-on advisory)');
  });
  test("a clean report still passes", () => {
    expect(withFailOn(report, "advisory").summary.passed).toBe(true);
  });
});
