/** Node-count caps and acknowledgements, the cluster's total and the auto-scaling capacity cap (guardrails). */
import { maxNodesOf } from "./auto-scaling";
import { ACK_TAGS, AUTO_SCALING } from "./domain";
import { OutcomeBuilder, UNKNOWN, type ClusterRule } from "./types";
import { isKnown, nodeGroupsOf, tagNumber, MALFORMED, type GroupView } from "./view";

/** A node count, or a finding/unknown recorded; undefined when it cannot be used. */
function countOf(g: GroupView, out: OutcomeBuilder): number | undefined {
  if (g.nodeCount === UNKNOWN) out.unknown(`${g.path}.nodeCount`);
  else if (g.nodeCount === MALFORMED) out.fail(`${g.path}.nodeCount`, `${g.label} has a nodeCount that is not a whole number`, "set nodeCount to a number, e.g. 3");
  else if (isKnown(g.nodeCount)) return g.nodeCount;
  return undefined;
}

export const nodeGroupCreationCap: ClusterRule = {
  name: "emr-node-group-creation-cap",
  description: "Checks whether every node group has at most the per-group cap of nodes at creation (default 50).",
  kind: "guardrail",
  limits: ["maxNodesPerGroupAtCreate"],
  check(view, { limits }) {
    const out = new OutcomeBuilder(this.name);
    nodeGroupsOf(view, out).forEach((g) => {
      const n = countOf(g, out);
      if (n === undefined) return;
      out.applies();
      if (n > limits.maxNodesPerGroupAtCreate) {
        out.fail(`${g.path}.nodeCount`, `${n} exceeds the ${limits.maxNodesPerGroupAtCreate}-node cap for a node group at creation (${g.label})`, `split into batches of at most ${limits.maxNodesPerGroupAtCreate} or use auto scaling`);
      }
    });
    return out.build();
  },
};

export const nodeGroupSizeAck: ClusterRule = {
  name: "emr-node-group-size-ack",
  description: `Checks whether every node group above the acknowledgement threshold (default 30 nodes) carries the tag ${ACK_TAGS.nodeCount} covering its size.`,
  kind: "guardrail",
  limits: ["nodeGroupAckThreshold"],
  check(view, { limits }) {
    const out = new OutcomeBuilder(this.name);
    const ack = tagNumber(view, ACK_TAGS.nodeCount) ?? 0;
    nodeGroupsOf(view, out).forEach((g) => {
      const n = countOf(g, out);
      if (n === undefined) return;
      out.applies();
      if (n > limits.nodeGroupAckThreshold && n > ack) {
        out.fail(
          `${g.path}.nodeCount`,
          `${n} nodes is above the ${limits.nodeGroupAckThreshold}-node threshold without an acknowledgement (${g.label}${ack ? `; acknowledged: ${ack}` : ""})`,
          `acknowledge it with the tag ${ACK_TAGS.nodeCount}: "${n}" (acknowledgements.nodeCount: ${n} in the EmrCluster spec), or stay at ${limits.nodeGroupAckThreshold} or fewer`,
        );
      }
    });
    return out.build();
  },
};

export const clusterTotalNodesAck: ClusterRule = {
  name: "emr-cluster-total-nodes-ack",
  description: `Checks whether a cluster that may grow above the cost threshold (default 100 nodes in total, each auto-scaled group counted at its MaxCapacity) carries the tag ${ACK_TAGS.clusterNodes} covering its total.`,
  kind: "guardrail",
  limits: ["clusterNodesCostAckThreshold"],
  check(view, { limits }) {
    const out = new OutcomeBuilder(this.name);
    let total = 0;
    let complete = true;
    let scaled = false;
    nodeGroupsOf(view, out).forEach((g) => {
      const n = countOf(g, out);
      const max = maxNodesOf(g, out);
      if (max !== undefined) scaled = true;
      if (n === undefined || max === UNKNOWN) complete = false;
      else total += Math.max(n, max ?? 0);
    });
    const ack = tagNumber(view, ACK_TAGS.clusterNodes) ?? 0;
    if (total > limits.clusterNodesCostAckThreshold && total > ack) {
      out.fail(
        "nodeGroups",
        `the cluster may have ${total} nodes in total${scaled ? " (auto-scaled groups counted at their MaxCapacity)" : ""}, above the ${limits.clusterNodesCostAckThreshold}-node cost threshold, without a cost acknowledgement${ack ? ` (acknowledged: ${ack})` : ""}`,
        `acknowledge the cost with the tag ${ACK_TAGS.clusterNodes}: "${total}" (acknowledgements.clusterNodes: ${total}), or reduce the node groups or their maxCapacity`,
      );
    } else if (complete && Array.isArray(view.nodeGroups)) out.applies();
    return out.build();
  },
};

