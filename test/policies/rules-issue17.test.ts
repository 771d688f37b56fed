/**
 * The pure rules behind issue 17's end-state items: the provider's schema table (its cited lines are held to the
 * provider's Go source in the engine tier: test/engine/provider-source.engine.ts), the values it refuses,
 * autoPayOrder, the metastore and security-group bypasses, and the false positives. Each with a failing and a
 * passing case; the pack over the protocol and the component run the same rules in pack.issue17.protocol.test.ts and
 * test/components/provider-schema.test.ts.
 */
import { ruleContext, runRule, UNKNOWN, type Outcome } from "../../policies/rules";
import { haExternalMetastore, hiveMetastoreType, sparkMetastoreMatchesHive } from "../../policies/rules/metastore";
import { subscriptionDurationAck } from "../../policies/rules/payment";
import { subscriptionAutoPayOrder } from "../../policies/rules/provider";
import { PROVIDER_SCHEMA, PROVIDER_VERSION } from "../../policies/rules/provider-schema";
import { checkProviderSchema, providerSchemaValues } from "../../policies/rules/provider-schema-check";
import { coreGroupPresent } from "../../policies/rules/topology";
import { devClusterProps, haClusterProps, metastoreItem, nodeGroupProps } from "../helpers/cluster-props";
import { fullClusterProps, outside, SUPPORTING_PROPS, withValueAt } from "../helpers/provider-schema";
import { SCHEMA_ENTRIES } from "../helpers/provider-source";

type Props = Record<string, any>;
const run = (rule: Parameters<typeof runRule>[0], props: unknown): Outcome => runRule(rule, props, ruleContext());
const findings = (o: Outcome) => (o.kind === "non-compliant" ? o.findings.map((f) => `${f.path}: ${f.message}. Fix: ${f.fix}`) : []);

const CLUSTER = "alicloud:emrv2/cluster:Cluster";
const baseOf = (type: string): Props => (type === CLUSTER ? fullClusterProps() : SUPPORTING_PROPS[type]);

describe(`the provider's schema table (${PROVIDER_VERSION})`, () => {
  test.each(Object.keys(PROVIDER_SCHEMA))("%s: the right inputs pass", (type) => expect(checkProviderSchema(type, baseOf(type))).toEqual({ problems: [], unknown: [] }));

  test.each(SCHEMA_ENTRIES)("%s %s: a value outside it is one problem at its path, citing the provider's line", (type, tablePath, entry) => {
    const { value, path: at } = withValueAt(baseOf(type), tablePath, outside(entry));
    const { problems } = checkProviderSchema(type, value);
    expect(problems).toEqual([{ path: at, message: expect.stringContaining(entry.source), fix: expect.any(String) }]);
    if (at.startsWith("nodeGroups[2]")) expect(problems[0].message).toContain('(node group "task")');
  });

  test("a preview unknown is unknown, never a pass or a violation", () => {
    const { value } = withValueAt(fullClusterProps(), "nodeGroups[].systemDisk.category", UNKNOWN);
    expect(checkProviderSchema(CLUSTER, value)).toEqual({ problems: [], unknown: ["nodeGroups[2].systemDisk.category"] });
    expect(run(providerSchemaValues, value)).toEqual({ kind: "unknown", paths: ["nodeGroups[2].systemDisk.category"] });
  });

  test("issue 17's values: local_disk system disk, auto-renew 10, a bid price of 0.5, a count of -1", () => {
    const props = haClusterProps();
    props.nodeGroups[1].systemDisk = { category: "local_disk", size: 120 };
    props.subscriptionConfig.autoRenew = true;
    props.subscriptionConfig.autoRenewDuration = 10;
    props.nodeGroups[2].spotBidPrices = [{ instanceType: "ecs.g7.xlarge", bidPrice: 0.5 }];
    props.nodeGroups[1].nodeCount = -1;
    expect(findings(run(providerSchemaValues, props))).toEqual([
      'subscriptionConfig.autoRenewDuration: autoRenewDuration is 10; accepted are 1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 24, 36, 48, 60; the provider refuses anything else at preview (resource_alicloud_emrv2_cluster.go:80). Fix: use one of them, e.g. 1',
      'nodeGroups[2].spotBidPrices[0].bidPrice: bidPrice is 0.5 (node group "task"); the provider\'s field is a whole number (resource_alicloud_emrv2_cluster.go:334) and the Pulumi bridge truncates a fraction: 0 would be sent, not 0.5. Fix: write a whole number, e.g. 1, or use spotStrategy "SpotAsPriceGo" (up to the pay-as-you-go price)',
      'nodeGroups[1].nodeCount: nodeCount is -1 (node group "core"); the provider\'s field is a whole number (resource_alicloud_emrv2_cluster.go:361) with no range of its own; a count is at least 0. Fix: write a whole number of at least 0, e.g. 1',
      'nodeGroups[1].systemDisk.category: category is "local_disk" (node group "core"); accepted are "cloud_essd", "cloud_efficiency", "cloud_ssd"; the provider refuses anything else at preview (resource_alicloud_emrv2_cluster.go:373). Fix: use one of them, e.g. "cloud_essd"',
    ]);
  });

  test("RDS names ending in _ (the provider's patterns); right names pass", () => {
    expect(checkProviderSchema("alicloud:rds/rdsAccount:RdsAccount", { accountName: "hive_" }).problems).toEqual([expect.objectContaining({ path: "accountName", message: expect.stringContaining("^[a-z][a-z0-9_]{0,61}[a-z0-9]$") })]);
    expect(checkProviderSchema("alicloud:rds/database:Database", { dataBaseName: "hivemeta_" }).problems).toEqual([expect.objectContaining({ path: "dataBaseName", message: expect.stringContaining("^[a-z][a-z0-9_-]*[a-z0-9]$") })]);
    expect(checkProviderSchema("alicloud:rds/rdsAccount:RdsAccount", { accountName: "hive_user" }).problems).toEqual([]);
    expect(checkProviderSchema("alicloud:rds/database:Database", { dataBaseName: "hive-meta" }).problems).toEqual([]);
  });
});

