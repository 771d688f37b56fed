/**
 * The one entry point: a cluster's recorded state and its planned inputs (either may be absent) -> the calls one
 * `pulumi up` makes the provider send. Creation is one RunCluster (tags included, 911-1345); an update is update.ts;
 * a replacement (a ForceNew field or a replaceOnChanges path) is refused by the engine at preview when the resource
 * is protected, else it is a RunCluster of the new cluster and a DeleteCluster of the old one; leaving the program is
 * a DeleteCluster unless the resource carries retainOnDelete (then nothing is sent: Pulumi forgets it).
 */
import { isUnknown } from "../types";
import { readBool } from "../read";
import { cloneData } from "./ignore-changes";
import { clusterSize, liveFromState, type LiveState } from "./sides";
import type { CallPlan, EmrCall } from "./types";
import { planUpdate, replacementsOf, type PlannedSide, type RecordedSide } from "./update";

export interface RecordedCluster extends RecordedSide {
  id?: string;
  protect?: boolean;
  /** undefined: the document does not record the option. */
  retainOnDelete?: boolean;
}

export interface ProgramCluster extends PlannedSide {
  protect: boolean;
  retainOnDelete: boolean;
}

export interface PlanArgs {
  cluster: string;
  urn?: string;
  before?: RecordedCluster;
  after?: ProgramCluster;
  /** The live cluster (the API); absent: read from the recorded state (`refreshed` says whether it is current). */
  live?: LiveState;
  refreshed?: boolean;
  /** The engine said so (a plan's replace step): a replacement, whatever the fields say. */
  replace?: boolean;
}

const rec = (v: unknown): Record<string, unknown> => (v !== null && typeof v === "object" && !Array.isArray(v) && !isUnknown(v) ? (v as Record<string, unknown>) : {});

/** RunCluster with every group's NodeCount, payment and policy, the tags and the subscription (911-1345). */
export function runClusterCall(inputs: Record<string, unknown>, because = "the cluster is created"): EmrCall {
  const groups = (Array.isArray(inputs.nodeGroups) ? inputs.nodeGroups : []).map((raw) => {
    const g = rec(raw);
    const sc = rec(Array.isArray(g.subscriptionConfig) ? (g.subscriptionConfig as unknown[])[0] : g.subscriptionConfig);
    return {
      NodeGroupName: g.nodeGroupName, NodeGroupType: g.nodeGroupType, NodeCount: g.nodeCount, PaymentType: g.paymentType ?? inputs.paymentType ?? "PayAsYouGo",
      ...(Object.keys(sc).length ? { SubscriptionConfig: { PaymentDuration: sc.paymentDuration, PaymentDurationUnit: sc.paymentDurationUnit } } : {}),
      ...(g.autoScalingPolicy !== undefined && g.autoScalingPolicy !== null ? { AutoScalingPolicy: g.autoScalingPolicy } : {}),
    };
  });
  const sc = rec(inputs.subscriptionConfig);
  return {
    action: "RunCluster",
    params: {
      ClusterName: inputs.clusterName, ClusterType: inputs.clusterType, DeployMode: inputs.deployMode ?? "NORMAL", PaymentType: inputs.paymentType ?? "PayAsYouGo",
      ...(Object.keys(sc).length ? { SubscriptionConfig: { PaymentDuration: sc.paymentDuration, PaymentDurationUnit: sc.paymentDurationUnit, AutoPayOrder: readBool(sc.autoPayOrder) === true, AutoRenew: readBool(sc.autoRenew) === true } } : {}),
      DeletionProtection: inputs.deletionProtection, NodeGroups: groups, Tags: Object.entries(rec(inputs.tags)).map(([Key, Value]) => ({ Key, Value })),
    },
    because,
  };
}

const empty = (args: PlanArgs, operation: CallPlan["operation"], live: CallPlan["liveSource"]): CallPlan => ({
  cluster: args.cluster, ...(args.urn ? { urn: args.urn } : {}), operation, calls: [], refusals: [], previewErrors: [], notApplied: [], replacements: [], unknown: [], liveSource: live, unknownLiveCounts: [], size: {}, recordedGroups: [],
});

