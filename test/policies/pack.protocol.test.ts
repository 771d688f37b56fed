/**
 * The pack as the Pulumi CLI runs it: started through run-policy-pack, driven over the Analyzer gRPC protocol with
 * resources registered under mocks in preview mode (EmrCluster components and hand-written emrv2 clusters).
 */
import * as path from "path";
import * as alicloud from "@pulumi/alicloud";
import type { CapturedResource } from "../../check/program/capture";
import { policyConfigFor, startPolicyPack, type Diagnostic, type RunningPack } from "../../check/pack/pack-runner";
import { EmrCluster } from "../../components/cluster";
import { captureProgram, setupPreviewCapture } from "../helpers/capture-program";
import { devSpec, haSpec } from "../helpers/specs";
import { haClusterProps } from "../helpers/cluster-props";
import { parseGuardrails, POLICY_CATALOG } from "../../policies/rules";

/** A `--policy-pack-config` document, through the one strict parser (as the offline check reads it). */
function guardrails(doc: unknown) {
  const r = parseGuardrails(doc);
  if (!r.ok) throw new Error(r.errors.join("\n"));
  return r.config;
}

const PACK_DIR = path.join(__dirname, "../../policies");
let pack: RunningPack;
let policies: Awaited<ReturnType<RunningPack["info"]>>["policies"];

beforeAll(async () => {
  await setupPreviewCapture("prod");
  pack = await startPolicyPack({ packDir: PACK_DIR });
  policies = (await pack.info()).policies;
  await pack.configure(policyConfigFor(policies));
}, 60000);
afterAll(async () => pack?.close());

const CLUSTER = "alicloud:emrv2/cluster:Cluster";
/** Options a careful hand-written program uses: protected, and the auto-scaled TASK group's nodeCount ignored. */
const IGNORE_AUTO_SCALED = { protect: true, ignoreChanges: ["nodeGroups[2].nodeCount"] };
const clusterOf = (resources: CapturedResource[]) => resources.find((r) => r.type === CLUSTER)!;
const byPolicy = (ds: Diagnostic[]) => ds.map((d) => [d.policyName, d.enforcementLevel]).sort();

async function analyzeAll(resources: CapturedResource[]): Promise<Diagnostic[]> {
  const perResource = await Promise.all(resources.map((r) => pack.analyze(r)));
  return [...perResource.flat(), ...(await pack.analyzeStack(resources))];
}

test("GetAnalyzerInfo: the pack, its policies and their default levels", async () => {
  const info = await pack.info();
  expect(info.name).toBe("emr-guardrails");
  expect(info.version).toBe("0.1.0");
  // The pack is built from the catalog the config parser checks against: same names, levels and properties.
  expect(policies.map((p) => [p.name, p.enforcementLevel, Object.keys(p.configSchema ?? {}).sort()]).sort()).toEqual(
    POLICY_CATALOG.map((p) => [p.name, p.level, [...p.limits, ...p.hosts, ...(p.productionStacks ? ["productionStacks"] : [])].sort()]).sort(),
  );
  expect(policies).toHaveLength(POLICY_CATALOG.length);
  const levels = Object.fromEntries(policies.map((p) => [p.name, p.enforcementLevel]));
  expect(levels).toMatchObject({
    "emr-node-group-creation-cap": "mandatory",
    "emr-deletion-protection": "mandatory",
    "emr-protect-option": "mandatory",
    "emr-security-group-normal": "mandatory",
    "emr-security-group-external": "advisory",
    "emr-metastore-rds-same-vpc": "mandatory",
    "emr-production-kerberos": "advisory",
  });
  for (const p of policies) expect(p.description).toMatch(/^Checks whether /);
  expect(policies.find((p) => p.name === "emr-node-group-creation-cap")?.configSchema).toEqual({
    maxNodesPerGroupAtCreate: { type: "integer", minimum: 0, default: 50, description: "Most nodes a node group may have at creation." },
    nodeGroupAckThreshold: { type: "integer", minimum: 0, default: 30, description: "Node groups above this size need the emr-guard:ack-node-count tag covering it." },
    maxScaleOutPerCall: { type: "integer", minimum: 0, default: 50, description: expect.stringMatching(/^Most nodes one update may add/) },
    scaleOutAckThreshold: { type: "integer", minimum: 0, default: 20, description: expect.stringMatching(/^A scale-out above this many nodes/) },
    maxScaleInPerCall: { type: "integer", minimum: 0, default: 10, description: expect.stringMatching(/^Most nodes one update may release/) },
  });
});

test("an HA EmrCluster with KERBEROS, created SG and RDS metastore: no violation at all", async () => {
  const resources = await captureProgram(() => new EmrCluster("lake", { ...haSpec(), securityMode: "KERBEROS" }));
  expect(resources.map((r) => r.type)).toContain("alicloud:rds/instance:Instance");
  // The security group's ID is unknown in preview; the stack policy resolves it through propertyDependencies.
  expect(clusterOf(resources).propertyDependencies?.nodeAttributes).toEqual([expect.stringContaining("ecs/securityGroup:SecurityGroup::lake-sg")]);
  expect(await analyzeAll(resources)).toEqual([]);
});

