/**
 * The emulator's price actions: ECS 2014-05-26 DescribePrice and BSS 2017-12-14 QueryProductList,
 * DescribePricingModule, GetPayAsYouGoPrice, GetSubscriptionPrice, with the parameters and answers the generated SDKs
 * declare (client/prices). Its prices are MADE UP, in XTS (ISO 4217's code for testing), from a formula on the
 * instance type's size: they exist to exercise `emr-prices build` and the check, never to estimate a real bill.
 * BSS modules follow Alibaba's documented RDS example (DBInstanceClass, DBInstanceStorage and their configs); the EMR
 * product is the emulator's own ("E-MapReduce (emulator)").
 */
import { ECS_VERSION } from "./ecs";
import { ParamError, optStr, str, type Params } from "./params";

export const BSS_VERSION = "2017-12-14";
/** ISO 4217 reserves XTS for testing: no one can read the emulator's prices as CNY or USD. */
export const EMULATOR_CURRENCY = "XTS";

const SIZE_VCPUS: Record<string, number> = { large: 2, xlarge: 4, "2xlarge": 8, "3xlarge": 12, "4xlarge": 16, "5xlarge": 20, "8xlarge": 32 };
/** Made up: 0.1 XTS per vCPU-hour; a subscription month at 60 % of 730 hours. */
const hourlyOf = (instanceType: string): number | undefined => {
  const size = /^ecs\.[a-z0-9-]+\.([a-z0-9]+)$/.exec(instanceType)?.[1];
  const vcpus = size ? SIZE_VCPUS[size] : undefined;
  return vcpus === undefined ? undefined : round(vcpus * 0.1);
};
const monthlyOf = (hourly: number) => round(hourly * 730 * 0.6);
const diskHourlyPerGb = (category: string): number | undefined => ({ cloud_essd: 0.001, cloud_ssd: 0.0008, cloud_efficiency: 0.0005 })[category];
const round = (n: number) => Math.round(n * 10000) / 10000;

const PRODUCTS = [
  { ProductCode: "emr-emulator", ProductType: "emr-emulator", ProductName: "E-MapReduce (emulator)", SubscriptionType: "PayAsYouGo" },
  { ProductCode: "bards", ProductType: "bards", ProductName: "ApsaraDB RDS, pay-as-you-go (emulator)", SubscriptionType: "PayAsYouGo" },
  { ProductCode: "rds", ProductType: "rds", ProductName: "ApsaraDB RDS, subscription (emulator)", SubscriptionType: "Subscription" },
];

const MODULES: Record<string, { ModuleCode: string; PriceType: string; ConfigList: string[] }[]> = {
  "emr-emulator": [{ ModuleCode: "EmrServiceFee", PriceType: "Hour", ConfigList: ["Region", "InstanceType", "ClusterKind"] }],
  bards: [
    { ModuleCode: "DBInstanceClass", PriceType: "Hour", ConfigList: ["Region", "DBInstanceClass", "EngineVersion"] },
    { ModuleCode: "DBInstanceStorage", PriceType: "Hour", ConfigList: ["Region", "Series", "DBInstanceStorage", "DBInstanceStorageType", "Engine", "EngineVersion"] },
  ],
  rds: [
    { ModuleCode: "DBInstanceClass", PriceType: "Month", ConfigList: ["Region", "DBInstanceClass", "EngineVersion"] },
    { ModuleCode: "DBInstanceStorage", PriceType: "Month", ConfigList: ["Region", "Series", "DBInstanceStorage", "DBInstanceStorageType", "Engine", "EngineVersion"] },
  ],
};
/** One attribute with a single value: a client fills what it cannot know from the only value offered. */
const ATTRIBUTES = [{ Code: "ClusterKind", Name: "Cluster kind", Values: { AttributeValue: [{ Value: "ecs", Name: "EMR on ECS", Type: "single_string" }] } }];

/** A BSS refusal: HTTP 200, Success false, with a Code (as BSS answers). */
const refused = (Code: string, Message: string) => ({ Success: false, Code, Message });
const ok = (Data: unknown) => ({ Success: true, Code: "Success", Message: "Successful", Data });

function parseConfig(config: string): Record<string, string> {
  return Object.fromEntries(config.split(",").map((kv) => kv.split(":")).filter((kv) => kv.length === 2).map(([k, v]) => [k.trim(), v.trim()]));
}

/** The hourly made-up price of one module's config; a string says why it has none. */
function moduleHourly(product: string, module: string, config: Record<string, string>): number | string {
  const spec = MODULES[product]?.find((m) => m.ModuleCode === module);
  if (!spec) return `ModuleCode ${module} is not a module of ${product}`;
  const missing = spec.ConfigList.filter((c) => config[c] === undefined);
  if (missing.length) return `the Config of ${module} misses ${missing.join(", ")}`;
  if (module === "EmrServiceFee") return hourlyOf(config.InstanceType) !== undefined ? round((hourlyOf(config.InstanceType) as number) * 0.2) : `InstanceType ${config.InstanceType} is not sold`;
  if (module === "DBInstanceClass") {
    const cores = /\.(\d+)c$/.exec(config.DBInstanceClass)?.[1];
    return cores ? round(Number(cores) * 0.1) : `DBInstanceClass ${config.DBInstanceClass} is not sold`;
  }
  return round(Number(config.DBInstanceStorage) * 0.0012);
}

type Handler = (p: Params) => Record<string, unknown>;

