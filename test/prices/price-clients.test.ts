/**
 * The price clients (ECS DescribePrice, the BSS price actions) against the emulator, which learns these actions
 * (test/emulator/prices.ts, made-up prices in XTS): what goes on the wire, how answers and refusals come back; and the
 * price book built from them for what a stack uses (prices/build.ts), every price with its source and date, what the
 * APIs do not price left out and reported, a credentials failure stopping the build.
 */
import { createPriceClients, type PriceClients } from "../../client/prices";
import { EmrApiError } from "../../client/errors";
import { buildRegionPrices, CHINA_SITE_RDS_PRODUCTS } from "../../prices/build";
import { addNeeds, emptyNeeds } from "../../prices/needs";
import { parsePriceBook } from "../../prices/book";
import { HOURS_PER_MONTH } from "../../policies/rules/cost";
import { VirtualClock } from "../emulator/clock";
import { startEmulator, TEST_KEYS, type Emulator } from "../emulator/server";

let emulator: Emulator;
let clients: PriceClients;
const NOW = new Date("2026-12-01T09:00:00Z");

beforeAll(async () => {
  emulator = await startEmulator({ clock: new VirtualClock() });
  clients = createPriceClients({ regionId: "cn-hangzhou", endpoint: emulator.endpoint, protocol: "http", credentials: TEST_KEYS });
});
afterAll(() => emulator.close());

const lastRequest = () => emulator.requests[emulator.requests.length - 1];

describe("ECS DescribePrice", () => {
  test("an instance type per hour: the query the SDK sends, the price and its parts", async () => {
    const r = await clients.ecs.describePrice({ RegionId: "cn-hangzhou", ResourceType: "instance", InstanceType: "ecs.g7.2xlarge", PriceUnit: "Hour", Period: 1, DataDisk: [{ Category: "cloud_essd", Size: 100 }] });
    expect(lastRequest()).toMatchObject({ action: "DescribePrice", params: { RegionId: "cn-hangzhou", ResourceType: "instance", InstanceType: "ecs.g7.2xlarge", PriceUnit: "Hour", Period: "1", DataDisk: [{ Category: "cloud_essd", Size: "100" }] } });
    expect(r.PriceInfo.Price.Currency).toBe("XTS");
    expect(r.PriceInfo.Price.DetailInfos?.DetailInfo.map((d) => [d.Resource, d.TradePrice])).toEqual([["instanceType", 0.8], ["systemDisk", 0.04], ["dataDisk", 0.1]]);
  });

  test("a type not sold: the service's Code and Message, unchanged", async () => {
    const e = await clients.ecs.describePrice({ RegionId: "cn-hangzhou", ResourceType: "instance", InstanceType: "ecs.x9.huge" }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(EmrApiError);
    expect(e).toMatchObject({ code: "InvalidInstanceType.ValueNotSupported", statusCode: 400, action: "DescribePrice" });
  });
});

describe("BSS", () => {
  test("QueryProductList, DescribePricingModule, GetPayAsYouGoPrice with a flattened ModuleList", async () => {
    const products = await clients.bss.queryProductList();
    const emr = products.find((p) => /E-MapReduce/.test(p.ProductName ?? ""))!;
    const modules = await clients.bss.describePricingModule(emr, "PayAsYouGo");
    expect(modules.ModuleList.Module.map((m) => [m.ModuleCode, m.ConfigList?.ConfigList])).toEqual([["EmrServiceFee", ["Region", "InstanceType", "ClusterKind"]]]);
    const price = await clients.bss.getPayAsYouGoPrice(emr, "cn-hangzhou", [{ ModuleCode: "EmrServiceFee", Config: "Region:cn-hangzhou,InstanceType:ecs.g7.2xlarge,ClusterKind:ecs", PriceType: "Hour" }]);
    expect(lastRequest().params).toMatchObject({ ProductCode: emr.ProductCode, SubscriptionType: "PayAsYouGo", Region: "cn-hangzhou", ModuleList: [{ ModuleCode: "EmrServiceFee", Config: "Region:cn-hangzhou,InstanceType:ecs.g7.2xlarge,ClusterKind:ecs", PriceType: "Hour" }] });
    expect(price).toMatchObject({ Currency: "XTS", ModuleDetails: { ModuleDetail: [{ ModuleCode: "EmrServiceFee", CostAfterDiscount: 0.16 }] } });
  });

  test("GetSubscriptionPrice: a new order of N months", async () => {
    const price = await clients.bss.getSubscriptionPrice(CHINA_SITE_RDS_PRODUCTS.Subscription, "cn-hangzhou", [{ ModuleCode: "DBInstanceClass", Config: "Region:cn-hangzhou,DBInstanceClass:mysql.n2.medium.2c,EngineVersion:5.7" }], 1);
    expect(lastRequest().params).toMatchObject({ ProductCode: "rds", SubscriptionType: "Subscription", OrderType: "NewOrder", ServicePeriodQuantity: "1", ServicePeriodUnit: "Month" });
    expect(price.TradePrice).toBe(87.6);
  });

  test("a refusal in a 200 answer (Success: false) is an error with its Code, never a price", async () => {
    const e = await clients.bss.getPayAsYouGoPrice(CHINA_SITE_RDS_PRODUCTS.PayAsYouGo, "cn-hangzhou", [{ ModuleCode: "DBInstanceClass", Config: "Region:cn-hangzhou", PriceType: "Hour" }]).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: "InvalidParameter", statusCode: 200, action: "GetPayAsYouGoPrice", message: "the Config of DBInstanceClass misses DBInstanceClass, EngineVersion" });
  });
});

