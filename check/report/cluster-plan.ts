/**
 * What will be built, in a reviewer's shape: each cluster's merged spec as the provider receives it (instance types,
 * disks, payment of the cluster and of each group, auto-scaling bounds and rules, ignoreChanges, protections).
 * Read from the captured inputs, so a cluster written by hand is shown the same way as one from the component.
 */
import type { CapturedResource } from "../program/capture";
import { display } from "./values";

export interface Protections {
  /** The Pulumi `protect` option: the engine refuses to delete or replace the resource. */
  protect: boolean;
  /** The `retainOnDelete` option: leaving the program drops it from state instead of deleting it. */
  retainOnDelete: boolean;
  /** The cluster's own `deletionProtection` (clusters only): the EMR API refuses to release it. */
  deletionProtection?: boolean | "unknown";
}

export interface NodeGroupPlan {
  name: string;
  type: string;
  nodeCount: string;
  instanceTypes: string[];
  /** e.g. "cloud_essd 120 GiB". */
  systemDisk: string;
  /** e.g. "4 × cloud_essd 500 GiB". */
  dataDisks: string[];
  /** e.g. "Subscription 12 Month, auto-renew 1 Month", "PayAsYouGo, Spot SpotAsPriceGo". */
  payment: string;
  autoScaling?: { minCapacity: string; maxCapacity: string; rules: string[] };
}

