/**
 * The primitive readers of a cluster's inputs, one set for both readers built on them: the pack's view (view.ts) and
 * the change rules' snapshot (change/snapshot.ts), so the two cannot disagree about a value. A field is absent
 * (undefined, also for null), a preview unknown (UNKNOWN), malformed (MALFORMED: the wrong type, or a number that is
 * not a count) or its value. None throws.
 */
import { UNKNOWN, isUnknown, type Unknown } from "./types";

/** A value that may be absent (undefined), not yet known (UNKNOWN), or malformed (MALFORMED). */
export const MALFORMED = Symbol.for("emr-guard.malformed");
export type Malformed = typeof MALFORMED;
export type Field<T> = T | Unknown | Malformed | undefined;

export function isKnown<T>(v: Field<T>): v is T {
  return v !== undefined && v !== UNKNOWN && v !== MALFORMED;
}

/** `present` when the value is there and known, else what it is instead (absent or unknown). */
function absentOrUnknown(v: unknown): undefined | Unknown | "present" {
  if (v === undefined || v === null) return undefined;
  return isUnknown(v) ? UNKNOWN : "present";
}

export function readString(v: unknown): Field<string> {
  const a = absentOrUnknown(v);
  if (a !== "present") return a;
  return typeof v === "string" ? v : MALFORMED;
}

/** A finite number; a string of digits counts (the engine may hand numbers over as strings when they came through config). */
export function readNumber(v: unknown): Field<number> {
  const a = absentOrUnknown(v);
  if (a !== "present") return a;
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && /^\d+$/.test(v)) return Number(v);
  return MALFORMED;
}

/**
 * A count (of nodes, of capacity): a whole number of at least 0. A fraction or a negative number is MALFORMED: the
 * rule that owns the field's shape (emr-provider-schema) reports it once, and the rules that count skip it.
 */
export function readCount(v: unknown): Field<number> {
  const n = readNumber(v);
  return typeof n === "number" && (!Number.isInteger(n) || n < 0) ? MALFORMED : n;
}

/**
 * The strings the provider reads as a boolean: the bridge and the Terraform SDK parse a string given for a boolean
 * field with Go's strconv.ParseBool (pulumi-terraform-bridge pkg/tfbridge/schema.go convertTfStringToBool), so
 * "True" or "1" is as true as true. Reading only "true" would leave autoRenew: "True" unjudged.
 */
const PARSE_BOOL: Readonly<Record<string, boolean>> = {
  "1": true, t: true, T: true, TRUE: true, true: true, True: true,
  "0": false, f: false, F: false, FALSE: false, false: false, False: false,
};

/** A boolean, or a string the provider parses as one (config values arrive as strings). */
export function readBool(v: unknown): Field<boolean> {
  const a = absentOrUnknown(v);
  if (a !== "present") return a;
  if (typeof v === "boolean") return v;
  return typeof v === "string" && Object.hasOwn(PARSE_BOOL, v) ? PARSE_BOOL[v] : MALFORMED;
}

export function readList(v: unknown): Field<unknown[]> {
  const a = absentOrUnknown(v);
  if (a !== "present") return a;
  return Array.isArray(v) ? v : MALFORMED;
}
