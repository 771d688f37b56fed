/**
 * The emulator's in-memory EMR: clusters, node groups, nodes, auto-scaling policies, with the documented state
 * machines driven by an injectable clock (transitions are applied lazily whenever state is read):
 *   cluster     STARTING -> BOOTSTRAPPING -> RUNNING, or START_FAILED with a StateChangeReason
 *   node group  RUNNING -> INCREASING/DECREASING -> RUNNING (a failed scaling leaves a StateChangeReason)
 * Tests can also seed a cluster in any documented state (TERMINATED, TERMINATE_FAILED, ...), which then stays.
 * The actions themselves are in handlers.ts.
 */
import type { Clock } from "../../client/clock";
import { createHandlers, type Handler } from "./handlers";
import { ParamError, str, type Params } from "./params";
import { denied, hex, notFound, type ClusterRec, type ClusterState, type GroupRec, type NodeRec, type OperationRec, type Reason, type Tag } from "./records";

export { CLUSTER_STATES, INSTANCE_TYPES, RELEASE_VERSIONS, type ClusterState } from "./records";

export interface EmulatorTimings {
  /** Cluster creation, STARTING to RUNNING. Defaults to 10 min. */
  creationMs: number;
  /** IncreaseNodes / DecreaseNodes, until the group is RUNNING again. Defaults to 5 min. */
  scalingMs: number;
}

export interface SeedGroup {
  name: string;
  type: string;
  count: number;
  /** Defaults to the cluster's payment type. */
  paymentType?: string;
  /** A policy as GetAutoScalingPolicy returns it: `{ Constraints, ScalingRules }`. */
  autoScalingPolicy?: Record<string, unknown>;
}

export interface SeedCluster {
  regionId?: string;
  name?: string;
  clusterType?: string;
  /** Defaults to PayAsYouGo. */
  paymentType?: string;
  /** Defaults to RUNNING. Any other state stays as seeded (the clock does not move it). */
  state?: ClusterState;
  /** The StateChangeReason of a failed state, e.g. `{ Code: "OutOfStock", Message: "…" }`. */
  reason?: Reason;
  /** Defaults to true. */
  deletionProtection?: boolean;
  tags?: Tag[];
  groups?: SeedGroup[];
}

export class EmulatorState {
  readonly clusters = new Map<string, ClusterRec>();
  readonly groups = new Map<string, GroupRec>();
  readonly nodes = new Map<string, NodeRec>();
  readonly policies = new Map<string, Record<string, unknown>>();
  readonly activities: Record<string, unknown>[] = [];
  /** GetOperation's records: RunCluster, IncreaseNodes, DecreaseNodes, DeleteCluster. */
  readonly operations = new Map<string, OperationRec>();
  /** ClientToken -> the first call's parameters hash and result. */
  readonly tokens = new Map<string, { hash: string; result: { ClusterId: string; OperationId: string } }>();
  /** Every write the emulator applied: used to count duplicates and lost operations. */
  readonly applied: { action: string; key: string }[] = [];
  nextCreationFailure?: Reason;
  nextScalingFailure?: Reason;
  private readonly handlers: Record<string, Handler>;

  constructor(readonly clock: Clock, readonly timings: EmulatorTimings = { creationMs: 10 * 60_000, scalingMs: 5 * 60_000 }) {
    this.handlers = createHandlers(this);
  }

  // ---- test controls -----------------------------------------------------------------------------------

  failNextCreation(reason: Reason): void { this.nextCreationFailure = reason; }
  failNextScaling(reason: Reason): void { this.nextScalingFailure = reason; }

