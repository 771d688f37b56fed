/** The stack configs in stacks/ and the program that reads them. */
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { parse } from "yaml";
import { ofType, registered, resetRegistered, settle, setupMocks } from "../helpers/pulumi-mocks";

let config: typeof import("../../stacks/config");
let program: typeof import("../../stacks/program");
let validate: typeof import("../../components/validate");

/** The `emr:` keys of a stack file, without the namespace (as parseStackConfig takes them). */
function emrConfigOf(stack: string): Record<string, unknown> {
  const doc = parse(fs.readFileSync(path.join(__dirname, "../../stacks", `Pulumi.${stack}.yaml`), "utf8")).config as Record<string, unknown>;
  return Object.fromEntries(Object.entries(doc).filter(([k]) => k.startsWith("emr:")).map(([k, v]) => [k.slice(4), v]));
}

/** Stack config as the CLI hands it to a program: namespaced keys, objects as JSON strings. */
function asPulumiConfig(raw: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [`emr:${k}`, typeof v === "string" ? v : JSON.stringify(v)]));
}

beforeAll(async () => {
  setupMocks({ stack: "prod" });
  config = await import("../../stacks/config");
  program = await import("../../stacks/program");
  validate = await import("../../components/validate");
});
beforeEach(() => resetRegistered());

describe.each(["dev", "prod"])("stacks/Pulumi.%s.yaml", (stack) => {
  test("parses, and every cluster's spec is valid", () => {
    const parsed = config.parseStackConfig(emrConfigOf(stack));
    const specs = program.clusterSpecs(parsed, new pulumi.Config("emr"));
    for (const { name, spec } of specs) {
      expect({ name, issues: validate.checkSpec(spec, { stackName: stack }).issues }).toEqual({ name, issues: [] });
    }
  });
});

test("dev: one cluster on the dev-normal preset with the stack's network", () => {
  const specs = program.clusterSpecs(config.parseStackConfig(emrConfigOf("dev")), new pulumi.Config("emr"));
  expect(specs.map((s) => s.name)).toEqual(["analytics-dev"]);
  const spec = specs[0].spec as any;
  expect(spec).toMatchObject({ clusterName: "analytics-dev", deployMode: "NORMAL", nodeAttributes: { vpcId: "vpc-bp1devplaceholder0001", keyPairName: "emr-dev-admin" } });
  expect(spec.nodeGroups.map((g: any) => g.vswitchIds)).toEqual([["vsw-bp1devplaceholder0001"], ["vsw-bp1devplaceholder0001"]]);
});

test("prod: the lakehouse (HA) gets the standalone task-adhoc group; realtime is OLAP", () => {
  const specs = program.clusterSpecs(config.parseStackConfig(emrConfigOf("prod")), new pulumi.Config("emr"));
  expect(specs.map((s) => s.name)).toEqual(["lakehouse", "realtime"]);
  const lake = specs[0].spec as any;
  expect(lake.nodeGroups.map((g: any) => [g.nodeGroupName, g.nodeCount])).toEqual([
    ["master", 3],
    ["core", 6],
    ["task", 2],
    ["task-adhoc", 4],
  ]);
  expect((specs[1].spec as any).clusterType).toBe("OLAP");
});

test("prod under mocks: each cluster, its security group, the lakehouse's RDS metastore; nothing else", async () => {
  pulumi.runtime.setAllConfig(asPulumiConfig(emrConfigOf("prod")));
  const clusters = program.buildStack();
  await Promise.all(Object.values(clusters).map((c) => new Promise((r) => c.clusterId.apply(r))));
  await settle();
  expect(ofType("alicloud:emrv2/cluster:Cluster").map((r) => r.name).sort()).toEqual(["lakehouse", "realtime"]);
  expect(ofType("alicloud:ecs/securityGroup:SecurityGroup").map((r) => r.name).sort()).toEqual(["lakehouse-sg", "realtime-sg"]);
  expect(ofType("alicloud:rds/instance:Instance").map((r) => r.name)).toEqual(["lakehouse-metastore"]);
  expect(registered).toHaveLength(2 + 2 + 2 + 5);
});

