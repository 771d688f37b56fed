/**
 * What a cluster (or its RDS metastore) costs a month at a price book's prices, from its provider-shaped inputs (a
 * program's, a recorded state's or a plan's). Per node group: its nodes (an auto-scaled group as the range from
 * MinCapacity to MaxCapacity), each node's instance, disks and EMR service fee at the group's payment type; a group
 * of several instance types as the range over them; Spot as variable (counted at its ceiling, the pay-as-you-go
 * price or the bid limit); Subscription with the commitment it creates (months × monthly price). What the book has no
 * price for is listed as unpriced and left out of the sums, never counted as 0; a preview unknown is listed as such.
 */
import { summarizePolicy } from "../change/policy";
import { isUnknown } from "../types";
import { MONTHS_PER_UNIT } from "../domain";
import { diskKey, HOURS_PER_MONTH, type PriceBook, type RegionPrices, type StoragePrices, type TermPrices } from "./book";

/** A monthly amount, as a range (an auto-scaled group, several instance types); min = max when it is one number. */
export interface Money {
  min: number;
  max: number;
}

export interface CostLine {
  /** `core (CORE)`, `metastore (rds.mysql.s2.large)`. */
  label: string;
  /** The node group, for a cluster's line. */
  group?: string;
  /** The nodes counted: a range for an auto-scaled group. */
  nodes?: Money;
  payment: string;
  instanceTypes?: string[];
  /** The priced part of the line's monthly cost (what is unpriced is not in it). */
  monthly: Money;
  /** One node's priced monthly cost. */
  perNode?: Money;
  /** What has no price in the book: `EMR fee ecs.g7.2xlarge (PayAsYouGo) × 3`. */
  unpriced: string[];
  /** Not known before apply (a preview unknown): `nodeGroups[1].nodeCount`. */
  unknown: string[];
  /** Spot: billed at the market price; counted at its ceiling. */
  variable?: string;
  /** Subscription: the commitment the line's payment creates (months × its priced monthly cost). */
  commitment?: { months: number; amount: Money };
}

export interface ResourceCost {
  /** The Pulumi resource name. */
  name: string;
  kind: "cluster" | "rds";
  /** The book's currency for the region; undefined when the region is not in the book. */
  currency?: string;
  lines: CostLine[];
  /** The priced total. */
  monthly: Money;
  unpriced: string[];
  unknown: string[];
}

const ZERO: Money = { min: 0, max: 0 };
/** Sums of prices to a millionth of the currency unit, so binary floating point leaves no 0.000000001 behind. */
const exact = (n: number) => Math.round(n * 1e6) / 1e6;
const add = (a: Money, b: Money): Money => ({ min: exact(a.min + b.min), max: exact(a.max + b.max) });
const times = (a: Money, n: Money): Money => ({ min: exact(a.min * n.min), max: exact(a.max * n.max) });
const scale = (a: Money, k: number): Money => ({ min: exact(a.min * k), max: exact(a.max * k) });
const rec = (v: unknown): Record<string, unknown> => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const first = (v: unknown): Record<string, unknown> => rec(Array.isArray(v) ? v[0] : v);
const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : typeof v === "string" && /^\d+(\.\d+)?$/.test(v) ? Number(v) : undefined);
const str = (v: unknown): string | undefined => (typeof v === "string" && v.length > 0 ? v : undefined);

/** The months a subscriptionConfig commits to (`paymentDuration` × months per `paymentDurationUnit`). */
export function subscriptionMonths(config: unknown): number | undefined {
  const c = first(config);
  const d = num(c.paymentDuration ?? c.PaymentDuration);
  const unit = str(c.paymentDurationUnit ?? c.PaymentDurationUnit) ?? "Month";
  return d === undefined ? undefined : d * (unit === "Year" ? MONTHS_PER_UNIT.Year : MONTHS_PER_UNIT.Month);
}

/** A monthly price by payment type: the subscription's monthly price, or the pay-as-you-go hourly price × 730. */
function termMonthly(t: TermPrices | undefined, payment: string): number | undefined {
  if (payment === "Subscription") return t?.subscriptionMonthly?.amount;
  const hourly = t?.payAsYouGoHourly?.amount;
  return hourly === undefined ? undefined : hourly * HOURS_PER_MONTH;
}

