/**
 * The three things the provider's Update looks at, in the model's terms: the recorded state (what `d.GetChange`
 * calls old), the planned inputs (the program's, with ignoreChanges applied), and the live cluster (ListNodeGroups,
 * ListTagResources: the counts it resizes FROM). Offline the live side is read from the recorded state; an
 * auto-scaled group's count is then only a range, unless the state was recorded right after a refresh.
 */
import { summarizePolicy } from "../change/policy";
import { clusterSnapshot, type ClusterSnapshot, type GroupSnapshot } from "../change/snapshot";
import { isUnknown } from "../types";
import { isKnown, readCount, readString, type Field } from "../read";
import { groupWeight } from "../size";
import type { CountRange, LiveSource } from "./types";

export interface LiveGroup {
  name: string;
  type: string;
  /** RunningNodeCount; a range when it is not known (an auto-scaled group, offline). */
  running: number | CountRange;
  paymentType?: string;
  /** The first data disk (the provider compares only that one). */
  dataDisk?: { category?: string; size?: number };
}

export interface LiveState {
  source: LiveSource;
  /** The cluster the state records is not found live (released outside the program). */
  missing?: true;
  groups: LiveGroup[];
  /** The cluster's tags as ListTagResources returns them; undefined: not known. */
  tags?: Record<string, string>;
  /** The names of the cluster's bootstrap scripts (ListScripts); undefined: not known. */
  scripts?: string[];
}

const rec = (v: unknown): Record<string, unknown> | undefined => (v !== null && typeof v === "object" && !Array.isArray(v) && !isUnknown(v) ? (v as Record<string, unknown>) : undefined);
const first = (v: unknown): Record<string, unknown> | undefined => rec(Array.isArray(v) ? v[0] : v);
const known = <T>(v: Field<T>): T | undefined => (isKnown(v) ? v : undefined);
const int = (v: unknown): number | undefined => known(readCount(v));
const text = (v: unknown): string | undefined => known(readString(v));

/** A group's first data disk as written in the program or the state (`dataDisks: [{ category, size, count }]`). */
export function dataDiskOf(g: GroupSnapshot): { category?: string; size?: number } | undefined {
  const d = first(g.raw.dataDisks);
  return d ? { category: text(d.category), size: int(d.size) } : undefined;
}

/** The payment a group really has: its own, else the cluster's (a group without one inherits it at creation). */
export function groupPayment(g: GroupSnapshot, cluster: ClusterSnapshot): string | undefined {
  const own = text(g.raw.paymentType);
  if (own) return own;
  return isKnown(cluster.paymentType) ? cluster.paymentType : undefined;
}

/** An auto-scaled group's possible live sizes: its policy's bounds (the API's default MaxCapacity when unset). */
export function policyRange(policy: unknown): CountRange {
  const s = summarizePolicy(policy);
  const min = typeof s.minCapacity === "number" ? s.minCapacity : 0;
  const max = typeof s.maxCapacity === "number" ? s.maxCapacity : summarizePolicy(undefined).maxCapacity;
  return { min, max: typeof max === "number" ? Math.max(min, max) : min };
}

/**
 * The live cluster as a recorded state shows it (`state`: the outputs, or the inputs when a document has no outputs).
 * `refreshed`: the state was recorded right after a refresh, so auto-scaled counts are the live ones.
 */
export function liveFromState(state: Record<string, unknown>, refreshed: boolean): LiveState {
  const s = clusterSnapshot(state);
  const groups: LiveGroup[] = [];
  for (const g of Array.isArray(s.nodeGroups) ? s.nodeGroups : []) {
    if (!isKnown(g.name) || !isKnown(g.type) || !isKnown(g.nodeCount)) continue;
    const scaled = g.autoScalingPolicy !== undefined && !refreshed;
    groups.push({ name: g.name, type: g.type, running: scaled ? policyRange(g.autoScalingPolicy) : g.nodeCount, paymentType: groupPayment(g, s), dataDisk: dataDiskOf(g) });
  }
  const tags = rec(s.tags);
  return {
    source: refreshed ? "refreshed-state" : "recorded-state",
    groups,
    tags: tags ? Object.fromEntries(Object.entries(tags).filter(([, v]) => typeof v === "string")) as Record<string, string> : undefined,
    scripts: Array.isArray(state.bootstrapScripts) ? state.bootstrapScripts.map((x) => text(rec(x)?.scriptName)).filter((x): x is string => x !== undefined) : undefined,
  };
}

/** The live cluster from the EMR API's answers (ListNodeGroups, ListTagResources), for the live gate and the client. */
export function liveFromApi(args: {
  nodeGroups: readonly { NodeGroupName: string; NodeGroupType: string; RunningNodeCount: number; PaymentType?: string; DataDisks?: readonly { Category?: string; Size?: number }[] }[];
  tags?: readonly { TagKey?: string; TagValue?: string; Key?: string; Value?: string }[];
}): LiveState {
  return {
    source: "api",
    groups: args.nodeGroups.map((g) => ({
      name: g.NodeGroupName,
      type: g.NodeGroupType,
      running: g.RunningNodeCount,
      ...(g.PaymentType ? { paymentType: g.PaymentType } : {}),
      ...(g.DataDisks?.[0] ? { dataDisk: { category: g.DataDisks[0].Category, size: g.DataDisks[0].Size } } : {}),
    })),
    tags: args.tags ? Object.fromEntries(args.tags.map((t) => [t.TagKey ?? t.Key ?? "", t.TagValue ?? t.Value ?? ""]).filter(([k]) => k !== "")) : undefined,
  };
}

/** A group's weight in the cluster's size (size.ts) from its raw policy; undefined when the policy's capacity is unknown. */
export function countedSize(count: number, policy: unknown): number | undefined {
  if (policy === undefined || policy === null) return count;
  const max = summarizePolicy(policy).maxCapacity;
  return typeof max === "number" ? groupWeight(count, max) : undefined;
}

/** The size of a cluster's groups as written (`nodeGroups`); undefined when a count or a capacity is not known. */
export function clusterSize(inputs: Record<string, unknown>): number | undefined {
  const s = clusterSnapshot(inputs);
  if (!Array.isArray(s.nodeGroups)) return undefined;
  let sum = 0;
  for (const g of s.nodeGroups) {
    const n = isKnown(g.nodeCount) ? countedSize(g.nodeCount, g.autoScalingPolicy) : undefined;
    if (n === undefined) return undefined;
    sum += n;
  }
  return sum;
}

export const isRange = (v: number | CountRange): v is CountRange => typeof v !== "number";
