/**
 * The EMR 2021-03-20 API client: construct one with `createEmrClient` (explicit endpoint / keys, e.g. the
 * emulator) or `createEmrClientFromEnv` (standard credentials and the regional endpoint).
 */
import type { Clock, Random } from "./clock";
import { EmrClient } from "./client";
import { hasCredentials, resolveCredential, type StaticKeys } from "./credentials";
import type { RetryPolicy } from "./retry";
import { openApiTransport, regionalEndpoint } from "./transport";

export interface CreateEmrClientOptions {
  regionId: string;
  /** `host[:port]`; defaults to `emr.<regionId>.aliyuncs.com`. */
  endpoint?: string;
  /** Defaults to https; the emulator speaks http. */
  protocol?: "https" | "http";
  /** Explicit keys; otherwise the standard credential chain. */
  credentials?: StaticKeys;
  clock?: Clock;
  random?: Random;
  retry?: Partial<RetryPolicy>;
  pageSize?: number;
}

export function createEmrClient(opts: CreateEmrClientOptions): EmrClient {
  const transport = openApiTransport({
    endpoint: opts.endpoint ?? regionalEndpoint(opts.regionId),
    protocol: opts.protocol ?? "https",
    regionId: opts.regionId,
    credential: resolveCredential(opts.credentials),
  });
  return new EmrClient({ regionId: opts.regionId, transport, clock: opts.clock, random: opts.random, retry: opts.retry, pageSize: opts.pageSize });
}

/**
 * A client from the environment: credentials from the standard chain; EMR_ENDPOINT / EMR_PROTOCOL override the
 * endpoint (used to point at the emulator).
 */
export function createEmrClientFromEnv(regionId: string, env: Record<string, string | undefined> = process.env): EmrClient {
  const protocol = env.EMR_PROTOCOL === "http" ? "http" : env.EMR_PROTOCOL === "https" ? "https" : undefined;
  return createEmrClient({ regionId, endpoint: env.EMR_ENDPOINT || undefined, protocol });
}

export { EmrClient, READ_TIMEOUT_MS, WRITE_TIMEOUT_MS } from "./client";
export type * from "./client";
export { hasCredentials, resolveCredential, type StaticKeys } from "./credentials";
export { EmrApiError, EmrInputError, EmrResponseError, EmrStateError, type InputProblem } from "./errors";
export { collect, paginate } from "./pagination";
export { waitForClusterRunning, waitForNodeGroupRunning, POLL_INTERVAL_MS, POLL_TIMEOUT_MS, type PollOptions, type WaitResult } from "./polling";
export { systemClock, type Clock, type Random } from "./clock";
export type * from "./schemas";
