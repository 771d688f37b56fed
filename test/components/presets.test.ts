/** Every preset, completed with a stack's network, is a valid spec and plans the resources it promises. */
import { PRESETS, PRESET_NAMES } from "../../components/presets";
import { buildClusterSpec } from "../../components/validate";
import { deepMerge } from "../../components/merge";
import { applyNetworkDefaults } from "../../stacks/program";

const NETWORK = { vpcId: "vpc-bp1test0001", zoneId: "cn-hangzhou-i", vswitchIds: ["vsw-bp1test0001"], keyPairName: "emr-admin" };

function specFromPreset(preset: keyof typeof PRESETS, overrides: Record<string, unknown> = {}) {
  const merged = applyNetworkDefaults(deepMerge(PRESETS[preset], { clusterName: `c-${preset}`, ...overrides }), NETWORK);
  return buildClusterSpec(preset, merged as never);
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

  test("presets are never changed by a merge", () => {
    specFromPreset("datalake-ha", { nodeGroups: [{ nodeGroupName: "core", nodeCount: 8 }] });
    expect(PRESETS["datalake-ha"].nodeGroups?.find((g) => g.nodeGroupName === "core")?.nodeCount).toBe(3);
  });
});
