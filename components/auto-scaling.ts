/**
 * The zod schema of a node group's auto-scaling policy, in the provider's camelCase field names
 * (`alicloud.types.input.emrv2.ClusterNodeGroupAutoScalingPolicyScalingRule`), with the EMR API's ranges
 * (reference emr-api-2021-03-20 §2, ScalingRule). The provider passes the rules to the API as written and the API
 * refuses an out-of-range value only when the cluster is created or the policy is put, so they are checked here.
 */
import { z } from "zod";

/** `HH:MM`, 24-hour clock, as the API's LaunchTime and TimeConstraints expect. */
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'expected a time "HH:MM", for example "09:00"' });
/** Epoch milliseconds, as a string (the provider's type for StartTime/EndTime). */
const epochMs = z.string().regex(/^\d{13}$/, { error: 'expected epoch milliseconds as a string, for example "1767225600000"' });

export const timeTriggerSchema = z.strictObject({
  launchTime: clockTime,
  startTime: epochMs.optional(),
  endTime: epochMs.optional(),
  /** Seconds a missed launch may still run late. */
  launchExpirationTime: z.number().int().min(0).max(3600).optional(),
  recurrenceType: z.enum(["DAILY", "WEEKLY", "MONTHLY"]).optional(),
  /** DAILY: one number 1-31; WEEKLY: "MON,FRI"; MONTHLY: "1-5" or "1,15". */
  recurrenceValue: z.string().min(1).optional(),
});

export const metricsConditionSchema = z.strictObject({
  /** e.g. `yarn_resourcemanager_queue_AvailableMBPercentage`, `yarn_resourcemanager_queue_PendingVCores`. */
  metricName: z.string().min(1),
  statistics: z.enum(["MAX", "MIN", "AVG"]),
  comparisonOperator: z.enum(["EQ", "NE", "GT", "LT", "GE", "LE"]),
  threshold: z.number(),
  /** e.g. `[{ key: "queue_name", value: "root" }]`. */
  tags: z.array(z.strictObject({ key: z.string().min(1), value: z.string().optional() })).optional(),
});

export const metricsTriggerSchema = z.strictObject({
  /** Seconds over which the statistic is taken. */
  timeWindow: z.number().int().min(30).max(1800),
  /** Consecutive windows that must match before the rule fires. */
  evaluationCount: z.number().int().min(1).max(5),
  /** Seconds after an activity during which the rule does not fire again. */
  coolDownInterval: z.number().int().min(0).max(10800).optional(),
  conditionLogicOperator: z.enum(["And", "Or"]).optional(),
  /** A metrics rule with no condition never fires. */
  conditions: z.array(metricsConditionSchema).min(1),
  timeConstraints: z.array(z.strictObject({ startTime: clockTime.optional(), endTime: clockTime.optional() })).optional(),
});

const ruleBase = {
  ruleName: z.string().min(1).max(64),
  activityType: z.enum(["SCALE_OUT", "SCALE_IN"]),
  adjustmentType: z.enum(["CHANGE_IN_CAPACITY", "EXACT_CAPACITY"]).optional(),
  adjustmentValue: z.number().int().min(1).max(5000),
  /** Scale-out only: the fewest nodes an activity adds. */
  minAdjustmentValue: z.number().int().min(1).optional(),
};

/** One scaling rule: a TIME_TRIGGER rule carries `timeTrigger`, a METRICS_TRIGGER rule carries `metricsTrigger`. */
export const scalingRuleSchema = z
  .discriminatedUnion("triggerType", [
    z.strictObject({ ...ruleBase, triggerType: z.literal("TIME_TRIGGER"), timeTrigger: timeTriggerSchema }),
    z.strictObject({ ...ruleBase, triggerType: z.literal("METRICS_TRIGGER"), metricsTrigger: metricsTriggerSchema }),
  ])
  .check((ctx) => {
    if (ctx.value.minAdjustmentValue !== undefined && ctx.value.activityType !== "SCALE_OUT") {
      ctx.issues.push({ code: "custom", input: ctx.value, path: ["minAdjustmentValue"], message: "applies to SCALE_OUT rules only; remove it from this SCALE_IN rule" });
    }
  });
export type ScalingRuleSpec = z.infer<typeof scalingRuleSchema>;

export const autoScalingPolicySchema = z.strictObject({
  constraints: z.strictObject({ minCapacity: z.number().int().min(0).default(0), maxCapacity: z.number().int().min(1).max(2000) }),
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
