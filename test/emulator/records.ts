/**
 * The emulator's records (what it stores per cluster, node group and node), what it offers, and the paging of
 * list answers. Shared by the state (state.ts) and the action handlers (handlers.ts).
 */
import { randomBytes } from "node:crypto";
import { int, optStr, ParamError, type Params } from "./params";

export type Reason = { Code: string; Message: string };
export type Tag = { Key: string; Value?: string };

/** Every documented ClusterState (reference §1.11). */
export const CLUSTER_STATES = ["STARTING", "START_FAILED", "BOOTSTRAPPING", "RUNNING", "TERMINATING", "TERMINATED", "TERMINATED_WITH_ERRORS", "TERMINATE_FAILED"] as const;
export type ClusterState = (typeof CLUSTER_STATES)[number];

export interface ClusterRec {
  ClusterId: string; ClusterName: string; ClusterType: string; RegionId: string; ReleaseVersion: string;
  PaymentType: string; DeployMode: string; SecurityMode: string; Description?: string; DeletionProtection: boolean;
  Tags: Tag[]; NodeAttributes: Record<string, unknown>; Applications: string[];
  CreateTime: number; bootstrapAt: number; readyAt: number; failure?: Reason;
  /** Fields echoed as sent by GetCluster (LogCollectStrategy, ResourceGroupId, SubscriptionConfig). */
  extra?: Record<string, unknown>;
  /** ApplicationConfigs as RunCluster sent them (ListApplicationConfigs, GetClusterCloneMeta); a test may edit a value as the console would. */
  applicationConfigs?: Record<string, unknown>[];
  /** Bootstrap scripts, by ScriptId. */
  scripts?: Map<string, Record<string, unknown>>;
  /** A state set by a test (seedCluster): it does not move with the clock. */
  fixedState?: ClusterState; fixedReason?: Reason;
}
export interface GroupRec {
  NodeGroupId: string; ClusterId: string; NodeGroupName: string; NodeGroupType: string; PaymentType: string;
  InstanceTypes: string[]; VSwitchIds: string[]; ZoneId: string; StateChangeReason?: Reason;
  op?: { state: "INCREASING" | "DECREASING"; doneAt: number; add: number; removeIds: string[]; failure?: Reason; operationId: string };
  /** The rest of the NodeGroupConfig as sent (disks, spot, public IP, ...), typed; ListNodeGroups echoes it. */
  config?: Record<string, unknown>;
}
export interface NodeRec {
  NodeId: string; NodeName: string; NodeGroupId: string; NodeGroupType: string; NodeState: string;
  InstanceType: string; ZoneId: string; CreateTime: number; ExpireTime?: number;
}

/** What the emulator offers (ListReleaseVersions / ListInstanceTypes). */
export const RELEASE_VERSIONS: Record<string, string[]> = {
  DATALAKE: ["EMR-5.16.0", "EMR-5.15.1"],
  OLAP: ["EMR-5.16.0"],
  DATAFLOW: ["EMR-5.16.0", "EMR-3.50.0"],
  DATASERVING: ["EMR-5.16.0"],
  CUSTOM: ["EMR-5.16.0"],
};
export const INSTANCE_TYPES: Record<string, string[]> = {
  MASTER: ["ecs.g7.xlarge", "ecs.g7.2xlarge"],
  CORE: ["ecs.g7.xlarge", "ecs.g7.2xlarge", "ecs.d2s.5xlarge"],
  TASK: ["ecs.g7.xlarge", "ecs.g7.2xlarge", "ecs.c7.2xlarge"],
  GATEWAY: ["ecs.g7.xlarge"],
  "MASTER-EXTEND": ["ecs.g7.xlarge"],
};

export const hex = (bytes: number) => randomBytes(bytes).toString("hex");
export const notFound = (what: string) => new ParamError("ResourceNotFound", `The specified ${what} is not found.`, 404);
export const denied = (code: string, message: string) => new ParamError(code, message, 400);

/** One page of `items` (MaxResults 1–100, default 20; NextToken opaque base64, empty on the last page). */
export function page<T>(items: T[], p: Params, key: string): Record<string, unknown> {
  const max = int(p, "MaxResults", 1, 100, 20);
  let start = 0;
  const token = optStr(p, "NextToken");
  if (token) {
    const decoded = Number((() => { try { return JSON.parse(Buffer.from(token, "base64").toString()).offset; } catch { return NaN; } })());
    if (!Number.isInteger(decoded) || decoded < 0 || decoded > items.length) throw new ParamError("InvalidParameterValue", "The parameter NextToken is invalid.");
    start = decoded;
  }
  const end = start + max;
  const nextToken = end < items.length ? Buffer.from(JSON.stringify({ offset: end })).toString("base64") : "";
  return { [key]: items.slice(start, end), NextToken: nextToken, MaxResults: max, TotalCount: items.length };
}

/** An operation as GetOperation reports it: done at `doneAt` (virtual clock), or failed with `failure`. */
export interface OperationRec {
  OperationId: string; ClusterId: string; OperationType: string; CreateTime: number; doneAt: number; failure?: Reason;
}

const BOOLEAN_FIELDS = new Set(["WithPublicIp", "GracefulShutdown", "SpotInstanceRemedy", "CompensateWithOnDemand", "AutoRenew", "AutoPayOrder", "DeletionProtection"]);
const NUMBER_FIELDS = new Set(["Size", "Count", "NodeCount", "PaymentDuration", "AutoRenewDuration", "Priority", "BidPrice", "OnDemandBaseCapacity", "OnDemandPercentageAboveBaseCapacity", "SpotInstancePools"]);

/**
 * A NodeGroupConfig sent flattened (CreateNodeGroup's `NodeGroup.DataDisks.1.Size=80`) arrives as strings; give the
 * documented boolean and integer fields their JSON type back, so it reads back as RunCluster's JSON form does.
 * Null fields are dropped.
 */
export function typedConfig(v: unknown, key = ""): unknown {
  if (Array.isArray(v)) return v.map((x) => typedConfig(x, key));
  // A field sent as null (the provider marshals an unset Go slice so) is absent from the API's answers.
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null).map(([k, x]) => [k, typedConfig(x, k)]));
  if (typeof v !== "string") return v;
  if (BOOLEAN_FIELDS.has(key) && (v === "true" || v === "false")) return v === "true";
  if (NUMBER_FIELDS.has(key) && /^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  return v;
}

/** Flattened values arrive as strings; give numeric ones back their type (the policy is read back as sent). */
export function toNumbers(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(toNumbers);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toNumbers(x)]));
  return typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
}

/** ListClusters/ListNodes `Tags` filter: every given tag must be on the resource (a tag without Value matches any value). */
export function hasTags(tags: Tag[], wanted: Tag[] | undefined): boolean {
  return !wanted || wanted.every((w) => tags.some((t) => t.Key === w.Key && (w.Value === undefined || t.Value === w.Value)));
}
