/**
 * The provider this model was written from, and the facts of its emrv2 Cluster resource the model uses: where it
 * refuses at apply (with its own error text), which fields it never applies after creation, which replace.
 * Line numbers are alicloud/resource_alicloud_emrv2_cluster.go unless another file is named.
 */

export const MODELLED_PROVIDER = {
  terraform: "aliyun/terraform-provider-alicloud v1.285.0",
  pulumi: "@pulumi/alicloud 3.108.0",
  file: "alicloud/resource_alicloud_emrv2_cluster.go",
} as const;

const at = (line: number, file = "resource_alicloud_emrv2_cluster.go") => `${file}:${line}`;

/** The provider's apply-time errors, its text with `%s` for the group, and where it returns them. */
export const PROVIDER_REFUSALS = {
  toPayAsYouGo: { message: "EMR cluster can only change paymentType from PayAsYouGo to Subscription.", source: at(2124) },
  switchWithoutGroups: { message: "Subscription paymentType of emr cluster can not contains PayAsYouGo node group with 'MASTER' or 'CORE'.", source: at(2127) },
  payAsYouGoMasterCore: { message: "Subscription paymentType of emr cluster can not contains PayAsYouGo node group with 'MASTER' or 'CORE'.", source: at(2208) },
  switchWithoutConfig: { message: "The '%type' nodeGroup: '%group' is needed parameter 'subscription_config' for changing paymentType.", source: at(2221) },
  masterIncrease: { message: "EMR cluster can not increase the node group type of ['MASTER'].", source: at(2364) },
  decreaseType: { message: "EMR cluster can only decrease the node group type of ['TASK', 'GATEWAY'].", source: at(2394) },
  diskShrink: { message: "EMR cluster can only increase node disk, decrease node disk is not supported.", source: at(2409) },
  diskLocalHddPro: { message: "EMR cluster can not support increase node disk with 'local_hdd_pro' disk type.", source: at(2412) },
  removeRunning: { message: "The [nodeGroup: %group, nodeGroupType: %type] can not delete cause exists running nodes", source: at(2667) },
  groupSwitchWithoutConfig: { message: "The '%type' nodeGroup: '%group' is needed parameter 'subscription_config' for changing paymentType.", source: at(2706) },
  groupToPayAsYouGo: { message: "EMR cluster can only change paymentType from PayAsYouGo to Subscription.", source: at(2740) },
  // Not the provider's: the EMR API's answer to the DecreaseNodes the provider sends (reference emr-api 3.9,
  // "DecreaseNodeCount (int, less than the number of active nodes)"; the engine tier saw it refused).
  apiDecreaseToZero: { message: "DecreaseNodeCount must be less than the number of active nodes (the EMR API's answer to the provider's DecreaseNodes of %group)", source: "EMR API DecreaseNodes (emr-api-2021-03-20 3.9)" },
} as const;
export type RefusalKind = keyof typeof PROVIDER_REFUSALS;

/** The node-group types the provider lets shrink; it refuses the others halfway (decreaseType, 2392-2394). */
export const PROVIDER_DECREASE_GROUP_TYPES: readonly string[] = ["TASK", "GATEWAY"];

/** The provider's error text with the group filled in. */
export const refusalText = (kind: RefusalKind, group = "", type = "") => PROVIDER_REFUSALS[kind].message.replace("%group", group).replace("%type", type);

/** Cluster fields whose change replaces the cluster (ForceNew in the schema: 86, 92, 110, 123, 171-227). */
export const FORCE_NEW_CLUSTER_FIELDS = ["clusterType", "releaseVersion", "deployMode", "applications", "nodeAttributes"] as const;

/** Cluster fields the Update sends a call for (2081-2255, 2930-2990). */
export const APPLIED_CLUSTER_FIELDS = ["tags", "clusterName", "logCollectStrategy", "deletionProtection", "paymentType", "nodeGroups", "bootstrapScripts"] as const;

/** Cluster fields the provider never applies after creation, and what to do instead (Read 1379-1388, 1476-1481). */
export const NOT_APPLIED_CLUSTER_FIELDS: Readonly<Record<string, string>> = {
  applicationConfigs: "change the configuration in the EMR console (or the UpdateApplicationConfigs API) and keep the program in step with it (a rotated metastore password must be changed there too)",
  securityMode: "the security mode is fixed at creation: create a new cluster with the mode you need, migrate, then retire this one",
  resourceGroupId: "move the cluster to the resource group in the Resource Management console (ChangeResourceGroup), then keep the program in step",
  subscriptionConfig: "change the renewal in the EMR console (UpdateClusterAutoRenew), then keep the program in step",
};

/** What to do instead of editing a node-group field the provider never applies. */
export const NEW_GROUP_INSTEAD = "add a new node group with these settings, move the work to it, then step the old group to 0 and remove it";

