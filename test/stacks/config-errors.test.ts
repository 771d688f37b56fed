/**
 * Stack config mistakes as users make them, each told once in words that name the field, the value and the fix:
 * wrong types, unknown keys and namespaces, a misspelled node-group override, an empty file, a plain password.
 */
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { parse } from "yaml";
import { setupMocks } from "../helpers/pulumi-mocks";

let config: typeof import("../../stacks/config");
let program: typeof import("../../stacks/program");
let validate: typeof import("../../components/validate");

const DEV = parse(fs.readFileSync(path.join(__dirname, "../../stacks/Pulumi.dev.yaml"), "utf8")).config as Record<string, unknown>;
const asConfig = (doc: Record<string, unknown>) => Object.fromEntries(Object.entries(doc).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]));

/** The issues the program reports for a stack file's config (namespaced keys), with `secretKeys` set as `secure:`. */
function issuesOf(doc: Record<string, unknown>, secretKeys: string[] = []): { path: string; reason: string }[] {
  pulumi.runtime.setAllConfig(asConfig(doc), secretKeys);
  try {
    program.clusterSpecs(config.readStackConfig(), new pulumi.Config("emr"));
  } catch (err) {
    if (err instanceof config.StackConfigError) return err.issues;
    throw err;
  }
  return [];
}

beforeAll(async () => {
  setupMocks({ stack: "dev" });
  config = await import("../../stacks/config");
  program = await import("../../stacks/program");
  validate = await import("../../components/validate");
});

describe("wrong types say what was expected and what was given (stack config and programs, one translation)", () => {
  const core = (extra: Record<string, unknown>) => ({ "emr:clusters": [{ name: "a", spec: { clusterName: "a", nodeGroups: [{ nodeGroupName: "core", ...extra }] } }] });
  const specIssues = (extra: Record<string, unknown>) => {
    const doc = { ...DEV, ...core(extra) };
    pulumi.runtime.setAllConfig(asConfig(doc));
    const [entry] = program.clusterSpecs(config.readStackConfig(), new pulumi.Config("emr"));
    return validate.checkSpec(entry.spec).issues;
  };
  test.each([
    // Each names the node group (its index is the merged list's) and, for the provider's fields, why.
    [{ nodeCount: "3" }, 'in node group "core": expected a whole number of at least 0, got the string "3": the provider\'s field is a whole number (resource_alicloud_emrv2_cluster.go:361); for example 3'],
    [{ nodeCount: 2.5 }, 'in node group "core": expected a whole number of at least 0, got 2.5: the provider\'s field is a whole number (resource_alicloud_emrv2_cluster.go:361) and the Pulumi bridge truncates a fraction, so 2 would be sent; for example 3'],
    [{ instanceTypes: "ecs.g7.xlarge" }, 'in node group "core": expected a list of strings, got the string "ecs.g7.xlarge" (write [ecs.g7.xlarge])'],
  ])("%j", (extra, reason) => {
    expect(specIssues(extra)).toEqual([{ path: `nodeGroups[1].${Object.keys(extra)[0]}`, reason }]);
  });
  test("a right value has no issue", () => {
    expect(specIssues({ nodeCount: 3, instanceTypes: ["ecs.g7.xlarge"] })).toEqual([]);
  });
  test("the stack's own keys: a scalar where a list is meant", () => {
    const network = { ...(DEV["emr:network"] as object), vswitchIds: "vsw-bp1example" };
    expect(issuesOf({ ...DEV, "emr:network": network })).toEqual([{ path: "emr:network.vswitchIds", reason: 'expected a list of strings, got the string "vsw-bp1example" (write [vsw-bp1example])' }]);
  });
});

describe("unknown keys and namespaces are refused, with the closest known one", () => {
  test("emr:cluster, alicloud:regin and emrr:preset", () => {
    const { "emr:clusters": clusters, "alicloud:region": _region, "emr:preset": preset, ...rest } = DEV;
    expect(issuesOf({ ...rest, "emr:cluster": clusters, "alicloud:regin": "cn-hangzhou", "emrr:preset": preset })).toEqual([
      { path: "emr:cluster", reason: "unknown key emr:cluster (did you mean emr:clusters?)" },
      { path: "alicloud:regin", reason: "unknown key alicloud:regin (did you mean alicloud:region?)" },
      { path: "emrr:preset", reason: "unknown namespace emrr in emrr:preset (did you mean emr:preset?); this program reads emr:, alicloud: and pulumi: keys" },
      { path: "emr:clusters", reason: "is required" },
    ]);
  });
  test("the dev stack file is known; another program's namespace is left to it", () => {
    expect(issuesOf({ ...DEV, "example:coreNodes": "3" })).toEqual([]);
  });
  test("an empty stack file gets the smallest valid one", () => {
    expect(issuesOf({})).toEqual([{ path: "emr:clusters", reason: `the stack file declares no cluster; the smallest valid stack file is:\n${config.SMALLEST_STACK}` }]);
    const smallest = parse(config.SMALLEST_STACK).config as Record<string, unknown>;
    expect(issuesOf(smallest)).toEqual([]);
    const [entry] = program.clusterSpecs(config.readStackConfig(), new pulumi.Config("emr"));
    expect(validate.checkSpec(entry.spec).issues).toEqual([]);
  });
});

