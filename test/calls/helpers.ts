/** Running the call plan and the gates on a before/after pair, the way the offline check does, for the rule tests. */
import { parseAcks } from "../../policies/rules/change";
import { planClusterCalls, type CallPlan, type LiveState, type ProgramCluster, type RecordedCluster } from "../../policies/rules/calls";
import { checkCallPlans, describeCall, type ChangeResult, type UsedResource } from "../../policies/rules/gates";
import { DEFAULT_LIMITS, type GuardrailLimits } from "../../policies/rules/domain";

export type Props = Record<string, any>;
/** A deep copy of plain lists and objects that keeps the UNKNOWN symbol and SecretValue markers (JSON would drop them). */
export { cloneData as clone } from "../../policies/rules/calls/ignore-changes";
import { cloneData as clone } from "../../policies/rules/calls/ignore-changes";

export const recorded = (inputs: Props, extra: Partial<RecordedCluster> = {}): RecordedCluster => ({ inputs: clone(inputs), state: clone(extra.state ?? inputs), id: "c-0123456789abcdef", protect: true, retainOnDelete: true, ...extra });
export const program = (inputs: Props, extra: Partial<ProgramCluster> = {}): ProgramCluster => ({ inputs: clone(inputs), ignoreChanges: [], replaceOnChanges: [], protect: true, retainOnDelete: true, ...extra });

export const withGroup = (p: Props, name: string, change: Props): Props => ({ ...p, nodeGroups: p.nodeGroups.map((g: Props) => (g.nodeGroupName === name ? { ...g, ...change } : g)) });
export const withTags = (p: Props, t: Record<string, unknown>): Props => ({ ...p, tags: { ...p.tags, ...t } });

export interface Judged {
  plan: CallPlan;
  results: ChangeResult[];
  /** `IncreaseNodes core +2`, ... */
  calls: string[];
}

export function judge(before: Props | undefined, after: Props | undefined, opts: { ignore?: string[]; replaceOnChanges?: string[]; live?: LiveState; refreshed?: boolean; limits?: GuardrailLimits; retire?: { name: string; clusterId: string }[]; uses?: UsedResource[]; beforeExtra?: Partial<RecordedCluster>; afterExtra?: Partial<ProgramCluster> } = {}): Judged {
  const plan = planClusterCalls({
    cluster: "analytics",
    urn: "urn:pulumi:dev::emr::alicloud:emrv2/cluster:Cluster::analytics",
    ...(before ? { before: recorded(before, opts.beforeExtra) } : {}),
    ...(after ? { after: program(after, { ignoreChanges: opts.ignore ?? [], replaceOnChanges: opts.replaceOnChanges ?? [], ...opts.afterExtra }) } : {}),
    ...(opts.live ? { live: opts.live } : {}),
    refreshed: opts.refreshed ?? true,
  });
  const acks = after ? parseAcks(after.tags, before?.tags) : parseAcks(before?.tags);
  const results = checkCallPlans([{ plan, acks, clusterName: "analytics", recorded: { id: "c-0123456789abcdef", protect: before ? (opts.beforeExtra?.protect ?? true) : undefined, retainOnDelete: opts.beforeExtra?.retainOnDelete ?? true }, ...(opts.uses ? { uses: opts.uses } : {}) }], opts.retire ?? [], opts.limits ?? DEFAULT_LIMITS);
  return { plan, results, calls: plan.calls.map(describeCall) };
}

export const outcomeOf = (j: Judged, rule: string) => {
  const rs = j.results.filter((r) => r.rule === rule && r.cluster === "analytics");
  const findings = rs.flatMap((r) => (r.outcome.kind === "non-compliant" ? r.outcome.findings : []));
  if (findings.length) return { kind: "non-compliant" as const, findings };
  const unknown = rs.flatMap((r) => (r.outcome.kind === "unknown" ? r.outcome.paths : []));
  if (unknown.length) return { kind: "unknown" as const, paths: unknown };
  return { kind: rs.some((r) => r.outcome.kind === "compliant") ? ("compliant" as const) : ("not-applicable" as const) };
};

export const findingsOf = (j: Judged, rule: string) => {
  const o = outcomeOf(j, rule);
  return o.kind === "non-compliant" ? o.findings : [];
};

/** Exactly one finding of `rule`, at `path`, whose message and fix match every fragment. */
export function expectOnly(j: Judged, rule: string, path: string, ...fragments: RegExp[]) {
  const fs = findingsOf(j, rule);
  expect(fs.map((f) => f.path)).toEqual([path]);
  for (const fr of fragments) expect(`${fs[0].message} | ${fs[0].fix}`).toMatch(fr);
  expect(fs[0].message).toMatch(/^cluster "analytics": /);
}

/** No finding of `rule` at all (compliant or not applicable: never unknown). */
export const expectPass = (j: Judged, rule: string) => expect(outcomeOf(j, rule).kind).toMatch(/^(compliant|not-applicable)$/);

/** Every mandatory finding of the whole judgement, as `rule @ path`. */
export const mandatory = (j: Judged) => j.results.flatMap((r) => (r.outcome.kind === "non-compliant" ? r.outcome.findings : [])).filter((f) => f.level === "mandatory").map((f) => `${f.rule} @ ${f.path}`);

export const limits = (over: Partial<GuardrailLimits>): GuardrailLimits => ({ ...DEFAULT_LIMITS, ...over });
