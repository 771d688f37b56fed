/**
 * The resource option `ignoreChanges` as the engine and the bridge apply it: the value at an ignored path is taken
 * from the recorded state, by POSITION (`nodeGroups` is a list: `nodeGroups[3].nodeCount` means the fourth entry,
 * whatever its name). That is why removing a group listed before an auto-scaled one moves the ignore onto another
 * group, and why an auto-scaled group's planned count is its stale state count.
 */

type Segment = string | number | "*";

/** Parses a Pulumi property path: `a.b`, `a[0]`, `a[*]`, `a["key"]`. Undefined when it is not one. */
export function parsePropertyPath(path: string): Segment[] | undefined {
  const out: Segment[] = [];
  const re = /(?:^|\.)([A-Za-z_$][\w$-]*)|\[(\d+)\]|\[\*\]|\["((?:[^"\\]|\\.)*)"\]/y;
  let i = 0;
  while (i < path.length) {
    re.lastIndex = i;
    const m = re.exec(path);
    if (!m || m[0] === "") return undefined;
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[3] !== undefined) out.push(m[3].replace(/\\(.)/g, "$1"));
    else out.push("*");
    i = re.lastIndex;
  }
  return out.length ? out : undefined;
}

const isRecord = (v: unknown): v is Record<string | number, unknown> => v !== null && typeof v === "object";

/** Copies plain lists and objects; keeps everything else (the UNKNOWN symbol, SecretValue markers) as it is. */
export function cloneData<T>(v: T): T {
  if (Array.isArray(v)) return v.map(cloneData) as T;
  if (v !== null && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, cloneData(x)])) as T;
  }
  return v;
}

/**
 * Copies `from`'s value at `path` into `into` (deleting a key `from` lacks), expanding `*` over `into`'s list. A path
 * whose container the program lacks is returned: the engine refuses such an ignoreChanges ("one or more elements of
 * the path are missing").
 */
function copyAt(into: unknown, from: unknown, path: readonly Segment[]): boolean {
  const [head, ...rest] = path;
  if (!isRecord(into)) return false;
  if (head === "*") {
    if (Array.isArray(into)) into.forEach((_, i) => copyAt(into, from, [i, ...rest]));
    return true;
  }
  if (Array.isArray(into) && (typeof head !== "number" || head >= into.length)) return false;
  const source = isRecord(from) ? from[head] : undefined;
  if (rest.length === 0) {
    if (source !== undefined) into[head] = cloneData(source);
    else if (!Array.isArray(into)) delete into[head];
    return true;
  }
  if (into[head] === undefined) return false;
  return copyAt(into[head], source, rest);
}

/**
 * The inputs the provider plans with: `after` with every ignored path taken from `recorded` (the state's values).
 * Returns a copy; paths that are not property paths are returned in `unreadable`.
 */
export function applyIgnoreChanges(after: Record<string, unknown>, recorded: Record<string, unknown>, paths: readonly string[]): { planned: Record<string, unknown>; unreadable: string[] } {
  const planned = cloneData(after);
  const unreadable: string[] = [];
  for (const p of paths) {
    const segs = parsePropertyPath(p);
    if (!segs) unreadable.push(`${p} (not a property path)`);
    else if (!copyAt(planned, recorded, segs)) unreadable.push(`${p} (the program has no such element: the engine refuses this ignoreChanges)`);
  }
  return { planned, unreadable };
}

/** The list indexes of `nodeGroups` whose `nodeCount` an ignoreChanges path covers (`*` covers every index < n). */
export function ignoredCountIndexes(paths: readonly string[], n: number): Set<number> {
  const out = new Set<number>();
  for (const p of paths) {
    const s = parsePropertyPath(p);
    if (!s || s[0] !== "nodeGroups") continue;
    const covers = s.length === 1 || (s.length === 2 && typeof s[1] !== "string") || (s.length === 3 && s[2] === "nodeCount");
    if (!covers) continue;
    if (s.length === 1 || s[1] === "*") for (let i = 0; i < n; i++) out.add(i);
    else if (typeof s[1] === "number") out.add(s[1]);
  }
  return out;
}
