/**
 * Planning presets: plain data, the recommended starting point for a cluster. A user's spec is deep-merged over a
 * preset (see merge.ts) and the merged result is validated: a preset never changes what the user states.
 * Network IDs, the cluster name and (with OSS-HDFS) the root storage bucket are left to the stack.
 */
import type { ScalingRuleSpec } from "./auto-scaling";
import type { ClusterSpecInput } from "./spec";

/** A preset may leave out anything the stack supplies (names, network IDs). */
export type Preset = Omit<Partial<ClusterSpecInput>, "nodeAttributes"> & {
  nodeAttributes?: Partial<ClusterSpecInput["nodeAttributes"]>;
};

const RELEASE = "EMR-5.16.0";
const essd = (size: number, count?: number) => ({ category: "cloud_essd" as const, size, ...(count ? { count } : {}) });

/**
 * YARN-load rules for a TASK group: add 2 nodes when the root queue has under 20 % of its memory free for 5
 * minutes, release 1 when over 80 % has been free for 3 x 10 minutes. ASSUMPTION (not verifiable offline): the
 * metric name and its `queue_name` tag are those of EMR's console rules.
 */
const yarnMemoryRules = (): ScalingRuleSpec[] => {
  const memoryFree = (comparisonOperator: "LT" | "GT", threshold: number) => [
    { metricName: "yarn_resourcemanager_queue_AvailableMBPercentage", statistics: "AVG" as const, comparisonOperator, threshold, tags: [{ key: "queue_name", value: "root" }] },
  ];
  return [
    {
      ruleName: "scale-out-yarn-memory",
      triggerType: "METRICS_TRIGGER",
      activityType: "SCALE_OUT",
      adjustmentValue: 2,
      metricsTrigger: { timeWindow: 300, evaluationCount: 1, coolDownInterval: 300, conditions: memoryFree("LT", 20) },
    },
    {
      ruleName: "scale-in-yarn-memory",
      triggerType: "METRICS_TRIGGER",
      activityType: "SCALE_IN",
      adjustmentValue: 1,
      metricsTrigger: { timeWindow: 600, evaluationCount: 3, coolDownInterval: 600, conditions: memoryFree("GT", 80) },
    },
  ];
};

/** Production data lake: HA (3 MASTER + ZooKeeper), storage-compute separation on OSS-HDFS, Hive metastore on RDS, Subscription. */
const datalakeHa: Preset = {
  clusterType: "DATALAKE",
  releaseVersion: RELEASE,
  deployMode: "HA",
  securityMode: "NORMAL",
  paymentType: "Subscription",
  subscriptionConfig: { paymentDuration: 12, paymentDurationUnit: "Month", autoRenew: true },
  applications: ["HADOOP-COMMON", "OSS-HDFS", "YARN", "HIVE", "SPARK3", "ZOOKEEPER"],
  metastore: { type: "USER_RDS" },
  deletionProtection: true,
  nodeGroups: [
    { nodeGroupType: "MASTER", nodeGroupName: "master", nodeCount: 3, instanceTypes: ["ecs.g7.2xlarge"], systemDisk: essd(120), dataDisks: [essd(160, 1)] },
    { nodeGroupType: "CORE", nodeGroupName: "core", nodeCount: 3, instanceTypes: ["ecs.g7.4xlarge"], systemDisk: essd(120), dataDisks: [essd(500, 4)] },
    {
      nodeGroupType: "TASK",
      nodeGroupName: "task",
      nodeCount: 2,
      instanceTypes: ["ecs.g7.4xlarge", "ecs.g6.4xlarge"],
      paymentType: "PayAsYouGo",
      spotStrategy: "SpotAsPriceGo",
      gracefulShutdown: true,
      systemDisk: essd(120),
      dataDisks: [essd(200, 1)],
      autoScalingPolicy: { constraints: { minCapacity: 2, maxCapacity: 40 }, scalingRules: yarnMemoryRules() },
    },
  ],
};

