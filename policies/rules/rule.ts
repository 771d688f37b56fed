/**
 * What an end-state rule is: a named, pure check over a cluster's view. Its own file, apart from the vocabulary
 * (types.ts) that the view itself uses, so the view and the rules' vocabulary do not import each other. What the rule
 * checks in words, its kind, level and thresholds are its entry in the rule catalog (catalog/), under the same name.
 */
import type { Outcome, RuleContext } from "./types";
import type { ClusterView } from "./view";

/** A per-resource rule over a cluster's inputs; `name` is its catalog entry's. */
export interface ClusterRule {
  name: string;
  check(view: ClusterView, ctx: RuleContext): Outcome;
}
