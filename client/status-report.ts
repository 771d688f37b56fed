/**
 * What emr-status says about one cluster, as data (`--json`) and as text. Pure: the CLI does the look-ups.
 */
import Table from "cli-table3";
import { formatReleaseChecklist, releaseChecklist, type ReleaseChecklist } from "./release-checklist";
import type { Cluster, ClusterSummary, NodeGroup, StateChangeReason } from "./schemas";

/** No ANSI colours: the output is read in CI logs and pipes as often as in terminals. */
export const PLAIN = { head: [] as string[], border: [] as string[] };

export const reasonText = (r: StateChangeReason | undefined) => (r?.Code ? `${r.Code}${r.Message ? `: ${r.Message}` : ""}` : "");

/** The lifecycle state in words. The API has no IDLE state: RUNNING covers both running and idle. */
export function lifecycleWords(state: string, reason?: StateChangeReason): string {
  const why = reasonText(reason);
  switch (state) {
    case "STARTING": return "starting (the console says Initializing): the ECS instances are being created";
    case "BOOTSTRAPPING": return "bootstrapping (the console says Initializing): bootstrap scripts and services are being installed";
    case "RUNNING": return "running; the API has no idle state, so running or idle (the console's Idle) cannot be told apart here";
    case "TERMINATING": return "terminating: it is being released";
    case "TERMINATED": return "terminated: it was released";
    case "START_FAILED": return `failed to start (the console says Startup Failed)${why ? `: ${why}` : ""}`;
    case "TERMINATED_WITH_ERRORS": return `failed: terminated with errors${why ? `: ${why}` : ""}`;
    case "TERMINATE_FAILED": return `failed: its release failed${why ? `: ${why}` : ""}`;
    default: return `${state} (not a documented ClusterState)`;
  }
}

export interface ClusterReport {
  clusterId: string;
  clusterName: string | undefined;
  regionId: string;
  state: string;
  lifecycle: string;
  stateChangeReason: StateChangeReason | undefined;
  deletionProtection: boolean | undefined;
  paymentType: string | undefined;
  /** ECS instances left (ListNodes, not Terminated): counted for Subscription clusters, whose release needs 0. */
  ecsInstancesLeft: number | undefined;
  nodeGroups: { nodeGroupId: string; name: string; type: string; state: string; runningNodes: number; paymentType: string | undefined; stateChangeReason: string }[];
  release: ReleaseChecklist;
}

export function clusterReport(regionId: string, c: Cluster, groups: NodeGroup[], ecsInstancesLeft: number | undefined): ClusterReport {
  return {
    clusterId: c.ClusterId, clusterName: c.ClusterName, regionId, state: c.ClusterState, lifecycle: lifecycleWords(c.ClusterState, c.StateChangeReason),
    stateChangeReason: c.StateChangeReason?.Code ? c.StateChangeReason : undefined,
    deletionProtection: c.DeletionProtection, paymentType: c.PaymentType, ecsInstancesLeft,
    nodeGroups: groups.map((g) => ({
      nodeGroupId: g.NodeGroupId, name: g.NodeGroupName, type: g.NodeGroupType, state: g.NodeGroupState, runningNodes: g.RunningNodeCount,
      paymentType: g.PaymentType, stateChangeReason: reasonText(g.StateChangeReason),
    })),
    release: releaseChecklist({
      paymentType: c.PaymentType, clusterId: c.ClusterId, clusterName: c.ClusterName, state: c.ClusterState,
      deletionProtection: c.DeletionProtection, ecsInstancesLeft, regionId,
    }),
  };
}

export function formatClusterReport(r: ClusterReport): string {
  const onOff = (v: boolean | undefined) => (v === undefined ? "unknown" : v ? "on" : "off");
  const lines = [
    `Cluster ${r.clusterId}${r.clusterName ? ` "${r.clusterName}"` : ""} in ${r.regionId}`,
    `  State:               ${r.state}: ${r.lifecycle}`,
    `  Deletion protection: ${onOff(r.deletionProtection)}`,
    `  Payment type:        ${r.paymentType ?? "unknown"}`,
  ];
  if (r.ecsInstancesLeft !== undefined) lines.push(`  ECS instances:       ${r.ecsInstancesLeft}`);
  if (r.nodeGroups.length) {
    const table = new Table({ head: ["NodeGroupId", "Name", "Type", "State", "Running", "Payment", "Last StateChangeReason"], style: PLAIN });
    for (const g of r.nodeGroups) table.push([g.nodeGroupId, g.name, g.type, g.state, String(g.runningNodes), g.paymentType ?? "", g.stateChangeReason]);
    lines.push(table.toString());
  } else {
    lines.push("  No node groups.");
  }
  lines.push(...formatReleaseChecklist(r.release));
  return lines.join("\n");
}

export function formatClusterList(clusters: ClusterSummary[]): string {
  const table = new Table({ head: ["ClusterId", "Name", "Type", "State", "Payment", "Protected", "Release", "Last StateChangeReason"], style: PLAIN });
  for (const c of clusters) {
    table.push([c.ClusterId, c.ClusterName ?? "", c.ClusterType ?? "", c.ClusterState, c.PaymentType ?? "", c.DeletionProtection === undefined ? "" : c.DeletionProtection ? "yes" : "no", c.ReleaseVersion ?? "", reasonText(c.StateChangeReason)]);
  }
  return table.toString();
}

/** Why a list came back empty: where we looked, as whom, with which filters. Never the secret. */
export function emptyListExplanation(where: { regionId: string; endpoint: string; accessKeyId: string | undefined; filters: string[] }): string {
  return [
    `No clusters found in region ${where.regionId} (endpoint ${where.endpoint}).`,
    `  Account: the one of AccessKey ID ${where.accessKeyId ? maskKeyId(where.accessKeyId) : "(from the credential chain: profile or CLI config)"}; clusters of other accounts are not listed.`,
    `  Filters: ${where.filters.length ? where.filters.join(", ") : "none"}.`,
    "  Clusters live in one region: try --region <id> (e.g. cn-shanghai), or check the account in the EMR console.",
  ].join("\n");
}

/** `LTAI5tAB…9xyz`: enough to tell keys apart, not enough to use one (the ID is not the secret, but still). */
export const maskKeyId = (id: string) => (id.length <= 8 ? `${id.slice(0, 2)}…` : `${id.slice(0, 6)}…${id.slice(-4)}`);
