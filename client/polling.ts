/**
 * Waiting for a state: poll every 30 s for at most 30 min (creation usually takes 5–15 min). All waiting goes
 * through the client's Clock. A failure returns the service's StateChangeReason instead of throwing, so callers
 * can show it; `error` is a ready-made EmrStateError for callers that prefer to throw.
 */
import type { Clock } from "./clock";
import { EmrStateError } from "./errors";
import type { Cluster, NodeGroup, StateChangeReason } from "./schemas";

export const POLL_INTERVAL_MS = 30_000;
export const POLL_TIMEOUT_MS = 30 * 60_000;

export interface PollOptions {
  intervalMs?: number;
  timeoutMs?: number;
  /** Defaults to the client's clock. */
  clock?: Clock;
}

export type WaitResult<T> =
  | { ok: true; value: T; calls: number }
  | { ok: false; value: T | undefined; state: string | undefined; reason: StateChangeReason | undefined; timedOut: boolean; calls: number; error: EmrStateError };

type Verdict = "done" | "pending" | "failed";

interface Target<T> {
  what: string;
  read: () => Promise<T | undefined>;
  classify: (value: T | undefined) => Verdict;
  state: (value: T | undefined) => string | undefined;
  reason: (value: T | undefined) => StateChangeReason | undefined;
}

async function pollUntil<T>(target: Target<T>, clock: Clock, opts: PollOptions): Promise<WaitResult<T>> {
  const interval = opts.intervalMs ?? POLL_INTERVAL_MS;
  const deadline = clock.now() + (opts.timeoutMs ?? POLL_TIMEOUT_MS);
  for (let calls = 1; ; calls++) {
    const value = await target.read();
    const verdict = target.classify(value);
    if (verdict === "done") return { ok: true, value: value as T, calls };
    const timedOut = verdict === "pending" && clock.now() + interval > deadline;
    if (verdict === "failed" || timedOut) {
      const state = target.state(value);
      const reason = target.reason(value);
      const why = reason ? `: ${reason.Code ?? ""}: ${reason.Message ?? ""}` : "";
      const message = timedOut ? `${target.what} is still ${state} after ${Math.round((opts.timeoutMs ?? POLL_TIMEOUT_MS) / 60_000)} min` : `${target.what} is ${state ?? "missing"}${why}`;
      return { ok: false, value, state, reason, timedOut, calls, error: new EmrStateError(message, state, reason) };
    }
    await clock.sleep(interval);
  }
}

/** The slice of EmrClient the waits need (keeps this module free of a circular import). */
interface Reader {
  readonly clock: Clock;
  getCluster(clusterId: string): Promise<Cluster>;
  getNodeGroup(clusterId: string, nodeGroupId: string): Promise<NodeGroup | undefined>;
}

const CLUSTER_PENDING = ["STARTING", "BOOTSTRAPPING"];

/** Waits for STARTING/BOOTSTRAPPING -> RUNNING; any other state (START_FAILED, TERMINATED…) is a failure. */
export function waitForClusterRunning(client: Reader, clusterId: string, opts: PollOptions = {}): Promise<WaitResult<Cluster>> {
  return pollUntil<Cluster>({
    what: `cluster ${clusterId}`,
    read: () => client.getCluster(clusterId),
    classify: (c) => (c?.ClusterState === "RUNNING" ? "done" : c && CLUSTER_PENDING.includes(c.ClusterState) ? "pending" : "failed"),
    state: (c) => c?.ClusterState,
    reason: (c) => c?.StateChangeReason,
  }, opts.clock ?? client.clock, opts);
}

/**
 * Waits until a node group is RUNNING again. Every other state (INCREASING, DECREASING, RESIZING, unknown new
 * ones) counts as in progress: only a missing group fails at once; a group that never settles times out.
 */
export function waitForNodeGroupRunning(client: Reader, clusterId: string, nodeGroupId: string, opts: PollOptions = {}): Promise<WaitResult<NodeGroup>> {
  return pollUntil<NodeGroup>({
    what: `node group ${nodeGroupId} of cluster ${clusterId}`,
    read: () => client.getNodeGroup(clusterId, nodeGroupId),
    classify: (g) => (!g ? "failed" : g.NodeGroupState === "RUNNING" ? "done" : "pending"),
    state: (g) => g?.NodeGroupState,
    reason: (g) => g?.StateChangeReason,
  }, opts.clock ?? client.clock, opts);
}
