/**
 * Checks a resource's inputs against the provider's schema table (provider-schema.ts): every value the alicloud
 * provider would refuse at preview (or silently truncate), with its path, the node group it belongs to, the values
 * accepted and the provider source line. Pure; unknown values are reported as unknown, never as a pass.
 */
import { EMR_CLUSTER_SCHEMA, PROVIDER_SCHEMA, type SchemaEntry } from "./provider-schema";
import { OutcomeBuilder, isUnknown } from "./types";
import { isKnown, readBool } from "./read";
import type { ClusterRule } from "./rule";

export interface SchemaProblem {
  path: string;
  message: string;
  fix: string;
}

export interface SchemaResult {
  problems: SchemaProblem[];
  /** Paths whose value is not known yet (a preview unknown). */
  unknown: string[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** A number as the engine may hand it over (numbers from config can arrive as digit strings). */
function asNumber(v: unknown): number | undefined {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v);
  return undefined;
}

const shown = (v: unknown): string => (typeof v === "string" ? JSON.stringify(v) : typeof v === "number" ? String(v) : Array.isArray(v) ? "a list" : isRecord(v) ? "a map" : String(v));
const listed = (values: readonly (string | number)[]): string => values.map((v) => (typeof v === "string" ? `"${v}"` : String(v))).join(", ");

/** What is wrong with `value` for `entry` (the end of a message, and the fix), or undefined when it is accepted. */
function judge(entry: SchemaEntry, value: unknown): { what: string; fix: string } | undefined {
  const refuses = `the provider refuses anything else at preview (${entry.source})`;
  switch (entry.kind) {
    case "oneOf":
      if (typeof value === "string" && (entry.values as readonly string[]).includes(value)) return undefined;
      return { what: `accepted are ${listed(entry.values)}; ${refuses}`, fix: `use one of them, e.g. "${entry.values[0]}"` };
    case "intOneOf": {
      const n = asNumber(value);
      if (n !== undefined && (entry.values as readonly number[]).includes(n)) return undefined;
      return { what: `accepted are ${listed(entry.values)}; ${refuses}`, fix: `use one of them, e.g. ${entry.values.find((v) => v > 0) ?? entry.values[0]}` };
    }
    case "intRange": {
      const n = asNumber(value);
      if (n !== undefined && Number.isInteger(n) && n >= entry.min && n <= entry.max) return undefined;
      return { what: `accepted is a whole number from ${entry.min} to ${entry.max}; ${refuses}`, fix: `use a whole number from ${entry.min} to ${entry.max}` };
    }
    case "integer": {
      const n = asNumber(value);
      if (n !== undefined && Number.isInteger(n) && n >= (entry.min ?? -Infinity)) return undefined;
      const fix = `write a whole number${entry.min !== undefined ? ` of at least ${entry.min}` : ""}, e.g. ${Math.max(entry.min ?? 1, Math.ceil(n ?? 1), 1)}${entry.alternative ? `, or ${entry.alternative}` : ""}`;
      const field = `the provider's field is a whole number (${entry.source})`;
      if (n === undefined) return { what: field, fix };
      if (!Number.isInteger(n)) return { what: `${field} and the Pulumi bridge truncates a fraction: ${Math.trunc(n)} would be sent, not ${n}`, fix };
      return { what: `${field} with no range of its own; a count is at least ${entry.min}`, fix };
    }
    case "pattern":
      if (typeof value === "string" && entry.pattern.test(value)) return undefined;
      return { what: `the provider accepts ${entry.rule} (${entry.pattern.source}, ${entry.source})`, fix: `use such a name, e.g. "${entry.example}"` };
    case "boolean":
      if (isKnown(readBool(value))) return undefined;
      return { what: `the provider's field is a boolean and reads a string only as Go's strconv.ParseBool does (${entry.source})`, fix: "write true or false" };
    case "length":
      if (typeof value === "string" && value.length >= entry.min && value.length <= entry.max) return undefined;
      return { what: `the provider accepts ${entry.min} to ${entry.max} characters (${entry.source})`, fix: `write ${entry.min} to ${entry.max} characters` };
  }
}

/** The values at a table path (`nodeGroups[].nodeCount`) in `props`, each with its concrete path; unknowns as such. */
function valuesAt(props: unknown, tablePath: string): { path: string; value: unknown }[] {
  const segments = tablePath.split(/\.|(?=\[\])/).filter(Boolean);
  let at: { path: string; value: unknown }[] = [{ path: "", value: props }];
  for (const seg of segments) {
    const next: { path: string; value: unknown }[] = [];
    for (const { path, value } of at) {
      if (isUnknown(value)) next.push({ path, value });
      else if (seg === "[]") {
        if (Array.isArray(value)) value.forEach((item, i) => next.push({ path: `${path}[${i}]`, value: item }));
      } else if (isRecord(value)) next.push({ path: path ? `${path}.${seg}` : seg, value: value[seg] });
    }
    at = next;
  }
  return at.filter((v) => v.value !== undefined && v.value !== null);
}

/** The last key of a path: `nodeGroups[1].systemDisk.category` → `category`. */
const fieldName = (path: string): string => /([A-Za-z_$][\w$]*)(\[\d+\])?$/.exec(path)?.[1] ?? path;

/** `(node group "core")` for a path inside a node group that has a name, else "". */
function groupLabel(props: unknown, path: string): string {
  const m = /^nodeGroups\[(\d+)\]/.exec(path);
  const groups = isRecord(props) ? props.nodeGroups : undefined;
  const group = m && Array.isArray(groups) ? groups[Number(m[1])] : undefined;
  return isRecord(group) && typeof group.nodeGroupName === "string" ? ` (node group "${group.nodeGroupName}")` : "";
}

/** Every value of `props` outside the provider's schema for resources of `type` (no table: nothing to check). */
export function checkProviderSchema(type: string, props: unknown): SchemaResult {
  const table = PROVIDER_SCHEMA[type] ?? {};
  const result: SchemaResult = { problems: [], unknown: [] };
  if (isUnknown(props)) return { problems: [], unknown: ["(inputs)"] };
  for (const [tablePath, entry] of Object.entries(table)) {
    for (const { path, value } of valuesAt(props, tablePath)) {
      if (isUnknown(value)) {
        result.unknown.push(path || tablePath);
        continue;
      }
      const wrong = judge(entry, value);
      if (wrong) result.problems.push({ path, message: `${fieldName(path)} is ${shown(value)}${groupLabel(props, path)}; ${wrong.what}`, fix: wrong.fix });
    }
  }
  return result;
}

export const PROVIDER_SCHEMA_RULE = "emr-provider-schema";

/** The cluster's part of the emr-provider-schema policy (the component runs it too, as a validity rule). */
export const providerSchemaValues: ClusterRule = {
  name: PROVIDER_SCHEMA_RULE,
  check(view) {
    const out = new OutcomeBuilder(this.name);
    const { problems, unknown } = checkProviderSchema("alicloud:emrv2/cluster:Cluster", view.props);
    out.applies();
    for (const p of problems) out.fail(p.path, p.message, p.fix);
    for (const u of unknown) out.unknown(u);
    return out.build();
  },
};
