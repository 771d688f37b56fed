/**
 * EMR on ECS domain facts (2021-03-20 API, alicloud emrv2 provider): enums, names of config items, default
 * limits and acknowledgement tags. This is the one place they live; the policy rules, the components' schema
 * and the API client all import them from here. The provider's own enums come from its schema table
 * (provider-schema.ts), named here for the code that needs one list.
 */
import { EMR_CLUSTER_SCHEMA as S } from "./provider-schema";

export const CLUSTER_TYPES = S.clusterType.values;
export type ClusterType = (typeof CLUSTER_TYPES)[number];

export const DEPLOY_MODES = S.deployMode.values;
export type DeployMode = (typeof DEPLOY_MODES)[number];

export const SECURITY_MODES = S.securityMode.values;
export type SecurityMode = (typeof SECURITY_MODES)[number];

export const PAYMENT_TYPES = S.paymentType.values;
export type PaymentType = (typeof PAYMENT_TYPES)[number];

/** Subscription durations the provider accepts, in months. */
export const PAYMENT_DURATIONS_MONTHS = S["subscriptionConfig.paymentDuration"].values;
/** Durations the API accepts per paymentDurationUnit (the provider accepts Month and Year). */
export const PAYMENT_DURATIONS: Readonly<Record<"Month" | "Year", readonly number[]>> = {
  Month: PAYMENT_DURATIONS_MONTHS,
  Year: [1, 2, 3, 4, 5],
};
export type PaymentDurationUnit = keyof typeof PAYMENT_DURATIONS;
/** Months in one paymentDurationUnit. */
export const MONTHS_PER_UNIT: Readonly<Record<PaymentDurationUnit, number>> = { Month: 1, Year: 12 };

export const NODE_GROUP_TYPES = S["nodeGroups[].nodeGroupType"].values;
export type NodeGroupType = (typeof NODE_GROUP_TYPES)[number];

/**
 * The first release that accepts GATEWAY node groups, per cluster type (Alibaba's "Submit jobs through a cluster
 * Gateway node"). OLAP and DATASERVING have none: they use a separately deployed gateway environment.
 */
export const GATEWAY_SINCE_RELEASE: Readonly<Partial<Record<ClusterType, string>>> = {
  DATALAKE: "EMR-5.10.1",
  DATAFLOW: "EMR-5.10.1",
  CUSTOM: "EMR-5.17.1",
};

/** Orders two releases like `EMR-5.10.1` numerically (-1, 0, 1); undefined when either is not such a release. */
export function compareReleases(a: string, b: string): -1 | 0 | 1 | undefined {
  const parse = (v: string) => /^EMR-(\d+)\.(\d+)\.(\d+)$/.exec(v)?.slice(1).map(Number);
  const [x, y] = [parse(a), parse(b)];
  if (!x || !y) return undefined;
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  return 0;
}

export const SPOT_STRATEGIES = S["nodeGroups[].spotStrategy"].values;
export const CONFIG_SCOPES = S["applicationConfigs[].configScope"].values;

/**
 * Applications that keep data on the CORE nodes, so a cluster that installs one needs a CORE group with nodes. The
 * seed (002) says "CORE stores data (HDFS)"; the provider's own tests create an OLAP cluster with only ZOOKEEPER and
 * one MASTER group, no CORE group (data_source_alicloud_emrv2_clusters_test.go:211-253). ASSUMPTION: other services
 * that may keep data on CORE nodes (HBase, Kudu, StarRocks back ends) are not listed because no source here says so;
 * add them here, the one place, once one does.
 */
export const CORE_DATA_APPLICATIONS = ["HDFS"] as const;

/** Pairs (or sets) of applications of which a cluster may install at most one. */
export const MUTUALLY_EXCLUSIVE_APPLICATIONS: readonly (readonly string[])[] = [
  ["SPARK2", "SPARK3"],
  ["HDFS", "OSS-HDFS"],
  ["STARROCKS2", "STARROCKS3"],
];

/** Internal applications the provider filters out when reading back; listing them causes a perpetual replacement. */
export const INTERNAL_APPLICATIONS = ["METASTORE", "MYSQL", "KERBEROS"] as const;