test("prod: the lakehouse's OSS-HDFS root is the stack's PLACEHOLDER bucket, wired into its application configs", async () => {
  pulumi.runtime.setAllConfig(asPulumiConfig(emrConfigOf("prod")));
  const clusters = program.buildStack();
  await Promise.all(Object.values(clusters).map((c) => new Promise((r) => c.clusterId.apply(r))));
  const lake = ofType("alicloud:emrv2/cluster:Cluster").find((r) => r.name === "lakehouse")!;
  expect(lake.inputs.applicationConfigs.filter((c: any) => c.applicationName === "OSS-HDFS")).toEqual([
    { applicationName: "OSS-HDFS", configFileName: "common.conf", configItemKey: "OSS_ROOT_URI", configItemValue: "oss://lakehouse-prod-placeholder.cn-hangzhou.oss-dls.aliyuncs.com/", configScope: "CLUSTER" },
  ]);
});

test("prod without the lakehouse's storage: the program fails naming the cluster and storage.ossHdfsRootUri", () => {
  const raw = emrConfigOf("prod");
  const clusters = (raw.clusters as { spec: Record<string, unknown> }[]).map((c) => {
    const { storage: _storage, ...spec } = c.spec;
    return { ...c, spec };
  });
  pulumi.runtime.setAllConfig(asPulumiConfig({ ...raw, clusters }));
  expect(() => program.buildStack()).toThrow(/EMR cluster "lakehouse-prod" is not valid:\n  - applicationConfigs: OSS-HDFS is installed without its root storage directory.*storage\.ossHdfsRootUri/);
});

describe("bad stack config: one clear message per problem", () => {
  const base = () => emrConfigOf("dev");
  function issuesOf(raw: Record<string, unknown>, emr = new pulumi.Config("emr")) {
    try {
      program.clusterSpecs(config.parseStackConfig(raw), emr);
    } catch (err) {
      if (err instanceof config.StackConfigError) return err.issues;
      throw err;
    }
    return [];
  }

  test("an unknown preset names the valid ones", () => {
    const issues = issuesOf({ ...base(), preset: "huge" });
    expect(issues).toEqual([{ path: "emr:preset", reason: expect.stringContaining('"dev-normal"') }]);
  });
  test("no cluster at all", () => {
    expect(issuesOf({ ...base(), clusters: [] })).toEqual([{ path: "emr:clusters", reason: expect.stringContaining("at least one cluster") }]);
  });
  test("a malformed VPC ID shows an example", () => {
    const raw = base();
    expect(issuesOf({ ...raw, network: { ...(raw.network as object), vpcId: "my-vpc" } })).toEqual([{ path: "emr:network.vpcId", reason: expect.stringContaining("vpc-bp1example") }]);
  });
  test("a password in plain config is refused, with the secret-config command", () => {
    const raw = base();
    const clusters = [{ name: "x", spec: { metastore: { type: "USER_RDS", external: { connectionUrl: "jdbc:mysql://h:3306/d", userName: "hive", password: "plain" } } } }];
    expect(issuesOf({ ...raw, clusters })).toEqual([{ path: "emr:clusters[0].spec.metastore.external.password", reason: expect.stringContaining("pulumi config set --secret") }]);
  });
  test("a task group for an unknown cluster names the clusters there are", () => {
    const issues = issuesOf({ ...base(), taskGroups: [{ cluster: "nope", group: { nodeGroupType: "TASK", nodeGroupName: "t" } }] });
    expect(issues).toEqual([{ path: "emr:taskGroups[0].cluster", reason: 'no cluster named "nope" in emr:clusters; use one of "analytics-dev"' }]);
  });
  test("only TASK groups can be attached on their own", () => {
    const issues = issuesOf({ ...base(), taskGroups: [{ cluster: "analytics-dev", group: { nodeGroupType: "CORE", nodeGroupName: "more" } }] });
    expect(issues).toEqual([{ path: "emr:taskGroups[0].group.nodeGroupType", reason: expect.stringContaining("only TASK groups") }]);
  });
  test("the message of StackConfigError lists every problem with its path", () => {
    expect(() => program.clusterSpecs(config.parseStackConfig({ ...base(), preset: "huge", clusters: [] }), new pulumi.Config("emr"))).toThrow(
      /The stack config is not valid:\n  - emr:preset: .*\n  - emr:clusters: /,
    );
  });
});
