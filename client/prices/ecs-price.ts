/**
 * ECS 2014-05-26 `DescribePrice`: the price of an instance type or a disk, for the price book (prices/build.ts).
 * Request and response fields as the generated SDK declares them (`@alicloud/ecs20140526` 7.11.6,
 * DescribePriceRequest / DescribePriceResponseBody; Params: RPC, POST, every parameter in the query) and Alibaba's
 * API reference (api-ecs-2014-05-26-describeprice): ResourceType `instance` needs InstanceType, `disk` needs
 * DataDisk.1.Category and DataDisk.1.Size and answers pay-as-you-go only (PriceUnit Hour). Responses are validated.
 */
import { z } from "zod";
import { EmrResponseError } from "../errors";
import type { Transport } from "../transport";

export const ECS_API_VERSION = "2014-05-26";

/** The public regional host, e.g. `ecs.cn-hangzhou.aliyuncs.com`. */
export const ecsEndpoint = (regionId: string): string => `ecs.${regionId}.aliyuncs.com`;

export interface DescribePriceRequest {
  RegionId: string;
  /** `instance` (default) or `disk`. */
  ResourceType: "instance" | "disk";
  InstanceType?: string;
  /** `Hour` (pay-as-you-go, the default), `Month` or `Year` (subscription). */
  PriceUnit?: "Hour" | "Month" | "Year";
  /** Billing periods of PriceUnit: Month 1-9, Year 1-5, Hour 1. */
  Period?: number;
  SystemDisk?: { Category?: string; Size?: number; PerformanceLevel?: string };
  DataDisk?: { Category: string; Size: number; PerformanceLevel?: string }[];
  /** `NoSpot`, `SpotWithPriceLimit`, `SpotAsPriceGo` (only with PriceUnit Hour). */
  SpotStrategy?: string;
  ZoneId?: string;
}

const detail = z.looseObject({ Resource: z.string(), OriginalPrice: z.number().optional(), DiscountPrice: z.number().optional(), TradePrice: z.number() });
export const DescribePriceResponse = z.looseObject({
  RequestId: z.string(),
  PriceInfo: z.looseObject({
    Price: z.looseObject({
      Currency: z.string(),
      OriginalPrice: z.number().optional(),
      DiscountPrice: z.number().optional(),
      /** The price to pay: the original price less the discount. */
      TradePrice: z.number(),
      DetailInfos: z.looseObject({ DetailInfo: z.array(detail) }).optional(),
    }),
  }),
});
export type DescribePriceResult = z.infer<typeof DescribePriceResponse>;

export class EcsPriceClient {
  constructor(private readonly transport: Transport, private readonly timeoutMs = 30_000) {}

  async describePrice(req: DescribePriceRequest): Promise<DescribePriceResult> {
    const body = await this.transport.call("DescribePrice", { query: { ...req } }, this.timeoutMs);
    const parsed = DescribePriceResponse.safeParse(body);
    if (!parsed.success) throw new EmrResponseError("DescribePrice", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
    return parsed.data;
  }
}
