/** Every preset, completed with a stack's network, is a valid spec and plans the resources it promises. */
import { PRESETS, PRESET_NAMES } from "../../components/presets";
import { buildClusterSpec, ClusterSpecError } from "../../components/validate";
import { toClusterArgs } from "../../components/provider-args";
import { deepMerge } from "../../components/merge";
import { applyNetworkDefaults } from "../../stacks/program";

const NETWORK = { vpcId: "vpc-bp1test0001", zoneId: "cn-hangzhou-i", vswitchIds: ["vsw-bp1test0001"], keyPairName: "emr-admin" };
const ROOT_URI = "oss://lake-test.cn-hangzhou.oss-dls.aliyuncs.com/";
/** What a stack supplies besides the network: the OSS-HDFS bucket of the presets that use OSS-HDFS. */
const STACK_SUPPLIED: Partial<Record<keyof typeof PRESETS, Record<string, unknown>>> = { "datalake-ha": { storage: { ossHdfsRootUri: ROOT_URI } } };

function specFromPreset(preset: keyof typeof PRESETS, overrides: Record<string, unknown> = {}) {
  const merged = applyNetworkDefaults(deepMerge(PRESETS[preset], { clusterName: `c-${preset}`, ...STACK_SUPPLIED[preset], ...overrides }), NETWORK);
  return buildClusterSpec(preset, merged);
}

function issuesOf(fn: () => unknown): { path: string; reason: string }[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof ClusterSpecError) return err.issues;
    throw err;
  }
  return [];
}

describe("presets", () => {
  test("the presets are datalake-ha, dev-normal, olap-ha, dataflow-normal, dataserving-ha", () => {
    expect(PRESET_NAMES).toEqual(["datalake-ha", "dev-normal", "olap-ha", "dataflow-normal", "dataserving-ha"]);
  });

  test.each(PRESET_NAMES)("%s is valid once the stack supplies the network", (name) => {
    expect(() => specFromPreset(name)).not.toThrow();
  });

  test("datalake-ha: production DATALAKE, HA, 3 MASTER, ZooKeeper, OSS-HDFS, external metastore on RDS, Subscription", () => {
    const spec = specFromPreset("datalake-ha");
    expect(spec).toMatchObject({ clusterType: "DATALAKE", deployMode: "HA", paymentType: "Subscription", metastore: { type: "USER_RDS" }, deletionProtection: true });
    expect(spec.applications).toEqual(["HADOOP-COMMON", "OSS-HDFS", "YARN", "HIVE", "SPARK3", "ZOOKEEPER"]);
    expect(spec.nodeGroups.find((g) => g.nodeGroupType === "MASTER")?.nodeCount).toBe(3);
    expect(spec.subscriptionConfig?.paymentDuration).toBe(12);
  });

  test("dev-normal: DATALAKE, NORMAL, 1 MASTER, local metastore, PayAsYouGo, a small CORE group", () => {
    const spec = specFromPreset("dev-normal");
    expect(spec).toMatchObject({ clusterType: "DATALAKE", deployMode: "NORMAL", paymentType: "PayAsYouGo", metastore: { type: "LOCAL" } });
    expect(spec.nodeGroups.map((g) => [g.nodeGroupType, g.nodeCount])).toEqual([
      ["MASTER", 1],
      ["CORE", 2],
    ]);
  });

  test.each([
    ["olap-ha", "OLAP"],
    ["dataflow-normal", "DATAFLOW"],
    ["dataserving-ha", "DATASERVING"],
  ] as const)("%s is a %s cluster", (name, type) => expect(specFromPreset(name).clusterType).toBe(type));

  test("a user's override wins and the merged result is validated", () => {
    const spec = specFromPreset("datalake-ha", { metastore: { type: "DLF" }, nodeGroups: [{ nodeGroupName: "core", nodeCount: 8 }] });
    expect(spec.metastore).toEqual({ type: "DLF" });
    expect(spec.nodeGroups.find((g) => g.nodeGroupName === "core")?.nodeCount).toBe(8);
    expect(() => specFromPreset("datalake-ha", { metastore: { type: "LOCAL" } })).toThrow(/LOCAL/);
  });

  describe("datalake-ha: OSS-HDFS needs its root storage directory, set at creation", () => {
    test("without storage.ossHdfsRootUri it is refused, with the bucket form in the fix", () => {
      const issues = issuesOf(() => specFromPreset("datalake-ha", { storage: null }));
      expect(issues).toEqual([{ path: "applicationConfigs", rule: "emr-oss-hdfs-root-uri", reason: expect.stringMatching(/^OSS-HDFS is installed without its root storage directory.*set storage\.ossHdfsRootUri .*oss:\/\/lakehouse-prod\.cn-hangzhou\.oss-dls\.aliyuncs\.com\//) }]);
    });

    test("a root that is not an OSS-HDFS endpoint is refused", () => {
      const issues = issuesOf(() => specFromPreset("datalake-ha", { storage: { ossHdfsRootUri: "oss://lake-test/warehouse" } }));
      expect(issues.map((i) => i.path)).toEqual(["applicationConfigs[0].configItemValue"]);
    });

    test("with it, the cluster gets the OSS-HDFS common.conf OSS_ROOT_URI item", () => {
      const args = toClusterArgs(specFromPreset("datalake-ha"), { securityGroupId: "sg-1" });
      expect((args.applicationConfigs as unknown[])[0]).toEqual({ applicationName: "OSS-HDFS", configFileName: "common.conf", configItemKey: "OSS_ROOT_URI", configItemValue: ROOT_URI, configScope: "CLUSTER" });
    });
  });

  describe("datalake-ha: the TASK group scales on YARN load", () => {
    test("a METRICS_TRIGGER scale-out and scale-in on the root queue's free memory, within the API's ranges", () => {
      const task = specFromPreset("datalake-ha").nodeGroups.find((g) => g.nodeGroupName === "task")!;
      expect(task.autoScalingPolicy!.scalingRules.map((r) => [r.ruleName, r.triggerType, r.activityType, r.adjustmentValue])).toEqual([
        ["scale-out-yarn-memory", "METRICS_TRIGGER", "SCALE_OUT", 2],
        ["scale-in-yarn-memory", "METRICS_TRIGGER", "SCALE_IN", 1],
      ]);
    });

    test("a rule outside the API's ranges is refused, naming the field", () => {
      const rule = { ruleName: "burst", triggerType: "METRICS_TRIGGER", activityType: "SCALE_IN", adjustmentValue: 6000, minAdjustmentValue: 1, metricsTrigger: { timeWindow: 20, evaluationCount: 1, conditions: [] } };
      const issues = issuesOf(() => specFromPreset("datalake-ha", { nodeGroups: [{ nodeGroupName: "task", autoScalingPolicy: { scalingRules: [rule] } }] }));
      expect(issues.map((i) => i.path).sort()).toEqual([
        "nodeGroups[2].autoScalingPolicy.scalingRules[0].adjustmentValue",
        "nodeGroups[2].autoScalingPolicy.scalingRules[0].metricsTrigger.conditions",
        "nodeGroups[2].autoScalingPolicy.scalingRules[0].metricsTrigger.timeWindow",
        "nodeGroups[2].autoScalingPolicy.scalingRules[0].minAdjustmentValue",
      ]);
    });
  });

  test("presets are never changed by a merge", () => {
    specFromPreset("datalake-ha", { nodeGroups: [{ nodeGroupName: "core", nodeCount: 8 }] });
    expect(PRESETS["datalake-ha"].nodeGroups?.find((g) => g.nodeGroupName === "core")?.nodeCount).toBe(3);
  });
});
