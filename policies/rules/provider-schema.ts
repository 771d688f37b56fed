/**
 * The alicloud provider's own schema checks (enums, ranges, patterns and whole-number fields) for the fields the
 * EmrCluster component and this pack touch. The provider runs them in its Check, at preview: a value outside them
 * fails `pulumi preview` before any policy runs, and passes the offline check unless the pack knows them too.
 * One table: the component's zod schema (components/spec.ts) and the pack's emr-provider-schema policy read it.
 *
 * Read from terraform-provider-alicloud v1.285.0 (what @pulumi/alicloud 3.108.0 wraps), in its alicloud/ folder;
 * every entry cites `<file>:<line>` of its ValidateFunc (or of its TypeInt). Paths are Pulumi input paths; `[]`
 * stands for every item of a list.
 */

export const PROVIDER_VERSION = "terraform-provider-alicloud v1.285.0 (@pulumi/alicloud 3.108.0)";

/** `<file>.go:<line>` in the provider's alicloud/ folder. */
export type ProviderSource = `${string}.go:${number}`;

/** A string the provider accepts from a fixed list (StringInSlice, case-sensitive). */
export interface OneOf<T extends string = string> {
  kind: "oneOf";
  values: readonly [T, ...T[]];
  source: ProviderSource;
}
/** A whole number from a fixed list (IntInSlice). */
export interface IntOneOf<T extends number = number> {
  kind: "intOneOf";
  values: readonly [T, ...T[]];
  source: ProviderSource;
}
/** A whole number in [min, max] (IntBetween). */
export interface IntRange {
  kind: "intRange";
  min: number;
  max: number;
  source: ProviderSource;
}
/**
 * A whole number (TypeInt without a ValidateFunc). The provider does not refuse a fraction: the Pulumi bridge
 * truncates it (2.5 is sent as 2), so the value sent is not the one written; the pack and the component refuse it.
 */
export interface Integer {
  kind: "integer";
  /** Our own lower bound where the field is a count (the provider has none): the count of nodes is at least 0. */
  min?: number;
  source: ProviderSource;
  /** Another way to a right value, for messages (e.g. "use spotStrategy SpotAsPriceGo"). */
  alternative?: string;
}
/** A string matching a pattern (StringMatch), with the provider's words for it. */
export interface Pattern {
  kind: "pattern";
  pattern: RegExp;
  rule: string;
  example: string;
  source: ProviderSource;
}
/** A string of a length in [min, max] (StringLenBetween). */
export interface Length {
  kind: "length";
  min: number;
  max: number;
  source: ProviderSource;
}
/**
 * A boolean (TypeBool). The bridge hands a string given for it to Go's strconv.ParseBool ("true", "True", "1", "f"…,
 * policies/rules/read.ts lists them): any other string fails the preview.
 */
export interface BooleanField {
  kind: "boolean";
  source: ProviderSource;
}
export type SchemaEntry = OneOf | IntOneOf | IntRange | Integer | Pattern | Length | BooleanField;

const oneOf = <const T extends string>(values: readonly [T, ...T[]], source: ProviderSource): OneOf<T> => ({ kind: "oneOf", values, source });
const intOneOf = <const T extends number>(values: readonly [T, ...T[]], source: ProviderSource): IntOneOf<T> => ({ kind: "intOneOf", values, source });
const intRange = (min: number, max: number, source: ProviderSource): IntRange => ({ kind: "intRange", min, max, source });
const bool = (source: ProviderSource): BooleanField => ({ kind: "boolean", source });

const EMR = "resource_alicloud_emrv2_cluster.go";
/** Payment and renewal durations in months (the same list for the cluster's and a node group's). */
const DURATIONS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 24, 36, 48, 60] as const;

