/**
 * The change of one cluster: its before and after (provider-shaped inputs; either may be absent: a creation or a
 * removal) matched node group by node group, as the provider matches them (by name). Pure; never throws.
 */
import { parseAcks, type Acks } from "./acks";
import { clusterSnapshot, compareKey, compareValues, type ClusterSnapshot, type Comparison, type GroupSnapshot } from "./snapshot";
import { UNKNOWN, isUnknown } from "../types";
import { MALFORMED, isKnown } from "../view";

export interface GroupChange {
  /** The group's name after the change (before, for a removed group). */
  name: string;
  type: string;
  /** `nodeGroups[i]` in the after (in the before, for a removed group). */
  path: string;
  /** A rename is a removal plus an addition for the provider: a group of the same type at the same index, another name. */
  status: "added" | "removed" | "kept" | "renamed";
  renamedFrom?: string;
  before?: GroupSnapshot;
  after?: GroupSnapshot;
}

export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
  comparison: Exclude<Comparison, "same">;
}

export interface ClusterChange {
  /** The Pulumi resource name (the last part of the URN). */
  cluster: string;
  urn?: string;
  kind: "create" | "update" | "remove";
  before?: ClusterSnapshot;
  after?: ClusterSnapshot;
  groups: GroupChange[];
  /** Changed (or not yet known) input paths, cluster fields and `nodeGroups[i].<field>` of kept groups; acknowledgement tags left out. */
  fields: FieldChange[];
  /** Paths the diff could not read (unknown or malformed lists, unknown group names). */
  unknownPaths: string[];
  /** The provider's own replace reasons, when a plan gave them. */
  replaceReasons: string[];
  /** The acknowledgements of the change: the tags after it (before it, for a removal). */
  acks: Acks;
  /** What the recorded state says of the resource (a stack export or a plan's old state). */
  recorded?: RecordedResource;
}

export interface RecordedResource {
  /** The cluster ID (`c-...`). */
  id?: string;
  protect?: boolean;
  /** undefined: the document does not record the option (an engine without it, or no document). */
  retainOnDelete?: boolean;
}

/** Defaults the API applies when a field is left out, so `undefined → "NORMAL"` is no change. */
const CLUSTER_DEFAULTS: Record<string, unknown> = { deployMode: "NORMAL", securityMode: "NORMAL", paymentType: "PayAsYouGo" };
const GROUP_DEFAULTS: Record<string, unknown> = { paymentType: "PayAsYouGo" };
const ACK_PREFIX = "emr-guard:ack-";

const nameOf = (g: GroupSnapshot) => (isKnown(g.name) ? g.name : g.path);
const typeOf = (g: GroupSnapshot) => (isKnown(g.type) ? g.type : "?");

function groupsOf(s: ClusterSnapshot | undefined, side: string, unknownPaths: string[]): GroupSnapshot[] {
  if (!s) return [];
  if (s.nodeGroups === UNKNOWN || s.nodeGroups === MALFORMED) unknownPaths.push(`nodeGroups (${side}: ${s.nodeGroups === UNKNOWN ? "known after apply" : "not a list"})`);
  return Array.isArray(s.nodeGroups) ? s.nodeGroups : [];
}

function matchGroups(before: GroupSnapshot[], after: GroupSnapshot[], unknownPaths: string[]): GroupChange[] {
  const unnamed = after.filter((g) => !isKnown(g.name));
  unnamed.forEach((g) => unknownPaths.push(`${g.path}.nodeGroupName`));
  if (unnamed.length) return [];
  const byName = new Map(before.filter((g) => isKnown(g.name)).map((g) => [g.name, g]));
  const afterNames = new Set(after.map(nameOf));
  const changes: GroupChange[] = after.map((a) => {
    const b = byName.get(nameOf(a));
    return { name: nameOf(a), type: typeOf(a), path: a.path, status: b ? "kept" : "added", before: b, after: a };
  });
  for (const b of before.filter((g) => !afterNames.has(nameOf(g)))) {
    const twin = changes.find((c) => c.status === "added" && c.after?.index === b.index && c.type === typeOf(b));
    if (twin) Object.assign(twin, { status: "renamed", renamedFrom: nameOf(b), before: b });
    else changes.push({ name: nameOf(b), type: typeOf(b), path: b.path, status: "removed", before: b });
  }
  return changes;
}

