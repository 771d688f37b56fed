/**
 * RunCluster runs the planning rules before it creates anything: the request (the API's PascalCase shape) is
 * converted to the provider-shaped inputs the rules read (`alicloud:emrv2/cluster:Cluster`), then checked by
 * `checkMandatoryRules` (policies/rules: the validity rules and the mandatory guardrails, the pack's mandatory set).
 * The call's acknowledgements count as the new cluster's tags for the check.
 */
import { checkMandatoryRules } from "../../policies/rules/index.js";
import { creationCapFindings } from "../../policies/rules/capacity.js";
import type { GuardrailLimits } from "../../policies/rules/domain.js";
import type { NodeGroupConfig, RunClusterRequest } from "../requests";
import { EmrInputError } from "../errors";
import { ackTags, type CallAcks } from "./acks";

type Obj = Record<string, unknown>;

/** `{ MaxCapacity: 10 }` → `{ maxCapacity: 10 }`, recursively (the provider's names are the API's, lower-camel). */
function lowerKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(lowerKeys);
  if (v === null || typeof v !== "object") return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k.charAt(0).toLowerCase() + k.slice(1), lowerKeys(x)]));
}

function nodeGroupProps(g: NodeGroupConfig): Obj {
  // The generic rename gets VSwitchIds wrong (vSwitchIds): the provider spells it vswitchIds.
  const { VSwitchIds, ...rest } = g;
  return { ...(lowerKeys(rest) as Obj), vswitchIds: VSwitchIds };
}

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

/** Refuses a RunCluster the rules refuse, each finding with its path in the request's terms. */
export function gateRunCluster(limits: GuardrailLimits, req: RunClusterRequest, ack: CallAcks | undefined): void {
  const props = runClusterProps(req, ack);
  const findings = checkMandatoryRules(props, limits);
  // At creation no size was reached by steps: the node-count acknowledgement answers the acknowledgement threshold,
  // never the creation cap (the end-state rule lets an acknowledged size pass because a policy cannot tell the two apart).
  // Its finding replaces the end-state rule's for the same group, so a group gets one finding, in creation's words.
  for (const f of creationCapFindings(props, limits).reverse()) {
    const same = findings.findIndex((x) => x.rule === f.rule && x.path === f.path);
    if (same >= 0) findings.splice(same, 1);
    findings.unshift(f);
  }
  if (findings.length) throw new EmrInputError(findings.map((f) => ({ path: requestPath(f.path), message: f.message, fix: f.fix })));
}

/** `nodeGroups[1].nodeCount` → `NodeGroups[1].NodeCount`: the names the caller wrote. */
const requestPath = (path: string) => path.replace(/(^|\.)([a-z])/g, (_, dot: string, c: string) => dot + c.toUpperCase()).replace("Vswitch", "VSwitch");