describe("emr-prices build, one region", () => {
  const needs = () => {
    const n = emptyNeeds();
    const essd = (size: number) => ({ category: "cloud_essd", size });
    addNeeds(n, "alicloud:emrv2/cluster:Cluster", {
      paymentType: "Subscription",
      nodeGroups: [
        { nodeGroupName: "core", instanceTypes: ["ecs.g7.2xlarge"], systemDisk: essd(120), dataDisks: [essd(500)] },
        { nodeGroupName: "task", paymentType: "PayAsYouGo", instanceTypes: ["ecs.g7.4xlarge", "ecs.x9.huge"], systemDisk: essd(120), dataDisks: [] },
      ],
    });
    addNeeds(n, "alicloud:rds/instance:Instance", { instanceType: "mysql.n2.medium.2c", engine: "MySQL", engineVersion: "5.7", category: "HighAvailability", instanceStorage: 50, dbInstanceStorageType: "cloud_essd", instanceChargeType: "Postpaid" });
    return n;
  };

  test("exactly what the stack uses, each price with its API, host and date; what is not sold is reported, not invented", async () => {
    const built = await buildRegionPrices(needs(), { region: "cn-hangzhou", clients, now: NOW, rdsProducts: CHINA_SITE_RDS_PRODUCTS });
    const p = built.prices;
    expect(p.currency).toBe("XTS");
    expect(Object.keys(p.instances).sort()).toEqual(["ecs.g7.2xlarge", "ecs.g7.4xlarge"]);
    expect(p.instances["ecs.g7.2xlarge"]).toEqual({ subscriptionMonthly: { amount: 350.4, source: `ECS DescribePrice (2014-05-26); ${emulator.endpoint}; region cn-hangzhou`, readAt: "2026-12-01" } });
    expect(p.instances["ecs.g7.4xlarge"].payAsYouGoHourly?.amount).toBe(1.6);
    // A disk of the largest size used, per GB and month: 0.001 per GB-hour × 730.
    expect(p.disks.cloud_essd.payAsYouGoPerGbMonth?.amount).toBeCloseTo(0.001 * HOURS_PER_MONTH, 6);
    expect(p.disks.cloud_essd.subscriptionPerGbMonth?.amount).toBeCloseTo(0.001 * 730 * 0.6, 6);
    expect(p.emrFee["ecs.g7.2xlarge"].subscriptionMonthly?.source).toMatch(/^BSS GetSubscriptionPrice \(2017-12-14\) emr-emulator\/EmrServiceFee, 1 month; /);
    expect(p.rdsClasses["mysql.n2.medium.2c"].payAsYouGoHourly?.amount).toBe(0.2);
    expect(p.rdsStorage.cloud_essd.payAsYouGoPerGbMonth?.amount).toBeCloseTo(0.0012 * HOURS_PER_MONTH, 6);
    expect(built.missing).toEqual([
      "ECS ecs.x9.huge pay-as-you-go: InvalidInstanceType.ValueNotSupported: The specified InstanceType ecs.x9.huge is not sold.",
      "EMR fee ecs.x9.huge PayAsYouGo: InvalidParameter: InstanceType ecs.x9.huge is not sold",
    ]);
    expect(() => parsePriceBook({ name: "built", regions: { "cn-hangzhou": p } }, "built.json")).not.toThrow();
  });

  test("--emr-product names the fee's product; one the account does not have leaves the fee out, with why", async () => {
    const built = await buildRegionPrices(needs(), { region: "cn-hangzhou", clients, now: NOW, emrProduct: { ProductCode: "emapreduce" }, rdsProducts: CHINA_SITE_RDS_PRODUCTS });
    expect(built.prices.emrFee).toEqual({});
    expect(built.missing).toContain("EMR fee ecs.g7.2xlarge Subscription: InvalidProductCode: ProductCode emapreduce is not a product of this account.");
  });

  test("wrong credentials stop the build with the service's error (never a book of what answered)", async () => {
    const wrong = createPriceClients({ regionId: "cn-hangzhou", endpoint: emulator.endpoint, protocol: "http", credentials: { accessKeyId: "LTAI-nobody", accessKeySecret: "x" } });
    await expect(buildRegionPrices(needs(), { region: "cn-hangzhou", clients: wrong, now: NOW, rdsProducts: CHINA_SITE_RDS_PRODUCTS })).rejects.toMatchObject({ code: "InvalidAccessKeyId.NotFound" });
  });
});