describe("a misspelled node group in an override: one issue, naming the preset's groups", () => {
  test("stack config: cores in datalake-ha", () => {
    const doc = { ...DEV, "emr:preset": "datalake-ha", "emr:clusters": [{ name: "lake", spec: { nodeGroups: [{ nodeGroupName: "cores", nodeCount: 6 }] } }] };
    expect(issuesOf(doc)).toEqual([
      { path: "emr:clusters[0].spec.nodeGroups[0].nodeGroupName", reason: "no node group named cores in preset datalake-ha (did you mean core?); its groups are master, core, task (a new group needs its nodeGroupType)" },
    ]);
  });
  test("a program: buildClusterSpec refuses it the same way; a new group with its type is added", () => {
    expect(() => validate.buildClusterSpec("lake", { preset: "dev-normal", nodeGroups: [{ nodeGroupName: "cores", nodeCount: 6 }] })).toThrow(
      'EMR cluster "lake" is not valid:\n  - nodeGroups[0].nodeGroupName: no node group named cores in preset dev-normal (did you mean core?)',
    );
  });
});

describe("a password in plain stack config is refused with the command that makes it a secret", () => {
  const external = { connectionUrl: "jdbc:mysql://rm-bp1example.mysql.rds.aliyuncs.com:3306/hivemeta", userName: "hive", passwordConfigKey: "hiveMetastorePassword" };
  const doc = { ...DEV, "emr:clusters": [{ name: "a", spec: { metastore: { type: "USER_RDS", external } } }], "emr:hiveMetastorePassword": "Plain0Password" };
  test("plain: refused, the value never printed", () => {
    const issues = issuesOf(doc);
    expect(issues).toEqual([
      { path: "emr:hiveMetastorePassword", reason: 'is a password in plain text in the stack file; make it a secret: run `pulumi config set --secret emr:hiveMetastorePassword <value>` (the file then holds "secure: v1:...")' },
    ]);
    expect(JSON.stringify(issues)).not.toContain("Plain0Password");
  });
  test("secure: taken", () => {
    expect(issuesOf(doc, ["emr:hiveMetastorePassword"])).toEqual([]);
  });
});

describe("spec mistakes in a stack file, in the user's terms", () => {
  /** The issues buildStack reports (every cluster's), after the entry's spec was merged over its preset. */
  function buildIssues(spec: Record<string, unknown>): string[] {
    pulumi.runtime.setAllConfig(asConfig({ ...DEV, "emr:clusters": [{ name: "analytics", spec: { clusterName: "analytics-dev", ...spec } }] }));
    try {
      program.buildStack(config.readStackConfig(), new pulumi.Config("emr"));
    } catch (err) {
      if (err instanceof validate.ClusterSpecErrors) return err.errors.flatMap((e) => e.issues.map((i) => `${i.path}: ${i.reason}`));
      throw err;
    }
    return [];
  }

  test("the only group the user wrote is nodeGroups[0], named, not its index in the merged spec (the preset's master comes first)", () => {
    expect(buildIssues({ nodeGroups: [{ nodeGroupName: "core", nodeCount: 0 }] })).toEqual([
      'nodeGroups[0].nodeCount: node group "core" (nodeGroups[0]) is a CORE group with 0 nodes; give it at least 1 node, e.g. nodeCount: 2',
    ]);
  });

  test("a misspelled nested field gets the closest one (nodeCont, acknowledgments)", () => {
    expect(buildIssues({ nodeGroups: [{ nodeGroupName: "core", nodeCont: 3 }], acknowledgments: { nodeCount: 40 } })).toEqual([
      'nodeGroups[0].nodeCont: in node group "core": unknown field "nodeCont" (did you mean nodeCount?); remove it or check its spelling against the EmrCluster args',
      'acknowledgments: unknown field "acknowledgments" (did you mean acknowledgements?); remove it or check its spelling against the EmrCluster args',
    ]);
  });

  test("a misspelled key of a cluster entry (specs): the closest one", () => {
    pulumi.runtime.setAllConfig(asConfig({ ...DEV, "emr:clusters": [{ name: "analytics", specs: { clusterName: "analytics-dev" } }] }));
    expect(() => config.readStackConfig()).toThrow(expect.objectContaining({ issues: [{ path: "emr:clusters[0]", reason: 'unknown field "specs" (did you mean spec?)' }] }));
  });
});
