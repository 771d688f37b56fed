/** What each threshold of guardrails.json means: the configSchema, `--explain` and the README state it from here. */
import { ACK_TAGS, SCALE_IN_GROUP_TYPES } from "../domain";
import type { LimitKey } from "./types";

const CHANGE_READERS = "the change-aware check, the live gate and EmrClient read this";

export const LIMIT_DESCRIPTIONS: Readonly<Record<LimitKey, string>> = {
  maxNodesPerGroupAtCreate: "Most nodes a node group may have at creation.",
  nodeGroupAckThreshold: `Node groups above this size need the ${ACK_TAGS.nodeCount} tag covering it.`,
  scaleOutAckThreshold: `A scale-out above this many nodes in one update needs the ${ACK_TAGS.scaleOut} tag naming it (${CHANGE_READERS}).`,
  maxScaleOutPerCall: `Most nodes one update may add to a node group (${CHANGE_READERS}).`,
  maxScaleInPerCall: `Most nodes one update may release from a ${SCALE_IN_GROUP_TYPES.join("/")} group (${CHANGE_READERS}).`,
  clusterNodesCostAckThreshold: `Clusters above this many nodes in total need the ${ACK_TAGS.clusterNodes} tag.`,
  maxAutoScalingCapacity: "Highest auto-scaling MaxCapacity.",
  subscriptionMonthsAckThreshold: `Subscriptions longer than this many months need the ${ACK_TAGS.subscriptionMonths} tag.`,
  monthlyCostAckThreshold: `A change that adds more than this to a cluster's monthly cost (in the price book's currency) needs the ${ACK_TAGS.monthlyCost} tag naming the amount (the change-aware check reads this, with --prices).`,
  priceBookMaxAgeDays: "A price book older than this many days (its oldest price) is reported, advisory (the check reads this, with --prices).",
};

export const PRODUCTION_STACKS_DESCRIPTION = "Stack names treated as production (* is a wildcard).";
