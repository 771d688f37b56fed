/**
 * The requests of EmrClient's actions, in the API's own (PascalCase) names (reference §3); RegionId comes from the
 * client. Arrays and objects are flattened on the wire (RunCluster: JSON strings in the form body).
 */

/** Filters common to the list actions, in the API's names (arrays are flattened on the wire). */
export interface ListClustersRequest { ClusterName?: string; ClusterIds?: string[]; ClusterTypes?: string[]; ClusterStates?: string[]; PaymentTypes?: string[]; ResourceGroupId?: string; Tags?: { Key: string; Value?: string }[] }
export interface ListNodeGroupsRequest { NodeGroupIds?: string[]; NodeGroupNames?: string[]; NodeGroupTypes?: string[]; NodeGroupStates?: string[]; ZoneId?: string }
export interface ListNodesRequest { NodeGroupIds?: string[]; NodeIds?: string[]; NodeNames?: string[]; NodeStates?: string[]; PrivateIps?: string[] }
export interface ListReleaseVersionsRequest { ClusterType: string; IaasType?: string }
export interface ListInstanceTypesRequest { ZoneId: string; ClusterType: string; PaymentType: string; NodeGroupType: string; ReleaseVersion?: string; DeployMode?: string; InstanceType?: string; IsModification?: boolean; ClusterId?: string; NodeGroupId?: string }
export interface ListApplicationConfigsRequest { ApplicationName?: string; ConfigFileName?: string; ConfigItemKey?: string; NodeGroupId?: string; NodeId?: string }
export interface ListAutoScalingActivitiesRequest { NodeGroupId?: string; ScalingRuleName?: string; ScalingActivityType?: "SCALE_OUT" | "SCALE_IN"; ScalingActivityStates?: string[]; StartTime?: number; EndTime?: number }

export interface DiskConfig { Category: string; Size: number; PerformanceLevel?: string; Count?: number }
export interface NodeGroupConfig {
  NodeGroupType: string; NodeGroupName: string; NodeCount: number; InstanceTypes: string[]; VSwitchIds: string[];
  SystemDisk: DiskConfig; DataDisks: DiskConfig[]; WithPublicIp?: boolean; PaymentType?: string;
  SubscriptionConfig?: Record<string, unknown>; SpotStrategy?: string; GracefulShutdown?: boolean; [more: string]: unknown;
}
export interface RunClusterRequest {
  ClusterName: string; ClusterType: string; ReleaseVersion: string; Applications: { ApplicationName: string }[];
  NodeGroups: NodeGroupConfig[]; NodeAttributes: { VpcId: string; ZoneId: string; SecurityGroupId: string; [more: string]: unknown };
  PaymentType?: string; SubscriptionConfig?: Record<string, unknown>; DeployMode?: string; SecurityMode?: string;
  ApplicationConfigs?: Record<string, unknown>[]; BootstrapScripts?: Record<string, unknown>[]; Tags?: { Key: string; Value?: string }[];
  ResourceGroupId?: string; DeletionProtection?: boolean; Description?: string;
  /** Idempotency token; generated when absent and reused by every retry of this call. */
  ClientToken?: string;
}
export interface UpdateClusterAttributeRequest { ClusterId: string; ClusterName?: string; Description?: string; DeletionProtection?: boolean }
export interface CreateNodeGroupRequest { ClusterId: string; NodeGroup: NodeGroupConfig }
export interface IncreaseNodesRequest { ClusterId: string; NodeGroupId: string; IncreaseNodeCount: number; MinIncreaseNodeCount?: number; PaymentDuration?: number; PaymentDurationUnit?: string; AutoRenew?: boolean; AutoPayOrder?: boolean; ApplicationConfigs?: Record<string, unknown>[] }
export interface DecreaseNodesRequest { ClusterId: string; NodeGroupId: string; DecreaseNodeCount?: number; NodeIds?: string[]; BatchSize?: number; BatchInterval?: number }
export interface PutAutoScalingPolicyRequest { ClusterId: string; NodeGroupId: string; Constraints?: { MinCapacity?: number; MaxCapacity?: number }; ScalingRules?: Record<string, unknown>[] }
export interface NodeGroupRef { ClusterId: string; NodeGroupId: string }

/** Result of a write that returns an operation. `Reconciled` = the reply was lost and a read showed it applied. */
export interface OperationResult { OperationId?: string; RequestId?: string; Reconciled: boolean }
