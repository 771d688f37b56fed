/**
 * The money behind the seed's count acknowledgements: a node-count or subscription-length finding says what the size
 * or the commitment costs at the price book's prices (only what the book prices: an unpriced part is named).
 */
import type { CostLens } from "../change/types";
import { formatMoney } from "./change";
import type { CostLine, ResourceCost } from "./resource-cost";

function unpricedNote(line: CostLine): string {
  return line.unpriced.length ? `, not counting what the price book does not price (${line.unpriced.length} part${line.unpriced.length > 1 ? "s" : ""})` : "";
}

/** A cost lens over a cluster's cost after the change. */
export function costLens(cost: ResourceCost): CostLens {
  const cur = cost.currency ?? "";
  const lineOf = (group: string) => cost.lines.find((l) => l.group === group);
  return {
    groupNodes(group, nodes) {
      const line = lineOf(group);
      if (!line?.perNode || !cost.currency) return undefined;
      const per = formatMoney(line.perNode);
      const all = formatMoney({ min: line.perNode.min * nodes, max: line.perNode.max * nodes }, cur);
      return `${nodes} × ${per} = ${all} a month at the price book's prices${line.variable ? " (Spot: variable, at its ceiling)" : ""}${unpricedNote(line)}`;
    },
    commitment(months, group) {
      const lines = cost.lines.filter((l) => l.payment === "Subscription" && (group === undefined || l.group === group));
      if (!lines.length || !cost.currency) return undefined;
      const monthly = lines.reduce((m, l) => ({ min: m.min + l.monthly.min, max: m.max + l.monthly.max }), { min: 0, max: 0 });
      const unpriced = lines.some((l) => l.unpriced.length) ? ", not counting what the price book does not price" : "";
      return `${months} × ${formatMoney(monthly)} = ${formatMoney({ min: monthly.min * months, max: monthly.max * months }, cur)} committed at the price book's prices${unpriced}`;
    },
  };
}
