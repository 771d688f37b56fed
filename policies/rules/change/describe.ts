/** One line per change of a cluster, for every report format: "core 40 → 60 (+20)", "task: auto-scaling 2–40 → removed". */
import type { ClusterChange, GroupChange } from "./diff";
import { show } from "./format";
import { replacingPaths } from "./field-rules";
import { capacityRange, summarizePolicy } from "./policy";
import { compareValues } from "./snapshot";
import { isUnknown } from "../types";
import { isKnown, type Field } from "../view";

const n = (v: Field<number>) => (isKnown(v) ? String(v) : isUnknown(v) ? "(known after apply)" : "?");
const policyText = (p: unknown) => (p === undefined ? "none" : capacityRange(summarizePolicy(p)));

function groupLines(g: GroupChange): string[] {
  if (g.status === "added") return [`${g.name} added (${g.type}, ${n(g.after?.nodeCount)} nodes)`];
  if (g.status === "removed") return [`${g.name} removed (${g.type}, ${n(g.before?.nodeCount)} nodes)`];
  const lines: string[] = [];
  if (g.status === "renamed") lines.push(`${g.renamedFrom} renamed → ${g.name} (${g.type}; a delete and a create for the provider)`);
  const from = g.status === "renamed" ? g.before?.nodeCount : g.before?.nodeCount;
  const to = g.after?.nodeCount;
  if (isKnown(from) && isKnown(to)) {
    if (from !== to) lines.push(`${g.name} ${from} → ${to} (${to > from ? "+" : ""}${to - from})`);
  } else if (from !== to) lines.push(`${g.name} ${n(from)} → ${n(to)}`);
  const pb = g.status === "kept" ? g.before?.autoScalingPolicy : undefined;
  const pa = g.after?.autoScalingPolicy;
  if (g.status === "kept" && compareValues(pb, pa) !== "same") lines.push(`${g.name}: auto-scaling ${policyText(pb)} → ${pa === undefined ? "removed" : policyText(pa)}`);
  return lines;
}

/** The lines describing a cluster's change, in a stable order: the cluster, its groups, then its fields. */
export function describeChange(change: ClusterChange): string[] {
  if (change.kind === "create") return ["cluster created"];
  if (change.kind === "remove") return [`cluster removed from the program${change.recorded?.id ? ` (${change.recorded.id})` : ""}`];
  const lines = change.groups.flatMap(groupLines);
  const replacing = new Set(replacingPaths(change).map((r) => r.path.split(".")[0]));
  for (const f of change.fields) {
    if (/^nodeGroups\[\d+\]\.(nodeCount|autoScalingPolicy|nodeGroupName)$/.test(f.path)) continue;
    const values = f.path === "applicationConfigs" || f.path === "tags" ? "changed" : `${show(f.before)} → ${show(f.after)}`;
    lines.push(`${f.path} ${values}${replacing.has(f.path) ? " (replaces the cluster)" : ""}`);
  }
  for (const r of change.replaceReasons) if (!change.fields.some((f) => f.path === r)) lines.push(`${r} (the provider replaces the cluster)`);
  change.unknownPaths.forEach((p) => lines.push(`${p}: known after apply`));
  return lines;
}
