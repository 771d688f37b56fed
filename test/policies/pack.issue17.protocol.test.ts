/**
 * Issue 17's end-state items and issue 22's creation cap, through the pack as the Pulumi CLI runs it
 * (run-policy-pack, the Analyzer protocol) on resources registered under mocks in preview mode: hand-written
 * resources and EmrCluster components, each item with a failing and a passing case. The pack started here is the
 * committed bundle (policies/dist): test/policies/bundle.test.ts fails while it differs from the sources.
 */
import * as path from "path";
import * as alicloud from "@pulumi/alicloud";
import * as pulumi from "@pulumi/pulumi";
import type { CapturedResource } from "../../check/program/capture";
import { policyConfigFor, startPolicyPack, type Diagnostic, type RunningPack } from "../../check/pack/pack-runner";
import { EmrCluster } from "../../components/cluster";
import { parseGuardrails } from "../../policies/rules";
import { PROVIDER_SCHEMA } from "../../policies/rules/provider-schema";
import { captureProgram, setupPreviewCapture } from "../helpers/capture-program";
import { devClusterProps, haClusterProps, metastoreItem, nodeGroupProps } from "../helpers/cluster-props";
import { fullClusterProps, outside, SUPPORTING_PROPS, withValueAt } from "../helpers/provider-schema";
import { haSpec } from "../helpers/specs";

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

type Props = Record<string, any>;
const OPTS = { protect: true, ignoreChanges: ["nodeGroups[2].nodeCount"] };
const CLUSTER = "alicloud:emrv2/cluster:Cluster";
/** Every diagnostic but the advisory about an external security group (the helper's clusters use a literal ID). */
const names = (ds: Diagnostic[]) => ds.filter((d) => d.policyName !== "emr-security-group-external").map((d) => `${d.policyName} ${d.enforcementLevel}`).sort();

/** A diagnostic's own text: the SDK puts the policy's description on the lines before it. */
const text = (d: Diagnostic) => d.message.split("\n").pop()!;

async function analyzeAll(resources: CapturedResource[]): Promise<Diagnostic[]> {
  const perResource = await Promise.all(resources.map((r) => pack.analyze(r)));
  return [...perResource.flat(), ...(await pack.analyzeStack(resources))];
}
async function verdict(name: string, change: (p: Props) => void, opts: pulumi.CustomResourceOptions = OPTS): Promise<Diagnostic[]> {
  return analyzeAll(
    await captureProgram(() => {
      const props = haClusterProps();
      change(props);
      new alicloud.emrv2.Cluster(name, props as alicloud.emrv2.ClusterArgs, opts);
    }),
  );
}

