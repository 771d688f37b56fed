/**
 * Builds a region's prices from the live price APIs, for exactly what the stacks use (needs.ts): ECS DescribePrice
 * for instance types (pay-as-you-go per hour, subscription per month) and disks (per GB and month: the price of a disk
 * of the size the stacks use, divided by that size); the BSS price actions for the EMR service fee and the RDS
 * metastore, whose pricing modules are read from DescribePricingModule (each module's ConfigList says which
 * attributes its Config needs; one the stacks do not say is taken when the module offers a single value, else the
 * item stays unpriced, with why). Every price records its API, host and the date it was read. Nothing is invented: a
 * price the APIs do not give is left out of the book (the check lists it as unpriced) and reported here.
 */
import type { Price, RegionPrices, StoragePrices, TermPrices } from "../policies/rules/cost";
import { HOURS_PER_MONTH } from "../policies/rules/cost";
import type { PriceClients, PriceModule, PricingModules, ProductRef } from "../client/prices";
import { EmrApiError } from "../client/errors";
import type { Payment, RegionNeeds } from "./needs";

/** A BSS price: its amount per the module's price type, currency and the API it came from. */
interface BssAnswer {
  amount: number;
  currency: string;
  api: string;
}

export interface BuildOptions {
  region: string;
  clients: PriceClients;
  /** The date the prices are read (the book's `readAt`). */
  now: Date;
  /** The BSS product of the EMR service fee; default: the product QueryProductList names "E-MapReduce". */
  emrProduct?: ProductRef;
  /** The BSS products of RDS: pay-as-you-go and subscription. */
  rdsProducts: { PayAsYouGo: ProductRef; Subscription: ProductRef };
}

export interface RegionBuild {
  prices: RegionPrices;
  /** What could not be priced, and why (the book leaves it out). */
  missing: string[];
}

/** The RDS product codes of the China site: `bards` pay-as-you-go, `rds` subscription (RDS DescribePrice, CommodityCode; BSS "query the price of RDS" example). */
export const CHINA_SITE_RDS_PRODUCTS = { PayAsYouGo: { ProductCode: "bards", ProductType: "bards" }, Subscription: { ProductCode: "rds", ProductType: "rds" } } as const;

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * A refusal about the item asked (a type not sold there, a disk size out of range, a config BSS will not price): the
 * item is missing and the build goes on. Anything else (credentials, permissions, throttling, the network) stops it.
 */
const ITEM_CODES = /^(InvalidParameter|InvalidInstanceType|InvalidDataDisk|InvalidSystemDisk|InvalidResourceType|InvalidPriceUnit|InvalidPeriod|InvalidProductCode|InvalidZoneId)/;
const itemError = (e: unknown) => e instanceof EmrApiError && (e.statusCode === 200 || (e.statusCode !== undefined && e.statusCode < 500 && ITEM_CODES.test(e.code)));

