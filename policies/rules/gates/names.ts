/**
 * The change rules: every verdict about a `pulumi up` (a call plan) carries one of these names. Each judges one
 * concern across every caller: the offline check (`--state`, `--plan`), the live gate and EmrClient's writes.
 */
import type { ChangeLevel } from "../change/types";

export const CHANGE_RULES = {
  creation: "emr-change-creation",
  scaleOut: "emr-change-scale-out",
  scaleIn: "emr-change-scale-in",
  clusterTotal: "emr-change-cluster-total",
  liveCounts: "emr-change-live-counts",
  autoScaling: "emr-change-auto-scaling",
  deletionProtection: "emr-change-deletion-protection",
  groupRemoval: "emr-change-group-removal",
  diskSize: "emr-change-disk-size",
  paymentSwitch: "emr-change-payment-switch",
  securityMode: "emr-change-security-mode",
  tags: "emr-change-tags",
  replacement: "emr-change-replacement",
  release: "emr-change-release",
  notApplied: "emr-change-not-applied",
  ackFormat: "emr-change-ack-format",
  newClusters: "emr-change-new-clusters",
  retirement: "emr-change-retirement",
  staleAcks: "emr-change-stale-acks",
} as const;
export type ChangeRuleName = (typeof CHANGE_RULES)[keyof typeof CHANGE_RULES];

/** Each rule's level and one line stating what it checks (the API call it judges, where there is one). */
export const CHANGE_RULE_INFO: Readonly<Record<ChangeRuleName, { level: ChangeLevel; description: string }>> = {
  [CHANGE_RULES.creation]: { level: "mandatory", description: "RunCluster: every node group at most the per-group cap at creation (no acknowledgement lifts it), a group above the size threshold acknowledged, a subscription above the length threshold acknowledged." },
  [CHANGE_RULES.scaleOut]: { level: "mandatory", description: "IncreaseNodes and CreateNodeGroup: at most the per-call cap of nodes in one update, above the acknowledgement threshold only with the acknowledgement of that change, never on a MASTER group." },
  [CHANGE_RULES.scaleIn]: { level: "mandatory", description: "DecreaseNodes: only on a TASK group of the live cluster, never on Subscription nodes, at most the per-call cap, and only with the acknowledgement of that change (the provider lets the service pick the nodes)." },
  [CHANGE_RULES.clusterTotal]: { level: "mandatory", description: "A change that grows the cluster above the cost threshold in total (auto-scaled groups at max(nodeCount, MaxCapacity)) carries the acknowledgement of the new total." },
  [CHANGE_RULES.liveCounts]: { level: "mandatory", description: "A node-group change on a cluster with an auto-scaled group is judged with its live count: refresh first (or run with the live API), since the provider resizes that group back to its recorded count." },
  [CHANGE_RULES.autoScaling]: { level: "mandatory", description: "PutAutoScalingPolicy keeps MaxCapacity within the cap and replaces an existing policy only with the acknowledgement of that policy; RemoveAutoScalingPolicy only with the acknowledgement of that removal." },
  [CHANGE_RULES.deletionProtection]: { level: "mandatory", description: "UpdateClusterAttribute DeletionProtection=false only as the only call of its update." },
  [CHANGE_RULES.groupRemoval]: { level: "mandatory", description: "A node group leaves the program only once it has no running nodes (the provider stops the update otherwise); a group made outside the program is deleted once empty." },
  [CHANGE_RULES.diskSize]: { level: "mandatory", description: "A data disk only grows (the provider stops the update at a smaller size, after its earlier calls)." },
  [CHANGE_RULES.paymentSwitch]: { level: "mandatory", description: "A payment switch is PayAsYouGo -> Subscription, with MASTER and CORE switching in the same update, acknowledged; never Subscription -> PayAsYouGo." },
  [CHANGE_RULES.securityMode]: { level: "mandatory", description: "The security mode is never downgraded KERBEROS -> NORMAL." },
  [CHANGE_RULES.tags]: { level: "mandatory", description: "A tag's value is not edited in place: the provider writes the new value, then untags the key (the tag ends up removed while the state says it is set)." },
  [CHANGE_RULES.replacement]: { level: "mandatory", description: "No change replaces the cluster (a ForceNew field or a replaceOnChanges path): on a protected cluster the preview fails, otherwise the data on it is lost." },
  [CHANGE_RULES.release]: { level: "mandatory", description: "No update calls DeleteCluster: a cluster leaves the program only with retainOnDelete, and is released by a person in the console." },
  [CHANGE_RULES.notApplied]: { level: "advisory", description: "Every edited field is one the provider applies after creation (security mode, resource group, application configs, a group's disks, instance types, network and spot settings never reach the cluster)." },
  [CHANGE_RULES.ackFormat]: { level: "mandatory", description: "Every acknowledgement entry is in its form (e.g. ack-task-to-zero \"task:6->0\", no longer \"true\")." },
  [CHANGE_RULES.newClusters]: { level: "mandatory", description: "A plan that creates several clusters carries a new-cluster acknowledgement for each." },
  [CHANGE_RULES.retirement]: { level: "mandatory", description: "A cluster leaves the program only with its retirement entry (emr:retire, with the cluster ID the state records) and with retainOnDelete on it and on everything it still uses." },
  [CHANGE_RULES.staleAcks]: { level: "advisory", description: "Every acknowledgement names a change of this plan (an entry left over, or spent by an earlier update, approves nothing)." },
};
