/** The vocabulary of the pure rules: unknown values, findings, outcomes. No Pulumi imports here. */
import type { GuardrailLimits } from "./domain";

/** A value not known yet: a preview unknown in the pack, a `pulumi.Output` in the component. */
export const UNKNOWN: unique symbol = Symbol.for("emr-guard.unknown") as never;
export type Unknown = typeof UNKNOWN;
export const isUnknown = (v: unknown): v is Unknown => v === UNKNOWN;

export interface Finding {
  /** The rule (= policy) name. */
  rule: string;
  /** Where, as a path in the cluster's inputs, e.g. `nodeGroups[2].nodeCount`. */
  path: string;
  /** What is wrong: the value, the limit, the node group. */
  message: string;
  /** How to fix it, with an example of a right value. */
  fix: string;
}

/**
 * The outcome of one rule on one resource (cdk-nag's three, plus preview's "can't tell yet"):
 * compliant, non-compliant (with findings), not applicable, or unknown (with the paths it could not read).
 */
export type Outcome<F = Finding> =
  | { kind: "compliant" }
  | { kind: "non-compliant"; findings: F[] }
  | { kind: "not-applicable" }
  | { kind: "unknown"; paths: string[] };

export interface RuleContext {
  limits: GuardrailLimits;
  /** The stack's name, for rules that treat production stacks differently. */
  stackName?: string;
  /** Glob-like patterns (`*` wildcard) of production stack names. */
  productionStacks: readonly string[];
}

/**
 * Collects findings and unknowns while a rule walks a cluster, then turns them into one Outcome.
 * A violation wins over an unknown: what can be proven wrong is reported even if other parts are unknown.
 * The end-state rules collect Findings through `fail`; the change rules (change/types.ts) collect their own kind.
 */
export class OutcomeCollector<F> {
  protected readonly findings: F[] = [];
  protected readonly unknownPaths: string[] = [];
  private applicable = false;

  /** Marks the rule as applicable to this resource. */
  applies(): this {
    this.applicable = true;
    return this;
  }

  protected record(finding: F): this {
    this.applicable = true;
    this.findings.push(finding);
    return this;
  }

  unknown(path: string): this {
    this.applicable = true;
    this.unknownPaths.push(path);
    return this;
  }

  build(): Outcome<F> {
    if (this.findings.length) return { kind: "non-compliant", findings: this.findings };
    if (this.unknownPaths.length) return { kind: "unknown", paths: [...new Set(this.unknownPaths)] };
    return this.applicable ? { kind: "compliant" } : { kind: "not-applicable" };
  }
}

/** The end-state rules' collector: a finding is the rule, its path, what is wrong and how to fix it. */
export class OutcomeBuilder extends OutcomeCollector<Finding> {
  constructor(private readonly rule: string) {
    super();
  }

  fail(path: string, message: string, fix: string): this {
    return this.record({ rule: this.rule, path, message, fix });
  }
}

export function findingsOf(outcome: Outcome): Finding[] {
  return outcome.kind === "non-compliant" ? outcome.findings : [];
}
