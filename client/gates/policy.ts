/**
 * The gates of EmrClient's auto-scaling and attribute writes, through the one set of call gates (policies/rules/gates):
 * PutAutoScalingPolicy replaces the whole policy and RemoveAutoScalingPolicy drops it, so both read the current
 * policy first (the gate shows it and wants the acknowledgement of that very change); deletion protection goes off
 * only alone.
 */
import { gateCall } from "../../policies/rules/gates/index.js";
import type { GuardrailLimits } from "../../policies/rules/domain.js";
import type { LiveReads } from "./live-reads";
import type { NodeGroupRef, PutAutoScalingPolicyRequest, UpdateClusterAttributeRequest } from "../requests";
import { EmrInputError } from "../errors";
import { gateContext, refuseFindings, type CallAcks } from "./acks";
import { asPutPolicy, type PutPolicy } from "./before";

async function groupOf(client: LiveReads, ref: NodeGroupRef) {
  const g = await client.getNodeGroup(ref.ClusterId, ref.NodeGroupId);
  if (!g) throw new EmrInputError([{ path: "NodeGroupId", message: `node group ${ref.NodeGroupId} does not exist in ${ref.ClusterId}`, fix: "use an id from ListNodeGroups" }]);
  return g;
}

/** PutAutoScalingPolicy: MaxCapacity within the cap; replacing a policy needs `<group>:replace:<fingerprint>`. Returns the policy it replaces. */
export async function gatePutAutoScalingPolicy(client: LiveReads, limits: GuardrailLimits, req: PutAutoScalingPolicyRequest, ack: CallAcks | undefined): Promise<PutPolicy | undefined> {
  const g = await groupOf(client, req);
  const current = asPutPolicy(await client.getAutoScalingPolicy(req));
  const call = { action: "PutAutoScalingPolicy" as const, group: g.NodeGroupName, groupType: g.NodeGroupType, params: { Constraints: req.Constraints, ScalingRules: req.ScalingRules ?? [] }, ...(current ? { replaces: current } : {}), because: "EmrClient.putAutoScalingPolicy" };
  refuseFindings(gateCall(call, gateContext(limits, ack, req.ClusterId)).map((f) => ({ ...f, path: f.path.endsWith("maxCapacity") ? "Constraints.MaxCapacity" : "Constraints" })));
  return current;
}

/** RemoveAutoScalingPolicy: needs `<group>:remove`. Returns the policy it removes (undefined: there is none, nothing to send). */
export async function gateRemoveAutoScalingPolicy(client: LiveReads, limits: GuardrailLimits, ref: NodeGroupRef, ack: CallAcks | undefined): Promise<PutPolicy | undefined> {
  const g = await groupOf(client, ref);
  const current = asPutPolicy(await client.getAutoScalingPolicy(ref));
  if (!current) return undefined;
  const call = { action: "RemoveAutoScalingPolicy" as const, group: g.NodeGroupName, groupType: g.NodeGroupType, params: {}, because: "EmrClient.removeAutoScalingPolicy" };
  refuseFindings(gateCall(call, gateContext(limits, ack, ref.ClusterId)).map((f) => ({ ...f, path: "NodeGroupId" })));
  return current;
}

/** UpdateClusterAttribute: DeletionProtection true -> false only as the only change of its call. */
export async function gateUpdateClusterAttribute(client: LiveReads, limits: GuardrailLimits, req: UpdateClusterAttributeRequest): Promise<void> {
  if (req.DeletionProtection !== false) return;
  const current = await client.getCluster(req.ClusterId);
  if (current.DeletionProtection === false) return;
  const { ClusterId: _id, ...params } = req;
  const call = { action: "UpdateClusterAttribute" as const, params, because: "EmrClient.updateClusterAttribute" };
  refuseFindings(gateCall(call, gateContext(limits, undefined, current.ClusterName ?? req.ClusterId)));
}
