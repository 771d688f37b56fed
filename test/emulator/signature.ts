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
}
