/**
 * The component refuses what the provider's schema refuses (issue 17): one failing case per entry of the table
 * (policies/rules/provider-schema.ts) that a spec can write, each naming the field, the node group by its name, why
 * and a right value; the values the component writes itself pass the same table.
 */
import { plainProps } from "../../policies/props";
import { PROVIDER_SCHEMA } from "../../policies/rules/provider-schema";
import { checkProviderSchema } from "../../policies/rules/provider-schema-check";
import type { ClusterSpecInput } from "../../components/spec";
import { checkSpec } from "../../components/validate";
import { haSpec } from "../helpers/specs";
import { outside, scalingRules, withValueAt } from "../helpers/provider-schema";

/** haSpec with every optional field the table covers written with a right value (the TASK group is nodeGroups[2]). */
function fullSpec(): ClusterSpecInput & Record<string, any> {
  const spec: Record<string, any> = haSpec();
  spec.subscriptionConfig = { paymentDuration: 12, paymentDurationUnit: "Month", autoRenew: true, autoRenewDuration: 1, autoRenewDurationUnit: "Month", autoPayOrder: true };
  spec.applicationConfigs = [{ applicationName: "YARN", configFileName: "yarn-site.xml", configItemKey: "yarn.nodemanager.vmem-check-enabled", configItemValue: "false", configScope: "CLUSTER" }];
  spec.bootstrapScripts = [{ scriptName: "init", scriptPath: "oss://my-bucket/bootstrap/init.sh", executionMoment: "BEFORE_INSTALL", executionFailStrategy: "FAILED_BLOCK", nodeSelector: { nodeSelectType: "CLUSTER" } }];
  spec.metastore = { type: "USER_RDS", rds: { accountName: "hive", databaseName: "hivemeta", storageType: "cloud_essd", category: "HighAvailability" } };
  const task = spec.nodeGroups[2];
  Object.assign(task, {
    deploymentSetStrategy: "NONE",
    nodeResizeStrategy: "PRIORITY",
    spotStrategy: "SpotWithPriceLimit",
    spotBidPrices: [{ instanceType: "ecs.g7.xlarge", bidPrice: 1 }],
    subscriptionConfig: { paymentDuration: 1, paymentDurationUnit: "Month", autoRenew: true, autoRenewDuration: 1, autoRenewDurationUnit: "Month" },
    systemDisk: { category: "cloud_essd", size: 120, performanceLevel: "PL1" },
    dataDisks: [{ category: "cloud_essd", size: 120, performanceLevel: "PL1" }],
  });
  task.autoScalingPolicy.scalingRules = scalingRules();
  return spec as ClusterSpecInput & Record<string, any>;
}

/** Where a table path of the supporting resources is written in a spec (the rest the component writes itself). */
const SPEC_PATHS: Record<string, string> = {
  "alicloud:rds/rdsAccount:RdsAccount accountName": "metastore.rds.accountName",
  "alicloud:rds/database:Database dataBaseName": "metastore.rds.databaseName",
  "alicloud:rds/instance:Instance dbInstanceStorageType": "metastore.rds.storageType",
  "alicloud:rds/instance:Instance category": "metastore.rds.category",
};

const CLUSTER = "alicloud:emrv2/cluster:Cluster";
const specEntries = Object.entries(PROVIDER_SCHEMA).flatMap(([type, table]) =>
  Object.entries(table).flatMap(([p, entry]) => {
    const specPath = type === CLUSTER ? p : SPEC_PATHS[`${type} ${p}`];
    return specPath ? [[`${type} ${p}`, specPath, entry] as const] : [];
  }),
);

test("the full spec is valid", () => expect(checkSpec(fullSpec()).issues).toEqual([]));

