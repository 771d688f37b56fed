/**
 * The cluster's size for the cost threshold, computed one way for every caller: each group counts at its node count,
 * an auto-scaled group at max(node count, MaxCapacity) (the API's default MaxCapacity when the policy sets none).
 */
import { hasAck, renderAck, type AckRef } from "../change/acks";
import { countedSize } from "../calls/sides";
import type { ChangeContext, ChangeFinding } from "../change/types";
import { changeFinding } from "./finding";
import { CHANGE_RULES } from "./names";

/** The total of groups `{ count, policy }`; undefined when a policy's capacity is not known. */
export { countedSize };

export function countedTotal(groups: readonly { count: number; policy: unknown }[]): number | undefined {
  let sum = 0;
  for (const g of groups) {
    const n = countedSize(g.count, g.policy);
    if (n === undefined) return undefined;
    sum += n;
  }
  return sum;
}

/** A change that grows the cluster's total above the cost threshold needs the cost acknowledgement of the new total. */
export function checkClusterTotal(args: { cluster: string; totalBefore: number; totalAfter: number; path?: string }, ctx: ChangeContext): ChangeFinding[] {
  const { totalBefore, totalAfter } = args;
  const threshold = ctx.limits.clusterNodesCostAckThreshold;
  if (!(totalAfter > totalBefore) || totalAfter <= threshold) return [];
  const ack: AckRef = { kind: "clusterNodes", value: String(totalAfter) };
  if (hasAck(ctx.acks, ack)) return [];
  return [changeFinding(CHANGE_RULES.clusterTotal, { cluster: args.cluster, path: args.path ?? "nodeGroups" }, `the cluster grows from ${totalBefore} to ${totalAfter} nodes in total (auto-scaled groups at their MaxCapacity), above the ${threshold}-node cost threshold`, `acknowledge the cost with ${renderAck(ack)}, or keep the total at ${threshold} or fewer`, ack)];
}

