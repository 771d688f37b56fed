/**
 * The closest preset to a whole spec, and the smallest override that, merged over it the way the program merges
 * (components/merge.ts), gives that spec back. Each preset's override is built by walking the merge's own rules
 * (objects key by key, `null` removes, node groups by name with `remove: true`, other lists whole), then every value
 * that the schema's defaults would give anyway is pruned; the preset with the fewest values to state wins.
 */
import { isDeepStrictEqual } from "node:util";
import { deepMerge, isPlainObject } from "../components/merge";
import { PRESETS, PRESET_NAMES, type PresetName } from "../components/presets";
import { toClusterArgs } from "../components/provider-args";
import { clusterSpecSchema } from "../components/spec";
import { toRuleView } from "../components/validate";

type Obj = Record<string, unknown>;

/** The keys the merge matches list entries by (components/merge.ts LIST_KEYS). */
const LIST_KEYS: Record<string, (e: Obj) => string> = {
  nodeGroups: (g) => String(g.nodeGroupName),
  bootstrapScripts: (s) => String(s.scriptName),
  applicationConfigs: (c) => [c.applicationName, c.configFileName, c.configItemKey, c.nodeGroupName ?? ""].join("/"),
};
const KEY_FIELDS: Record<string, string[]> = { nodeGroups: ["nodeGroupName"], bootstrapScripts: ["scriptName"], applicationConfigs: ["applicationName", "configFileName", "configItemKey", "nodeGroupName"] };

/** What to write over `base` to get `target` (undefined: nothing). */
function overrideOf(base: unknown, target: unknown, key?: string): unknown {
  if (isDeepStrictEqual(base, target)) return undefined;
  if (target === undefined) return null;
  if (key && key in LIST_KEYS && Array.isArray(base) && Array.isArray(target)) {
    const keyOf = LIST_KEYS[key];
    const out: Obj[] = [];
    const baseByKey = new Map(base.filter(isPlainObject).map((e) => [keyOf(e), e]));
    const targetKeys = new Set(target.filter(isPlainObject).map(keyOf));
    for (const [k, e] of baseByKey) if (!targetKeys.has(k)) out.push({ ...pick(e, KEY_FIELDS[key]), remove: true });
    for (const e of target.filter(isPlainObject)) {
      const b = baseByKey.get(keyOf(e));
      if (!b) out.push(e);
      else {
        const o = overrideOf(b, e);
        if (o !== undefined) out.push({ ...pick(e, KEY_FIELDS[key]), ...(o as Obj) });
      }
    }
    return out.length ? out : undefined;
  }
  if (isPlainObject(base) && isPlainObject(target)) {
    // An object of another `type` (the metastore) replaces the preset's whole.
    if ("type" in base && "type" in target && base.type !== target.type) return target;
    const out: Obj = {};
    for (const k of new Set([...Object.keys(base), ...Object.keys(target)])) {
      const o = overrideOf(base[k], target[k], k);
      if (o !== undefined) out[k] = o;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return target;
}

const pick = (e: Obj, keys: string[]) => Object.fromEntries(keys.filter((k) => e[k] !== undefined).map((k) => [k, e[k]]));

/**
 * What the program makes of a spec: the provider's inputs (defaults applied, the sugar expanded), so two specs that
 * differ only in what the component derives anyway (a group's inherited payment, a schema default) are one.
 */
function normalized(spec: unknown): unknown {
  const parsed = parsedSpec(spec);
  if (!parsed) return undefined;
  const external = parsed.metastore?.type === "USER_RDS" ? parsed.metastore.external : undefined;
  const jdbc = external ? { url: external.connectionUrl, userName: external.userName, password: "pending" } : undefined;
  return toRuleView(toClusterArgs(parsed, { securityGroupId: parsed.nodeAttributes.securityGroupId ?? "pending", ...(jdbc ? { jdbc } : {}) }));
}

/** The spec as the schema reads it (defaults applied); a stack config's passwordConfigKey stands for a password. */
function parsedSpec(spec: unknown) {
  const copy = structuredClone(spec) as Obj;
  const external = isPlainObject(copy.metastore) && isPlainObject(copy.metastore.external) ? copy.metastore.external : undefined;
  if (external && "passwordConfigKey" in external) {
    external.password = `secret:${String(external.passwordConfigKey)}`;
    delete external.passwordConfigKey;
  }
  const parsed = clusterSpecSchema.safeParse(copy);
  return parsed.success ? parsed.data : undefined;
}

/** Every path to a leaf of an override (a list entry counts as one leaf, with its key fields). */
function leaves(o: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (path.length && ((Array.isArray(o) && !o.length) || (isPlainObject(o) && !Object.keys(o).length))) return [path];
  if (Array.isArray(o)) return o.flatMap((e, i) => (isPlainObject(e) && !("remove" in e) ? leaves(e, [...path, i]) : [[...path, i]]));
  if (isPlainObject(o)) return Object.entries(o).flatMap(([k, v]) => (v !== null && (isPlainObject(v) || Array.isArray(v)) ? leaves(v, [...path, k]) : [[...path, k]]));
  return [path];
}

function without(o: unknown, path: (string | number)[]): unknown {
  const copy = structuredClone(o);
  let node = copy as Obj;
  for (const seg of path.slice(0, -1)) node = (node as Record<string | number, unknown>)[seg] as Obj;
  const last = path[path.length - 1];
  if (Array.isArray(node)) node.splice(Number(last), 1);
  else delete node[last as string];
  return copy;
}

/** Drops the override's values that change nothing (a schema default, an empty object left behind). */
function prune(preset: Obj, override: Obj, wanted: unknown): Obj {
  let current = override;
  // Until nothing more can go: one value may be needed only while another is stated (a renewal's unit and duration).
  for (let changed = true; changed; ) {
    changed = false;
    for (const path of leaves(current).reverse()) {
      // Never drop a list entry's key fields alone: the entry would match another group, or none.
      const last = path[path.length - 1];
      if (path.length > 2 && typeof last === "string" && Object.values(KEY_FIELDS).flat().includes(last)) continue;
      const candidate = without(current, path) as Obj;
      if (isDeepStrictEqual(normalized(deepMerge(preset, candidate)), wanted)) {
        current = candidate;
        changed = true;
        break;
      }
    }
  }
  return current;
}

/** The override's keys in the order the spec's schema lists them (clusterName first, as a person writes it). */
function schemaOrder(o: Obj): Obj {
  const order = Object.keys(clusterSpecSchema.shape);
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)));
}