describe("booleans as the provider reads them (strconv.ParseBool on a string)", () => {
  test('"True", "1" and false pass; "yes" and "on" are refused with the field and the provider line', () => {
    const props = haClusterProps();
    props.deletionProtection = "True";
    props.subscriptionConfig = { ...props.subscriptionConfig, autoRenew: "1", autoPayOrder: false };
    expect(checkProviderSchema("alicloud:emrv2/cluster:Cluster", props).problems).toEqual([]);
    props.subscriptionConfig.autoRenew = "yes";
    props.nodeGroups[1] = { ...props.nodeGroups[1], withPublicIp: "on" };
    expect(checkProviderSchema("alicloud:emrv2/cluster:Cluster", props).problems).toEqual([
      expect.objectContaining({ path: "subscriptionConfig.autoRenew", message: expect.stringMatching(/autoRenew is "yes"; .*boolean.*resource_alicloud_emrv2_cluster.go:65/), fix: "write true or false" }),
      expect.objectContaining({ path: "nodeGroups[1].withPublicIp", message: expect.stringContaining('withPublicIp is "on" (node group "core")') }),
    ]);
  });
});

describe("emr-subscription-auto-pay-order: a Subscription states autoPayOrder (left out, the provider sends false)", () => {
  const without = () => {
    const p = haClusterProps();
    delete p.subscriptionConfig.autoPayOrder;
    return p;
  };
  test("non-compliant 1: a Subscription cluster without it", () =>
    expect(findings(run(subscriptionAutoPayOrder, without()))).toEqual([expect.stringMatching(/^subscriptionConfig\.autoPayOrder: the cluster is Subscription .* the provider sends false .*Fix: set autoPayOrder: true/)]));
  test("non-compliant 2: a Subscription node group without it", () => {
    const p = haClusterProps();
    p.nodeGroups[1] = { ...p.nodeGroups[1], paymentType: "Subscription", subscriptionConfig: { paymentDuration: 12, paymentDurationUnit: "Month" } };
    expect(findings(run(subscriptionAutoPayOrder, p))).toEqual([expect.stringMatching(/^nodeGroups\[1\]\.subscriptionConfig\.autoPayOrder: node group "core" \(nodeGroups\[1\]\) is Subscription/)]);
  });
  test("compliant: stated true, or stated false (paying by hand is a choice)", () => {
    expect(run(subscriptionAutoPayOrder, haClusterProps())).toEqual({ kind: "compliant" });
    const byHand = haClusterProps();
    byHand.subscriptionConfig.autoPayOrder = false;
    expect(run(subscriptionAutoPayOrder, byHand)).toEqual({ kind: "compliant" });
  });
  test("not applicable: a PayAsYouGo cluster, even with a left-over subscriptionConfig", () =>
    expect(run(subscriptionAutoPayOrder, { ...devClusterProps(), subscriptionConfig: { paymentDuration: 12, paymentDurationUnit: "Month" } })).toEqual({ kind: "not-applicable" }));
  test("unknown: autoPayOrder or the payment type not known yet", () => {
    const p = haClusterProps();
    p.subscriptionConfig.autoPayOrder = UNKNOWN;
    expect(run(subscriptionAutoPayOrder, p)).toEqual({ kind: "unknown", paths: ["subscriptionConfig.autoPayOrder"] });
    expect(run(subscriptionAutoPayOrder, { ...without(), paymentType: UNKNOWN }).kind).toBe("unknown");
  });
});

