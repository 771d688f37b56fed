/**
 * Turns the SDK's resource props into plain data for the pure rules. During preview the SDK hands policies a proxy
 * that throws when a not-yet-known value is read; a policy that touched one would lose its verdict. Here every
 * value is read once, and an unknown one becomes the rules' UNKNOWN marker instead of an exception.
 */
import { UNKNOWN } from "./rules/index";

/** Whether the SDK threw because the value is a preview unknown (its UnknownValueError carries the sentinel). */
function isUnknownValueError(err: unknown): boolean {
  return err instanceof Error && "unknownTypeSentinel" in err;
}

function read(container: Record<string | number, unknown>, key: string | number): unknown {
  try {
    return plainProps(container[key]);
  } catch (err) {
    if (isUnknownValueError(err)) return UNKNOWN;
    throw err;
  }
}

export function plainProps(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return Array.from({ length: value.length }, (_, i) => read(value as unknown as Record<number, unknown>, i));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = read(value as Record<string, unknown>, key);
  return out;
}
