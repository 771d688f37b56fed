/** Node-count caps and acknowledgements, the cluster's total and the auto-scaling capacity cap (guardrails). */
import { maxNodesOf } from "./auto-scaling";
import { ACK_TAGS, AUTO_SCALING } from "./domain";
import { OutcomeBuilder, UNKNOWN } from "./types";
import type { ClusterRule } from "./rule";
import { isKnown, nodeGroupsOf, tagNumber, MALFORMED, type GroupView } from "./view";

/** A node count, or a finding/unknown recorded; undefined when it cannot be used. */
function countOf(g: GroupView, out: OutcomeBuilder): number | undefined {
  if (g.nodeCount === UNKNOWN) out.unknown(`${g.path}.nodeCount`);
  else if (g.nodeCount === MALFORMED) out.fail(`${g.path}.nodeCount`, `${g.label} has a nodeCount that is not a whole number`, "set nodeCount to a number, e.g. 3");
  else if (isKnown(g.nodeCount)) return g.nodeCount;
  return undefined;
}

/**
 * The per-group cap at creation. A policy sees only the planned end state, never whether the group is being created
 * or was grown to its size in steps (40 -> 90 -> 100, each step within the cap), so a size above the cap that is
 * signed off with the node-count acknowledgement counts as reached by steps; the change-aware check and the live gate
 * (change/steps.ts), which see the before, hold every creation and every step to the cap.
 */
export const nodeGroupCreationCap: ClusterRule = {
  name: "emr-node-group-creation-cap",
  description: "Checks whether every node group has at most the per-group cap of nodes at creation (default 50), unless its size is acknowledged as reached by steps; its step properties are the change-aware check's and the live gate's.",
  kind: "guardrail",
  limits: ["maxNodesPerGroupAtCreate", "maxScaleOutPerCall", "scaleOutAckThreshold", "maxScaleInPerCall"],
  check(view, { limits }) {
    const out = new OutcomeBuilder(this.name);
    const ack = tagNumber(view, ACK_TAGS.nodeCount) ?? 0;
    nodeGroupsOf(view, out).forEach((g) => {
      const n = countOf(g, out);
      if (n === undefined) return;
      out.applies();
      if (n > limits.maxNodesPerGroupAtCreate && n > ack) {
        out.fail(
          `${g.path}.nodeCount`,
          `${n} exceeds the ${limits.maxNodesPerGroupAtCreate}-node cap for a node group at creation (${g.label})`,
          `create it with at most ${limits.maxNodesPerGroupAtCreate} and grow it in steps of at most ${limits.maxScaleOutPerCall}, or use auto scaling; a size reached by steps is signed off with the tag ${ACK_TAGS.nodeCount}: "${n}" (acknowledgements.nodeCount: ${n})`,
        );
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
