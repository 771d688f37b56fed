/**
 * The rules added or corrected by issue 9 ("Correct against the EMR rules and the real provider"): a compliant case
 * and numbered non-compliant cases (one change each), preview unknowns, and each rule's kind.
 */
import { ALL_RULES, POLICY_CATALOG, policyEntry, ruleContext, runRule, UNKNOWN, VALIDITY_RULES, type ClusterRule, type Outcome } from "../../policies/rules";
import * as autoScaling from "../../policies/rules/auto-scaling";
import { checkClusterNamesUnique } from "../../policies/rules/hygiene";
import * as hygiene from "../../policies/rules/hygiene";
import * as metastore from "../../policies/rules/metastore";
import * as payment from "../../policies/rules/payment";
import * as topology from "../../policies/rules/topology";
import { devClusterProps, haClusterProps, metastoreItem, nodeGroupProps } from "../helpers/cluster-props";

type Props = Record<string, any>;
const run = (rule: ClusterRule, props: unknown): Outcome => runRule(rule, props, ruleContext({}, { stackName: "dev" }));
const withGroup = (props: Props, i: number, change: Props): Props => ({ ...props, nodeGroups: props.nodeGroups.map((g: Props, k: number) => (k === i ? { ...g, ...change } : g)) });
const addGroup = (props: Props, g: Props): Props => ({ ...props, nodeGroups: [...props.nodeGroups, g] });

function expectViolation(outcome: Outcome, path: string, ...fragments: RegExp[]) {
  if (outcome.kind !== "non-compliant") throw new Error(`expected a violation at ${path}, got ${JSON.stringify(outcome)}`);
  const f = outcome.findings.find((x) => x.path === path);
  if (!f) throw new Error(`no finding at ${path}: ${JSON.stringify(outcome.findings)}`);
  for (const fr of fragments) expect(`${f.message} ${f.fix}`).toMatch(fr);
}
const expectCompliant = (outcome: Outcome) => expect(outcome).toEqual({ kind: "compliant" });
const expectUnknown = (outcome: Outcome, path: string) => expect(outcome).toEqual({ kind: "unknown", paths: expect.arrayContaining([path]) });

describe("every rule is tagged validity or guardrail; the component runs the validity ones", () => {
  test("kinds", () => {
    expect(Object.fromEntries(ALL_RULES.map((r) => [r.name, policyEntry(r.name).kind]))).toEqual({
      "emr-node-group-creation-cap": "guardrail",
      "emr-oss-hdfs-root-uri": "validity",
      "emr-cluster-total-nodes-ack": "guardrail",
      "emr-auto-scaling-max-capacity": "guardrail",
      "emr-auto-scaling-bounds": "validity",
      "emr-subscription-duration-ack": "guardrail",
      "emr-subscription-config": "validity",
      "emr-deploy-mode-masters": "validity",
      "emr-ha-zookeeper": "validity",
      "emr-core-group": "validity",
      "emr-node-group-roles": "validity",
      "emr-node-group-names-unique": "validity",
      "emr-spot-and-auto-scaling-task-only": "validity",
      "emr-subscription-auto-renew": "validity",
      "emr-vswitch-ids": "validity",
      "emr-application-exclusion": "validity",
      "emr-internal-applications": "validity",
      "emr-hive-metastore-type": "validity",
      "emr-spark-metastore-matches-hive": "validity",
      "emr-ha-external-metastore": "validity",
      "emr-deletion-protection": "guardrail",
      "emr-names-and-descriptions": "validity",
      "emr-tags": "validity",
      "emr-bootstrap-scripts-oss": "validity",
      "emr-production-kerberos": "guardrail",
      "emr-production-ha": "guardrail",
      "emr-subscription-auto-pay-order": "validity",
      "emr-provider-schema": "validity",
    });
    expect(VALIDITY_RULES.map((r) => policyEntry(r.name)).every((e) => e.kind === "validity" && e.level === "mandatory" && !e.limits.length && !e.hosts.length)).toBe(true);
  });
  test("the catalog lists each policy once", () => expect(new Set(POLICY_CATALOG.map((p) => p.name)).size).toBe(POLICY_CATALOG.length));
});

