/**
 * Replacements of the resources a cluster depends on (its security group, its metastore's instance, database,
 * account and privilege): a ForceNew field of the provider or a replaceOnChanges path. The engine refuses to replace
 * a protected resource, so the real `pulumi preview` fails; an unprotected metastore replaced loses its tables.
 */
import { compareValues } from "../change/snapshot";
import { show } from "../change/format";
import type { ChangeFinding } from "../change/types";
import { COMPUTED_FORCE_NEW_FIELDS, FORCE_NEW_FIELDS } from "../calls/provider";
import { changeFinding } from "./finding";
import { CHANGE_RULES } from "./names";

export interface ResourceSides {
  urn: string;
  type: string;
  name: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  replaceOnChanges: readonly string[];
  protect: boolean;
}

/** The replacing edits of one resource, as findings (unknown values: their paths, for the caller to report). */
export function judgeResourceReplacement(r: ResourceSides): { findings: ChangeFinding[]; unknown: string[] } {
  const forceNew = FORCE_NEW_FIELDS[r.type] ?? {};
  const keys = [...new Set([...Object.keys(forceNew), ...r.replaceOnChanges.map((p) => p.split(/[.[]/)[0])])];
  const changed: { key: string; why: string }[] = [];
  const unknown: string[] = [];
  const computed = COMPUTED_FORCE_NEW_FIELDS[r.type] ?? [];
  for (const k of keys) {
    // An Optional+Computed field the program leaves out keeps the resource's value: the provider reports no diff.
    if (r.after[k] === undefined && computed.includes(k)) continue;
    const c = compareValues(r.before[k], r.after[k]);
    if (c === "unknown") unknown.push(`${r.name}.${k}`);
    else if (c === "changed") changed.push({ key: k, why: forceNew[k] ? `ForceNew in the provider (${forceNew[k]})` : "replaceOnChanges" });
  }
  if (!changed.length) return { findings: [], unknown };
  const what = changed.map((c) => `${c.key} ${show(r.before[c.key])} -> ${show(r.after[c.key])} (${c.why})`).join("; ");
  const where = { cluster: r.name, path: changed[0].key };
  const finding = r.protect
    ? changeFinding(CHANGE_RULES.replacement, where, `${r.type} "${r.name}": ${what} replaces it, and it is protected: \`pulumi preview\` fails ("unable to replace resource ... as it is currently marked for protection")`, `keep ${changed.map((c) => c.key).join(", ")} as recorded; to move it, create a new one next to it and migrate`)
    : changeFinding(CHANGE_RULES.replacement, where, `${r.type} "${r.name}": ${what} replaces it (delete and create): what it holds is lost, and the cluster using it loses it meanwhile`, `keep ${changed.map((c) => c.key).join(", ")} as recorded`);
  return { findings: [finding], unknown };
}
