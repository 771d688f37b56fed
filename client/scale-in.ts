/**
 * A TASK scale-in done the safe way: explicit NodeIds from ListNodes (never the service's pick), never
 * Subscription nodes, at most `maxScaleInPerCall` (10) nodes per DecreaseNodes call, calls at least 120 s apart,
 * waiting for the group to be RUNNING between batches. All waits use the client's clock.
 */
import { ACK_TAGS, DEFAULT_LIMITS } from "../policies/rules/domain.js";
import type { EmrClient } from "./client";
import { EmrInputError, EmrStateError } from "./errors";
import { collect } from "./pagination";
import { waitForNodeGroupRunning } from "./polling";
import type { Node } from "./schemas";

export const MIN_BATCH_INTERVAL_MS = 120_000;

export interface ScaleInOptions {
  clusterId: string;
  nodeGroupId: string;
  /** Nodes to release. */
  count: number;
  /** Nodes per DecreaseNodes call; capped at maxScaleInPerCall (10). */
  batchSize?: number;
  /** At least 120 s. */
  batchIntervalMs?: number;
  maxScaleInPerCall?: number;
  /** The cluster's tags; releasing every node needs ACK_TAGS.taskGroupToZero = "true". */
  acknowledgements?: Record<string, string>;
}

export interface ScaleInResult { releasedNodeIds: string[]; batches: string[][] }

/** Subscription nodes carry an ExpireTime; pay-as-you-go and spot nodes do not. */
const isSubscription = (n: Node) => typeof n.ExpireTime === "number" && n.ExpireTime > 0;

export async function scaleInTaskGroup(client: EmrClient, opts: ScaleInOptions): Promise<ScaleInResult> {
  const perCall = Math.min(opts.batchSize ?? Infinity, opts.maxScaleInPerCall ?? DEFAULT_LIMITS.maxScaleInPerCall);
  const interval = Math.max(MIN_BATCH_INTERVAL_MS, opts.batchIntervalMs ?? MIN_BATCH_INTERVAL_MS);
  const group = await client.getNodeGroup(opts.clusterId, opts.nodeGroupId);
  const refuse = (message: string, fix: string): never => { throw new EmrInputError([{ path: "nodeGroupId", message, fix }]); };
  if (!group) return refuse(`node group ${opts.nodeGroupId} does not exist in ${opts.clusterId}`, "use an id from ListNodeGroups");
  if (group.NodeGroupType !== "TASK") refuse(`node group ${group.NodeGroupName} is ${group.NodeGroupType}: only TASK groups are scaled in`, "scale in a TASK group");
  if (group.PaymentType === "Subscription") refuse(`node group ${group.NodeGroupName} is Subscription: its nodes are never released`, "scale in a PayAsYouGo TASK group");
  if (!Number.isInteger(opts.count) || opts.count < 1) refuse(`count ${opts.count} is not a positive whole number`, "e.g. 5");

  const candidates = (await collect(client.listNodes(opts.clusterId, { NodeGroupIds: [opts.nodeGroupId], NodeStates: ["Running"] })))
    .filter((n) => !isSubscription(n))
    .sort((a, b) => (b.CreateTime ?? 0) - (a.CreateTime ?? 0)); // newest first: the least work lost
  const running = group.RunningNodeCount;
  if (opts.count >= running && opts.acknowledgements?.[ACK_TAGS.taskGroupToZero] !== "true") {
    refuse(`releasing ${opts.count} of ${running} nodes would leave ${group.NodeGroupName} empty`, `acknowledge with the tag ${ACK_TAGS.taskGroupToZero}: "true", or keep at least 1 node`);
  }
  if (opts.count > candidates.length) refuse(`only ${candidates.length} pay-as-you-go nodes are Running in ${group.NodeGroupName}; ${opts.count} requested`, `release at most ${candidates.length}`);

  const chosen = candidates.slice(0, opts.count).map((n) => n.NodeId);
  const batches: string[][] = [];
  for (let i = 0; i < chosen.length; i += perCall) batches.push(chosen.slice(i, i + perCall));
  let lastCallAt: number | undefined;
  for (const batch of batches) {
    if (lastCallAt !== undefined) {
      const settled = await waitForNodeGroupRunning(client, opts.clusterId, opts.nodeGroupId);
      if (!settled.ok) throw settled.error;
      if (settled.value.StateChangeReason?.Code && settled.value.StateChangeReason.Code !== "UserRequest") {
        throw new EmrStateError(`scale-in of ${group.NodeGroupName} failed: ${settled.value.StateChangeReason.Code}: ${settled.value.StateChangeReason.Message ?? ""}`, settled.value.NodeGroupState, settled.value.StateChangeReason);
      }
      const wait = lastCallAt + interval - client.clock.now();
      if (wait > 0) await client.clock.sleep(wait);
    }
    lastCallAt = client.clock.now();
    await client.decreaseNodes({ ClusterId: opts.clusterId, NodeGroupId: opts.nodeGroupId, NodeIds: batch });
  }
  return { releasedNodeIds: chosen, batches };
}
