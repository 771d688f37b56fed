/** The catalog's policies on names, tags, scripts and production posture, and on what the provider sends as written. */
import { DEFAULT_PRODUCTION_STACK_PATTERNS, NAME_LIMITS, TAG_RULES } from "../domain";
import { EMR_CLUSTER_SCHEMA } from "../provider-schema";
import { OSS_HDFS_ROOT } from "../provider";
import type { RuleText } from "./types";

export const TAG_COUNT_TEXT = `at most ${TAG_RULES.maxTags} tags`;
const production = `production stacks (productionStacks, default ${DEFAULT_PRODUCTION_STACK_PATTERNS.join(", ")})`;

export function hygieneRules(): RuleText[] {
  return [
    {
      name: "emr-names-and-descriptions",
      kind: "validity",
      level: "mandatory",
      judges: "clusterName and nodeGroups[].nodeGroupName",
      description: `Checks whether the cluster name (an English or Chinese letter first, at most ${NAME_LIMITS.clusterName} characters) and node group names (a digit may come first, at most ${NAME_LIMITS.nodeGroupName}) use only English or Chinese letters, digits, _ and -.`,
      fix: 'rename with English or Chinese letters, digits, "_" and "-", e.g. "lakehouse-prod" (never rename a deployed cluster\'s Pulumi resource)',
    },
    {
      name: "emr-tags",
      kind: "validity",
      level: "mandatory",
      judges: "tags",
      description: `Checks whether the cluster has ${TAG_COUNT_TEXT} (acknowledgement and identity tags included), no key with a reserved prefix (${TAG_RULES.reservedKeyPrefixes.join(", ")}), no ${TAG_RULES.forbiddenFragments.join(" or ")} in keys or values, and keys and values of at most ${TAG_RULES.maxKeyLength} characters.`,
      fix: "drop tags you do not need, choose another key, leave URLs out of tags",
      note: "These are Alibaba Cloud's general tag rules (an assumption: EMR's own page does not state them).",
    },
    {
      name: "emr-bootstrap-scripts-oss",
      kind: "validity",
      level: "mandatory",
      judges: "bootstrapScripts[].scriptPath",
      description: "Checks whether every bootstrap script is read from an oss:// path (never a remote URL or a local path).",
      fix: 'upload the script to your own OSS bucket and use its oss:// path, e.g. "oss://my-bucket/bootstrap/init.sh"',
    },
    {
      name: "emr-production-kerberos",
      kind: "guardrail",
      level: "advisory",
      judges: "securityMode, on production stacks",
      description: `Checks whether clusters on ${production} use securityMode KERBEROS (never downgraded to NORMAL).`,
      fix: 'set securityMode: "KERBEROS" when the cluster is created (the provider never applies a later change)',
      productionStacks: true,
    },
    {
      name: "emr-production-ha",
      kind: "guardrail",
      level: "advisory",
      judges: "deployMode, on production stacks",
      description: `Checks whether clusters on ${production} use deployMode HA.`,
      fix: 'set deployMode: "HA" with 3 MASTER nodes and ZOOKEEPER (the datalake-ha preset)',
      productionStacks: true,
    },
    {
      name: "emr-cluster-names-unique",
      kind: "validity",
      level: "mandatory",
      judges: "clusterName of every cluster of the stack",
      description: "Checks whether every EMR cluster of the stack has its own clusterName.",
      fix: "give each cluster its own clusterName (the stack program refuses duplicates too)",
    },
    {
      name: "emr-oss-hdfs-root-uri",
      kind: "validity",
      level: "mandatory",
      judges: `applications and the applicationConfigs item ${OSS_HDFS_ROOT.applicationName} / ${OSS_HDFS_ROOT.configFileName} / ${OSS_HDFS_ROOT.configItemKey}`,
      description: `Checks whether a cluster with OSS-HDFS sets its root storage directory (${OSS_HDFS_ROOT.applicationName} ${OSS_HDFS_ROOT.configFileName} ${OSS_HDFS_ROOT.configItemKey}) to an OSS-HDFS bucket.`,
      fix: `create a bucket with OSS-HDFS enabled, then set storage.ossHdfsRootUri in the EmrCluster spec, e.g. "${OSS_HDFS_ROOT.example}"`,
      note: "The item names are those of Alibaba's own cluster templates (an assumption, not verifiable offline).",
    },
    {
      name: "emr-subscription-auto-renew",
      kind: "validity",
      level: "mandatory",
      judges: "subscriptionConfig.autoRenew and autoRenewDuration (cluster and node groups)",
      description: "Checks whether every subscriptionConfig with autoRenew also sets autoRenewDuration (the provider sends 0 otherwise).",
      fix: 'set autoRenewDuration and autoRenewDurationUnit, e.g. 1 "Month" (EmrCluster does by default)',
    },
    {
      name: "emr-subscription-auto-pay-order",
      kind: "validity",
      level: "mandatory",
      judges: "subscriptionConfig.autoPayOrder of every Subscription (cluster and node groups)",
      description: "Checks whether every Subscription's subscriptionConfig (cluster or node group) states autoPayOrder (the provider sends false when it is left out, leaving the order unpaid).",
      fix: "set autoPayOrder: true (or false if you pay each order yourself); EmrCluster sets true unless told otherwise",
    },
    {
      name: "emr-provider-schema",
      kind: "validity",
      level: "mandatory",
      judges: "the cluster's enum, range, pattern, whole-number and boolean fields, and those of the stack's RDS instances, databases, accounts, privileges and security groups",
      description: `Checks whether every enum, range, pattern, whole-number and boolean field of the cluster (${Object.keys(EMR_CLUSTER_SCHEMA).length} fields) and of the RDS instances, databases, accounts, privileges and security groups of the stack holds a value the alicloud provider's schema accepts (it refuses the others at preview, or truncates a fraction).`,
      fix: "use a value the provider accepts (each finding names the field's values or range and the provider's source line)",
      note: "One table, rules/provider-schema.ts, read from the provider's source with file:line per entry; the EmrCluster schema reads it too.",
    },
  ];
}
