/**
 * EmrClient: the typed actions of the EMR 2021-03-20 API that this project needs: the reads of EmrReadClient and the
 * gated writes. There is deliberately no action that deletes or releases a cluster.
 *
 * Requests use the API's own (PascalCase) parameter names; RegionId comes from the client. Responses are
 * validated with zod. Reads time out after 30 s, writes after 60 s.
 */
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { EmrApiError, isAmbiguous, isConcurrentModification } from "./errors";
import { throttlingDelayMs } from "./retry";
import * as S from "./schemas";
import type { CallRequest } from "./transport";
import { assertValid, checkClusterId, checkClusterNameInput, checkDescriptionInput, checkNodeGroupNameInput, checkNodeId } from "./validate";
import { waitForNodeGroupRunning } from "./polling";
import { DEFAULT_LIMITS, type GuardrailLimits } from "../policies/rules/domain.js";
import type { WriteOptions } from "./gates/acks";
import type { PutPolicy } from "./gates/before";
import type { LiveReads } from "./gates/live-reads";
import { gatePutAutoScalingPolicy, gateRemoveAutoScalingPolicy, gateUpdateClusterAttribute } from "./gates/policy";
import { gateRunCluster } from "./gates/run-cluster";
import { gateCreateNodeGroup, gateDecreaseNodes, gateIncreaseNodes } from "./gates/scaling";
import { EmrReadClient, parseResponse, type EmrReadClientOptions } from "./read-client";
import type { CreateNodeGroupRequest, DecreaseNodesRequest, IncreaseNodesRequest, NodeGroupRef, OperationResult, PutAutoScalingPolicyRequest, RunClusterRequest, UpdateClusterAttributeRequest } from "./requests";

export { READ_TIMEOUT_MS } from "./read-client";
export const WRITE_TIMEOUT_MS = 60_000;

export interface EmrClientOptions extends EmrReadClientOptions {
  /** The guardrail thresholds the write gates apply (guardrails.json). Defaults to DEFAULT_LIMITS. */
  limits?: Partial<GuardrailLimits>;
}

export type * from "./requests";

/** RunCluster's complex parameters travel as JSON strings in the form body (reference §1.6). */
const RUN_CLUSTER_JSON_FIELDS = ["Applications", "NodeGroups", "NodeAttributes", "SubscriptionConfig", "ApplicationConfigs", "BootstrapScripts", "Tags"] as const;

export class EmrClient extends EmrReadClient implements LiveReads {
  readonly limits: GuardrailLimits;
  /** When the last DecreaseNodes of each node group (`cluster/group`) was sent, on `clock`: batches are SCALE_IN_BATCH_INTERVAL_SECONDS apart at least. */
  private readonly lastDecreaseAt = new Map<string, number>();

  constructor(opts: EmrClientOptions) {
    super(opts);
    this.limits = { ...DEFAULT_LIMITS, ...opts.limits };
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

  private async write<T extends z.ZodType>(action: string, request: CallRequest, schema: T): Promise<z.infer<T>> {
    return parseResponse(action, schema, await this.call(action, request, WRITE_TIMEOUT_MS));
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

export { EmrApiError };
