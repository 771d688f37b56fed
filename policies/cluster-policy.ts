/**
 * Binds a pure rule to a CrossGuard resource policy: its level, its configSchema (the thresholds it uses, with the
 * pack's defaults), and the translation of outcomes into violations. Applies to every
 * `alicloud:emrv2/cluster:Cluster`, written with our components or by hand.
 */
import type { EnforcementLevel, PolicyConfigSchema, ReportViolation, ResourceValidation, ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import { forClusters } from "./cluster-type";
import { ruleContext, runRuleOnView, TYPES, type ClusterRule, type GuardrailLimits } from "./rules/index";
import { policyEntry, propertyInfo, type PolicyEntry } from "./rules/catalog";
import { sharedView } from "./props";
import { stackOfUrn } from "./engine";

export interface ClusterPolicyConfig extends Partial<GuardrailLimits> {
  productionStacks?: string[];
}

export interface ClusterPolicyOptions {
  remediateResource?: ResourceValidationPolicy["remediateResource"];
  /**
   * Resources of other types the same policy judges (emr-provider-schema checks the RDS metastore too). The policy's
   * validation then checks the type itself: the SDK reads every resource's props for it (once per request, see
   * sdk-deserialize.ts), where a cluster-only policy lets the SDK skip the other types unread.
   */
  otherTypes?: { types: readonly string[]; validate: (args: ResourceValidationArgs, reportViolation: ReportViolation) => void };
}

/** The configSchema of a catalog entry: its thresholds and production patterns, with the pack's defaults. */
export function configSchemaFor(entry: PolicyEntry): PolicyConfigSchema | undefined {
  const properties: PolicyConfigSchema["properties"] = {};
  for (const p of propertyInfo(entry)) {
    properties[p.key] =
      p.type === "integer"
        ? { type: "integer", minimum: 0, default: p.default, description: p.description }
        : { type: "array", items: { type: "string" }, default: [...p.default], description: p.description };
  }
  return Object.keys(properties).length ? { properties } : undefined;
}

/** The rule context for one resource: the policy's config over the pack's defaults (the CLI sends {} when unset). */
export function contextFor(args: Pick<ResourceValidationArgs, "urn" | "getConfig">) {
  const config = args.getConfig<ClusterPolicyConfig>() ?? {};
  const { productionStacks, ...limits } = config;
  return ruleContext(limits, { stackName: stackOfUrn(args.urn), productionStacks });
}

/** The policy of a rule, at its catalog level (validity rules: mandatory) with its catalog configSchema. */
export function clusterPolicy(rule: ClusterRule, options: ClusterPolicyOptions = {}): ResourceValidationPolicy {
  const entry = policyEntry(rule.name);
  const judgeCluster = (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
    const outcome = runRuleOnView(rule, sharedView(args.urn, args.props), contextFor(args));
    if (outcome.kind === "non-compliant") {
      for (const f of outcome.findings) reportViolation(`${f.path}: ${f.message}. Fix: ${f.fix}.`, args.urn);
    }
  };
  const enforcementLevel: EnforcementLevel = entry.level;
  return {
    name: rule.name,
    description: entry.description,
    enforcementLevel,
    configSchema: configSchemaFor(entry),
    validateResource: options.otherTypes ? withOtherTypes(judgeCluster, options.otherTypes) : forClusters(judgeCluster),
    ...(options.remediateResource ? { remediateResource: options.remediateResource } : {}),
  };
}

/** One validation for clusters and the other types of `other`; every other resource is left alone. */
function withOtherTypes(judgeCluster: ResourceValidation, other: NonNullable<ClusterPolicyOptions["otherTypes"]>): ResourceValidation {
  return (args, reportViolation) => {
    if (args.type === TYPES.cluster) return judgeCluster(args, reportViolation);
    if (other.types.includes(args.type)) other.validate(args, reportViolation);
  };
}

/** A policy's name, description and default level, from its catalog entry (for the policies not built by clusterPolicy). */
export function policyHeader(name: string): { name: string; description: string; enforcementLevel: EnforcementLevel } {
  const entry = policyEntry(name);
  return { name, description: entry.description, enforcementLevel: entry.level };
}
