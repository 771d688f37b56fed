/**
 * The emulator's in-memory EMR: clusters, node groups, nodes, auto-scaling policies, with the documented state
 * machines driven by an injectable clock (transitions are applied lazily whenever state is read):
 *   cluster     STARTING -> BOOTSTRAPPING -> RUNNING, or START_FAILED with a StateChangeReason
 *   node group  RUNNING -> INCREASING/DECREASING -> RUNNING (a failed scaling leaves a StateChangeReason)
 */
import { createHash, randomBytes } from "node:crypto";
import type { Clock } from "../../client/clock";
import { bool, int, jsonOrObject, optStr, ParamError, str, strList, type Params } from "./params";

type Reason = { Code: string; Message: string };

interface ClusterRec {
  ClusterId: string; ClusterName: string; ClusterType: string; RegionId: string; ReleaseVersion: string;
  PaymentType: string; DeployMode: string; SecurityMode: string; Description?: string; DeletionProtection: boolean;
  Tags: { Key: string; Value?: string }[]; NodeAttributes: Record<string, unknown>; Applications: string[];
  CreateTime: number; bootstrapAt: number; readyAt: number; failure?: Reason;
}
interface GroupRec {
  NodeGroupId: string; ClusterId: string; NodeGroupName: string; NodeGroupType: string; PaymentType: string;
  InstanceTypes: string[]; VSwitchIds: string[]; ZoneId: string; StateChangeReason?: Reason;
  op?: { state: "INCREASING" | "DECREASING"; doneAt: number; add: number; removeIds: string[]; failure?: Reason };
}
interface NodeRec {
  NodeId: string; NodeName: string; NodeGroupId: string; NodeGroupType: string; NodeState: string;
  InstanceType: string; ZoneId: string; CreateTime: number; ExpireTime?: number;
}

export interface EmulatorTimings {
  /** Cluster creation, STARTING to RUNNING. Defaults to 10 min. */
  creationMs: number;
  /** IncreaseNodes / DecreaseNodes, until the group is RUNNING again. Defaults to 5 min. */
  scalingMs: number;
}

/** What the emulator offers (ListReleaseVersions / ListInstanceTypes). */
export const RELEASE_VERSIONS: Record<string, string[]> = {
  DATALAKE: ["EMR-5.16.0", "EMR-5.15.1"],
  OLAP: ["EMR-5.16.0"],
  DATAFLOW: ["EMR-5.16.0", "EMR-3.50.0"],
  DATASERVING: ["EMR-5.16.0"],
  CUSTOM: ["EMR-5.16.0"],
};
export const INSTANCE_TYPES: Record<string, string[]> = {
  MASTER: ["ecs.g7.xlarge", "ecs.g7.2xlarge"],
  CORE: ["ecs.g7.xlarge", "ecs.g7.2xlarge", "ecs.d2s.5xlarge"],
  TASK: ["ecs.g7.xlarge", "ecs.g7.2xlarge", "ecs.c7.2xlarge"],
  GATEWAY: ["ecs.g7.xlarge"],
  "MASTER-EXTEND": ["ecs.g7.xlarge"],
};

const hex = (bytes: number) => randomBytes(bytes).toString("hex");
const notFound = (what: string) => new ParamError("ResourceNotFound", `The specified ${what} is not found.`, 404);
const denied = (code: string, message: string) => new ParamError(code, message, 400);

export class EmulatorState {
  readonly clusters = new Map<string, ClusterRec>();
  readonly groups = new Map<string, GroupRec>();
  readonly nodes = new Map<string, NodeRec>();
  readonly policies = new Map<string, Record<string, unknown>>();
  readonly activities: Record<string, unknown>[] = [];
  /** ClientToken -> the first call's parameters hash and result. */
  private readonly tokens = new Map<string, { hash: string; result: { ClusterId: string; OperationId: string } }>();
  /** Every write the emulator applied: used to count duplicates and lost operations. */
  readonly applied: { action: string; key: string }[] = [];
  private nextCreationFailure?: Reason;
  private nextScalingFailure?: Reason;

  constructor(private readonly clock: Clock, readonly timings: EmulatorTimings = { creationMs: 10 * 60_000, scalingMs: 5 * 60_000 }) {}

  // ---- test controls -----------------------------------------------------------------------------------

  failNextCreation(reason: Reason): void { this.nextCreationFailure = reason; }
  failNextScaling(reason: Reason): void { this.nextScalingFailure = reason; }