/** The plan, with the facts the gates weigh it by: the cluster's size before and after, the groups the state knows. */
export function planClusterCalls(args: PlanArgs): CallPlan {
  const plan = modelCalls(args);
  const groups = Array.isArray(args.before?.state.nodeGroups) ? args.before.state.nodeGroups : [];
  plan.recordedGroups = groups.map((g) => rec(g).nodeGroupName).filter((n): n is string => typeof n === "string");
  const before = args.before ? clusterSize(args.before.state) : 0;
  const after = args.after && plan.operation !== "delete" && plan.operation !== "retain" ? clusterSize(args.after.inputs) : 0;
  plan.size = { ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) };
  return plan;
}

function modelCalls(args: PlanArgs): CallPlan {
  const { before, after } = args;
  const live = args.live ?? (before ? liveFromState(before.state, args.refreshed === true) : undefined);
  const source = live?.source ?? "recorded-state";
  if (!before && !after) return empty(args, "same", source);
  if (!before && after) {
    const plan = empty(args, "create", source);
    if (isUnknown(after.inputs)) plan.unknown.push("(the cluster's inputs are known after apply)");
    plan.calls.push(runClusterCall(cloneData(after.inputs)));
    return plan;
  }
  if (before && !after) {
    const plan = empty(args, before.retainOnDelete === true ? "retain" : "delete", source);
    if (before.protect) plan.previewErrors.push({ kind: "protected-delete", path: "(removed from the program)", message: "the resource is protected: `pulumi preview` fails (\"unable to delete resource ... as it is currently marked for protection\"); Pulumi drops it from the state, even with retainOnDelete, only after `pulumi state unprotect`" });
    if (before.retainOnDelete === undefined) plan.unknown.push("retainOnDelete (this state does not record the option)");
    if (before.retainOnDelete !== true) plan.calls.push({ action: "DeleteCluster", params: { ClusterId: before.id }, because: "the cluster leaves the program without retainOnDelete" });
    return plan;
  }
  const b = before as RecordedCluster;
  const a = after as ProgramCluster;
  if (live?.missing) {
    // Read finds no cluster (NotFoundError: the resource leaves the state), so `pulumi up --refresh` creates a new one;
    // without --refresh the first call of the update fails (Read: 1365-1370).
    const plan = empty(args, "create", "api");
    plan.calls.push(runClusterCall(cloneData(a.inputs), `the cluster ${b.id ?? ""} the state records is not found live: \`pulumi up --refresh\` creates a new one`));
    plan.unknown.push("(the recorded cluster is not found live)");
    return plan;
  }
  const replacements = replacementsOf(b.inputs, a.inputs, a.replaceOnChanges);
  // A plan's replace step without its reasons (an older engine, a provider that gives none) is still a replacement.
  if (args.replace && !replacements.some((r) => !r.unknown)) replacements.push({ path: "(the engine's replace step)", before: undefined, after: undefined, by: "provider" });
  const certain = replacements.filter((r) => !r.unknown);
  if (certain.length) {
    const plan = empty(args, "replace", source);
    plan.replacements = replacements;
    if (a.protect || b.protect) {
      plan.previewErrors.push({ kind: "protected-replacement", path: certain[0].path, message: `${certain.map((r) => r.path).join(", ")} ${certain.length > 1 ? "change" : "changes"}, which replaces the cluster, and it is protected: \`pulumi preview\` fails ("unable to replace resource ... as it is currently marked for protection")` });
      return plan;
    }
    plan.calls.push(runClusterCall(cloneData(a.inputs), "the replacement cluster is created"));
    if (b.retainOnDelete !== true) plan.calls.push({ action: "DeleteCluster", params: { ClusterId: b.id }, because: "the replaced cluster is deleted" });
    return plan;
  }
  const plan = planUpdate({ cluster: args.cluster, urn: args.urn, before: b, after: a, live: live as LiveState });
  plan.replacements = replacements;
  replacements.forEach((r) => plan.unknown.push(`${r.path} (known after apply: a change would replace the cluster)`));
  return plan;
}
