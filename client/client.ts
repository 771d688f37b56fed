/**
 * EmrClient: the typed actions of the EMR 2021-03-20 API that this project needs. There is deliberately no
 * action that deletes or releases a cluster.
 *
 * Requests use the API's own (PascalCase) parameter names; RegionId comes from the client. Responses are
 * validated with zod. Reads time out after 30 s, writes after 60 s.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { systemClock, type Clock, type Random } from "./clock";
import { EmrApiError, EmrResponseError, isAmbiguous, isConcurrentModification } from "./errors";
import { MAX_PAGE_SIZE, paginate, type Page } from "./pagination";
import { DEFAULT_RETRY_POLICY, throttlingDelayMs, withThrottlingRetry, type RetryPolicy } from "./retry";
import * as S from "./schemas";
import type { CallRequest, Transport } from "./transport";
import { assertValid, checkClusterId, checkClusterNameInput, checkDescriptionInput, checkNodeGroupId, checkNodeGroupNameInput, checkNodeId, checkRegionId } from "./validate";
import { waitForNodeGroupRunning } from "./polling";
import { DEFAULT_LIMITS, type GuardrailLimits } from "../policies/rules/domain.js";
import type { WriteOptions } from "./gates/acks";
import type { PutPolicy } from "./gates/before";
import type { LiveReads } from "./gates/live-reads";
import { gatePutAutoScalingPolicy, gateRemoveAutoScalingPolicy, gateUpdateClusterAttribute } from "./gates/policy";
import { gateRunCluster } from "./gates/run-cluster";
import { gateCreateNodeGroup, gateDecreaseNodes, gateIncreaseNodes } from "./gates/scaling";
import type { CreateNodeGroupRequest, DecreaseNodesRequest, IncreaseNodesRequest, ListAutoScalingActivitiesRequest, ListClustersRequest, ListInstanceTypesRequest, ListNodeGroupsRequest, ListNodesRequest, ListReleaseVersionsRequest, NodeGroupRef, OperationResult, PutAutoScalingPolicyRequest, RunClusterRequest, UpdateClusterAttributeRequest } from "./requests";

export const READ_TIMEOUT_MS = 30_000;
export const WRITE_TIMEOUT_MS = 60_000;

export interface EmrClientOptions {
  regionId: string;
  transport: Transport;
  clock?: Clock;
  random?: Random;
  retry?: Partial<RetryPolicy>;
  /** Page size of list calls (1–100). Defaults to 100. */
  pageSize?: number;
  /** The guardrail thresholds the write gates apply (guardrails.json). Defaults to DEFAULT_LIMITS. */
  limits?: Partial<GuardrailLimits>;
}

export type * from "./requests";

/** RunCluster's complex parameters travel as JSON strings in the form body (reference §1.6). */
const RUN_CLUSTER_JSON_FIELDS = ["Applications", "NodeGroups", "NodeAttributes", "SubscriptionConfig", "ApplicationConfigs", "BootstrapScripts", "Tags"] as const;

export class EmrClient implements LiveReads {
  readonly regionId: string;
  readonly clock: Clock;
  private readonly transport: Transport;
  private readonly random: Random;
  private readonly retry: RetryPolicy;
  private readonly pageSize: number;
  readonly limits: GuardrailLimits;
  /** When the last DecreaseNodes of each node group (`cluster/group`) was sent, on `clock`: batches are SCALE_IN_BATCH_INTERVAL_SECONDS apart at least. */
  private readonly lastDecreaseAt = new Map<string, number>();

