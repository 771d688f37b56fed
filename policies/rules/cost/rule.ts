/**
 * The cost rules, beside the call gates: a change that adds more than the threshold to a cluster's monthly cost
 * needs the acknowledgement of that very amount (`emr-guard:ack-monthly-cost: "+5480 CNY"`, one change, spent once
 * applied like the others); the price book's age is reported past its limit. Both run only with a price book.
 */
import { ackValue, hasAck, type AckRef } from "../change/acks";
import { ChangeOutcomeBuilder, type ChangeFinding } from "../change/types";
import { changeFinding, missingAck, type GateContext } from "../gates/finding";
import { CHANGE_RULES } from "../gates/names";
import type { CostChange } from "./change";
import { formatDelta, formatMoney } from "./change";

/** The acknowledgement a change's cost needs (above the threshold), by its worst case; undefined when none. */
export function monthlyCostAck(change: CostChange, threshold: number): AckRef | undefined {
  if (!change.delta || !change.currency) return undefined;
  const worst = Math.max(change.delta.min, change.delta.max);
  return worst > threshold ? { kind: "monthlyCost", value: ackValue.monthlyCost(worst, change.currency) } : undefined;
}

/** One cluster's cost change against the threshold. */
export function judgeMonthlyCost(change: CostChange, ctx: GateContext): ChangeOutcomeBuilder {
  const out = new ChangeOutcomeBuilder(ctx.acks.unknown).applies();
  // A resource that leaves (without retainOnDelete) stops costing: its change never adds to the bill.
  if (!change.after) return out;
  if (!change.delta) {
    change.undecided.forEach((u) => out.unknown(`monthly cost: ${u}`));
    return out;
  }
  const threshold = ctx.limits.monthlyCostAckThreshold;
  const ack = monthlyCostAck(change, threshold);
  if (!ack || hasAck(ctx.acks, ack)) return out;
  const cur = change.currency ?? "";
  const now = change.before ? formatMoney(change.before.monthly, cur) : "nothing (new)";
  const next = change.after ? formatMoney(change.after.monthly, cur) : "nothing (removed)";
  const range = change.delta.min !== change.delta.max ? " (auto-scaled groups at MinCapacity to MaxCapacity; the acknowledgement names the larger)" : "";
  out.add([changeFinding(CHANGE_RULES.monthlyCost, { cluster: change.name, path: "(monthly cost)" }, `the monthly cost changes by ${formatDelta(change.delta, cur)}${range}: ${now} -> ${next} a month, above the ${threshold} ${cur} threshold`, `${missingAck(ctx, ack, "the cost")}, or make the change smaller`, ack)]);
  return out;
}

/** The price book older than the limit: its prices may have moved. */
export function judgePriceBookAge(args: { ageDays: number | undefined; file: string; maxAgeDays: number }): ChangeFinding[] {
  if (args.ageDays === undefined || args.ageDays <= args.maxAgeDays) return [];
  return [{
    rule: CHANGE_RULES.priceBookAge, level: "advisory", cluster: "(price book)", path: args.file,
    message: `the price book ${args.file} is ${args.ageDays} days old (its oldest price), above the ${args.maxAgeDays}-day limit (priceBookMaxAgeDays): prices may have changed since`,
    fix: "rebuild it with your credentials (read-only price APIs): emr-prices build --stack <stack> --output <file>",
  }];
}
