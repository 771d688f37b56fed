/**
 * The starting point of every example: a production-grade emrv2 cluster written by hand, without our components
 * (HA, KERBEROS, DLF metastore, protected, normal security group created in the stack). Each example changes one
 * thing to break one guardrail, so the policy pack must catch it on its own.
 */
import * as alicloud from "@pulumi/alicloud";
import * as pulumi from "@pulumi/pulumi";

export type ClusterArgs = {
  -readonly [K in keyof alicloud.emrv2.ClusterArgs]: any;
};

const disk = { category: "cloud_essd", size: 120 };
export const group = (nodeGroupType: string, nodeGroupName: string, nodeCount: number, extra: Record<string, unknown> = {}) => ({
  nodeGroupType,
  nodeGroupName,
  nodeCount,
  instanceTypes: ["ecs.g7.2xlarge"],
  vswitchIds: ["vsw-bp1exampleplaceholder"],
  systemDisk: disk,
  dataDisks: [disk],
  ...extra,
});

export const metastoreItem = (applicationName: string, configFileName: string, configItemKey: string, configItemValue: pulumi.Input<string>) => ({
  applicationName,
  configFileName,
  configItemKey,
  configItemValue,
  configScope: "CLUSTER",
});

/** The root storage directory OSS-HDFS needs (emr-oss-hdfs-root-uri): keep it when replacing applicationConfigs. */
export const ossHdfsRoot = metastoreItem("OSS-HDFS", "common.conf", "OSS_ROOT_URI", "oss://lake-example.cn-hangzhou.oss-dls.aliyuncs.com/");

export function compliantArgs(name: string, securityGroupId: pulumi.Input<string>): ClusterArgs {
  return {
    clusterName: name,
    clusterType: "DATALAKE",
    releaseVersion: "EMR-5.16.0",
    deployMode: "HA",
    securityMode: "KERBEROS",
    paymentType: "PayAsYouGo",
    deletionProtection: true,
    applications: ["HADOOP-COMMON", "OSS-HDFS", "YARN", "HIVE", "SPARK3", "ZOOKEEPER"],
    applicationConfigs: [
      metastoreItem("HIVE", "hivemetastore-site.xml", "hive.metastore.type", "DLF"),
      metastoreItem("SPARK3", "hive-site.xml", "hive.metastore.type", "DLF"),
      ossHdfsRoot,
    ],
    nodeAttributes: [{ vpcId: "vpc-bp1exampleplaceholder", zoneId: "cn-hangzhou-i", securityGroupId, keyPairName: "emr-admin", ramRole: "AliyunECSInstanceForEMRRole" }],
    nodeGroups: [group("MASTER", "master", 3), group("CORE", "core", 3), group("TASK", "task", 2, { spotStrategy: "SpotAsPriceGo" })],
    tags: { example: "true" },
  };
}

export interface ExampleOptions {
  /** The security group to create (default: a normal one); `false` uses an external ID instead. */
  securityGroup?: alicloud.ecs.SecurityGroupArgs | false;
  /** Resource options of the cluster (default: protected). */
  opts?: pulumi.CustomResourceOptions;
}

/** Declares the example's cluster after `change` has broken one thing in the compliant arguments. */
export function exampleCluster(name: string, change: (args: ClusterArgs) => void, options: ExampleOptions = {}): alicloud.emrv2.Cluster {
  const sgId =
    options.securityGroup === false
      ? "sg-bp1externalplaceholder"
      : new alicloud.ecs.SecurityGroup(`${name}-sg`, { vpcId: "vpc-bp1exampleplaceholder", securityGroupType: "normal", ...options.securityGroup }).id;
  const args = compliantArgs(name, sgId);
  change(args);
  return new alicloud.emrv2.Cluster(name, args as alicloud.emrv2.ClusterArgs, { protect: true, ...options.opts });
}
