/**
 * The price book file (`--prices <file>`, JSON or YAML): its one schema (zod; schemas/price-book.schema.json is
 * generated from it by `npm run schema:prices`) and its reader. A bad book is refused with the path of each bad
 * value and a right example, never read as prices of 0. The cost model that reads a book is policies/rules/cost.
 */
import * as fs from "fs";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import type { PriceBook } from "../policies/rules/cost";

/** An ISO date (`2026-12-01`) or date-time (`2026-12-01T08:00:00Z`). */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

const price = z.strictObject({
  amount: z.number().nonnegative().describe("The price, in the region's currency."),
  source: z.string().min(1).describe("Where it was read, e.g. `ECS DescribePrice (2014-05-26) cn-hangzhou`."),
  readAt: z.string().regex(ISO_DATE, { error: "expected an ISO date, e.g. 2026-12-01 or 2026-12-01T08:00:00Z" }).describe("When it was read (ISO 8601)."),
});
const term = z.strictObject({
  payAsYouGoHourly: price.optional().describe("Pay-as-you-go, per hour."),
  subscriptionMonthly: price.optional().describe("Subscription, per month (the 1-month price)."),
});
const storage = z.strictObject({
  payAsYouGoPerGbMonth: price.optional().describe("Pay-as-you-go, per GB and month."),
  subscriptionPerGbMonth: price.optional().describe("Subscription, per GB and month."),
});
const table = <T extends z.ZodType>(entry: T, what: string) => z.record(z.string().min(1), entry).default({}).describe(what);

const regionPrices = z.strictObject({
  currency: z.string().regex(/^[A-Z]{3}$/, { error: "expected an ISO 4217 code, e.g. CNY or USD" }).describe("The currency of every price of the region (ISO 4217; XTS marks test prices)."),
  instances: table(term, "ECS instance types, e.g. ecs.g7.2xlarge."),
  disks: table(storage, "Disks by category (cloud_essd), or category:performance level (cloud_essd:PL2)."),
  emrFee: table(term, "The EMR service fee per node, by the node's ECS instance type."),
  rdsClasses: table(term, "ApsaraDB RDS instance classes (the Hive metastore)."),
  rdsStorage: table(storage, "ApsaraDB RDS storage by storage type (cloud_essd, local_ssd)."),
});

export const priceBookSchema = z.strictObject({
  $schema: z.string().optional().describe("The JSON Schema of this file, for editors."),
  name: z.string().min(1).describe("What the book is, e.g. `prices of stacks dev, prod`."),
  test: z.literal(true).optional().describe("Made-up prices for tests (every report says so); emr-prices build never sets it."),
  regions: z.record(z.string().regex(/^[a-z]{2}(-[a-z0-9]+)+$/, { error: "expected a region ID, e.g. cn-hangzhou" }), regionPrices).describe("Prices per region ID."),
});

export type PriceBookFile = z.output<typeof priceBookSchema>;

/** A book that cannot be read: which file, which values are wrong and why. */
export class PriceBookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PriceBookError";
  }
}

const EXAMPLE = '{"name": "prod prices", "regions": {"cn-hangzhou": {"currency": "CNY", "instances": {"ecs.g7.2xlarge": {"payAsYouGoHourly": {"amount": 1.5, "source": "ECS DescribePrice", "readAt": "2026-12-01"}}}}}}';

/** Checks a parsed document; every problem at once, each with its path. */
export function parsePriceBook(document: unknown, file: string): PriceBook {
  const result = priceBookSchema.safeParse(document);
  if (!result.success) {
    const problems = result.error.issues.slice(0, 10).map((i) => `${i.path.length ? i.path.join(".") : "(the document)"}: ${i.message}`);
    const more = result.error.issues.length > 10 ? `; and ${result.error.issues.length - 10} more` : "";
    throw new PriceBookError(`--prices ${file}: ${problems.join("; ")}${more}; a book looks like ${EXAMPLE} (emr-prices build writes one)`);
  }
  const { $schema: _schema, ...book } = result.data;
  return book;
}

/** Reads a price book file, JSON or YAML. */
export function readPriceBook(file: string): PriceBook {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new PriceBookError(`--prices ${file}: no such file; make one with emr-prices build --stack <stack> --output ${file}`);
  const text = fs.readFileSync(file, "utf8");
  let document: unknown;
  try {
    document = /\.ya?ml$/i.test(file) ? parseYaml(text) : JSON.parse(text);
  } catch (err) {
    throw new PriceBookError(`--prices ${file}: not ${/\.ya?ml$/i.test(file) ? "YAML" : "JSON"} (${(err as Error).message.split("\n")[0]}); a book looks like ${EXAMPLE}`);
  }
  return parsePriceBook(document, file);
}