test("a dev EmrCluster on the prod stack: only the advisory production-posture policies", async () => {
  const resources = await captureProgram(() => new EmrCluster("devlake", devSpec()));
  const ds = await analyzeAll(resources);
  expect(byPolicy(ds)).toEqual([
    ["emr-production-ha", "advisory"],
    ["emr-production-kerberos", "advisory"],
  ]);
  expect(ds[0].urn).toBe("urn:pulumi:prod::emr-clusters::emr:index:Cluster$alicloud:emrv2/cluster:Cluster::devlake");
});

test("protection turned off on an EmrCluster is flagged: deletionProtection and the protect option", async () => {
  const resources = await captureProgram(() => new EmrCluster("unprotected", { ...haSpec(), securityMode: "KERBEROS", deletionProtection: false }, { protect: false }));
  const ds = await pack.analyze(clusterOf(resources));
  expect(byPolicy(ds)).toEqual([
    ["emr-deletion-protection", "mandatory"],
    ["emr-protect-option", "mandatory"],
  ]);
  expect(ds.find((d) => d.policyName === "emr-deletion-protection")?.message).toContain("deletionProtection: deletionProtection is false");
});

test("a hand-written emrv2 Cluster (no component) breaking several rules: each reported with its node group", async () => {
  const resources = await captureProgram(() => {
    const props = haClusterProps();
    props.nodeGroups[1] = { ...props.nodeGroups[1], nodeCount: 60, spotStrategy: "SpotAsPriceGo" };
    props.applications = ["HADOOP-COMMON", "HDFS", "OSS-HDFS", "YARN", "HIVE", "SPARK3"];
    props.applicationConfigs[0] = { ...props.applicationConfigs[0], configItemValue: "LOCAL" };
    new alicloud.emrv2.Cluster("raw", props as alicloud.emrv2.ClusterArgs, { protect: true });
  });
  const ds = await analyzeAll(resources);
  expect(byPolicy(ds)).toEqual([
    ["emr-application-exclusion", "mandatory"],
    ["emr-auto-scaling-ignore-changes", "advisory"],
    ["emr-cluster-total-nodes-ack", "mandatory"],
    ["emr-ha-external-metastore", "mandatory"],
    ["emr-ha-zookeeper", "mandatory"],
    ["emr-node-group-creation-cap", "mandatory"],
    ["emr-security-group-external", "advisory"],
    ["emr-spark-metastore-matches-hive", "mandatory"],
    ["emr-spot-and-auto-scaling-task-only", "mandatory"],
  ]);
  const cap = ds.find((d) => d.policyName === "emr-node-group-creation-cap")!;
  expect(cap.urn).toBe("urn:pulumi:prod::emr-clusters::alicloud:emrv2/cluster:Cluster::raw");
  expect(cap.message).toContain('nodeGroups[1].nodeCount: 60 nodes is above the 50-node cap for a node group at creation, without an acknowledgement that it was reached by steps (node group "core" (nodeGroups[1]))');
});

test("an enterprise security group created in the stack is caught while its ID is still unknown", async () => {
  const resources = await captureProgram(() => {
    const sg = new alicloud.ecs.SecurityGroup("ent", { vpcId: "vpc-bp1test0001", securityGroupType: "enterprise" });
    const props = haClusterProps();
    props.nodeAttributes = [{ ...props.nodeAttributes[0], securityGroupId: sg.id }];
    new alicloud.emrv2.Cluster("uses-ent", props as alicloud.emrv2.ClusterArgs, IGNORE_AUTO_SCALED);
  });
  const ds = await pack.analyzeStack(resources);
  expect(ds).toEqual([
    expect.objectContaining({
      policyName: "emr-security-group-normal",
      enforcementLevel: "mandatory",
      urn: "urn:pulumi:prod::emr-clusters::alicloud:emrv2/cluster:Cluster::uses-ent",
      message: expect.stringContaining('uses security group "ent" of type "enterprise"'),
    }),
  ]);
});

test("a USER_RDS metastore on an RDS instance in another VPC is caught (stack policy)", async () => {
  const resources = await captureProgram(() => {
    const rds = new alicloud.rds.Instance("meta", { engine: "MySQL", engineVersion: "5.7", instanceType: "mysql.n2.medium.2c", instanceStorage: 50, vpcId: "vpc-bp1other", vswitchId: "vsw-bp1other" });
    const props = haClusterProps();
    props.applicationConfigs = [
      { applicationName: "HIVE", configFileName: "hivemetastore-site.xml", configItemKey: "hive.metastore.type", configItemValue: "USER_RDS" },
      { applicationName: "HIVE", configFileName: "hivemetastore-site.xml", configItemKey: "javax.jdo.option.ConnectionURL", configItemValue: rds.connectionString.apply((h) => `jdbc:mysql://${h}:3306/hivemeta`) },
      { applicationName: "SPARK3", configFileName: "hive-site.xml", configItemKey: "hive.metastore.type", configItemValue: "USER_RDS" },
    ];
    new alicloud.emrv2.Cluster("far-meta", props as alicloud.emrv2.ClusterArgs, IGNORE_AUTO_SCALED);
  });
  const ds = await pack.analyzeStack(resources);
  expect(byPolicy(ds)).toEqual([
    ["emr-metastore-rds-same-vpc", "mandatory"],
    ["emr-security-group-external", "advisory"],
  ]);
  expect(ds.find((d) => d.policyName === "emr-metastore-rds-same-vpc")?.message).toContain('RDS instance "meta" is in VPC vpc-bp1other, the cluster in vpc-bp1test0001');
});

