/**
 * The zod schema of a node group's auto-scaling policy, in the provider's camelCase field names
 * (`alicloud.types.input.emrv2.ClusterNodeGroupAutoScalingPolicyScalingRule`), with the EMR API's ranges
 * (reference emr-api-2021-03-20 §2, ScalingRule). The provider passes the rules to the API as written and the API
 * refuses an out-of-range value only when the cluster is created or the policy is put, so they are checked here.
 */
import { z } from "zod";
import { EMR_CLUSTER_SCHEMA } from "../policies/rules/provider-schema";
import { enumMessage, providerEnum, providerIntRange } from "./provider-values";

const EMR = EMR_CLUSTER_SCHEMA;
const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
/** A scaling rule's path in the provider's schema table. */
const RULE = "nodeGroups[].autoScalingPolicy.scalingRules[]";

/** `HH:MM`, 24-hour clock, as the API's LaunchTime and TimeConstraints expect. */
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'expected a time "HH:MM", for example "09:00"' });
/** Epoch milliseconds, as a string (the provider's type for StartTime/EndTime). */
const epochMs = z.string().regex(/^\d{13}$/, { error: 'expected epoch milliseconds as a string, for example "1767225600000"' });

export const timeTriggerSchema = z.strictObject({
  launchTime: clockTime,
  startTime: epochMs.optional(),
  endTime: epochMs.optional(),
  /** Seconds a missed launch may still run late. */
  launchExpirationTime: providerIntRange(EMR[`${RULE}.timeTrigger.launchExpirationTime` as const]).optional(),
  recurrenceType: providerEnum(EMR[`${RULE}.timeTrigger.recurrenceType` as const], ["DAILY", "WEEKLY", "MONTHLY"]).optional(),
  /** DAILY: one number 1-31; WEEKLY: "MON,FRI"; MONTHLY: "1-5" or "1,15". */
  recurrenceValue: z.string().min(1).optional(),
});

export const metricsConditionSchema = z.strictObject({
  /** e.g. `yarn_resourcemanager_queue_AvailableMBPercentage`, `yarn_resourcemanager_queue_PendingVCores`. */
  metricName: z.string().min(1),
  statistics: providerEnum(EMR[`${RULE}.metricsTrigger.conditions[].statistics` as const]),
  comparisonOperator: providerEnum(EMR[`${RULE}.metricsTrigger.conditions[].comparisonOperator` as const]),
  threshold: z.number(),
  /** e.g. `[{ key: "queue_name", value: "root" }]`. */
  tags: z.array(z.strictObject({ key: z.string().min(1), value: z.string().optional() })).optional(),
});

export const metricsTriggerSchema = z.strictObject({
  /** Seconds over which the statistic is taken. */
  timeWindow: providerIntRange(EMR[`${RULE}.metricsTrigger.timeWindow` as const]),
  /** Consecutive windows that must match before the rule fires. */
  evaluationCount: providerIntRange(EMR[`${RULE}.metricsTrigger.evaluationCount` as const]),
  /** Seconds after an activity during which the rule does not fire again. */
  coolDownInterval: providerIntRange(EMR[`${RULE}.metricsTrigger.coolDownInterval` as const]).optional(),
  conditionLogicOperator: providerEnum(EMR[`${RULE}.metricsTrigger.conditionLogicOperator` as const]).optional(),
  /** A metrics rule with no condition never fires. */
  conditions: z.array(metricsConditionSchema).min(1),
  timeConstraints: z.array(z.strictObject({ startTime: clockTime.optional(), endTime: clockTime.optional() })).optional(),
});

const ruleBase = {
  ruleName: z.string().min(1).max(64),
  activityType: providerEnum(EMR[`${RULE}.activityType` as const]),
  adjustmentType: providerEnum(EMR[`${RULE}.adjustmentType` as const]).optional(),
  adjustmentValue: providerIntRange(EMR[`${RULE}.adjustmentValue` as const]),
  /** Scale-out only: the fewest nodes an activity adds. */
  minAdjustmentValue: z.number().int().min(1).optional(),
};

const TRIGGER = EMR[`${RULE}.triggerType` as const];
const triggerMessage = enumMessage(TRIGGER);

/** One scaling rule: a TIME_TRIGGER rule carries `timeTrigger`, a METRICS_TRIGGER rule carries `metricsTrigger`. */
export const scalingRuleSchema = z
  .discriminatedUnion(
    "triggerType",
    [
      z.strictObject({ ...ruleBase, triggerType: z.literal(TRIGGER.values[0]), timeTrigger: timeTriggerSchema }),
      z.strictObject({ ...ruleBase, triggerType: z.literal(TRIGGER.values[1]), metricsTrigger: metricsTriggerSchema }),
    ],
    { error: (issue) => triggerMessage(isRecord(issue.input) ? issue.input.triggerType : issue.input) },
  )
  .check((ctx) => {
    if (ctx.value.minAdjustmentValue !== undefined && ctx.value.activityType !== "SCALE_OUT") {
      ctx.issues.push({ code: "custom", input: ctx.value, path: ["minAdjustmentValue"], message: "applies to SCALE_OUT rules only; remove it from this SCALE_IN rule" });
    }
  });
export type ScalingRuleSpec = z.infer<typeof scalingRuleSchema>;

export const autoScalingPolicySchema = z.strictObject({
  /** The provider's 0-2000; a maxCapacity of 0 would be a group that can never run a node, so at least 1 here. */
  constraints: z.strictObject({
    minCapacity: providerIntRange(EMR["nodeGroups[].autoScalingPolicy.constraints.minCapacity"]).default(0),
    maxCapacity: providerIntRange(EMR["nodeGroups[].autoScalingPolicy.constraints.maxCapacity"], 1),
  }),
  /** The rules that scale the group; a policy without rules never scales. */
  scalingRules: z
    .array(scalingRuleSchema)
    .max(100)
    .default([])
    .check((ctx) => {
      const seen = new Set<string>();
      ctx.value.forEach((rule, i) => {
        if (seen.has(rule.ruleName)) {
          ctx.issues.push({ code: "custom", input: rule.ruleName, path: [i, "ruleName"], message: `"${rule.ruleName}" is used by two rules; give each rule its own name` });
        }
        seen.add(rule.ruleName);
      });
    }),
});
