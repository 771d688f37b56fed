/**
 * Reading an auto-scaling policy, in the provider's shape (`constraints.maxCapacity`, `scalingRules[].ruleName`) or
 * the API's (`Constraints.MaxCapacity`, `ScalingRules[].RuleName`), so the plan check and the API client's writes
 * describe and fingerprint the same policy the same way. Never throws.
 */
import { scalingCeiling } from "../size";
import { UNKNOWN, isUnknown, type Unknown } from "../types";
import { MALFORMED, readCount, type Malformed } from "../read";

export interface PolicySummary {
  minCapacity: number | Unknown | Malformed | undefined;
  /**
   * The policy's MaxCapacity, or the API default when it sets none; MALFORMED when it is not a whole number of at
   * least 0 (read as the pack's view reads a count, rules/read.ts: 2.5 and -1 are malformed in both).
   */
  maxCapacity: number | Unknown | Malformed;
  maxCapacitySet: boolean;
  /** One line per scaling rule, e.g. `scale-out-cpu: SCALE_OUT 2 (METRICS_TRIGGER)`. */
  rules: string[];
}

/** `obj.key` or `obj.Key`: the provider's and the API's spelling of the same field. */
export function field(obj: unknown, key: string): unknown {
  if (obj === null || typeof obj !== "object" || Array.isArray(obj)) return isUnknown(obj) ? UNKNOWN : undefined;
  const o = obj as Record<string, unknown>;
  return o[key] ?? o[key.charAt(0).toUpperCase() + key.slice(1)];
}

const count = (v: unknown): number | Unknown | Malformed | undefined => readCount(v);

const text = (v: unknown): string => (isUnknown(v) ? "(known after apply)" : typeof v === "string" || typeof v === "number" ? String(v) : "?");

export function summarizePolicy(policy: unknown): PolicySummary {
  const constraints = field(policy, "constraints");
  const max = isUnknown(policy) ? UNKNOWN : count(field(constraints, "maxCapacity"));
  const rules = field(policy, "scalingRules");
  return {
    minCapacity: isUnknown(policy) ? UNKNOWN : count(field(constraints, "minCapacity")),
    maxCapacity: isUnknown(max) || max === MALFORMED ? max : scalingCeiling(max),
    maxCapacitySet: max !== undefined,
    rules: Array.isArray(rules)
      ? rules.map((r) => `${text(field(r, "ruleName"))}: ${text(field(r, "activityType"))} ${text(field(r, "adjustmentValue"))} (${text(field(r, "triggerType"))})`)
      : isUnknown(rules) ? ["(rules known after apply)"] : [],
  };
}

/** `2–40` (min–max), for messages and change lines. */
export function capacityRange(s: PolicySummary): string {
  const n = (v: number | Unknown | Malformed | undefined) => (v === undefined ? "?" : isUnknown(v) ? "(known after apply)" : v === MALFORMED ? "(not a whole number)" : String(v));
  return `${n(s.minCapacity)}–${n(s.maxCapacity)}${s.maxCapacitySet ? "" : " (API default)"}`;
}

/** `2–40, rules: [a: SCALE_OUT 2 (METRICS_TRIGGER); b: ...]`. */
export function describePolicy(policy: unknown): string {
  const s = summarizePolicy(policy);
  return `${capacityRange(s)}, rules: [${s.rules.join("; ") || "none"}]`;
}