  /** A cluster (RUNNING unless `state` says otherwise) with node groups of the given sizes. Returns its id and group ids. */
  seedCluster(opts: SeedCluster = {}): { clusterId: string; groupIds: Record<string, string> } {
    const now = this.clock.now();
    const paymentType = opts.paymentType ?? "PayAsYouGo";
    const c = this.addCluster({
      ClusterName: opts.name ?? `seed-${hex(3)}`, ClusterType: opts.clusterType ?? "DATALAKE", RegionId: opts.regionId ?? "cn-hangzhou",
      ReleaseVersion: "EMR-5.16.0", PaymentType: paymentType, DeployMode: "NORMAL", SecurityMode: "NORMAL", DeletionProtection: opts.deletionProtection ?? true,
      Tags: opts.tags ?? [], NodeAttributes: { VpcId: "vpc-1", ZoneId: "cn-hangzhou-i", SecurityGroupId: "sg-1" }, Applications: ["HADOOP-COMMON", "HDFS", "YARN"],
      CreateTime: now - 1, bootstrapAt: now - 1, readyAt: now - 1,
      fixedState: opts.state && opts.state !== "RUNNING" ? opts.state : undefined, fixedReason: opts.reason,
    });
    const groupIds: Record<string, string> = {};
    for (const g of opts.groups ?? []) {
      const rec = this.addGroup(c, { NodeGroupName: g.name, NodeGroupType: g.type, PaymentType: g.paymentType ?? paymentType, InstanceTypes: ["ecs.g7.xlarge"], VSwitchIds: ["vsw-1"] }, g.count);
      groupIds[g.name] = rec.NodeGroupId;
      if (g.autoScalingPolicy) this.policies.set(rec.NodeGroupId, { ScalingPolicyId: `asp-${hex(8)}`, ClusterId: c.ClusterId, NodeGroupId: rec.NodeGroupId, ...g.autoScalingPolicy });
    }
    return { clusterId: c.ClusterId, groupIds };
  }

  addScalingActivity(activity: Record<string, unknown>): void { this.activities.push(activity); }

  // ---- dispatch ----------------------------------------------------------------------------------------

  handle(action: string, p: Params): Record<string, unknown> {
    this.settle();
    const handler = this.handlers[action];
    if (!handler) throw new ParamError("InvalidAction.NotFound", `Specified api is not found, please check your url and method. (${action})`, 404);
    return handler(p);
  }

  // ---- lookups -----------------------------------------------------------------------------------------

  cluster(p: Params): ClusterRec {
    const c = this.clusters.get(str(p, "ClusterId"));
    if (!c || c.RegionId !== str(p, "RegionId")) throw notFound(`cluster ${String(p.ClusterId)}`);
    return c;
  }

  runningCluster(p: Params): ClusterRec {
    const c = this.cluster(p);
    const state = this.clusterState(c);
    if (state !== "RUNNING") throw denied("OperationDenied.ClusterStatus", `The cluster status ${state} does not support this operation.`);
    return c;
  }

  group(p: Params): GroupRec {
    const c = this.cluster(p);
    const g = this.groups.get(str(p, "NodeGroupId"));
    if (!g || g.ClusterId !== c.ClusterId) throw notFound(`node group ${String(p.NodeGroupId)}`);
    return g;
  }

  scalableGroup(p: Params): GroupRec {
    this.runningCluster(p);
    const g = this.group(p);
    if (g.op) throw denied("ConcurrentModification", `The node group ${g.NodeGroupId} is ${g.op.state}; wait until it is RUNNING.`);
    return g;
  }

  runningNodes(g: GroupRec): NodeRec[] {
    return [...this.nodes.values()].filter((n) => n.NodeGroupId === g.NodeGroupId && n.NodeState === "Running");
  }

  // ---- state machines ----------------------------------------------------------------------------------

  clusterState(c: ClusterRec): ClusterState {
    if (c.fixedState) return c.fixedState;
    const now = this.clock.now();
    if (now < c.bootstrapAt) return "STARTING";
    if (now < c.readyAt) return "BOOTSTRAPPING";
    return c.failure ? "START_FAILED" : "RUNNING";
  }

  startScaling(g: GroupRec, state: "INCREASING" | "DECREASING", add: number, removeIds: string[]): Record<string, unknown> {
    const doneAt = this.clock.now() + this.timings.scalingMs;
    const op = this.addOperation(g.ClusterId, state === "INCREASING" ? "INCREASE_NODES" : "DECREASE_NODES", doneAt, this.nextScalingFailure);
    g.op = { state, doneAt, add, removeIds, failure: this.nextScalingFailure, operationId: op.OperationId };
    this.nextScalingFailure = undefined;
    g.StateChangeReason = undefined;
    this.applied.push({ action: state === "INCREASING" ? "IncreaseNodes" : "DecreaseNodes", key: g.NodeGroupId });
    return { OperationId: op.OperationId };
  }

  addOperation(clusterId: string, type: string, doneAt: number, failure?: Reason): OperationRec {
    const op: OperationRec = { OperationId: `op-${hex(8)}`, ClusterId: clusterId, OperationType: type, CreateTime: this.clock.now(), doneAt, failure };
    this.operations.set(op.OperationId, op);
    return op;
  }

