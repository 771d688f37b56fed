/**
 * The pure rules of the EMR guardrails: one list, used by the policy pack (policies/*.ts) and by the EmrCluster
 * component's schema (components/validate.ts), so the two never disagree.
 */
import { DEFAULT_LIMITS, DEFAULT_PRODUCTION_STACK_PATTERNS, type GuardrailLimits } from "./domain";
import { autoScalingMaxCapacity, clusterTotalNodesAck, nodeGroupCreationCap, nodeGroupSizeAck, subscriptionDurationAck } from "./capacity";
import { bootstrapScriptsFromOss, namesAndDescriptions, productionHa, productionKerberos } from "./hygiene";
import { haExternalMetastore, hiveMetastoreType, sparkMetastoreMatchesHive } from "./metastore";
import { deletionProtection } from "./protection";
import { applicationExclusion, deployModeMasters, haZookeeper, nodeGroupRoles, taskOnlyFeatures, vswitchIdsRequired } from "./topology";
import { findingsOf, type ClusterRule, type Finding, type Outcome, type RuleContext } from "./types";
import { clusterView } from "./view";

export * from "./domain";
export * from "./types";
export { clusterView, isKnown, MALFORMED, type ClusterView, type GroupView } from "./view";
export { checkScaleChange } from "./capacity";
export { checkClusterName, checkDescription, checkNodeGroupName, checkRootPassword, isProductionStack } from "./hygiene";
export { checkJdbcPasswordSource, checkMetastoreRdsVpc, jdbcPasswordItem } from "./metastore";
export { checkProtectOption } from "./protection";

/** Per-resource rules whose policies are mandatory by default: the component refuses what they refuse. */
export const MANDATORY_RULES: readonly ClusterRule[] = [
  nodeGroupCreationCap,
  nodeGroupSizeAck,
  clusterTotalNodesAck,
  autoScalingMaxCapacity,
  subscriptionDurationAck,
  deployModeMasters,
  haZookeeper,
  nodeGroupRoles,
  taskOnlyFeatures,
  vswitchIdsRequired,
  applicationExclusion,
  hiveMetastoreType,
  sparkMetastoreMatchesHive,
  haExternalMetastore,
  deletionProtection,
  namesAndDescriptions,
  bootstrapScriptsFromOss,
];

/** Per-resource rules whose policies are advisory by default. */
export const ADVISORY_RULES: readonly ClusterRule[] = [productionKerberos, productionHa];

export const ALL_RULES: readonly ClusterRule[] = [...MANDATORY_RULES, ...ADVISORY_RULES];

export function ruleContext(limits?: Partial<GuardrailLimits>, context: { stackName?: string; productionStacks?: readonly string[] } = {}): RuleContext {
  return {
    limits: { ...DEFAULT_LIMITS, ...stripUndefined(limits ?? {}) },
    stackName: context.stackName,
    productionStacks: context.productionStacks ?? DEFAULT_PRODUCTION_STACK_PATTERNS,
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Runs one rule; a rule that throws (a bug) reports itself instead of failing the caller. */
export function runRule(rule: ClusterRule, props: unknown, ctx: RuleContext): Outcome {
  try {
    return rule.check(clusterView(props), ctx);
  } catch (err) {
    return { kind: "non-compliant", findings: [{ rule: rule.name, path: "(rule)", message: `the rule failed on this input: ${String(err)}`, fix: "report this as a bug of the emr-guardrails pack" }] };
  }
}

/**
 * The violations of every mandatory-by-default rule on a cluster's inputs (in the alicloud emrv2 Cluster shape).
 * Unknown values are not violations: they are checked again once known.
 */
export function checkClusterSpec(props: unknown, limits?: Partial<GuardrailLimits>, context: { stackName?: string } = {}): Finding[] {
  const ctx = ruleContext(limits, context);
  return MANDATORY_RULES.flatMap((rule) => findingsOf(runRule(rule, props, ctx)));
}
export { sameVpc, type VpcRef } from "./metastore";
export * as change from "./change";
