/**
 * RunCluster runs the planning rules and the RunCluster call gate before it creates anything: the request (the API's
 * PascalCase shape) is converted to the provider-shaped inputs the rules read (`alicloud:emrv2/cluster:Cluster`),
 * checked by `checkMandatoryRules` (the pack's mandatory set), then judged as the call it is (policies/rules/gates:
 * the per-group cap at creation, which no acknowledgement lifts). The call's acknowledgements count as its tags.
 */
import { checkMandatoryRules } from "../../policies/rules/index.js";
import { runClusterCall } from "../../policies/rules/calls/index.js";
import { gateCall } from "../../policies/rules/gates/index.js";
import type { GuardrailLimits } from "../../policies/rules/domain.js";
import type { NodeGroupConfig, RunClusterRequest } from "../requests";
import { EmrInputError } from "../errors";
import { ackTags, gateContext, type CallAcks } from "./acks";
import { lowerKeys, nodeGroupProps } from "../provider-shape";

type Obj = Record<string, unknown>;

/** The provider-shaped inputs of the cluster RunCluster would create (what the policy pack would see). */
export function runClusterProps(req: RunClusterRequest, ack?: CallAcks): Obj {
  const tags: Record<string, string> = { ...Object.fromEntries((req.Tags ?? []).map((t) => [t.Key, t.Value ?? ""])), ...ackTags(ack) };
  return {
    clusterName: req.ClusterName, clusterType: req.ClusterType, releaseVersion: req.ReleaseVersion,
    deployMode: req.DeployMode, securityMode: req.SecurityMode, paymentType: req.PaymentType,
    subscriptionConfig: lowerKeys(req.SubscriptionConfig), deletionProtection: req.DeletionProtection,
    applications: req.Applications.map((a) => a.ApplicationName),
    applicationConfigs: lowerKeys(req.ApplicationConfigs ?? []),
    nodeGroups: req.NodeGroups.map(nodeGroupProps),
    nodeAttributes: [lowerKeys(req.NodeAttributes)],
    bootstrapScripts: lowerKeys(req.BootstrapScripts ?? []),
    tags, resourceGroupId: req.ResourceGroupId, description: req.Description,
  };
}

/** Refuses a RunCluster the rules or its gate refuse, each finding with its path in the request's terms. */
export function gateRunCluster(limits: GuardrailLimits, req: RunClusterRequest, ack: CallAcks | undefined): void {
  const props = runClusterProps(req, ack);
  const atCreation = gateCall(runClusterCall(props, "EmrClient.runCluster"), gateContext(limits, ack, req.ClusterName));
  // One finding per fix: the gate speaks of creation (no acknowledgement lifts its cap), the end-state rules of size.
  const endState = checkMandatoryRules(props, limits).filter((f) => !atCreation.some((g) => g.path === f.path));
  const findings = [...atCreation, ...endState];
  if (findings.length) throw new EmrInputError(findings.map((f) => ({ path: requestPath(f.path), message: f.message, fix: f.fix })));
}

/** `nodeGroups[1].nodeCount` → `NodeGroups[1].NodeCount`: the names the caller wrote. */
const requestPath = (path: string) => path.replace(/(^|\.)([a-z])/g, (_, dot: string, c: string) => dot + c.toUpperCase()).replace("Vswitch", "VSwitch");