describe("item 1: every entry of the provider's schema table, one cluster or resource each, in one program", () => {
  const entries = Object.entries(PROVIDER_SCHEMA).flatMap(([type, table]) => Object.entries(table).map(([p, entry]) => ({ type, tablePath: p, entry })));
  const SUPPORTING: Record<string, (name: string, props: Props) => void> = {
    "alicloud:rds/instance:Instance": (n, p) => new alicloud.rds.Instance(n, { engine: "MySQL", engineVersion: "5.7", instanceType: "mysql.n2.medium.2c", instanceStorage: 50, ...p } as alicloud.rds.InstanceArgs),
    "alicloud:rds/rdsAccount:RdsAccount": (n, p) => new alicloud.rds.RdsAccount(n, { dbInstanceId: "rm-bp1example", accountPassword: "Generated0Example1", ...p }),
    "alicloud:rds/database:Database": (n, p) => new alicloud.rds.Database(n, { instanceId: "rm-bp1example", ...p }),
    "alicloud:rds/accountPrivilege:AccountPrivilege": (n, p) => new alicloud.rds.AccountPrivilege(n, { instanceId: "rm-bp1example", accountName: "hive", dbNames: ["hivemeta"], ...p } as alicloud.rds.AccountPrivilegeArgs),
    "alicloud:ecs/securityGroup:SecurityGroup": (n, p) => new alicloud.ecs.SecurityGroup(n, { vpcId: "vpc-bp1test0001", ...p }),
  };
  const RIGHT = SUPPORTING_PROPS;

  test("passing: right values everywhere; failing: each resource with one value outside gets one emr-provider-schema violation at its path", async () => {
    const expected: Record<string, string> = {};
    const resources = await captureProgram(() => {
      new alicloud.emrv2.Cluster("schema-ok", fullClusterProps() as alicloud.emrv2.ClusterArgs, OPTS);
      for (const [type, make] of Object.entries(SUPPORTING)) make(`${type.split(":").pop()!.toLowerCase()}-ok`, RIGHT[type]);
      entries.forEach(({ type, tablePath, entry }, i) => {
        const { value, path: at } = withValueAt(type === CLUSTER ? fullClusterProps() : RIGHT[type], tablePath, outside(entry));
        const name = `schema-${i}`;
        expected[name] = at;
        if (type === CLUSTER) new alicloud.emrv2.Cluster(name, value as alicloud.emrv2.ClusterArgs, OPTS);
        else SUPPORTING[type](name, value);
      });
    });
    const ds = (await Promise.all(resources.map((r) => pack.analyze(r)))).flat().filter((d) => d.policyName === "emr-provider-schema");
    const byResource = Object.fromEntries(resources.map((r) => [r.name, ds.filter((d) => d.urn === r.urn).map((d) => `${d.enforcementLevel} ${text(d).split(":")[0]}`)]));
    expect(Object.entries(byResource).filter(([name]) => name.endsWith("-ok"))).toEqual(Object.entries(byResource).filter(([name]) => name.endsWith("-ok")).map(([name]) => [name, []]));
    expect(Object.fromEntries(Object.keys(expected).map((name) => [name, byResource[name]]))).toEqual(Object.fromEntries(Object.entries(expected).map(([name, at]) => [name, [`mandatory ${at}`]])));
  });

  test("the values the issue names: a local_disk system disk, autoRenewDuration 10, a bid price of 0.5; each message says why", async () => {
    const ds = await verdict("issue-values", (p) => {
      p.nodeGroups[1].systemDisk = { category: "local_disk", size: 120 };
      p.subscriptionConfig = { ...p.subscriptionConfig, autoRenew: true, autoRenewDuration: 10, autoRenewDurationUnit: "Month" };
      p.nodeGroups[2].spotBidPrices = [{ instanceType: "ecs.g7.xlarge", bidPrice: 0.5 }];
    });
    expect(names(ds)).toEqual(["emr-provider-schema mandatory", "emr-provider-schema mandatory", "emr-provider-schema mandatory"]);
    expect(ds.map((d) => d.message).join("\n")).toMatch(/bidPrice is 0\.5 \(node group "task"\); .*the Pulumi bridge truncates a fraction: 0 would be sent, not 0\.5/);
  });
});

describe("item 2: a Subscription cluster's autoPayOrder", () => {
  test("failing: written by hand without it (the provider would send false)", async () => {
    const ds = await verdict("unpaid", (p) => delete p.subscriptionConfig.autoPayOrder);
    expect(names(ds)).toEqual(["emr-subscription-auto-pay-order mandatory"]);
    expect(text(ds.find((d) => d.policyName === "emr-subscription-auto-pay-order")!)).toMatch(/^subscriptionConfig\.autoPayOrder: the cluster is Subscription .* the provider sends false/);
  });
  test("passing: stated by hand, and written by EmrCluster (true unless the user says otherwise)", async () => {
    expect(names(await verdict("paid", () => undefined))).toEqual([]);
    const resources = await captureProgram(() => new EmrCluster("paid-lake", { ...haSpec(), securityMode: "KERBEROS" }));
    expect(resources.find((r) => r.type === CLUSTER)!.inputs.subscriptionConfig.autoPayOrder).toBe(true);
    expect(await analyzeAll(resources)).toEqual([]);
  });
});

