/**
 * The resource option `ignoreChanges` as the engine and the bridge apply it: the value at an ignored path is taken
 * from the recorded state, by POSITION (`nodeGroups` is a list: `nodeGroups[3].nodeCount` means the fourth entry,
 * whatever its name). That is why removing a group listed before an auto-scaled one moves the ignore onto another
 * group, and why an auto-scaled group's planned count is its stale state count.
 */

/** A map key (`*` in a key position is the engine's wildcard, `["*"]` too) or a list index. */
type Segment = string | number;

/**
 * Parses a property path as the engine does (ParsePropertyPath, sdk/go/common/resource/properties_path.go v3.274.1),
 * which is looser than its documented grammar: a bare name is anything up to the next `.` or `[` (`a.b-c`, `tags.*`),
 * `.[0]` is tolerated, an index may carry a sign, a quoted key unescapes only `\"`. Undefined where the engine errors
 * (it then drops the path without a word).
 */
export function parsePropertyPath(path: string): Segment[] | undefined {
  if (path.startsWith(".")) return undefined;
  const out: Segment[] = [];
  let rest = path;
  while (rest.length > 0) {
    if (rest[0] === ".") {
      rest = rest.slice(1);
      if (rest === "") return undefined;
    } else if (rest.startsWith('["')) {
      let key = "";
      let i = 2;
      for (;;) {
        if (i >= rest.length) return undefined;
        if (rest[i] === '"') break;
        const escapedQuote = rest[i] === "\\" && rest[i + 1] === '"';
        key += escapedQuote ? '"' : rest[i];
        i += escapedQuote ? 2 : 1;
      }
      if (rest[i + 1] !== "]") return undefined;
      out.push(key);
      rest = rest.slice(i + 2);
    } else if (rest[0] === "[") {
      const close = rest.indexOf("]");
      if (close < 0) return undefined;
      const inside = rest.slice(1, close);
      if (inside !== "*" && !/^[+-]?\d+$/.test(inside)) return undefined;
      const index = inside === "*" ? "*" : Number(inside);
      if (typeof index === "number" && !Number.isSafeInteger(index)) return undefined;
      out.push(index);
      rest = rest.slice(close + 1);
    } else {
      const end = rest.search(/[.[]/);
      out.push(end < 0 ? rest : rest.slice(0, end));
      rest = end < 0 ? "" : rest.slice(end);
    }
  }
  return out;
}

/** A map, as the engine's PropertyValue.IsObject sees one (lists, UNKNOWN and secret markers are not). */
const isMap = (v: unknown): v is Record<string, unknown> => {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};
const has = (m: Record<string, unknown>, k: string): boolean => Object.hasOwn(m, k) && m[k] !== undefined;

/** Copies plain lists and objects; keeps everything else (the UNKNOWN symbol, SecretValue markers) as it is. */
export function cloneData<T>(v: T): T {
  if (Array.isArray(v)) return v.map(cloneData) as T;
  if (isMap(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, cloneData(x)])) as T;
  return v;
}

/**
 * Resets `path` in `next` (mutated) to `old`'s value there, as the engine's PropertyPath.Reset does
 * (sdk/go/common/resource/properties_path.go, v3.274.1): false where an element of the path was added or removed
 * (the engine then only logs "cannot ignore changes in added or removed elements of the path" and plans with the
 * program's value; a `*` over lists of different lengths has reset the common part first). Written from the engine's
 * rules, case by case:
 * - a list index: both sides lists and the index in both (or in neither: nothing to do), else a path failure;
 * - `*`: every key of old's map (each must be in next) or every index both lists share (lengths must agree);
 * - a map key: at the leaf, old's value is copied, or the key is deleted when old lacks it; on the way, a key old
 *   has and next lacks is a failure, a key neither has is done, a key only next has is followed with nothing old.
 */
function reset(path: readonly Segment[], old: unknown, next: unknown): boolean {
  if (path.length === 0) return false;
  const [key, ...rest] = path;
  const leaf = rest.length === 0;
  if (typeof key === "number") {
    if (key < 0) return false;
    if (!Array.isArray(old) || !Array.isArray(next)) return !Array.isArray(old) && !Array.isArray(next);
    if (key >= old.length && key >= next.length) return leaf;
    if (key >= old.length || key >= next.length) return false;
    if (!leaf) return reset(rest, old[key], next[key]);
    next[key] = cloneData(old[key]);
    return true;
  }
  if (key === "*") return resetEvery(rest, old, next);
  if (leaf) {
    if (isMap(old) && has(old, key)) {
      if (!isMap(next)) return false;
      next[key] = cloneData(old[key]);
    } else if (isMap(next)) delete next[key];
    return true;
  }
  if (!isMap(old) || !isMap(next)) return !isMap(old) && !isMap(next);
  if (!has(next, key)) return !has(old, key);
  return reset(rest, has(old, key) ? old[key] : undefined, next[key]);
}

/** `*` in a path: every entry of a map or a list (see reset). */
function resetEvery(rest: readonly Segment[], old: unknown, next: unknown): boolean {
  if (isMap(old) && isMap(next)) {
    if (rest.length === 0) {
      for (const k of Object.keys(next)) if (!has(old, k)) delete next[k];
      for (const k of Object.keys(old)) if (has(old, k)) next[k] = cloneData(old[k]);
      return true;
    }
    return Object.keys(old).every((k) => has(old, k) && has(next, k) && reset(rest, old[k], next[k]));
  }
  if (Array.isArray(old) && Array.isArray(next)) {
    for (let i = 0; i < Math.min(old.length, next.length); i++) {
      if (rest.length === 0) next[i] = cloneData(old[i]);
      else if (!reset(rest, old[i], next[i])) return false;
    }
    return old.length === next.length;
  }
  // At the leaf, a map in the program beside anything else in the state is left alone (and is no failure).
  return rest.length === 0 && (isMap(next) || Array.isArray(next));
}

/** An ignoreChanges path the engine does not apply, and why. */
export interface SkippedIgnore {
  path: string;
  why: "not a property path" | "an element of the path was added or removed";
}

/**
 * The inputs the provider plans with: `after` with every ignored path reset to `recorded` (the state's inputs) as the
 * engine does (processIgnoreChanges in pkg/resource/deploy/step_generator.go). Returns a copy; the paths the engine
 * skips (it drops an unparsable one silently and logs the others) are in `skipped`: the program's value stands there.
 */
export function applyIgnoreChanges(after: Record<string, unknown>, recorded: Record<string, unknown>, paths: readonly string[]): { planned: Record<string, unknown>; skipped: SkippedIgnore[] } {
  const planned = cloneData(after);
  const skipped: SkippedIgnore[] = [];
  for (const p of paths) {
    const segs = parsePropertyPath(p);
    if (!segs) skipped.push({ path: p, why: "not a property path" });
    else if (!reset(segs, recorded, planned)) skipped.push({ path: p, why: "an element of the path was added or removed" });
  }
  return { planned, skipped };
}
