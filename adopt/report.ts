/** emr-adopt's report: per cluster, the preset and override, what cannot be expressed, the secrets, the next updates. */
import { describeCall } from "../policies/rules/gates";
import type { CallPlan } from "../policies/rules/calls";
import { IDENTITY_TAG } from "../policies/rules/domain";
import type { Adoption } from "./adopt";
import type { NextUpdate } from "./next-update";

/** What a plan sends and records, in words; "no calls" when nothing. */
export function planLines(plan: CallPlan): string[] {
  const lines = plan.calls.map((c) => `${describeCall(c)}: ${c.because}`);
  lines.push(...plan.refusals.map((r) => `refused by the provider: ${r.message} (${r.path})`));
  lines.push(...plan.previewErrors.map((e) => `the preview fails: ${e.message}`));
  lines.push(...plan.replacements.map((r) => `replaces the cluster: ${r.path}`));
  const recorded = plan.notApplied.filter((n) => !n.unknown).map((n) => n.path);
  if (recorded.length) lines.push(`records in the state only (no call): ${[...new Set(recorded)].join(", ")}`);
  return lines.length ? lines : ["no calls"];
}

/** The first update's lines for the YAML comment, with why each call is sent. */
export function firstUpdateNotes(a: Adoption, next: NextUpdate): string[] {
  const lines = planLines(next.firstUpdate).map((l) => (l.startsWith("PutAutoScalingPolicy") ? `${l} (the same policy the group has: the provider's import does not read policies back)` : l));
  if (a.identity.live !== a.identity.expected) lines.push(`to make it send no TagResources, add the tag ${IDENTITY_TAG}=${a.identity.expected} in the EMR console first (the live gate finds the cluster by it)`);
  return lines;
}

export interface AdoptReport {
  clusterId: string;
  clusterName: string;
  entry: string;
  preset: string;
  overrideSize: number;
  presetSizes: Record<string, number>;
  gaps: { path: string; value: unknown; why: string }[];
  secrets: { configKey: string; command: string; what: string }[];
  identity: { expected: string; live?: string };
  /** The program against the live cluster (once adopted): the calls of an update. */
  match: { operation: string; calls: string[] };
  /** The first `pulumi up` after `pulumi import`. */
  firstUpdate: { operation: string; calls: string[] };
}

export function adoptReport(a: Adoption, next: NextUpdate): AdoptReport {
  return {
    clusterId: a.clusterId, clusterName: String(a.live.cluster.ClusterName ?? ""), entry: a.entry.name, preset: a.match.preset,
    overrideSize: a.match.sizes[a.match.preset], presetSizes: a.match.sizes,
    gaps: a.liveSpec.gaps, secrets: a.liveSpec.secrets, identity: a.identity,
    match: { operation: next.match.operation, calls: planLines(next.match) },
    firstUpdate: { operation: next.firstUpdate.operation, calls: planLines(next.firstUpdate) },
  };
}

export function renderText(reports: AdoptReport[], files: { entry: string; importFile: string }): string {
  const out: string[] = [];
  for (const r of reports) {
    out.push(`${r.clusterId} (${r.clusterName}) -> emr:clusters entry "${r.entry}", preset ${r.preset} + ${r.overrideSize} override values (${Object.entries(r.presetSizes).map(([p, n]) => `${p} ${n}`).join(", ")})`);
    if (r.gaps.length) out.push("  not expressible in the spec (left as the cluster has it):", ...r.gaps.map((g) => `    - ${g.path}: ${g.why}`));
    if (r.secrets.length) out.push("  secrets to set (never read by emr-adopt):", ...r.secrets.map((s) => `    ${s.command}`));
    out.push(`  the program against the live cluster: ${r.match.calls.join("; ")}`);
    out.push(`  the first pulumi up after the import: ${r.firstUpdate.calls.join("; ")}`);
    if (r.identity.live !== r.identity.expected) out.push(`  the cluster lacks its identity tag: add ${IDENTITY_TAG}=${r.identity.expected} in the EMR console to make those updates send no TagResources`);
  }
  out.push("", `wrote ${files.entry} (merge it into stacks/Pulumi.<stack>.yaml) and ${files.importFile}; then:`, `  pulumi import --file ${files.importFile} --generate-code=false`, "nothing was written to the cloud (reads only)");
  return out.join("\n");
}
