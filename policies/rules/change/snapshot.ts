/**
 * A cluster's before or after, read from provider-shaped inputs (a recorded state, a plan, a program's inputs) for the
 * change rules. It reads values with the pack's view's own primitive readers (read.ts), so a node count is the same
 * thing in both; like the view it never throws: absent = undefined, preview unknown = UNKNOWN, wrong type = MALFORMED.
 * It keeps the raw values the change rules compare (policies, disks, network), which the end-state view drops.
 */
import { canonicalJson } from "./acks";
import { isSecretValue } from "./secret";
import { UNKNOWN, isUnknown } from "../types";
import { MALFORMED, readBool, readCount, readString, type Field } from "../read";

export interface GroupSnapshot {
  index: number;
  path: string;
  name: Field<string>;
  type: Field<string>;
  nodeCount: Field<number>;
  paymentType: Field<string>;
  /** The raw policy (undefined: none). */
  autoScalingPolicy: unknown;
  raw: Record<string, unknown>;
}

export interface ClusterSnapshot {
  raw: Record<string, unknown>;
  clusterName: Field<string>;
  securityMode: Field<string>;
  paymentType: Field<string>;
  deletionProtection: Field<boolean>;
  nodeGroups: Field<GroupSnapshot[]>;
  tags: unknown;
}

/** Keys the bridged provider adds to recorded inputs (`__defaults`: the keys it filled in itself). */
const isBookkeeping = (k: string) => k.startsWith("__");

const asRecord = (v: unknown): Record<string, unknown> | undefined => (v !== null && typeof v === "object" && !Array.isArray(v) && !isSecretValue(v) ? (v as Record<string, unknown>) : undefined);

function groupSnapshot(raw: unknown, index: number): GroupSnapshot {
  const path = `nodeGroups[${index}]`;
  const g = asRecord(raw);
  if (!g) {
    const f = isUnknown(raw) ? UNKNOWN : MALFORMED;
    return { index, path, name: f, type: f, nodeCount: f, paymentType: f, autoScalingPolicy: isUnknown(raw) ? UNKNOWN : undefined, raw: {} };
  }
  const policy = g.autoScalingPolicy;
  return {
    index,
    path,
    name: readString(g.nodeGroupName),
    type: readString(g.nodeGroupType),
    nodeCount: readCount(g.nodeCount),
    paymentType: readString(g.paymentType) ?? "PayAsYouGo",
    autoScalingPolicy: policy === null ? undefined : policy,
    raw: g,
  };
}

/** Reads a cluster's inputs. `undefined` in = the cluster does not exist on that side. */
export function clusterSnapshot(props: unknown): ClusterSnapshot {
  const p = asRecord(props) ?? {};
  const groups = p.nodeGroups;
  return {
    raw: p,
    clusterName: readString(p.clusterName),
    securityMode: readString(p.securityMode) ?? "NORMAL",
    paymentType: readString(p.paymentType) ?? "PayAsYouGo",
    deletionProtection: readBool(p.deletionProtection),
    nodeGroups: groups === undefined || groups === null ? undefined : isUnknown(groups) ? UNKNOWN : Array.isArray(groups) ? groups.map(groupSnapshot) : MALFORMED,
    tags: p.tags,
  };
}

function containsUnknown(v: unknown): boolean {
  if (isUnknown(v)) return true;
  if (Array.isArray(v)) return v.some(containsUnknown);
  const r = asRecord(v);
  return r ? Object.values(r).some(containsUnknown) : false;
}

function containsSecret(v: unknown): boolean {
  if (isSecretValue(v)) return true;
  if (Array.isArray(v)) return v.some(containsSecret);
  const r = asRecord(v);
  return r ? Object.values(r).some(containsSecret) : false;
}

/** Canonical JSON without the provider's bookkeeping keys; secrets by their digest. */
function comparable(v: unknown): unknown {
  if (isSecretValue(v)) return { secret: v.digest };
  if (Array.isArray(v)) return v.map(comparable);
  const r = asRecord(v);
  if (!r) return v;
  return Object.fromEntries(Object.entries(r).filter(([k]) => !isBookkeeping(k)).map(([k, x]) => [k, comparable(x)]));
}

export type Comparison = "same" | "changed" | "unknown";

/**
 * Compares a before and an after value. Unknown (a preview value known only after apply) and secrets whose
 * recordings cannot be told apart (blinded, or re-encrypted) give "unknown": never a silent "same".
 */
export function compareValues(before: unknown, after: unknown): Comparison {
  if (containsUnknown(after) || containsUnknown(before)) return "unknown";
  const same = canonicalJson(comparable(before)) === canonicalJson(comparable(after));
  if (!containsSecret(before) && !containsSecret(after)) return same ? "same" : "changed";
  const blinded = (v: unknown): boolean => (isSecretValue(v) ? v.digest === undefined : Array.isArray(v) ? v.some(blinded) : Object.values(asRecord(v) ?? {}).some(blinded));
  return same && !blinded(before) && !blinded(after) ? "same" : "unknown";
}

/** The keys the provider filled in itself (recorded in `__defaults`): absent in the program = unchanged. */
export function providerDefaults(raw: Record<string, unknown>): Set<string> {
  const d = raw.__defaults;
  return new Set(Array.isArray(d) ? d.filter((k): k is string => typeof k === "string") : []);
}

/** Compares one key of two records, treating a key the provider defaulted (and the program left out) as unchanged. */
export function compareKey(before: Record<string, unknown>, after: Record<string, unknown>, key: string, fallback?: unknown): Comparison {
  const a = after[key] ?? (providerDefaults(before).has(key) ? before[key] : fallback);
  return compareValues(before[key] ?? fallback, a);
}