/** Hive metastore settings live in ordinary ApplicationConfigs items (see reference section 4). */
export const METASTORE = {
  key: "hive.metastore.type",
  hive: { applicationName: "HIVE", configFileName: "hivemetastore-site.xml" },
  /** Spark reads the metastore type from hive-site.xml; applies to whichever Spark application is installed. */
  spark: { applicationNames: ["SPARK3", "SPARK2"], configFileName: "hive-site.xml" },
  types: ["LOCAL", "USER_RDS", "DLF"] as const,
  /** Metastore types that keep the metadata outside the cluster (required in HA mode). */
  externalTypes: ["USER_RDS", "DLF"] as const,
  /**
   * JDBC items of a USER_RDS metastore (file hivemetastore-site.xml). These names are the seed's statement
   * (no public emrv2 example uses them): keep them here so they are easy to correct.
   */
  jdbc: {
    url: "javax.jdo.option.ConnectionURL",
    userName: "javax.jdo.option.ConnectionUserName",
    password: "javax.jdo.option.ConnectionPassword",
  },
} as const;
export type MetastoreType = (typeof METASTORE.types)[number];

/**
 * Auto scaling: the bounds of MinCapacity/MaxCapacity (the provider's schema), and the capacities the API uses when a
 * policy states none (reference emr-api-2021-03-20.md).
 */
export const AUTO_SCALING = {
  maxCapacityLimit: S["nodeGroups[].autoScalingPolicy.constraints.maxCapacity"].max,
  defaultMaxCapacity: 2000,
  defaultMinCapacity: 0,
} as const;

/** Cluster tags (Alibaba Cloud tag rules): at most 20, keys and values up to 128 characters. */
export const TAG_RULES = {
  maxTags: 20,
  maxKeyLength: 128,
  maxValueLength: 128,
  /** Key prefixes reserved for Alibaba Cloud (compared case-insensitively). */
  reservedKeyPrefixes: ["aliyun", "acs:"],
  /** Neither keys nor values may contain these. */
  forbiddenFragments: ["http://", "https://"],
} as const;

/**
 * Name lengths. Cluster names: the API allows 128 characters, the provider's docs say under 64; we keep to 64.
 * Node-group names: up to 128. Descriptions: up to 1024.
 */
export const NAME_LIMITS = { clusterName: 64, nodeGroupName: 128, description: 1024 } as const;

/** Applications a cluster in HA mode must install. */
export const HA_REQUIRED_APPLICATIONS = ["ZOOKEEPER"] as const;
/** MASTER nodes per deploy mode. */
export const MASTER_NODES: Record<DeployMode, number> = { NORMAL: 1, HA: 3 };

/**
 * Safety limits (hard caps). The policy pack makes every one configurable through its configSchema;
 * these are the defaults, also used by the components' schema and the scaling gate.
 */
export interface GuardrailLimits {
  /** Most nodes one node group may have when it is created (RunCluster / CreateNodeGroup). */
  maxNodesPerGroupAtCreate: number;
  /** A node group above this many nodes needs an acknowledgement (tag ACK_TAGS.nodeCount). */
  nodeGroupAckThreshold: number;
  /** A scale-out of more than this many nodes in one update needs an acknowledgement. */
  scaleOutAckThreshold: number;
  /** Most nodes one IncreaseNodes call may add. */
  maxScaleOutPerCall: number;
  /** Most nodes one DecreaseNodes call may release. */
  maxScaleInPerCall: number;
  /** A cluster with more nodes than this in total needs a cost acknowledgement (tag ACK_TAGS.clusterNodes). */
  clusterNodesCostAckThreshold: number;
  /** Highest auto-scaling MaxCapacity. */
  maxAutoScalingCapacity: number;
  /** A subscription longer than this many months needs a cost acknowledgement. */
  subscriptionMonthsAckThreshold: number;
  /**
   * A change that adds more than this to a cluster's monthly cost, in the price book's currency, needs the
   * acknowledgement of that amount (tag ACK_TAGS.monthlyCost). Judged only with a price book (`--prices`).
   */
  monthlyCostAckThreshold: number;
  /** A price book whose oldest price was read more than this many days ago is reported (advisory). */
  priceBookMaxAgeDays: number;
}

