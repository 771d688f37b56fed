/**
 * The emulator's HTTP front: the RPC wire protocol on 127.0.0.1 (POST /, action in the x-acs-action header or the
 * Action query parameter, JSON bodies, JSON errors with Code/Message/RequestId), with fault injection between
 * authentication and the state. Two signature schemes: ACS3-HMAC-SHA256 (our EMR client) and HMAC-SHA1 1.0 (the
 * alicloud provider's RPC clients). One port serves every product; the API version picks it, as each product's
 * version differs: EMR 2021-03-20 (state.ts), ECS 2014-05-26 (ecs.ts; its DescribePrice in prices.ts), BSS 2017-12-14
 * (prices.ts: the price actions, with made-up prices).
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Clock } from "../../client/clock";
import { systemClock } from "../../client/clock";
import { EcsState, ECS_VERSION } from "./ecs";
import { FaultInjector } from "./faults";
import { ParamError, unflatten, type Params } from "./params";
import { BSS_VERSION, priceHandler } from "./prices";
import { redact } from "./redact";
import { ReplayGuard, RPC_COMMON_PARAMS, verifyAcs3, verifyRpcV1 } from "./signature";
import { EmulatorState, type EmulatorTimings } from "./state";

export const TEST_KEYS = { accessKeyId: "LTAI-emulator-test", accessKeySecret: "emulator-test-secret-do-not-use" } as const;
export const VERSION = "2021-03-20";

export interface EmulatorOptions {
  clock?: Clock;
  port?: number;
  keys?: { accessKeyId: string; accessKeySecret: string }[];
  timings?: Partial<EmulatorTimings>;
}

/** One request as the log keeps it: the product, the action and the business parameters, secrets redacted. */
export interface LoggedRequest {
  product: string;
  action: string;
  params: Params;
}

