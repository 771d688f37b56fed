/** Building a change finding, and the words every gate uses for a call and a stepped change. */
import { renderAck, spentAck, type AckRef } from "../change/acks";
import type { ChangeContext, ChangeFinding } from "../change/types";
import type { EmrCall } from "../calls/types";
import { show } from "../change/format";

/** What every gate is given: the cluster (as its caller names it), the limits and the acknowledgements of the change. */
export interface GateContext extends ChangeContext {
  cluster: string;
}

/** Why an acknowledgement did not approve: missing, or spent by an earlier update (then how to write it anew). */
export function missingAck(ctx: GateContext, ack: AckRef, what: string): string {
  const spent = spentAck(ctx.acks, ack);
  if (spent === undefined) return `acknowledge ${what} with ${renderAck(ack)}`;
  return `approve ${what} anew: the entry "${spent}" approved an earlier update (it is in the recorded state) and approves nothing now; a note after "@" makes a new entry, e.g. ${renderAck({ ...ack, value: `${ack.value}@again` })}`;
}

export interface Where {
  cluster: string;
  group?: string;
  path: string;
  call?: EmrCall;
}

/** A mandatory finding; the message starts with the cluster; `call` names the API call judged. */
export function changeFinding(rule: string, where: Where, message: string, fix: string, ack?: AckRef): ChangeFinding {
  const f: ChangeFinding = { rule, level: "mandatory", cluster: where.cluster, path: where.path, message: `cluster "${where.cluster}": ${message}`, fix };
  if (where.group !== undefined) f.group = where.group;
  if (where.call) f.call = describeCall(where.call);
  if (ack) f.ack = ack;
  return f;
}

export const advisory = (f: ChangeFinding): ChangeFinding => ({ ...f, level: "advisory" });

/** ` (40 × 1,234.50 = 49,380.00 CNY a month at the price book's prices)`, or "" without a price book or a price. */
export function moneyOf(text: string | undefined): string {
  return text ? ` (${text})` : "";
}

/** `IncreaseNodes core +2`, `DecreaseNodes task -1..-38 (maybe)`: one call in a line. */
export function describeCall(c: EmrCall): string {
  const n = (sign: string, v: unknown) => (typeof v === "number" ? ` ${sign}${v}` : "");
  const range = c.range ? ` ${c.action === "DecreaseNodes" ? "-" : "+"}${c.range.min}..${c.range.max}` : "";
  const count = c.action === "IncreaseNodes" ? n("+", c.params.IncreaseNodeCount) : c.action === "DecreaseNodes" ? n("-", c.params.DecreaseNodeCount) : "";
  const dp = c.action === "UpdateClusterAttribute" && c.params.DeletionProtection !== undefined ? ` DeletionProtection=${show(c.params.DeletionProtection)}` : "";
  const created = c.action === "CreateNodeGroup" && typeof (c.params.NodeGroup as Record<string, unknown> | undefined)?.NodeCount === "number" ? ` (NodeCount ${(c.params.NodeGroup as Record<string, unknown>).NodeCount})` : "";
  return `${c.action}${c.group ? ` ${c.group}` : ""}${count}${range}${dp}${created}${c.possible ? " (maybe)" : ""}`;
}

/** `40 -> 90 -> 100`: the steps of at most `size` nodes from `from` to `to`. */
export function stepPlan(from: number, to: number, size: number): string {
  const out = [from];
  const step = Math.max(1, size);
  while (out[out.length - 1] !== to) {
    const last = out[out.length - 1];
    out.push(from > to ? Math.max(to, last - step) : Math.min(to, last + step));
  }
  return out.join(" -> ");
}

/** The steps of a stepped change, each with its own size: `[[25, 15], [15, 5], [5, 0]]`. */
export function steps(from: number, to: number, size: number): [number, number][] {
  const points = stepPlan(from, to, size).split(" -> ").map(Number);
  return points.slice(1).map((p, i) => [points[i], p]);
}
