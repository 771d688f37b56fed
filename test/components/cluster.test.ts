/**
 * EmrCluster under Pulumi mocks: what it registers (types, names, inputs, counts), its supporting resources,
 * protection and secrets.
 */
import * as pulumi from "@pulumi/pulumi";
import { haSpec, devSpec } from "../helpers/specs";
import { isSecretInput, ofType, registered, resetRegistered, settle, setupMocks, valueOf } from "../helpers/pulumi-mocks";

let components: typeof import("../../components");

beforeAll(async () => {
  setupMocks({ stack: "prod" });
  components = await import("../../components");
});
beforeEach(() => resetRegistered());

const CLUSTER = "alicloud:emrv2/cluster:Cluster";
const SG = "alicloud:ecs/securityGroup:SecurityGroup";
const RDS = "alicloud:rds/instance:Instance";

describe("EmrCluster: dev NORMAL with a local metastore", () => {
  test("registers the component, a normal security group and the cluster, nothing else", async () => {
    const c = new components.EmrCluster("analytics", devSpec());
    await valueOf(c.clusterId);
    await settle();
    expect(registered.map((r) => [r.type, r.name])).toEqual([
      ["emr:index:Cluster", "analytics"],
      [SG, "analytics-sg"],
      [CLUSTER, "analytics"],
    ]);
  });

  test("the security group it creates is a normal one in the cluster's VPC", async () => {
    const c = new components.EmrCluster("analytics", devSpec());
    await valueOf(c.clusterId);
    const [sg] = ofType(SG);
    expect(sg.inputs).toMatchObject({ securityGroupType: "normal", vpcId: "vpc-bp1test0001" });
    const [cluster] = ofType(CLUSTER);
    expect(cluster.inputs.nodeAttributes[0].securityGroupId).toBe("analytics-sg-id");
  });

  test("a given security group is used as is, and none is created", async () => {
    const spec = devSpec();
    const c = new components.EmrCluster("analytics", { ...spec, nodeAttributes: { ...spec.nodeAttributes, securityGroupId: "sg-bp1given" } });
    await valueOf(c.clusterId);
    await settle();
    expect(ofType(SG)).toHaveLength(0);
    expect(ofType(CLUSTER)[0].inputs.nodeAttributes[0].securityGroupId).toBe("sg-bp1given");
  });

  test("the cluster inputs are the spec in the provider's shape", async () => {
    const c = new components.EmrCluster("analytics", devSpec());
    await valueOf(c.clusterId);
    const { inputs } = ofType(CLUSTER)[0];
    expect(inputs).toMatchObject({
      clusterName: "analytics-dev",
      clusterType: "DATALAKE",
      releaseVersion: "EMR-5.16.0",
      deployMode: "NORMAL",
      securityMode: "NORMAL",
      paymentType: "PayAsYouGo",
      deletionProtection: true,
      applications: ["HADOOP-COMMON", "HDFS", "YARN", "HIVE", "SPARK3"],
    });
    expect(inputs.nodeAttributes).toEqual([
      { vpcId: "vpc-bp1test0001", zoneId: "cn-hangzhou-i", keyPairName: "emr-admin", ramRole: "AliyunECSInstanceForEMRRole", securityGroupId: "analytics-sg-id" },
    ]);
    expect(inputs.nodeGroups.map((g: any) => [g.nodeGroupType, g.nodeGroupName, g.nodeCount, g.vswitchIds])).toEqual([
      ["MASTER", "master", 1, ["vsw-bp1test0001"]],
      ["CORE", "core", 2, ["vsw-bp1test0001"]],
    ]);
    expect(inputs.applicationConfigs).toEqual([
      { applicationName: "HIVE", configFileName: "hivemetastore-site.xml", configItemKey: "hive.metastore.type", configItemValue: "LOCAL", configScope: "CLUSTER" },
      { applicationName: "SPARK3", configFileName: "hive-site.xml", configItemKey: "hive.metastore.type", configItemValue: "LOCAL", configScope: "CLUSTER" },
    ]);
  });

  test("outputs: cluster ID, node-group summary and console URL", async () => {
    const c = new components.EmrCluster("analytics", devSpec(), { region: "cn-shanghai" });
    expect(await valueOf(c.clusterId)).toBe("analytics-id");
    expect(c.nodeGroups).toEqual([
      { name: "master", type: "MASTER", nodeCount: 1, instanceTypes: ["ecs.g7.xlarge"] },
      { name: "core", type: "CORE", nodeCount: 2, instanceTypes: ["ecs.g7.xlarge"] },
    ]);
    expect(await valueOf(c.consoleUrl)).toBe("https://emr-next.console.aliyun.com/#/region/cn-shanghai/resource/all/ecs/detail/analytics-id/overview");
  });
});