export interface ClusterPlan {
  /** The Pulumi resource name. */
  name: string;
  clusterName: string;
  /** e.g. "DATALAKE HA EMR-5.16.0, KERBEROS". */
  kind: string;
  payment: string;
  applications: string[];
  /** `hive.metastore.type` of the HIVE config, when there is one. */
  metastore?: string;
  nodeGroups: NodeGroupPlan[];
  ignoreChanges: string[];
  protections: Protections;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function subscription(paymentType: unknown, config: unknown): string {
  if (paymentType !== "Subscription") return display(paymentType);
  const c = obj(config);
  if (!Object.keys(c).length) return "Subscription (no subscriptionConfig)";
  const renew = c.autoRenew ? `, auto-renew ${display(c.autoRenewDuration)} ${display(c.autoRenewDurationUnit ?? "Month")}` : ", no auto-renew";
  return `Subscription ${display(c.paymentDuration)} ${display(c.paymentDurationUnit ?? "Month")}${renew}`;
}

function disk(d: unknown): string {
  const x = obj(d);
  const count = x.count !== undefined && x.count !== 1 ? `${display(x.count)} × ` : "";
  return `${count}${display(x.category)} ${display(x.size)} GiB${x.performanceLevel ? ` ${display(x.performanceLevel)}` : ""}`;
}

/** One scaling rule as a sentence, e.g. "SCALE_OUT +2 when AVG yarn_..._AvailableMBPercentage LT 20 (300 s × 1)". */
export function scalingRule(rule: unknown): string {
  const r = obj(rule);
  const sign = r.activityType === "SCALE_IN" ? "-" : "+";
  const step = `${display(r.ruleName)}: ${display(r.activityType)} ${sign}${display(r.adjustmentValue)}`;
  if (r.triggerType === "TIME_TRIGGER") {
    const t = obj(r.timeTrigger);
    return `${step} at ${display(t.launchTime)} ${display(t.recurrenceType ?? "once")}${t.recurrenceValue ? ` ${display(t.recurrenceValue)}` : ""}`;
  }
  const m = obj(r.metricsTrigger);
  const conditions = list(m.conditions)
    .map((c) => obj(c))
    .map((c) => `${display(c.statistics)} ${display(c.metricName)} ${display(c.comparisonOperator)} ${display(c.threshold)}`)
    .join(` ${display(m.conditionLogicOperator ?? "And")} `);
  const cooldown = m.coolDownInterval !== undefined ? `, cool-down ${display(m.coolDownInterval)} s` : "";
  return `${step} when ${conditions || "(no condition)"} (${display(m.timeWindow)} s × ${display(m.evaluationCount)}${cooldown})`;
}

function nodeGroup(g: unknown): NodeGroupPlan {
  const x = obj(g);
  const spot = x.spotStrategy && x.spotStrategy !== "NoSpot" ? `, Spot ${display(x.spotStrategy)}` : "";
  const policy = x.autoScalingPolicy === undefined || x.autoScalingPolicy === null ? undefined : obj(x.autoScalingPolicy);
  return {
    name: display(x.nodeGroupName),
    type: display(x.nodeGroupType),
    nodeCount: display(x.nodeCount),
    instanceTypes: list(x.instanceTypes).map(display),
    systemDisk: disk(x.systemDisk),
    dataDisks: list(x.dataDisks).map(disk),
    payment: `${subscription(x.paymentType, x.subscriptionConfig)}${spot}`,
    ...(policy
      ? {
          autoScaling: {
            minCapacity: display(obj(policy.constraints).minCapacity ?? 0),
            maxCapacity: display(obj(policy.constraints).maxCapacity),
            rules: list(policy.scalingRules).map(scalingRule),
          },
        }
      : {}),
  };
}

/** The Hive metastore type the cluster is configured with (hivemetastore-site.xml), if any. */
function metastoreType(inputs: Obj): string | undefined {
  const item = list(inputs.applicationConfigs)
    .map(obj)
    .find((c) => c.applicationName === "HIVE" && c.configItemKey === "hive.metastore.type");
  return item ? display(item.configItemValue) : undefined;
}

export function protections(r: Pick<CapturedResource, "type" | "protect" | "retainOnDelete" | "inputs">): Protections {
  const base = { protect: r.protect ?? false, retainOnDelete: r.retainOnDelete ?? false };
  if (r.type !== CLUSTER_TYPE) return base;
  const dp = r.inputs.deletionProtection;
  return { ...base, deletionProtection: typeof dp === "boolean" ? dp : dp === undefined || dp === null ? false : "unknown" };
}

export const CLUSTER_TYPE = "alicloud:emrv2/cluster:Cluster";

export function clusterPlan(r: CapturedResource): ClusterPlan {
  const i = r.inputs;
  const security = i.securityMode ? `, ${display(i.securityMode)}` : "";
  const metastore = metastoreType(i);
  return {
    name: r.name,
    clusterName: display(i.clusterName),
    kind: `${display(i.clusterType)} ${display(i.deployMode ?? "NORMAL")} ${display(i.releaseVersion)}${security}`,
    payment: subscription(i.paymentType, i.subscriptionConfig),
    applications: list(i.applications).map(display),
    ...(metastore ? { metastore } : {}),
    nodeGroups: list(i.nodeGroups).map(nodeGroup),
    ignoreChanges: r.ignoreChanges ?? [],
    protections: protections(r),
  };
}

/** The `--details` view of one cluster, for the terminal. */
export function renderClusterPlan(c: ClusterPlan): string[] {
  const p = c.protections;
  const out = [
    `Cluster ${c.name} ("${c.clusterName}"): ${c.kind}`,
    `  payment: ${c.payment}`,
    `  applications: ${c.applications.join(", ")}${c.metastore ? `; Hive metastore ${c.metastore}` : ""}`,
    `  protection: protect ${p.protect ? "on" : "OFF"}, retainOnDelete ${p.retainOnDelete ? "on" : "OFF"}, deletionProtection ${p.deletionProtection === true ? "on" : p.deletionProtection === "unknown" ? "(known after apply)" : "OFF"}`,
    `  ignoreChanges: ${c.ignoreChanges.length ? c.ignoreChanges.join(", ") : "none"}`,
  ];
  for (const g of c.nodeGroups) {
    out.push(`  node group ${g.name} (${g.type}): ${g.nodeCount} × ${g.instanceTypes.join(" | ") || "-"}; system disk ${g.systemDisk}; data disks ${g.dataDisks.join(", ") || "none"}; ${g.payment}`);
    if (g.autoScaling) {
      out.push(`    auto scaling ${g.autoScaling.minCapacity}–${g.autoScaling.maxCapacity} nodes${g.autoScaling.rules.length ? "" : ", no rules (never scales)"}`);
      for (const rule of g.autoScaling.rules) out.push(`      ${rule}`);
    }
  }
  return out;
}