export interface Emulator {
  /** `127.0.0.1:<port>`, the form the client's endpoint takes. */
  endpoint: string;
  state: EmulatorState;
  ecs: EcsState;
  faults: FaultInjector;
  /** Requests that reached the state (after auth and faults), by action. */
  calls: Record<string, number>;
  /**
   * Every request that arrived, in order, before authentication: the product, the action and its business
   * parameters (query ∪ form without the signature's common parameters, unflattened, secrets redacted). Tests read
   * it to prove that a refused write sent nothing, and to compare the alicloud provider's calls with the call model.
   */
  requests: LoggedRequest[];
  close(): Promise<void>;
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  const clock = opts.clock ?? systemClock;
  const state = new EmulatorState(clock, { creationMs: 10 * 60_000, scalingMs: 5 * 60_000, ...opts.timings });
  const faults = new FaultInjector();
  const secrets = new Map((opts.keys ?? [TEST_KEYS]).map((k) => [k.accessKeyId, k.accessKeySecret]));
  const replay = new ReplayGuard();
  const calls: Record<string, number> = {};
  const requests: Emulator["requests"] = [];
  const ecs = new EcsState(() => clock.now(), (sg) => {
    const user = [...state.clusters.values()].find((c) => c.NodeAttributes.SecurityGroupId === sg && state.clusterState(c) !== "TERMINATED");
    return user && `EMR cluster ${user.ClusterId}`;
  });
  const products: Record<string, { name: string; handle(action: string, p: Params): Record<string, unknown> }> = {
    [VERSION]: { name: "emr", handle: (a, p) => state.handle(a, p) },
    [ECS_VERSION]: { name: "ecs", handle: (a, p) => priceHandler(ECS_VERSION, a)?.(p) ?? ecs.handle(a, p) },
    [BSS_VERSION]: { name: "bss", handle: (a, p) => bssHandle(a, p) },
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      handle(req, res, Buffer.concat(chunks)).catch((e) => reply(res, 500, error("InternalError", String(e), req)));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
    const url = new URL(req.url ?? "/", "http://emulator");
    const query = [...url.searchParams.entries()];
    const action = header(req, "x-acs-action") ?? url.searchParams.get("Action") ?? undefined;
    const form = header(req, "content-type")?.startsWith("application/x-www-form-urlencoded") ? [...new URLSearchParams(body.toString()).entries()] : [];
    const params = unflatten([...query, ...form].filter(([k]) => !RPC_COMMON_PARAMS.has(k)));
    const product = products[header(req, "x-acs-version") ?? url.searchParams.get("Version") ?? ""];
    requests.push({ product: product?.name ?? "", action: action ?? "", params: redact(params) });
    if (!action) return reply(res, 400, error("MissingAction", "The action is not given.", req));
    if (!product) {
      return reply(res, 400, error("InvalidVersion", `Specified parameter Version is not valid; expected one of ${Object.keys(products).join(", ")}.`, req));
    }
    // Our client signs with ACS3 (headers); the provider's RPC clients with HMAC-SHA1 (query parameters).
    const acs3 = header(req, "authorization") !== undefined;
    const auth = acs3 ? verifyAcs3({ method: req.method ?? "POST", query, headers: req.headers, body }, secrets) : verifyRpcV1(req.method ?? "POST", [...query, ...form], secrets);
    if (!auth.ok) return reply(res, auth.status, error(auth.code, auth.message, req));
    // The signature date is checked against real time: the virtual clock drives EMR state only.
    const replayed = acs3 ? replay.check(req.headers, Date.now()) : replay.checkRpc(url.searchParams.get("SignatureNonce") ?? undefined, url.searchParams.get("Timestamp") ?? undefined, Date.now());
    if (replayed && !replayed.ok) return reply(res, replayed.status, error(replayed.code, replayed.message, req));

    const fault = faults.next(action);
    if (fault?.kind === "slow") await new Promise((r) => setTimeout(r, fault.ms));
    if (fault?.kind === "throttle") return reply(res, 400, error("Throttling", "Request was denied due to request throttling.", req));
    if (fault?.kind === "concurrent") return reply(res, 400, error("ConcurrentModification", "The node group is being modified by another operation.", req));
    if (fault && "phase" in fault && fault.phase === "before") return failWithout(fault.kind, res, req);

    calls[action] = (calls[action] ?? 0) + 1;
    let result: Record<string, unknown>;
    try {
      result = product.handle(action, params);
    } catch (e) {
      if (e instanceof ParamError) return reply(res, e.status, error(e.code, e.message, req));
      throw e;
    }
    // "after": the write was applied, but the caller never learns it.
    if (fault && "phase" in fault) return failWithout(fault.kind, res, req);
    reply(res, 200, { RequestId: requestId(), ...result });
  }

  function failWithout(kind: "error5xx" | "drop", res: ServerResponse, req: IncomingMessage): void {
    if (kind === "drop") {
      req.socket.destroy();
      return;
    }
    reply(res, 503, error("ServiceUnavailable", "The request has failed due to a temporary failure of the server.", req));
  }

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `127.0.0.1:${port}`,
    state,
    ecs,
    faults,
    calls,
    requests,
    close: () => new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((e) => (e ? reject(e) : resolve()));
    }),
  };
}

/** The BSS price actions; another action of that version is not found, as ECS answers it. */
function bssHandle(action: string, p: Params): Record<string, unknown> {
  const handler = priceHandler(BSS_VERSION, action);
  if (!handler) throw new ParamError("InvalidAction.NotFound", `Specified api is not found, please check your url and method. (${action})`, 404);
  return handler(p);
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};
const requestId = () => randomUUID().toUpperCase();

function error(code: string, message: string, req: IncomingMessage) {
  const id = requestId();
  return { RequestId: id, HostId: header(req, "host") ?? "emulator", Code: code, Message: message, Recommend: `https://api.alibabacloud.com/troubleshoot?q=${encodeURIComponent(code)}&product=Emr&requestId=${id}` };
}

/** Always a JSON body, also for errors: the client cannot read an empty or non-JSON error body. */
function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json;charset=utf-8", "content-length": Buffer.byteLength(text) });
  res.end(text);
}