test("a JDBC password written as a literal is flagged; one generated by the component is not", async () => {
  const literal = await captureProgram(() => {
    const props = haClusterProps();
    props.applicationConfigs = [
      { applicationName: "HIVE", configFileName: "hivemetastore-site.xml", configItemKey: "hive.metastore.type", configItemValue: "USER_RDS" },
      { applicationName: "HIVE", configFileName: "hivemetastore-site.xml", configItemKey: "javax.jdo.option.ConnectionPassword", configItemValue: "Hunter2Hunter2" },
      { applicationName: "SPARK3", configFileName: "hive-site.xml", configItemKey: "hive.metastore.type", configItemValue: "USER_RDS" },
    ];
    new alicloud.emrv2.Cluster("literal-pw", props as alicloud.emrv2.ClusterArgs, IGNORE_AUTO_SCALED);
  });
  expect(byPolicy(await pack.analyzeStack(literal))).toEqual([
    ["emr-metastore-password-source", "advisory"],
    ["emr-security-group-external", "advisory"],
  ]);
  const generated = await captureProgram(() => new EmrCluster("gen-pw", { ...haSpec(), securityMode: "KERBEROS" }));
  expect(await pack.analyzeStack(generated)).toEqual([]);
});

test("a secret value reaches the policies unwrapped: checks still run on it", async () => {
  const pulumi = await import("@pulumi/pulumi");
  const resources = await captureProgram(() => {
    const props = haClusterProps();
    props.clusterName = pulumi.secret("bad name!");
    new alicloud.emrv2.Cluster("secret-name", props as alicloud.emrv2.ClusterArgs, IGNORE_AUTO_SCALED);
  });
  const ds = await pack.analyze(clusterOf(resources));
  expect(byPolicy(ds)).toEqual([["emr-names-and-descriptions", "mandatory"]]);
});

describe("policy config, as --policy-pack-config passes it", () => {
  afterEach(async () => pack.configure(policyConfigFor(policies)));

  const cluster = async (name: string, coreNodes: number) =>
    clusterOf(
      await captureProgram(() => {
        const props = haClusterProps();
        props.nodeGroups[1] = { ...props.nodeGroups[1], nodeCount: coreNodes };
        new alicloud.emrv2.Cluster(name, props as alicloud.emrv2.ClusterArgs, IGNORE_AUTO_SCALED);
      }),
    );

  test("a changed threshold: a 12-node group breaks a cap of 10", async () => {
    const c = await cluster("cfg-cap", 12);
    expect(await pack.analyze(c)).toEqual([]);
    await pack.configure(policyConfigFor(policies, guardrails({ "emr-node-group-creation-cap": { maxNodesPerGroupAtCreate: 10 } })));
    const ds = await pack.analyze(c);
    expect(byPolicy(ds)).toEqual([["emr-node-group-creation-cap", "mandatory"]]);
    expect(ds[0].message).toContain("12 nodes is above the 10-node cap");
  });

  test("a disabled policy reports nothing", async () => {
    const c = await cluster("cfg-disabled", 55);
    await pack.configure(policyConfigFor(policies, guardrails({ "emr-node-group-creation-cap": { enforcementLevel: "disabled" } })));
    expect(await pack.analyze(c)).toEqual([]);
  });

  test('"all": "advisory" turns every violation advisory', async () => {
    const c = await cluster("cfg-all", 55);
    await pack.configure(policyConfigFor(policies, guardrails({ all: "advisory" })));
    expect(byPolicy(await pack.analyze(c))).toEqual([["emr-node-group-creation-cap", "advisory"]]);
  });

  test("nothing configured: the pack falls back to its own defaults", async () => {
    await pack.configure({});
    const c = await cluster("cfg-empty", 51);
    expect(byPolicy(await pack.analyze(c))).toEqual([["emr-node-group-creation-cap", "mandatory"]]);
  });

  test("remediate: the pack turns deletionProtection on", async () => {
    const c = clusterOf(
      await captureProgram(() => new alicloud.emrv2.Cluster("remedy", { ...haClusterProps(), deletionProtection: false } as alicloud.emrv2.ClusterArgs, { protect: true })),
    );
    await pack.configure(policyConfigFor(policies, guardrails({ "emr-deletion-protection": "remediate" })));
    const remediations = await pack.remediate(c);
    expect(remediations.map((r) => r.policyName)).toEqual(["emr-deletion-protection"]);
    expect(remediations[0].properties).toMatchObject({ deletionProtection: true, clusterName: "lakehouse-prod" });
  });
});
