/**
 * Deep merge of a user's spec over a preset. The user wins on every field they state:
 * - objects merge key by key; `null` removes the preset's value; an object whose `type` differs (the metastore)
 *   replaces the preset's object whole, because its other fields belong to the other type;
 * - keyed lists merge entry by entry: `nodeGroups` by `nodeGroupName`, `bootstrapScripts` by `scriptName`,
 *   `applicationConfigs` by application/file/key/node group; a user entry with `remove: true` drops the preset's entry;
 * - every other list (applications, instanceTypes, vswitchIds, ...) and every scalar or pulumi Output is replaced.
 */
import * as pulumi from "@pulumi/pulumi";
import { didYouMean } from "../policies/rules/suggest";

type Plain = Record<string, unknown>;

const LIST_KEYS: Record<string, (entry: Plain) => string> = {
  nodeGroups: (g) => String(g.nodeGroupName),
  bootstrapScripts: (s) => String(s.scriptName),
  applicationConfigs: (c) => [c.applicationName, c.configFileName, c.configItemKey, c.nodeGroupName ?? ""].join("/"),
};

export function isPlainObject(value: unknown): value is Plain {
  if (value === null || typeof value !== "object" || Array.isArray(value) || pulumi.Output.isInstance(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Merges `override` over `base` without mutating either. */
export function deepMerge<T>(base: unknown, override: unknown): T {
  return mergeValue(base, override, undefined) as T;
}

function mergeValue(base: unknown, override: unknown, key: string | undefined): unknown {
  if (override === undefined) return base;
  if (override === null) return undefined;
  if (key !== undefined && key in LIST_KEYS && Array.isArray(base) && Array.isArray(override)) {
    return mergeKeyedList(base, override, LIST_KEYS[key]);
  }
  if (isPlainObject(base) && isPlainObject(override)) {
    if ("type" in base && "type" in override && base.type !== override.type) return stripRemoved(override);
    const merged: Plain = { ...base };
    for (const [k, v] of Object.entries(override)) {
      const value = mergeValue(base[k], v, k);
      if (value === undefined) delete merged[k];
      else merged[k] = value;
    }
    return merged;
  }
  return override;
}

function mergeKeyedList(base: unknown[], override: unknown[], keyOf: (entry: Plain) => string): unknown[] {
  const result = new Map<string, unknown>();
  for (const entry of base) result.set(isPlainObject(entry) ? keyOf(entry) : JSON.stringify(entry), entry);
  let anonymous = 0;
  for (const entry of override) {
    if (!isPlainObject(entry)) {
      result.set(`#${anonymous++}`, entry);
      continue;
    }
    const k = keyOf(entry);
    if (entry.remove === true) result.delete(k);
    else result.set(k, mergeValue(result.get(k), stripRemoved(entry), undefined));
  }
  return [...result.values()];
}

function stripRemoved(entry: Plain): Plain {
  const { remove: _remove, ...rest } = entry;
  return rest;
}

/**
 * Node groups of a user's override that name no group of the preset and have no nodeGroupType: a misspelled override
 * (`cores` for `core`), which the merge would otherwise add as a new, incomplete group and report as several unrelated
 * errors. One issue each, with the preset's group names.
 */
export function unknownGroupOverrides(presetName: string, preset: unknown, override: unknown): { path: string; reason: string }[] {
  if (!isPlainObject(preset) || !isPlainObject(override) || !Array.isArray(preset.nodeGroups) || !Array.isArray(override.nodeGroups)) return [];
  const names = preset.nodeGroups.filter(isPlainObject).map((g) => String(g.nodeGroupName));
  return override.nodeGroups.flatMap((g, i) => {
    if (!isPlainObject(g) || g.nodeGroupType !== undefined || typeof g.nodeGroupName !== "string" || names.includes(g.nodeGroupName)) return [];
    return [
      {
        path: `nodeGroups[${i}].nodeGroupName`,
        reason: `no node group named ${g.nodeGroupName} in preset ${presetName}${didYouMean(g.nodeGroupName, names)}; its groups are ${names.join(", ")} (a new group needs its nodeGroupType)`,
      },
    ];
  });
}
