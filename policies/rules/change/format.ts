/** Printing values in change messages: secrets as [secret], preview unknowns as "(known after apply)", long values cut. */
import { isSecretValue } from "./secret";
import { isUnknown } from "../types";

export function show(v: unknown): string {
  if (v === undefined || v === null) return "(not set)";
  if (isUnknown(v)) return "(known after apply)";
  if (isSecretValue(v)) return "[secret]";
  const s = JSON.stringify(v, (_k, x) => (isUnknown(x) ? "(known after apply)" : isSecretValue(x) ? "[secret]" : x)) ?? String(v);
  return s.length > 120 ? `${s.slice(0, 117)}...` : s;
}

/** `a, b, c, ...` (at most `n`). */
export function listSome(items: readonly string[], n = 5): string {
  return items.slice(0, n).join(", ") + (items.length > n ? ", ..." : "");
}
