/**
 * The one parser of the guardrails' configuration: a `--policy-pack-config` document (guardrails.json at the
 * repository root) → thresholds, production stack patterns and levels, or every error found. Strict, because a typo
 * must never relax the pack: an unknown policy or property, a level that is not one, a threshold that is not a whole
 * number ≥ 0, and a validity policy set below mandatory are all errors naming the key, the value and what is valid.
 */
import { DEFAULT_LIMITS, DEFAULT_PRODUCTION_STACK_PATTERNS, type GuardrailLimits } from "./domain";
import { ENFORCEMENT_LEVELS, propertiesOf, RULES_DOCUMENT, type EnforcementLevel, type PolicyEntry } from "./catalog";
import { didYouMean } from "./suggest";

/** Where the guardrails are configured: the repository root, in the format `--policy-pack-config` takes. */
export const GUARDRAIL_CONFIG_FILE = "guardrails.json";

export interface GuardrailConfig {
  /** Every threshold: the pack's defaults, overridden by the policy that owns each one. */
  limits: GuardrailLimits;
  /** Production stack patterns (the union of what the production-posture policies set), or the defaults. */
  productionStacks: readonly string[];
  /** Each policy's effective level; validity policies are always mandatory. */
  levels: Record<string, EnforcementLevel>;
  /** Each policy's properties as configured (thresholds, productionStacks), defaults not included. */
  properties: Record<string, Record<string, unknown>>;
  /** What the reader should know, e.g. that `all` did not relax the validity policies. */
  notes: string[];
}

export type GuardrailConfigResult = { ok: true; config: GuardrailConfig } | { ok: false; errors: string[] };

/** Policies that no longer exist, with where their settings went: an old config gets a pointer, not a guess. */
const RETIRED_POLICIES: Readonly<Record<string, string>> = {
  "emr-node-group-size-ack": "merged into emr-node-group-creation-cap, so a node group gets one violation for its one fix (the emr-guard:ack-node-count tag): move nodeGroupAckThreshold and the level there",
};

const isLevel = (v: unknown): v is EnforcementLevel => typeof v === "string" && (ENFORCEMENT_LEVELS as readonly string[]).includes(v);
const LEVELS = ENFORCEMENT_LEVELS.join(", ");

function describe(v: unknown): string {
  if (typeof v === "string") return `the string ${JSON.stringify(v)}`;
  if (Array.isArray(v)) return "a list";
  if (v === null) return "null";
  return typeof v === "object" ? "an object" : String(v);
}

function levelError(key: string, value: unknown): string {
  return `${key}: ${describe(value)} is not a level; valid levels are ${LEVELS}${typeof value === "string" ? didYouMean(value, ENFORCEMENT_LEVELS) : ""}`;
}

/** The property errors of one policy's object entry; its accepted properties are written into `props`. */
function propertyErrors(entry: PolicyEntry, value: Record<string, unknown>, props: Record<string, unknown>): string[] {
  const errors: string[] = [];
  const thresholds: readonly string[] = propertiesOf(entry);
  const known = ["enforcementLevel", ...thresholds, ...(entry.productionStacks ? ["productionStacks"] : [])];
  for (const [key, v] of Object.entries(value)) {
    const at = `${entry.name}.${key}`;
    if (key === "enforcementLevel") {
      if (!isLevel(v)) errors.push(levelError(at, v));
    } else if (thresholds.includes(key)) {
      if (typeof v !== "number" || !Number.isInteger(v) || v < 0) errors.push(`${at}: expected a whole number of at least 0, got ${describe(v)} (e.g. ${DEFAULT_LIMITS[key as keyof GuardrailLimits]})`);
      else props[key] = v;
    } else if (key === "productionStacks" && entry.productionStacks) {
      if (!Array.isArray(v) || v.some((p) => typeof p !== "string" || p.length === 0)) errors.push(`${at}: expected a list of stack name patterns, got ${describe(v)} (e.g. ["prod", "prod-*"])`);
      else props[key] = v;
    } else {
      errors.push(`${at}: unknown property${didYouMean(key, known)}; ${entry.name} takes ${known.join(", ")}`);
    }
  }
  return errors;
}

export function parseGuardrailConfig(document: unknown, catalog: readonly PolicyEntry[]): GuardrailConfigResult {
  if (document === null || typeof document !== "object" || Array.isArray(document)) {
    return { ok: false, errors: [`the config must be a JSON object of policy settings, got ${describe(document)}; e.g. {"all": "mandatory", "emr-node-group-creation-cap": {"maxNodesPerGroupAtCreate": 40}}`] };
  }
  const doc = document as Record<string, unknown>;
  const errors: string[] = [];
  const notes: string[] = [];
  const byName = new Map(catalog.map((p) => [p.name, p]));
  const all = doc.all;
  if (all !== undefined && !isLevel(all)) errors.push(levelError("all", all));

  const stated: Record<string, EnforcementLevel> = {};
  const properties: Record<string, Record<string, unknown>> = {};
  for (const [key, value] of Object.entries(doc)) {
    if (key === "all") continue;
    const entry = byName.get(key);
    if (!entry && RETIRED_POLICIES[key]) {
      errors.push(`${key}: ${RETIRED_POLICIES[key]}`);
      continue;
    }
    if (!entry) {
      errors.push(`${key}: unknown policy${didYouMean(key, [...byName.keys()])}; the pack's policies are listed in ${RULES_DOCUMENT} (and by emr-check --list-rules)`);
      continue;
    }
    let level: unknown;
    if (typeof value === "string") level = value;
    else if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      properties[key] = {};
      errors.push(...propertyErrors(entry, value as Record<string, unknown>, properties[key]));
      level = (value as Record<string, unknown>).enforcementLevel;
    } else {
      errors.push(`${key}: expected a level (${LEVELS}) or an object of settings, got ${describe(value)}`);
      continue;
    }
    if (level === undefined) continue;
    if (!isLevel(level)) {
      if (typeof value === "string") errors.push(levelError(key, level));
    } else if (entry.kind === "validity" && level !== "mandatory") {
      errors.push(`${key}: is a validity policy and cannot be set to ${level}: the cloud refuses such a cluster anyway (and the EmrCluster component refuses it before the pack runs); remove it from the config`);
    } else stated[key] = level;
  }
  if (errors.length) return { ok: false, errors };

  const levels: Record<string, EnforcementLevel> = {};
  for (const p of catalog) levels[p.name] = p.kind === "validity" ? "mandatory" : (stated[p.name] ?? (all as EnforcementLevel | undefined) ?? p.level);
  if (isLevel(all) && all !== "mandatory" && catalog.some((p) => p.kind === "validity")) {
    notes.push(`validity policies stay mandatory under "all": "${all}" (the cloud refuses what they refuse)`);
  }
  const limits: GuardrailLimits = { ...DEFAULT_LIMITS };
  const stacks = new Set<string>();
  for (const props of Object.values(properties)) {
    for (const [k, v] of Object.entries(props)) {
      if (k === "productionStacks") for (const s of v as string[]) stacks.add(s);
      else limits[k as keyof GuardrailLimits] = v as number;
    }
  }
  return { ok: true, config: { limits, productionStacks: stacks.size ? [...stacks] : DEFAULT_PRODUCTION_STACK_PATTERNS, levels, properties, notes } };
}
