/**
 * Test aids for the provider's schema table (policies/rules/provider-schema.ts): a value outside each entry, and
 * writing a value at a table path (`nodeGroups[].systemDisk.category`) into a props or spec object, so every entry
 * gets its own failing case from one compliant starting point.
 */
import type { SchemaEntry } from "../../policies/rules/provider-schema";
import { haClusterProps } from "./cluster-props";

/** A value the entry refuses (and, for whole-number fields, the fraction the bridge would truncate). */
export function outside(entry: SchemaEntry): unknown {
  switch (entry.kind) {
    case "oneOf":
      return "NOT_A_VALUE";
    case "intOneOf":
      return 10;
    case "intRange":
      return entry.max + 1;
    case "integer":
      return 0.5;
    case "pattern":
      return "bad_";
    case "length":
      return "x".repeat(entry.max + 1);
    case "boolean":
      return "yes";
  }
}

/** Which item a `[]` step of a path takes: the TASK group (index 2), a metrics rule where one is meant, else the first. */
function itemIndex(list: string, rest: string): number {
  if (list === "nodeGroups") return 2;
  if (list === "scalingRules") return rest.includes("metricsTrigger") ? 1 : 0;
  return 0;
}

/** A deep copy of `target` with `value` written at table path `path`; the concrete path written is returned too. */
export function withValueAt<T>(target: T, path: string, value: unknown): { value: T; path: string } {
  const copy = JSON.parse(JSON.stringify(target)) as T;
  const segments = path.split(".");
  let at: Record<string, unknown> = copy as Record<string, unknown>;
  const concrete: string[] = [];
  segments.forEach((seg, i) => {
    const list = seg.endsWith("[]") ? seg.slice(0, -2) : undefined;
    const last = i === segments.length - 1;
    if (list) {
      const index = itemIndex(list, segments.slice(i + 1).join("."));
      const items = at[list] as Record<string, unknown>[];
      if (!Array.isArray(items) || !items[index]) throw new Error(`no ${list}[${index}] to write ${path} into`);
      concrete.push(`${list}[${index}]`);
      if (last) throw new Error(`a table path never ends in a list: ${path}`);
      at = items[index];
    } else if (last) {
      at[seg] = value;
      concrete.push(seg);
    } else {
      at[seg] ??= {};
      concrete.push(seg);
      at = at[seg] as Record<string, unknown>;
    }
  });
  return { value: copy, path: concrete.join(".") };
}

/** Right inputs of each supporting type of the table, as EmrCluster writes them. */
export const SUPPORTING_PROPS: Readonly<Record<string, Record<string, unknown>>> = {
  "alicloud:rds/instance:Instance": { instanceChargeType: "Prepaid", period: 12, autoRenewPeriod: 1, instanceName: "lake-hive-metastore", dbInstanceStorageType: "cloud_essd", category: "HighAvailability" },
  "alicloud:rds/rdsAccount:RdsAccount": { accountName: "hive", name: "hive", accountType: "Normal" },
  "alicloud:rds/database:Database": { dataBaseName: "hivemeta", name: "hivemeta" },
  "alicloud:rds/accountPrivilege:AccountPrivilege": { privilege: "ReadWrite" },
  "alicloud:ecs/securityGroup:SecurityGroup": { innerAccessPolicy: "Accept", securityGroupType: "normal" },
};

/** A TIME_TRIGGER and a METRICS_TRIGGER rule with every field the table covers (provider and spec shape alike). */
export function scalingRules(): Record<string, unknown>[] {
  return [
    { ruleName: "night", triggerType: "TIME_TRIGGER", activityType: "SCALE_IN", adjustmentType: "CHANGE_IN_CAPACITY", adjustmentValue: 2, timeTrigger: { launchTime: "22:00", launchExpirationTime: 600, recurrenceType: "DAILY", recurrenceValue: "1" } },
    {
      ruleName: "busy",
      triggerType: "METRICS_TRIGGER",
      activityType: "SCALE_OUT",
      adjustmentType: "CHANGE_IN_CAPACITY",
      adjustmentValue: 2,
      metricsTrigger: { timeWindow: 300, evaluationCount: 2, coolDownInterval: 300, conditionLogicOperator: "And", conditions: [{ metricName: "yarn_resourcemanager_queue_PendingVCores", statistics: "AVG", comparisonOperator: "GT", threshold: 10 }] },
    },
  ];
}

/** haClusterProps with every optional field the schema table covers written with a right value. */
export function fullClusterProps(): Record<string, any> {
  const p = haClusterProps();
  p.subscriptionConfig = { ...p.subscriptionConfig, autoRenew: true, autoRenewDuration: 1, autoRenewDurationUnit: "Month" };
  p.nodeAttributes = { ...p.nodeAttributes, dataDiskEncrypted: false, systemDiskEncrypted: false };
  p.applicationConfigs = p.applicationConfigs.map((c: Record<string, unknown>) => ({ ...c, configScope: "CLUSTER" }));
  p.nodeGroups = p.nodeGroups.map((g: Record<string, unknown>) => ({ ...g, paymentType: "PayAsYouGo", deploymentSetStrategy: "NONE", nodeResizeStrategy: "PRIORITY" }));
  const task = p.nodeGroups[2];
  task.subscriptionConfig = { paymentDuration: 1, paymentDurationUnit: "Month", autoRenew: true, autoRenewDuration: 1, autoRenewDurationUnit: "Month", autoPayOrder: true };
  task.spotStrategy = "SpotWithPriceLimit";
  Object.assign(task, { withPublicIp: false, gracefulShutdown: true, spotInstanceRemedy: true });
  task.spotBidPrices = [{ instanceType: "ecs.g7.xlarge", bidPrice: 1 }];
  task.systemDisk = { category: "cloud_essd", size: 120, performanceLevel: "PL1" };
  task.dataDisks = [{ category: "cloud_essd", size: 120, performanceLevel: "PL1" }];
  task.autoScalingPolicy = { constraints: { minCapacity: 2, maxCapacity: 40 }, scalingRules: scalingRules() };
  p.bootstrapScripts = p.bootstrapScripts.map((s: Record<string, unknown>) => ({ ...s, executionMoment: "BEFORE_INSTALL", executionFailStrategy: "FAILED_BLOCK", nodeSelector: { nodeSelectType: "CLUSTER" } }));
  return p;
}

