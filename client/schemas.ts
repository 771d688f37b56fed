/**
 * zod schemas of the responses we read (reference §2–3). Only the fields the project uses are checked;
 * loose objects keep every other field the service sends, so nothing is silently dropped.
 */
import { z } from "zod";

const str = z.string();
const optStr = z.string().optional();
const optNum = z.number().optional();

export const StateChangeReason = z.looseObject({ Code: optStr, Message: optStr });
export type StateChangeReason = z.infer<typeof StateChangeReason>;

const Tag = z.looseObject({ Key: str, Value: optStr });

export const ClusterSummary = z.looseObject({
  ClusterId: str,
  ClusterName: optStr,
  ClusterType: optStr,
  ClusterState: str,
  StateChangeReason: StateChangeReason.optional(),
  PaymentType: optStr,
  ReleaseVersion: optStr,
  CreateTime: optNum,
  ReadyTime: optNum,
  DeletionProtection: z.boolean().optional(),
  Description: optStr,
  Tags: z.array(Tag).optional(),
});
export type ClusterSummary = z.infer<typeof ClusterSummary>;

/** A subscription as the API returns it (cluster: GetCluster, GetClusterCloneMeta). */
export const SubscriptionConfig = z.looseObject({
  PaymentDuration: optNum,
  PaymentDurationUnit: optStr,
  AutoRenew: z.boolean().optional(),
  AutoRenewDuration: optNum,
  AutoRenewDurationUnit: optStr,
  AutoPayOrder: z.boolean().optional(),
});
export type SubscriptionConfig = z.infer<typeof SubscriptionConfig>;

export const NodeAttributes = z.looseObject({
  VpcId: optStr,
  ZoneId: optStr,
  SecurityGroupId: optStr,
  RamRole: optStr,
  KeyPairName: optStr,
  SystemDiskEncrypted: z.boolean().optional(),
  SystemDiskKMSKeyId: optStr,
  DataDiskEncrypted: z.boolean().optional(),
  DataDiskKMSKeyId: optStr,
});
export type NodeAttributes = z.infer<typeof NodeAttributes>;

export const Cluster = ClusterSummary.extend({
  RegionId: optStr,
  DeployMode: optStr,
  SecurityMode: optStr,
  ResourceGroupId: optStr,
  SubscriptionConfig: SubscriptionConfig.optional(),
  NodeAttributes: NodeAttributes.optional(),
  LogCollectStrategy: optStr,
});
export type Cluster = z.infer<typeof Cluster>;

export const NodeGroup = z.looseObject({
  NodeGroupId: str,
  NodeGroupName: str,
  NodeGroupType: str,
  /** An open set: RUNNING, INCREASING, DECREASING, RESIZING, … kept as sent. */
  NodeGroupState: str,
  RunningNodeCount: z.number(),
  StateChangeReason: StateChangeReason.optional(),
  PaymentType: optStr,
  ZoneId: optStr,
  InstanceTypes: z.array(str).optional(),
  VSwitchIds: z.array(str).optional(),
  SystemDisk: z.looseObject({ Category: optStr, Size: optNum, PerformanceLevel: optStr, Count: optNum }).optional(),
  DataDisks: z.array(z.looseObject({ Category: optStr, Size: optNum, PerformanceLevel: optStr, Count: optNum })).optional(),
  WithPublicIp: z.boolean().optional(),
  AdditionalSecurityGroupIds: z.array(str).optional(),
  SpotStrategy: optStr,
  SpotBidPrices: z.array(z.looseObject({ InstanceType: optStr, BidPrice: optNum })).optional(),
  SpotInstanceRemedy: z.boolean().optional(),
  DeploymentSetStrategy: optStr,
  NodeResizeStrategy: optStr,
  GracefulShutdown: z.boolean().optional(),
});
export type NodeGroup = z.infer<typeof NodeGroup>;

export const Node = z.looseObject({
  NodeId: str,
  NodeName: optStr,
  NodeGroupId: str,
  NodeGroupType: optStr,
  NodeState: str,
  InstanceType: optStr,
  ZoneId: optStr,
  CreateTime: optNum,
  /** Set (ms) only for subscription nodes. */
  ExpireTime: optNum,
});
export type Node = z.infer<typeof Node>;

export const ReleaseVersion = z.looseObject({ ReleaseVersion: str, Series: optStr, IaasType: optStr });
export type ReleaseVersion = z.infer<typeof ReleaseVersion>;

export const InstanceType = z.looseObject({ InstanceType: str, InstanceTypeFamily: optStr, CpuCore: optNum, CpuArchitecture: optStr });
export type InstanceType = z.infer<typeof InstanceType>;

export const Application = z.looseObject({ ApplicationName: str, ApplicationState: optStr, CommunityVersion: optStr });
export type Application = z.infer<typeof Application>;

