/**
 * From documents to the call model's input: each resource's recorded side and program side, paired the way the engine
 * pairs them (by URN, or by an alias the program declares; by type and name when the stack or project differ). A
 * recorded resource no program resource claims leaves the program; a program resource nothing recorded is created.
 */
import type { PlanArgs } from "../../policies/rules/calls";
import { TYPES } from "../../policies/rules/domain";
import type { CapturedResource } from "../program/capture";
import { compareValues } from "../../policies/rules/change";
import { decodeValue, type PlannedResource, type RecordedResource } from "./documents";
import { findSecretReferences, resolveSecretReferences } from "./recorded-secrets";

/** A resource as the program declares it (the offline check's capture), inputs decoded, with its options. */
export interface ProgramResource {
  /** A component (emr:index:Cluster): paired only to tell the report it exists already; no calls, no rules. */
  component?: true;
  urn: string;
  type: string;
  name: string;
  inputs: Record<string, unknown>;
  protect: boolean;
  retainOnDelete: boolean;
  ignoreChanges: readonly string[];
  replaceOnChanges: readonly string[];
  aliases: readonly string[];
}

export interface ResourcePair {
  urn: string;
  type: string;
  name: string;
  recorded?: RecordedResource;
  program?: ProgramResource;
}

export function programResources(captured: readonly CapturedResource[]): ProgramResource[] {
  return captured.map((r) => ({
    ...(r.custom ? {} : { component: true as const }),
    urn: r.urn, type: r.type, name: r.name, inputs: findSecretReferences(r.inputs, decodeValue) as Record<string, unknown>,
    protect: r.protect ?? false, retainOnDelete: r.retainOnDelete, ignoreChanges: r.ignoreChanges ?? [], replaceOnChanges: r.replaceOnChanges ?? [], aliases: r.aliases ?? [],
  }));
}

/** Pairs a recorded state with the program's resources. */
export function pairResources(recorded: readonly RecordedResource[], program: readonly ProgramResource[]): ResourcePair[] {
  const used = new Set<RecordedResource>();
  const free = (r: RecordedResource) => !used.has(r);
  const find = (p: ProgramResource) =>
    recorded.find((r) => free(r) && r.urn === p.urn) ??
    recorded.find((r) => free(r) && p.aliases.includes(r.urn)) ??
    recorded.find((r) => free(r) && r.type === p.type && r.name === p.name);
  const pairs: ResourcePair[] = program.map((p) => {
    const r = find(p);
    if (r) used.add(r);
    return { urn: p.urn, type: p.type, name: p.name, program: p, ...(r ? { recorded: r } : {}) };
  });
  for (const r of recorded.filter((x) => free(x) && x.id !== undefined)) pairs.push({ urn: r.urn, type: r.type, name: r.name, recorded: r });
  // A referenced resource stays as recorded when its inputs do (references in them count as changed: no recursion).
  const unknowable = new Map(pairs.map((p) => [p.recorded?.urn, p.program && resolveSecretReferences(p.program.inputs, undefined, { cameFrom: new Set(), unchanged: () => false })]));
  const unchanged = (urn: string) => {
    const p = pairs.find((x) => x.recorded?.urn === urn);
    return !!p?.recorded && !!p.program && compareValues(p.recorded.inputs, unknowable.get(urn)) === "same";
  };
  for (const p of pairs.filter((x) => x.program)) {
    const cameFrom = new Set(p.recorded?.propertyDependencies ?? []);
    p.program = { ...p.program!, inputs: resolveSecretReferences(p.program!.inputs, p.recorded?.inputs, { cameFrom, unchanged }) as Record<string, unknown> };
  }
  return pairs;
}

/** The call model's input for a cluster pair of a recorded state. */
export function clusterPlanArgs(pair: ResourcePair, refreshed: boolean): PlanArgs {
  const { recorded: r, program: p } = pair;
  return {
    cluster: pair.name,
    urn: pair.urn,
    refreshed,
    ...(r ? { before: { inputs: r.inputs, state: r.outputs, id: r.id, protect: r.protect, retainOnDelete: r.retainOnDelete } } : {}),
    ...(p ? { after: { inputs: p.inputs, ignoreChanges: p.ignoreChanges, replaceOnChanges: p.replaceOnChanges, protect: p.protect, retainOnDelete: p.retainOnDelete } } : {}),
  };
}

/**
 * The ignoreChanges a plan implies: a plan records no resource options, but its inputs already carry the ignored
 * values and its detailedDiff lists what the provider will change. A node count that differs from the state and is
 * absent from the provider's diff is one the provider plans at the state's count.
 */
function impliedIgnores(p: PlannedResource): string[] {
  const diff = p.providerDiff;
  const groups = Array.isArray(p.after?.nodeGroups) ? p.after.nodeGroups : [];
  const state = Array.isArray(p.before?.outputs.nodeGroups) ? p.before.outputs.nodeGroups : [];
  if (!diff) return [];
  const covered = (i: number) => diff.some((k) => k === "nodeGroups" || k === `nodeGroups[${i}]` || k.startsWith(`nodeGroups[${i}].nodeCount`));
  return groups.flatMap((g, i) => {
    const [a, b] = [(g as Record<string, unknown>)?.nodeCount, (state[i] as Record<string, unknown> | undefined)?.nodeCount];
    return a !== b && !covered(i) ? [`nodeGroups[${i}].nodeCount`] : [];
  });
}

/** The call model's input for a cluster of a plan (`pulumi preview --json`). */
export function planClusterArgs(p: PlannedResource, refreshed: boolean): PlanArgs {
  const r = p.before;
  const removed = p.op === "delete";
  return {
    cluster: p.name,
    urn: p.urn,
    refreshed,
    ...(p.op === "replace" ? { replace: true } : {}),
    ...(r ? { before: { inputs: r.inputs, state: r.outputs, id: r.id, protect: r.protect, retainOnDelete: r.retainOnDelete } } : {}),
    // The plan's own options when it records them; else what its inputs and detailedDiff imply.
    ...(p.after && !removed ? { after: { inputs: p.after, ignoreChanges: p.ignoreChanges ?? impliedIgnores(p), replaceOnChanges: p.replaceOnChanges ?? (p.op === "replace" ? p.replaceReasons : []), protect: p.protect ?? r?.protect ?? false, retainOnDelete: p.retainOnDelete ?? r?.retainOnDelete ?? false } } : {}),
  };
}

export const isCluster = (x: { type: string }) => x.type === TYPES.cluster;
