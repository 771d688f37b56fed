/**
 * The cost model (policies/rules/cost) on the TEST price book (made-up prices, currency XTS): a cluster's monthly
 * cost by node group, ranges for auto-scaled groups and several instance types, Spot as variable, Subscription's
 * commitment, unpriced parts listed and never counted, the delta of a change, the cost rule and its acknowledgement,
 * the money in the node-count and subscription findings, and the book's age.
 */
import * as path from "path";
import { readPriceBook } from "../../prices/book";
import { bookAgeDays, clusterCost, costChange, costLens, HOURS_PER_MONTH, judgePriceBookAge, rdsCost } from "../../policies/rules/cost";
import { parseAcks } from "../../policies/rules/change";
import { planClusterCalls } from "../../policies/rules/calls";
import { checkCallPlans, changeFindings } from "../../policies/rules/gates";
import { DEFAULT_LIMITS } from "../../policies/rules/domain";
import { ROOT } from "../helpers/run-cli";
import { program } from "../calls/helpers";

const BOOK = readPriceBook(path.join(ROOT, "test/fixtures/prices/TEST-price-book.json"));
const REGION = "cn-hangzhou";
const essd = (size: number, count?: number) => ({ category: "cloud_essd", size, ...(count ? { count } : {}) });
const group = (name: string, type: string, count: number, extra: Record<string, unknown> = {}) => ({ nodeGroupName: name, nodeGroupType: type, nodeCount: count, instanceTypes: ["ecs.g7.2xlarge"], systemDisk: essd(100), dataDisks: [essd(200, 2)], ...extra });
const cluster = (groups: Record<string, unknown>[], extra: Record<string, unknown> = {}) => ({ clusterName: "lake", clusterType: "DATALAKE", paymentType: "PayAsYouGo", nodeGroups: groups, tags: {}, ...extra });

test("the test book is marked as test, in the test currency", () => {
  expect(BOOK.test).toBe(true);
  expect(BOOK.name).toMatch(/^TEST/);
  expect(BOOK.regions[REGION].currency).toBe("XTS");
});