describe("EmrCluster: HA with the Hive metastore on RDS", () => {
  test("creates the RDS instance, database, account, privilege and password, all children of the component", async () => {
    const c = new components.EmrCluster("lakehouse", haSpec());
    await valueOf(c.clusterId);
    await settle();
    expect(registered.map((r) => [r.type, r.name]).sort()).toEqual(
      [
        ["emr:index:Cluster", "lakehouse"],
        [SG, "lakehouse-sg"],
        ["random:index/randomPassword:RandomPassword", "lakehouse-metastore-password"],
        [RDS, "lakehouse-metastore"],
        ["alicloud:rds/database:Database", "lakehouse-metastore-db"],
        ["alicloud:rds/rdsAccount:RdsAccount", "lakehouse-metastore-account"],
        ["alicloud:rds/accountPrivilege:AccountPrivilege", "lakehouse-metastore-privilege"],
        [CLUSTER, "lakehouse"],
      ].sort(),
    );
    expect(await valueOf(c.metastore!.instance.urn)).toContain("emr:index:Cluster$alicloud:rds/instance:Instance::lakehouse-metastore");
  });

  test("the RDS instance is in the cluster's VPC, on a MASTER VSwitch, behind the cluster's security group", async () => {
    const c = new components.EmrCluster("lakehouse", haSpec());
    await valueOf(c.clusterId);
    const [rds] = ofType(RDS);
    expect(rds.inputs).toMatchObject({
      engine: "MySQL",
      engineVersion: "5.7",
      category: "HighAvailability",
      vpcId: "vpc-bp1test0001",
      vswitchId: "vsw-bp1test0001",
      zoneId: "cn-hangzhou-i",
      securityGroupIds: ["lakehouse-sg-id"],
      instanceChargeType: "Prepaid",
    });
  });

  test("a Prepaid RDS instance gets no deletionProtection (the provider ignores it: a permanent diff)", async () => {
    const c = new components.EmrCluster("lakehouse", haSpec());
    await valueOf(c.clusterId);
    expect(ofType(RDS)[0].inputs).not.toHaveProperty("deletionProtection");
  });

  test("a Postpaid RDS instance (PayAsYouGo cluster) gets deletionProtection", async () => {
    const { subscriptionConfig: _sub, ...spec } = haSpec();
    const c = new components.EmrCluster("lakehouse", { ...spec, paymentType: "PayAsYouGo" });
    await valueOf(c.clusterId);
    expect(ofType(RDS)[0].inputs).toMatchObject({ instanceChargeType: "Postpaid", deletionProtection: true });
  });

  test("HIVE and SPARK get the same metastore type, and HIVE the JDBC settings of the RDS", async () => {
    const c = new components.EmrCluster("lakehouse", haSpec());
    await valueOf(c.clusterId);
    const configs: any[] = ofType(CLUSTER)[0].inputs.applicationConfigs;
    const type = (app: string) => configs.find((i) => i.applicationName === app && i.configItemKey === "hive.metastore.type")?.configItemValue;
    expect(type("HIVE")).toBe("USER_RDS");
    expect(type("SPARK3")).toBe(type("HIVE"));
    const jdbc = Object.fromEntries(configs.filter((i) => i.configItemKey.startsWith("javax.jdo")).map((i) => [i.configItemKey, i.configItemValue]));
    expect(jdbc).toEqual({
      // The port is the instance's `port` output (the mocks answer 3307), not a literal 3306.
      "javax.jdo.option.ConnectionURL": "jdbc:mysql://rm-lakehouse-metastore.mysql.rds.aliyuncs.com:3307/hivemeta?createDatabaseIfNotExist=true&characterEncoding=UTF-8",
      "javax.jdo.option.ConnectionUserName": "hive",
      "javax.jdo.option.ConnectionPassword": "Generated0Password1Secret2",
    });
  });

  test("the JDBC password reaches the cluster as a secret input", async () => {
    const c = new components.EmrCluster("lakehouse", haSpec());
    await valueOf(c.clusterId);
    const raw = ofType(CLUSTER)[0].rawInputs.applicationConfigs;
    const secretSomewhere = isSecretInput(raw) || (Array.isArray(raw) && raw.some((i: any) => isSecretInput(i) || isSecretInput(i.configItemValue)));
    expect(secretSomewhere).toBe(true);
  });

  test("the metastore password is a secret output, generated letters and digits only", async () => {
    const c = new components.EmrCluster("lakehouse", haSpec());
    expect(await pulumi.isSecret(c.metastore!.jdbc.password)).toBe(true);
    await valueOf(c.clusterId);
    const [pw] = ofType("random:index/randomPassword:RandomPassword");
    expect(pw.inputs).toMatchObject({ length: 24, special: false });
  });

  test("an external RDS password from config is kept secret", async () => {
    const spec = haSpec();
    const c = new components.EmrCluster("lakehouse", {
      ...spec,
      metastore: { type: "USER_RDS", external: { connectionUrl: "jdbc:mysql://rm-x:3306/hivemeta", userName: "hive", password: pulumi.secret("FromConfig123") } },
    });
    await valueOf(c.clusterId);
    await settle();
    expect(ofType(RDS)).toHaveLength(0);
    expect(c.metastore).toBeUndefined();
    const raw = ofType(CLUSTER)[0].rawInputs.applicationConfigs;
    const password = ofType(CLUSTER)[0].inputs.applicationConfigs.find((i: any) => i.configItemKey === "javax.jdo.option.ConnectionPassword");
    expect(password.configItemValue).toBe("FromConfig123");
    expect(isSecretInput(raw) || raw.some((i: any) => isSecretInput(i) || isSecretInput(i.configItemValue))).toBe(true);
  });

  test("auto-scaled groups get ignoreChanges on their nodeCount, so deploys don't undo the scaling", () => {
    const spec = components.buildClusterSpec("lakehouse", haSpec());
    expect(components.autoScaledNodeCountPaths(spec)).toEqual(["nodeGroups[2].nodeCount"]);
  });

  test("acknowledgements become emr-guard tags next to the user's tags, and the identity tag is <project>/<stack>/<name>", async () => {
    const c = new components.EmrCluster("lakehouse", { ...haSpec(), tags: { team: "data" }, acknowledgements: { nodeCount: 40, subscriptionMonths: 24 } });
    await valueOf(c.clusterId);
    expect(ofType(CLUSTER)[0].inputs.tags).toEqual({
      team: "data",
      "emr-guard:ack-node-count": "40",
      "emr-guard:ack-subscription-months": "24",
      "emr-guard:identity": "emr-clusters/prod/lakehouse",
    });
  });

  test("a user's tag cannot take the identity tag's value", async () => {
    const c = new components.EmrCluster("lakehouse", { ...haSpec(), tags: { "emr-guard:identity": "other/stack/name" } });
    await valueOf(c.clusterId);
    expect(ofType(CLUSTER)[0].inputs.tags["emr-guard:identity"]).toBe("emr-clusters/prod/lakehouse");
  });
});

