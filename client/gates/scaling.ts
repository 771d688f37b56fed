/**
 * The gates of EmrClient's node-count writes: each request becomes the EMR call it is (policies/rules/calls) with the
 * live facts the gates judge (the group's live type, payment and count), and goes through the one set of call gates
 * (policies/rules/gates), the same the offline check and the live gate use. Refused before anything is sent.
 */
import { checkClusterTotal, countedTotal, gateCall, type GateContext } from "../../policies/rules/gates/index.js";
import type { EmrCall } from "../../policies/rules/calls/index.js";
import { SCALE_IN_BATCH_INTERVAL_SECONDS, type GuardrailLimits } from "../../policies/rules/domain.js";
import type { LiveReads } from "./live-reads";
import type { CreateNodeGroupRequest, DecreaseNodesRequest, IncreaseNodesRequest } from "../requests";
import { EmrInputError } from "../errors";
import { collect } from "../pagination";
import { gateContext, refuseFindings, type CallAcks } from "./acks";
import { readLiveCluster, type LiveCluster } from "./before";

/** DecreaseNodes calls on one node group are at least this far apart (the seed's BatchInterval). */
export const MIN_BATCH_INTERVAL_MS = SCALE_IN_BATCH_INTERVAL_SECONDS * 1000;

function liveGroup(live: LiveCluster, nodeGroupId: string) {
  const found = live.groups.find((g) => g.group.NodeGroupId === nodeGroupId);
  if (!found) throw new EmrInputError([{ path: "NodeGroupId", message: `node group ${nodeGroupId} does not exist in ${live.cluster.ClusterId}`, fix: "use an id from ListNodeGroups" }]);
  return found.group;
}

const label = (live: LiveCluster) => live.cluster.ClusterName ?? live.cluster.ClusterId;

/** The cluster-total rule for `added` nodes in one group (undefined: a new group); auto-scaled groups at their MaxCapacity. */
function totalFindings(live: LiveCluster, nodeGroupId: string | undefined, added: number, ctx: GateContext) {
  const groups = live.groups.map((g) => ({ count: g.group.RunningNodeCount, policy: g.policy }));
  const before = countedTotal(groups);
  const after = countedTotal([...live.groups.map((g) => ({ count: g.group.RunningNodeCount + (g.group.NodeGroupId === nodeGroupId ? added : 0), policy: g.policy })), ...(nodeGroupId ? [] : [{ count: added, policy: undefined }])]);
  return before === undefined || after === undefined ? [] : checkClusterTotal({ cluster: ctx.cluster, totalBefore: before, totalAfter: after, path: nodeGroupId ? "IncreaseNodeCount" : "NodeGroup.NodeCount" }, ctx);
}

/** IncreaseNodes: the call gate (never MASTER, per-call cap, acknowledged above the threshold) and the cluster total. */
export async function gateIncreaseNodes(client: LiveReads, limits: GuardrailLimits, req: IncreaseNodesRequest, ack: CallAcks | undefined): Promise<void> {
  const live = await readLiveCluster(client, req.ClusterId);
  const ctx = gateContext(limits, ack, label(live));
  const g = liveGroup(live, req.NodeGroupId);
  const call: EmrCall = { action: "IncreaseNodes", group: g.NodeGroupName, groupType: g.NodeGroupType, from: g.RunningNodeCount, params: { IncreaseNodeCount: req.IncreaseNodeCount }, because: "EmrClient.increaseNodes" };
  refuseFindings([...gateCall(call, ctx), ...totalFindings(live, g.NodeGroupId, req.IncreaseNodeCount, ctx)], "IncreaseNodeCount");
}

/** CreateNodeGroup with NodeCount: the call gate (cap at creation, acknowledged above the threshold) and the total. */
export async function gateCreateNodeGroup(client: LiveReads, limits: GuardrailLimits, req: CreateNodeGroupRequest, ack: CallAcks | undefined): Promise<void> {
  const live = await readLiveCluster(client, req.ClusterId);
  const ctx = gateContext(limits, ack, label(live));
  const { NodeGroupName, NodeGroupType, NodeCount } = req.NodeGroup;
  const call: EmrCall = { action: "CreateNodeGroup", group: NodeGroupName, groupType: NodeGroupType, params: { NodeGroup: { NodeGroupName, NodeGroupType, NodeCount } }, because: "EmrClient.createNodeGroup" };
  refuseFindings([...gateCall(call, ctx), ...totalFindings(live, undefined, NodeCount, ctx)], "NodeGroup.NodeCount");
}

/**
 * DecreaseNodes: explicit NodeIds only (never the service's pick), Running nodes of that group, the call gate (a TASK
 * group of the live cluster, never Subscription nodes, the per-call cap, emptying acknowledged), and at least the
 * batch interval after the previous DecreaseNodes of that group (`lastSentAt`, on the client's clock).
 */
export async function gateDecreaseNodes(client: LiveReads, limits: GuardrailLimits, req: DecreaseNodesRequest, ack: CallAcks | undefined, lastSentAt: number | undefined): Promise<void> {
  if (req.DecreaseNodeCount !== undefined || !req.NodeIds?.length) {
    throw new EmrInputError([{ path: req.DecreaseNodeCount !== undefined ? "DecreaseNodeCount" : "NodeIds", message: "a scale-in names the nodes it releases: a count lets the service pick them", fix: "pass NodeIds from ListNodes (scaleInTaskGroup picks the newest for you)" }]);
  }
  if (lastSentAt !== undefined && client.clock.now() - lastSentAt < MIN_BATCH_INTERVAL_MS) {
    const wait = Math.ceil((lastSentAt + MIN_BATCH_INTERVAL_MS - client.clock.now()) / 1000);
    throw new EmrInputError([{ path: "NodeGroupId", message: `the previous DecreaseNodes of ${req.NodeGroupId} was sent ${Math.floor((client.clock.now() - lastSentAt) / 1000)} s ago; batches are at least ${SCALE_IN_BATCH_INTERVAL_SECONDS} s apart`, fix: `wait ${wait} s more (scaleInTaskGroup waits for you)` }]);
  }
  const live = await readLiveCluster(client, req.ClusterId);
  const ctx = gateContext(limits, ack, label(live));
  const g = liveGroup(live, req.NodeGroupId);
  const running = await collect(client.listNodes(req.ClusterId, { NodeGroupIds: [req.NodeGroupId], NodeStates: ["Running"] }));
  const strangers = req.NodeIds.filter((id) => !running.some((n) => n.NodeId === id));
  if (strangers.length) {
    throw new EmrInputError([{ path: "NodeIds", message: `${strangers.join(", ")} ${strangers.length === 1 ? "is not a Running node" : "are not Running nodes"} of ${g.NodeGroupName} (${req.NodeGroupId})`, fix: "take the ids from ListNodes of this group" }]);
  }
  const nodeIds = [...new Set(req.NodeIds)];
  const call: EmrCall = { action: "DecreaseNodes", group: g.NodeGroupName, groupType: g.NodeGroupType, ...(g.PaymentType ? { groupPayment: g.PaymentType } : {}), from: g.RunningNodeCount, params: { DecreaseNodeCount: nodeIds.length, NodeIds: nodeIds }, because: "EmrClient.decreaseNodes" };
  refuseFindings(gateCall(call, ctx), "NodeIds");
}
