/**
 * The pack's policies as data: name, kind (validity or guardrail), default level and the properties a config may set.
 * The pack binds its policies from this (cluster-policy.ts), and the one config parser (guardrail-config.ts) checks
 * a `--policy-pack-config` document against it, so the pack, guardrails.json and the offline check agree.
 */
import type { GuardrailLimits } from "./domain";
import type { ClusterRule, RuleKind } from "./rule";

export const ENFORCEMENT_LEVELS = ["advisory", "mandatory", "remediate", "disabled"] as const;
export type EnforcementLevel = (typeof ENFORCEMENT_LEVELS)[number];

export interface PolicyEntry {
  name: string;
  kind: RuleKind;
  level: "mandatory" | "advisory";
  /** Thresholds this policy reads, configurable as its properties. */
  limits: readonly (keyof GuardrailLimits)[];
  /** Thresholds this policy does not read but carries for other readers (also configurable as its properties). */
  hosts: readonly (keyof GuardrailLimits)[];
  /** Whether `productionStacks` is one of its properties. */
  productionStacks: boolean;
}

/** The policies that are not per-cluster rules (they read resource options or the whole stack). */
export const OTHER_POLICIES: readonly PolicyEntry[] = [
  { name: "emr-auto-scaling-ignore-changes", kind: "guardrail", level: "advisory", limits: [], hosts: [], productionStacks: false },
  { name: "emr-protect-option", kind: "guardrail", level: "mandatory", limits: [], hosts: [], productionStacks: false },
  { name: "emr-security-group-normal", kind: "guardrail", level: "mandatory", limits: [], hosts: [], productionStacks: false },
  { name: "emr-security-group-external", kind: "guardrail", level: "advisory", limits: [], hosts: [], productionStacks: false },
  { name: "emr-metastore-rds-same-vpc", kind: "validity", level: "mandatory", limits: [], hosts: [], productionStacks: false },
  { name: "emr-metastore-password-source", kind: "guardrail", level: "advisory", limits: [], hosts: [], productionStacks: false },
  { name: "emr-cluster-names-unique", kind: "validity", level: "mandatory", limits: [], hosts: [], productionStacks: false },
];

export function entryOf(rule: ClusterRule): PolicyEntry {
  return { name: rule.name, kind: rule.kind, level: rule.level ?? "mandatory", limits: rule.limits ?? [], hosts: rule.hosts ?? [], productionStacks: rule.productionStacks ?? false };
}

export function catalogOf(rules: readonly ClusterRule[]): PolicyEntry[] {
  return [...rules.map(entryOf), ...OTHER_POLICIES];
}

/** Every configurable property of a policy: the thresholds it reads, then those it carries for other readers. */
export function propertiesOf(entry: PolicyEntry): (keyof GuardrailLimits)[] {
  return [...entry.limits, ...entry.hosts];
}

/** The entry of a policy that is not a cluster rule (the pack's own bindings read their level here). */
export function otherPolicy(name: string): PolicyEntry {
  const entry = OTHER_POLICIES.find((p) => p.name === name);
  if (!entry) throw new Error(`no catalog entry for policy ${name}`);
  return entry;
}