describe("EmrCluster: Subscription node groups carry their payment (the provider sends PaymentType \"\" otherwise)", () => {
  const SUBSCRIPTION = { paymentDuration: 12, paymentDurationUnit: "Month", autoRenew: true, autoRenewDuration: 1, autoRenewDurationUnit: "Month" };

  test("non-Spot groups get the cluster's Subscription with autoPayOrder; the Spot TASK group stays PayAsYouGo", async () => {
    const c = new components.EmrCluster("lakehouse", haSpec());
    await valueOf(c.clusterId);
    const { inputs } = ofType(CLUSTER)[0];
    // The cluster's own autoPayOrder is written out too: left out, the provider sends false (issue 17).
    expect(inputs.subscriptionConfig).toEqual({ ...SUBSCRIPTION, autoPayOrder: true });
    expect(inputs.nodeGroups.map((g: any) => [g.nodeGroupName, g.paymentType, g.subscriptionConfig])).toEqual([
      ["master", "Subscription", { ...SUBSCRIPTION, autoPayOrder: true }],
      ["core", "Subscription", { ...SUBSCRIPTION, autoPayOrder: true }],
      ["task", "PayAsYouGo", undefined],
    ]);
  });

  test("autoPayOrder: false, when the user says so, is written as false for the cluster and its groups", async () => {
    const c = new components.EmrCluster("lakehouse", { ...haSpec(), subscriptionConfig: { paymentDuration: 12, autoPayOrder: false } });
    await valueOf(c.clusterId);
    const { inputs } = ofType(CLUSTER)[0];
    expect(inputs.subscriptionConfig.autoPayOrder).toBe(false);
    expect(inputs.nodeGroups.slice(0, 2).map((g: any) => g.subscriptionConfig.autoPayOrder)).toEqual([false, false]);
  });

  test("a group that states its own payment keeps it", async () => {
    const spec = haSpec();
    const own = { paymentDuration: 1, autoRenew: false, autoPayOrder: false };
    const c = new components.EmrCluster("lakehouse", { ...spec, nodeGroups: [spec.nodeGroups[0], { ...spec.nodeGroups[1], subscriptionConfig: own }, spec.nodeGroups[2]] });
    await valueOf(c.clusterId);
    const core = ofType(CLUSTER)[0].inputs.nodeGroups[1];
    expect([core.paymentType, core.subscriptionConfig]).toEqual(["Subscription", { paymentDuration: 1, paymentDurationUnit: "Month", autoRenew: false, autoPayOrder: false }]);
  });

  test("a PayAsYouGo cluster's groups say PayAsYouGo", async () => {
    const c = new components.EmrCluster("analytics", devSpec());
    await valueOf(c.clusterId);
    expect(ofType(CLUSTER)[0].inputs.nodeGroups.map((g: any) => [g.paymentType, g.subscriptionConfig])).toEqual([
      ["PayAsYouGo", undefined],
      ["PayAsYouGo", undefined],
    ]);
  });
});

