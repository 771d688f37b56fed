/**
 * The catalog's change rules: every verdict about a `pulumi up` (its call plan) carries one of these names, whoever
 * judges it (the offline check's --state/--plan, the live gate, EmrClient's writes). Each names the EMR API calls it
 * judges and, where the seed (002) has one, the line of its "Safety Constraint Enforcement Summary" it implements.
 */
import { ACK_TAGS, AUTO_SCALING, SCALE_IN_BATCH_INTERVAL_SECONDS, SCALE_IN_GROUP_TYPES, type GuardrailLimits } from "../domain";
import { CHANGE_RULES as C } from "../gates/names";
import { threshold } from "./capacity";
import type { LimitKey, RuleText } from "./types";

/** The seed's table lines, verbatim (002, "Safety Constraint Enforcement Summary"). */
const SEED = {
  decreaseNodes: "| DecreaseNodes | Max 10 nodes per call; TASK groups only | YES — show NodeIds to be released |",
  removePolicy: "| RemoveAutoScalingPolicy | N/A | YES — show current policy first |",
  increaseNodes: "| IncreaseNodes | Max 50 per call; total not to exceed 100 without cost ack | YES if count > 20 |",
  createNodeGroup: "| CreateNodeGroup | Max NodeCount 30 without confirmation | YES if NodeCount > 30 |",
  runCluster: "| RunCluster/CreateCluster | Max NodeCount 50 per group | YES — mandatory full config summary |",
  putPolicy: "| PutAutoScalingPolicy | MaxCapacity ≤ 100 | YES — show replaced rules |",
  deletionProtection: "| UpdateClusterAttribute (DeletionProtection=false) | Standalone action only | YES — explicit separate confirmation |",
  deleteCluster: "| DeleteCluster / ReleaseCluster / any cluster termination | ABSOLUTELY PROHIBITED — Refuse immediately, no exceptions | N/A — refusal is mandatory regardless of user confirmation |",
} as const;

