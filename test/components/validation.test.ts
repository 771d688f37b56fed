/**
 * Every schema rule of reference/emr-planning-rules.md, one good and one bad case each: the bad case changes one
 * thing in a happy-path spec, and the issue must name the field path, say why, and suggest a right value.
 */
import * as pulumi from "@pulumi/pulumi";
import { checkSpec, buildClusterSpec, ClusterSpecError } from "../../components/validate";
import type { ClusterSpecInput } from "../../components/spec";
import { devSpec, haSpec, NETWORK } from "../helpers/specs";

const NETWORK_SPEC = { nodeAttributes: NETWORK.nodeAttributes };

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
  test("HA needs 3 MASTER nodes", () =>
    expectIssue(withGroup(haSpec(), 0, { nodeCount: 2 }), "nodeGroups[0].nodeCount", 'node group "master" (nodeGroups[0]) has 2 nodes; HA mode needs 3 MASTER nodes', "; set nodeCount to 3"));
  test("NORMAL has 1 MASTER node", () =>
    expectIssue(withGroup(devSpec(), 0, { nodeCount: 3 }), "nodeGroups[0].nodeCount", 'node group "master" (nodeGroups[0]) has 3 nodes; NORMAL mode has 1 MASTER node', "; set nodeCount to 1"));
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
  const gateway = (spec: Spec) => ({ ...spec, nodeGroups: [...spec.nodeGroups, { ...spec.nodeGroups[1], nodeGroupType: "GATEWAY" as const, nodeGroupName: "gateway", nodeCount: 1 }] });
  test("GATEWAY groups are valid for DATALAKE from EMR-5.10.1 (the preset's EMR-5.16.0)", () => expectValid(gateway(devSpec())));
  test("GATEWAY groups are refused for DATALAKE before EMR-5.10.1, and for OLAP; never advising the MASTER", () => {
    expectIssue({ ...gateway(devSpec()), releaseVersion: "EMR-5.9.0" }, "nodeGroups[2].nodeGroupType", /from EMR-5\.10\.1/, /EMR-5\.10\.1 or later/);
    const olap = { ...gateway(devSpec()), clusterType: "OLAP" as const, applications: ["STARROCKS3"], metastore: undefined };
    expectIssue(olap, "nodeGroups[2].nodeGroupType", /separately deployed gateway/);
    expect(issuesOf(olap).map((i) => i.reason).join("\n")).not.toMatch(/MASTER/);
  });
});

describe("validity rules of issue 9: refused by the component (and the pack, with the same rule)", () => {
  test("internal applications (MYSQL) are refused: a replacement on every preview", () =>
    expectIssue({ ...devSpec(), applications: [...devSpec().applications, "MYSQL"] }, "applications[5]", /internal application/));
  test("a CORE group of 0 nodes is refused", () => expectIssue(withGroup(devSpec(), 1, { nodeCount: 0 }), "nodeGroups[1].nodeCount", /CORE group with 0 nodes/));
  test("no CORE group is refused", () => expectIssue(withGroup(devSpec(), 1, { nodeGroupType: "TASK" }), "nodeGroups", /no CORE group/));
  test("Subscription without a subscriptionConfig is refused (cluster and node group)", () => {
    const { subscriptionConfig: _s, ...noConfig } = haSpec();
    expectIssue(noConfig, "subscriptionConfig", /Subscription without a subscriptionConfig/);
    // A Subscription cluster gives its node groups its own subscription (provider-args.ts); a PayAsYouGo cluster has none to give.
    expectIssue(withGroup(devSpec(), 1, { paymentType: "Subscription" }), "nodeGroups[1].subscriptionConfig", /Subscription without a subscriptionConfig/);
    expectValid(withGroup(haSpec(), 1, { paymentType: "Subscription", subscriptionConfig: { paymentDuration: 12 } }));
  });
  test("minCapacity above maxCapacity is refused", () =>
    expectIssue(withGroup(haSpec(), 2, { autoScalingPolicy: { constraints: { minCapacity: 10, maxCapacity: 4 } } }), "nodeGroups[2].autoScalingPolicy.constraints.minCapacity", /minCapacity 10 above maxCapacity 4/));
  test("a nodeCount outside [minCapacity, maxCapacity] is refused", () => {
    expectIssue(withGroup(haSpec(), 2, { nodeCount: 1 }), "nodeGroups[2].nodeCount", /outside its auto-scaling bounds \[2, 40\]/);
    expectValid(withGroup(haSpec(), 2, { nodeCount: 40 }));
  });
  test("more than 20 tags, reserved prefixes and URLs in tags are refused", () => {
    const many = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`t${i}`, "x"]));
    expectIssue({ ...devSpec(), tags: many }, "tags", /21 tags; .* at most 20/);
    expectIssue({ ...devSpec(), tags: { "aliyun-owner": "me" } }, 'tags["aliyun-owner"]', /reserves/);
    expectIssue({ ...devSpec(), tags: { "acs:env": "dev" } }, 'tags["acs:env"]', /reserves/);
    expectIssue({ ...devSpec(), tags: { "see-https://x": "1" } }, 'tags["see-https://x"]', /https:\/\//);
    expectValid({ ...devSpec(), tags: Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`t${i}`, "x"])) });
  });
  test("issues of validity rules carry the pack's policy name", () => {
    const issues = issuesOf(withGroup(devSpec(), 1, { nodeCount: 0 }));
    expect(issues).toEqual([expect.objectContaining({ path: "nodeGroups[1].nodeCount", rule: "emr-core-group" })]);
  });
  test("a plain-text external metastore password is refused: it must be a Pulumi secret (the pack cannot tell)", () => {
    const external = (password: unknown) => ({ ...haSpec(), metastore: { type: "USER_RDS", external: { connectionUrl: "jdbc:mysql://rm-x:3306/hivemeta", userName: "hive", password } } });
    expectIssue(external("Hunter2Hunter2"), "metastore.external.password", /plain text/, /requireSecret/);
    expectValid(external(pulumi.secret("Hunter2Hunter2")));
  });
});

