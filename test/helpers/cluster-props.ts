/**
 * Plain `alicloud:emrv2/cluster:Cluster` inputs, as a program written without our components would send them to the
 * policy pack. Every failing case in the policy tests changes one thing in one of these.
 */
const disk = { category: "cloud_essd", size: 120 };
const group = (nodeGroupType: string, nodeGroupName: string, nodeCount: number, extra: Record<string, unknown> = {}) => ({
  nodeGroupType,
  nodeGroupName,
  nodeCount,
  instanceTypes: ["ecs.g7.xlarge"],
  vswitchIds: ["vsw-bp1test0001"],
  systemDisk: disk,
  dataDisks: [disk],
  ...extra,
});
const metastore = (app: string, file: string, value: string) => ({ applicationName: app, configFileName: file, configItemKey: "hive.metastore.type", configItemValue: value, configScope: "CLUSTER" });

export function haClusterProps(): Record<string, any> {
  return {
    clusterName: "lakehouse-prod",
    clusterType: "DATALAKE",
    releaseVersion: "EMR-5.16.0",
    deployMode: "HA",
    securityMode: "KERBEROS",
    paymentType: "Subscription",
    subscriptionConfig: { paymentDuration: 12, paymentDurationUnit: "Month", autoPayOrder: true },
    deletionProtection: true,
    applications: ["HADOOP-COMMON", "OSS-HDFS", "YARN", "HIVE", "SPARK3", "ZOOKEEPER"],
    applicationConfigs: [
      metastore("HIVE", "hivemetastore-site.xml", "DLF"),
      metastore("SPARK3", "hive-site.xml", "DLF"),
      { applicationName: "OSS-HDFS", configFileName: "common.conf", configItemKey: "OSS_ROOT_URI", configItemValue: "oss://lakehouse-test.cn-hangzhou.oss-dls.aliyuncs.com/", configScope: "CLUSTER" },
    ],
    nodeAttributes: [{ vpcId: "vpc-bp1test0001", zoneId: "cn-hangzhou-i", securityGroupId: "sg-bp1test0001", keyPairName: "kp", ramRole: "AliyunECSInstanceForEMRRole" }],
    nodeGroups: [
      group("MASTER", "master", 3),
      group("CORE", "core", 3),
      group("TASK", "task", 2, { spotStrategy: "SpotAsPriceGo", autoScalingPolicy: { constraints: { minCapacity: 2, maxCapacity: 40 } } }),
    ],
    bootstrapScripts: [{ scriptName: "init", scriptPath: "oss://my-bucket/bootstrap/init.sh", executionMoment: "BEFORE_INSTALL", executionFailStrategy: "FAILED_BLOCK", scriptArgs: "", nodeSelector: { nodeSelectType: "CLUSTER" } }],
    tags: { team: "data" },
  };
}

export function devClusterProps(): Record<string, any> {
  const ha = haClusterProps();
  return {
    ...ha,
    clusterName: "analytics-dev",
    deployMode: "NORMAL",
    securityMode: "NORMAL",
    paymentType: "PayAsYouGo",
    subscriptionConfig: undefined,
    applications: ["HADOOP-COMMON", "HDFS", "YARN", "HIVE", "SPARK3"],
    applicationConfigs: [metastore("HIVE", "hivemetastore-site.xml", "LOCAL"), metastore("SPARK3", "hive-site.xml", "LOCAL")],
    nodeGroups: [group("MASTER", "master", 1), group("CORE", "core", 2)],
    bootstrapScripts: [],
  };
}

export { group as nodeGroupProps, metastore as metastoreItem };
