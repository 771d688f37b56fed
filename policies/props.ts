/**
 * Turns the SDK's resource props into plain data for the pure rules. During preview the SDK hands policies a proxy
 * that throws when a not-yet-known value is read; a policy that touched one would lose its verdict. Here every
 * value is read once, and an unknown one becomes the rules' UNKNOWN marker instead of an exception.
 *
 * Cost: the SDK deserializes a resource's properties afresh for every policy and wraps them in that proxy, whose
 * every read allocates (a path array, a descriptor, a nested proxy). Copying all the props through it, once for each
 * of the pack's policies, was most of the pack's time. The proxy hands back the plain data it wraps (the SDK's own
 * `__getSpecialProxyTarget` key, @pulumi/policy 1.21 proxy.js); the copy walks that instead, and recognises the
 * engine's unknown sentinels itself, exactly the values on which the proxy would throw.
 */
import { isUnknownSentinel } from "./engine";
import { UNKNOWN, clusterView, type ClusterView } from "./rules/index";

/** The key on which @pulumi/policy's unknown-checking proxy returns the object it wraps. */
const PROXY_TARGET = "__getSpecialProxyTarget";

/** Whether the SDK threw because the value is a preview unknown (its UnknownValueError carries the sentinel). */
function isUnknownValueError(err: unknown): boolean {
  return err instanceof Error && "unknownTypeSentinel" in err;
}

function read(container: Record<string | number, unknown>, key: string | number): unknown {
  try {
    return copy(container[key]);
  } catch (err) {
    if (isUnknownValueError(err)) return UNKNOWN;
    throw err;
  }
}

function copy(value: unknown): unknown {
  if (typeof value === "string") return isUnknownSentinel(value) ? UNKNOWN : value;
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return Array.from({ length: value.length }, (_, i) => read(value as unknown as Record<number, unknown>, i));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = read(value as Record<string, unknown>, key);
  return out;
}

/** The data the SDK's proxy wraps (fresh for every policy), or undefined when `value` is not such a proxy. */
function proxyTarget(value: unknown): unknown {
  return value !== null && typeof value === "object" ? (value as Record<string, unknown>)[PROXY_TARGET] : undefined;
}

/** Plain data of `value` (the SDK's props proxy, or any value), with preview unknowns as UNKNOWN. */
export function plainProps(value: unknown): unknown {
  return copy(proxyTarget(value) ?? value);
}

/**
 * Whether two deserialized values hold the same data (JSON equality: an object's key order does not count).
 * Allocates nothing: a few microseconds for a cluster, against about ten for a copy and its view.
 */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let keys = 0;
  for (const key in x) {
    keys++;
    if (!Object.prototype.hasOwnProperty.call(y, key) || !sameData(x[key], y[key])) return false;
  }
  for (const _ in y) keys--;
  return keys === 0;
}

interface Shared {
  /** The SDK's deserialized data the copy was made from. */
  data: unknown;
  plain: unknown;
  view?: ClusterView;
}

/** The current call's copies, by URN. */
const shared = new Map<string, Shared>();

/**
 * The plain props of resource `urn` (and, for a cluster, its view), made once and shared by the policies of the
 * current Analyze or AnalyzeStack call: the SDK gives each policy its own deserialized data, so identity never
 * matches, and copying plus building the view once per policy cost more than the rules themselves.
 * A copy is reused only for the same URN with the same data (compared without allocating, far cheaper than a
 * copy): concurrent calls for one URN with other props, which the server interleaves within one turn of the event
 * loop, each get their own. Kept until the current macrotask ends (cleared by setImmediate). The rules never
 * mutate what they read.
 */
function sharedEntry(urn: string, props: unknown): Shared {
  const data = proxyTarget(props);
  if (data === undefined) return { data, plain: plainProps(props) }; // not the SDK's proxy: nothing to compare with
  const hit = shared.get(urn);
  if (hit && sameData(hit.data, data)) return hit;
  const entry: Shared = { data, plain: copy(data) };
  if (shared.size === 0) setImmediate(() => shared.clear());
  shared.set(urn, entry);
  return entry;
}

/** The plain props of resource `urn`, shared by the policies of the current call (see sharedEntry). */
export function sharedProps(urn: string, props: unknown): unknown {
  return sharedEntry(urn, props).plain;
}

/** The cluster view of resource `urn`, built once for the policies of the current call (see sharedEntry). */
export function sharedView(urn: string, props: unknown): ClusterView {
  const entry = sharedEntry(urn, props);
  return (entry.view ??= clusterView(entry.plain));
}
