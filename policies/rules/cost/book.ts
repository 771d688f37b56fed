/**
 * A price book, as the cost rules read it: per region, one currency and the prices of what an EMR cluster is billed
 * for (ECS instance types, disks by category, the EMR service fee per instance type, the RDS metastore's class and
 * storage). Every price names where it was read and when: the book is built from the live price APIs by
 * `emr-prices build` (prices/), validated by prices/book.ts; this file only describes and looks up, it never invents
 * a price. A price that is not in the book is unpriced, never 0.
 */

/** One price and where it came from. */
export interface Price {
  amount: number;
  /** The API (or document) it was read from, e.g. `ECS DescribePrice (2014-05-26) cn-hangzhou`. */
  source: string;
  /** When it was read: an ISO date (`2026-12-01`) or date-time. */
  readAt: string;
}

/** What one ECS instance type (or the EMR fee for it, or an RDS class) costs by payment type. */
export interface TermPrices {
  /** Pay-as-you-go: per hour. */
  payAsYouGoHourly?: Price;
  /** Subscription: per month (the 1-month price). */
  subscriptionMonthly?: Price;
}

/** What one disk category (or RDS storage type) costs, per GB and month, by payment type. */
export interface StoragePrices {
  payAsYouGoPerGbMonth?: Price;
  subscriptionPerGbMonth?: Price;
}

export interface RegionPrices {
  /** The currency of every price of the region, ISO 4217 (`CNY`, `USD`; `XTS` marks test prices). */
  currency: string;
  /** ECS instance types, e.g. `ecs.g7.2xlarge`. */
  instances: Record<string, TermPrices>;
  /** Disks by category (`cloud_essd`), or category and performance level (`cloud_essd:PL2`). */
  disks: Record<string, StoragePrices>;
  /** The EMR service fee per node, by the node's ECS instance type. */
  emrFee: Record<string, TermPrices>;
  /** ApsaraDB RDS classes (`mysql.n2.medium.2c`), the metastore's instance. */
  rdsClasses: Record<string, TermPrices>;
  /** ApsaraDB RDS storage by storage type (`cloud_essd`, `local_ssd`). */
  rdsStorage: Record<string, StoragePrices>;
}

export interface PriceBook {
  /** What the book is, e.g. `prod prices, built by emr-prices`. */
  name: string;
  /** A book of made-up prices for tests: every report says so. Never set by `emr-prices build`. */
  test?: boolean;
  regions: Record<string, RegionPrices>;
}

/** Hours in an average month (365 × 24 / 12): a pay-as-you-go hourly price times this is its monthly cost. */
export const HOURS_PER_MONTH = 730;

/** Every `readAt` of the book: its age is that of its oldest price. */
export function readDates(book: PriceBook): string[] {
  const out: string[] = [];
  const term = (t: TermPrices | StoragePrices) => Object.values(t).forEach((p: Price | undefined) => p && out.push(p.readAt));
  for (const r of Object.values(book.regions)) {
    for (const table of [r.instances, r.disks, r.emrFee, r.rdsClasses, r.rdsStorage]) Object.values(table).forEach(term);
  }
  return out;
}

/** The book's age in whole days at `now` (that of its oldest price); undefined for a book without prices. */
export function bookAgeDays(book: PriceBook, now: Date): number | undefined {
  const times = readDates(book).map((d) => Date.parse(d)).filter((t) => Number.isFinite(t));
  if (!times.length) return undefined;
  return Math.floor((now.getTime() - Math.min(...times)) / 86_400_000);
}

/** The key of a disk in the book: its category, with its ESSD performance level when one is set. */
export const diskKey = (category: string, performanceLevel?: string): string => (performanceLevel ? `${category}:${performanceLevel}` : category);
