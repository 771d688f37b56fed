/**
 * The policies added or corrected by issue 9, through the pack as the Pulumi CLI runs it (run-policy-pack, the
 * Analyzer protocol), on resources registered under mocks in preview mode: each with a failing and a passing case.
 */
import * as path from "path";
import * as alicloud from "@pulumi/alicloud";
import * as pulumi from "@pulumi/pulumi";
import type { CapturedResource } from "../../check/program/capture";
import { policyConfigFor, startPolicyPack, type Diagnostic, type RunningPack } from "../../check/pack/pack-runner";
import { EmrCluster } from "../../components/cluster";
import { nameOfUrn } from "../../policies/engine";
import { captureProgram, setupPreviewCapture } from "../helpers/capture-program";
import { haClusterProps, metastoreItem, nodeGroupProps } from "../helpers/cluster-props";
import { haSpec } from "../helpers/specs";

const PACK_DIR = path.join(__dirname, "../../policies");
let pack: RunningPack;

beforeAll(async () => {
  await setupPreviewCapture("prod");
  pack = await startPolicyPack({ packDir: PACK_DIR });
  await pack.configure(policyConfigFor((await pack.info()).policies));
}, 60000);
afterAll(async () => pack?.close());

type Props = Record<string, any>;
/** The OSS-HDFS root item of the helper's props: cases that rewrite applicationConfigs keep it. */
const rootItem = (p: Props) => p.applicationConfigs.filter((c: Props) => c.configItemKey === "OSS_ROOT_URI");
const OPTS = { protect: true, ignoreChanges: ["nodeGroups[2].nodeCount"] };
const names = (ds: Diagnostic[]) => ds.filter((d) => d.policyName !== "emr-security-group-external").map((d) => `${d.policyName} ${d.enforcementLevel}`).sort();

/** Every diagnostic (Analyze and AnalyzeStack) of one hand-written cluster after `change`. */
async function verdict(name: string, change: (p: Props) => void, opts: pulumi.CustomResourceOptions = OPTS): Promise<Diagnostic[]> {
  const resources = await captureProgram(() => {
    const props = haClusterProps();
    change(props);
    new alicloud.emrv2.Cluster(name, props as alicloud.emrv2.ClusterArgs, opts);
  });
  return analyzeAll(resources);
}
async function analyzeAll(resources: CapturedResource[]): Promise<Diagnostic[]> {
  const perResource = await Promise.all(resources.map((r) => pack.analyze(r)));
  return [...perResource.flat(), ...(await pack.analyzeStack(resources))];
}

test("the compliant hand-written cluster: nothing (but the advisory external security group)", async () => expect(names(await verdict("ok", () => undefined))).toEqual([]));

test.each<[string, (p: Props) => void, string[]]>([
  ["no maxCapacity (the API's default is 2000)", (p) => (p.nodeGroups[2].autoScalingPolicy = { constraints: { minCapacity: 2 } }), ["emr-auto-scaling-max-capacity mandatory", "emr-cluster-total-nodes-ack mandatory"]],
  ["3 Years of subscription", (p) => (p.subscriptionConfig = { paymentDuration: 3, paymentDurationUnit: "Year", autoPayOrder: true }), ["emr-subscription-duration-ack mandatory"]],
  ["two TASK groups that may grow to 60 each", (p) => p.nodeGroups.push(nodeGroupProps("TASK", "t2", 2, { autoScalingPolicy: { constraints: { minCapacity: 2, maxCapacity: 60 } } })), ["emr-auto-scaling-ignore-changes advisory", "emr-cluster-total-nodes-ack mandatory"]],
  ["HA with SPARK3, no HIVE, LOCAL", (p) => ((p.applications = ["HADOOP-COMMON", "OSS-HDFS", "YARN", "SPARK3", "ZOOKEEPER"]), (p.applicationConfigs = [...rootItem(p), metastoreItem("SPARK3", "hive-site.xml", "LOCAL")])), ["emr-ha-external-metastore mandatory"]],
  ["USER_RDS without JDBC items", (p) => (p.applicationConfigs = [...rootItem(p), metastoreItem("HIVE", "hivemetastore-site.xml", "USER_RDS"), metastoreItem("SPARK3", "hive-site.xml", "USER_RDS")]), ["emr-hive-metastore-type mandatory"]],
  ["an internal application", (p) => p.applications.push("MYSQL"), ["emr-internal-applications mandatory"]],
  ["a CORE group of 0", (p) => (p.nodeGroups[1].nodeCount = 0), ["emr-core-group mandatory"]],
  ["a Subscription cluster without subscriptionConfig", (p) => delete p.subscriptionConfig, ["emr-subscription-config mandatory"]],
  ["minCapacity above maxCapacity", (p) => (p.nodeGroups[2].autoScalingPolicy = { constraints: { minCapacity: 50, maxCapacity: 40 } }), ["emr-auto-scaling-bounds mandatory"]],
  ["a nodeCount outside [min, max]", (p) => (p.nodeGroups[2].nodeCount = 1), ["emr-auto-scaling-bounds mandatory"]],
  ["21 tags and a reserved prefix", (p) => (p.tags = { ...Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, "v"])), "acs:x": "y" }), ["emr-tags mandatory", "emr-tags mandatory"]],
  ["two node groups named core", (p) => p.nodeGroups.push(nodeGroupProps("TASK", "core", 1)), ["emr-node-group-names-unique mandatory"]],
  ["a GATEWAY on DATALAKE before EMR-5.10.1", (p) => ((p.releaseVersion = "EMR-5.9.0"), p.nodeGroups.push(nodeGroupProps("GATEWAY", "gw", 1))), ["emr-node-group-roles mandatory"]],
  ["a Cyrillic node-group name", (p) => (p.nodeGroups[1].nodeGroupName = "ядро"), ["emr-names-and-descriptions mandatory"]],
])("non-compliant: %s", async (_what, change, expected) => expect(names(await verdict(`bad-${expected[0].split(" ")[0]}`, change))).toEqual(expected));

