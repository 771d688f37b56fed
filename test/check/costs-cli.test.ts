/**
 * Costs in the check, end to end as a separate process, with the TEST price book (made-up prices in XTS): prod's core
 * group 3 -> 6 against a recorded state costs more than the threshold a month, so it needs the acknowledgement of that
 * amount; the cost section in text, JSON, Markdown and SARIF; without a book the check says how to make one and
 * judges no cost rule; an old book is an advisory finding; a bad book is exit 2 naming the value.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse, stringify } from "yaml";
import { ROOT, runCli } from "../helpers/run-cli";
import { writeRecordedState } from "../helpers/recorded-state";

let dir: string;
let stateFile: string;
let freshBook: string;
let oldBook: string;

type Cluster = { name: string; spec: { tags: Record<string, string> } };
/** prod's stack file (core 6) with extra tags on lakehouse, next to the state. */
function prodFile(name: string, tags: Record<string, string> = {}): string {
  const doc = parse(fs.readFileSync(path.join(ROOT, "stacks/Pulumi.prod.yaml"), "utf8"));
  const lakehouse = (doc.config["emr:clusters"] as Cluster[]).find((c) => c.name === "lakehouse")!;
  Object.assign(lakehouse.spec.tags, tags);
  const file = path.join(dir, `Pulumi.${name}.yaml`);
  fs.writeFileSync(file, stringify(doc));
  return file;
}
/** The TEST book with every price read at `date`. */
function bookAt(file: string, date: string): string {
  fs.writeFileSync(file, fs.readFileSync(path.join(ROOT, "test/fixtures/prices/TEST-price-book.json"), "utf8").replace(/"readAt": "[^"]*"/g, `"readAt": "${date}"`));
  return file;
}
const check = (configFile: string, ...args: string[]) => runCli(["--stack", "prod", "--program", "stacks", "--config-file", configFile, "--state", stateFile, "--refreshed", ...args], 120000);

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "emr-costs-"));
  stateFile = path.join(dir, "prod-state.json");
  writeRecordedState("prod", stateFile, { lakehouse: { core: 3 } });
  freshBook = bookAt(path.join(dir, "prices.json"), new Date().toISOString().slice(0, 10));
  oldBook = bookAt(path.join(dir, "old-prices.json"), "2020-01-01");
}, 60000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// core 3 -> 6 of ecs.g7.4xlarge, Subscription: (2000 ECS + 200 EMR fee + (120 + 4 × 500) GB × 0.4) × 3 = 9,144 XTS.
const AMOUNT = "+9144 XTS";

