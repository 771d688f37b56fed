/**
 * What the rule catalog says about a rule. One entry per rule, end-state policy or change rule: every reader (the
 * pack's bindings, the config parser, `--explain`, `--list-rules`, SARIF, the generated README tables) takes its
 * text from here, so none can drift from another (KICS keeps a metadata file per rule, Checkov lists its own).
 */
import type { GuardrailLimits } from "../domain";

/**
 * `validity`: the cloud would refuse it, or it is inconsistent; the EmrCluster component refuses it too and no
 * configuration relaxes it. `guardrail`: the organisation's thresholds, acknowledgements and posture, judged by the
 * pack at the levels and thresholds of guardrails.json. `change`: a rule over the EMR API calls a `pulumi up` makes
 * the provider send (the offline check's --state/--plan, the live gate, EmrClient's writes).
 */
export type RuleKind = "validity" | "guardrail" | "change";
export type RuleLevel = "mandatory" | "advisory";
export type LimitKey = keyof GuardrailLimits;

/** A rule as the catalog's files write it. */
export interface RuleText {
  /** The rule's id: the policy name, or the change rule's name on every verdict. */
  name: string;
  kind: RuleKind;
  /** The default level (validity rules are always mandatory; change rules' levels are fixed). */
  level: RuleLevel;
  /** What it judges: a policy's resource types and inputs; a change rule's EMR API calls or plan operations. */
  judges: string;
  /** One line, "Checks whether ...": the compliant condition; a threshold appears as "(name, default N)". */
  description: string;
  /** The general way to comply (each finding's own fix names the value). */
  fix: string;
  /** What the reader should know beside the condition: what the rule cannot see, an assumption. */
  note?: string;
  /** The thresholds it reads (a policy's are configurable as its properties). */
  limits?: readonly LimitKey[];
  /** Thresholds a policy carries in guardrails.json for the change rules, which read them (its properties too). */
  hosts?: readonly LimitKey[];
  /** Whether the policy reads the production stack patterns (configurable as `productionStacks`). */
  productionStacks?: boolean;
  /** Whether the policy fixes the resource itself at level `remediate`. */
  remediation?: boolean;
  /** The seed's line this rule implements (002, "Safety Constraint Enforcement Summary"), verbatim. */
  seed?: readonly string[];
}

/** A catalog entry: the rule as written, every optional field filled in, and where it is documented. */
export interface RuleEntry extends Required<Omit<RuleText, "note" | "seed">> {
  note?: string;
  seed: readonly string[];
  /** The rule's documentation: a file of the repository and the anchor of its row, e.g. `policies/README.md#emr-tags`. */
  anchor: string;
}

/** A policy of the pack (validity or guardrail): what the config parser and the pack's bindings read. */
export type PolicyEntry = RuleEntry & { kind: "validity" | "guardrail" };
/** A change rule. */
export type ChangeRuleEntry = RuleEntry & { kind: "change" };

/** A configurable property of a policy, with its default: a threshold, or the production stack patterns. */
export type PropertyInfo =
  | { key: LimitKey; type: "integer"; default: number; description: string }
  | { key: "productionStacks"; type: "array"; default: readonly string[]; description: string };