  /** A cluster that is already RUNNING, with node groups of the given sizes. Returns its id and group ids. */
  seedCluster(opts: { regionId?: string; name?: string; clusterType?: string; groups?: { name: string; type: string; count: number; paymentType?: string }[] } = {}): { clusterId: string; groupIds: Record<string, string> } {
    const now = this.clock.now();
    const c = this.addCluster({
      ClusterName: opts.name ?? `seed-${hex(3)}`, ClusterType: opts.clusterType ?? "DATALAKE", RegionId: opts.regionId ?? "cn-hangzhou",
      ReleaseVersion: "EMR-5.16.0", PaymentType: "PayAsYouGo", DeployMode: "NORMAL", SecurityMode: "NORMAL", DeletionProtection: true,
      Tags: [], NodeAttributes: { VpcId: "vpc-1", ZoneId: "cn-hangzhou-i", SecurityGroupId: "sg-1" }, Applications: ["HADOOP-COMMON", "HDFS", "YARN"],
      CreateTime: now - 1, bootstrapAt: now - 1, readyAt: now - 1,
    });
    const groupIds: Record<string, string> = {};
    for (const g of opts.groups ?? []) {
      groupIds[g.name] = this.addGroup(c, { NodeGroupName: g.name, NodeGroupType: g.type, PaymentType: g.paymentType ?? "PayAsYouGo", InstanceTypes: ["ecs.g7.xlarge"], VSwitchIds: ["vsw-1"] }, g.count).NodeGroupId;
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

  private readonly handlers: Record<string, (p: Params) => Record<string, unknown>> = {
    GetCluster: (p) => ({ Cluster: this.clusterView(this.cluster(p), true) }),
    ListClusters: (p) => {
      const ids = strList(p, "ClusterIds"), types = strList(p, "ClusterTypes"), states = strList(p, "ClusterStates"), pays = strList(p, "PaymentTypes");
      const name = optStr(p, "ClusterName");
      const all = [...this.clusters.values()].filter((c) => c.RegionId === str(p, "RegionId")).map((c) => this.clusterView(c, false))
        .filter((c) => (!ids || ids.includes(c.ClusterId)) && (!types || types.includes(c.ClusterType)) && (!states || states.includes(c.ClusterState))
          && (!pays || pays.includes(c.PaymentType)) && (!name || c.ClusterName.includes(name)));
      return page(all, p, "Clusters");
    },
    ListNodeGroups: (p) => {
      const c = this.cluster(p);
      const ids = strList(p, "NodeGroupIds"), names = strList(p, "NodeGroupNames"), types = strList(p, "NodeGroupTypes"), states = strList(p, "NodeGroupStates");
      const all = [...this.groups.values()].filter((g) => g.ClusterId === c.ClusterId).map((g) => this.groupView(g))
        .filter((g) => (!ids || ids.includes(g.NodeGroupId)) && (!names || names.includes(g.NodeGroupName)) && (!types || types.includes(g.NodeGroupType)) && (!states || states.includes(g.NodeGroupState)));
      return page(all, p, "NodeGroups");
    },
    ListNodes: (p) => {
      const c = this.cluster(p);
      const groupIds = strList(p, "NodeGroupIds"), nodeIds = strList(p, "NodeIds"), states = strList(p, "NodeStates");
      const all = [...this.nodes.values()].filter((n) => this.groups.get(n.NodeGroupId)?.ClusterId === c.ClusterId)
        .filter((n) => (!groupIds || groupIds.includes(n.NodeGroupId)) && (!nodeIds || nodeIds.includes(n.NodeId)) && (!states || states.includes(n.NodeState)));
      return page(all, p, "Nodes");
    },
    ListReleaseVersions: (p) => {
      const versions = RELEASE_VERSIONS[str(p, "ClusterType")] ?? [];
      return page(versions.map((v) => ({ ReleaseVersion: v, Series: v.replace(/^(EMR-\d+)\..*$/, "$1.X"), IaasType: "ECS" })), p, "ReleaseVersions");
    },
    ListInstanceTypes: (p) => {
      for (const name of ["ZoneId", "ClusterType", "PaymentType", "NodeGroupType"]) str(p, name);
      const types = INSTANCE_TYPES[str(p, "NodeGroupType")] ?? [];
      return page(types.map((t) => ({ InstanceType: t, InstanceTypeFamily: t.split(".").slice(0, 2).join("."), CpuCore: t.includes("5xlarge") ? 20 : t.includes("2xlarge") ? 8 : 4, CpuArchitecture: "X86" })), p, "InstanceTypes");
    },
    ListApplications: (p) => {
      const c = this.cluster(p);
      const names = strList(p, "ApplicationNames");
      return page(c.Applications.filter((a) => !names || names.includes(a)).map((a) => ({ ApplicationName: a, ApplicationState: "RUNNING" })), p, "Applications");
    },
    GetAutoScalingPolicy: (p) => {
      const g = this.group(p);
      const policy = this.policies.get(g.NodeGroupId);
      return policy ? { ScalingPolicy: policy } : {};
    },
    ListAutoScalingActivities: (p) => {
      const c = this.cluster(p);
      const ng = optStr(p, "NodeGroupId");
      return page(this.activities.filter((a) => a.ClusterId === c.ClusterId && (!ng || a.NodeGroupId === ng)), p, "ScalingActivities");
    },
    RunCluster: (p) => this.runCluster(p),
    UpdateClusterAttribute: (p) => {
      const c = this.cluster(p);
      c.ClusterName = optStr(p, "ClusterName") ?? c.ClusterName;
      c.Description = optStr(p, "Description") ?? c.Description;
      c.DeletionProtection = bool(p, "DeletionProtection") ?? c.DeletionProtection;
      this.applied.push({ action: "UpdateClusterAttribute", key: c.ClusterId });
      return {};
    },
    CreateNodeGroup: (p) => {
      const c = this.runningCluster(p);
      const ng = jsonOrObject<Record<string, unknown>>(p, "NodeGroup");
      if (!ng || typeof ng.NodeGroupType !== "string") throw new ParamError("MissingParameter", 'The input parameter "NodeGroup.NodeGroupType" that is mandatory for processing this request is not supplied.');
      const name = String(ng.NodeGroupName ?? "");
      if ([...this.groups.values()].some((g) => g.ClusterId === c.ClusterId && g.NodeGroupName === name)) {
        throw new ParamError("InvalidParameter", `NodeGroupName ${name} already exists in cluster ${c.ClusterId}.`);
      }
      if (!Array.isArray(ng.VSwitchIds) || ng.VSwitchIds.length === 0) throw new ParamError("InvalidParameter", "VSwitchIds is not valid");
      // The group starts empty; nodes come with IncreaseNodes (as the alicloud provider does it).
      const g = this.addGroup(c, { NodeGroupName: name, NodeGroupType: ng.NodeGroupType, PaymentType: String(ng.PaymentType ?? "PayAsYouGo"), InstanceTypes: (ng.InstanceTypes as string[]) ?? [], VSwitchIds: ng.VSwitchIds as string[] }, 0);
      this.applied.push({ action: "CreateNodeGroup", key: `${c.ClusterId}/${name}` });
      return { NodeGroupId: g.NodeGroupId };
    },
    IncreaseNodes: (p) => {
      const g = this.scalableGroup(p);
      if (g.NodeGroupType === "MASTER") throw denied("OperationDenied", "MASTER node groups cannot be scaled out.");
      const add = int(p, "IncreaseNodeCount", 1, 500);
      return this.startScaling(g, "INCREASING", add, []);
    },
    DecreaseNodes: (p) => {
      const g = this.scalableGroup(p);
      if (g.NodeGroupType !== "TASK" && g.NodeGroupType !== "GATEWAY") throw denied("OperationDenied", `${g.NodeGroupType} node groups cannot be scaled in; only TASK and GATEWAY groups can.`);
      if (g.PaymentType === "Subscription") throw denied("OperationDenied", "Subscription nodes cannot be released by a scale-in.");
      const running = this.runningNodes(g);
      const ids = strList(p, "NodeIds");
      let remove: NodeRec[];
      if (ids) {
        if (ids.length < 1 || ids.length > 500) throw new ParamError("InvalidParameterValue", "The parameter NodeIds is invalid: 1-500 ids.");
        remove = ids.map((id) => running.find((n) => n.NodeId === id) ?? (() => { throw new ParamError("InvalidParameter", `NodeIds contains ${id}, which is not a running node of ${g.NodeGroupId}.`); })());
      } else {
        const count = int(p, "DecreaseNodeCount", 1, Math.max(1, running.length - 1));
        if (count >= running.length) throw new ParamError("InvalidParameterValue", `DecreaseNodeCount must be less than the ${running.length} active nodes.`);
        remove = [...running].sort((a, b) => b.CreateTime - a.CreateTime).slice(0, count);
      }
      return this.startScaling(g, "DECREASING", 0, remove.map((n) => n.NodeId));
    },
    PutAutoScalingPolicy: (p) => {
      const g = this.group(p);
      const policy = { ScalingPolicyId: `asp-${hex(8)}`, ClusterId: g.ClusterId, NodeGroupId: g.NodeGroupId, Constraints: toNumbers(p.Constraints), ScalingRules: toNumbers(p.ScalingRules ?? []) };
      this.policies.set(g.NodeGroupId, policy); // replaces the whole previous policy
      this.applied.push({ action: "PutAutoScalingPolicy", key: g.NodeGroupId });
      return {};
    },
    RemoveAutoScalingPolicy: (p) => {
      const g = this.group(p);
      this.policies.delete(g.NodeGroupId);
      this.applied.push({ action: "RemoveAutoScalingPolicy", key: g.NodeGroupId });
      return {};
    },
  };

  // ---- writes ------------------------------------------------------------------------------------------

  private runCluster(p: Params): Record<string, unknown> {
    const token = optStr(p, "ClientToken");
    const { ClientToken: _ignored, ...rest } = p;
    const hash = createHash("sha256").update(JSON.stringify(Object.entries(rest).sort())).digest("hex");
    const seen = token ? this.tokens.get(token) : undefined;
    if (seen) {
      if (seen.hash !== hash) throw new ParamError("IdempotentParameterMismatch", "The request uses the same client token as a previous, but non-identical request.");
      return { ...seen.result };
    }
    const clusterType = str(p, "ClusterType"), release = str(p, "ReleaseVersion"), regionId = str(p, "RegionId");
    if (!(RELEASE_VERSIONS[clusterType] ?? []).includes(release)) throw new ParamError("InvalidParameter", `ReleaseVersion ${release} is not valid for ${clusterType}.`);
    const groups = jsonOrObject<Record<string, unknown>[]>(p, "NodeGroups") ?? [];
    const apps = jsonOrObject<{ ApplicationName: string }[]>(p, "Applications") ?? [];
    const attrs = jsonOrObject<Record<string, unknown>>(p, "NodeAttributes") ?? {};
    if (groups.length === 0) throw new ParamError("MissingParameter", 'The input parameter "NodeGroups" that is mandatory for processing this request is not supplied.');
    if (apps.length === 0) throw new ParamError("MissingParameter", 'The input parameter "Applications" that is mandatory for processing this request is not supplied.');
    for (const g of groups) if (!Array.isArray(g.VSwitchIds) || g.VSwitchIds.length === 0) throw new ParamError("InvalidParameter", "VSwitchIds is not valid");
    const now = this.clock.now();
    const c = this.addCluster({
      ClusterName: str(p, "ClusterName"), ClusterType: clusterType, RegionId: regionId, ReleaseVersion: release,
      PaymentType: optStr(p, "PaymentType") ?? "PayAsYouGo", DeployMode: optStr(p, "DeployMode") ?? "NORMAL", SecurityMode: optStr(p, "SecurityMode") ?? "NORMAL",
      Description: optStr(p, "Description"), DeletionProtection: bool(p, "DeletionProtection") ?? false,
      Tags: jsonOrObject(p, "Tags") ?? [], NodeAttributes: attrs, Applications: apps.map((a) => a.ApplicationName),
      CreateTime: now, bootstrapAt: now + this.timings.creationMs * 0.6, readyAt: now + this.timings.creationMs, failure: this.nextCreationFailure,
    });
    this.nextCreationFailure = undefined;
    for (const g of groups) {
      this.addGroup(c, { NodeGroupName: String(g.NodeGroupName), NodeGroupType: String(g.NodeGroupType), PaymentType: String(g.PaymentType ?? c.PaymentType), InstanceTypes: g.InstanceTypes as string[], VSwitchIds: g.VSwitchIds as string[] }, Number(g.NodeCount ?? 0));
    }
    const result = { ClusterId: c.ClusterId, OperationId: `op-${hex(8)}` };
    if (token) this.tokens.set(token, { hash, result });
    this.applied.push({ action: "RunCluster", key: c.ClusterName });
    return { ...result };
  }

  private startScaling(g: GroupRec, state: "INCREASING" | "DECREASING", add: number, removeIds: string[]): Record<string, unknown> {
    g.op = { state, doneAt: this.clock.now() + this.timings.scalingMs, add, removeIds, failure: this.nextScalingFailure };
    this.nextScalingFailure = undefined;
    g.StateChangeReason = undefined;
    this.applied.push({ action: state === "INCREASING" ? "IncreaseNodes" : "DecreaseNodes", key: g.NodeGroupId });
    return { OperationId: `op-${hex(8)}` };
  }

  // ---- lookups -----------------------------------------------------------------------------------------

  private cluster(p: Params): ClusterRec {
    const c = this.clusters.get(str(p, "ClusterId"));
    if (!c || c.RegionId !== str(p, "RegionId")) throw notFound(`cluster ${String(p.ClusterId)}`);
    return c;
  }

  private runningCluster(p: Params): ClusterRec {
    const c = this.cluster(p);
    const state = this.clusterState(c);
    if (state !== "RUNNING") throw denied("OperationDenied.ClusterStatus", `The cluster status ${state} does not support this operation.`);
    return c;
  }

  private group(p: Params): GroupRec {
    const c = this.cluster(p);
    const g = this.groups.get(str(p, "NodeGroupId"));
    if (!g || g.ClusterId !== c.ClusterId) throw notFound(`node group ${String(p.NodeGroupId)}`);
    return g;
  }

  private scalableGroup(p: Params): GroupRec {
    this.runningCluster(p);
    const g = this.group(p);
    if (g.op) throw denied("ConcurrentModification", `The node group ${g.NodeGroupId} is ${g.op.state}; wait until it is RUNNING.`);
    return g;
  }

  private runningNodes(g: GroupRec): NodeRec[] {
    return [...this.nodes.values()].filter((n) => n.NodeGroupId === g.NodeGroupId && n.NodeState === "Running");
  }

  // ---- state machines ----------------------------------------------------------------------------------

  private clusterState(c: ClusterRec): string {
    const now = this.clock.now();
    if (now < c.bootstrapAt) return "STARTING";
    if (now < c.readyAt) return "BOOTSTRAPPING";
    return c.failure ? "START_FAILED" : "RUNNING";
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

  private clusterView(c: ClusterRec, full: boolean) {
    const state = this.clusterState(c);
    const summary = {
      ClusterId: c.ClusterId, ClusterName: c.ClusterName, ClusterType: c.ClusterType, ClusterState: state,
      StateChangeReason: state === "START_FAILED" ? c.failure : state === "RUNNING" ? { Code: "UserRequest", Message: "" } : undefined,
      PaymentType: c.PaymentType, ReleaseVersion: c.ReleaseVersion, CreateTime: c.CreateTime,
      ReadyTime: state === "RUNNING" ? c.readyAt : undefined, DeletionProtection: c.DeletionProtection, Description: c.Description, Tags: c.Tags,
      EmrDefaultRole: "AliyunEMRDefaultRole",
    };
    return full ? { ...summary, RegionId: c.RegionId, DeployMode: c.DeployMode, SecurityMode: c.SecurityMode, NodeAttributes: c.NodeAttributes } : summary;
  }

  private groupView(g: GroupRec) {
    return {
      NodeGroupId: g.NodeGroupId, NodeGroupName: g.NodeGroupName, NodeGroupType: g.NodeGroupType,
      NodeGroupState: g.op?.state ?? "RUNNING", Status: "CREATED", StateChangeReason: g.StateChangeReason,
      RunningNodeCount: this.runningNodes(g).length, PaymentType: g.PaymentType, ZoneId: g.ZoneId,
      InstanceTypes: g.InstanceTypes, VSwitchIds: g.VSwitchIds,
    };
  }

  private addCluster(fields: Omit<ClusterRec, "ClusterId">): ClusterRec {
    const c: ClusterRec = { ClusterId: `c-${hex(8)}`, ...fields };
    this.clusters.set(c.ClusterId, c);
    return c;
  }

  private addGroup(c: ClusterRec, fields: Pick<GroupRec, "NodeGroupName" | "NodeGroupType" | "PaymentType" | "InstanceTypes" | "VSwitchIds">, count: number): GroupRec {
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

/** One page of `items` (MaxResults 1–100, default 20; NextToken opaque base64, empty on the last page). */
function page<T>(items: T[], p: Params, key: string): Record<string, unknown> {
  const max = int(p, "MaxResults", 1, 100, 20);
  let start = 0;
  const token = optStr(p, "NextToken");
  if (token) {
    const decoded = Number((() => { try { return JSON.parse(Buffer.from(token, "base64").toString()).offset; } catch { return NaN; } })());
    if (!Number.isInteger(decoded) || decoded < 0 || decoded > items.length) throw new ParamError("InvalidParameterValue", "The parameter NextToken is invalid.");
    start = decoded;
  }
  const end = start + max;
  const nextToken = end < items.length ? Buffer.from(JSON.stringify({ offset: end })).toString("base64") : "";
  return { [key]: items.slice(start, end), NextToken: nextToken, MaxResults: max, TotalCount: items.length };
}

/** Flattened values arrive as strings; give numeric ones back their type (the policy is read back as sent). */
function toNumbers(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(toNumbers);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toNumbers(x)]));
  return typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
}
