/**
 * The cost of one change: a resource's monthly cost before (the recorded state or the plan's before) and after (the
 * program), and the delta. Bounds are compared like for like: an auto-scaled group at its MinCapacity before and
 * after gives the delta's min, at its MaxCapacity its max. The delta is known only when what the book cannot price
 * (or the preview cannot know) is the same on both sides; otherwise the rule that judges it cannot tell.
 */
import type { Money, ResourceCost } from "./resource-cost";

export interface CostChange {
  name: string;
  kind: ResourceCost["kind"];
  currency?: string;
  before?: ResourceCost;
  after?: ResourceCost;
  /** after − before, bound by bound; undefined when not known (see `undecided`). */
  delta?: Money;
  /** Why the delta is not known: unpriced or unknown parts that differ between the sides. */
  undecided: string[];
}

/** The parts of a side the sums leave out; a side that does not exist leaves nothing out. */
const leftOut = (c: ResourceCost | undefined): string[] => (c ? [...c.unpriced, ...c.unknown] : []);

function difference(a: readonly string[], b: readonly string[]): string[] {
  const rest = [...b];
  const out: string[] = [];
  for (const x of a) {
    const i = rest.indexOf(x);
    if (i >= 0) rest.splice(i, 1);
    else out.push(x);
  }
  return [...out, ...rest];
}

export function costChange(name: string, before: ResourceCost | undefined, after: ResourceCost | undefined): CostChange {
  const side = after ?? before;
  const undecided = difference(leftOut(before), leftOut(after));
  if (before?.currency && after?.currency && before.currency !== after.currency) undecided.push(`the currency changes ${before.currency} -> ${after.currency}`);
  const zero = { min: 0, max: 0 };
  const b = before?.monthly ?? zero;
  const a = after?.monthly ?? zero;
  return {
    name,
    kind: side?.kind ?? "cluster",
    ...(side?.currency ? { currency: side.currency } : {}),
    ...(before ? { before } : {}),
    ...(after ? { after } : {}),
    ...(undecided.length ? {} : { delta: { min: Math.round((a.min - b.min) * 1e6) / 1e6, max: Math.round((a.max - b.max) * 1e6) / 1e6 } }),
    undecided,
  };
}

/** `1,234.50`: an amount for a reader, two decimals. */
export const formatAmount = (n: number): string => n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** `1,234.50 CNY` or `1,234.50-2,345.00 CNY`. */
export function formatMoney(m: Money, currency = ""): string {
  const text = Math.abs(m.max - m.min) < 0.005 ? formatAmount(m.min) : `${formatAmount(m.min)}-${formatAmount(m.max)}`;
  return currency ? `${text} ${currency}` : text;
}

/** `+1,234.50 CNY` (a delta keeps its sign). */
export function formatDelta(m: Money, currency = ""): string {
  const sign = (n: number) => (n > 0.004 ? "+" : n < -0.004 ? "-" : "±");
  const one = (n: number) => `${sign(n)}${formatAmount(Math.abs(n))}`;
  const text = Math.abs(m.max - m.min) < 0.005 ? one(m.min) : `${one(m.min)} to ${one(m.max)}`;
  return currency ? `${text} ${currency}` : text;
}
