/**
 * Turns the SDK's resource props into plain data for the pure rules. During preview the SDK hands policies a proxy
 * that throws when a not-yet-known value is read; a policy that touched one would lose its verdict. Here every
 * value is read once, and an unknown one becomes the rules' UNKNOWN marker instead of an exception.
 *
 * Cost: the SDK deserializes a resource's properties afresh for every policy and wraps them in that proxy, whose
 * every read allocates (a path array, a descriptor, a nested proxy). Copying all the props through it, in each of
 * the 25 policies, was most of the pack's time. The proxy hands back the plain data it wraps (the SDK's own
 * `__getSpecialProxyTarget` key, @pulumi/policy 1.21 proxy.js); the copy walks that instead, and recognises the
 * engine's unknown sentinels itself, exactly the values on which the proxy would throw.
 */
import { UNKNOWN } from "./rules/index";

/** The key on which @pulumi/policy's unknown-checking proxy returns the object it wraps. */
const PROXY_TARGET = "__getSpecialProxyTarget";

/** The engine's unknown values as the SDK deserializes them (@pulumi/policy proxy.js `isUnknown`). */
const UNKNOWN_SENTINELS: ReadonlySet<string> = new Set([
  "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", // boolean
  "3eeb2bf0-c639-47a8-9e75-3b44932eb421", // number
  "04da6b54-80e4-46f7-96ec-b56ff0331ba9", // string (and the engine's untyped unknown)
  "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", // array
  "030794c1-ac77-496b-92df-f27374a8bd58", // asset
  "e48ece36-62e2-4504-bad9-02848725956a", // archive
  "dd056dcd-154b-4c76-9bd3-c8f88648b5ff", // object
]);

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
  if (typeof value === "string") return UNKNOWN_SENTINELS.has(value) ? UNKNOWN : value;
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

/** Whether two deserialized values hold the same data, keys in the same order. Allocates next to nothing. */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object" || Array.isArray(a) !== Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  const other = Object.keys(y);
  if (keys.length !== other.length) return false;
  for (let i = 0; i < keys.length; i++) if (keys[i] !== other[i] || !sameData(x[keys[i]], y[keys[i]])) return false;
  return true;
}

/** The current call's copies, by URN, with the data each was made from. */
const shared = new Map<string, { data: unknown; plain: unknown }>();

/**
 * The plain props of resource `urn`, copied once and shared by the policies of the current Analyze or
 * AnalyzeStack call: the SDK gives each policy its own deserialized copy, so identity never matches, and copying
 * plus building the view for each of 20 policies cost more than the rules. A copy is reused only for the same URN
 * with the same data (compared without allocating, far cheaper than a copy): concurrent calls for one URN with
 * other props, which the server interleaves within one turn of the event loop, each get their own. Kept until the
 * current macrotask ends (cleared by setImmediate). The rules never mutate what they read.
 */
export function sharedProps(urn: string, props: unknown): unknown {
  const data = proxyTarget(props);
  if (data === undefined) return plainProps(props); // not the SDK's proxy: nothing to compare with
  const hit = shared.get(urn);
  if (hit && sameData(hit.data, data)) return hit.plain;
  const plain = copy(data);
  if (shared.size === 0) setImmediate(() => shared.clear());
  shared.set(urn, { data, plain });
  return plain;
}
