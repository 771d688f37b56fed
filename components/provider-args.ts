/**
 * Turns a validated spec into the inputs of `alicloud.emrv2.Cluster`. Pure: the supporting resources (security
 * group, RDS metastore) are passed in as values, so the same function also builds the plain view that the policy
 * rules check before anything is registered.
 */
import type * as alicloud from "@pulumi/alicloud";
import * as pulumi from "@pulumi/pulumi";
import { ACK_TAGS, METASTORE } from "../policies/rules/domain";
import type { ApplicationConfigSpec, ClusterSpec, InputString, NodeGroupSpec } from "./spec";

/** Values that come from the supporting resources (or, for validation, placeholders for them). */
export interface SupportingValues {
  securityGroupId: pulumi.Input<string>;
  /** JDBC settings of a USER_RDS metastore. */
  jdbc?: { url: pulumi.Input<string>; userName: pulumi.Input<string>; password: pulumi.Input<string> };
}

const SPARK_APPS: readonly string[] = METASTORE.spark.applicationNames;

/** The hive.metastore.type items (and JDBC items for USER_RDS) that `spec.metastore` stands for. */
export function metastoreConfigItems(spec: ClusterSpec, jdbc: SupportingValues["jdbc"]): ApplicationConfigSpec[] {
  if (!spec.metastore) return [];
  const type = spec.metastore.type;
  const item = (applicationName: string, configFileName: string, configItemKey: string, configItemValue: InputString): ApplicationConfigSpec => ({
    applicationName,
    configFileName,
    configItemKey,
    configItemValue,
    configScope: "CLUSTER",
  });
  const items: ApplicationConfigSpec[] = [];
  const hive = METASTORE.hive;
  if (spec.applications.includes(hive.applicationName)) {
    items.push(item(hive.applicationName, hive.configFileName, METASTORE.key, type));
    if (type === "USER_RDS" && jdbc) {
      items.push(item(hive.applicationName, hive.configFileName, METASTORE.jdbc.url, jdbc.url as InputString));
      items.push(item(hive.applicationName, hive.configFileName, METASTORE.jdbc.userName, jdbc.userName as InputString));
      items.push(item(hive.applicationName, hive.configFileName, METASTORE.jdbc.password, pulumi.secret(jdbc.password)));
    }
  }
  for (const spark of spec.applications.filter((a) => SPARK_APPS.includes(a))) {
    items.push(item(spark, METASTORE.spark.configFileName, METASTORE.key, type));
  }
  return items;
}

/** `acknowledgements` as the `emr-guard:ack-*` tags the policy pack reads. */
export function acknowledgementTags(ack: ClusterSpec["acknowledgements"]): Record<string, string> {
  const tags: Record<string, string> = {};
  if (ack.nodeCount !== undefined) tags[ACK_TAGS.nodeCount] = String(ack.nodeCount);
  if (ack.scaleOut !== undefined) tags[ACK_TAGS.scaleOut] = String(ack.scaleOut);
  if (ack.clusterNodes !== undefined) tags[ACK_TAGS.clusterNodes] = String(ack.clusterNodes);
  if (ack.subscriptionMonths !== undefined) tags[ACK_TAGS.subscriptionMonths] = String(ack.subscriptionMonths);
  if (ack.taskGroupToZero) tags[ACK_TAGS.taskGroupToZero] = "true";
  return tags;
}

function nodeGroupArgs(group: NodeGroupSpec): alicloud.types.input.emrv2.ClusterNodeGroup {
  // The spec's field names are the provider's; only the scaling rules need their loose type narrowed.
  const { autoScalingPolicy, ...rest } = group;
  return {
    ...rest,
    ...(autoScalingPolicy
      ? {
          autoScalingPolicy: {
            constraints: autoScalingPolicy.constraints,
            scalingRules: autoScalingPolicy.scalingRules as unknown as alicloud.types.input.emrv2.ClusterNodeGroupAutoScalingPolicyScalingRule[],
          },
        }
      : {}),
  };
}

/** The full `alicloud.emrv2.Cluster` inputs for a spec. */
export function toClusterArgs(spec: ClusterSpec, supporting: SupportingValues): alicloud.emrv2.ClusterArgs {
  const { securityGroupId: _ownSg, ...attributes } = spec.nodeAttributes;
  return {
    clusterName: spec.clusterName,
    clusterType: spec.clusterType,
    releaseVersion: spec.releaseVersion,
    deployMode: spec.deployMode,
    securityMode: spec.securityMode,
    paymentType: spec.paymentType,
    ...(spec.subscriptionConfig ? { subscriptionConfig: spec.subscriptionConfig } : {}),
    applications: spec.applications,
    applicationConfigs: [...spec.applicationConfigs, ...metastoreConfigItems(spec, supporting.jdbc)],
    // The provider models nodeAttributes as a list of one object.
    nodeAttributes: [{ ...attributes, securityGroupId: supporting.securityGroupId }],
    nodeGroups: spec.nodeGroups.map(nodeGroupArgs),
    bootstrapScripts: spec.bootstrapScripts,
    tags: { ...spec.tags, ...acknowledgementTags(spec.acknowledgements) },
    deletionProtection: spec.deletionProtection,
    ...(spec.resourceGroupId ? { resourceGroupId: spec.resourceGroupId } : {}),
    ...(spec.logCollectStrategy ? { logCollectStrategy: spec.logCollectStrategy } : {}),
  };
}

/**
 * `ignoreChanges` paths for node groups managed by auto scaling: the provider reads nodeCount back from the live
 * count, so without this every deploy would undo the scaling.
 */
export function autoScaledNodeCountPaths(spec: ClusterSpec): string[] {
  return spec.nodeGroups.flatMap((g, i) => (g.autoScalingPolicy ? [`nodeGroups[${i}].nodeCount`] : []));
}
