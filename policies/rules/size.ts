/**
 * A cluster's size for the cost threshold, one way for every caller (the pack's emr-cluster-total-nodes-ack, the call
 * plan's before and after, the call gates and EmrClient's writes): each group counts at its node count, an auto-scaled
 * group at the larger of its count and the most nodes its policy allows.
 */
import { AUTO_SCALING } from "./domain";

/** The most nodes an auto-scaled group may reach: its MaxCapacity, or the API's default when the policy states none. */
export function scalingCeiling(maxCapacity: number | undefined): number {
  return maxCapacity ?? AUTO_SCALING.defaultMaxCapacity;
}

/** A group's weight in the cluster's size: its count, or for an auto-scaled group (a ceiling) the larger of the two. */
export function groupWeight(count: number, ceiling: number | undefined): number {
  return ceiling === undefined ? count : Math.max(count, ceiling);
}