describe("emr-subscription-duration-ack: a Year counts 12 months", () => {
  const rule = payment.subscriptionDurationAck;
  const sub = (paymentDuration: unknown, paymentDurationUnit: unknown) => ({ ...haClusterProps(), subscriptionConfig: { paymentDuration, paymentDurationUnit } });
  test("compliant: 1 Year (12 months)", () => expectCompliant(run(rule, sub(1, "Year"))));
  test("non-compliant 1: 3 Years are 36 months (issue 9)", () => expectViolation(run(rule, sub(3, "Year")), "subscriptionConfig.paymentDuration", /a 36-month subscription/, /ack-subscription-months: "36"/));
  test("compliant: 3 Years acknowledged with 36", () => expectCompliant(run(rule, { ...sub(3, "Year"), tags: { "emr-guard:ack-subscription-months": "36" } })));
  test("unknown: the unit unknown", () => expect(run(rule, sub(3, UNKNOWN))).toEqual({ kind: "unknown", paths: ["subscriptionConfig.paymentDuration"] }));
});

describe("emr-subscription-config: Subscription has a subscriptionConfig valid for its unit", () => {
  const rule = payment.subscriptionConfigValid;
  const sub = (paymentDuration: unknown, paymentDurationUnit: unknown) => ({ ...haClusterProps(), subscriptionConfig: { paymentDuration, paymentDurationUnit } });
  test.each([[12, "Month"], [60, "Month"], [5, "Year"]])("compliant: %s %s", (d, u) => expectCompliant(run(rule, sub(d, u))));
  test("non-compliant 1: a Subscription cluster without subscriptionConfig", () => expectViolation(run(rule, { ...haClusterProps(), subscriptionConfig: undefined }), "subscriptionConfig", /Subscription without a subscriptionConfig/));
  test("non-compliant 2: a Subscription node group without its own subscriptionConfig", () =>
    expectViolation(run(rule, withGroup(haClusterProps(), 1, { paymentType: "Subscription" })), "nodeGroups[1].subscriptionConfig", /node group "core".*Subscription without a subscriptionConfig/));
  test("non-compliant 3: 6 Years (the provider's list has 6; for a Year the API takes 1-5)", () => expectViolation(run(rule, sub(6, "Year")), "subscriptionConfig.paymentDuration", /6 Year; for Year the API accepts 1, 2, 3, 4, 5/));
  test("non-compliant 4: the unit left out (the provider requires it)", () => expectViolation(run(rule, { ...haClusterProps(), subscriptionConfig: { paymentDuration: 12 } }), "subscriptionConfig.paymentDurationUnit", /without paymentDurationUnit/));
  test("values outside the provider's own lists (10 Months, a Week) are emr-provider-schema's, reported once there", () => {
    expectCompliant(run(rule, sub(10, "Month")));
    expectCompliant(run(rule, sub(1, "Week")));
  });
  test("not applicable: PayAsYouGo without subscriptionConfig", () => expect(run(rule, devClusterProps())).toEqual({ kind: "not-applicable" }));
});

describe("emr-core-group: a CORE group with at least one node", () => {
  const rule = topology.coreGroupPresent;
  test("compliant", () => expectCompliant(run(rule, devClusterProps())));
  test("non-compliant 1: no CORE group", () => expectViolation(run(rule, withGroup(devClusterProps(), 1, { nodeGroupType: "TASK" })), "nodeGroups", /no CORE group/));
  test("non-compliant 2: a CORE group of 0 nodes", () => expectViolation(run(rule, withGroup(devClusterProps(), 1, { nodeCount: 0 })), "nodeGroups[1].nodeCount", /CORE group with 0 nodes/));
});

describe("emr-node-group-names-unique: each node group has its own name", () => {
  const rule = topology.nodeGroupNamesUnique;
  test("compliant", () => expectCompliant(run(rule, haClusterProps())));
  test("non-compliant 1: two groups named core", () => expectViolation(run(rule, addGroup(haClusterProps(), nodeGroupProps("TASK", "core", 2))), "nodeGroups[3].nodeGroupName", /same nodeGroupName "core" as nodeGroups\[1\]/));
});

describe("emr-internal-applications: no internal application", () => {
  const rule = topology.internalApplications;
  test("compliant", () => expectCompliant(run(rule, haClusterProps())));
  test.each(["MYSQL", "METASTORE", "kerberos"])("non-compliant: %s", (app) => expectViolation(run(rule, { ...devClusterProps(), applications: ["HADOOP-COMMON", app] }), "applications[1]", /internal application/, /remove/));
});

