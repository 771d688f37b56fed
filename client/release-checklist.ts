/**
 * Whether a cluster could be released now, and the console steps to do it (seed: "E-MapReduce: Release a
 * cluster"). Pure: emr-status fills it from the live API, the offline check from the recorded state.
 *
 * Nothing in this project releases a cluster. The checklist names console steps only, never an API call or a CLI
 * command that deletes, so that the release stays a person's deliberate act in the console.
 */

export const EMR_CONSOLE_URL = "https://emr.console.aliyun.com/";

export interface ReleaseFacts {
  paymentType: string | undefined;
  clusterId: string;
  clusterName?: string;
  /** The API's ClusterState (STARTING, RUNNING, START_FAILED, ...). */
  state: string;
  deletionProtection: boolean | undefined;
  /** ECS instances still in the cluster (ListNodes), any state but Terminated; undefined when not counted. */
  ecsInstancesLeft?: number;
  /** For the console's region selector. */
  regionId?: string;
}

export interface ReleaseChecklist {
  /** True only when every condition the console checks holds now. */
  releasableNow: boolean;
  /** Why it cannot be released now (empty when it can). */
  blockers: string[];
  /** What to do, in order, in the console. */
  steps: string[];
  /** What a release means: data loss, the metastore, refunds. */
  consequences: string[];
}

/** States in which the console offers Release, per payment type (the console's words in brackets). */
const RELEASABLE: Record<"PayAsYouGo" | "Subscription", readonly string[]> = {
  // Initializing = STARTING / BOOTSTRAPPING; the console's Idle is RUNNING in the API.
  PayAsYouGo: ["STARTING", "BOOTSTRAPPING", "RUNNING"],
  Subscription: ["RUNNING", "START_FAILED"],
};
const CONSOLE_WORDS: Record<string, string> = {
  STARTING: "Initializing", BOOTSTRAPPING: "Initializing", RUNNING: "Running (or Idle)", START_FAILED: "Startup Failed",
};
const consoleStates = (states: readonly string[]) => [...new Set(states.map((s) => CONSOLE_WORDS[s] ?? s))].join(", ");

export function releaseChecklist(f: ReleaseFacts): ReleaseChecklist {
  const label = `${f.clusterName ? `"${f.clusterName}" ` : ""}(${f.clusterId})`;
  if (f.state === "TERMINATED" || f.state === "TERMINATING") {
    const what = f.state === "TERMINATED" ? "is already released" : "is being released now";
    return { releasableNow: false, blockers: [`the cluster ${what} (${f.state})`], steps: [], consequences: [] };
  }
  const subscription = f.paymentType === "Subscription";
  const allowed = RELEASABLE[subscription ? "Subscription" : "PayAsYouGo"];
  const blockers: string[] = [];
  if (!allowed.includes(f.state)) {
    blockers.push(`its state is ${f.state}; a ${subscription ? "Subscription" : "pay-as-you-go"} cluster is released only while ${consoleStates(allowed)}`);
  }
  if (f.deletionProtection !== false) blockers.push(f.deletionProtection === undefined ? "deletion protection is not known to be off" : "deletion protection is on");
  if (subscription && f.ecsInstancesLeft !== 0) {
    blockers.push(f.ecsInstancesLeft === undefined ? "its ECS instances were not counted; all must be released first" : `${f.ecsInstancesLeft} ECS ${f.ecsInstancesLeft === 1 ? "instance remains" : "instances remain"}; all must be released first (stopped ones too)`);
  }

  const open = `Log on to ${EMR_CONSOLE_URL}, click EMR on ECS, select the region${f.regionId ? ` ${f.regionId}` : ""} and the resource group, and find the cluster ${label}.`;
  const steps = [open];
  if (f.deletionProtection !== false) steps.push("On its Basic Information tab, turn Deletion Protection off (if it is managed by Pulumi, retire it from the program first: see \"Retiring a cluster\" in the README).");
  if (subscription) {
    steps.push("Release every ECS instance of the cluster in the ECS console (a stopped instance that is not released blocks the release); tasks still running on an instance fail.");
    steps.push("The cluster is then released automatically within 15 minutes; follow the refund under Expenses > Orders in the EMR console.");
  } else {
    steps.push("Move the pointer over the more icon of the cluster and select Release (or, on Basic Information: All Operations > Cluster Operation > Release).");
    steps.push("In the Release Cluster message, click OK.");
  }
  const consequences = [
    "Data on the cluster (HDFS, local disks) cannot be recovered after the release: copy what you need first.",
    "A Hive metastore on RDS (USER_RDS) or DLF survives the release; a LOCAL metastore on the master goes with it.",
  ];
  if (subscription) consequences.push("Releasing the ECS instances before the subscription expires refunds the unused time.");
  return { releasableNow: blockers.length === 0, blockers, steps, consequences };
}

/** The checklist as text lines (emr-status, reports). */
export function formatReleaseChecklist(c: ReleaseChecklist): string[] {
  const lines = [c.releasableNow ? "Release: possible now, in the console only (this tool never releases a cluster)." : "Release: not possible now:"];
  lines.push(...c.blockers.map((b) => `  - ${b}`));
  if (c.steps.length) lines.push("To release it, by hand in the console:", ...c.steps.map((s, i) => `  ${i + 1}. ${s}`));
  if (c.consequences.length) lines.push("Before you do:", ...c.consequences.map((s) => `  - ${s}`));
  return lines;
}