test.each(specEntries)("%s: a value outside the provider's schema is refused at %s, naming the field, the group, why and an example", (_entry, specPath, entry) => {
  const { value, path: at } = withValueAt(fullSpec(), specPath, outside(entry));
  const issues = checkSpec(value).issues;
  const issue = issues.find((i) => i.path === at || i.path.startsWith(`${at.replace(/\.[^.]+$/, "")}`));
  if (!issue) throw new Error(`no issue at ${at}; got:\n${issues.map((i) => `${i.path}: ${i.reason}`).join("\n")}`);
  expect(issue.path).toBe(at);
  // The component's boolean fields are typed boolean: any string is refused (stricter than the provider's ParseBool).
  if (entry.kind === "boolean") return expect(issue.reason).toMatch(/expected true or false, got the string "yes"$/);
  expect(issue.reason).toMatch(/provider/);
  expect(issue.reason).toMatch(/for example/);
  if (at.startsWith("nodeGroups[2]")) expect(issue.reason).toMatch(/^in node group "task": /);
});

describe("issue 17's values, refused by the component before anything is registered", () => {
  const issueAt = (spec: unknown, path: string) => checkSpec(spec).issues.find((i) => i.path === path)?.reason;
  test("a local_disk system disk; cloud_essd passes", () => {
    const spec = fullSpec();
    spec.nodeGroups[1].systemDisk = { category: "local_disk", size: 120 };
    expect(issueAt(spec, "nodeGroups[1].systemDisk.category")).toBe(
      'in node group "core": expected one of "cloud_essd", "cloud_efficiency", "cloud_ssd", got the string "local_disk"; the alicloud provider refuses any other value at preview (resource_alicloud_emrv2_cluster.go:373); for example "cloud_essd"',
    );
  });
  test("autoRenewDuration 10", () => {
    const spec = fullSpec();
    spec.subscriptionConfig!.autoRenewDuration = 10;
    expect(issueAt(spec, "subscriptionConfig.autoRenewDuration")).toMatch(/^expected one of 1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 24, 36, 48, 60, got 10; .*resource_alicloud_emrv2_cluster\.go:80\); for example 12$/);
  });
  test("a bid price of 0.5 (the bridge would send 0); 1 passes", () => {
    const spec = fullSpec();
    spec.nodeGroups[2].spotBidPrices = [{ instanceType: "ecs.g7.xlarge", bidPrice: 0.5 }];
    expect(issueAt(spec, "nodeGroups[2].spotBidPrices[0].bidPrice")).toMatch(/^in node group "task": expected a whole number, got 0\.5: the provider's field is a whole number .* the Pulumi bridge truncates a fraction/);
  });
  test("RDS names ending in _; a database name with - (still refused: this component's rule, with its reason)", () => {
    const spec = fullSpec();
    spec.metastore = { type: "USER_RDS", rds: { accountName: "hive_", databaseName: "hivemeta_" } };
    expect(issueAt(spec, "metastore.rds.accountName")).toMatch(/^expected lower-case letters, digits and _, a letter first and a letter or digit last, .*got the string "hive_"/);
    expect(issueAt(spec, "metastore.rds.databaseName")).toMatch(/got the string "hivemeta_"/);
    spec.metastore = { type: "USER_RDS", rds: { databaseName: "hive-meta" } };
    expect(issueAt(spec, "metastore.rds.databaseName")).toMatch(/no "-"/);
  });
  test("a negative node count, named by its group", () => {
    const spec = fullSpec();
    spec.nodeGroups[1].nodeCount = -1;
    expect(issueAt(spec, "nodeGroups[1].nodeCount")).toMatch(/^in node group "core": expected a whole number of at least 0, got -1/);
  });
});

test("what the component writes itself (RDS instance, account, privilege, security group) is within the table", async () => {
  const { captureProgram, setupPreviewCapture } = await import("../helpers/capture-program");
  await setupPreviewCapture("prod");
  const { EmrCluster } = await import("../../components/cluster");
  const resources = await captureProgram(() => new EmrCluster("lake", fullSpec()));
  const types = resources.map((r) => r.type).filter((t) => t in PROVIDER_SCHEMA);
  expect(new Set(types)).toEqual(new Set(Object.keys(PROVIDER_SCHEMA)));
  for (const r of resources.filter((x) => x.type in PROVIDER_SCHEMA)) {
    expect({ resource: r.name, ...checkProviderSchema(r.type, plainProps(r.inputs)) }).toEqual({ resource: r.name, problems: [], unknown: expect.any(Array) });
  }
});