function describePrice(p: Params): Record<string, unknown> {
  str(p, "RegionId");
  const type = optStr(p, "ResourceType") ?? "instance";
  const unit = optStr(p, "PriceUnit") ?? "Hour";
  const period = Number(optStr(p, "Period") ?? "1");
  if (!["Hour", "Month", "Year"].includes(unit)) throw new ParamError("InvalidPriceUnit.ValueNotSupported", `PriceUnit ${unit} is not supported.`);
  const months = unit === "Month" ? period : unit === "Year" ? period * 12 : 0;
  const data = (Array.isArray(p.DataDisk) ? p.DataDisk : []) as Record<string, string>[];
  const diskPrice = (d: Record<string, string> | undefined) => {
    const perGb = diskHourlyPerGb(String(d?.Category));
    if (perGb === undefined || !d?.Size) throw new ParamError("InvalidDataDiskCategory.ValueNotSupported", `DataDisk Category ${String(d?.Category)} with Size ${String(d?.Size)} is not priced.`);
    return perGb * Number(d.Size);
  };
  const details: { Resource: string; hourly: number }[] = [];
  if (type === "disk") {
    if (unit !== "Hour") throw new ParamError("InvalidParameter", "A disk is priced pay-as-you-go only: PriceUnit Hour.");
    details.push({ Resource: "dataDisk", hourly: diskPrice(data[0]) });
  } else if (type === "instance") {
    const instanceType = str(p, "InstanceType");
    const hourly = hourlyOf(instanceType);
    if (hourly === undefined) throw new ParamError("InvalidInstanceType.ValueNotSupported", `The specified InstanceType ${instanceType} is not sold.`);
    details.push({ Resource: "instanceType", hourly });
    const system = p.SystemDisk as Record<string, string> | undefined;
    details.push({ Resource: "systemDisk", hourly: diskPrice({ Category: system?.Category ?? "cloud_essd", Size: system?.Size ?? "40" }) });
    if (data.length) details.push({ Resource: "dataDisk", hourly: data.reduce((n, d) => n + diskPrice(d), 0) });
  } else throw new ParamError("InvalidResourceType.NotSupported", `ResourceType ${type} is not supported by the emulator.`);
  const priced = details.map((d) => ({ Resource: d.Resource, TradePrice: round(months ? monthlyOf(d.hourly) * months : d.hourly) }));
  const total = round(priced.reduce((n, d) => n + d.TradePrice, 0));
  return { PriceInfo: { Price: { Currency: EMULATOR_CURRENCY, OriginalPrice: total, DiscountPrice: 0, TradePrice: total, DetailInfos: { DetailInfo: priced.map((d) => ({ ...d, OriginalPrice: d.TradePrice, DiscountPrice: 0 })) } }, Rules: { Rule: [] } } };
}

function modulesOf(p: Params): { product: string; modules: { ModuleCode: string; Config: string }[] } {
  const product = str(p, "ProductCode");
  const modules = (Array.isArray(p.ModuleList) ? p.ModuleList : []) as { ModuleCode?: string; Config?: string }[];
  if (!modules.length) throw new ParamError("MissingParameter", 'The input parameter "ModuleList" that is mandatory for processing this request is not supplied.');
  return { product, modules: modules.map((m) => ({ ModuleCode: String(m.ModuleCode), Config: String(m.Config ?? "") })) };
}

function priceModules(p: Params, months: number): Record<string, unknown> {
  const { product, modules } = modulesOf(p);
  const details = [];
  for (const m of modules) {
    const hourly = moduleHourly(product, m.ModuleCode, { Region: String(p.Region ?? ""), ...parseConfig(m.Config) });
    if (typeof hourly === "string") return refused("InvalidParameter", hourly);
    const cost = months ? round(monthlyOf(hourly) * months) : hourly;
    details.push({ ModuleCode: m.ModuleCode, OriginalCost: cost, InvoiceDiscount: 0, CostAfterDiscount: cost, UnitPrice: cost });
  }
  const total = round(details.reduce((n, d) => n + d.CostAfterDiscount, 0));
  return ok({ Currency: EMULATOR_CURRENCY, ModuleDetails: { ModuleDetail: details }, PromotionDetails: { PromotionDetail: [] }, ...(months ? { TradePrice: total, OriginalPrice: total, DiscountPrice: 0, Quantity: 1 } : {}) });
}

const BSS: Record<string, Handler> = {
  QueryProductList: () => ok({ TotalCount: PRODUCTS.length, PageNum: 1, PageSize: 100, ProductList: { Product: PRODUCTS } }),
  DescribePricingModule: (p) => {
    const modules = MODULES[str(p, "ProductCode")];
    if (!modules) return refused("InvalidProductCode", `ProductCode ${String(p.ProductCode)} is not a product of this account.`);
    const subscription = str(p, "SubscriptionType") === "Subscription";
    const wanted = modules.map((m) => ({ ...m, PriceType: subscription ? "Month" : m.PriceType, Currency: EMULATOR_CURRENCY, ConfigList: { ConfigList: m.ConfigList } }));
    return ok({ ModuleList: { Module: wanted }, AttributeList: { Attribute: ATTRIBUTES } });
  },
  GetPayAsYouGoPrice: (p) => priceModules(p, 0),
  GetSubscriptionPrice: (p) => {
    if (str(p, "ServicePeriodUnit") !== "Month" && p.ServicePeriodUnit !== "Year") throw new ParamError("InvalidParameter", "ServicePeriodUnit must be Month or Year.");
    const n = Number(str(p, "ServicePeriodQuantity"));
    return priceModules(p, p.ServicePeriodUnit === "Year" ? n * 12 : n);
  },
};

/** The price actions by API version: undefined when the emulator has no such action for that version. */
export function priceHandler(version: string | undefined, action: string): Handler | undefined {
  if (version === ECS_VERSION && action === "DescribePrice") return describePrice;
  return version === BSS_VERSION ? BSS[action] : undefined;
}