/** A node group's auto-renewal (subscriptionConfig.autoRenew*): its instances' renewal is the console's, no new group needed. */
export const GROUP_RENEWAL_INSTEAD = "change the renewal of the group's instances in the EMR console (UpdateClusterAutoRenew, AutoRenewInstances), then keep the program in step";

/**
 * Node-group fields the Update does apply for a group that exists (2262-2420, 2672-2676): the rest (system disk, disk
 * category/count/level, graceful shutdown, instance types, network, spot, subscription config, strategies, the type)
 * are never applied. `dataDisks` is applied only as a larger size of the first disk; `paymentType` only as
 * PayAsYouGo -> Subscription in a Subscription cluster.
 */
export const APPLIED_GROUP_FIELDS = ["nodeGroupName", "nodeCount", "autoScalingPolicy", "dataDisks", "paymentType", "ackConfig"] as const;

/**
 * Optional+Computed fields (schema 37-330): left out of the program, they keep what the cluster has, so their absence
 * is no change (the provider fills them from the API). Cluster fields, then node-group fields, in the SDK's names.
 */
export const COMPUTED_CLUSTER_FIELDS = ["paymentType", "deployMode", "securityMode", "resourceGroupId", "logCollectStrategy"] as const;
export const COMPUTED_GROUP_FIELDS = ["paymentType", "deploymentSetStrategy", "nodeResizeStrategy", "withPublicIp", "gracefulShutdown", "spotInstanceRemedy"] as const;

/** The disk category the provider cannot grow (2411-2412). */
export const NO_DISK_GROWTH_CATEGORY = "local_hdd_pro";

/**
 * ForceNew fields of the resources a cluster depends on, by Pulumi type (`file:line` of each in v1.285.0): an edit
 * replaces the resource, which `protect` turns into a preview error and which, for the metastore, loses its data.
 */
export const FORCE_NEW_FIELDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  "alicloud:rds/instance:Instance": {
    engine: "resource_alicloud_db_instance.go:36", zoneId: "resource_alicloud_db_instance.go:107", dbTimeZone: "resource_alicloud_db_instance.go:114",
    vswitchId: "resource_alicloud_db_instance.go:121", babelfishConfig: "resource_alicloud_db_instance.go:291", zoneIdSlaveA: "resource_alicloud_db_instance.go:422",
    zoneIdSlaveB: "resource_alicloud_db_instance.go:428", vpcId: "resource_alicloud_db_instance.go:561",
  },
  "alicloud:rds/rdsAccount:RdsAccount": {
    accountName: "resource_alicloud_rds_account.go:45", name: "resource_alicloud_rds_account.go:53", accountType: "resource_alicloud_rds_account.go:77",
    type: "resource_alicloud_rds_account.go:89", dbInstanceId: "resource_alicloud_rds_account.go:98", instanceId: "resource_alicloud_rds_account.go:105",
  },
  "alicloud:rds/database:Database": {
    instanceId: "resource_alicloud_db_database.go:32", dataBaseName: "resource_alicloud_db_database.go:37", name: "resource_alicloud_db_database.go:49", characterSet: "resource_alicloud_db_database.go:58",
  },
  "alicloud:rds/accountPrivilege:AccountPrivilege": {
    instanceId: "resource_alicloud_db_account_privilege.go:26", accountName: "resource_alicloud_db_account_privilege.go:32", privilege: "resource_alicloud_db_account_privilege.go:38",
  },
  "alicloud:ecs/securityGroup:SecurityGroup": { securityGroupType: "resource_alicloud_security_group.go:59", vpcId: "resource_alicloud_security_group.go:67" },
};

/**
 * The ForceNew fields above that are also Optional+Computed: left out of the program, the provider keeps what the
 * resource has (no diff, so no replacement), as for the cluster's COMPUTED_CLUSTER_FIELDS. Edited, they replace it.
 * test/engine/provider-source.engine.ts holds this list to each field's schema in the provider's source.
 */
export const COMPUTED_FORCE_NEW_FIELDS: Readonly<Record<string, readonly string[]>> = {
  "alicloud:rds/instance:Instance": ["zoneId", "dbTimeZone", "babelfishConfig", "zoneIdSlaveA", "zoneIdSlaveB", "vpcId"],
  "alicloud:rds/rdsAccount:RdsAccount": ["accountName", "name", "accountType", "type", "dbInstanceId", "instanceId"],
  "alicloud:rds/database:Database": ["dataBaseName", "name"],
  "alicloud:rds/accountPrivilege:AccountPrivilege": [],
  "alicloud:ecs/securityGroup:SecurityGroup": ["securityGroupType", "vpcId"],
};
