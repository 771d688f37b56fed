/**
 * The gates of the node-count writes, on the change rules' step functions (policies/rules/change/steps.ts):
 * IncreaseNodes and CreateNodeGroup are scale-outs (a new group from 0), DecreaseNodes a scale-in. Every check runs
 * on live reads before anything is sent; a refusal is an EmrInputError and nothing reaches the API.
 */
import { checkClusterTotal, checkScaleInStep, checkScaleOutStep, type ChangeContext } from "../../policies/rules/change/index.js";
import type { GuardrailLimits } from "../../policies/rules/domain.js";
import type { LiveReads } from "./live-reads";
import type { CreateNodeGroupRequest, DecreaseNodesRequest, IncreaseNodesRequest } from "../requests";
import { EmrInputError } from "../errors";
import { collect } from "../pagination";
import { changeContext, refuseFindings, type CallAcks } from "./acks";
import { clusterTotal, effectiveSize, readLiveCluster, type LiveCluster } from "./before";

/** DecreaseNodes calls on one node group are at least this far apart (emr-planning-rules: scale in). */
export const MIN_BATCH_INTERVAL_MS = 120_000;

function liveGroup(live: LiveCluster, nodeGroupId: string) {
  const found = live.groups.find((g) => g.group.NodeGroupId === nodeGroupId);
  if (!found) throw new EmrInputError([{ path: "NodeGroupId", message: `node group ${nodeGroupId} does not exist in ${live.cluster.ClusterId}`, fix: "use an id from ListNodeGroups" }]);
  return found.group;
}

const label = (live: LiveCluster) => live.cluster.ClusterName ?? live.cluster.ClusterId;

/** IncreaseNodes: ≤ maxScaleOutPerCall, > scaleOutAckThreshold acknowledged, the cluster total above the cost threshold acknowledged, never MASTER. */
export async function gateIncreaseNodes(client: LiveReads, limits: GuardrailLimits, req: IncreaseNodesRequest, ack: CallAcks | undefined): Promise<void> {
  const ctx = changeContext(limits, ack);
  const live = await readLiveCluster(client, req.ClusterId);
  const g = liveGroup(live, req.NodeGroupId);
  const from = g.RunningNodeCount;
  const step = { cluster: label(live), group: g.NodeGroupName, groupType: g.NodeGroupType, from, to: from + req.IncreaseNodeCount, newGroup: false, path: "IncreaseNodeCount" };
  refuseFindings([...checkScaleOutStep(step, ctx), ...totalFindings(live, g.NodeGroupId, req.IncreaseNodeCount, ctx)]);
}

/** The cluster-total rule for `added` nodes in one group (undefined: a new group); auto-scaled groups count at max(nodes, MaxCapacity). */
function totalFindings(live: LiveCluster, nodeGroupId: string | undefined, added: number, ctx: ChangeContext) {
  const after = live.groups.reduce((sum, g) => sum + effectiveSize(g.group.RunningNodeCount + (g.group.NodeGroupId === nodeGroupId ? added : 0), g.policy), nodeGroupId ? 0 : added);
  return checkClusterTotal({ cluster: label(live), totalBefore: clusterTotal(live), totalAfter: after, path: nodeGroupId ? "IncreaseNodeCount" : "NodeGroup.NodeCount" }, ctx);
}

/** CreateNodeGroup with NodeCount: a new group's first nodes are a scale-out from 0 (> nodeGroupAckThreshold needs the node-count ack). */
export async function gateCreateNodeGroup(client: LiveReads, limits: GuardrailLimits, req: CreateNodeGroupRequest, ack: CallAcks | undefined): Promise<void> {
  const ctx = changeContext(limits, ack);
  const live = await readLiveCluster(client, req.ClusterId);
  const count = req.NodeGroup.NodeCount;
  const step = { cluster: label(live), group: req.NodeGroup.NodeGroupName, groupType: req.NodeGroup.NodeGroupType, from: 0, to: count, newGroup: true, path: "NodeGroup.NodeCount" };
  refuseFindings([...checkScaleOutStep(step, ctx), ...totalFindings(live, undefined, count, ctx)]);
}

/**
 * DecreaseNodes: explicit NodeIds only (never the service's pick), Running nodes of that group, the scale-in rules
 * (TASK/GATEWAY only, never Subscription, ≤ maxScaleInPerCall, to 0 acknowledged), and at least 120 s after the
 * previous DecreaseNodes of that group (`lastSentAt`, on the client's clock).
 */
export async function gateDecreaseNodes(client: LiveReads, limits: GuardrailLimits, req: DecreaseNodesRequest, ack: CallAcks | undefined, lastSentAt: number | undefined): Promise<void> {
  const ctx = changeContext(limits, ack);
  if (req.DecreaseNodeCount !== undefined || !req.NodeIds?.length) {
    throw new EmrInputError([{ path: req.DecreaseNodeCount !== undefined ? "DecreaseNodeCount" : "NodeIds", message: "a scale-in names the nodes it releases: a count lets the service pick them", fix: "pass NodeIds from ListNodes (scaleInTaskGroup picks the newest for you)" }]);
  }
  if (lastSentAt !== undefined && client.clock.now() - lastSentAt < MIN_BATCH_INTERVAL_MS) {
    const wait = Math.ceil((lastSentAt + MIN_BATCH_INTERVAL_MS - client.clock.now()) / 1000);
    throw new EmrInputError([{ path: "NodeGroupId", message: `the previous DecreaseNodes of ${req.NodeGroupId} was sent ${Math.floor((client.clock.now() - lastSentAt) / 1000)} s ago; batches are at least ${MIN_BATCH_INTERVAL_MS / 1000} s apart`, fix: `wait ${wait} s more (scaleInTaskGroup waits for you)` }]);
  }
  const live = await readLiveCluster(client, req.ClusterId);
  const g = liveGroup(live, req.NodeGroupId);
  const running = await collect(client.listNodes(req.ClusterId, { NodeGroupIds: [req.NodeGroupId], NodeStates: ["Running"] }));
  const strangers = req.NodeIds.filter((id) => !running.some((n) => n.NodeId === id));
  if (strangers.length) {
    throw new EmrInputError([{ path: "NodeIds", message: `${strangers.join(", ")} ${strangers.length === 1 ? "is not a Running node" : "are not Running nodes"} of ${g.NodeGroupName} (${req.NodeGroupId})`, fix: "take the ids from ListNodes of this group" }]);
  }
  const from = g.RunningNodeCount;
  const step = { cluster: label(live), group: g.NodeGroupName, groupType: g.NodeGroupType, paymentType: g.PaymentType, from, to: from - new Set(req.NodeIds).size, path: "NodeIds" };
  refuseFindings(checkScaleInStep(step, ctx));
}