describe("the Hive metastore: every hive.metastore.type item counts (issue 17)", () => {
  const HIVE = ["HIVE", "hivemetastore-site.xml"] as const;
  const withItems = (...items: Props[]) => ({ ...haClusterProps(), applicationConfigs: [...haClusterProps().applicationConfigs, ...items] });
  test("HA: a second HIVE item LOCAL after DLF is refused at that item", () =>
    expect(findings(run(haExternalMetastore, withItems(metastoreItem(...HIVE, "LOCAL"))))).toEqual([expect.stringMatching(/^applicationConfigs\[3\]\.configItemValue: HA cluster with HIVE uses hive\.metastore\.type LOCAL/)]));
  test("two different values for HIVE's key: a violation naming both; the same value twice is fine", () => {
    expect(findings(run(hiveMetastoreType, withItems(metastoreItem(...HIVE, "USER_RDS"))))).toContainEqual(
      expect.stringMatching(/^applicationConfigs\[3\]\.configItemValue: HIVE sets hive\.metastore\.type in hivemetastore-site\.xml 2 times with different values: "DLF" \(applicationConfigs\[0\]\), "USER_RDS" \(applicationConfigs\[3\]\)/),
    );
    expect(run(hiveMetastoreType, withItems(metastoreItem(...HIVE, "DLF")))).toEqual({ kind: "compliant" });
  });
  test("two different values for Spark's key: a violation of the Spark rule", () =>
    expect(findings(run(sparkMetastoreMatchesHive, withItems(metastoreItem("SPARK3", "hive-site.xml", "LOCAL"))))).toContainEqual(expect.stringMatching(/SPARK3 sets hive\.metastore\.type in hive-site\.xml 2 times/)));
  test("USER_RDS with empty JDBC values is refused, each empty item named; values not known yet are not", () => {
    const jdbc = (key: string, value: unknown) => ({ ...metastoreItem(...HIVE, "x"), configItemKey: `javax.jdo.option.${key}`, configItemValue: value });
    const rds = (url: unknown, user: unknown, pw: unknown) => ({
      ...haClusterProps(),
      applicationConfigs: [metastoreItem(...HIVE, "USER_RDS"), metastoreItem("SPARK3", "hive-site.xml", "USER_RDS"), jdbc("ConnectionURL", url), jdbc("ConnectionUserName", user), jdbc("ConnectionPassword", pw)],
    });
    expect(findings(run(hiveMetastoreType, rds("", " ", "")))).toEqual([
      expect.stringMatching(/^applicationConfigs\[2\]\.configItemValue: hive\.metastore\.type is USER_RDS but javax\.jdo\.option\.ConnectionURL is empty/),
      expect.stringMatching(/^applicationConfigs\[3\]\.configItemValue: .*ConnectionUserName is empty/),
      expect.stringMatching(/^applicationConfigs\[4\]\.configItemValue: .*ConnectionPassword is empty/),
    ]);
    expect(run(hiveMetastoreType, rds("jdbc:mysql://rm-x:3306/hivemeta", "hive", UNKNOWN))).toEqual({ kind: "compliant" });
  });
});

