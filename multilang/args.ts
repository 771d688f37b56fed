/**
 * The public contract of `EmrClusterComponent`, the façade other languages (Python, Go, .NET, YAML) use through
 * `pulumi package add`. Pulumi infers the package schema from these declarations with the TypeScript compiler, so
 * they stay within what that analyzer supports: interfaces, string enums, plain values and `pulumi.Input<T>`, no
 * unions or intersections, and a TSDoc comment on every field (it becomes the SDK's documentation).
 *
 * Structural fields (preset, names, counts, instance types) are plain: the cluster is validated before anything
 * is registered, so they must be known at preview. IDs and secrets are Inputs (a VPC created in the same program).
 * The enums mirror components/presets.ts and policies/rules/domain.ts; a test keeps them equal.
 */
import type * as pulumi from "@pulumi/pulumi";

/** A planning preset: the recommended starting point for a cluster (see the README's preset table). */
export enum Preset {
  /** Production data lake: HA, 3 MASTER + ZooKeeper, OSS-HDFS, Hive metastore on RDS, Subscription. */
  DatalakeHa = "datalake-ha",
  /** Development and test data lake: NORMAL, 1 MASTER, local metastore, pay-as-you-go. */
  DevNormal = "dev-normal",
  /** OLAP (StarRocks 3), HA. */
  OlapHa = "olap-ha",
  /** Streaming (Flink), NORMAL. */
  DataflowNormal = "dataflow-normal",
  /** HBase serving, HA. */
  DataservingHa = "dataserving-ha",
}

/** How the cluster's nodes are billed. */
export enum PaymentType {
  /** Billed by the hour; nodes can be released at any time. */
  PayAsYouGo = "PayAsYouGo",
  /** Prepaid for `subscriptionMonths`; nodes cannot be released before the term ends. */
  Subscription = "Subscription",
}

/** The cluster's security mode. */
export enum SecurityMode {
  /** No Kerberos. */
  Normal = "NORMAL",
  /** Kerberos authentication: recommended for production. */
  Kerberos = "KERBEROS",
}

/** A change to one of the preset's node groups (`master`, `core`, `task`), matched by name. */
export interface NodeGroupOverride {
  /** The preset's node group to change, e.g. "core". A name the preset does not have is refused. */
  name: string;
  /** The number of nodes. Defaults to the preset's count. */
  nodeCount?: number;
  /** ECS instance types, in order of preference, e.g. ["ecs.g7.4xlarge"]. Defaults to the preset's types. */
  instanceTypes?: string[];
  /** Drop this group from the preset (e.g. a cluster without a TASK group). Defaults to false. */
  remove?: boolean;
}

/** An existing ApsaraDB RDS MySQL database for the Hive metastore, instead of the one the component creates. */
export interface ExternalMetastore {
  /** The JDBC URL, e.g. "jdbc:mysql://rm-xxxx.mysql.rds.aliyuncs.com:3306/hivemeta?createDatabaseIfNotExist=true". */
  connectionUrl: pulumi.Input<string>;
  /** The database user. */
  userName: pulumi.Input<string>;
  /** The database password. A secret: never written in plain text to state or logs. */
  password: pulumi.Input<string>;
}

/** The arguments of an `EmrClusterComponent`: a preset plus the values that are yours (network, names, sizes). */
export interface EmrClusterComponentArgs {
  /** The planning preset the cluster starts from. Every other field changes only what it names. */
  preset: Preset;
  /** The EMR cluster's name: letters (incl. Chinese), digits, "_" and "-", at most 64 characters. */
  clusterName: string;
  /** The VPC of the cluster (and of the security group and RDS metastore the component creates). */
  vpcId: pulumi.Input<string>;
  /** The zone of every node, e.g. "cn-hangzhou-i". */
  zoneId: pulumi.Input<string>;
  /** The VSwitch of every node group (and of the RDS metastore); it must be in `zoneId`. */
  vswitchId: pulumi.Input<string>;
  /** The ECS key pair for logging in to the nodes. */
  keyPairName: pulumi.Input<string>;
  /** An existing security group of type normal. Defaults to a new normal security group in the VPC. */
  securityGroupId?: pulumi.Input<string>;
  /** Changes to the preset's node groups, by name. Defaults to the preset's groups unchanged. */
  nodeGroups?: NodeGroupOverride[];
  /** The applications, in upper case, e.g. ["HADOOP-COMMON", "HDFS", "YARN", "SPARK3"]. Defaults to the preset's. */
  applications?: string[];
  /**
   * The root storage directory of an OSS-HDFS cluster: the OSS-HDFS endpoint of a bucket with OSS-HDFS enabled
   * before creation, e.g. "oss://lakehouse-prod.cn-hangzhou.oss-dls.aliyuncs.com/". Required when the cluster
   * installs OSS-HDFS (the datalake-ha preset does). Defaults to none.
   */
  ossHdfsRootUri?: string;
  /** How nodes are billed. Defaults to the preset's payment type. */
  paymentType?: PaymentType;
  /** The Subscription term in months (1-9, 12, 24, 36, 48, 60). Defaults to the preset's term (12 for datalake-ha). */
  subscriptionMonths?: number;
  /** The security mode. Defaults to NORMAL. */
  securityMode?: SecurityMode;
  /** Use an existing RDS database for the Hive metastore. Defaults to the preset's metastore (an RDS instance the component creates, for HA). */
  externalMetastore?: ExternalMetastore;
  /** Tags on the cluster, e.g. {"team": "data"}. Defaults to none (the component adds its identity tag). */
  tags?: { [key: string]: string };
  /** The cloud's deletion protection on the cluster. Turning it off is a separate change the policy pack flags. Defaults to true. */
  deletionProtection?: boolean;
  /** The Pulumi `protect` option on the cluster and the RDS metastore, so `pulumi destroy` fails on them. Defaults to true. */
  protect?: boolean;
}