describe("item 3: bypasses", () => {
  test("HA: a second HIVE hive.metastore.type LOCAL after DLF is refused; the same value twice passes", async () => {
    expect(names(await verdict("second-local", (p) => p.applicationConfigs.push(metastoreItem("HIVE", "hivemetastore-site.xml", "LOCAL"))))).toEqual([
      "emr-ha-external-metastore mandatory",
      "emr-hive-metastore-type mandatory",
    ]);
    expect(names(await verdict("second-dlf", (p) => p.applicationConfigs.push(metastoreItem("HIVE", "hivemetastore-site.xml", "DLF"))))).toEqual([]);
  });

  test("USER_RDS with empty JDBC values is refused; with values it passes", async () => {
    const rds = (url: string, user: string) => (p: Props) => {
      const root = p.applicationConfigs.filter((c: Props) => c.configItemKey === "OSS_ROOT_URI");
      const jdbc = (key: string, value: string) => ({ ...metastoreItem("HIVE", "hivemetastore-site.xml", "x"), configItemKey: `javax.jdo.option.${key}`, configItemValue: value });
      p.applicationConfigs = [...root, metastoreItem("HIVE", "hivemetastore-site.xml", "USER_RDS"), metastoreItem("SPARK3", "hive-site.xml", "USER_RDS"), jdbc("ConnectionURL", url), jdbc("ConnectionUserName", user), jdbc("ConnectionPassword", pulumi.secret("x") as never)];
    };
    const empty = await verdict("empty-jdbc", rds("", ""));
    expect(empty.filter((d) => d.policyName === "emr-hive-metastore-type").map((d) => text(d).split(":")[0])).toEqual(["applicationConfigs[3].configItemValue", "applicationConfigs[4].configItemValue"]);
    expect(names(await verdict("full-jdbc", rds("jdbc:mysql://rm-bp1example.mysql.rds.aliyuncs.com:3306/hivemeta", "hive"))).filter((n) => n.startsWith("emr-hive"))).toEqual([]);
  });

  test("an enterprise security group in a node group's additionalSecurityGroupIds is refused, while its ID is unknown; a normal one passes", async () => {
    const withExtra = (type: string, name: string) =>
      captureProgram(() => {
        const sg = new alicloud.ecs.SecurityGroup(`${name}-sg`, { vpcId: "vpc-bp1test0001", securityGroupType: type });
        const props = haClusterProps();
        props.nodeGroups[2].additionalSecurityGroupIds = [sg.id];
        new alicloud.emrv2.Cluster(name, props as alicloud.emrv2.ClusterArgs, OPTS);
      });
    const ent = await pack.analyzeStack(await withExtra("enterprise", "extra-ent"));
    expect(ent.filter((d) => d.policyName === "emr-security-group-normal").map((d) => [d.enforcementLevel, text(d).split(". Fix")[0]])).toEqual([
      ["mandatory", 'nodeGroups[2].additionalSecurityGroupIds: cluster "extra-ent": node group "task" lists security group "extra-ent-sg" of type "enterprise" in additionalSecurityGroupIds; EMR accepts only normal security groups and creation would fail'],
    ]);
    expect(names(await pack.analyzeStack(await withExtra("normal", "extra-normal")))).toEqual([]);
  });

  test("the same through EmrCluster: an enterprise group in a node group's additionalSecurityGroupIds is refused by the pack", async () => {
    const resources = await captureProgram(() => {
      const sg = new alicloud.ecs.SecurityGroup("lake-extra-sg", { vpcId: "vpc-bp1test0001", securityGroupType: "enterprise" });
      const spec = haSpec();
      spec.nodeGroups[2] = { ...spec.nodeGroups[2], additionalSecurityGroupIds: [sg.id] };
      new EmrCluster("extra-lake", { ...spec, securityMode: "KERBEROS" });
    });
    expect(names(await analyzeAll(resources))).toEqual(["emr-security-group-normal mandatory"]);
  });

  test("a known count is kept when another group's auto-scaling is unknown: a violation when the known part exceeds, never a pass", async () => {
    const unknownScaling = (extra: number, name: string) =>
      captureProgram(() => {
        const marker = new alicloud.ecs.SecurityGroup(`${name}-sg`, { vpcId: "vpc-bp1test0001", securityGroupType: "normal" });
        const props = haClusterProps();
        props.nodeGroups[2].autoScalingPolicy = marker.id.apply(() => ({ constraints: { minCapacity: 2, maxCapacity: 10 } }));
        props.nodeGroups.push(nodeGroupProps("TASK", "batch", extra));
        props.tags = { "emr-guard:ack-node-count": String(extra) };
        new alicloud.emrv2.Cluster(name, props as alicloud.emrv2.ClusterArgs, OPTS);
      });
    const over = await analyzeAll(await unknownScaling(98, "known-over"));
    expect(names(over)).toEqual(["emr-cluster-total-nodes-ack mandatory"]);
    expect(over.find((d) => d.policyName === "emr-cluster-total-nodes-ack")!.message).toContain("may have at least 106 nodes in total");
    // 3 + 3 + 2 + 90 = 98 known, the rest unknown: no verdict here (the rule's outcome is "unknown": rules-issue17, rules.test).
    expect(names(await analyzeAll(await unknownScaling(90, "known-under")))).toEqual([]);
  });

  test("a negative CORE count is refused (emr-provider-schema, once); a CORE count of 3 passes", async () => {
    expect(names(await verdict("negative-core", (p) => (p.nodeGroups[1].nodeCount = -1)))).toEqual(["emr-provider-schema mandatory"]);
    expect(names(await verdict("core-3", () => undefined))).toEqual([]);
  });
});

