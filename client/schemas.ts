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

export const Cluster = ClusterSummary.extend({
  RegionId: optStr,
  DeployMode: optStr,
  SecurityMode: optStr,
  NodeAttributes: z.looseObject({ VpcId: optStr, ZoneId: optStr, SecurityGroupId: optStr }).optional(),
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

const withRequestId = { RequestId: str };
/** The paging fields every list response carries; the items sit under an action-specific key. */
export const PageFields = z.looseObject({ ...withRequestId, NextToken: z.string().nullish(), TotalCount: optNum, MaxResults: optNum });

export const GetClusterResponse = z.looseObject({ ...withRequestId, Cluster });
export const GetAutoScalingPolicyResponse = z.looseObject({ ...withRequestId, ScalingPolicy: ScalingPolicy.nullish() });
export const OperationResponse = z.looseObject({ ...withRequestId, OperationId: optStr });
export const RunClusterResponse = z.looseObject({ ...withRequestId, ClusterId: str, OperationId: optStr });
export const CreateNodeGroupResponse = z.looseObject({ ...withRequestId, NodeGroupId: str });
export const EmptyResponse = z.looseObject(withRequestId);
