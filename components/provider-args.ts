/**
 * Turns a validated spec into the inputs of `alicloud.emrv2.Cluster`. Pure: the supporting resources (security
 * group, RDS metastore) are passed in as values, so the same function also builds the plain view that the policy
 * rules check before anything is registered.
 */
import type * as emrv2 from "@pulumi/alicloud/emrv2";
import type * as inputs from "@pulumi/alicloud/types/input";
import * as pulumi from "@pulumi/pulumi";
import { IDENTITY_TAG, METASTORE } from "../policies/rules/domain";
import { OSS_HDFS_ROOT } from "../policies/rules/provider";
import { acknowledgementTags } from "./acknowledgements";
import type { ApplicationConfigSpec, ClusterSpec, InputString, NodeGroupSpec } from "./spec";

/** Values that come from the supporting resources (or, for validation, placeholders for them). */
export interface SupportingValues {
  securityGroupId: pulumi.Input<string>;
  /** JDBC settings of a USER_RDS metastore. */
  jdbc?: { url: pulumi.Input<string>; userName: pulumi.Input<string>; password: pulumi.Input<string> };
  /** The IDENTITY_TAG value, `<project>/<stack>/<resource name>`: how the live gate finds this cluster. */
  identity?: string;
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

/** The OSS-HDFS root storage directory item that `storage.ossHdfsRootUri` stands for. */
export function storageConfigItems(spec: ClusterSpec): ApplicationConfigSpec[] {
  const uri = spec.storage.ossHdfsRootUri;
  if (uri === undefined || !spec.applications.includes(OSS_HDFS_ROOT.applicationName)) return [];
  const { applicationName, configFileName, configItemKey } = OSS_HDFS_ROOT;
  return [{ applicationName, configFileName, configItemKey, configItemValue: uri, configScope: "CLUSTER" }];
}

/**
 * A node group's payment, stated by the group or taken from the cluster. The provider sends a group without its
 * own paymentType as PaymentType "", and a later IncreaseNodes pays only when the group's subscriptionConfig says
 * AutoPayOrder (the API's default is an unpaid order); the spec always carries autoPayOrder (true unless the user
 * says otherwise). A Spot group is always PayAsYouGo.
 */
export function nodeGroupPayment(group: NodeGroupSpec, spec: ClusterSpec): Pick<inputs.emrv2.ClusterNodeGroup, "paymentType" | "subscriptionConfig"> {
  const spot = group.spotStrategy !== undefined && group.spotStrategy !== "NoSpot";
  const paymentType = group.paymentType ?? (spot ? "PayAsYouGo" : spec.paymentType);
  if (paymentType !== "Subscription") return { paymentType };
  const config = group.subscriptionConfig ?? spec.subscriptionConfig;
  return { paymentType, ...(config ? { subscriptionConfig: config } : {}) };
}

function nodeGroupArgs(group: NodeGroupSpec, spec: ClusterSpec): inputs.emrv2.ClusterNodeGroup {
  // The spec's field names and types are the provider's.
  return { ...group, ...nodeGroupPayment(group, spec) };
}

/** The full `alicloud.emrv2.Cluster` inputs for a spec. */
export function toClusterArgs(spec: ClusterSpec, supporting: SupportingValues): emrv2.ClusterArgs {
  const { securityGroupId: _ownSg, ...attributes } = spec.nodeAttributes;
  return {
    clusterName: spec.clusterName,
    clusterType: spec.clusterType,
    releaseVersion: spec.releaseVersion,
    deployMode: spec.deployMode,
    securityMode: spec.securityMode,
    paymentType: spec.paymentType,
    // With its autoPayOrder written out: left out, the provider would send false (an unpaid order).
    ...(spec.subscriptionConfig ? { subscriptionConfig: spec.subscriptionConfig } : {}),
    applications: spec.applications,
    applicationConfigs: [...spec.applicationConfigs, ...storageConfigItems(spec), ...metastoreConfigItems(spec, supporting.jdbc)],
    // The provider models nodeAttributes as a list of one object.
    nodeAttributes: [{ ...attributes, securityGroupId: supporting.securityGroupId }],
    nodeGroups: spec.nodeGroups.map((g) => nodeGroupArgs(g, spec)),
    bootstrapScripts: spec.bootstrapScripts,
    tags: {
      ...spec.tags,
      ...acknowledgementTags(spec.acknowledgements, spec.clusterName),
      ...(supporting.identity ? { [IDENTITY_TAG]: supporting.identity } : {}),
    },
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
