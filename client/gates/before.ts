/**
 * The "before" of a change, read from the live API: the cluster (GetCluster), its node groups (ListNodeGroups) and
 * each group's auto-scaling policy (GetAutoScalingPolicy). The live gate and the client's writes both read it here.
 */
import type { LiveReads } from "./live-reads";
import { collect } from "../pagination";
import type { Cluster, NodeGroup, ScalingPolicy } from "../schemas";

export interface LiveGroup {
  group: NodeGroup;
  /** The policy as a request would send it (`{ Constraints, ScalingRules }`), or undefined when it has none. */
  policy: PutPolicy | undefined;
}
export interface LiveCluster {
  cluster: Cluster;
  groups: LiveGroup[];
}

export interface PutPolicy {
  Constraints?: { MinCapacity?: number; MaxCapacity?: number };
  ScalingRules?: Record<string, unknown>[];
}

/** Response-only fields of a scaling rule: they are never sent, so they must not make an unchanged policy look replaced. */
const RESPONSE_ONLY_RULE_FIELDS = ["AdjustmentType", "CollationTimeZone"];

/** GetAutoScalingPolicy's answer in the request's shape (ids and response-only fields dropped). */
export function asPutPolicy(p: ScalingPolicy | undefined): PutPolicy | undefined {
  if (!p) return undefined;
  const out: PutPolicy = {};
  if (p.Constraints) out.Constraints = { MinCapacity: p.Constraints.MinCapacity, MaxCapacity: p.Constraints.MaxCapacity };
  out.ScalingRules = (p.ScalingRules ?? []).map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !RESPONSE_ONLY_RULE_FIELDS.includes(k))));
  return out;
}

export async function readLiveCluster(client: LiveReads, clusterId: string): Promise<LiveCluster> {
  const cluster = await client.getCluster(clusterId);
  const groups: LiveGroup[] = [];
  for (const group of await collect(client.listNodeGroups(clusterId))) {
    groups.push({ group, policy: asPutPolicy(await client.getAutoScalingPolicy({ ClusterId: clusterId, NodeGroupId: group.NodeGroupId })) });
  }
  return { cluster, groups };
}
