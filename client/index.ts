/**
 * The EMR 2021-03-20 API client: construct one with `createEmrClient` (explicit endpoint / keys, e.g. the
 * emulator) or `createEmrClientFromEnv` (standard credentials and the regional endpoint).
 */
import type { GuardrailLimits } from "../policies/rules/domain.js";
import type { Clock, Random } from "./clock";
import { EmrClient } from "./client";
import { EmrReadClient, readOnlyTransport } from "./read-client";
import { hasCredentials, resolveCredential, type StaticKeys } from "./credentials";
import type { RetryPolicy } from "./retry";
import { EmrInputError } from "./errors";
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
  /** The guardrail thresholds of the write gates. Defaults to DEFAULT_LIMITS. */
  limits?: Partial<GuardrailLimits>;
}

export function createEmrClient(opts: CreateEmrClientOptions): EmrClient {
  const transport = openApiTransport({
    endpoint: opts.endpoint ?? regionalEndpoint(opts.regionId),
    protocol: opts.protocol ?? "https",
    regionId: opts.regionId,
    credential: resolveCredential(opts.credentials),
  });
  return new EmrClient({ regionId: opts.regionId, transport, clock: opts.clock, random: opts.random, retry: opts.retry, pageSize: opts.pageSize, limits: opts.limits });
}

/**
 * A client that can only read: it has no write method, and its transport refuses any action but Get*, List* and
 * Describe* before sending it. What emr-adopt and emr-drift use.
 */
export function createEmrReader(opts: Omit<CreateEmrClientOptions, "limits">): EmrReadClient {
  const transport = openApiTransport({
    endpoint: opts.endpoint ?? regionalEndpoint(opts.regionId),
    protocol: opts.protocol ?? "https",
    regionId: opts.regionId,
    credential: resolveCredential(opts.credentials),
  });
  return new EmrReadClient({ regionId: opts.regionId, transport: readOnlyTransport(transport), clock: opts.clock, random: opts.random, retry: opts.retry, pageSize: opts.pageSize });
}

/** Where and as whom the environment says to connect (EMR_ENDPOINT, EMR_PROTOCOL, ALIBABA_CLOUD_ACCESS_KEY_*). */
export interface EnvConnection { endpoint?: string; protocol?: "https" | "http"; credentials?: StaticKeys }

/**
 * Reads EMR_ENDPOINT / EMR_PROTOCOL (the emulator's `export` lines) and the access key pair. EMR_ENDPOINT may be
 * `host:port` or a URL (`http://127.0.0.1:18777`): its scheme then sets the protocol. Bad values throw
 * EmrInputError naming the variable. Without a key pair in the environment, the standard credential chain is used.
 */
export function connectionFromEnv(env: Record<string, string | undefined> = process.env): EnvConnection {
  let endpoint = env.EMR_ENDPOINT || undefined;
  let protocol = env.EMR_PROTOCOL || undefined;
  const url = endpoint?.match(/^([a-z]+):\/\/([^/]+)\/?$/i);
  if (url) {
    if (protocol !== undefined && protocol !== url[1].toLowerCase()) {
      throw new EmrInputError([{ path: "EMR_PROTOCOL", message: `is ${protocol} but EMR_ENDPOINT says ${url[1]}`, fix: `unset EMR_PROTOCOL, or set EMR_ENDPOINT=${url[2]}` }]);
    }
    [endpoint, protocol] = [url[2], url[1].toLowerCase()];
  }
  if (endpoint !== undefined && !/^[A-Za-z0-9.-]+(:\d{1,5})?$/.test(endpoint)) {
    throw new EmrInputError([{ path: "EMR_ENDPOINT", message: `"${endpoint}" is not host[:port]`, fix: "e.g. EMR_ENDPOINT=127.0.0.1:18777" }]);
  }
  if (protocol !== undefined && protocol !== "http" && protocol !== "https") {
    throw new EmrInputError([{ path: "EMR_PROTOCOL", message: `must be http or https, got "${protocol}"`, fix: "EMR_PROTOCOL=http for the emulator" }]);
  }
  const credentials = env.ALIBABA_CLOUD_ACCESS_KEY_ID && env.ALIBABA_CLOUD_ACCESS_KEY_SECRET
    ? { accessKeyId: env.ALIBABA_CLOUD_ACCESS_KEY_ID, accessKeySecret: env.ALIBABA_CLOUD_ACCESS_KEY_SECRET, securityToken: env.ALIBABA_CLOUD_SECURITY_TOKEN || undefined }
    : undefined;
  return { endpoint, protocol, credentials };
}

/** A client from the environment (see `connectionFromEnv`); used to point the live checks at the emulator. */
export function createEmrClientFromEnv(regionId: string, env: Record<string, string | undefined> = process.env): EmrClient {
  return createEmrClient({ regionId, ...connectionFromEnv(env) });
}

/** A read-only client from the environment (see `connectionFromEnv`). */
export function createEmrReaderFromEnv(regionId: string, env: Record<string, string | undefined> = process.env): EmrReadClient {
  return createEmrReader({ regionId, ...connectionFromEnv(env) });
}

export { EmrClient, READ_TIMEOUT_MS, WRITE_TIMEOUT_MS } from "./client";
export { EmrReadClient, isReadAction, readOnlyTransport } from "./read-client";
export type * from "./client";
export { hasCredentials, resolveCredential, type StaticKeys } from "./credentials";
export { EmrApiError, EmrInputError, EmrResponseError, EmrStateError, type InputProblem } from "./errors";
export { collect, paginate } from "./pagination";
export { waitForClusterRunning, waitForNodeGroupRunning, POLL_INTERVAL_MS, POLL_TIMEOUT_MS, type PollOptions, type WaitResult } from "./polling";
export { systemClock, type Clock, type Random } from "./clock";
export type { CallAcks, WriteOptions } from "./gates/acks";
export type { PutPolicy } from "./gates/before";
export { releaseChecklist, formatReleaseChecklist, type ReleaseChecklist, type ReleaseFacts } from "./release-checklist";
export type * from "./schemas";