export const autoScalingMaxCapacity: ClusterRule = {
  name: "emr-auto-scaling-max-capacity",
  description: `Checks whether every auto-scaling policy states a MaxCapacity of at most the cap (default 100; without one the API uses ${AUTO_SCALING.defaultMaxCapacity}).`,
  kind: "guardrail",
  limits: ["maxAutoScalingCapacity"],
  check(view, { limits }) {
    const out = new OutcomeBuilder(this.name);
    nodeGroupsOf(view, out).forEach((g) => {
      const path = `${g.path}.autoScalingPolicy.constraints.maxCapacity`;
      const max = maxNodesOf(g, out);
      if (max === undefined || max === UNKNOWN) return;
      out.applies();
      if (!isKnown(g.maxCapacity)) {
        out.fail(path, `${g.label} has an auto-scaling policy without maxCapacity: the API then allows up to ${max} nodes, above the auto-scaling cap of ${limits.maxAutoScalingCapacity}`, `state constraints.maxCapacity, at most ${limits.maxAutoScalingCapacity}, e.g. { minCapacity: 2, maxCapacity: 40 }`);
      } else if (max > limits.maxAutoScalingCapacity) {
        out.fail(path, `MaxCapacity ${max} exceeds the auto-scaling cap of ${limits.maxAutoScalingCapacity} (${g.label})`, `set maxCapacity to ${limits.maxAutoScalingCapacity} or less, e.g. 40`);
      }
    });
    return out.build();
  },
};

/**
 * The scale-out / scale-in check of one node group against its live count. A policy cannot see the live count
 * (the analyzer gets only the new inputs), so the safe-scaling gate of the API client calls this.
 */
export function checkScaleChange(args: {
  groupName: string;
  groupType: string;
  /** The group's payment type; Subscription nodes are never released by a scale-in. */
  paymentType?: string;
  liveCount: number;
  plannedCount: number;
  tags: Record<string, unknown>;
  limits: import("./domain").GuardrailLimits;
}): { path: string; message: string; fix: string }[] {
  const { groupName, groupType, liveCount, plannedCount, limits } = args;
  const ack = (key: string) => {
    const v = args.tags[key];
    return typeof v === "string" && /^\d+$/.test(v) ? Number(v) : typeof v === "number" ? v : 0;
  };
  const delta = plannedCount - liveCount;
  const where = `node group "${groupName}"`;
  const problems: { path: string; message: string; fix: string }[] = [];
  const steps = (from: number, to: number, size: number) => {
    const out = [from];
    while (out[out.length - 1] !== to) out.push(from > to ? Math.max(to, out[out.length - 1] - size) : Math.min(to, out[out.length - 1] + size));
    return out.join(" -> ");
  };
  if (delta > 0) {
    if (delta > limits.maxScaleOutPerCall) {
      problems.push({ path: where, message: `scale-out of ${delta} nodes (${liveCount} -> ${plannedCount}) exceeds ${limits.maxScaleOutPerCall} nodes per update`, fix: `step it: ${steps(liveCount, plannedCount, limits.maxScaleOutPerCall)}, one update each` });
    } else if (delta > limits.scaleOutAckThreshold && delta > ack(ACK_TAGS.scaleOut)) {
      problems.push({ path: where, message: `scale-out of ${delta} nodes (${liveCount} -> ${plannedCount}) is above ${limits.scaleOutAckThreshold} without an acknowledgement`, fix: `acknowledge it with the tag ${ACK_TAGS.scaleOut}: "${delta}", or step it: ${steps(liveCount, plannedCount, limits.scaleOutAckThreshold)}` });
    }
  } else if (delta < 0) {
    if (groupType !== "TASK") {
      problems.push({ path: where, message: `a ${groupType} group is never scaled in (${liveCount} -> ${plannedCount}): only TASK groups are`, fix: `keep nodeCount at ${liveCount}; shrink a TASK group instead` });
    } else if (args.paymentType === "Subscription") {
      problems.push({ path: where, message: `${where} is Subscription: its nodes are never released by a scale-in (${liveCount} -> ${plannedCount})`, fix: `keep nodeCount at ${liveCount}; scale in a PayAsYouGo or Spot TASK group instead` });
    } else if (plannedCount === 0 && args.tags[ACK_TAGS.taskGroupToZero] !== "true") {
      problems.push({ path: where, message: `scaling ${where} to 0 nodes (from ${liveCount}) needs an acknowledgement`, fix: `acknowledge it with the tag ${ACK_TAGS.taskGroupToZero}: "true", or keep at least 1 node` });
    } else if (-delta > limits.maxScaleInPerCall) {
      problems.push({ path: where, message: `scale-in of ${-delta} nodes (${liveCount} -> ${plannedCount}) exceeds ${limits.maxScaleInPerCall} nodes per update: the provider would release them all in one DecreaseNodes call`, fix: `step it: ${steps(liveCount, plannedCount, limits.maxScaleInPerCall)}, one update each, at least 120 s apart` });
    }
  }
  return problems;
}
