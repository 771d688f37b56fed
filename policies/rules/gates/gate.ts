/**
 * One gate for every caller: a write call -> the findings that refuse it (none: it may be sent). The offline check
 * runs it on each call of a call plan, the live gate on the plan built with live counts, EmrClient before each write.
 */
import { ackValue, policyFingerprint, type AckRef } from "../change/acks";
import type { ChangeFinding } from "../change/types";
import type { ApplyRefusal, EmrCall } from "../calls/types";
import { gateDeleteCluster, gateDeleteNodeGroup, gatePaymentSwitch, gatePutAutoScalingPolicy, gateRemoveAutoScalingPolicy, gateUntagResources, gateUpdateClusterAttribute } from "./cluster";
import type { GateContext } from "./finding";
import { gateCreateNodeGroup, gateDecreaseNodes, gateIncreaseNodes, gateRunCluster } from "./scaling";

export interface CallCompany {
  /** Every write call of the same update (deletion protection off must be alone). */
  calls?: readonly EmrCall[];
  /** The edits of the same update the provider stops at (they send no call, and they are changes too). */
  refusals?: readonly ApplyRefusal[];
  /** The groups the recorded state knows (a deleted group outside them was made outside the program). */
  recordedGroups?: ReadonlySet<string>;
}

export function gateCall(call: EmrCall, ctx: GateContext, company: CallCompany = {}): ChangeFinding[] {
  switch (call.action) {
    case "RunCluster": return gateRunCluster(call, ctx);
    case "CreateNodeGroup": return gateCreateNodeGroup(call, ctx, !(company.calls ?? []).some((c) => c.action === "IncreaseNodes" && c.group === call.group && c.newGroup));
    case "IncreaseNodes": return gateIncreaseNodes(call, ctx);
    case "DecreaseNodes": return gateDecreaseNodes(call, ctx);
    case "PutAutoScalingPolicy": return gatePutAutoScalingPolicy(call, ctx);
    case "RemoveAutoScalingPolicy": return gateRemoveAutoScalingPolicy(call, ctx);
    case "UpdateClusterAttribute": return gateUpdateClusterAttribute(call, ctx, company.calls ?? [call], company.refusals);
    case "UpdateClusterPaymentType":
    case "UpdateNodeGroupPaymentType": return gatePaymentSwitch(call, ctx);
    case "UntagResources": return gateUntagResources(call, ctx);
    case "DeleteNodeGroup": return gateDeleteNodeGroup(call, ctx, company.recordedGroups);
    case "DeleteCluster": return gateDeleteCluster(call, ctx);
    default: return [];
  }
}

/** The named-change acknowledgements a call could use (a plan's acknowledgements that no call uses are stale). */
export function acksOfCall(call: EmrCall): AckRef[] {
  const g = String(call.group);
  const n = (v: unknown) => (typeof v === "number" ? v : undefined);
  switch (call.action) {
    case "IncreaseNodes": {
      const d = n(call.params.IncreaseNodeCount);
      return call.from !== undefined && d !== undefined ? [{ kind: "scaleOut", value: ackValue.scaleOut(g, call.from, call.from + d) }] : [];
    }
    case "DecreaseNodes": {
      const d = n(call.params.DecreaseNodeCount);
      if (call.from === undefined || d === undefined) return [];
      const to = call.from - d;
      return [to === 0 ? { kind: "taskToZero", value: ackValue.taskToZero(g, call.from) } : { kind: "scaleIn", value: ackValue.scaleIn(g, call.from, to) }];
    }
    case "PutAutoScalingPolicy": return [{ kind: "autoScaling", value: ackValue.autoScalingReplace(g, policyFingerprint({ constraints: call.params.Constraints, scalingRules: call.params.ScalingRules })) }];
    case "RemoveAutoScalingPolicy": return [{ kind: "autoScaling", value: ackValue.autoScalingRemove(g) }];
    case "UpdateClusterPaymentType":
    case "UpdateNodeGroupPaymentType": return [{ kind: "paymentSwitch", value: ackValue.paymentSwitch("PayAsYouGo", "Subscription") }];
    default: return [];
  }
}