test("a change above the monthly threshold: exit 1, the amount, the exact acknowledgement, in every format", async () => {
  const out = (f: string) => path.join(dir, f);
  const { code, stdout, stderr } = await check(prodFile("no-ack"), "--prices", freshBook, "--format", "json", "--output", out("r.json"), "--format", "markdown", "--output", out("r.md"), "--format", "sarif", "--output", out("r.sarif"), "--format", "text");
  expect({ code, stderr: stderr.replace(/report written to .*\n/g, "") }).toEqual({ code: 1, stderr: "" });
  expect(stdout).toContain('[mandatory] emr-change-monthly-cost: cluster "lakehouse": the monthly cost changes by +9,144.00 XTS');
  expect(stdout).toContain(`fix: acknowledge the cost with the tag emr-guard:ack-monthly-cost: "${AMOUNT}"`);
  expect(stdout).toContain("Monthly cost at the price book's prices: TEST PRICE BOOK (made-up prices, not Alibaba Cloud's): ");
  expect(stdout).toMatch(/ {4}core \(CORE\): 3 -> 6 nodes, 9,144\.00 -> 18,288\.00; ecs\.g7\.4xlarge; Subscription; commitment 12 months: 219,456\.00 XTS\n/);
  expect(stdout).toContain("    unpriced (not counted): task: EMR fee ecs.g6.4xlarge (PayAsYouGo) × 2-40\n");

  const json = JSON.parse(fs.readFileSync(out("r.json"), "utf8"));
  const costs = json.reports[0].costs;
  expect(costs.book).toMatchObject({ test: true, region: "cn-hangzhou", ageDays: 0 });
  const lakehouse = costs.resources.find((r: { name: string }) => r.name === "lakehouse");
  expect(lakehouse).toMatchObject({ kind: "cluster", currency: "XTS", delta: { min: 9144, max: 9144 }, undecided: [] });
  expect(lakehouse.after.unpriced).toEqual(["task: EMR fee ecs.g6.4xlarge (PayAsYouGo) × 2-40"]);
  expect(costs.resources.find((r: { name: string }) => r.name === "realtime").delta).toEqual({ min: 0, max: 0 });

  const md = fs.readFileSync(out("r.md"), "utf8");
  expect(md).toContain("#### Monthly cost (price book TEST PRICE BOOK");
  expect(md).toContain("> ⚠️ **Test price book**: made-up prices, not Alibaba Cloud's.");
  // Escaped for Markdown: "\(", "\+".
  expect(md).toMatch(/\| lakehouse \\\(cluster\\\) \| [^|]+ XTS \| [^|]+ XTS \| \\\+9,144\.00 XTS \|/);
  expect(md).toContain("❌ mandatory `emr-change-monthly-cost`");

  const sarif = JSON.parse(fs.readFileSync(out("r.sarif"), "utf8"));
  const results = sarif.runs[0].results as { ruleId: string; level: string; message: { text: string } }[];
  expect(results.filter((r) => r.ruleId === "emr-change-monthly-cost").map((r) => r.level)).toEqual(["error"]);
  expect(results.find((r) => r.ruleId === "emr-cost/monthly-cost" && r.message.text.includes("lakehouse (cluster)"))).toMatchObject({ level: "note", message: { text: expect.stringContaining("change +9,144.00 XTS") } });
}, 120000);

test("with the acknowledgement of that amount: the change passes, the entry is not stale", async () => {
  const { code, stdout } = await check(prodFile("ack", { "emr-guard:ack-monthly-cost": AMOUNT }), "--prices", freshBook);
  expect(code).toBe(0);
  expect(stdout).not.toContain("emr-change-monthly-cost");
  expect(stdout).not.toContain("emr-change-stale-acks");
}, 120000);

test("without a price book: how to make one, and no cost rule judged", async () => {
  const { code, stdout } = await check(prodFile("no-book"));
  expect(code).toBe(0);
  expect(stdout).toContain("\nCosts: no price book (--prices): no cost is shown and no cost rule is judged.\n  Make one with emr-prices build --stack <stack> --output prices.json (read-only price APIs)\n");
  expect(stdout).not.toContain("emr-change-monthly-cost");
}, 120000);

test("an old book: an advisory finding (exit 0; exit 1 with --fail-on advisory)", async () => {
  const file = prodFile("old", { "emr-guard:ack-monthly-cost": AMOUNT });
  const { code, stdout } = await check(file, "--prices", oldBook);
  expect(code).toBe(0);
  expect(stdout).toMatch(/\[advisory\] emr-price-book-age: the price book .*old-prices\.json is \d+ days old \(its oldest price\), above the 30-day limit/);
  expect((await check(file, "--prices", oldBook, "--fail-on", "advisory")).code).toBe(1);
}, 120000);

test("a bad book: exit 2 before anything runs, naming the value, no stack trace", async () => {
  const bad = path.join(dir, "bad.yaml");
  fs.writeFileSync(bad, stringify({ name: "x", regions: { "cn-hangzhou": { currency: "CNY", instances: { "ecs.g7.2xlarge": { payAsYouGoHourly: { amount: "1.5", source: "s", readAt: "2026-12-01" } } } } } }));
  const { code, stderr } = await check(prodFile("bad"), "--prices", bad);
  expect(code).toBe(2);
  expect(stderr).toContain("regions.cn-hangzhou.instances.ecs.g7.2xlarge.payAsYouGoHourly.amount: Invalid input: expected number, received string");
  expect(stderr).not.toMatch(/\n\s+at [^\n]+:\d+:\d+/);
}, 60000);
