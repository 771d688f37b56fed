/**
 * The gates of the auto-scaling and attribute writes, on the change rules (policies/rules/change/steps.ts):
 * PutAutoScalingPolicy replaces the whole policy and RemoveAutoScalingPolicy drops it, so both read the current
 * policy first and need the acknowledgement of that very change; deletion protection goes off only alone.
 */
import { checkAutoScalingChange, checkDeletionProtectionChange } from "../../policies/rules/change/index.js";
import type { GuardrailLimits } from "../../policies/rules/domain.js";
import type { LiveReads } from "./live-reads";
import type { NodeGroupRef, PutAutoScalingPolicyRequest, UpdateClusterAttributeRequest } from "../requests";
import { EmrInputError } from "../errors";
import { changeContext, refuseFindings, type CallAcks } from "./acks";
import { asPutPolicy, type PutPolicy } from "./before";

async function groupName(client: LiveReads, ref: NodeGroupRef): Promise<string> {
  const g = await client.getNodeGroup(ref.ClusterId, ref.NodeGroupId);
  if (!g) throw new EmrInputError([{ path: "NodeGroupId", message: `node group ${ref.NodeGroupId} does not exist in ${ref.ClusterId}`, fix: "use an id from ListNodeGroups" }]);
  return g.NodeGroupName;
}

/** PutAutoScalingPolicy: MaxCapacity set and ≤ the cap; replacing a different policy needs `<group>:replace:<fingerprint>`. Returns the policy it replaces. */
export async function gatePutAutoScalingPolicy(client: LiveReads, limits: GuardrailLimits, req: PutAutoScalingPolicyRequest, ack: CallAcks | undefined): Promise<PutPolicy | undefined> {
  const ctx = changeContext(limits, ack);
  const group = await groupName(client, req);
  const current = asPutPolicy(await client.getAutoScalingPolicy(req));
  const after: PutPolicy = { Constraints: req.Constraints, ScalingRules: req.ScalingRules ?? [] };
  refuseFindings(checkAutoScalingChange({ cluster: req.ClusterId, group, before: current, after, path: "Constraints" }, ctx));
  return current;
}

/** RemoveAutoScalingPolicy: needs `<group>:remove`. Returns the policy it removes (undefined: there is none, nothing to send). */
export async function gateRemoveAutoScalingPolicy(client: LiveReads, limits: GuardrailLimits, ref: NodeGroupRef, ack: CallAcks | undefined): Promise<PutPolicy | undefined> {
  const ctx = changeContext(limits, ack);
  const group = await groupName(client, ref);
  const current = asPutPolicy(await client.getAutoScalingPolicy(ref));
  refuseFindings(checkAutoScalingChange({ cluster: ref.ClusterId, group, before: current, after: undefined, path: "NodeGroupId" }, ctx));
  return current;
}

/** UpdateClusterAttribute: DeletionProtection true → false only as the sole change of the call. */
export async function gateUpdateClusterAttribute(client: LiveReads, limits: GuardrailLimits, req: UpdateClusterAttributeRequest): Promise<void> {
  if (req.DeletionProtection !== false) return;
  const others = (["ClusterName", "Description"] as const).filter((k) => req[k] !== undefined);
  const current = await client.getCluster(req.ClusterId);
  refuseFindings(checkDeletionProtectionChange({ cluster: current.ClusterName ?? req.ClusterId, before: current.DeletionProtection, after: false, otherChangedPaths: others }, changeContext(limits, undefined)));
}