export const ScalingPolicy = z.looseObject({
  ScalingPolicyId: optStr,
  ClusterId: optStr,
  NodeGroupId: optStr,
  Constraints: z.looseObject({ MinCapacity: optNum, MaxCapacity: optNum }).optional(),
  ScalingRules: z.array(z.looseObject({ RuleName: str, TriggerType: str, ActivityType: str, AdjustmentValue: z.number() })).optional(),
});
export type ScalingPolicy = z.infer<typeof ScalingPolicy>;

export const ScalingActivity = z.looseObject({
  ActivityId: str,
  ActivityState: str,
  ActivityType: optStr,
  NodeGroupId: optStr,
  StartTime: optNum,
  EndTime: optNum,
  ExpectNum: optNum,
});
export type ScalingActivity = z.infer<typeof ScalingActivity>;

/** Keys of application config items that hold a secret (a JDBC password, an access key secret, a token). */
export const SECRET_CONFIG_KEY = /password|secret|token|credential|access[._-]?key/i;
/** What a redacted value reads as: never the value, never a hash of it. */
export const REDACTED = "[redacted]";

/** An item whose key names a secret keeps its key and loses its value (and its initial value) as it is parsed. */
function redactSecretItem<T extends { ConfigItemKey: string; ConfigItemValue?: string; InitValue?: string }>(item: T): T & { Redacted?: true } {
  if (!SECRET_CONFIG_KEY.test(item.ConfigItemKey)) return item;
  return { ...item, ...(item.ConfigItemValue !== undefined ? { ConfigItemValue: REDACTED } : {}), ...(item.InitValue !== undefined ? { InitValue: REDACTED } : {}), Redacted: true as const };
}

/** One item of ListApplicationConfigs: `Custom` (added by a user) and `InitValue` (the value the cluster started with). */
export const ApplicationConfigItem = z
  .looseObject({
    ApplicationName: str, ConfigFileName: str, ConfigItemKey: str, ConfigItemValue: optStr,
    InitValue: optStr, Custom: z.boolean().optional(), NodeGroupId: optStr, NodeId: optStr, Description: optStr,
  })
  .transform(redactSecretItem);
export type ApplicationConfigItem = z.infer<typeof ApplicationConfigItem>;

/** One row of ListTagResources. */
export const TagResource = z.looseObject({ ResourceId: optStr, ResourceType: optStr, TagKey: str, TagValue: optStr });
export type TagResource = z.infer<typeof TagResource>;

/** An application config item in the request's shape (RunCluster, GetClusterCloneMeta). */
export const ApplicationConfig = z
  .looseObject({ ApplicationName: str, ConfigFileName: str, ConfigItemKey: str, ConfigItemValue: optStr, ConfigScope: optStr, NodeGroupId: optStr, NodeGroupName: optStr })
  .transform(redactSecretItem);
export type ApplicationConfig = z.infer<typeof ApplicationConfig>;

export const Script = z.looseObject({
  ScriptName: str, ScriptPath: str, ScriptArgs: optStr, ExecutionMoment: optStr, ExecutionFailStrategy: optStr, Priority: optNum,
  NodeSelector: z.looseObject({ NodeSelectType: str, NodeGroupIds: z.array(str).optional(), NodeGroupNames: z.array(str).optional(), NodeGroupTypes: z.array(str).optional(), NodeNames: z.array(str).optional() }).optional(),
});
export type Script = z.infer<typeof Script>;

/** GetClusterCloneMeta: the cluster in RunCluster's shape (its application configs are the items changed from defaults). */
export const ClusterCloneMeta = z.looseObject({
  ClusterId: optStr, ClusterName: optStr, ClusterType: optStr, ReleaseVersion: optStr, PaymentType: optStr, DeployMode: optStr, SecurityMode: optStr,
  SubscriptionConfig: SubscriptionConfig.nullish(),
  ApplicationConfigs: z.array(ApplicationConfig).nullish(),
  BootstrapScripts: z.array(Script).nullish(),
  Tags: z.array(Tag).nullish(),
});
export type ClusterCloneMeta = z.infer<typeof ClusterCloneMeta>;

const withRequestId = { RequestId: str };
/** The paging fields every list response carries; the items sit under an action-specific key. */
export const PageFields = z.looseObject({ ...withRequestId, NextToken: z.string().nullish(), TotalCount: optNum, MaxResults: optNum });

export const GetClusterResponse = z.looseObject({ ...withRequestId, Cluster });
export const GetAutoScalingPolicyResponse = z.looseObject({ ...withRequestId, ScalingPolicy: ScalingPolicy.nullish() });
export const OperationResponse = z.looseObject({ ...withRequestId, OperationId: optStr });
export const RunClusterResponse = z.looseObject({ ...withRequestId, ClusterId: str, OperationId: optStr });
export const CreateNodeGroupResponse = z.looseObject({ ...withRequestId, NodeGroupId: str });
export const GetClusterCloneMetaResponse = z.looseObject({ ...withRequestId, ClusterCloneMeta });
export const EmptyResponse = z.looseObject(withRequestId);
