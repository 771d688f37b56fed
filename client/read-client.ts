/**
 * EmrReadClient: the read actions of the EMR 2021-03-20 API (Get*, List*), and nothing else: it has no write method.
 * EmrClient extends it with the gated writes. Commands that must never change the cloud (emr-adopt, emr-drift) get
 * a reader from `createEmrReader`, whose transport also refuses any action that is not a read before it is sent.
 *
 * Requests use the API's own (PascalCase) parameter names; RegionId comes from the client. Responses are validated
 * with zod; an application config item whose key names a secret has its value redacted as it is parsed, so the
 * value never leaves the response.
 */
import { z } from "zod";
import { systemClock, type Clock, type Random } from "./clock";
import { EmrApiError, EmrResponseError } from "./errors";
import { MAX_PAGE_SIZE, paginate, type Page } from "./pagination";
import { DEFAULT_RETRY_POLICY, withThrottlingRetry, type RetryPolicy } from "./retry";
import * as S from "./schemas";
import type { CallRequest, Transport } from "./transport";
import { assertValid, checkClusterId, checkNodeGroupId, checkRegionId } from "./validate";
import type { ListApplicationConfigsRequest, ListAutoScalingActivitiesRequest, ListClustersRequest, ListInstanceTypesRequest, ListNodeGroupsRequest, ListNodesRequest, ListReleaseVersionsRequest, NodeGroupRef } from "./requests";

export const READ_TIMEOUT_MS = 30_000;

export interface EmrReadClientOptions {
  regionId: string;
  transport: Transport;
  clock?: Clock;
  random?: Random;
  retry?: Partial<RetryPolicy>;
  /** Page size of list calls (1–100). Defaults to 100. */
  pageSize?: number;
}

/** The API's read actions: what a read-only transport lets through (`Get*`, `List*`, `Describe*`). */
export const isReadAction = (action: string): boolean => /^(Get|List|Describe)[A-Z]/.test(action);

/**
 * A transport that sends reads only: any other action is refused before anything goes on the wire, so a read-only
 * command cannot write even through a bug (its client has no write method to begin with).
 */
export function readOnlyTransport(transport: Transport): Transport {
  return {
    call(action, request, timeoutMs) {
      if (!isReadAction(action)) {
        return Promise.reject(new EmrApiError({ code: "ReadOnlyClient", message: `${action} is not a read: this client only sends Get*, List* and Describe* actions`, action }));
      }
      return transport.call(action, request, timeoutMs);
    },
  };
}

export class EmrReadClient {
  readonly regionId: string;
  readonly clock: Clock;
  private readonly transport: Transport;
  protected readonly random: Random;
  protected readonly retry: RetryPolicy;
  private readonly pageSize: number;

  constructor(opts: EmrReadClientOptions) {
    assertValid(checkRegionId(opts.regionId, "regionId"));
    this.regionId = opts.regionId;
    this.transport = opts.transport;
    this.clock = opts.clock ?? systemClock;
    this.random = opts.random ?? Math.random;
    this.retry = { ...DEFAULT_RETRY_POLICY, ...opts.retry };
    this.pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, opts.pageSize ?? MAX_PAGE_SIZE));
  }


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

  /**
   * The cluster's application config items (every file and item the service reports, defaults included). Values of
   * items whose key names a secret (a JDBC password, ...) are redacted as the response is parsed.
   */
  listApplicationConfigs(clusterId: string, req: ListApplicationConfigsRequest = {}): AsyncGenerator<S.ApplicationConfigItem> {
    assertValid(checkClusterId(clusterId, "clusterId"));
    return this.list("ListApplicationConfigs", "ApplicationConfigs", S.ApplicationConfigItem, { ClusterId: clusterId, ...req });
  }

  /** The cluster's tags as the alicloud provider reads them (ListTagResources, ResourceType cluster). */
  listTagResources(clusterId: string): AsyncGenerator<S.TagResource> {
    assertValid(checkClusterId(clusterId, "clusterId"));
    return this.list("ListTagResources", "TagResources", S.TagResource, { ResourceType: "cluster", ResourceIds: [clusterId] });
  }

  /** The cluster in the shape RunCluster takes (application configs changed from their defaults, scripts, subscription). */
  async getClusterCloneMeta(clusterId: string): Promise<S.ClusterCloneMeta> {
    assertValid(checkClusterId(clusterId, "clusterId"));
    return (await this.read("GetClusterCloneMeta", { ClusterId: clusterId }, S.GetClusterCloneMetaResponse)).ClusterCloneMeta;
  }

  // ---- plumbing ----------------------------------------------------------------------------------------

  protected checkRef(ref: NodeGroupRef): void {
    assertValid([...checkClusterId(ref.ClusterId, "ClusterId"), ...checkNodeGroupId(ref.NodeGroupId, "NodeGroupId")]);
  }

  protected call(action: string, request: CallRequest, timeoutMs: number): Promise<unknown> {
    return withThrottlingRetry(() => this.transport.call(action, request, timeoutMs), this.clock, this.random, this.retry);
  }

  private async read<T extends z.ZodType>(action: string, query: Record<string, unknown>, schema: T): Promise<z.infer<T>> {
    return parseResponse(action, schema, await this.call(action, { query: { RegionId: this.regionId, ...query } }, READ_TIMEOUT_MS));
  }

  private list<T extends z.ZodType>(action: string, key: string, item: T, query: Record<string, unknown>): AsyncGenerator<z.infer<T>> {
    const schema = S.PageFields.extend({ [key]: z.array(item).nullish() });
    return paginate(async (nextToken): Promise<Page<z.infer<T>>> => {
      const page = (await this.read(action, { ...query, MaxResults: this.pageSize, NextToken: nextToken }, schema)) as Record<string, unknown> & { NextToken?: string | null };
      return { items: (page[key] as z.infer<T>[] | null | undefined) ?? [], nextToken: page.NextToken ?? undefined };
    });
  }
}

/** A response validated by its schema, or an EmrResponseError naming the action, the problem and the RequestId. */
export function parseResponse<T extends z.ZodType>(action: string, schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const requestId = (body as { RequestId?: unknown } | null)?.RequestId;
  throw new EmrResponseError(action, z.prettifyError(result.error), typeof requestId === "string" ? requestId : undefined);
}
