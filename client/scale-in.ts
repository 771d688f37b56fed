/**
 * A TASK scale-in done the safe way, over the gated `decreaseNodes`: the newest Running pay-as-you-go nodes of the
 * group by explicit NodeIds (never the service's pick), at most the client's `maxScaleInPerCall` per DecreaseNodes
 * call, the calls at least SCALE_IN_BATCH_INTERVAL_SECONDS apart, waiting for the group to be RUNNING between batches.
 * Each call passes the scale-in gate itself (TASK only, never Subscription, to 0 acknowledged). All waits use the
 * client's clock.
 */
import type { EmrClient } from "./client";
import { EmrInputError, EmrStateError } from "./errors";
import type { CallAcks } from "./gates/acks";
import { MIN_BATCH_INTERVAL_MS } from "./gates/scaling";
import { collect } from "./pagination";
import { waitForNodeGroupRunning } from "./polling";
import type { Node } from "./schemas";

export { MIN_BATCH_INTERVAL_MS };

export interface ScaleInOptions {
  clusterId: string;
  nodeGroupId: string;
  /** Nodes to release. */
  count: number;
  /** Nodes per DecreaseNodes call; capped at the client's maxScaleInPerCall. */
  batchSize?: number;
  /** At least SCALE_IN_BATCH_INTERVAL_SECONDS (the seed's BatchInterval); shorter values are raised to it. */
  batchIntervalMs?: number;
  /** Acknowledgements for the calls, e.g. `{ taskToZero: ["task:2->0"] }` for the last batch of an emptying. */
  acknowledge?: CallAcks;
}

export interface ScaleInResult { releasedNodeIds: string[]; batches: string[][] }

/** Subscription nodes carry an ExpireTime; pay-as-you-go and spot nodes do not. */
const isSubscription = (n: Node) => typeof n.ExpireTime === "number" && n.ExpireTime > 0;

export async function scaleInTaskGroup(client: EmrClient, opts: ScaleInOptions): Promise<ScaleInResult> {
  const perCall = Math.min(opts.batchSize ?? Infinity, client.limits.maxScaleInPerCall);
  const interval = Math.max(MIN_BATCH_INTERVAL_MS, opts.batchIntervalMs ?? MIN_BATCH_INTERVAL_MS);
  const refuse = (path: string, message: string, fix: string): never => { throw new EmrInputError([{ path, message, fix }]); };
  if (!Number.isInteger(opts.count) || opts.count < 1) refuse("count", `count ${opts.count} is not a positive whole number`, "e.g. 5");
  const group = await client.getNodeGroup(opts.clusterId, opts.nodeGroupId);
  if (!group) return refuse("nodeGroupId", `node group ${opts.nodeGroupId} does not exist in ${opts.clusterId}`, "use an id from ListNodeGroups");

  const candidates = (await collect(client.listNodes(opts.clusterId, { NodeGroupIds: [opts.nodeGroupId], NodeStates: ["Running"] })))
    .filter((n) => !isSubscription(n))
    .sort((a, b) => (b.CreateTime ?? 0) - (a.CreateTime ?? 0)); // newest first: the least work lost
  if (opts.count > candidates.length) refuse("count", `only ${candidates.length} pay-as-you-go nodes are Running in ${group.NodeGroupName}; ${opts.count} requested`, `release at most ${candidates.length}`);

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
    await client.decreaseNodes({ ClusterId: opts.clusterId, NodeGroupId: opts.nodeGroupId, NodeIds: batch }, { acknowledge: opts.acknowledge });
  }
  return { releasedNodeIds: chosen, batches };
}
