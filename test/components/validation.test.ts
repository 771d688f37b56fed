/**
 * Every schema rule of reference/emr-planning-rules.md, one good and one bad case each: the bad case changes one
 * thing in a happy-path spec, and the issue must name the field path, say why, and suggest a right value.
 */
import { checkSpec, buildClusterSpec, ClusterSpecError } from "../../components/validate";
import type { ClusterSpecInput } from "../../components/spec";
import { devSpec, haSpec } from "../helpers/specs";

type Spec = ClusterSpecInput & Record<string, any>;

function issuesOf(spec: unknown) {
  return checkSpec(spec).issues;
}

function expectValid(spec: unknown) {
  expect(issuesOf(spec)).toEqual([]);
}

function expectIssue(spec: unknown, path: string, ...fragments: (string | RegExp)[]) {
  const issues = issuesOf(spec);
  const match = issues.find((i) => i.path === path);
  if (!match) throw new Error(`no issue at ${path}; got:\n${issues.map((i) => `${i.path}: ${i.reason}`).join("\n")}`);
  for (const f of fragments) expect(match.reason).toMatch(f);
}

const withGroup = (spec: Spec, index: number, change: Record<string, unknown>): Spec => ({
  ...spec,
  nodeGroups: spec.nodeGroups.map((g, i) => (i === index ? { ...g, ...change } : g)),
});

describe("happy paths", () => {
  test("a dev NORMAL spec is valid", () => expectValid(devSpec()));
  test("a production HA spec is valid", () => expectValid(haSpec()));
});

describe("shape: types and enums", () => {
  test("clusterType must be a known type", () => expectIssue({ ...devSpec(), clusterType: "HADOOP3" }, "clusterType", /DATALAKE/));
  test("deployMode must be NORMAL or HA", () => expectIssue({ ...devSpec(), deployMode: "HA3" }, "deployMode", /HA/));
  test("releaseVersion looks like EMR-x.y.z", () => expectIssue({ ...devSpec(), releaseVersion: "5.16" }, "releaseVersion", /EMR-5\.16\.0/));
  test("a missing field is named as required, with an example", () => {
    const { clusterName: _omit, ...spec } = devSpec();
    expectIssue(spec, "clusterName", /required/, /lakehouse-prod/);
  });
  test("an unknown field is named", () => expectIssue({ ...devSpec(), nodeGroupz: [] }, "nodeGroupz", /unknown field/));
  test("masterRootPassword is refused with the key-pair alternative", () =>
    expectIssue({ ...devSpec(), masterRootPassword: "abc" }, "masterRootPassword", /keyPairName/));
  test("subscription durations are the API's", () =>
    expectIssue({ ...haSpec(), subscriptionConfig: { paymentDuration: 10 } }, "subscriptionConfig.paymentDuration", /12/));
  test("application names are upper case (the provider reads them back upper-cased)", () =>
    expectIssue({ ...devSpec(), applications: ["hdfs"] }, "applications[0]", /upper-case/));
});

describe("deploy mode and masters", () => {
  test("HA needs 3 MASTER nodes", () => expectIssue(withGroup(haSpec(), 0, { nodeCount: 1 }), "nodeGroups[0].nodeCount", /3/));
  test("NORMAL has 1 MASTER node", () => expectIssue(withGroup(devSpec(), 0, { nodeCount: 3 }), "nodeGroups[0].nodeCount", /1/));
  test("HA needs ZOOKEEPER", () => {
    const spec = haSpec();
    expectIssue({ ...spec, applications: spec.applications.filter((a) => a !== "ZOOKEEPER") }, "applications", /ZOOKEEPER/);
  });
  test("MASTER-EXTEND only in HA", () => {
    const spec = devSpec();
    const extra = { ...spec.nodeGroups[1], nodeGroupType: "MASTER-EXTEND" as const, nodeGroupName: "master-extend", nodeCount: 1 };
    expectIssue({ ...spec, nodeGroups: [...spec.nodeGroups, extra] }, "nodeGroups[2].nodeGroupType", /HA/);
    const ha = haSpec();
    expectValid({ ...ha, nodeGroups: [...ha.nodeGroups, extra] });
  });
  test("GATEWAY groups are not valid for DATALAKE", () =>
    expectIssue(withGroup(devSpec(), 1, { nodeGroupType: "GATEWAY" }), "nodeGroups[1].nodeGroupType", /GATEWAY/));
});

