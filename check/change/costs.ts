/**
 * Costs in the check: each cluster's (and RDS metastore's) monthly cost at a price book's prices, before (the
 * recorded state or the plan's before) and after (the program), from the same resource pairs the change rules judge.
 * Without a change (no --state/--plan), the program's costs alone. The arithmetic is policies/rules/cost's.
 */
import type { PriceBook } from "../../policies/rules/cost";
import { bookAgeDays, clusterCost, costChange, costLens, judgePriceBookAge, rdsCost, type CostChange, type ResourceCost } from "../../policies/rules/cost";
import type { CostLens } from "../../policies/rules/change";
import type { GuardrailLimits } from "../../policies/rules/domain";
import { TYPES } from "../../policies/rules/domain";
import type { CapturedResource } from "../program/capture";
import { attachCosts, type CheckReport, type CostSection } from "../report/model";
import { decodeValue } from "./documents";
import type { ResourcePair } from "./pairs";

/** The price book of a run (`--prices`) and the region its stack deploys to. */
export interface Prices {
  book: PriceBook;
  file: string;
  /** The stack's `alicloud:region`. */
  region: string;
}

/** The cost of one resource side, for the types that cost money here; undefined for the others. */
function sideCost(type: string, name: string, inputs: Record<string, unknown> | undefined, prices: Prices): ResourceCost | undefined {
  if (!inputs) return undefined;
  if (type === TYPES.cluster) return clusterCost(name, inputs, prices.book, prices.region);
  if (type === TYPES.rdsInstance) return rdsCost(name, inputs, prices.book, prices.region);
  return undefined;
}

const priced = (type: string) => type === TYPES.cluster || type === TYPES.rdsInstance;

/**
 * Each priced pair's cost change, by URN. `before`: what the cluster runs as recorded (the provider's state); `after`:
 * what the program plans. A resource leaving with retainOnDelete keeps running (and billing) until a person releases
 * it: its after is its before.
 */
export function pairCosts(pairs: readonly ResourcePair[], prices: Prices): Map<string, { change: CostChange; lens?: CostLens }> {
  const out = new Map<string, { change: CostChange; lens?: CostLens }>();
  for (const p of pairs.filter((x) => priced(x.type))) {
    const before = sideCost(p.type, p.name, p.recorded?.outputs, prices);
    const retained = !p.program && p.recorded?.retainOnDelete === true;
    const after = retained ? before : sideCost(p.type, p.name, p.program?.inputs, prices);
    const change = costChange(p.name, before, after);
    out.set(p.urn, { change, ...(after && p.type === TYPES.cluster ? { lens: costLens(after) } : {}) });
  }
  return out;
}

/** Without a before (no --state/--plan): the program's costs alone, no delta. */
export function programCosts(captured: readonly CapturedResource[], prices: Prices): CostChange[] {
  return captured.filter((r) => r.custom && priced(r.type)).map((r) => {
    const after = sideCost(r.type, r.name, decodeValue(r.inputs) as Record<string, unknown>, prices) as ResourceCost;
    return { name: r.name, kind: after.kind, ...(after.currency ? { currency: after.currency } : {}), after, undecided: [] };
  });
}

/** The report's cost section: the book, its age (advisory past the limit) and each resource's cost. */
export function costSection(prices: Prices, changes: readonly CostChange[], limits: GuardrailLimits, now: Date): CostSection {
  const ageDays = bookAgeDays(prices.book, now);
  const findings = judgePriceBookAge({ ageDays, file: prices.file, maxAgeDays: limits.priceBookMaxAgeDays });
  return {
    book: { file: prices.file, name: prices.book.name, test: prices.book.test === true, region: prices.region, ...(ageDays !== undefined ? { ageDays } : {}) },
    resources: [...changes].sort((a, b) => a.name.localeCompare(b.name)),
    findings: findings.map((f) => ({ rule: f.rule, level: f.level, path: f.path, message: f.message, fix: f.fix })),
  };
}

/** Without a price book: how to make one (no cost rule is judged). Two lines, each within a terminal's 100 columns. */
export const NO_PRICE_BOOK = "no price book (--prices): no cost is shown and no cost rule is judged.\nMake one with emr-prices build --stack <stack> --output prices.json (read-only price APIs)";

/**
 * The report with its cost section: with a book, the change section's costs (--state/--plan) or the program's alone;
 * without one, the hint. A report without a verdict gets none.
 */
export function withCosts(report: CheckReport, args: { prices?: Prices; captured?: readonly CapturedResource[]; limits: GuardrailLimits; now: Date }): CheckReport {
  if (report.programError) return report;
  if (!args.prices) return attachCosts(report, { hint: NO_PRICE_BOOK, resources: [], findings: [] });
  const changes = report.changes?.costs ?? programCosts(args.captured ?? [], args.prices);
  return attachCosts(report, costSection(args.prices, changes, args.limits, args.now));
}
