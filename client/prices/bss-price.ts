/**
 * BSS OpenAPI 2017-12-14 (Expenses and Costs): the prices ECS's DescribePrice does not give (the EMR service fee, the
 * RDS metastore). Alibaba's documented way: QueryProductList for a product's code, DescribePricingModule for its
 * pricing modules (each module's ConfigList names the attributes its Config needs), then GetPayAsYouGoPrice or
 * GetSubscriptionPrice with `ModuleList.N.{ModuleCode,Config,PriceType}`, Config as `Code:value,Code:value`.
 * Fields as the generated SDK declares them (`@alicloud/bssopenapi20171214` 4.1.1: the four actions' Request and
 * ResponseBody models; Params: RPC, POST, every parameter in the query). BSS answers HTTP 200 with `Success: false`
 * and a Code for a refusal: that is an error here too, with its Code, Message and RequestId.
 */
import { z } from "zod";
import { EmrApiError, EmrResponseError } from "../errors";
import type { Transport } from "../transport";

export const BSS_API_VERSION = "2017-12-14";

/**
 * The BSS host: `business.aliyuncs.com` for the China site's regions, `business.ap-southeast-1.aliyuncs.com` for the
 * international site (the SDK's endpoint map, `@alicloud/bssopenapi20171214` 4.1.1).
 */
export const bssEndpoint = (regionId: string): string => (regionId.startsWith("cn-") ? "business.aliyuncs.com" : "business.ap-southeast-1.aliyuncs.com");

/** Every BSS answer: whether it succeeded, its Code and Message, and the action's Data. */
const Envelope = z.looseObject({ RequestId: z.string(), Success: z.boolean(), Code: z.string().optional(), Message: z.string().optional(), Data: z.unknown().optional() });

const product = z.looseObject({ ProductCode: z.string(), ProductType: z.string().optional(), ProductName: z.string().optional(), SubscriptionType: z.string().optional() });
const QueryProductListData = z.looseObject({ TotalCount: z.number().optional(), PageNum: z.number().optional(), PageSize: z.number().optional(), ProductList: z.looseObject({ Product: z.array(product) }) });
export type Product = z.infer<typeof product>;

const attribute = z.looseObject({ Code: z.string(), Name: z.string().optional(), Unit: z.string().optional(), Values: z.looseObject({ AttributeValue: z.array(z.looseObject({ Value: z.string(), Name: z.string().optional(), Type: z.string().optional(), Remark: z.string().optional() })) }).optional() });
const pricingModule = z.looseObject({ ModuleCode: z.string(), ModuleName: z.string().optional(), PriceType: z.string().optional(), Currency: z.string().optional(), ConfigList: z.looseObject({ ConfigList: z.array(z.string()) }).optional() });
const DescribePricingModuleData = z.looseObject({ ModuleList: z.looseObject({ Module: z.array(pricingModule) }), AttributeList: z.looseObject({ Attribute: z.array(attribute) }).optional() });
export type PricingModules = z.infer<typeof DescribePricingModuleData>;

const moduleDetail = z.looseObject({ ModuleCode: z.string(), OriginalCost: z.number().optional(), InvoiceDiscount: z.number().optional(), CostAfterDiscount: z.number(), UnitPrice: z.number().optional() });
const GetPayAsYouGoPriceData = z.looseObject({ Currency: z.string(), ModuleDetails: z.looseObject({ ModuleDetail: z.array(moduleDetail) }) });
const GetSubscriptionPriceData = z.looseObject({ Currency: z.string(), TradePrice: z.number(), OriginalPrice: z.number().optional(), DiscountPrice: z.number().optional(), ModuleDetails: z.looseObject({ ModuleDetail: z.array(moduleDetail) }).optional() });

/** One pricing module of a price query. */
export interface PriceModule {
  ModuleCode: string;
  /** `Code:value,Code:value`, every attribute the module's ConfigList names. */
  Config: string;
  /** GetPayAsYouGoPrice only: Hour, Usage, Month, Year. */
  PriceType?: string;
}

export interface ProductRef {
  ProductCode: string;
  ProductType?: string;
}

export class BssPriceClient {
  constructor(private readonly transport: Transport, private readonly timeoutMs = 30_000) {}

  private async call<D extends z.ZodType>(action: string, query: Record<string, unknown>, data: D): Promise<z.infer<D>> {
    const body = await this.transport.call(action, { query }, this.timeoutMs);
    const issues = (e: z.ZodError) => e.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    const envelope = Envelope.safeParse(body);
    if (!envelope.success) throw new EmrResponseError(action, issues(envelope.error));
    const r = envelope.data;
    // A refusal in a 200 answer: a definite answer about this query (never ambiguous), kept with its Code.
    if (!r.Success) throw new EmrApiError({ code: r.Code ?? "NotSuccess", message: r.Message ?? "the response says Success: false", requestId: r.RequestId, statusCode: 200, action });
    const parsed = data.safeParse(r.Data);
    if (!parsed.success) throw new EmrResponseError(action, `Data: ${issues(parsed.error)}`, r.RequestId);
    return parsed.data;
  }

  /** Every product the account can buy, page by page. */
  async queryProductList(): Promise<Product[]> {
    const out: Product[] = [];
    for (let page = 1; ; page++) {
      const data = await this.call("QueryProductList", { PageNum: page, PageSize: 100, QueryTotalCount: true }, QueryProductListData);
      out.push(...data.ProductList.Product);
      if (!data.ProductList.Product.length || out.length >= (data.TotalCount ?? 0)) return out;
    }
  }

  describePricingModule(product: ProductRef, subscriptionType: "PayAsYouGo" | "Subscription"): Promise<PricingModules> {
    return this.call("DescribePricingModule", { ...product, SubscriptionType: subscriptionType }, DescribePricingModuleData);
  }

  getPayAsYouGoPrice(product: ProductRef, region: string, modules: readonly PriceModule[]) {
    return this.call("GetPayAsYouGoPrice", { ...product, SubscriptionType: "PayAsYouGo", Region: region, ModuleList: modules }, GetPayAsYouGoPriceData);
  }

  getSubscriptionPrice(product: ProductRef, region: string, modules: readonly PriceModule[], months: number) {
    const ModuleList = modules.map(({ ModuleCode, Config }) => ({ ModuleCode, Config }));
    return this.call("GetSubscriptionPrice", { ...product, SubscriptionType: "Subscription", OrderType: "NewOrder", Region: region, ServicePeriodQuantity: months, ServicePeriodUnit: "Month", Quantity: 1, ModuleList }, GetSubscriptionPriceData);
  }
}
