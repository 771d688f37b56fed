/** Node-count caps, acknowledgements, auto-scaling capacity and subscription length. */
import { ACK_TAGS } from "./domain";
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
  description: `Checks whether a cluster above the cost threshold (default 100 nodes in total) carries the tag ${ACK_TAGS.clusterNodes} covering its total.`,
  check(view, { limits }) {
    const out = new OutcomeBuilder(this.name);
    let total = 0;
    let complete = true;
    nodeGroupsOf(view, out).forEach((g) => {
      const n = countOf(g, out);
      if (n === undefined) complete = false;
      else total += n;
    });
    const ack = tagNumber(view, ACK_TAGS.clusterNodes) ?? 0;
    if (total > limits.clusterNodesCostAckThreshold && total > ack) {
      out.fail(
        "nodeGroups",
        `the cluster has ${total} nodes in total, above the ${limits.clusterNodesCostAckThreshold}-node cost threshold, without a cost acknowledgement${ack ? ` (acknowledged: ${ack})` : ""}`,
        `acknowledge the cost with the tag ${ACK_TAGS.clusterNodes}: "${total}" (acknowledgements.clusterNodes: ${total}), or reduce the node groups`,
      );
    } else if (complete && Array.isArray(view.nodeGroups)) out.applies();
    return out.build();
  },
};

export const autoScalingMaxCapacity: ClusterRule = {
  name: "emr-auto-scaling-max-capacity",
  description: "Checks whether every auto-scaling policy's MaxCapacity is at most the cap (default 100).",
  check(view, { limits }) {
    const out = new OutcomeBuilder(this.name);
    nodeGroupsOf(view, out).forEach((g) => {
      const path = `${g.path}.autoScalingPolicy.constraints.maxCapacity`;
      if (g.maxCapacity === UNKNOWN) return void out.unknown(path);
      if (g.maxCapacity === MALFORMED) return void out.fail(path, `${g.label} has a MaxCapacity that is not a number`, "set constraints.maxCapacity to a whole number, e.g. 40");
      if (!isKnown(g.maxCapacity)) return;
      out.applies();
      if (g.maxCapacity > limits.maxAutoScalingCapacity) {
        out.fail(path, `MaxCapacity ${g.maxCapacity} exceeds the auto-scaling cap of ${limits.maxAutoScalingCapacity} (${g.label})`, `set maxCapacity to ${limits.maxAutoScalingCapacity} or less, e.g. 40`);
      }
    });
    return out.build();
  },
};

export const subscriptionDurationAck: ClusterRule = {
  name: "emr-subscription-duration-ack",
  description: `Checks whether a Subscription longer than the threshold (default 12 months) carries the tag ${ACK_TAGS.subscriptionMonths} covering it.`,
  check(view, { limits }) {
    const out = new OutcomeBuilder(this.name);
    const ack = tagNumber(view, ACK_TAGS.subscriptionMonths) ?? 0;
    const checkMonths = (months: unknown, path: string, what: string) => {
      if (months === UNKNOWN) return void out.unknown(path);
      if (months === MALFORMED) return void out.fail(path, `${what} has a paymentDuration that is not a number`, "set paymentDuration in months, e.g. 12");
      if (typeof months !== "number") return;
      out.applies();
      if (months > limits.subscriptionMonthsAckThreshold && months > ack) {
        out.fail(path, `a ${months}-month subscription (${what}) is longer than ${limits.subscriptionMonthsAckThreshold} months without a cost acknowledgement`, `acknowledge it with the tag ${ACK_TAGS.subscriptionMonths}: "${months}" (acknowledgements.subscriptionMonths: ${months}), or subscribe for ${limits.subscriptionMonthsAckThreshold} months`);
      }
    };
    checkMonths(view.subscriptionMonths, "subscriptionConfig.paymentDuration", "the cluster");
    nodeGroupsOf(view, out).forEach((g) => checkMonths(g.subscriptionMonths, `${g.path}.subscriptionConfig.paymentDuration`, g.label));
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