/** Dev/test data lake: NORMAL (1 MASTER), local metastore, PayAsYouGo, a small CORE group. */
const devNormal: Preset = {
  clusterType: "DATALAKE",
  releaseVersion: RELEASE,
  deployMode: "NORMAL",
  securityMode: "NORMAL",
  paymentType: "PayAsYouGo",
  applications: ["HADOOP-COMMON", "HDFS", "YARN", "HIVE", "SPARK3"],
  metastore: { type: "LOCAL" },
  deletionProtection: true,
  nodeGroups: [
    { nodeGroupType: "MASTER", nodeGroupName: "master", nodeCount: 1, instanceTypes: ["ecs.g7.xlarge"], systemDisk: essd(80), dataDisks: [essd(80, 1)] },
    { nodeGroupType: "CORE", nodeGroupName: "core", nodeCount: 2, instanceTypes: ["ecs.g7.xlarge"], systemDisk: essd(80), dataDisks: [essd(80, 2)] },
  ],
};

/** Real-time analytics: StarRocks 3 in HA (3 MASTER for FE quorum), PayAsYouGo. */
const olapHa: Preset = {
  clusterType: "OLAP",
  releaseVersion: RELEASE,
  deployMode: "HA",
  securityMode: "NORMAL",
  paymentType: "PayAsYouGo",
  applications: ["STARROCKS3", "ZOOKEEPER"],
  deletionProtection: true,
  nodeGroups: [
    { nodeGroupType: "MASTER", nodeGroupName: "master", nodeCount: 3, instanceTypes: ["ecs.g7.2xlarge"], systemDisk: essd(120), dataDisks: [essd(200, 1)] },
    { nodeGroupType: "CORE", nodeGroupName: "core", nodeCount: 3, instanceTypes: ["ecs.r7.2xlarge"], systemDisk: essd(120), dataDisks: [essd(500, 2)] },
  ],
};

/** Streaming: Flink on YARN, NORMAL deploy mode, PayAsYouGo. */
const dataflowNormal: Preset = {
  clusterType: "DATAFLOW",
  releaseVersion: RELEASE,
  deployMode: "NORMAL",
  securityMode: "NORMAL",
  paymentType: "PayAsYouGo",
  applications: ["HADOOP-COMMON", "HDFS", "YARN", "FLINK"],
  deletionProtection: true,
  nodeGroups: [
    { nodeGroupType: "MASTER", nodeGroupName: "master", nodeCount: 1, instanceTypes: ["ecs.g7.xlarge"], systemDisk: essd(80), dataDisks: [essd(80, 1)] },
    { nodeGroupType: "CORE", nodeGroupName: "core", nodeCount: 2, instanceTypes: ["ecs.g7.2xlarge"], systemDisk: essd(80), dataDisks: [essd(200, 2)] },
  ],
};

/** NoSQL serving: HBase on HDFS with ZooKeeper, HA, PayAsYouGo. */
const dataservingHa: Preset = {
  clusterType: "DATASERVING",
  releaseVersion: RELEASE,
  deployMode: "HA",
  securityMode: "NORMAL",
  paymentType: "PayAsYouGo",
  applications: ["HADOOP-COMMON", "HDFS", "ZOOKEEPER", "HBASE"],
  deletionProtection: true,
  nodeGroups: [
    { nodeGroupType: "MASTER", nodeGroupName: "master", nodeCount: 3, instanceTypes: ["ecs.g7.2xlarge"], systemDisk: essd(120), dataDisks: [essd(160, 1)] },
    { nodeGroupType: "CORE", nodeGroupName: "core", nodeCount: 3, instanceTypes: ["ecs.r7.2xlarge"], systemDisk: essd(120), dataDisks: [essd(500, 4)] },
  ],
};

export const PRESETS = {
  "datalake-ha": datalakeHa,
  "dev-normal": devNormal,
  "olap-ha": olapHa,
  "dataflow-normal": dataflowNormal,
  "dataserving-ha": dataservingHa,
} as const satisfies Record<string, Preset>;

export type PresetName = keyof typeof PRESETS;
export const PRESET_NAMES = Object.keys(PRESETS) as PresetName[];
