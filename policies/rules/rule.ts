/**
 * What an end-state rule is: a named, pure check over a cluster's view. Its own file, apart from the vocabulary
 * (types.ts) that the view itself uses, so the view and the rules' vocabulary do not import each other.
 */
import type { GuardrailLimits } from "./domain";
import type { Outcome, RuleContext } from "./types";
import type { ClusterView } from "./view";

/**
 * `validity`: the cloud would refuse it, or it is inconsistent; the EmrCluster component refuses it too and no
 * configuration relaxes it. `guardrail`: the organisation's thresholds, acknowledgements and posture; judged by the
 * policy pack only, at the level and thresholds of guardrails.json.
 */
export type RuleKind = "validity" | "guardrail";

/** A per-resource rule over a cluster's inputs. `description` is one line stating the compliant condition. */
export interface ClusterRule {
  name: string;
  description: string;
  kind: RuleKind;
  /** The policy's default level. Defaults to "mandatory"; validity rules are always mandatory. */
  level?: "advisory";
  /** The thresholds the rule reads (configurable per policy). */
  limits?: readonly (keyof GuardrailLimits)[];
  /**
   * Thresholds the rule does not read but its policy carries in guardrails.json for other readers (the change-aware
   * check, the live gate and EmrClient read them through guardrail-config.ts): their one home in the configuration.
   */
  hosts?: readonly (keyof GuardrailLimits)[];
  /** Whether the rule reads the production stack patterns (configurable per policy). */
  productionStacks?: boolean;
  check(view: ClusterView, ctx: RuleContext): Outcome;
}
