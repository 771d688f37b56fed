/**
 * The pure rules of the EMR guardrails: one list, used by the policy pack (policies/*.ts) and by the EmrCluster
 * component's schema (components/validate.ts, validity rules only), so the two never disagree.
 */
import { DEFAULT_LIMITS, DEFAULT_PRODUCTION_STACK_PATTERNS, type GuardrailLimits } from "./domain";
import { autoScalingBounds } from "./auto-scaling";
import { autoScalingMaxCapacity, clusterTotalNodesAck, nodeGroupSize } from "./capacity";
import { policyEntry, POLICY_CATALOG } from "./catalog";
import { parseGuardrailConfig, type GuardrailConfigResult } from "./guardrail-config";
import { bootstrapScriptsFromOss, namesAndDescriptions, productionHa, productionKerberos, tagsValid } from "./hygiene";
import { haExternalMetastore, hiveMetastoreType, sparkMetastoreMatchesHive } from "./metastore";
import { subscriptionConfigValid, subscriptionDurationAck } from "./payment";
import { deletionProtection } from "./protection";
import { ossHdfsRootUri, subscriptionAutoPayOrder, subscriptionAutoRenewDuration } from "./provider";
import { providerSchemaValues } from "./provider-schema-check";
import { applicationExclusion, coreGroupPresent, deployModeMasters, haZookeeper, internalApplications, nodeGroupNamesUnique, nodeGroupRoles, taskOnlyFeatures, vswitchIdsRequired } from "./topology";
import { findingsOf, type Finding, type Outcome, type RuleContext } from "./types";
import type { ClusterRule } from "./rule";
import { clusterView, type ClusterView } from "./view";

export * from "./domain";
export * from "./types";
export * from "./rule";
export { clusterView, isKnown, MALFORMED, type ClusterView, type GroupView } from "./view";
export { ignoreChangesCovers } from "./auto-scaling";
export { CHANGE_CATALOG, ENFORCEMENT_LEVELS, POLICY_CATALOG, RULE_CATALOG, policyEntry, ruleEntry, type EnforcementLevel, type PolicyEntry, type RuleEntry, type RuleKind } from "./catalog";
export { GUARDRAIL_CONFIG_FILE, type GuardrailConfig, type GuardrailConfigResult } from "./guardrail-config";
export { checkClusterName, checkClusterNamesUnique, checkDescription, checkNodeGroupName, isProductionStack } from "./hygiene";
export { checkJdbcPasswordSource, checkMetastoreRdsVpc, jdbcPasswordItem } from "./metastore";
export { checkProtectOption } from "./protection";

/** Per-resource rules whose policies are mandatory by default (their levels: the catalog; a test holds the two lists to it). */
export const MANDATORY_RULES: readonly ClusterRule[] = [
  nodeGroupSize,
  clusterTotalNodesAck,
  autoScalingMaxCapacity,
  autoScalingBounds,
  subscriptionDurationAck,
  subscriptionConfigValid,
  deployModeMasters,
  haZookeeper,
  coreGroupPresent,
  nodeGroupRoles,
  nodeGroupNamesUnique,
  taskOnlyFeatures,
  vswitchIdsRequired,
  applicationExclusion,
  internalApplications,
  hiveMetastoreType,
  sparkMetastoreMatchesHive,
  haExternalMetastore,
  deletionProtection,
  namesAndDescriptions,
  tagsValid,
  bootstrapScriptsFromOss,
  ossHdfsRootUri,
  subscriptionAutoRenewDuration,
  subscriptionAutoPayOrder,
  providerSchemaValues,
];

/** Per-resource rules whose policies are advisory by default. */
export const ADVISORY_RULES: readonly ClusterRule[] = [productionKerberos, productionHa];

export const ALL_RULES: readonly ClusterRule[] = [...MANDATORY_RULES, ...ADVISORY_RULES];

/** The rules the EmrCluster component refuses (what the cloud would refuse, or what is inconsistent). */
export const VALIDITY_RULES: readonly ClusterRule[] = ALL_RULES.filter((r) => policyEntry(r.name).kind === "validity");


/** Parses a `--policy-pack-config` document (guardrails.json) against the pack's policies; strict. */
export function parseGuardrails(document: unknown): GuardrailConfigResult {
  return parseGuardrailConfig(document, POLICY_CATALOG);
}

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
  return runOn(rule, () => clusterView(props), ctx);
}

/** The same on a view built once for several rules (the pack shares one per resource and analyzer call). */
export function runRuleOnView(rule: ClusterRule, view: ClusterView, ctx: RuleContext): Outcome {
  return runOn(rule, () => view, ctx);
}

function runOn(rule: ClusterRule, view: () => ClusterView, ctx: RuleContext): Outcome {
  try {
    return rule.check(view(), ctx);
  } catch (err) {
    return { kind: "non-compliant", findings: [{ rule: rule.name, path: "(rule)", message: `the rule failed on this input: ${String(err)}`, fix: "report this as a bug of the emr-guardrails pack" }] };
  }
}

/**
 * The violations of every validity rule on a cluster's inputs (in the alicloud emrv2 Cluster shape): what the
 * EmrCluster component refuses. Guardrails (thresholds, acknowledgements, posture) are the pack's alone.
 * Unknown values are not violations: they are checked again once known.
 */
export function checkClusterSpec(props: unknown, context: { stackName?: string } = {}): Finding[] {
  const ctx = ruleContext({}, context);
  return VALIDITY_RULES.flatMap((rule) => findingsOf(runRule(rule, props, ctx)));
}

/**
 * The violations of every rule whose policy is mandatory by default (validity and the mandatory guardrails, at the
 * given limits): what a direct API write (EmrClient.runCluster) refuses, as the pack would with its defaults.
 */
export function checkMandatoryRules(props: unknown, limits?: Partial<GuardrailLimits>, context: { stackName?: string } = {}): Finding[] {
  const ctx = ruleContext(limits, context);
  return MANDATORY_RULES.flatMap((rule) => findingsOf(runRule(rule, props, ctx)));
}
export { sameVpc, type VpcRef } from "./metastore";