describe("duplicate node-group names: refused before the preset merge folds them into one", () => {
  const core = { nodeGroupName: "core", nodeCount: 4, vswitchIds: ["vsw-bp1test0001"] };
  test("two groups named core in the user's list are refused, with the rule (the merge would leave no CORE group)", () => {
    let error: unknown;
    try {
      buildClusterSpec("lake", { preset: "dev-normal", clusterName: "lake", ...NETWORK_SPEC, nodeGroups: [core, { ...core, nodeGroupType: "TASK" }] } as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ClusterSpecError);
    expect((error as ClusterSpecError).issues).toEqual([expect.objectContaining({ path: "nodeGroups[1].nodeGroupName", rule: "emr-node-group-names-unique" })]);
    expect((error as ClusterSpecError).resourceName).toBe("lake");
  });
  test("one override of the preset's core group is fine", () =>
    expect(buildClusterSpec("lake", { preset: "dev-normal", clusterName: "lake", ...NETWORK_SPEC, nodeGroups: [{ nodeGroupName: "master", vswitchIds: ["vsw-bp1test0001"] }, core] } as never).nodeGroups.map((g) => [g.nodeGroupName, g.nodeCount])).toEqual([
      ["master", 1],
      ["core", 4],
    ]));
  test("removing the CORE group is refused", () =>
    expect(() => buildClusterSpec("lake", { preset: "dev-normal", clusterName: "lake", ...NETWORK_SPEC, nodeGroups: [{ nodeGroupName: "core", remove: true }] } as never)).toThrow(/no CORE group/));
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

describe("issue 17: the component refuses what the pack refuses, and no longer what neither should", () => {
  const { metastore: _m, ...noMetastore } = haSpec();
  const item = (applicationName: string, configFileName: string, configItemKey: string, configItemValue: unknown) => ({ applicationName, configFileName, configItemKey, configItemValue });
  test("HA: a second hive.metastore.type item, LOCAL after DLF, is refused (every item counts); the same value twice is not", () => {
    const items = (second: string) => [item("HIVE", "hivemetastore-site.xml", "hive.metastore.type", "DLF"), item("SPARK3", "hive-site.xml", "hive.metastore.type", "DLF"), item("HIVE", "hivemetastore-site.xml", "hive.metastore.type", second)];
    expect(issuesOf({ ...noMetastore, applicationConfigs: items("LOCAL") })).toEqual([
      expect.objectContaining({ path: "applicationConfigs[2].configItemValue", rule: "emr-hive-metastore-type", reason: expect.stringMatching(/2 times with different values/) }),
      expect.objectContaining({ path: "applicationConfigs[2].configItemValue", rule: "emr-ha-external-metastore" }),
    ]);
    expectValid({ ...noMetastore, applicationConfigs: items("DLF") });
  });
  test("USER_RDS written as items with a blank JDBC value is refused", () => {
    const items = [
      item("HIVE", "hivemetastore-site.xml", "hive.metastore.type", "USER_RDS"),
      item("SPARK3", "hive-site.xml", "hive.metastore.type", "USER_RDS"),
      item("HIVE", "hivemetastore-site.xml", "javax.jdo.option.ConnectionURL", " "),
      item("HIVE", "hivemetastore-site.xml", "javax.jdo.option.ConnectionUserName", "hive"),
      item("HIVE", "hivemetastore-site.xml", "javax.jdo.option.ConnectionPassword", pulumi.secret("x")),
    ];
    expectIssue({ ...noMetastore, applicationConfigs: items }, "applicationConfigs[2].configItemValue", /ConnectionURL is empty/);
  });
  test("an OLAP cluster with ZOOKEEPER only and one MASTER group (the provider's own test cluster) is valid: no CORE group is needed without HDFS", () => {
    const spec = devSpec();
    expectValid({ ...spec, clusterType: "OLAP", releaseVersion: "EMR-5.10.0", applications: ["ZOOKEEPER"], metastore: undefined, nodeGroups: [spec.nodeGroups[0]] });
    expectIssue({ ...spec, nodeGroups: [spec.nodeGroups[0]] }, "nodeGroups", /installs HDFS, which keeps its data on CORE nodes, but has no CORE group/);
  });
  test("issues inside a node group name the group: after a preset merge its index is the merged list's, not the user's", () => {
    let error: unknown;
    try {
      buildClusterSpec("lake", { preset: "datalake-ha", clusterName: "lake", ...NETWORK_SPEC, nodeGroups: [{ nodeGroupName: "core", nodeCount: 2.5, vswitchIds: ["vsw-bp1test0001"] }] } as never);
    } catch (e) {
      error = e;
    }
    const issue = (error as ClusterSpecError).issues.find((i) => i.path.endsWith(".nodeCount"));
    expect(issue?.reason).toMatch(/^in node group "core": expected a whole number of at least 0, got 2\.5: .*truncates a fraction, so 2 would be sent; for example 3$/);
  });
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
  test("a group name uses letters, digits, _ and -", () => expectIssue(withGroup(devSpec(), 1, { nodeGroupName: "core; rm -rf /" }), "nodeGroups[1].nodeGroupName", /"core; rm -rf \/" is not made of English or Chinese letters/, /e\.g\. "1st_task"/));
});

describe("guardrails are the pack's alone: the component takes no limits and accepts what only a threshold refuses", () => {
  test("a node group above 50 nodes, above 30 without an acknowledgement, a total above 100, MaxCapacity 150, 24 months: all valid here", () => {
    expectValid(withGroup(devSpec(), 1, { nodeCount: 60 }));
    expectValid(withGroup(haSpec(), 2, { autoScalingPolicy: { constraints: { minCapacity: 2, maxCapacity: 150 } } }));
    expectValid({ ...haSpec(), subscriptionConfig: { paymentDuration: 24 } });
  });
  test("subscription durations are valid per unit: 1-9, 12, 24, 36, 48, 60 months; 1-5 years", () => {
    expectIssue({ ...haSpec(), subscriptionConfig: { paymentDuration: 10 } }, "subscriptionConfig.paymentDuration", /12/);
    expectValid({ ...haSpec(), subscriptionConfig: { paymentDuration: 3, paymentDurationUnit: "Year" } });
    expectIssue({ ...haSpec(), subscriptionConfig: { paymentDuration: 12, paymentDurationUnit: "Year" } }, "subscriptionConfig.paymentDuration", /12 Year; for Year the API accepts 1, 2, 3, 4, 5/);
  });
  test("bootstrap scripts only from oss://", () => {
    const script = (scriptPath: string) => ({ scriptName: "init", scriptPath });
    expectValid({ ...devSpec(), bootstrapScripts: [script("oss://my-bucket/init.sh")] });
    expectIssue({ ...devSpec(), bootstrapScripts: [script("https://example.com/init.sh")] }, "bootstrapScripts[0].scriptPath", /oss:\/\//);
  });
  test("cluster names are within the allowed characters", () => expectIssue({ ...devSpec(), clusterName: "dev$(whoami)" }, "clusterName", /"dev\$\(whoami\)" is not made of/, /starting with a letter/, /e\.g\. "lakehouse-prod"/));
  test("a cluster name is at most 64 characters", () => expectIssue({ ...devSpec(), clusterName: "a".repeat(65) }, "clusterName", /64/));
  test("node-group names may start with a digit; accented Latin and Cyrillic letters are refused", () => {
    expectValid(withGroup(devSpec(), 1, { nodeGroupName: "1st_core" }));
    expectIssue(withGroup(devSpec(), 1, { nodeGroupName: "café" }), "nodeGroups[1].nodeGroupName", /English or Chinese letters/);
    expectIssue({ ...devSpec(), clusterName: "кластер" }, "clusterName", /English or Chinese letters/);
  });
});

describe("protection", () => {
  test("deletionProtection defaults to true", () => expect(checkSpec(devSpec()).spec?.deletionProtection).toBe(true));
  test("turning deletionProtection off is an explicit choice the component allows (the pack flags it)", () =>
    expectValid({ ...devSpec(), deletionProtection: false }));
});

describe("buildClusterSpec", () => {
  test("throws one ClusterSpecError listing every issue", () => {
    const spec = { ...withGroup(devSpec(), 1, { nodeCount: 0, spotStrategy: "SpotAsPriceGo" }), clusterType: "DATALAKE" };
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
    expect(err.message).toMatch(/nodeGroups\[1\]\.nodeCount: node group "core" \(nodeGroups\[1\]\) is a CORE group with 0 nodes/);
  });
  test("an unknown preset is named with the valid ones", () => {
    expect(() => buildClusterSpec("x", { preset: "big" } as never)).toThrow(/unknown preset "big"; use one of datalake-ha, dev-normal/);
  });
});
