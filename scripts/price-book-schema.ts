/**
 * The JSON Schema of a price book (`--prices <file>`), generated from the zod schema the check reads it with
 * (prices/book.ts), so editors check what the check would refuse. `npm run schema:prices` writes
 * schemas/price-book.schema.json; a test fails when the committed file is stale.
 */
import * as fs from "fs";
import * as path from "path";
import { z } from "zod";
import { priceBookSchema } from "../prices/book";

export const PRICE_BOOK_SCHEMA_FILE = path.join(__dirname, "..", "schemas", "price-book.schema.json");

export function priceBookJsonSchema(): Record<string, unknown> {
  const json = z.toJSONSchema(priceBookSchema, { io: "input" }) as Record<string, unknown>;
  delete json.$schema;
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "https://github.com/emr-as-code/schemas/price-book.schema.json",
    title: "A price book of emr-check --prices",
    description: "Generated from prices/book.ts by `npm run schema:prices`; do not edit by hand. emr-prices build writes such a book from the live price APIs.",
    ...json,
  };
}

if (require.main === module) {
  fs.writeFileSync(PRICE_BOOK_SCHEMA_FILE, JSON.stringify(priceBookJsonSchema(), null, 2) + "\n");
  process.stdout.write(`wrote ${path.relative(process.cwd(), PRICE_BOOK_SCHEMA_FILE)}\n`);
}