describe("item 4: false positives", () => {
  test("a 40-node group whose tags are unknown at preview: no violation (an acknowledgement may be there); with known tags and no ack: one", async () => {
    const unknownTags = await captureProgram(() => {
      const owner = new alicloud.ecs.SecurityGroup("tags-owner-sg", { vpcId: "vpc-bp1test0001", securityGroupType: "normal" });
      const props = haClusterProps();
      props.nodeGroups[1].nodeCount = 40;
      props.tags = owner.id.apply(() => ({ "emr-guard:ack-node-count": "40" }));
      new alicloud.emrv2.Cluster("unknown-tags", props as alicloud.emrv2.ClusterArgs, OPTS);
    });
    expect(names(await analyzeAll(unknownTags))).toEqual([]);
    expect(names(await verdict("known-tags", (p) => (p.nodeGroups[1].nodeCount = 40)))).toEqual(["emr-node-group-creation-cap mandatory"]);
  });

  test("the provider's own test cluster (OLAP, ZOOKEEPER only, one MASTER group, no CORE) passes emr-core-group; HDFS without CORE does not", async () => {
    const providerTest = (apps: string[]) => (p: Props) => {
      Object.assign(p, devClusterProps(), { clusterType: "OLAP", releaseVersion: "EMR-5.10.0", applications: apps, applicationConfigs: [] });
      p.nodeGroups = [nodeGroupProps("MASTER", "emr-master", 1)];
    };
    const prodPosture = ["emr-production-ha advisory", "emr-production-kerberos advisory"];
    expect(names(await verdict("olap-zk", providerTest(["ZOOKEEPER"]), { protect: true }))).toEqual(prodPosture);
    expect(names(await verdict("hdfs-no-core", providerTest(["HADOOP-COMMON", "HDFS", "YARN"]), { protect: true }))).toEqual(["emr-core-group mandatory", ...prodPosture]);
  });

  test("a PayAsYouGo cluster with a left-over 36-month subscriptionConfig is not held to the subscription length; a Subscription one is", async () => {
    const left = (paymentType: string) => (p: Props) => Object.assign(p, { paymentType, subscriptionConfig: { paymentDuration: 36, paymentDurationUnit: "Month", autoPayOrder: true } });
    expect(names(await verdict("left-over", left("PayAsYouGo")))).toEqual([]);
    expect(names(await verdict("long-sub", left("Subscription")))).toEqual(["emr-subscription-duration-ack mandatory"]);
  });
});

describe("item 5 (issue 22): one violation per fix, at the configured limits", () => {
  afterEach(async () => pack.configure(policyConfigFor(policies)));
  const guardrails = (doc: unknown) => {
    const r = parseGuardrails(doc);
    if (!r.ok) throw new Error(r.errors.join("\n"));
    return r.config;
  };

  // 55 nodes: above both the 30-node acknowledgement threshold and the 50-node cap (the cluster stays under 100 nodes).
  test("a 55-node group: one mandatory violation (the creation cap's), fixed by one tag; with the tag: none", async () => {
    const ds = await verdict("fifty-five", (p) => (p.nodeGroups[1].nodeCount = 55));
    expect(names(ds)).toEqual(["emr-node-group-creation-cap mandatory"]);
    const cap = text(ds.find((d) => d.policyName === "emr-node-group-creation-cap")!);
    expect(cap).toContain("Fix: create it with at most 50 and grow it in steps");
    expect(cap).toContain('emr-guard:ack-node-count: "55"');
    expect(names(await verdict("fifty-five-acked", (p) => ((p.nodeGroups[1].nodeCount = 55), (p.tags = { "emr-guard:ack-node-count": "55" }))))).toEqual([]);
  });

  test("messages state the configured limits: threshold 12 and cap 20 from guardrails", async () => {
    await pack.configure(policyConfigFor(policies, guardrails({ "emr-node-group-creation-cap": { nodeGroupAckThreshold: 12, maxNodesPerGroupAtCreate: 20 } })));
    const capTexts = (ds: Diagnostic[]) => ds.filter((d) => d.policyName === "emr-node-group-creation-cap").map(text);
    expect(capTexts(await verdict("thirteen", (p) => (p.nodeGroups[1].nodeCount = 13)))).toEqual([expect.stringContaining("13 nodes is above the 12-node acknowledgement threshold")]);
    const over = capTexts(await verdict("twenty-one", (p) => (p.nodeGroups[1].nodeCount = 21)));
    expect(over).toEqual([expect.stringContaining("21 nodes is above the 20-node cap for a node group at creation")]);
    expect(over[0]).not.toMatch(/\b(50|30)\b/);
  });

  test("the step limits are carried in the cap's configSchema, described as read by the other callers", () => {
    const schema = policies.find((p) => p.name === "emr-node-group-creation-cap")!.configSchema!;
    expect(Object.keys(schema).sort()).toEqual(["maxNodesPerGroupAtCreate", "maxScaleInPerCall", "maxScaleOutPerCall", "nodeGroupAckThreshold", "scaleOutAckThreshold"]);
    for (const key of ["maxScaleOutPerCall", "scaleOutAckThreshold", "maxScaleInPerCall"]) expect((schema[key] as { description: string }).description).toMatch(/the change-aware check, the live gate and EmrClient read this/);
  });
});