test.each<[string, (p: Props) => void]>([
  ["a GATEWAY on DATALAKE EMR-5.16.0", (p) => p.nodeGroups.push(nodeGroupProps("GATEWAY", "gw", 1))],
  ["a node-group name starting with a digit", (p) => (p.nodeGroups[1].nodeGroupName = "1st_core")],
  ["1 Year of subscription", (p) => (p.subscriptionConfig = { paymentDuration: 1, paymentDurationUnit: "Year", autoPayOrder: true })],
])("compliant: %s", async (_what, change) => expect(names(await verdict("good", change))).toEqual([]));

test.each(["nodeGroups", "nodeGroups[*]", "nodeGroups[*].nodeCount", "nodeGroups[2]"])("emr-auto-scaling-ignore-changes accepts ignoreChanges %s", async (path) =>
  expect(names(await verdict("ignored", () => undefined, { protect: true, ignoreChanges: [path] }))).toEqual([]));
test("emr-auto-scaling-ignore-changes still fires when another group is ignored", async () =>
  expect(names(await verdict("ignored-other", () => undefined, { protect: true, ignoreChanges: ["nodeGroups[1].nodeCount"] }))).toEqual(["emr-auto-scaling-ignore-changes advisory"]));

test("emr-cluster-names-unique: two clusters of the stack with one clusterName (stack policy)", async () => {
  const resources = await captureProgram(() => {
    new alicloud.emrv2.Cluster("twin-a", haClusterProps() as alicloud.emrv2.ClusterArgs, OPTS);
    new alicloud.emrv2.Cluster("twin-b", haClusterProps() as alicloud.emrv2.ClusterArgs, OPTS);
  });
  const ds = (await pack.analyzeStack(resources)).filter((d) => d.policyName === "emr-cluster-names-unique");
  expect(ds.map((d) => [d.enforcementLevel, nameOfUrn(d.urn)])).toEqual([["mandatory", "twin-b"]]);
  expect(ds[0].message).toContain('cluster "twin-b" has the same clusterName "lakehouse-prod" as cluster "twin-a" in this stack');
});

test("emr-metastore-password-source: the README's path (a secret from config through EmrCluster) does not fire; a hand-written literal does", async () => {
  const recommended = await captureProgram(() => {
    const password = pulumi.secret("FromSecretConfig1"); // what config.requireSecret / passwordConfigKey hand over
    new EmrCluster("secret-pw", { ...haSpec(), securityMode: "KERBEROS", metastore: { type: "USER_RDS", external: { connectionUrl: "jdbc:mysql://rm-x:3306/hivemeta", userName: "hive", password } } });
  });
  expect(names(await analyzeAll(recommended))).toEqual([]);
  const literal = await verdict("literal-pw", (p) => {
    p.applicationConfigs = [
      ...rootItem(p),
      metastoreItem("HIVE", "hivemetastore-site.xml", "USER_RDS"),
      { ...metastoreItem("HIVE", "hivemetastore-site.xml", "x"), configItemKey: "javax.jdo.option.ConnectionURL", configItemValue: "jdbc:mysql://rm-x:3306/hivemeta" },
      { ...metastoreItem("HIVE", "hivemetastore-site.xml", "x"), configItemKey: "javax.jdo.option.ConnectionUserName", configItemValue: "hive" },
      { ...metastoreItem("HIVE", "hivemetastore-site.xml", "x"), configItemKey: "javax.jdo.option.ConnectionPassword", configItemValue: "Hunter2Hunter2" },
      metastoreItem("SPARK3", "hive-site.xml", "USER_RDS"),
    ];
  });
  expect(names(literal)).toEqual(["emr-metastore-password-source advisory"]);
});