describe("emr-tags: at most 20 tags, no reserved prefixes, no URLs", () => {
  const rule = hygiene.tagsValid;
  const tags = (t: unknown) => ({ ...devClusterProps(), tags: t });
  test("compliant: 20 tags", () => expectCompliant(run(rule, tags(Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, "v"]))))));
  test("non-compliant 1: 21 tags", () => expectViolation(run(rule, tags(Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, "v"])))), "tags", /21 tags/));
  test.each(["aliyun:x", "Aliyun-team", "acs:env"])("non-compliant 2: reserved key %s", (key) => expectViolation(run(rule, tags({ [key]: "v" })), `tags[${JSON.stringify(key)}]`, /reserves/));
  test("non-compliant 3: a URL in a key or a value", () => {
    expectViolation(run(rule, tags({ "http://x": "v" })), 'tags["http://x"]', /key of tag .* contains "http:\/\/"/);
    expectViolation(run(rule, tags({ docs: "https://wiki" })), 'tags["docs"]', /value of tag "docs" contains "https:\/\/"/);
  });
  test("unknown tags", () => expect(run(rule, tags(UNKNOWN))).toEqual({ kind: "unknown", paths: ["tags"] }));
});

describe("emr-ha-external-metastore: Spark's hive-site.xml too", () => {
  const rule = metastore.haExternalMetastore;
  test("non-compliant: HA with SPARK3 and no HIVE on LOCAL (issue 9)", () =>
    expectViolation(
      run(rule, { ...haClusterProps(), applications: ["HADOOP-COMMON", "OSS-HDFS", "YARN", "SPARK3", "ZOOKEEPER"], applicationConfigs: [metastoreItem("SPARK3", "hive-site.xml", "LOCAL")] }),
      "applicationConfigs[0].configItemValue",
      /HA cluster with SPARK3 uses hive.metastore.type LOCAL in hive-site.xml/,
    ));
  test("compliant: HA with SPARK2 on DLF", () =>
    expectCompliant(run(rule, { ...haClusterProps(), applications: ["SPARK2", "ZOOKEEPER"], applicationConfigs: [metastoreItem("SPARK2", "hive-site.xml", "DLF")] })));
});

describe("emr-hive-metastore-type: USER_RDS needs its JDBC items", () => {
  const rule = metastore.hiveMetastoreType;
  const jdbc = (key: string) => ({ ...metastoreItem("HIVE", "hivemetastore-site.xml", "DLF"), configItemKey: `javax.jdo.option.${key}`, configItemValue: "x" });
  const rds = (...items: Props[]) => ({ ...haClusterProps(), applicationConfigs: [metastoreItem("HIVE", "hivemetastore-site.xml", "USER_RDS"), metastoreItem("SPARK3", "hive-site.xml", "USER_RDS"), ...items] });
  test("compliant: USER_RDS with URL, user name and password", () => expectCompliant(run(rule, rds(jdbc("ConnectionURL"), jdbc("ConnectionUserName"), jdbc("ConnectionPassword")))));
  test("non-compliant 1: USER_RDS with no JDBC items (issue 9)", () =>
    expectViolation(run(rule, rds()), "applicationConfigs", /USER_RDS but javax.jdo.option.ConnectionURL, javax.jdo.option.ConnectionUserName, javax.jdo.option.ConnectionPassword are not set/));
  test("non-compliant 2: the password missing", () => expectViolation(run(rule, rds(jdbc("ConnectionURL"), jdbc("ConnectionUserName"))), "applicationConfigs", /ConnectionPassword is not set/));
});

describe("emr-metastore-password-source: only what the pack can tell", () => {
  const view = (value: unknown) => ({ applicationConfigs: [{ index: 0, path: "applicationConfigs[0]", applicationName: "HIVE", configFileName: "hivemetastore-site.xml", configItemKey: "javax.jdo.option.ConnectionPassword", configItemValue: value }] }) as never;
  test("a hand-written cluster's password derived from no resource is flagged", () =>
    expect(metastore.checkJdbcPasswordSource(view("x"), { applicationConfigsDependsOn: [], builtByComponent: false })).toHaveLength(1));
  test("the recommended path (EmrCluster: a secret Output the component insists on) is not", () =>
    expect(metastore.checkJdbcPasswordSource(view("x"), { applicationConfigsDependsOn: [], builtByComponent: true })).toEqual([]));
  test("a password derived from a resource is not", () => expect(metastore.checkJdbcPasswordSource(view("x"), { applicationConfigsDependsOn: ["urn:x"], builtByComponent: false })).toEqual([]));
});

