/** The catalog's capacity and protection policies: node-count caps and acknowledgements, auto scaling, payment. */
import { ACK_TAGS, AUTO_SCALING, MONTHS_PER_UNIT, PAYMENT_DURATIONS, type GuardrailLimits } from "../domain";
import type { LimitKey, RuleText } from "./types";

/** A threshold in a rule's text: its name and the catalog's default, `nodeGroupAckThreshold, default 30`. */
export const threshold = (d: GuardrailLimits, key: LimitKey): string => `${key}, default ${d[key]}`;

const UNITS = Object.keys(PAYMENT_DURATIONS) as (keyof typeof PAYMENT_DURATIONS)[];
/** `Month: 1, 2, ...; Year: 1, ...`: the durations the API accepts per unit. */
export const DURATIONS_TEXT = UNITS.map((u) => `${u}: ${PAYMENT_DURATIONS[u].join(", ")}`).join("; ");
export const YEAR_TEXT = `a Year counts as ${MONTHS_PER_UNIT.Year} months`;

export function capacityRules(d: GuardrailLimits): RuleText[] {
  const t = (key: LimitKey) => threshold(d, key);
  return [
    {
      name: "emr-node-group-creation-cap",
      kind: "guardrail",
      level: "mandatory",
      judges: `nodeGroups[].nodeCount and the tag ${ACK_TAGS.nodeCount}`,
      description: `Checks whether every node group above the acknowledgement threshold (${t("nodeGroupAckThreshold")}) carries the tag ${ACK_TAGS.nodeCount} covering its size; above the cap at creation (${t("maxNodesPerGroupAtCreate")}) that tag states the size was reached by steps.`,
      fix: `stay at or below the threshold, or sign off the size with the tag ${ACK_TAGS.nodeCount} (acknowledgements.nodeCount in the EmrCluster spec); a group above the cap is created at the cap and grown in steps, or given auto scaling`,
      note: "A policy sees only the planned end state, never whether a group is created or was grown to its size in steps: the change rules hold each creation and each step to the cap (emr-change-creation, emr-change-scale-out). One violation per group, for its one fix.",
      limits: ["maxNodesPerGroupAtCreate", "nodeGroupAckThreshold"],
      hosts: ["maxScaleOutPerCall", "scaleOutAckThreshold", "maxScaleInPerCall"],
    },
    {
      name: "emr-cluster-total-nodes-ack",
      kind: "guardrail",
      level: "mandatory",
      judges: `nodeGroups[].nodeCount, nodeGroups[].autoScalingPolicy.constraints.maxCapacity and the tag ${ACK_TAGS.clusterNodes}`,
      description: `Checks whether a cluster that may grow above the cost threshold (${t("clusterNodesCostAckThreshold")} nodes in total, each auto-scaled group counted at its MaxCapacity) carries the tag ${ACK_TAGS.clusterNodes} covering its total.`,
      fix: `sign off the total with the tag ${ACK_TAGS.clusterNodes} (acknowledgements.clusterNodes), or reduce the node groups or their maxCapacity`,
      note: `An auto-scaled group counts at the larger of its nodeCount and its MaxCapacity (the API's ${AUTO_SCALING.defaultMaxCapacity} when the policy states none). A group that cannot be counted yet makes the total unknown, unless the known part already exceeds the threshold.`,
      limits: ["clusterNodesCostAckThreshold"],
      // The cost rules of the change-aware check (policies/rules/cost) read these two with a price book (--prices).
      hosts: ["monthlyCostAckThreshold", "priceBookMaxAgeDays"],
    },
    {
      name: "emr-auto-scaling-max-capacity",
      kind: "guardrail",
      level: "mandatory",
      judges: "nodeGroups[].autoScalingPolicy.constraints.maxCapacity",
      description: `Checks whether every auto-scaling policy states a MaxCapacity of at most the cap (${t("maxAutoScalingCapacity")}; without one the API uses ${AUTO_SCALING.defaultMaxCapacity}).`,
      fix: "state constraints.maxCapacity in every auto-scaling policy, at most the cap",
      limits: ["maxAutoScalingCapacity"],
    },
    {
      name: "emr-auto-scaling-ignore-changes",
      kind: "guardrail",
      level: "advisory",
      judges: "nodeGroups[].autoScalingPolicy and the resource option ignoreChanges",
      description: "Checks whether every auto-scaled node group's nodeCount is in the resource's ignoreChanges option (nodeGroups[i].nodeCount, or a path covering it: nodeGroups[*].nodeCount, nodeGroups[i], nodeGroups[*], nodeGroups).",
      fix: 'add "nodeGroups[<i>].nodeCount" to the resource\'s ignoreChanges option (EmrCluster does this)',
      note: "The provider reads nodeCount back from the live count, so without it every deploy scales the group back to the program's count.",
    },
    {
      name: "emr-auto-scaling-bounds",
      kind: "validity",
      level: "mandatory",
      judges: "nodeGroups[].autoScalingPolicy.constraints and nodeGroups[].nodeCount",
      description: "Checks whether every auto-scaling policy has minCapacity <= maxCapacity (their range is the provider's: emr-provider-schema) and its group's nodeCount within [minCapacity, maxCapacity].",
      fix: "set minCapacity at most maxCapacity, and nodeCount between them",
    },
    {
      name: "emr-subscription-duration-ack",
      kind: "guardrail",
      level: "mandatory",
      judges: `paymentType, subscriptionConfig (cluster and node groups) and the tag ${ACK_TAGS.subscriptionMonths}`,
      description: `Checks whether a Subscription (cluster or node group) longer than the threshold (${t("subscriptionMonthsAckThreshold")} months; ${YEAR_TEXT}) carries the tag ${ACK_TAGS.subscriptionMonths} covering it.`,
      fix: `sign off the length with the tag ${ACK_TAGS.subscriptionMonths} (acknowledgements.subscriptionMonths), or subscribe for fewer months`,
      note: "A subscriptionConfig left on a PayAsYouGo cluster or group buys nothing and is not held to it.",
      limits: ["subscriptionMonthsAckThreshold"],
    },
    {
      name: "emr-subscription-config",
      kind: "validity",
      level: "mandatory",
      judges: "paymentType and subscriptionConfig (cluster and node groups)",
      description: `Checks whether every Subscription (cluster or node group) has a subscriptionConfig with a paymentDuration and paymentDurationUnit, and a duration the API accepts for its unit (${DURATIONS_TEXT}).`,
      fix: 'add subscriptionConfig: { paymentDuration, paymentDurationUnit: "Month" or "Year" } with a duration of that unit',
    },
    {
      name: "emr-deletion-protection",
      kind: "guardrail",
      level: "mandatory",
      judges: "deletionProtection",
      description: "Checks whether the cluster has deletionProtection set to true.",
      fix: "keep deletionProtection: true (EmrCluster sets it); nothing in this project turns it off: to release a cluster, retire it (emr:retire) and turn protection off in the EMR console, as the release checklist says",
      remediation: true,
    },
    {
      name: "emr-protect-option",
      kind: "guardrail",
      level: "mandatory",
      judges: "the resource option protect",
      description: "Checks whether the cluster carries the Pulumi protect resource option, so pulumi destroy fails on it.",
      fix: "pass { protect: true } in the resource options (EmrCluster sets it unless protect: false)",
    },
  ];
}
