/**
 * The demo clusters `npm run emulator` starts with (SEED=0 starts empty): one per situation emr-status explains,
 * so the README's recipe shows every answer without writing anything first.
 */
import type { EmulatorState } from "./state";

export const DEMO_REGION = "cn-hangzhou";

const SCALE_OUT_RULE = {
  RuleName: "busy-out", TriggerType: "METRICS_TRIGGER", ActivityType: "SCALE_OUT", AdjustmentValue: 2,
  MetricsTrigger: { TimeWindow: 300, EvaluationCount: 1, Conditions: [{ MetricName: "yarn_resourcemanager_queue_PendingVCores", Statistics: "AVG", ComparisonOperator: "GT", Threshold: 8 }] },
};

/** Seeds the demo clusters; returns their ids by name. */
export function seedDemo(state: EmulatorState): Record<string, string> {
  const ids: Record<string, string> = {};
  ids["demo-dev"] = state.seedCluster({
    name: "demo-dev", tags: [{ Key: "emr-guard:identity", Value: "emr-as-code/dev/lake" }],
    groups: [
      { name: "master", type: "MASTER", count: 1 }, { name: "core", type: "CORE", count: 3 },
      { name: "task", type: "TASK", count: 4, autoScalingPolicy: { Constraints: { MinCapacity: 0, MaxCapacity: 20 }, ScalingRules: [SCALE_OUT_RULE] } },
    ],
  }).clusterId;
  ids["demo-prod"] = state.seedCluster({
    name: "demo-prod", paymentType: "Subscription", tags: [{ Key: "emr-guard:identity", Value: "emr-as-code/prod/lake" }],
    groups: [{ name: "master", type: "MASTER", count: 3 }, { name: "core", type: "CORE", count: 4 }, { name: "task", type: "TASK", count: 2, paymentType: "PayAsYouGo" }],
  }).clusterId;
  ids["demo-failed"] = state.seedCluster({
    name: "demo-failed", state: "START_FAILED", deletionProtection: false,
    reason: { Code: "OutOfStock", Message: "The requested resource ecs.g7.xlarge is sold out in cn-hangzhou-i." },
  }).clusterId;
  ids["demo-old"] = state.seedCluster({ name: "demo-old", state: "TERMINATED", deletionProtection: false, reason: { Code: "UserRequest", Message: "released in the console" } }).clusterId;
  return ids;
}