describe("checkClusterNamesUnique: one clusterName per cluster of a stack", () => {
  test("the second cluster with a name is named, with the first", () =>
    expect(checkClusterNamesUnique([{ resource: "a", clusterName: "lake" }, { resource: "b", clusterName: "other" }, { resource: "c", clusterName: "lake" }])).toEqual([
      { rule: "emr-cluster-names-unique", index: 2, path: "clusterName", message: 'cluster "c" has the same clusterName "lake" as cluster "a" in this stack', fix: 'give each cluster its own clusterName, e.g. "lake-2"' },
    ]));
  test("distinct names: nothing", () => expect(checkClusterNamesUnique([{ resource: "a", clusterName: "x" }, { resource: "b", clusterName: UNKNOWN }])).toEqual([]));
});

describe("emr-auto-scaling-bounds: 0 <= minCapacity <= maxCapacity <= 2000 and nodeCount within them", () => {
  const rule = autoScaling.autoScalingBounds;
  const bounds = (nodeCount: unknown, constraints: unknown) => withGroup(haClusterProps(), 2, { nodeCount, autoScalingPolicy: { constraints } });
  test("compliant: 2 in [2, 40]; 40 in [2, 40]", () => {
    expectCompliant(run(rule, bounds(2, { minCapacity: 2, maxCapacity: 40 })));
    expectCompliant(run(rule, bounds(40, { minCapacity: 2, maxCapacity: 40 })));
  });
  test("non-compliant 1: minCapacity above maxCapacity", () => expectViolation(run(rule, bounds(5, { minCapacity: 10, maxCapacity: 4 })), "nodeGroups[2].autoScalingPolicy.constraints.minCapacity", /minCapacity 10 above maxCapacity 4/));
  test("non-compliant 2: nodeCount below minCapacity", () => expectViolation(run(rule, bounds(1, { minCapacity: 2, maxCapacity: 40 })), "nodeGroups[2].nodeCount", /nodeCount 1, outside its auto-scaling bounds \[2, 40\]/, /between 2 and 40/));
  test("non-compliant 3: nodeCount above maxCapacity", () => expectViolation(run(rule, bounds(41, { minCapacity: 2, maxCapacity: 40 })), "nodeGroups[2].nodeCount", /\[2, 40\]/));
  test("a maxCapacity above the provider's 2000 is emr-provider-schema's, reported once there", () => expectCompliant(run(rule, bounds(2, { minCapacity: 2, maxCapacity: 2001 }))));
  test("missing bounds are the API's defaults [0, 2000]", () => expectCompliant(run(rule, bounds(300, {}))));
  test("unknown: minCapacity unknown", () => expectUnknown(run(rule, bounds(2, { minCapacity: UNKNOWN, maxCapacity: 40 })), "nodeGroups[2].autoScalingPolicy.constraints.minCapacity"));
  test("not applicable without auto scaling", () => expect(run(rule, devClusterProps())).toEqual({ kind: "not-applicable" }));
});

describe("ignoreChangesCovers: the ignoreChanges paths that cover an auto-scaled group's nodeCount", () => {
  const target = "nodeGroups[2].nodeCount";
  test.each([["nodeGroups"], ["nodeGroups[*]"], ["nodeGroups[*].nodeCount"], ["nodeGroups[2]"], ["nodeGroups[2].nodeCount"], ['nodeGroups[2]["nodeCount"]'], ['["nodeGroups"][*].nodeCount']])("covered by %s", (path) =>
    expect(autoScaling.ignoreChangesCovers([path], target)).toBe(true));
  test.each([["nodeGroups[1]"], ["nodeGroups[1].nodeCount"], ["nodeGroups[*].instanceTypes"], ["tags"], ["nodeGroups[2].nodeCount.x"], ["nodeGroups.[2]"], [""]])("not covered by %j", (path) =>
    expect(autoScaling.ignoreChangesCovers([path], target)).toBe(false));
  test("any of several paths", () => expect(autoScaling.ignoreChangesCovers(["tags", "nodeGroups[*].nodeCount"], target)).toBe(true));
});