  operationView(op: OperationRec) {
    const done = this.clock.now() >= op.doneAt;
    const state = !done ? "IN_PROGRESS" : op.failure ? "FAILED" : "COMPLETED";
    return {
      ClusterId: op.ClusterId, OperationId: op.OperationId, OperationType: op.OperationType, OperationState: state,
      CreateTime: op.CreateTime, StartTime: op.CreateTime, EndTime: done ? op.doneAt : undefined, StateChangeReason: done ? op.failure : undefined,
    };
  }

  /** Finishes every scaling operation whose time has come. */
  private settle(): void {
    const now = this.clock.now();
    for (const g of this.groups.values()) {
      const op = g.op;
      if (!op || now < op.doneAt) continue;
      g.op = undefined;
      if (op.failure) {
        g.StateChangeReason = op.failure;
        continue;
      }
      for (const id of op.removeIds) this.nodes.delete(id);
      this.addNodes(g, op.add, op.doneAt);
    }
  }

  // ---- views (the API's response shapes) ---------------------------------------------------------------

  clusterView(c: ClusterRec, full: boolean) {
    const state = this.clusterState(c);
    const reason = c.fixedState ? c.fixedReason : state === "START_FAILED" ? c.failure : state === "RUNNING" ? { Code: "UserRequest", Message: "" } : undefined;
    const summary = {
      ClusterId: c.ClusterId, ClusterName: c.ClusterName, ClusterType: c.ClusterType, ClusterState: state, StateChangeReason: reason,
      PaymentType: c.PaymentType, ReleaseVersion: c.ReleaseVersion, CreateTime: c.CreateTime,
      ReadyTime: state === "RUNNING" ? c.readyAt : undefined, DeletionProtection: c.DeletionProtection, Description: c.Description, Tags: c.Tags,
      EmrDefaultRole: "AliyunEMRDefaultRole",
    };
    return full ? { ...c.extra, ...summary, RegionId: c.RegionId, DeployMode: c.DeployMode, SecurityMode: c.SecurityMode, NodeAttributes: c.NodeAttributes } : summary;
  }

  groupView(g: GroupRec) {
    const { NodeCount: _sent, AutoScalingPolicy: _policy, ...config } = g.config ?? {};
    return {
      ...config,
      NodeGroupId: g.NodeGroupId, NodeGroupName: g.NodeGroupName, NodeGroupType: g.NodeGroupType,
      NodeGroupState: g.op?.state ?? "RUNNING", Status: "CREATED", StateChangeReason: g.StateChangeReason,
      RunningNodeCount: this.runningNodes(g).length, PaymentType: g.PaymentType, ZoneId: g.ZoneId,
      InstanceTypes: g.InstanceTypes, VSwitchIds: g.VSwitchIds,
    };
  }

  // ---- records -----------------------------------------------------------------------------------------

  addCluster(fields: Omit<ClusterRec, "ClusterId">): ClusterRec {
    const c: ClusterRec = { ClusterId: `c-${hex(8)}`, ...fields };
    this.clusters.set(c.ClusterId, c);
    return c;
  }

  addGroup(c: ClusterRec, fields: Pick<GroupRec, "NodeGroupName" | "NodeGroupType" | "PaymentType" | "InstanceTypes" | "VSwitchIds" | "config">, count: number): GroupRec {
    const g: GroupRec = { NodeGroupId: `ng-${hex(8)}`, ClusterId: c.ClusterId, ZoneId: String(c.NodeAttributes.ZoneId ?? "cn-hangzhou-i"), ...fields };
    this.groups.set(g.NodeGroupId, g);
    this.addNodes(g, count, this.clock.now());
    return g;
  }

  private addNodes(g: GroupRec, count: number, at: number): void {
    const existing = [...this.nodes.values()].filter((n) => n.NodeGroupId === g.NodeGroupId).length;
    for (let i = 0; i < count; i++) {
      const n: NodeRec = {
        NodeId: `i-${hex(10)}`, NodeName: `${g.NodeGroupType.toLowerCase()}-${existing + i + 1}`, NodeGroupId: g.NodeGroupId,
        NodeGroupType: g.NodeGroupType, NodeState: "Running", InstanceType: g.InstanceTypes[0] ?? "ecs.g7.xlarge", ZoneId: g.ZoneId,
        CreateTime: at + i, ExpireTime: g.PaymentType === "Subscription" ? at + 30 * 86_400_000 : undefined,
      };
      this.nodes.set(n.NodeId, n);
    }
  }
}