describe("a cluster's monthly cost", () => {
  test("pay-as-you-go: nodes × (instance + EMR fee) × 730 h + disks per GB-month", () => {
    const c = clusterCost("lake", cluster([group("core", "CORE", 3)]), BOOK, REGION);
    // ecs.g7.2xlarge 2/h, EMR fee 0.2/h; disks 100 + 2 × 200 GB at 0.5 per GB-month.
    const perNode = 1856; // (2 + 0.2) × 730 + 500 × 0.5
    expect(c.lines[0]).toMatchObject({ group: "core", nodes: { min: 3, max: 3 }, perNode: { min: perNode, max: perNode }, monthly: { min: 3 * perNode, max: 3 * perNode }, unpriced: [] });
    expect(c.monthly).toEqual({ min: 3 * perNode, max: 3 * perNode });
    expect(c.currency).toBe("XTS");
  });

  test("an auto-scaled group is the range MinCapacity..MaxCapacity; several instance types the range over them", () => {
    const task = group("task", "TASK", 2, { instanceTypes: ["ecs.g7.4xlarge", "ecs.g6.4xlarge"], autoScalingPolicy: { constraints: { minCapacity: 2, maxCapacity: 10 } }, dataDisks: [] });
    const c = clusterCost("lake", cluster([task]), BOOK, REGION);
    const line = c.lines[0];
    expect(line.nodes).toEqual({ min: 2, max: 10 });
    // The EMR fee of ecs.g6.4xlarge is not in the book: unpriced, listed, and not counted (the instance range is).
    expect(line.unpriced).toEqual(["task: EMR fee ecs.g6.4xlarge (PayAsYouGo) × 2-10"]);
    const disk = 100 * 0.5;
    expect(line.perNode).toEqual({ min: 3 * HOURS_PER_MONTH + disk, max: 4 * HOURS_PER_MONTH + disk });
    expect(line.monthly).toEqual({ min: 2 * (3 * HOURS_PER_MONTH + disk), max: 10 * (4 * HOURS_PER_MONTH + disk) });
  });

  test("Spot is variable, counted at its ceiling (the bid limit when every type has one)", () => {
    const spot = clusterCost("lake", cluster([group("t", "TASK", 1, { spotStrategy: "SpotAsPriceGo", dataDisks: [] })]), BOOK, REGION).lines[0];
    expect(spot.variable).toMatch(/^SpotAsPriceGo: .*variable.*the pay-as-you-go price/);
    const limited = clusterCost("lake", cluster([group("t", "TASK", 1, { spotStrategy: "SpotWithPriceLimit", spotBidPrices: [{ instanceType: "ecs.g7.2xlarge", bidPrice: 0.5 }], dataDisks: [] })]), BOOK, REGION).lines[0];
    expect(limited.variable).toMatch(/the bid limit/);
    expect(limited.perNode!.max).toBeCloseTo((0.5 + 0.2) * HOURS_PER_MONTH + 100 * 0.5);
  });

  test("Subscription: monthly prices, and the commitment months × monthly (a Year is 12 months)", () => {
    const inputs = cluster([group("core", "CORE", 2)], { paymentType: "Subscription", subscriptionConfig: { paymentDuration: 1, paymentDurationUnit: "Year" } });
    const line = clusterCost("lake", inputs, BOOK, REGION).lines[0];
    const perNode = 1000 + 100 + 500 * 0.4;
    expect(line).toMatchObject({ payment: "Subscription", monthly: { min: 2 * perNode, max: 2 * perNode }, commitment: { months: 12, amount: { min: 24 * perNode, max: 24 * perNode } } });
  });

  test("a region not in the book, an unknown instance type: unpriced, never 0 with a price", () => {
    const elsewhere = clusterCost("lake", cluster([group("core", "CORE", 3)]), BOOK, "eu-central-1");
    expect(elsewhere).toMatchObject({ monthly: { min: 0, max: 0 }, unpriced: ["core: region eu-central-1 is not in the price book"] });
    expect(elsewhere.currency).toBeUndefined();
    const odd = clusterCost("lake", cluster([group("core", "CORE", 3, { instanceTypes: ["ecs.x9.huge"], systemDisk: { category: "cloud_auto", size: 40 }, dataDisks: [] })]), BOOK, REGION);
    expect(odd.unpriced).toEqual(["core: ECS ecs.x9.huge (PayAsYouGo) × 3", "core: EMR fee ecs.x9.huge (PayAsYouGo) × 3", "core: system disk cloud_auto 40 GiB (PayAsYouGo) × 3"]);
  });

  test("the RDS metastore: class and storage, Prepaid as a subscription with its period", () => {
    const c = rdsCost("meta", { instanceType: "mysql.n2.medium.2c", instanceStorage: 50, dbInstanceStorageType: "cloud_essd", instanceChargeType: "Prepaid", period: 12 }, BOOK, REGION);
    expect(c.monthly).toEqual({ min: 300 + 50 * 0.5, max: 300 + 50 * 0.5 });
    expect(c.lines[0].commitment).toEqual({ months: 12, amount: { min: 12 * 325, max: 12 * 325 } });
  });
});

describe("the cost of a change", () => {
  const before = clusterCost("lake", cluster([group("core", "CORE", 3)]), BOOK, REGION);
  const after = clusterCost("lake", cluster([group("core", "CORE", 30)]), BOOK, REGION);

  test("the delta, bound by bound; a new cluster costs all of its after", () => {
    expect(costChange("lake", before, after).delta).toEqual({ min: 27 * 1856, max: 27 * 1856 });
    expect(costChange("lake", undefined, after).delta).toEqual(after.monthly);
  });

  test("an unpriced part on one side only makes the delta not known; the same part on both sides cancels", () => {
    const g6 = (n: number) => clusterCost("lake", cluster([group("core", "CORE", 3), group("t", "TASK", n, { instanceTypes: ["ecs.g6.4xlarge"] })]), BOOK, REGION);
    const change = costChange("lake", before, g6(2));
    expect(change.undecided).toEqual(["t: EMR fee ecs.g6.4xlarge (PayAsYouGo) × 2"]);
    expect(change.delta).toBeUndefined();
    expect(costChange("lake", g6(2), g6(2)).delta).toEqual({ min: 0, max: 0 });
  });
});