describe("emr-core-group: a CORE group where data lives on CORE nodes (HDFS), not always (issue 17)", () => {
  /** The provider's own test cluster: data_source_alicloud_emrv2_clusters_test.go:211-253. */
  const providerTestCluster = (): Props => ({
    ...devClusterProps(),
    clusterType: "OLAP",
    releaseVersion: "EMR-5.10.0",
    applications: ["ZOOKEEPER"],
    applicationConfigs: [],
    nodeGroups: [nodeGroupProps("MASTER", "emr-master", 1, { systemDisk: { category: "cloud_essd", size: 80, count: 1 }, dataDisks: [{ category: "cloud_essd", size: 80, count: 1 }] })],
  });
  test("compliant: OLAP with ZOOKEEPER only and one MASTER group", () => expect(run(coreGroupPresent, providerTestCluster())).not.toMatchObject({ kind: "non-compliant" }));
  test("non-compliant: HDFS without a CORE group", () =>
    expect(findings(run(coreGroupPresent, { ...providerTestCluster(), applications: ["HADOOP-COMMON", "HDFS", "YARN"] }))).toEqual([expect.stringMatching(/^nodeGroups: the cluster installs HDFS, which keeps its data on CORE nodes, but has no CORE group/)]));
  test("unknown: no CORE group and the applications not known yet", () => expect(run(coreGroupPresent, { ...providerTestCluster(), applications: UNKNOWN })).toEqual({ kind: "unknown", paths: ["applications"] }));
  test("a CORE group of 0 is still refused; a negative count is emr-provider-schema's", () => {
    const dev = devClusterProps();
    dev.nodeGroups[1].nodeCount = 0;
    expect(findings(run(coreGroupPresent, dev))).toEqual([expect.stringMatching(/CORE group with 0 nodes/)]);
    dev.nodeGroups[1].nodeCount = -1;
    expect(run(coreGroupPresent, dev)).toEqual({ kind: "compliant" });
    expect(checkProviderSchema(CLUSTER, dev).problems.map((p) => p.path)).toEqual(["nodeGroups[1].nodeCount"]);
  });
});

describe("emr-subscription-duration-ack: only what is paid by Subscription (issue 17)", () => {
  const leftOver = { ...devClusterProps(), subscriptionConfig: { paymentDuration: 36, paymentDurationUnit: "Month" } };
  test("a PayAsYouGo cluster with a left-over 36-month subscriptionConfig is not held to it", () => expect(run(subscriptionDurationAck, leftOver)).toEqual({ kind: "not-applicable" }));
  test("the same on a Subscription cluster is", () => expect(findings(run(subscriptionDurationAck, { ...leftOver, paymentType: "Subscription" }))).toEqual([expect.stringMatching(/36-month subscription \(the cluster\)/)]));
  test("a node group without its own paymentType pays as the cluster does", () => {
    const group = nodeGroupProps("TASK", "t", 1, { subscriptionConfig: { paymentDuration: 24, paymentDurationUnit: "Month" } });
    expect(run(subscriptionDurationAck, { ...devClusterProps(), nodeGroups: [...devClusterProps().nodeGroups, group] })).toEqual({ kind: "not-applicable" });
    expect(findings(run(subscriptionDurationAck, { ...haClusterProps(), nodeGroups: [...haClusterProps().nodeGroups, group] }))).toEqual([expect.stringMatching(/^nodeGroups\[3\]\.subscriptionConfig\.paymentDuration: a 24-month subscription/)]);
  });
  test("unknown tags: a long subscription is unknown, not a violation", () =>
    expect(run(subscriptionDurationAck, { ...leftOver, paymentType: "Subscription", tags: UNKNOWN })).toEqual({ kind: "unknown", paths: ['tags["emr-guard:ack-subscription-months"]'] }));
});