function storageMonthly(t: StoragePrices | undefined, payment: string): number | undefined {
  return payment === "Subscription" ? t?.subscriptionPerGbMonth?.amount : t?.payAsYouGoPerGbMonth?.amount;
}

/** One node's cost parts over its possible instance types; each part priced (a range) or unpriced (why). */
function nodeParts(g: Record<string, unknown>, types: string[], payment: string, prices: RegionPrices, unpriced: (what: string) => void): Money {
  let perNode = ZERO;
  const over = (what: string, price: (type: string) => number | undefined) => {
    const values = types.map(price);
    const missing = types.filter((_, i) => values[i] === undefined);
    if (missing.length) return unpriced(`${what} ${missing.join(", ")} (${payment})`);
    const known = values as number[];
    perNode = add(perNode, { min: Math.min(...known), max: Math.max(...known) });
  };
  over("ECS", (t) => termMonthly(prices.instances[t], payment));
  over("EMR fee", (t) => termMonthly(prices.emrFee[t], payment));
  const disks: { d: Record<string, unknown>; what: string }[] = [{ d: { ...first(g.systemDisk), count: 1 }, what: "system disk" }, ...(Array.isArray(g.dataDisks) ? g.dataDisks.map((d) => ({ d: rec(d), what: "data disk" })) : [])];
  for (const { d, what } of disks) {
    const category = str(d.category);
    const size = num(d.size);
    if (!category || size === undefined) continue;
    const count = num(d.count) ?? 1;
    const key = diskKey(category, str(d.performanceLevel));
    const perGb = storageMonthly(prices.disks[key], payment);
    if (perGb === undefined) unpriced(`${what} ${key} ${count > 1 ? `${count} × ` : ""}${size} GiB (${payment})`);
    else perNode = add(perNode, scale({ min: 1, max: 1 }, perGb * size * count));
  }
  return perNode;
}

/** The Spot ceiling: SpotWithPriceLimit's bid per hour (when every type has one), else the pay-as-you-go price. */
function spotNote(g: Record<string, unknown>, types: string[], currency: string): { note?: string; bids?: Map<string, number> } {
  const strategy = str(g.spotStrategy);
  if (!strategy || strategy === "NoSpot") return {};
  const bids = new Map((Array.isArray(g.spotBidPrices) ? g.spotBidPrices : []).map((b) => [str(rec(b).instanceType) ?? "", num(rec(b).bidPrice)] as const).filter((e): e is [string, number] => e[1] !== undefined));
  const limited = strategy === "SpotWithPriceLimit" && types.every((t) => bids.has(t));
  return {
    note: `${strategy}: billed at the Spot market price, variable; counted at its ceiling, ${limited ? `the bid limit (${currency} per hour)` : "the pay-as-you-go price"}`,
    ...(limited ? { bids } : {}),
  };
}

/** One node group's line. `clusterPayment`/`clusterSubscription`: what a group without its own inherits. */
function groupLine(raw: unknown, index: number, cluster: { payment: string; subscription: unknown }, prices: RegionPrices | undefined, region: string): CostLine {
  const g = rec(raw);
  const name = str(g.nodeGroupName) ?? `nodeGroups[${index}]`;
  const payment = str(g.paymentType) ?? cluster.payment;
  const line: CostLine = { label: `${name} (${str(g.nodeGroupType) ?? "?"})`, group: name, payment, monthly: ZERO, unpriced: [], unknown: [] };
  const types = Array.isArray(g.instanceTypes) ? g.instanceTypes.filter((t): t is string => typeof t === "string") : [];
  if (isUnknown(raw) || isUnknown(g.instanceTypes) || types.length === 0) line.unknown.push(`${name}: instanceTypes`);
  line.instanceTypes = types;
  const policy = g.autoScalingPolicy ?? undefined;
  if (policy !== undefined && policy !== null) {
    const s = summarizePolicy(policy);
    const min = s.minCapacity ?? 0;
    if (typeof min !== "number" || typeof s.maxCapacity !== "number") line.unknown.push(`${name}: autoScalingPolicy capacities`);
    else line.nodes = { min, max: Math.max(min, s.maxCapacity) };
  } else {
    const n = num(g.nodeCount);
    if (n === undefined) line.unknown.push(`${name}: nodeCount`);
    else line.nodes = { min: n, max: n };
  }
  if (!prices) {
    line.unpriced.push(`${name}: region ${region} is not in the price book`);
    return line;
  }
  const nodes = line.nodes;
  const count = nodes ? (nodes.min === nodes.max ? ` × ${nodes.min}` : ` × ${nodes.min}-${nodes.max}`) : "";
  const spot = spotNote(g, types, prices.currency);
  if (spot.note) line.variable = spot.note;
  const forBook = spot.bids ? { ...prices, instances: Object.fromEntries(types.map((t) => [t, { payAsYouGoHourly: { amount: spot.bids!.get(t)!, source: "the group's spotBidPrices", readAt: "" } }])) } : prices;
  if (types.length) line.perNode = nodeParts(g, types, payment, forBook, (what) => line.unpriced.push(`${name}: ${what}${count}`));
  if (nodes && line.perNode) line.monthly = times(line.perNode, nodes);
  if (payment === "Subscription") {
    const months = subscriptionMonths(g.subscriptionConfig) ?? subscriptionMonths(cluster.subscription);
    if (months !== undefined) line.commitment = { months, amount: scale(line.monthly, months) };
  }
  return line;
}