/** Removes list entries left with nothing but their key fields, and objects left empty, after pruning. */
function tidy(o: unknown, key?: string): unknown {
  if (Array.isArray(o)) {
    const fields = key ? KEY_FIELDS[key] : undefined;
    return o.map((e) => tidy(e)).filter((e) => !(fields && isPlainObject(e) && Object.keys(e).every((k) => fields.includes(k))));
  }
  if (!isPlainObject(o)) return o;
  const out: Obj = {};
  for (const [k, v] of Object.entries(o)) {
    const t = tidy(v, k);
    if ((isPlainObject(t) && !Object.keys(t).length) || (Array.isArray(t) && !t.length && Array.isArray(v) && v.length && k in KEY_FIELDS)) continue;
    out[k] = t;
  }
  return out;
}

/** How many values an override states. */
export const overrideSize = (o: Obj): number => leaves(o).length;

export interface PresetMatch {
  preset: PresetName;
  override: Obj;
  /** The override of every preset, by size (for the report). */
  sizes: Record<PresetName, number>;
}

/** The preset whose override is smallest, and that override; undefined when no override gives the spec back. */
export function closestPreset(spec: Obj): PresetMatch | undefined {
  const wanted = normalized(spec);
  if (wanted === undefined) return undefined;
  let best: PresetMatch | undefined;
  const sizes = {} as Record<PresetName, number>;
  for (const name of PRESET_NAMES) {
    const preset = PRESETS[name] as Obj;
    const raw = (overrideOf(preset, spec) ?? {}) as Obj;
    if (!isDeepStrictEqual(normalized(deepMerge(preset, raw)), wanted)) continue;
    const override = schemaOrder(tidy(prune(preset, raw, wanted)) as Obj);
    if (!isDeepStrictEqual(normalized(deepMerge(preset, override)), wanted)) continue;
    sizes[name] = overrideSize(override);
    if (!best || sizes[name] < overrideSize(best.override)) best = { preset: name, override, sizes };
  }
  return best && { ...best, sizes };
}