export async function buildRegionPrices(needs: RegionNeeds, opts: BuildOptions): Promise<RegionBuild> {
  const { clients, region } = opts;
  const readAt = opts.now.toISOString().slice(0, 10);
  const missing: string[] = [];
  let currency: string | undefined;
  const price = (amount: number, api: string, host: string, cur: string): Price => {
    if (currency && currency !== cur) throw new Error(`${api} answered in ${cur}, other prices of ${region} in ${currency}: a book holds one currency per region`);
    currency = cur;
    return { amount: round(amount), source: `${api}; ${host}; region ${region}`, readAt };
  };
  /** Runs one price query; an item-level refusal becomes a missing entry, anything else stops the build. */
  const attempt = async <T>(what: string, query: () => Promise<T | string>): Promise<T | undefined> => {
    try {
      const r = await query();
      if (typeof r === "string") missing.push(`${what}: ${r}`);
      return typeof r === "string" ? undefined : r;
    } catch (e) {
      if (!itemError(e)) throw e;
      missing.push(`${what}: ${(e as EmrApiError).code}: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  };
  const ecs = `ECS DescribePrice (2014-05-26)`;
  const instances: Record<string, TermPrices> = {};
  for (const [type, payments] of needs.instances) {
    const entry: TermPrices = {};
    if (payments.has("PayAsYouGo") || payments.size === 0) {
      const r = await attempt(`ECS ${type} pay-as-you-go`, () => clients.ecs.describePrice({ RegionId: region, ResourceType: "instance", InstanceType: type, PriceUnit: "Hour", Period: 1 }));
      if (r) entry.payAsYouGoHourly = price(instancePart(r), ecs, clients.hosts.ecs, r.PriceInfo.Price.Currency);
    }
    if (payments.has("Subscription")) {
      const r = await attempt(`ECS ${type} subscription`, () => clients.ecs.describePrice({ RegionId: region, ResourceType: "instance", InstanceType: type, PriceUnit: "Month", Period: 1 }));
      if (r) entry.subscriptionMonthly = price(instancePart(r), ecs, clients.hosts.ecs, r.PriceInfo.Price.Currency);
    }
    if (Object.keys(entry).length) instances[type] = entry;
  }
  const disks: Record<string, StoragePrices> = {};
  const anyType = [...needs.instances.keys()][0];
  for (const [key, d] of needs.disks) {
    const entry: StoragePrices = {};
    const disk = { Category: d.category, Size: d.size, ...(d.performanceLevel ? { PerformanceLevel: d.performanceLevel } : {}) };
    if (d.payments.has("PayAsYouGo")) {
      const r = await attempt(`disk ${key} pay-as-you-go`, () => clients.ecs.describePrice({ RegionId: region, ResourceType: "disk", DataDisk: [disk], PriceUnit: "Hour", Period: 1 }));
      if (r) entry.payAsYouGoPerGbMonth = price((r.PriceInfo.Price.TradePrice * HOURS_PER_MONTH) / d.size, ecs, clients.hosts.ecs, r.PriceInfo.Price.Currency);
    }
    // A subscription disk is sold with an instance: its part of an instance's monthly price.
    if (d.payments.has("Subscription") && anyType) {
      const r = await attempt(`disk ${key} subscription`, async () => {
        const answer = await clients.ecs.describePrice({ RegionId: region, ResourceType: "instance", InstanceType: anyType, DataDisk: [disk], PriceUnit: "Month", Period: 1 });
        const part = answer.PriceInfo.Price.DetailInfos?.DetailInfo.find((x) => x.Resource === "dataDisk");
        return part ? { amount: part.TradePrice, currency: answer.PriceInfo.Price.Currency } : "the answer has no dataDisk part (DetailInfos)";
      });
      if (r) entry.subscriptionPerGbMonth = price(r.amount / d.size, ecs, clients.hosts.ecs, r.currency);
    }
    if (Object.keys(entry).length) disks[key] = entry;
  }
  /** Per key, its prices by payment type from one BSS query each (per hour pay-as-you-go, per month subscription). */
  const bssTerms = async <N extends { payments: Set<Payment> }>(items: ReadonlyMap<string, N>, what: string, ask: (key: string, need: N, p: Payment) => Promise<BssAnswer | string>) => {
    const out: Record<string, TermPrices> = {};
    for (const [key, need] of items) {
      const entry: TermPrices = {};
      for (const p of need.payments) {
        const r = await attempt(`${what} ${key} ${p}`, () => ask(key, need, p));
        if (r) entry[p === "Subscription" ? "subscriptionMonthly" : "payAsYouGoHourly"] = price(r.amount, r.api, clients.hosts.bss, r.currency);
      }
      if (Object.keys(entry).length) out[key] = entry;
    }
    return out;
  };
  const emrProduct = opts.emrProduct ?? (await attempt("EMR service fee: the E-MapReduce product", () => findProduct(clients, /E-MapReduce/i)));
  const types = new Map([...needs.instances].map(([type, payments]) => [type, { payments }]));
  const emrFee = emrProduct ? await bssTerms(types, "EMR fee", (type, _need, p) => bssPrice(clients, emrProduct, p, region, { Region: region, InstanceType: type }, ["InstanceType"])) : {};
  const rdsClasses = await bssTerms(needs.rdsClasses, "RDS class", (cls, n, p) =>
    bssPrice(clients, opts.rdsProducts[p], p, region, { Region: region, DBInstanceClass: cls, EngineVersion: n.engineVersion, Engine: n.engine.toLowerCase(), Series: n.series }, ["DBInstanceClass"]));
  const rdsStorage: Record<string, StoragePrices> = {};
  for (const [storageType, n] of needs.rdsStorage) {
    const entry: StoragePrices = {};
    for (const p of n.payments) {
      const known = { Region: region, DBInstanceStorage: String(n.size), DBInstanceStorageType: storageType, EngineVersion: n.engineVersion, Engine: n.engine.toLowerCase(), Series: n.series };
      const r = await attempt(`RDS storage ${storageType} ${p}`, () => bssPrice(clients, opts.rdsProducts[p], p, region, known, ["DBInstanceStorage"]));
      const perMonth = r && (p === "Subscription" ? r.amount : r.amount * HOURS_PER_MONTH);
      if (r && perMonth !== undefined) entry[p === "Subscription" ? "subscriptionPerGbMonth" : "payAsYouGoPerGbMonth"] = price(perMonth / n.size, r.api, clients.hosts.bss, r.currency);
    }
    if (Object.keys(entry).length) rdsStorage[storageType] = entry;
  }
  if (!currency) throw new Error(`no price of ${region} could be read: ${missing.slice(0, 3).join("; ")}`);
  return { prices: { currency, instances, disks, emrFee, rdsClasses, rdsStorage }, missing };
}

/** The instance's own part of DescribePrice's answer (it also prices a default system disk); the total without one. */
function instancePart(r: { PriceInfo: { Price: { TradePrice: number; DetailInfos?: { DetailInfo: { Resource: string; TradePrice: number }[] } } } }): number {
  return r.PriceInfo.Price.DetailInfos?.DetailInfo.find((d) => d.Resource === "instanceType")?.TradePrice ?? r.PriceInfo.Price.TradePrice;
}

/** The BSS product whose name matches, from QueryProductList. */
async function findProduct(clients: PriceClients, name: RegExp): Promise<ProductRef | string> {
  const found = (await clients.bss.queryProductList()).find((p) => name.test(p.ProductName ?? ""));
  return found ? { ProductCode: found.ProductCode, ...(found.ProductType ? { ProductType: found.ProductType } : {}) } : `QueryProductList names no product ${name} (give it with --emr-product <ProductCode>[:<ProductType>])`;
}

/**
 * The price of the module whose ConfigList includes `keyCode` (pay-as-you-go per hour, subscription per month), its
 * Config filled from `known` and single-valued attributes; a string says why there is none.
 */
async function bssPrice(clients: PriceClients, product: ProductRef, payment: Payment, region: string, known: Record<string, string>, keyCodes: string[]): Promise<BssAnswer | string> {
  const modules = await clients.bss.describePricingModule(product, payment);
  const module = modules.ModuleList.Module.find((m) => keyCodes.every((k) => m.ConfigList?.ConfigList.includes(k)));
  if (!module) return `${product.ProductCode} has no ${payment} pricing module configured by ${keyCodes.join(", ")}`;
  const config = fillConfig(module.ConfigList?.ConfigList ?? [], known, modules);
  if ("why" in config) return `${product.ProductCode} module ${module.ModuleCode}: ${config.why}`;
  const m: PriceModule = { ModuleCode: module.ModuleCode, Config: config.config, ...(payment === "PayAsYouGo" ? { PriceType: module.PriceType ?? "Hour" } : {}) };
  if (payment === "PayAsYouGo") {
    if ((module.PriceType ?? "Hour") !== "Hour") return `${product.ProductCode} module ${module.ModuleCode} is priced per ${module.PriceType}, not per hour`;
    const data = await clients.bss.getPayAsYouGoPrice(product, region, [m]);
    const detail = data.ModuleDetails.ModuleDetail.find((d) => d.ModuleCode === module.ModuleCode);
    return detail ? { amount: detail.CostAfterDiscount, currency: data.Currency, api: `BSS GetPayAsYouGoPrice (2017-12-14) ${product.ProductCode}/${module.ModuleCode}` } : `GetPayAsYouGoPrice answered no ${module.ModuleCode} detail`;
  }
  const data = await clients.bss.getSubscriptionPrice(product, region, [m], 1);
  const detail = data.ModuleDetails?.ModuleDetail.find((d) => d.ModuleCode === module.ModuleCode);
  return { amount: detail?.CostAfterDiscount ?? data.TradePrice, currency: data.Currency, api: `BSS GetSubscriptionPrice (2017-12-14) ${product.ProductCode}/${module.ModuleCode}, 1 month` };
}

/** `Code:value,...` for every code of a ConfigList; a code neither known nor single-valued leaves it unpriced. */
function fillConfig(codes: readonly string[], known: Record<string, string>, modules: PricingModules): { config: string } | { why: string } {
  const parts: string[] = [];
  for (const code of codes) {
    const values = modules.AttributeList?.Attribute.find((a) => a.Code === code)?.Values?.AttributeValue ?? [];
    const value = known[code] ?? (values.length === 1 ? values[0].Value : undefined);
    if (value === undefined || value === "") return { why: `its Config needs ${code}${values.length ? ` (one of ${values.slice(0, 5).map((v) => v.Value).join(", ")}${values.length > 5 ? ", ..." : ""})` : ""}, which the stacks do not say` };
    parts.push(`${code}:${value}`);
  }
  return { config: parts.join(",") };
}