describe("Hive metastore", () => {
  test("HA with HIVE refuses a LOCAL metastore", () => {
    const issues = issuesOf({ ...haSpec(), metastore: { type: "LOCAL" } });
    expect(issues.some((i) => i.path.startsWith("applicationConfigs") && /LOCAL/.test(i.reason) && /USER_RDS|DLF/.test(i.reason))).toBe(true);
  });
  test("HA with HIVE accepts DLF", () => expectValid({ ...haSpec(), metastore: { type: "DLF" } }));
  test("HIVE without a metastore type is refused", () => {
    const { metastore: _m, ...spec } = devSpec();
    const issues = issuesOf(spec);
    expect(issues.some((i) => i.path.startsWith("applicationConfigs") && /hive\.metastore\.type/.test(i.reason))).toBe(true);
  });
  test("SPARK's metastore type must equal HIVE's", () => {
    const { metastore: _m, ...spec } = devSpec();
    const item = (applicationName: string, configFileName: string, configItemValue: string) => ({ applicationName, configFileName, configItemKey: "hive.metastore.type", configItemValue });
    expectValid({ ...spec, applicationConfigs: [item("HIVE", "hivemetastore-site.xml", "LOCAL"), item("SPARK3", "hive-site.xml", "LOCAL")] });
    const issues = issuesOf({ ...spec, applicationConfigs: [item("HIVE", "hivemetastore-site.xml", "LOCAL"), item("SPARK3", "hive-site.xml", "DLF")] });
    expect(issues.some((i) => /SPARK3/.test(i.reason) && /LOCAL/.test(i.reason))).toBe(true);
  });
  test("the metastore is stated once", () =>
    expectIssue(
      { ...devSpec(), applicationConfigs: [{ applicationName: "HIVE", configFileName: "hivemetastore-site.xml", configItemKey: "hive.metastore.type", configItemValue: "DLF" }] },
      "applicationConfigs[0]",
      /once/,
    ));
});

describe("applications", () => {
  test.each([
    ["SPARK2", "SPARK3"],
    ["HDFS", "OSS-HDFS"],
    ["STARROCKS2", "STARROCKS3"],
  ])("%s and %s exclude each other", (a, b) => {
    const spec = devSpec();
    const issues = issuesOf({ ...spec, applications: [...spec.applications.filter((x) => x !== a && x !== b), a, b] });
    expect(issues.some((i) => i.path.startsWith("applications") && i.reason.includes(a) && i.reason.includes(b))).toBe(true);
  });
});

describe("node groups", () => {
  test("every group lists its VSwitchIds", () => expectIssue(withGroup(devSpec(), 1, { vswitchIds: [] }), "nodeGroups[1].vswitchIds", /vsw-/));
  test("Spot only on TASK", () => expectIssue(withGroup(devSpec(), 1, { spotStrategy: "SpotAsPriceGo" }), "nodeGroups[1].spotStrategy", /TASK/));
  test("auto scaling only on TASK", () =>
    expectIssue(withGroup(devSpec(), 1, { autoScalingPolicy: { constraints: { minCapacity: 1, maxCapacity: 4 } } }), "nodeGroups[1].autoScalingPolicy", /TASK/));
  test("a group name uses letters, digits, _ and -", () => expectIssue(withGroup(devSpec(), 1, { nodeGroupName: "core; rm -rf /" }), "nodeGroups[1].nodeGroupName"));
});