function withoutAcks(tags: unknown): unknown {
  if (tags === null || typeof tags !== "object" || Array.isArray(tags) || isUnknown(tags)) return tags;
  return Object.fromEntries(Object.entries(tags).filter(([k]) => !k.startsWith(ACK_PREFIX)));
}

function changedFields(before: ClusterSnapshot, after: ClusterSnapshot, groups: GroupChange[]): FieldChange[] {
  const out: FieldChange[] = [];
  const push = (path: string, b: unknown, a: unknown, comparison: Comparison) => {
    if (comparison !== "same") out.push({ path, before: b, after: a, comparison });
  };
  const keys = (x: Record<string, unknown>, y: Record<string, unknown>) => [...new Set([...Object.keys(x), ...Object.keys(y)])].filter((k) => !k.startsWith("__"));
  for (const key of keys(before.raw, after.raw)) {
    if (key === "nodeGroups") continue;
    if (key === "tags") push("tags", before.raw.tags, after.raw.tags, compareValues(withoutAcks(before.raw.tags), withoutAcks(after.raw.tags)));
    else push(key, before.raw[key], after.raw[key], compareKey(before.raw, after.raw, key, CLUSTER_DEFAULTS[key]));
  }
  for (const g of groups) {
    if (g.status !== "kept" || !g.before || !g.after) continue;
    for (const key of keys(g.before.raw, g.after.raw)) {
      push(`${g.path}.${key}`, g.before.raw[key], g.after.raw[key], compareKey(g.before.raw, g.after.raw, key, GROUP_DEFAULTS[key]));
    }
  }
  return out;
}

/** The change of one cluster. `before`/`after`: its inputs (undefined: it does not exist on that side). */
export function diffCluster(args: {
  cluster: string;
  urn?: string;
  before?: unknown;
  after?: unknown;
  replaceReasons?: readonly string[];
  recorded?: RecordedResource;
  /** The paths the provider reports as changed (a plan's detailedDiff keys and diffReasons): a value we cannot compare (a blinded secret) outside them is unchanged. */
  providerDiff?: readonly string[];
}): ClusterChange {
  const hasBefore = args.before !== undefined && args.before !== null;
  const hasAfter = args.after !== undefined && args.after !== null;
  const before = hasBefore ? clusterSnapshot(args.before) : undefined;
  const after = hasAfter ? clusterSnapshot(args.after) : undefined;
  const unknownPaths: string[] = [];
  if (hasAfter && isUnknown(args.after)) unknownPaths.push("(the cluster's inputs are known after apply)");
  const [bg, ag] = [groupsOf(before, "before", unknownPaths), groupsOf(after, "after", unknownPaths)];
  // A list that cannot be read is not an empty list: matching against it would call every group removed.
  const readable = Array.isArray(before?.nodeGroups ?? []) && Array.isArray(after?.nodeGroups ?? []);
  const groups = before && after && readable ? matchGroups(bg, ag, unknownPaths) : [];
  const change: ClusterChange = {
    cluster: args.cluster,
    kind: !before ? "create" : !after ? "remove" : "update",
    before,
    after,
    groups,
    fields: before && after ? changedFields(before, after, groups).filter((f) => f.comparison === "changed" || !args.providerDiff || args.providerDiff.some((k) => k === f.path || k.startsWith(`${f.path}.`) || k.startsWith(`${f.path}[`) || f.path.startsWith(`${k}.`) || f.path.startsWith(`${k}[`))) : [],
    unknownPaths,
    replaceReasons: [...(args.replaceReasons ?? [])],
    acks: parseAcks((after ?? before)?.tags),
  };
  if (args.urn !== undefined) change.urn = args.urn;
  if (args.recorded !== undefined) change.recorded = args.recorded;
  return change;
}
