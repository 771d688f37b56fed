/**
 * The wire: one signed RPC call to the EMR 2021-03-20 API through `@alicloud/openapi-client` (ACS3-HMAC-SHA256,
 * POST /, JSON body back); the price clients (client/prices) use it for ECS 2014-05-26 and BSS 2017-12-14, which
 * speak the same RPC style. Everything above this file sees plain objects and EmrApiError, never the library.
 */
import OpenApi, * as $OpenApi from "@alicloud/openapi-client";
import OpenApiUtil from "@alicloud/openapi-util";
import * as $Util from "@alicloud/tea-util";
import type Credential from "@alicloud/credentials";
import { EmrApiError } from "./errors";

export const API_VERSION = "2021-03-20";

export interface CallRequest {
  /** Nested object; flattened on the wire as `A.1.B=v` (1-based arrays). */
  query?: Record<string, unknown>;
  /** Form body (RunCluster only): scalar values, complex ones already JSON strings. */
  body?: Record<string, string | number | boolean | undefined>;
}

export interface Transport {
  call(action: string, request: CallRequest, timeoutMs: number): Promise<unknown>;
}

export interface OpenApiTransportOptions {
  /** `host[:port]`, never with a scheme (the library would build `http://http//…`). */
  endpoint: string;
  protocol?: "https" | "http";
  regionId: string;
  credential: Credential;
  connectTimeoutMs?: number;
  /** The API version the actions belong to. Defaults to EMR's (2021-03-20); the price clients give ECS's and BSS's. */
  version?: string;
}

/** The public regional host, e.g. `emr.cn-hangzhou.aliyuncs.com` (the documented endpoint list). */
export const regionalEndpoint = (regionId: string): string => `emr.${regionId}.aliyuncs.com`;

export function openApiTransport(opts: OpenApiTransportOptions): Transport {
  if (/^[a-z]+:\/\//i.test(opts.endpoint)) throw new Error(`endpoint must be host[:port] without a scheme, got ${opts.endpoint}`);
  const client = new OpenApi(
    new $OpenApi.Config({ credential: opts.credential, regionId: opts.regionId, endpoint: opts.endpoint, protocol: opts.protocol ?? "https" }),
  );
  return {
    async call(action, request, timeoutMs) {
      const params = new $OpenApi.Params({
        action, version: opts.version ?? API_VERSION, protocol: "HTTPS", pathname: "/", method: "POST",
        authType: "AK", style: "RPC", reqBodyType: "formData", bodyType: "json",
      });
      const req = new $OpenApi.OpenApiRequest({
        query: OpenApiUtil.query(request.query ?? {}),
        body: request.body ? OpenApiUtil.parseToMap(request.body) : undefined,
      });
      const runtime = new $Util.RuntimeOptions({ readTimeout: timeoutMs, connectTimeout: opts.connectTimeoutMs ?? 5000 });
      try {
        const res = await client.callApi(params, req, runtime);
        return res.body;
      } catch (e) {
        throw toEmrApiError(e, action);
      }
    },
  };
}

/**
 * The library throws a ResponseError for any 4xx/5xx (`data` = the JSON body plus statusCode) and plain Node
 * errors for transport failures. Keep the service's Code/Message/RequestId unchanged.
 */
export function toEmrApiError(e: unknown, action: string): EmrApiError {
  const err = e as { code?: unknown; statusCode?: unknown; data?: Record<string, unknown>; message?: unknown; name?: unknown };
  const data = err?.data;
  if (data && typeof data === "object" && typeof data.Code === "string") {
    return new EmrApiError({
      code: data.Code,
      message: typeof data.Message === "string" ? data.Message : "",
      requestId: typeof data.RequestId === "string" ? data.RequestId : undefined,
      statusCode: typeof err.statusCode === "number" ? err.statusCode : Number(data.statusCode) || undefined,
      action,
    });
  }
  // No usable response: a dropped connection, a timeout, a refused connection or an unparsable body.
  const code = typeof err?.code === "string" ? err.code : typeof err?.name === "string" ? err.name : "NetworkError";
  return new EmrApiError({ code, message: String(err?.message ?? e), action });
}