/** `alicloud:emrv2/cluster:Cluster` (resource_alicloud_emrv2_cluster.go). */
export const EMR_CLUSTER_SCHEMA = {
  paymentType: oneOf(["PayAsYouGo", "Subscription"], `${EMR}:46`),
  "subscriptionConfig.paymentDurationUnit": oneOf(["Month", "Year"], `${EMR}:57`),
  "subscriptionConfig.paymentDuration": intOneOf(DURATIONS, `${EMR}:62`),
  "subscriptionConfig.autoRenewDurationUnit": oneOf(["Month", "Year"], `${EMR}:75`),
  "subscriptionConfig.autoRenewDuration": intOneOf(DURATIONS, `${EMR}:80`),
  "subscriptionConfig.autoRenew": bool(`${EMR}:65`),
  "subscriptionConfig.autoPayOrder": bool(`${EMR}:69`),
  deletionProtection: bool(`${EMR}:107`),
  "nodeAttributes.dataDiskEncrypted": bool(`${EMR}:202`),
  "nodeAttributes.systemDiskEncrypted": bool(`${EMR}:215`),
  clusterType: oneOf(["DATALAKE", "OLAP", "DATAFLOW", "DATASERVING", "CUSTOM"], `${EMR}:90`),
  deployMode: oneOf(["NORMAL", "HA"], `${EMR}:115`),
  securityMode: oneOf(["NORMAL", "KERBEROS"], `${EMR}:121`),
  "applicationConfigs[].configScope": oneOf(["CLUSTER", "NODE_GROUP"], `${EMR}:154`),
  "nodeGroups[].nodeGroupType": oneOf(["MASTER", "CORE", "TASK", "GATEWAY", "MASTER-EXTEND"], `${EMR}:237`),
  "nodeGroups[].paymentType": oneOf(["PayAsYouGo", "Subscription"], `${EMR}:247`),
  "nodeGroups[].deploymentSetStrategy": oneOf(["NONE", "CLUSTER", "NODE_GROUP"], `${EMR}:253`),
  "nodeGroups[].nodeResizeStrategy": oneOf(["PRIORITY", "COST_OPTIMIZED"], `${EMR}:259`),
  "nodeGroups[].subscriptionConfig.paymentDurationUnit": oneOf(["Month", "Year"], `${EMR}:270`),
  "nodeGroups[].subscriptionConfig.paymentDuration": intOneOf(DURATIONS, `${EMR}:275`),
  "nodeGroups[].subscriptionConfig.autoRenewDurationUnit": oneOf(["Month", "Year"], `${EMR}:288`),
  "nodeGroups[].subscriptionConfig.autoRenewDuration": intOneOf(DURATIONS, `${EMR}:293`),
  "nodeGroups[].subscriptionConfig.autoRenew": bool(`${EMR}:278`),
  "nodeGroups[].subscriptionConfig.autoPayOrder": bool(`${EMR}:282`),
  "nodeGroups[].withPublicIp": bool(`${EMR}:346`),
  "nodeGroups[].gracefulShutdown": bool(`${EMR}:423`),
  "nodeGroups[].spotInstanceRemedy": bool(`${EMR}:428`),
  "nodeGroups[].spotStrategy": oneOf(["NoSpot", "SpotWithPriceLimit", "SpotAsPriceGo"], `${EMR}:322`),
  "nodeGroups[].spotBidPrices[].bidPrice": { kind: "integer", source: `${EMR}:334`, alternative: 'use spotStrategy "SpotAsPriceGo" (up to the pay-as-you-go price)' } satisfies Integer,
  "nodeGroups[].nodeCount": { kind: "integer", min: 0, source: `${EMR}:361` } satisfies Integer,
  "nodeGroups[].systemDisk.category": oneOf(["cloud_essd", "cloud_efficiency", "cloud_ssd"], `${EMR}:373`),
  "nodeGroups[].systemDisk.performanceLevel": oneOf(["PL0", "PL1", "PL2", "PL3"], `${EMR}:383`),
  "nodeGroups[].dataDisks[].category": oneOf(["cloud_efficiency", "cloud_ssd", "cloud_essd", "cloud", "local_hdd_pro", "local_disk", "local_ssd_pro"], `${EMR}:402`),
  "nodeGroups[].dataDisks[].performanceLevel": oneOf(["PL0", "PL1", "PL2", "PL3"], `${EMR}:412`),
  "nodeGroups[].autoScalingPolicy.scalingRules[].triggerType": oneOf(["TIME_TRIGGER", "METRICS_TRIGGER"], `${EMR}:471`),
  "nodeGroups[].autoScalingPolicy.scalingRules[].activityType": oneOf(["SCALE_OUT", "SCALE_IN"], `${EMR}:476`),
  "nodeGroups[].autoScalingPolicy.scalingRules[].adjustmentType": oneOf(["CHANGE_IN_CAPACITY", "EXACT_CAPACITY"], `${EMR}:481`),
  "nodeGroups[].autoScalingPolicy.scalingRules[].adjustmentValue": intRange(1, 5000, `${EMR}:486`),
  "nodeGroups[].autoScalingPolicy.scalingRules[].timeTrigger.launchExpirationTime": intRange(0, 3600, `${EMR}:512`),
  "nodeGroups[].autoScalingPolicy.scalingRules[].timeTrigger.recurrenceType": oneOf(["MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY"], `${EMR}:517`),
  "nodeGroups[].autoScalingPolicy.scalingRules[].metricsTrigger.timeWindow": intRange(30, 1800, `${EMR}:535`),
  "nodeGroups[].autoScalingPolicy.scalingRules[].metricsTrigger.evaluationCount": intRange(1, 5, `${EMR}:540`),
  "nodeGroups[].autoScalingPolicy.scalingRules[].metricsTrigger.coolDownInterval": intRange(0, 10800, `${EMR}:545`),
  "nodeGroups[].autoScalingPolicy.scalingRules[].metricsTrigger.conditionLogicOperator": oneOf(["And", "Or"], `${EMR}:550`),
  "nodeGroups[].autoScalingPolicy.scalingRules[].metricsTrigger.conditions[].statistics": oneOf(["MAX", "MIN", "AVG"], `${EMR}:580`),
  "nodeGroups[].autoScalingPolicy.scalingRules[].metricsTrigger.conditions[].comparisonOperator": oneOf(["EQ", "NE", "GT", "LT", "GE", "LE"], `${EMR}:585`),
  "nodeGroups[].autoScalingPolicy.constraints.maxCapacity": intRange(0, 2000, `${EMR}:625`),
  "nodeGroups[].autoScalingPolicy.constraints.minCapacity": intRange(0, 2000, `${EMR}:630`),
  "bootstrapScripts[].executionMoment": oneOf(["BEFORE_INSTALL", "AFTER_STARTED", "BEFORE_START"], `${EMR}:851`),
  "bootstrapScripts[].executionFailStrategy": oneOf(["FAILED_CONTINUE", "FAILED_BLOCK"], `${EMR}:856`),
  "bootstrapScripts[].nodeSelector.nodeSelectType": oneOf(["CLUSTER", "NODE_GROUP", "NODE"], `${EMR}:867`),
} as const;