describe("acknowledgements: each names the change it approves", () => {
  test("every shape maps to its emr-guard tag; newCluster carries the cluster's name", () => {
    const ack = { scaleOut: ["core:40->65", "task:2->30"], taskGroupToZero: ["task:6->0"], paymentSwitch: "PayAsYouGo->Subscription", newCluster: true, autoScaling: ["task:remove"] };
    const spec = components.buildClusterSpec("lakehouse", { ...haSpec(), acknowledgements: ack });
    expect(components.acknowledgementTags(spec.acknowledgements, spec.clusterName)).toEqual({
      "emr-guard:ack-scale-out": "core:40->65,task:2->30",
      "emr-guard:ack-task-to-zero": "task:6->0",
      "emr-guard:ack-payment-switch": "PayAsYouGo->Subscription",
      "emr-guard:ack-new-cluster": "lakehouse-prod",
      "emr-guard:ack-auto-scaling": "task:remove",
    });
  });

  test.each([
    [{ scaleOut: 25 }, "acknowledgements.scaleOut", /expected a list of entries like \["core:40->65"\].*a number approved every later change too/],
    [{ taskGroupToZero: true }, "acknowledgements.taskGroupToZero", /expected a list of entries like \["task:6->0"\].*true approved every later change too/],
    [{ scaleOut: ["core:65"] }, "acknowledgements.scaleOut[0]", /expected an entry like "core:40->65"/],
    [{ taskGroupToZero: ["task:6->1"] }, "acknowledgements.taskGroupToZero[0]", /expected an entry like "task:6->0"/],
    [{ paymentSwitch: "Subscription" }, "acknowledgements.paymentSwitch", /expected an entry like "PayAsYouGo->Subscription"/],
    [{ autoScaling: ["task:replace:xyz"] }, "acknowledgements.autoScaling[0]", /task:replace:1a2b3c4d"/],
  ])("the old or a malformed form is refused with the new one: %j", (ack, path, reason) => {
    let issues: { path: string; reason: string }[] = [];
    try {
      components.buildClusterSpec("lakehouse", { ...haSpec(), acknowledgements: ack });
    } catch (err) {
      issues = (err as InstanceType<typeof components.ClusterSpecError>).issues;
    }
    expect(issues.map((i) => i.path)).toEqual([path]);
    expect(issues[0].reason).toMatch(reason);
  });

  test("a scale-in acknowledgement, and one written anew with an @ note, are the tags the gates read", () => {
    const { acknowledgementTags } = require("../../components/acknowledgements") as typeof import("../../components/acknowledgements");
    const spec = components.buildClusterSpec("lakehouse", { ...haSpec(), acknowledgements: { scaleIn: ["task:25->15"], taskGroupToZero: ["task:6->0@2026-12-02"] } });
    expect(acknowledgementTags(spec.acknowledgements, spec.clusterName)).toMatchObject({ "emr-guard:ack-scale-in": "task:25->15", "emr-guard:ack-task-to-zero": "task:6->0@2026-12-02" });
  });
});

describe("EmrCluster: validation happens before anything is registered", () => {
  test("a bad spec throws ClusterSpecError and registers nothing", async () => {
    const spec = devSpec();
    expect(() => new components.EmrCluster("bad", { ...spec, deployMode: "HA" })).toThrow(components.ClusterSpecError);
    await settle();
    expect(registered).toHaveLength(0);
  });
});
