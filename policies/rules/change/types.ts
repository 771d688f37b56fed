/** The vocabulary of the change rules: a finding about one change of one cluster, and what every rule is given. */
import type { GuardrailLimits } from "../domain";
import { OutcomeCollector, type Outcome } from "../types";
import type { AckRef, Acks } from "./acks";

export type ChangeLevel = "mandatory" | "advisory";

export interface ChangeFinding {
  /** The rule's name, e.g. `emr-change-scale-out`. */
  rule: string;
  level: ChangeLevel;
  /** The cluster, as its callers know it: the Pulumi resource name (or the cluster name / ID for live callers). */
  cluster: string;
  /** The node group the change is about, when it is about one. */
  group?: string;
  /** Where, as a path in the cluster's inputs, e.g. `nodeGroups[1].nodeCount` or `deletionProtection`. */
  path: string;
  /** What changes and why it is refused: the cluster, the group, the old and new values, the limit. */
  message: string;
  /** The safe way to do it, with the exact acknowledgement value when one would approve it. */
  fix: string;
  /** The acknowledgement that approves this change, when one can (absent: nothing approves it). */
  ack?: AckRef;
  /** The EMR API call judged, in a line (`IncreaseNodes core +30`), when the finding is about one. */
  call?: string;
}

export interface ChangeContext {
  limits: GuardrailLimits;
  /** The acknowledgements of this cluster (its tags after the change), parsed by `parseAcks`. */
  acks: Acks;
  /** With a price book: the money a size or a commitment stands for, for the findings' messages (cost/lens.ts). */
  costs?: CostLens;
}

/** What an acknowledged size or commitment costs at the price book's prices; undefined where the book has no price. */
export interface CostLens {
  /** `n` nodes of a group a month, e.g. `40 × 1,234.50 = 49,380.00 CNY a month`. */
  groupNodes(group: string, nodes: number): string | undefined;
  /** A subscription of `months` of one group (or of every Subscription group), e.g. `24 × 3,000.00 = 72,000.00 CNY`. */
  commitment(months: number, group?: string): string | undefined;
}

/** The Outcome vocabulary of the end-state rules, with change findings. */
export type ChangeOutcome = Outcome<ChangeFinding>;

/**
 * Collects a rule's findings and unknowns into one outcome. A finding that an acknowledgement would approve becomes
 * "unknown" when the cluster's tags are not known yet (the acknowledgement may be there). Violations win.
 */
export class ChangeOutcomeBuilder extends OutcomeCollector<ChangeFinding> {
  constructor(private readonly acksUnknown: boolean) {
    super();
  }

  add(findings: readonly ChangeFinding[]): this {
    this.applies();
    for (const f of findings) {
      if (f.ack && this.acksUnknown) this.unknown(`${f.path} (acknowledgement tags known after apply)`);
      else this.record(f);
    }
    return this;
  }
}
