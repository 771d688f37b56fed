/**
 * Server-side check of the ACS3-HMAC-SHA256 signature (reference §1.5), written from the documented algorithm,
 * independent of the client library it verifies.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export interface SignedRequest {
  method: string;
  /** Decoded query pairs. */
  query: [string, string][];
  /** Lower-case header names. */
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export type Verdict = { ok: true; accessKeyId: string } | { ok: false; status: number; code: string; message: string };

/** RFC 3986 encoding: encodeURIComponent plus ! ' ( ) *. */
export const percentEncode = (s: string): string =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

const sha256Hex = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");
const header = (h: SignedRequest["headers"], name: string) => {
  const v = h[name];
  return Array.isArray(v) ? v.join(",") : v;
};

const AUTH = /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]{64})$/;

export function verifyAcs3(req: SignedRequest, secrets: ReadonlyMap<string, string>): Verdict {
  const auth = header(req.headers, "authorization");
  const m = auth ? AUTH.exec(auth) : null;
  if (!m) return { ok: false, status: 400, code: "IncompleteSignature", message: "The Authorization header is missing or not ACS3-HMAC-SHA256." };
  const [, accessKeyId, signedHeaderList, signature] = m;
  const secret = secrets.get(accessKeyId);
  if (secret === undefined) return { ok: false, status: 404, code: "InvalidAccessKeyId.NotFound", message: `Specified access key is not found: ${accessKeyId}` };

  const bodyHash = sha256Hex(req.body);
  if (header(req.headers, "x-acs-content-sha256") !== bodyHash) {
    return { ok: false, status: 400, code: "SignatureDoesNotMatch", message: "x-acs-content-sha256 does not match the body." };
  }
  // Every header the client must sign has to be listed, so none can be changed unsigned.
  const signed = signedHeaderList.split(";");
  const required = Object.keys(req.headers).filter((h) => h === "host" || h === "content-type" || h.startsWith("x-acs-"));
  if (required.some((h) => !signed.includes(h))) {
    return { ok: false, status: 400, code: "IncompleteSignature", message: "A required header is not signed." };
  }
  const canonicalQuery = [...req.query]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${percentEncode(v)}`)
    .join("&");
  const canonicalHeaders = signed.map((h) => `${h}:${(header(req.headers, h) ?? "").trim()}\n`).join("");
  const canonicalRequest = [req.method, "/", canonicalQuery, canonicalHeaders, signedHeaderList, bodyHash].join("\n");
  const stringToSign = `ACS3-HMAC-SHA256\n${sha256Hex(canonicalRequest)}`;
  const expected = createHmac("sha256", secret).update(stringToSign).digest("hex");
  if (!timingSafeEqual(Buffer.from(expected), Buffer.from(signature))) {
    return { ok: false, status: 400, code: "SignatureDoesNotMatch", message: "The request signature does not conform to Aliyun standards." };
  }
  return { ok: true, accessKeyId };
}

/** Replay protection of the real gateway: a nonce is used once; x-acs-date within 15 minutes of now. */
export class ReplayGuard {
  private readonly seen = new Set<string>();
  check(headers: SignedRequest["headers"], nowMs: number): Verdict | undefined {
    const nonce = header(headers, "x-acs-signature-nonce");
    const date = Date.parse(header(headers, "x-acs-date") ?? "");
    if (!nonce) return { ok: false, status: 400, code: "MissingSignatureNonce", message: "x-acs-signature-nonce is missing." };
    if (this.seen.has(nonce)) return { ok: false, status: 400, code: "SignatureNonceUsed", message: "Specified signature nonce was used already." };
    if (!Number.isFinite(date) || Math.abs(nowMs - date) > 15 * 60_000) {
      return { ok: false, status: 400, code: "InvalidTimeStamp.Expired", message: "Specified time stamp or date value is expired." };
    }
    this.seen.add(nonce);
    return undefined;
  }

  /** The same for the HMAC-SHA1 scheme: `SignatureNonce` used once, `Timestamp` within 15 minutes. */
  checkRpc(nonce: string | undefined, timestamp: string | undefined, nowMs: number): Verdict | undefined {
    if (!nonce) return { ok: false, status: 400, code: "MissingSignatureNonce", message: "SignatureNonce is missing." };
    if (this.seen.has(nonce)) return { ok: false, status: 400, code: "SignatureNonceUsed", message: "Specified signature nonce was used already." };
    const date = Date.parse(timestamp ?? "");
    if (!Number.isFinite(date) || Math.abs(nowMs - date) > 15 * 60_000) {
      return { ok: false, status: 400, code: "InvalidTimeStamp.Expired", message: "Specified time stamp or date value is expired." };
    }
    this.seen.add(nonce);
    return undefined;
  }
}

/**
 * The parameters every RPC-style request carries besides its business parameters (reference §1.4). The request log
 * and the handlers see only the business parameters.
 */
export const RPC_COMMON_PARAMS = new Set([
  "Action", "Version", "Format", "AccessKeyId", "Signature", "SignatureMethod", "SignatureVersion", "SignatureNonce",
  "SignatureType", "Timestamp", "SecurityToken", "SourceIp", "SecureTransport",
]);

/**
 * Server-side check of the HMAC-SHA1 (signature version 1.0) scheme that the alicloud provider's RPC clients use
 * (tea-rpc's DoRequest, reference §1.5): every query parameter but `Signature`, plus every form-body parameter,
 * sorted, RFC 3986-encoded, joined; string to sign `POST&%2F&<encoded>`; key `secret&`; base64.
 */
export function verifyRpcV1(method: string, params: [string, string][], secrets: ReadonlyMap<string, string>): Verdict {
  const get = (name: string) => params.find(([k]) => k === name)?.[1];
  const signature = get("Signature");
  const accessKeyId = get("AccessKeyId");
  if (!signature || !accessKeyId) return { ok: false, status: 400, code: "IncompleteSignature", message: "The request has no Signature or AccessKeyId." };
  if (get("SignatureMethod") !== "HMAC-SHA1" || get("SignatureVersion") !== "1.0") {
    return { ok: false, status: 400, code: "IncompleteSignature", message: "Only SignatureMethod HMAC-SHA1 with SignatureVersion 1.0 is served." };
  }
  const secret = secrets.get(accessKeyId);
  if (secret === undefined) return { ok: false, status: 404, code: "InvalidAccessKeyId.NotFound", message: `Specified access key is not found: ${accessKeyId}` };
  // Sorted by the raw key, as the client sorts (url.Values.Encode), not by the encoded pair.
  const canonical = params
    .filter(([k]) => k !== "Signature")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`)
    .join("&");
  const stringToSign = `${method}&${percentEncode("/")}&${percentEncode(canonical)}`;
  const expected = createHmac("sha1", `${secret}&`).update(stringToSign).digest("base64");
  if (expected.length !== signature.length || !timingSafeEqual(Buffer.from(expected), Buffer.from(signature))) {
    return { ok: false, status: 400, code: "SignatureDoesNotMatch", message: "The request signature does not conform to Aliyun standards." };
  }
  return { ok: true, accessKeyId };
}
