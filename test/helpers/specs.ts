/** Happy-path cluster specs for tests: every failing case changes one thing in one of these. */
import type { ClusterSpecInput } from "../../components/spec";

const disk = { category: "cloud_essd" as const, size: 120 };
const network = { vswitchIds: ["vsw-bp1test0001"] };

export function devSpec(): ClusterSpecInput {
  return {
    clusterName: "analytics-dev",
    clusterType: "DATALAKE",
    releaseVersion: "EMR-5.16.0",
    deployMode: "NORMAL",
    paymentType: "PayAsYouGo",
    applications: ["HADOOP-COMMON", "HDFS", "YARN", "HIVE", "SPARK3"],
    metastore: { type: "LOCAL" },
    nodeAttributes: { vpcId: "vpc-bp1test0001", zoneId: "cn-hangzhou-i", keyPairName: "emr-admin" },
    nodeGroups: [
      { nodeGroupType: "MASTER", nodeGroupName: "master", nodeCount: 1, instanceTypes: ["ecs.g7.xlarge"], systemDisk: disk, dataDisks: [disk], ...network },
      { nodeGroupType: "CORE", nodeGroupName: "core", nodeCount: 2, instanceTypes: ["ecs.g7.xlarge"], systemDisk: disk, dataDisks: [disk], ...network },
    ],
  };
}

/** A valid scaling rule, so the happy-path TASK policy scales (a policy without rules is warned about). */
const NIGHTLY_SCALE_IN = { ruleName: "nightly-scale-in", triggerType: "TIME_TRIGGER" as const, activityType: "SCALE_IN" as const, adjustmentValue: 2, timeTrigger: { launchTime: "22:00", recurrenceType: "DAILY" as const, recurrenceValue: "1" } };

export function haSpec(): ClusterSpecInput {
  const spec = devSpec();
  return {
    ...spec,
    clusterName: "lakehouse-prod",
    deployMode: "HA",
    paymentType: "Subscription",
    subscriptionConfig: { paymentDuration: 12 },
    applications: ["HADOOP-COMMON", "OSS-HDFS", "YARN", "HIVE", "SPARK3", "ZOOKEEPER"],
    metastore: { type: "USER_RDS" },
    storage: { ossHdfsRootUri: "oss://lakehouse-test.cn-hangzhou.oss-dls.aliyuncs.com/" },
    nodeGroups: [
      { ...spec.nodeGroups[0], nodeCount: 3 },
      { ...spec.nodeGroups[1], nodeCount: 3 },
      { nodeGroupType: "TASK", nodeGroupName: "task", nodeCount: 2, instanceTypes: ["ecs.g7.xlarge"], systemDisk: disk, dataDisks: [disk], ...network, paymentType: "PayAsYouGo", spotStrategy: "SpotAsPriceGo", autoScalingPolicy: { constraints: { minCapacity: 2, maxCapacity: 40 }, scalingRules: [NIGHTLY_SCALE_IN] } },
    ],
  };
}

/** The network part a preset leaves to the stack. */
export const NETWORK = {
  nodeAttributes: { vpcId: "vpc-bp1test0001", zoneId: "cn-hangzhou-i", keyPairName: "emr-admin" },
};
