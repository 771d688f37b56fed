/**
 * Request parameters as the emulator sees them: query ∪ form body, all strings, flattened keys (`A.1.B`) rebuilt
 * into objects and 1-based arrays (reference §6). RunCluster's JSON-string fields are parsed by the handler.
 */

export type Params = Record<string, unknown>;

export function unflatten(pairs: [string, string][]): Params {
  const root: Params = {};
  for (const [key, value] of pairs) {
    const parts = key.split(".");
    let node: Record<string, unknown> = root;
    parts.forEach((part, i) => {
      const k = /^\d+$/.test(part) ? String(Number(part) - 1) : part;
      if (i === parts.length - 1) {
        node[k] = value;
      } else {
        const nextIsIndex = /^\d+$/.test(parts[i + 1]);
        node[k] ??= nextIsIndex ? [] : {};
        node = node[k] as Record<string, unknown>;
      }
    });
  }
  return root;
}

/** Typed readers that answer with the API's own error codes. */
export class ParamError extends Error {
  constructor(readonly code: string, message: string, readonly status = 400) {
    super(message);
  }
}

export const str = (p: Params, name: string): string => {
  const v = p[name];
  if (typeof v !== "string" || v === "") throw new ParamError("MissingParameter", `The input parameter "${name}" that is mandatory for processing this request is not supplied.`);
  return v;
};
export const optStr = (p: Params, name: string): string | undefined => (typeof p[name] === "string" ? (p[name] as string) : undefined);
export const int = (p: Params, name: string, min: number, max: number, fallback?: number): number => {
  const raw = p[name];
  if (raw === undefined && fallback !== undefined) return fallback;
  const n = Number(raw);
  if (raw === undefined) throw new ParamError("MissingParameter", `The input parameter "${name}" that is mandatory for processing this request is not supplied.`);
  if (!Number.isInteger(n) || n < min || n > max) throw new ParamError("InvalidParameterValue", `The parameter ${name} is invalid: ${String(raw)} (allowed ${min}-${max}).`);
  return n;
};
export const bool = (p: Params, name: string): boolean | undefined => (p[name] === undefined ? undefined : p[name] === "true" || p[name] === true);
export const strList = (p: Params, name: string): string[] | undefined => {
  const v = p[name];
  if (v === undefined) return undefined;
  return (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === "string");
};
/** A field sent either as a JSON string (RunCluster) or flattened (other actions). */
export const jsonOrObject = <T>(p: Params, name: string): T | undefined => {
  const v = p[name];
  if (typeof v !== "string") return v as T | undefined;
  try {
    return JSON.parse(v) as T;
  } catch {
    throw new ParamError("InvalidParameter", `InvalidJSON parsing error, ${name}`);
  }
};