const total = (lines: readonly CostLine[]): Money => lines.reduce((m, l) => add(m, l.monthly), ZERO);

/** A cluster's monthly cost (`alicloud:emrv2/cluster:Cluster` inputs). */
export function clusterCost(name: string, inputs: Record<string, unknown>, book: PriceBook, region: string): ResourceCost {
  const prices = book.regions[region];
  const cluster = { payment: str(inputs.paymentType) ?? "PayAsYouGo", subscription: inputs.subscriptionConfig };
  const groups = inputs.nodeGroups;
  const lines = Array.isArray(groups) ? groups.map((g, i) => groupLine(g, i, cluster, prices, region)) : [];
  const unknown = isUnknown(groups) || !Array.isArray(groups) ? ["nodeGroups"] : [];
  return { name, kind: "cluster", ...(prices ? { currency: prices.currency } : {}), lines, monthly: total(lines), unpriced: lines.flatMap((l) => l.unpriced), unknown: [...unknown, ...lines.flatMap((l) => l.unknown)] };
}

/** An RDS instance's monthly cost (`alicloud:rds/instance:Instance` inputs: class, storage, charge type). */
export function rdsCost(name: string, inputs: Record<string, unknown>, book: PriceBook, region: string): ResourceCost {
  const prices = book.regions[region];
  const payment = str(inputs.instanceChargeType) === "Prepaid" ? "Subscription" : "PayAsYouGo";
  const cls = str(inputs.instanceType);
  const storage = num(inputs.instanceStorage);
  const storageType = str(inputs.dbInstanceStorageType) ?? "local_ssd";
  const line: CostLine = { label: `${name} (${cls ?? "?"})`, payment, monthly: ZERO, unpriced: [], unknown: [] };
  if (!cls) line.unknown.push(`${name}: instanceType`);
  if (storage === undefined) line.unknown.push(`${name}: instanceStorage`);
  if (!prices) line.unpriced.push(`${name}: region ${region} is not in the price book`);
  else {
    const classMonthly = cls ? termMonthly(prices.rdsClasses[cls], payment) : undefined;
    if (cls && classMonthly === undefined) line.unpriced.push(`${name}: RDS class ${cls} (${payment})`);
    const perGb = storageMonthly(prices.rdsStorage[storageType], payment);
    if (storage !== undefined && perGb === undefined) line.unpriced.push(`${name}: RDS storage ${storageType} ${storage} GB (${payment})`);
    const amount = (classMonthly ?? 0) + (storage !== undefined && perGb !== undefined ? perGb * storage : 0);
    line.monthly = { min: amount, max: amount };
    const months = num(inputs.period);
    if (payment === "Subscription" && months !== undefined) line.commitment = { months, amount: scale(line.monthly, months) };
  }
  return { name, kind: "rds", ...(prices ? { currency: prices.currency } : {}), lines: [line], monthly: line.monthly, unpriced: line.unpriced, unknown: line.unknown };
}