const RDS = "resource_alicloud_db_instance.go";
/** `alicloud:rds/instance:Instance` (resource_alicloud_db_instance.go). */
export const RDS_INSTANCE_SCHEMA = {
  instanceChargeType: oneOf(["Postpaid", "Prepaid", "Serverless"], `${RDS}:68`),
  period: intOneOf([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 24, 36], `${RDS}:74`),
  autoRenewPeriod: intRange(1, 12, `${RDS}:92`),
  instanceName: { kind: "length", min: 2, max: 256, source: `${RDS}:142` } satisfies Length,
  dbInstanceStorageType: oneOf(["local_ssd", "cloud_ssd", "cloud_essd", "cloud_essd2", "cloud_essd3", "general_essd"], `${RDS}:346`),
  category: oneOf(["Basic", "HighAvailability", "AlwaysOn", "Finance", "cluster", "serverless_basic", "serverless_standard", "serverless_ha"], `${RDS}:571`),
} as const;

const ACCOUNT_NAME: Omit<Pattern, "source"> = {
  kind: "pattern",
  pattern: /^[a-z][a-z0-9_]{0,61}[a-z0-9]$/,
  rule: "lower-case letters, digits and _, a letter first and a letter or digit last, 2-63 characters",
  example: "hive",
};
/** `alicloud:rds/rdsAccount:RdsAccount` (resource_alicloud_rds_account.go; `name` is the deprecated spelling). */
export const RDS_ACCOUNT_SCHEMA = {
  accountName: { ...ACCOUNT_NAME, source: "resource_alicloud_rds_account.go:50" },
  name: { ...ACCOUNT_NAME, source: "resource_alicloud_rds_account.go:58" },
  accountType: oneOf(["Normal", "Super", "Sysadmin"], "resource_alicloud_rds_account.go:82"),
} as const satisfies Record<string, SchemaEntry>;

const DATABASE_NAME: Omit<Pattern, "source"> = {
  kind: "pattern",
  pattern: /^[a-z][a-z0-9_-]*[a-z0-9]$/,
  rule: "lower-case letters, digits, _ and -, a letter first and a letter or digit last",
  example: "hivemeta",
};
/** `alicloud:rds/database:Database` (resource_alicloud_db_database.go; `name` is the deprecated spelling). */
export const RDS_DATABASE_SCHEMA = {
  dataBaseName: { ...DATABASE_NAME, source: "resource_alicloud_db_database.go:42" },
  name: { ...DATABASE_NAME, source: "resource_alicloud_db_database.go:54" },
} as const satisfies Record<string, SchemaEntry>;

/** `alicloud:rds/accountPrivilege:AccountPrivilege` (resource_alicloud_db_account_privilege.go). */
export const RDS_ACCOUNT_PRIVILEGE_SCHEMA = {
  privilege: oneOf(["ReadOnly", "ReadWrite", "DDLOnly", "DMLOnly", "DBOwner"], "resource_alicloud_db_account_privilege.go:41"),
} as const;

/** `alicloud:ecs/securityGroup:SecurityGroup` (resource_alicloud_security_group.go). */
export const SECURITY_GROUP_SCHEMA = {
  innerAccessPolicy: oneOf(["Accept", "Drop"], "resource_alicloud_security_group.go:43"),
  securityGroupType: oneOf(["normal", "enterprise"], "resource_alicloud_security_group.go:64"),
} as const;

/** Every table, by Pulumi type token. */
export const PROVIDER_SCHEMA: Readonly<Record<string, Readonly<Record<string, SchemaEntry>>>> = {
  "alicloud:emrv2/cluster:Cluster": EMR_CLUSTER_SCHEMA,
  "alicloud:rds/instance:Instance": RDS_INSTANCE_SCHEMA,
  "alicloud:rds/rdsAccount:RdsAccount": RDS_ACCOUNT_SCHEMA,
  "alicloud:rds/database:Database": RDS_DATABASE_SCHEMA,
  "alicloud:rds/accountPrivilege:AccountPrivilege": RDS_ACCOUNT_PRIVILEGE_SCHEMA,
  "alicloud:ecs/securityGroup:SecurityGroup": SECURITY_GROUP_SCHEMA,
};

/** A sub-list of a provider enum (a component that offers fewer values): typed, so it cannot leave the provider's. */
export function subsetOf<const T extends string, const S extends T>(entry: OneOf<T>, values: readonly [S, ...S[]]): readonly [S, ...S[]] {
  return values;
}