/** DecreaseNodes calls on one node group are at least this far apart (seed 002: "BatchInterval ≥ 120 seconds"). */
export const SCALE_IN_BATCH_INTERVAL_SECONDS = 120;

/** The node groups our gates let shrink (seed 002: DecreaseNodes "TASK groups only"). */
export const SCALE_IN_GROUP_TYPES: readonly string[] = ["TASK"];

export const DEFAULT_LIMITS: GuardrailLimits = {
  maxNodesPerGroupAtCreate: 50,
  nodeGroupAckThreshold: 30,
  scaleOutAckThreshold: 20,
  maxScaleOutPerCall: 50,
  maxScaleInPerCall: 10,
  clusterNodesCostAckThreshold: 100,
  maxAutoScalingCapacity: 100,
  subscriptionMonthsAckThreshold: 12,
  // No source sets these two: they are the organisation's to choose (guardrails.json states them); these defaults
  // are this project's starting point, not facts about prices.
  monthlyCostAckThreshold: 5000,
  priceBookMaxAgeDays: 30,
};

/**
 * Acknowledgements are cluster tags, so they travel with any emrv2 Cluster (also one written without our
 * components) and are visible in review. The value is the number the owner signed off.
 */
export const ACK_TAGS = {
  /** Largest node-group size acknowledged, e.g. "40". */
  nodeCount: "emr-guard:ack-node-count",
  /** One scale-out above the threshold in one update, "<group>:<from>-><to>", e.g. "core:40->65". */
  scaleOut: "emr-guard:ack-scale-out",
  /** Largest cluster total acknowledged for cost, e.g. "150". */
  clusterNodes: "emr-guard:ack-cluster-nodes",
  /** Longest subscription acknowledged, in months, e.g. "24". */
  subscriptionMonths: "emr-guard:ack-subscription-months",
  /** One scale-in of a TASK group, "<group>:<from>-><to>", e.g. "task:25->15": the provider lets the service pick the nodes. */
  scaleIn: "emr-guard:ack-scale-in",
  /** One TASK group emptied, "<group>:<from>->0", e.g. "task:6->0" (the old standing "true" is refused). */
  taskGroupToZero: "emr-guard:ack-task-to-zero",
  /** A payment-type switch, "<from>-><to>", e.g. "PayAsYouGo->Subscription". */
  paymentSwitch: "emr-guard:ack-payment-switch",
  /** One of several clusters a plan creates: the cluster's name, e.g. "lakehouse-prod". */
  newCluster: "emr-guard:ack-new-cluster",
  /** A removed or replaced auto-scaling policy: "<group>:remove" or "<group>:replace:<8 hex of the new policy>". */
  autoScaling: "emr-guard:ack-auto-scaling",
  /** One change's added monthly cost, "+<whole amount> <currency>" as the check prints it, e.g. "+5480 CNY". */
  monthlyCost: "emr-guard:ack-monthly-cost",
} as const;

/**
 * The identity of a cluster, set by the EmrCluster component at creation as a tag: `<project>/<stack>/<resource name>`.
 * Cluster names are not unique; the live gate finds "the" live cluster of a program's resource by this tag
 * (ListClusters can filter on tags), never by name alone.
 */
export const IDENTITY_TAG = "emr-guard:identity";

/** Stack names treated as production unless the pack is configured otherwise. */
export const DEFAULT_PRODUCTION_STACK_PATTERNS = ["prod", "prod-*", "production", "*-prod", "prd"] as const;

/** Pulumi type tokens the pack looks at. */
export const TYPES = {
  cluster: "alicloud:emrv2/cluster:Cluster",
  /** The EmrCluster component (components/cluster.ts), the parent of the clusters it builds. */
  component: "emr:index:Cluster",
  securityGroup: "alicloud:ecs/securityGroup:SecurityGroup",
  rdsInstance: "alicloud:rds/instance:Instance",
} as const;
