/** Node-count caps and acknowledgements, the cluster's total and the auto-scaling capacity cap (guardrails). */
import { maxNodesOf } from "./auto-scaling";
import { ACK_TAGS } from "./domain";
import { groupWeight } from "./size";
import { OutcomeBuilder, UNKNOWN, type Finding } from "./types";
import type { ClusterRule } from "./rule";
import { ackNumber, clusterView, isKnown, nodeGroupsOf, MALFORMED, type GroupView } from "./view";

/**
 * A node count, or undefined when it cannot be used: a preview unknown, or a count that is no whole number of at
 * least 0 (emr-provider-schema reports that one; here it only means the rule cannot tell), recorded as unknown.
 */
function countOf(g: GroupView, out: OutcomeBuilder): number | undefined {
  if (isKnown(g.nodeCount)) return g.nodeCount;
  if (g.nodeCount === UNKNOWN || g.nodeCount === MALFORMED) out.unknown(`${g.path}.nodeCount`);
  return undefined;
}

/** A group above the creation cap: the finding's path, what is wrong and the way to get there. */
function aboveCap(g: GroupView, n: number, cap: number): Omit<Finding, "rule"> {
  return {
    path: `${g.path}.nodeCount`,
    message: `${n} nodes is above the ${cap}-node cap for a node group at creation`,
    fix: `create it with at most ${cap} and grow it in steps (the change-aware check and the live gate hold each step to the limits in guardrails.json), or use auto scaling`,
  };
}

/**
 * The size of a node group: above the acknowledgement threshold it needs the node-count acknowledgement, and above
 * the creation cap that acknowledgement also says the size was reached by steps. One rule, so a group gets one
 * violation for its one fix (the tag). A policy sees only the planned end state, never whether the group is being
 * created or was grown to its size in steps (40 -> 90 -> 100, each step within the cap); the change-aware check and
 * the live gate, which see the before, hold every creation and every step to the cap and read the step limits this
 * policy carries in guardrails.json.
 */
export const nodeGroupSize: ClusterRule = {
  name: "emr-node-group-creation-cap",
  check(view, { limits }) {
    const out = new OutcomeBuilder(this.name);
    const cap = limits.maxNodesPerGroupAtCreate;
    const threshold = limits.nodeGroupAckThreshold;
    for (const g of nodeGroupsOf(view, out)) {
      const n = countOf(g, out);
      if (n === undefined) continue;
      out.applies();
      if (n <= Math.min(cap, threshold)) continue;
      const ack = ackNumber(view, ACK_TAGS.nodeCount);
      if (ack === UNKNOWN) {
        out.unknown(`tags[${JSON.stringify(ACK_TAGS.nodeCount)}]`);
        continue;
      }
      if (n <= ack) continue;
      const acked = ack ? `; acknowledged: ${ack}` : "";
      const tag = `the tag ${ACK_TAGS.nodeCount}: "${n}" (acknowledgements.nodeCount: ${n} in the EmrCluster spec)`;
      if (n > cap) {
        const f = aboveCap(g, n, cap);
        out.fail(f.path, `${f.message}, without an acknowledgement that it was reached by steps (${g.label}${acked})`, `${f.fix}; sign off a size reached by steps with ${tag}`);
      } else {
        out.fail(`${g.path}.nodeCount`, `${n} nodes is above the ${threshold}-node acknowledgement threshold without an acknowledgement (${g.label}${acked})`, `acknowledge it with ${tag}, or stay at ${threshold} or fewer`);
      }
    }
    return out.build();
  },
};

/**
 * The most nodes the cluster may have: each group at its count, an auto-scaled one at its MaxCapacity. A group that
 * cannot be counted yet makes the total unknown (never a pass), unless the part that is known already exceeds the
 * threshold without an acknowledgement covering it: that is a violation whatever the rest turns out to be.
 */
export const clusterTotalNodesAck: ClusterRule = {
  name: "emr-cluster-total-nodes-ack",
  check(view, { limits }) {
    const out = new OutcomeBuilder(this.name);
    let known = 0;
    let complete = true;
    let scaled = false;
    for (const g of nodeGroupsOf(view, out)) {
      const n = countOf(g, out);
      const max = maxNodesOf(g, out);
      if (max !== undefined) scaled = true;
      if (n === undefined || max === UNKNOWN) complete = false;
      known += groupWeight(n ?? 0, typeof max === "number" ? max : undefined);
    }
    if (!Array.isArray(view.nodeGroups)) return out.build();
    const threshold = limits.clusterNodesCostAckThreshold;
    const ack = known > threshold ? ackNumber(view, ACK_TAGS.clusterNodes) : 0;
    if (ack === UNKNOWN) return out.unknown(`tags[${JSON.stringify(ACK_TAGS.clusterNodes)}]`).build();
    if (known > threshold && known > ack) {
      const total = complete ? `${known}` : `at least ${known}`;
      out.fail(
        "nodeGroups",
        `the cluster may have ${total} nodes in total${scaled ? " (auto-scaled groups counted at their MaxCapacity)" : ""}${complete ? "" : ", counting only the groups known yet"}, above the ${threshold}-node cost threshold, without a cost acknowledgement${ack ? ` (acknowledged: ${ack})` : ""}`,
        `acknowledge the cost with the tag ${ACK_TAGS.clusterNodes}: "${known}" (acknowledgements.clusterNodes: ${known})${complete ? "" : " or more, once the other groups are known"}, or reduce the node groups or their maxCapacity`,
      );
    } else if (complete) out.applies();
    return out.build();
  },
};

export const autoScalingMaxCapacity: ClusterRule = {
  name: "emr-auto-scaling-max-capacity",
  check(view, { limits }) {
    const out = new OutcomeBuilder(this.name);
    nodeGroupsOf(view, out).forEach((g) => {
      const path = `${g.path}.autoScalingPolicy.constraints.maxCapacity`;
      const max = maxNodesOf(g, out);
      if (max === undefined || max === UNKNOWN) return;
      out.applies();
      if (!isKnown(g.maxCapacity)) {
        out.fail(path, `${g.label} has an auto-scaling policy without maxCapacity: the API then allows up to ${max} nodes, above the auto-scaling cap of ${limits.maxAutoScalingCapacity}`, `state constraints.maxCapacity, at most ${limits.maxAutoScalingCapacity}, e.g. { minCapacity: 2, maxCapacity: ${Math.max(2, Math.min(40, limits.maxAutoScalingCapacity))} }`);
      } else if (max > limits.maxAutoScalingCapacity) {
        out.fail(path, `MaxCapacity ${max} exceeds the auto-scaling cap of ${limits.maxAutoScalingCapacity} (${g.label})`, `set maxCapacity to ${limits.maxAutoScalingCapacity} or less, e.g. ${Math.min(40, limits.maxAutoScalingCapacity)}`);
      }
    });
    return out.build();
  },
};
