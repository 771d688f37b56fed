/**
 * The price book file: its JSON Schema is what `npm run schema:prices` generates from the reader's zod schema (not
 * stale); ajv (JSON Schema 2020-12) and the reader accept the same books and refuse the same mistakes, each with the
 * path of the bad value; YAML reads like JSON.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import Ajv2020 from "ajv/dist/2020";
import { stringify } from "yaml";
import { parsePriceBook, PriceBookError, readPriceBook } from "../../prices/book";
import { PRICE_BOOK_SCHEMA_FILE, priceBookJsonSchema } from "../../scripts/price-book-schema";
import { ROOT } from "../helpers/run-cli";

const validate = new Ajv2020({ allErrors: true, strict: true }).compile(JSON.parse(fs.readFileSync(PRICE_BOOK_SCHEMA_FILE, "utf8")));
const ajvErrors = (doc: unknown) => (validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
const TEST_BOOK = path.join(ROOT, "test/fixtures/prices/TEST-price-book.json");
const testBook = () => JSON.parse(fs.readFileSync(TEST_BOOK, "utf8"));
const readerError = (doc: unknown) => {
  try {
    parsePriceBook(doc, "book.json");
    return "";
  } catch (e) {
    expect(e).toBeInstanceOf(PriceBookError);
    return (e as Error).message;
  }
};

test("schemas/price-book.schema.json is what `npm run schema:prices` generates from prices/book.ts (not stale)", () => {
  expect(JSON.parse(fs.readFileSync(PRICE_BOOK_SCHEMA_FILE, "utf8"))).toEqual(priceBookJsonSchema());
});

test("the test book validates with ajv and reads with the reader", () => {
  expect(ajvErrors(testBook())).toEqual([]);
  expect(readPriceBook(TEST_BOOK).regions["cn-hangzhou"].instances["ecs.g7.2xlarge"].payAsYouGoHourly?.amount).toBe(2);
});

describe("a bad book is refused by both, with the path of the bad value", () => {
  test("an amount written as a string", () => {
    const doc = testBook();
    doc.regions["cn-hangzhou"].instances["ecs.g7.2xlarge"].payAsYouGoHourly.amount = "2";
    expect(ajvErrors(doc)).toContain("/regions/cn-hangzhou/instances/ecs.g7.2xlarge/payAsYouGoHourly/amount must be number");
    expect(readerError(doc)).toContain("regions.cn-hangzhou.instances.ecs.g7.2xlarge.payAsYouGoHourly.amount: Invalid input: expected number, received string");
  });

  test("a price without its source or date, a negative price", () => {
    const doc = testBook();
    delete doc.regions["cn-hangzhou"].disks.cloud_essd.payAsYouGoPerGbMonth.source;
    doc.regions["cn-hangzhou"].emrFee["ecs.g7.2xlarge"].subscriptionMonthly.amount = -1;
    expect(ajvErrors(doc)).toEqual(expect.arrayContaining(["/regions/cn-hangzhou/disks/cloud_essd/payAsYouGoPerGbMonth must have required property 'source'", "/regions/cn-hangzhou/emrFee/ecs.g7.2xlarge/subscriptionMonthly/amount must be >= 0"]));
    const message = readerError(doc);
    expect(message).toContain("regions.cn-hangzhou.disks.cloud_essd.payAsYouGoPerGbMonth.source");
    expect(message).toContain("regions.cn-hangzhou.emrFee.ecs.g7.2xlarge.subscriptionMonthly.amount: Too small");
  });

  test("a misspelled price field, a currency that is no ISO code, a date that is no date", () => {
    const doc = testBook();
    doc.regions["cn-hangzhou"].instances["ecs.g7.2xlarge"].payAsYouGoHour = doc.regions["cn-hangzhou"].instances["ecs.g7.2xlarge"].payAsYouGoHourly;
    doc.regions["cn-hangzhou"].currency = "yuan";
    doc.regions["cn-hangzhou"].rdsClasses["mysql.n2.medium.2c"].payAsYouGoHourly.readAt = "last week";
    expect(ajvErrors(doc)).toEqual(expect.arrayContaining(["/regions/cn-hangzhou/instances/ecs.g7.2xlarge must NOT have additional properties", '/regions/cn-hangzhou/currency must match pattern "^[A-Z]{3}$"']));
    const message = readerError(doc);
    expect(message).toContain('regions.cn-hangzhou.instances.ecs.g7.2xlarge: Unrecognized key: "payAsYouGoHour"');
    expect(message).toContain("regions.cn-hangzhou.currency: expected an ISO 4217 code, e.g. CNY or USD");
    expect(message).toContain("regions.cn-hangzhou.rdsClasses.mysql.n2.medium.2c.payAsYouGoHourly.readAt: expected an ISO date");
    expect(message).toContain("a book looks like");
  });

  test("test: false is not a way to unmark a test book (only true, or absent)", () => {
    expect(ajvErrors({ ...testBook(), test: false })).toContain("/test must be equal to constant");
    expect(readerError({ ...testBook(), test: false })).toContain("test: Invalid input: expected true");
  });
});

test("a YAML book reads like the JSON one; a missing or unparsable file says what to do", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "emr-prices-"));
  try {
    fs.writeFileSync(path.join(dir, "book.yaml"), stringify(testBook()));
    expect(readPriceBook(path.join(dir, "book.yaml"))).toEqual(readPriceBook(TEST_BOOK));
    fs.writeFileSync(path.join(dir, "bad.json"), "{ name: ");
    expect(() => readPriceBook(path.join(dir, "bad.json"))).toThrow(/bad\.json: not JSON/);
    expect(() => readPriceBook(path.join(dir, "none.json"))).toThrow(/none\.json: no such file; make one with emr-prices build/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
