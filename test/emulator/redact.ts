/**
 * What the request log keeps of a request's parameters: everything but secrets. A parameter whose name says it is a
 * secret (a password, an access key secret, a token) and the value of an application config item whose key says so
 * (RunCluster's `javax.jdo.option.ConnectionPassword`, sent inside a JSON string) become "[redacted]".
 */
import type { Params } from "./params";

const SECRET_NAME = /password|secret|token/i;
export const REDACTED = "[redacted]";

export function redact(params: Params): Params {
  return redactValue(params) as Params;
}

function redactValue(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(redactValue);
  if (v && typeof v === "object") {
    const entries = Object.entries(v as Record<string, unknown>);
    const secretItem = entries.some(([k, x]) => k === "ConfigItemKey" && typeof x === "string" && SECRET_NAME.test(x));
    return Object.fromEntries(entries.map(([k, x]) => [k, SECRET_NAME.test(k) || (secretItem && k === "ConfigItemValue") ? REDACTED : redactValue(x)]));
  }
  // RunCluster sends its structured fields as JSON strings: redact inside them, keep them strings.
  if (typeof v === "string" && /^[[{]/.test(v)) {
    try {
      return JSON.stringify(redactValue(JSON.parse(v)));
    } catch {
      return v;
    }
  }
  return v;
}