describe("safety limits", () => {
  test("a node group above 50 nodes at creation is refused", () =>
    expectIssue({ ...withGroup(devSpec(), 1, { nodeCount: 60 }), acknowledgements: { nodeCount: 60 } }, "nodeGroups[1].nodeCount", /60/, /50/));
  test("a node group above 30 nodes needs an acknowledgement", () => {
    expectIssue(withGroup(devSpec(), 1, { nodeCount: 40 }), "nodeGroups[1].nodeCount", /40/, /30/);
    expectValid({ ...withGroup(devSpec(), 1, { nodeCount: 40 }), acknowledgements: { nodeCount: 40 } });
  });
  test("a cluster above 100 nodes needs a cost acknowledgement", () => {
    const spec = haSpec();
    const big = { ...spec, nodeGroups: [...spec.nodeGroups, ...[1, 2, 3].map((n) => ({ ...spec.nodeGroups[1], nodeGroupName: `core${n}`, nodeCount: 35 }))], acknowledgements: { nodeCount: 35 } };
    const issues = issuesOf(big);
    expect(issues.some((i) => /10[0-9]|11[0-9]/.test(i.reason) && /100/.test(i.reason))).toBe(true);
    expectValid({ ...big, acknowledgements: { nodeCount: 35, clusterNodes: 120 } });
  });
  test("auto-scaling MaxCapacity is at most 100", () =>
    expectIssue(withGroup(haSpec(), 2, { autoScalingPolicy: { constraints: { minCapacity: 2, maxCapacity: 150 } } }), "nodeGroups[2].autoScalingPolicy.constraints.maxCapacity", /150/, /100/));
  test("a subscription above 12 months needs an acknowledgement", () => {
    expectIssue({ ...haSpec(), subscriptionConfig: { paymentDuration: 24 } }, "subscriptionConfig.paymentDuration", /24/, /12/);
    expectValid({ ...haSpec(), subscriptionConfig: { paymentDuration: 24 }, acknowledgements: { subscriptionMonths: 24 } });
  });
  test("bootstrap scripts only from oss://", () => {
    const script = (scriptPath: string) => ({ scriptName: "init", scriptPath });
    expectValid({ ...devSpec(), bootstrapScripts: [script("oss://my-bucket/init.sh")] });
    expectIssue({ ...devSpec(), bootstrapScripts: [script("https://example.com/init.sh")] }, "bootstrapScripts[0].scriptPath", /oss:\/\//);
  });
  test("cluster names are within the allowed characters", () => expectIssue({ ...devSpec(), clusterName: "dev$(whoami)" }, "clusterName"));
  test("a cluster name is at most 64 characters", () => expectIssue({ ...devSpec(), clusterName: "a".repeat(65) }, "clusterName", /64/));
});

describe("protection", () => {
  test("deletionProtection defaults to true", () => expect(checkSpec(devSpec()).spec?.deletionProtection).toBe(true));
  test("turning deletionProtection off is an explicit choice the component allows (the pack flags it)", () =>
    expectValid({ ...devSpec(), deletionProtection: false }));
});

describe("buildClusterSpec", () => {
  test("throws one ClusterSpecError listing every issue", () => {
    const spec = { ...withGroup(devSpec(), 1, { nodeCount: 60, spotStrategy: "SpotAsPriceGo" }), clusterType: "DATALAKE" };
    let error: unknown;
    try {
      buildClusterSpec("analytics", spec as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ClusterSpecError);
    const err = error as ClusterSpecError;
    expect(err.issues.map((i) => i.path)).toEqual(expect.arrayContaining(["nodeGroups[1].nodeCount", "nodeGroups[1].spotStrategy"]));
    expect(err.message).toContain('EMR cluster "analytics-dev" is not valid');
    expect(err.message).toMatch(/nodeGroups\[1\]\.nodeCount: 60 exceeds/);
  });
  test("an unknown preset is named with the valid ones", () => {
    expect(() => buildClusterSpec("x", { preset: "big" } as never)).toThrow(/unknown preset "big"; use one of datalake-ha, dev-normal/);
  });
});
