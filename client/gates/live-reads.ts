/**
 * What the write gates read from the live API before a write: the cluster, its node groups, a group's nodes and
 * auto-scaling policy, and the clock that spaces scale-in batches. EmrClient provides it (and passes itself); the
 * gates depend on these reads, never on the client class, so client.ts imports the gates and not the reverse.
 */
import type { Clock } from "../clock";
import type { ListNodeGroupsRequest, ListNodesRequest, NodeGroupRef } from "../requests";
import type { Cluster, Node, NodeGroup, ScalingPolicy } from "../schemas";

export interface LiveReads {
  readonly clock: Clock;
  getCluster(clusterId: string): Promise<Cluster>;
  listNodeGroups(clusterId: string, req?: ListNodeGroupsRequest): AsyncIterable<NodeGroup>;
  getNodeGroup(clusterId: string, nodeGroupId: string): Promise<NodeGroup | undefined>;
  listNodes(clusterId: string, req?: ListNodesRequest): AsyncIterable<Node>;
  getAutoScalingPolicy(ref: NodeGroupRef): Promise<ScalingPolicy | undefined>;
}