describe("emr-change-monthly-cost", () => {
  const judge = (beforeGroups: number, afterGroups: number, tags: Record<string, string> = {}, recordedTags: Record<string, string> = {}) => {
    const b = cluster([group("core", "CORE", beforeGroups)], { tags: recordedTags });
    const a = cluster([group("core", "CORE", afterGroups)], { tags });
    const plan = planClusterCalls({ cluster: "lake", before: { inputs: b, state: b, id: "c-0123456789abcdef", protect: true, retainOnDelete: true }, after: program(a), refreshed: true });
    const change = costChange("lake", clusterCost("lake", b, BOOK, REGION), clusterCost("lake", a, BOOK, REGION));
    const results = checkCallPlans([{ plan, acks: parseAcks(a.tags, b.tags), cost: { change, lens: costLens(change.after!) } }], [], DEFAULT_LIMITS);
    return { findings: changeFindings(results), outcome: results.find((r) => r.rule === "emr-change-monthly-cost")!.outcome };
  };

  test("above the threshold: mandatory, naming the amount and the exact acknowledgement", () => {
    const { findings } = judge(3, 6);
    const cost = findings.find((f) => f.rule === "emr-change-monthly-cost")!;
    expect(cost.level).toBe("mandatory");
    expect(cost.message).toBe('cluster "lake": the monthly cost changes by +5,568.00 XTS: 5,568.00 XTS -> 11,136.00 XTS a month, above the 5000 XTS threshold');
    expect(cost.fix).toContain('the tag emr-guard:ack-monthly-cost: "+5568 XTS"');
    expect(cost.fix).toContain('acknowledgements.monthlyCost: "+5568 XTS"');
  });

  test("the acknowledgement of that amount approves it; another amount does not, and is stale", () => {
    expect(judge(3, 6, { "emr-guard:ack-monthly-cost": "+5568 XTS" }).outcome.kind).toBe("compliant");
    const other = judge(3, 6, { "emr-guard:ack-monthly-cost": "+9000 XTS" }).findings.map((f) => f.rule);
    expect(other).toEqual(expect.arrayContaining(["emr-change-monthly-cost", "emr-change-stale-acks"]));
  });

  test("an acknowledgement already in the recorded state is spent", () => {
    const spent = judge(3, 6, { "emr-guard:ack-monthly-cost": "+5568 XTS" }, { "emr-guard:ack-monthly-cost": "+5568 XTS" });
    expect(spent.findings.find((f) => f.rule === "emr-change-monthly-cost")?.fix).toContain("approved an earlier update");
  });

  test("at or below the threshold, and a cheaper change: compliant", () => {
    expect(judge(3, 4).outcome.kind).toBe("compliant");
    expect(judge(6, 3).outcome.kind).toBe("compliant");
  });

  test("a malformed cost acknowledgement approves nothing and says the form", () => {
    const acks = parseAcks({ "emr-guard:ack-monthly-cost": "5568" });
    expect(acks.malformed).toEqual([{ tag: "emr-guard:ack-monthly-cost", entry: "5568", reason: "it is not in the form +5480 CNY", example: "+5480 CNY" }]);
  });
});

test("the node-count and subscription-length findings show the money they stand for", () => {
  const inputs = cluster([group("core", "CORE", 40)], { paymentType: "Subscription", subscriptionConfig: { paymentDuration: 24, paymentDurationUnit: "Month" } });
  const plan = planClusterCalls({ cluster: "lake", after: program(inputs) });
  const lens = costLens(clusterCost("lake", inputs, BOOK, REGION));
  const findings = changeFindings(checkCallPlans([{ plan, acks: parseAcks(inputs.tags) }], [], DEFAULT_LIMITS, ));
  expect(findings.some((f) => f.message.includes("XTS"))).toBe(false);
  const priced = changeFindings(checkCallPlans([{ plan, acks: parseAcks(inputs.tags), cost: { change: costChange("lake", undefined, clusterCost("lake", inputs, BOOK, REGION)), lens } }], [], DEFAULT_LIMITS));
  const perNode = 1000 + 100 + 500 * 0.4;
  expect(priced.find((f) => f.path === "nodeGroups[0].nodeCount")?.message).toContain(`(40 × 1,300.00 = ${(40 * perNode).toLocaleString("en-US", { minimumFractionDigits: 2 })} XTS a month at the price book's prices)`);
  expect(priced.find((f) => f.path === "subscriptionConfig.paymentDuration")?.message).toContain("(24 × 52,000.00 = 1,248,000.00 XTS committed at the price book's prices)");
});

test("the book's age: the oldest price; past the limit an advisory finding", () => {
  expect(bookAgeDays(BOOK, new Date("2026-11-30T12:00:00Z"))).toBe(10);
  expect(judgePriceBookAge({ ageDays: 10, file: "p.json", maxAgeDays: 30 })).toEqual([]);
  expect(judgePriceBookAge({ ageDays: 31, file: "p.json", maxAgeDays: 30 })).toEqual([expect.objectContaining({ rule: "emr-price-book-age", level: "advisory", message: expect.stringContaining("31 days old") })]);
});