  constructor(opts: EmrClientOptions) {
    assertValid(checkRegionId(opts.regionId, "regionId"));
    this.regionId = opts.regionId;
    this.transport = opts.transport;
    this.clock = opts.clock ?? systemClock;
    this.random = opts.random ?? Math.random;
    this.retry = { ...DEFAULT_RETRY_POLICY, ...opts.retry };
    this.pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, opts.pageSize ?? MAX_PAGE_SIZE));
    this.limits = { ...DEFAULT_LIMITS, ...opts.limits };
  }

  // ---- reads -------------------------------------------------------------------------------------------

  async getCluster(clusterId: string): Promise<S.Cluster> {
    assertValid(checkClusterId(clusterId, "clusterId"));
    return (await this.read("GetCluster", { ClusterId: clusterId }, S.GetClusterResponse)).Cluster;
  }

  listClusters(req: ListClustersRequest = {}): AsyncGenerator<S.ClusterSummary> {
    return this.list("ListClusters", "Clusters", S.ClusterSummary, { ...req });
  }

  listNodeGroups(clusterId: string, req: ListNodeGroupsRequest = {}): AsyncGenerator<S.NodeGroup> {
    assertValid([...checkClusterId(clusterId, "clusterId"), ...(req.NodeGroupIds ?? []).flatMap((id, i) => checkNodeGroupId(id, `NodeGroupIds[${i}]`))]);
    return this.list("ListNodeGroups", "NodeGroups", S.NodeGroup, { ClusterId: clusterId, ...req });
  }

  /** One node group, or undefined when the cluster has none with that id. */
  async getNodeGroup(clusterId: string, nodeGroupId: string): Promise<S.NodeGroup | undefined> {
    for await (const g of this.listNodeGroups(clusterId, { NodeGroupIds: [nodeGroupId] })) if (g.NodeGroupId === nodeGroupId) return g;
    return undefined;
  }

  listNodes(clusterId: string, req: ListNodesRequest = {}): AsyncGenerator<S.Node> {
    assertValid(checkClusterId(clusterId, "clusterId"));
    return this.list("ListNodes", "Nodes", S.Node, { ClusterId: clusterId, ...req });
  }

  listReleaseVersions(req: ListReleaseVersionsRequest): AsyncGenerator<S.ReleaseVersion> {
    return this.list("ListReleaseVersions", "ReleaseVersions", S.ReleaseVersion, { ...req });
  }

  listInstanceTypes(req: ListInstanceTypesRequest): AsyncGenerator<S.InstanceType> {
    return this.list("ListInstanceTypes", "InstanceTypes", S.InstanceType, { ...req });
  }

  listApplications(clusterId: string, applicationNames?: string[]): AsyncGenerator<S.Application> {
    assertValid(checkClusterId(clusterId, "clusterId"));
    return this.list("ListApplications", "Applications", S.Application, { ClusterId: clusterId, ApplicationNames: applicationNames });
  }

  /** The node group's policy, or undefined when it has none. */
  async getAutoScalingPolicy(ref: NodeGroupRef): Promise<S.ScalingPolicy | undefined> {
    this.checkRef(ref);
    return (await this.read("GetAutoScalingPolicy", { ...ref }, S.GetAutoScalingPolicyResponse)).ScalingPolicy ?? undefined;
  }

  listAutoScalingActivities(clusterId: string, req: ListAutoScalingActivitiesRequest = {}): AsyncGenerator<S.ScalingActivity> {
    assertValid(checkClusterId(clusterId, "clusterId"));
    return this.list("ListAutoScalingActivities", "ScalingActivities", S.ScalingActivity, { ClusterId: clusterId, ...req });
  }

  // ---- writes ------------------------------------------------------------------------------------------
  // Every write first runs its gate (gates/*.ts: the change rules of policies/rules, on live reads) and is refused
  // with an EmrInputError before anything is sent. Acknowledgements come with the call (`{ acknowledge }`), never
  // from the client, so each approves the one change it names.

  /** Creates a cluster after the planning rules pass. A retry re-sends the same ClientToken, so the service creates it only once. */
  async runCluster(req: RunClusterRequest, opts: WriteOptions = {}): Promise<{ ClusterId: string; OperationId?: string; RequestId: string; ClientToken: string }> {
    assertValid([
      ...checkClusterNameInput(req.ClusterName, "ClusterName"),
      ...checkDescriptionInput(req.Description, "Description"),
      ...req.NodeGroups.flatMap((g, i) => checkNodeGroupNameInput(g.NodeGroupName, `NodeGroups[${i}].NodeGroupName`)),
    ]);
    gateRunCluster(this.limits, req, opts.acknowledge);
    const ClientToken = req.ClientToken ?? randomUUID();
    const body: CallRequest["body"] = {};
    for (const [k, v] of Object.entries({ ...req, ClientToken })) {
      if (v === undefined) continue;
      body[k] = (RUN_CLUSTER_JSON_FIELDS as readonly string[]).includes(k) ? JSON.stringify(v) : (v as string | number | boolean);
    }
    const res = await this.safeWrite(() => this.write("RunCluster", { query: { RegionId: this.regionId }, body }, S.RunClusterResponse));
    return { ClusterId: res.ClusterId, OperationId: res.OperationId, RequestId: res.RequestId, ClientToken };
  }

  /** Sets name / description / deletion protection (off only alone): repeating it changes nothing, so it is simply re-sent. */
  async updateClusterAttribute(req: UpdateClusterAttributeRequest): Promise<void> {
    assertValid([
      ...checkClusterId(req.ClusterId, "ClusterId"),
      ...(req.ClusterName === undefined ? [] : checkClusterNameInput(req.ClusterName, "ClusterName")),
      ...checkDescriptionInput(req.Description, "Description"),
    ]);
    await gateUpdateClusterAttribute(this, this.limits, req);
    await this.safeWrite(() => this.write("UpdateClusterAttribute", { query: { RegionId: this.regionId, ...req } }, S.EmptyResponse));
  }

  /**
   * Adds a node group (its NodeCount is a scale-out from 0). The API has no ClientToken here; names are unique in a
   * cluster, so after a lost reply we look the name up before sending again.
   */
  async createNodeGroup(req: CreateNodeGroupRequest, opts: WriteOptions = {}): Promise<{ NodeGroupId: string; Reconciled: boolean }> {
    assertValid([...checkClusterId(req.ClusterId, "ClusterId"), ...checkNodeGroupNameInput(req.NodeGroup.NodeGroupName, "NodeGroup.NodeGroupName")]);
    await gateCreateNodeGroup(this, this.limits, req, opts.acknowledge);
    const send = async () => ({ NodeGroupId: (await this.write("CreateNodeGroup", { query: { RegionId: this.regionId, ...req } }, S.CreateNodeGroupResponse)).NodeGroupId, Reconciled: false });
    const verify = async () => {
      for await (const g of this.listNodeGroups(req.ClusterId, { NodeGroupNames: [req.NodeGroup.NodeGroupName] })) {
        if (g.NodeGroupName === req.NodeGroup.NodeGroupName) return { NodeGroupId: g.NodeGroupId, Reconciled: true };
      }
      return undefined;
    };
    return this.safeWrite(send, verify);
  }

  async increaseNodes(req: IncreaseNodesRequest, opts: WriteOptions = {}): Promise<OperationResult> {
    this.checkRef(req);
    await gateIncreaseNodes(this, this.limits, req, opts.acknowledge);
    return this.scalingWrite("IncreaseNodes", req, { RegionId: this.regionId, ...req });
  }

  /** Releases the named nodes of a TASK group. `scaleInTaskGroup` (scale-in.ts) picks them and paces the batches. */
  async decreaseNodes(req: DecreaseNodesRequest, opts: WriteOptions = {}): Promise<OperationResult> {
    this.checkRef(req);
    assertValid((req.NodeIds ?? []).flatMap((id, i) => checkNodeId(id, `NodeIds[${i}]`)));
    const key = `${req.ClusterId}/${req.NodeGroupId}`;
    await gateDecreaseNodes(this, this.limits, req, opts.acknowledge, this.lastDecreaseAt.get(key));
    const sentAt = this.clock.now();
    const result = await this.scalingWrite("DecreaseNodes", req, { RegionId: this.regionId, ...req });
    this.lastDecreaseAt.set(key, sentAt);
    return result;
  }

  /** Replaces the whole policy of the node group (rules not sent are dropped); returns the policy it replaced. */
  async putAutoScalingPolicy(req: PutAutoScalingPolicyRequest, opts: WriteOptions = {}): Promise<{ replaced: PutPolicy | undefined }> {
    this.checkRef(req);
    const replaced = await gatePutAutoScalingPolicy(this, this.limits, req, opts.acknowledge);
    await this.safeWrite(() => this.write("PutAutoScalingPolicy", { query: { RegionId: this.regionId, ...req } }, S.EmptyResponse));
    return { replaced };
  }

  /** Removes the node group's policy; returns it. Without a policy there is nothing to remove and nothing is sent. */
  async removeAutoScalingPolicy(ref: NodeGroupRef, opts: WriteOptions = {}): Promise<{ removed: PutPolicy | undefined }> {
    this.checkRef(ref);
    const removed = await gateRemoveAutoScalingPolicy(this, this.limits, ref, opts.acknowledge);
    if (removed) await this.safeWrite(() => this.write("RemoveAutoScalingPolicy", { query: { RegionId: this.regionId, ClusterId: ref.ClusterId, NodeGroupId: ref.NodeGroupId } }, S.EmptyResponse));
    return { removed };
  }

  // ---- plumbing ----------------------------------------------------------------------------------------

  private checkRef(ref: NodeGroupRef): void {
    assertValid([...checkClusterId(ref.ClusterId, "ClusterId"), ...checkNodeGroupId(ref.NodeGroupId, "NodeGroupId")]);
  }

  private call(action: string, request: CallRequest, timeoutMs: number): Promise<unknown> {
    return withThrottlingRetry(() => this.transport.call(action, request, timeoutMs), this.clock, this.random, this.retry);
  }

  private async read<T extends z.ZodType>(action: string, query: Record<string, unknown>, schema: T): Promise<z.infer<T>> {
    return parse(action, schema, await this.call(action, { query: { RegionId: this.regionId, ...query } }, READ_TIMEOUT_MS));
  }

  private async write<T extends z.ZodType>(action: string, request: CallRequest, schema: T): Promise<z.infer<T>> {
    return parse(action, schema, await this.call(action, request, WRITE_TIMEOUT_MS));
  }

  private list<T extends z.ZodType>(action: string, key: string, item: T, query: Record<string, unknown>): AsyncGenerator<z.infer<T>> {
    const schema = S.PageFields.extend({ [key]: z.array(item).nullish() });
    return paginate(async (nextToken): Promise<Page<z.infer<T>>> => {
      const page = (await this.read(action, { ...query, MaxResults: this.pageSize, NextToken: nextToken }, schema)) as Record<string, unknown> & { NextToken?: string | null };
      return { items: (page[key] as z.infer<T>[] | null | undefined) ?? [], nextToken: page.NextToken ?? undefined };
    });
  }

  /**
   * Sends a write; when its outcome is unknown (dropped connection, timeout, 5xx) it first asks `verify`
   * whether the service applied it, and sends again only when it did not. Without `verify` the write must be
   * idempotent by itself (ClientToken, or a write that sets a value). Any other error is thrown unchanged.
   */
  private async safeWrite<T>(send: () => Promise<T>, verify?: () => Promise<T | undefined>): Promise<T> {
    for (let retry = 1; ; retry++) {
      try {
        return await send();
      } catch (e) {
        if (!isAmbiguous(e) || retry > this.retry.maxAmbiguousRetries) throw e;
        await this.clock.sleep(throttlingDelayMs(retry, this.random));
        const applied = verify ? await verify() : undefined;
        if (applied !== undefined) return applied;
      }
    }
  }

  /**
   * IncreaseNodes / DecreaseNodes carry no ClientToken. We take the group's RUNNING state and node count first;
   * after a lost reply, a group that is INCREASING/DECREASING or has another count means the call was applied.
   * `ConcurrentModification` (the group is already scaling) waits until the group is RUNNING, then tries again.
   */
  private async scalingWrite(action: "IncreaseNodes" | "DecreaseNodes", ref: NodeGroupRef, query: Record<string, unknown>): Promise<OperationResult> {
    for (let attempt = 1; ; attempt++) {
      const before = await this.runningNodeGroup(ref);
      const send = async (): Promise<OperationResult> => {
        const res = await this.write(action, { query }, S.OperationResponse);
        return { OperationId: res.OperationId, RequestId: res.RequestId, Reconciled: false };
      };
      const verify = async (): Promise<OperationResult | undefined> => {
        const now = await this.getNodeGroup(ref.ClusterId, ref.NodeGroupId);
        const changed = now && (now.NodeGroupState !== "RUNNING" || now.RunningNodeCount !== before.RunningNodeCount);
        return changed ? { Reconciled: true } : undefined;
      };
      try {
        return await this.safeWrite(send, verify);
      } catch (e) {
        if (!isConcurrentModification(e) || attempt > this.retry.maxAmbiguousRetries) throw e;
      }
    }
  }

  /** The node group once it is RUNNING (waiting while it scales); throws if it fails or does not exist. */
  private async runningNodeGroup(ref: NodeGroupRef): Promise<S.NodeGroup> {
    const result = await waitForNodeGroupRunning(this, ref.ClusterId, ref.NodeGroupId);
    if (!result.ok) throw result.error;
    return result.value;
  }
}

function parse<T extends z.ZodType>(action: string, schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const requestId = (body as { RequestId?: unknown } | null)?.RequestId;
  throw new EmrResponseError(action, z.prettifyError(result.error), typeof requestId === "string" ? requestId : undefined);
}

export { EmrApiError };