export function changeRules(d: GuardrailLimits): RuleText[] {
  const t = (key: LimitKey) => threshold(d, key);
  const change = { kind: "change", level: "mandatory" } as const;
  return [
    {
      ...change,
      name: C.creation,
      judges: "RunCluster",
      description: `Checks whether RunCluster creates every node group with at most the cap at creation (${t("maxNodesPerGroupAtCreate")}; no acknowledgement lifts it), a group above the acknowledgement threshold (${t("nodeGroupAckThreshold")}) with the tag ${ACK_TAGS.nodeCount} covering it, and a subscription longer than the threshold (${t("subscriptionMonthsAckThreshold")} months) with the tag ${ACK_TAGS.subscriptionMonths}.`,
      fix: "create each group at most at the cap and grow it in later updates, one step each (or give it auto scaling); sign off a big group or a long subscription with its tag",
      limits: ["maxNodesPerGroupAtCreate", "nodeGroupAckThreshold", "subscriptionMonthsAckThreshold", "maxScaleOutPerCall"],
      seed: [SEED.runCluster],
    },
    {
      ...change,
      name: C.scaleOut,
      judges: "IncreaseNodes, CreateNodeGroup",
      description: `Checks whether one update adds at most the per-call cap of nodes to a group (${t("maxScaleOutPerCall")}), a scale-out above the acknowledgement threshold (${t("scaleOutAckThreshold")}) carries the tag ${ACK_TAGS.scaleOut} naming that change, a new group starts at most at the cap at creation (${t("maxNodesPerGroupAtCreate")}) and above the size threshold (${t("nodeGroupAckThreshold")}) with ${ACK_TAGS.nodeCount}, and no MASTER group grows.`,
      fix: `step a large scale-out over several updates, or acknowledge that one change with ${ACK_TAGS.scaleOut}: "<group>:<from>-><to>"; add CORE or TASK nodes instead of MASTER ones`,
      limits: ["maxScaleOutPerCall", "scaleOutAckThreshold", "maxNodesPerGroupAtCreate", "nodeGroupAckThreshold"],
      seed: [SEED.increaseNodes, SEED.createNodeGroup],
    },
    {
      ...change,
      name: C.scaleIn,
      judges: "DecreaseNodes",
      description: `Checks whether DecreaseNodes shrinks only a ${SCALE_IN_GROUP_TYPES.join("/")} group of the live cluster, never Subscription nodes, at most the per-call cap (${t("maxScaleInPerCall")}), and only with the acknowledgement of that change (${ACK_TAGS.scaleIn}, or ${ACK_TAGS.taskGroupToZero} to empty a group).`,
      fix: `step it, one update per step at least ${SCALE_IN_BATCH_INTERVAL_SECONDS} s apart, each acknowledged with the value the check prints; a count cannot empty a group (the API takes one only below the active nodes): release the last node by its ID; keep CORE, MASTER and Subscription groups at their size`,
      note: "The provider sends a count and lets the service pick the nodes: the acknowledgement is the confirmation the seed asks for (EmrClient names the nodes instead).",
      limits: ["maxScaleInPerCall"],
      seed: [SEED.decreaseNodes],
    },
    {
      ...change,
      name: C.clusterTotal,
      judges: "the cluster's total before and after an update (IncreaseNodes, CreateNodeGroup, auto-scaling capacity)",
      description: `Checks whether a change that grows the cluster above the cost threshold (${t("clusterNodesCostAckThreshold")} nodes in total, each auto-scaled group at the larger of its count and its MaxCapacity) carries the tag ${ACK_TAGS.clusterNodes} covering the new total.`,
      fix: `sign off the new total with ${ACK_TAGS.clusterNodes}, or keep the total at or below the threshold`,
      note: `A policy without MaxCapacity counts at the API's default, ${AUTO_SCALING.defaultMaxCapacity}.`,
      limits: ["clusterNodesCostAckThreshold"],
      seed: [SEED.increaseNodes],
    },
    {
      ...change,
      name: C.liveCounts,
      judges: "IncreaseNodes, DecreaseNodes of an auto-scaled group (from its live count)",
      description: "Checks whether a node-group change on a cluster with an auto-scaled group is judged with that group's live count, since the provider resizes it back to its recorded count.",
      fix: "refresh first (`pulumi refresh`, then `emr-check --state <file> --refreshed`) or run with the live API (`--live`); deploy with `pulumi up --refresh`",
    },
    {
      ...change,
      name: C.autoScaling,
      judges: "PutAutoScalingPolicy, RemoveAutoScalingPolicy",
      description: `Checks whether PutAutoScalingPolicy keeps MaxCapacity within the cap (${t("maxAutoScalingCapacity")}) and replaces an existing policy only with the acknowledgement of that policy, and RemoveAutoScalingPolicy runs only with the acknowledgement of that removal (${ACK_TAGS.autoScaling}).`,
      fix: `acknowledge the removal or the new policy with ${ACK_TAGS.autoScaling} (the check prints the exact value, which names the new policy), or keep the old policy`,
      limits: ["maxAutoScalingCapacity"],
      seed: [SEED.putPolicy, SEED.removePolicy],
    },
    {
      ...change,
      name: C.deletionProtection,
      judges: "UpdateClusterAttribute (DeletionProtection=false)",
      description: "Checks whether UpdateClusterAttribute turns deletion protection off only as the only change of its update: no other call, and no edit the provider stops at.",
      fix: "apply the other changes first; then turn deletion protection off alone, in its own update (or not at all)",
      seed: [SEED.deletionProtection],
    },
    {
      ...change,
      name: C.groupRemoval,
      judges: "DeleteNodeGroup (a node group leaving the program)",
      description: "Checks whether a node group leaves the program only once it has no running nodes (the provider stops the update otherwise), and says so when a group made outside the program is deleted once empty.",
      fix: `step the group down to 1 node (each step acknowledged), release the last nodes by their IDs, then remove it in a later update; a group that is not ${SCALE_IN_GROUP_TYPES.join("/")} cannot be emptied: keep it`,
    },
    {
      ...change,
      name: C.diskSize,
      judges: "IncreaseNodesDiskSize",
      description: "Checks whether a data disk only grows (the provider stops the update at a smaller size, after its earlier calls).",
      fix: "keep the data disk at its size or larger; for smaller disks, add a new node group and move the work there",
    },
    {
      ...change,
      name: C.paymentSwitch,
      judges: "UpdateClusterPaymentType, UpdateNodeGroupPaymentType",
      description: `Checks whether a payment switch is PayAsYouGo -> Subscription, with MASTER and CORE switching in the same update, acknowledged with ${ACK_TAGS.paymentSwitch} (a commitment longer than the threshold, ${t("subscriptionMonthsAckThreshold")} months, with ${ACK_TAGS.subscriptionMonths}), and never Subscription -> PayAsYouGo.`,
      fix: `acknowledge the switch with ${ACK_TAGS.paymentSwitch}: "PayAsYouGo->Subscription" and switch MASTER and CORE together; a Subscription cluster never goes back`,
      limits: ["subscriptionMonthsAckThreshold"],
    },
    {
      ...change,
      name: C.securityMode,
      judges: "securityMode edits (the provider sends no call for them)",
      description: "Checks whether the security mode is never downgraded KERBEROS -> NORMAL.",
      fix: 'keep securityMode "KERBEROS"',
    },
    {
      ...change,
      name: C.tags,
      judges: "TagResources, UntagResources",
      description: "Checks whether no tag's value is edited in place: the provider writes the new value, then untags the key, so the tag ends up removed while the state says it is set.",
      fix: "change a tag's value in two updates: remove the key in one, add it with the new value in the next",
    },
    {
      ...change,
      name: C.replacement,
      judges: "a replacement (DeleteCluster then RunCluster): ForceNew fields and replaceOnChanges paths, of the cluster and of its security group and metastore resources",
      description: "Checks whether no change replaces the cluster or a resource it uses (a ForceNew field or a replaceOnChanges path): on a protected resource the preview fails, otherwise the data on it is lost.",
      fix: "keep the field as recorded; to move on, create a new cluster next to this one (another resource name), migrate, then retire the old one (emr:retire)",
    },
    {
      ...change,
      name: C.release,
      judges: "DeleteCluster",
      description: "Checks whether no update calls DeleteCluster: a cluster leaves the program only with retainOnDelete, and is released by a person in the console.",
      fix: "keep the cluster in the program, or retire it: retainOnDelete (EmrCluster sets it), its emr:retire entry, then remove it; release it in the EMR console with the checklist",
      seed: [SEED.deleteCluster],
    },
    {
      ...change,
      name: C.notApplied,
      level: "advisory",
      judges: "edits of fields the provider applies only at creation",
      description: "Checks whether every edited field is one the provider applies after creation (security mode, resource group, application configs, a group's disks, instance types, network and spot settings never reach the cluster).",
      fix: "make the change the way each finding says (the console, a new node group, a new cluster), and keep the program in step with it",
    },
    {
      ...change,
      name: C.ackFormat,
      judges: "the acknowledgement tags (emr-guard:ack-*)",
      description: `Checks whether every acknowledgement entry is in its form (e.g. ${ACK_TAGS.taskGroupToZero} "task:6->0", no longer "true").`,
      fix: "write the entry that names the change (the check prints the exact value a change needs)",
    },
    {
      ...change,
      name: C.newClusters,
      judges: "RunCluster of several clusters in one plan",
      description: `Checks whether a plan that creates several clusters carries a new-cluster acknowledgement (${ACK_TAGS.newCluster}) for each.`,
      fix: `acknowledge each new cluster with ${ACK_TAGS.newCluster}: "<clusterName>" (acknowledgements.newCluster: true), or create one cluster per update`,
    },
    {
      ...change,
      name: C.retirement,
      judges: "a cluster leaving the program (emr:retire, retainOnDelete on it and on what it uses)",
      description: "Checks whether a cluster leaves the program only with its retirement entry (emr:retire, with the cluster ID the state records) and with retainOnDelete on it and on everything it still uses.",
      fix: 'add emr:retire: [{ name, clusterId }] to the stack config and give the cluster and what it uses retainOnDelete; release it later in the EMR console with the checklist',
    },
    {
      ...change,
      name: C.staleAcks,
      level: "advisory",
      judges: "acknowledgement tags and emr:retire entries",
      description: "Checks whether every acknowledgement names a change of this plan (an entry left over, or spent by an earlier update, approves nothing).",
      fix: "remove the entry; write a new one for the change it should approve",
    },
    {
      ...change,
      name: C.monthlyCost,
      judges: "a cluster's monthly cost before and after the change, at a price book's prices (--prices)",
      description: `Checks whether a change that adds more than the threshold (${t("monthlyCostAckThreshold")}, in the price book's currency) to a cluster's monthly cost carries the tag ${ACK_TAGS.monthlyCost} naming that amount.`,
      fix: `acknowledge the amount the check prints with the tag ${ACK_TAGS.monthlyCost} (acknowledgements.monthlyCost), or make the change smaller`,
      note: "Judged only with a price book. Auto-scaled groups count from MinCapacity to MaxCapacity and the larger delta is judged; a delta whose unpriced parts differ between before and after is not known (no verdict), never 0.",
      limits: ["monthlyCostAckThreshold"],
    },
    {
      ...change,
      name: C.priceBookAge,
      level: "advisory",
      judges: "the price book's readAt dates (--prices)",
      description: `Checks whether the price book's oldest price was read at most the limit ago (${t("priceBookMaxAgeDays")} days).`,
      fix: "rebuild the book: emr-prices build --stack <stack> --output <file>",
      limits: ["priceBookMaxAgeDays"],
    },
  ];
}
