/**
 * The price clients (read-only): ECS DescribePrice and the BSS price actions, on the same transport as the EMR client.
 * `endpoint` set (the emulator, which serves every product on one port): both go there; else each product's host.
 */
import { resolveCredential, type StaticKeys } from "../credentials";
import { openApiTransport } from "../transport";
import { BSS_API_VERSION, BssPriceClient, bssEndpoint } from "./bss-price";
import { ECS_API_VERSION, EcsPriceClient, ecsEndpoint } from "./ecs-price";

export interface PriceClients {
  ecs: EcsPriceClient;
  bss: BssPriceClient;
  /** Where each product was asked, for the book's sources. */
  hosts: { ecs: string; bss: string };
}

export function createPriceClients(opts: { regionId: string; endpoint?: string; protocol?: "https" | "http"; credentials?: StaticKeys }): PriceClients {
  const credential = resolveCredential(opts.credentials);
  const hosts = { ecs: opts.endpoint ?? ecsEndpoint(opts.regionId), bss: opts.endpoint ?? bssEndpoint(opts.regionId) };
  const transport = (endpoint: string, version: string) => openApiTransport({ endpoint, protocol: opts.protocol ?? "https", regionId: opts.regionId, credential, version });
  return { ecs: new EcsPriceClient(transport(hosts.ecs, ECS_API_VERSION)), bss: new BssPriceClient(transport(hosts.bss, BSS_API_VERSION)), hosts };
}

export { EcsPriceClient, ECS_API_VERSION, type DescribePriceRequest } from "./ecs-price";
export { BssPriceClient, BSS_API_VERSION, type PriceModule, type PricingModules, type Product, type ProductRef } from "./bss-price";
