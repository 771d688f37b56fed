/**
 * The emulator's actions: each takes the request's parameters (query ∪ form, unflattened) and answers with the
 * response fields, or throws a ParamError carrying the API's own error code.
 */
import { createHash } from "node:crypto";
import { bool, int, jsonOrObject, optStr, ParamError, str, strList, type Params } from "./params";
import { denied, hasTags, hex, INSTANCE_TYPES, page, RELEASE_VERSIONS, toNumbers, typedConfig, type NodeRec, type Tag } from "./records";
import { createConfigHandlers } from "./cluster-config";
import { createDay2Handlers } from "./day2";
import type { EmulatorState } from "./state";

export type Handler = (p: Params) => Record<string, unknown>;

/** `Tags.N.Key` / `Tags.N.Value` as unflattened: a list of `{ Key, Value }`. */
function tagList(p: Params): Tag[] | undefined {
  const v = p.Tags;
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) throw new ParamError("InvalidParameter", "The parameter Tags is invalid: use Tags.N.Key and Tags.N.Value.");
  return v.map((t: { Key?: unknown; Value?: unknown }, i) => {
    if (typeof t?.Key !== "string" || t.Key === "") throw new ParamError("MissingParameter", `The input parameter "Tags.${i + 1}.Key" that is mandatory for processing this request is not supplied.`);
    return { Key: t.Key, Value: typeof t.Value === "string" ? t.Value : undefined };
  });
}

export function createHandlers(s: EmulatorState): Record<string, Handler> {
  return {
    ...createDay2Handlers(s),
    ...createConfigHandlers(s),
    GetCluster: (p) => ({ Cluster: s.clusterView(s.cluster(p), true) }),
    ListClusters: (p) => {
      const ids = strList(p, "ClusterIds"), types = strList(p, "ClusterTypes"), states = strList(p, "ClusterStates"), pays = strList(p, "PaymentTypes");
      const name = optStr(p, "ClusterName");
      const tags = tagList(p);
      const all = [...s.clusters.values()].filter((c) => c.RegionId === str(p, "RegionId")).map((c) => s.clusterView(c, false))
        .filter((c) => (!ids || ids.includes(c.ClusterId)) && (!types || types.includes(c.ClusterType)) && (!states || states.includes(c.ClusterState))
          && (!pays || pays.includes(c.PaymentType)) && (!name || c.ClusterName.includes(name)) && hasTags(c.Tags, tags));
      return page(all, p, "Clusters");
    },
    ListNodeGroups: (p) => {
      const c = s.cluster(p);
      const ids = strList(p, "NodeGroupIds"), names = strList(p, "NodeGroupNames"), types = strList(p, "NodeGroupTypes"), states = strList(p, "NodeGroupStates");
      const all = [...s.groups.values()].filter((g) => g.ClusterId === c.ClusterId).map((g) => s.groupView(g))
        .filter((g) => (!ids || ids.includes(g.NodeGroupId)) && (!names || names.includes(g.NodeGroupName)) && (!types || types.includes(g.NodeGroupType)) && (!states || states.includes(g.NodeGroupState)));
      return page(all, p, "NodeGroups");
    },
    ListNodes: (p) => {
      const c = s.cluster(p);
      const groupIds = strList(p, "NodeGroupIds"), nodeIds = strList(p, "NodeIds"), states = strList(p, "NodeStates");
      const all = [...s.nodes.values()].filter((n) => s.groups.get(n.NodeGroupId)?.ClusterId === c.ClusterId)
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
      const c = s.cluster(p);
      const names = strList(p, "ApplicationNames");
      return page(c.Applications.filter((a) => !names || names.includes(a)).map((a) => ({ ApplicationName: a, ApplicationState: "RUNNING" })), p, "Applications");
    },
    GetAutoScalingPolicy: (p) => {
      const policy = s.policies.get(s.group(p).NodeGroupId);
      return policy ? { ScalingPolicy: policy } : {};
    },
    ListAutoScalingActivities: (p) => {
      const c = s.cluster(p);
      const ng = optStr(p, "NodeGroupId");
      return page(s.activities.filter((a) => a.ClusterId === c.ClusterId && (!ng || a.NodeGroupId === ng)), p, "ScalingActivities");
    },
    RunCluster: (p) => runCluster(s, p),
    UpdateClusterAttribute: (p) => {
      const c = s.cluster(p);
      c.ClusterName = optStr(p, "ClusterName") ?? c.ClusterName;
      c.Description = optStr(p, "Description") ?? c.Description;
      c.DeletionProtection = bool(p, "DeletionProtection") ?? c.DeletionProtection;
      if (optStr(p, "LogCollectStrategy") !== undefined) c.extra = { ...c.extra, LogCollectStrategy: optStr(p, "LogCollectStrategy") };
      s.applied.push({ action: "UpdateClusterAttribute", key: c.ClusterId });
      return {};
    },
    CreateNodeGroup: (p) => {
      const c = s.runningCluster(p);
      const ng = jsonOrObject<Record<string, unknown>>(p, "NodeGroup");
      if (!ng || typeof ng.NodeGroupType !== "string") throw new ParamError("MissingParameter", 'The input parameter "NodeGroup.NodeGroupType" that is mandatory for processing this request is not supplied.');
      const name = String(ng.NodeGroupName ?? "");
      if ([...s.groups.values()].some((g) => g.ClusterId === c.ClusterId && g.NodeGroupName === name)) {
        throw new ParamError("InvalidParameter", `NodeGroupName ${name} already exists in cluster ${c.ClusterId}.`);
      }
      if (!Array.isArray(ng.VSwitchIds) || ng.VSwitchIds.length === 0) throw new ParamError("InvalidParameter", "VSwitchIds is not valid");
      // The group starts empty; nodes come with IncreaseNodes (as the alicloud provider does it).
      const config = typedConfig(ng) as Record<string, unknown>;
      const g = s.addGroup(c, { NodeGroupName: name, NodeGroupType: ng.NodeGroupType, PaymentType: String(ng.PaymentType ?? "PayAsYouGo"), InstanceTypes: (ng.InstanceTypes as string[]) ?? [], VSwitchIds: ng.VSwitchIds as string[], config }, 0);
      s.applied.push({ action: "CreateNodeGroup", key: `${c.ClusterId}/${name}` });
      return { NodeGroupId: g.NodeGroupId };
    },
    IncreaseNodes: (p) => {
      const g = s.scalableGroup(p);
      if (g.NodeGroupType === "MASTER") throw denied("OperationDenied", "MASTER node groups cannot be scaled out.");
      const add = int(p, "IncreaseNodeCount", 1, 500);
      return s.startScaling(g, "INCREASING", add, []);
    },
    DecreaseNodes: (p) => {
      const g = s.scalableGroup(p);
      if (g.NodeGroupType !== "TASK" && g.NodeGroupType !== "GATEWAY") throw denied("OperationDenied", `${g.NodeGroupType} node groups cannot be scaled in; only TASK and GATEWAY groups can.`);
      if (g.PaymentType === "Subscription") throw denied("OperationDenied", "Subscription nodes cannot be released by a scale-in.");
      const running = s.runningNodes(g);
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
      return s.startScaling(g, "DECREASING", 0, remove.map((n) => n.NodeId));
    },
    PutAutoScalingPolicy: (p) => {
      const g = s.group(p);
      const policy = { ScalingPolicyId: `asp-${hex(8)}`, ClusterId: g.ClusterId, NodeGroupId: g.NodeGroupId, Constraints: toNumbers(p.Constraints), ScalingRules: toNumbers(p.ScalingRules ?? []) };
      s.policies.set(g.NodeGroupId, policy); // replaces the whole previous policy
      s.applied.push({ action: "PutAutoScalingPolicy", key: g.NodeGroupId });
      return {};
    },
    RemoveAutoScalingPolicy: (p) => {
      const g = s.group(p);
      s.policies.delete(g.NodeGroupId);
      s.applied.push({ action: "RemoveAutoScalingPolicy", key: g.NodeGroupId });
      return {};
    },
  };
}

function runCluster(s: EmulatorState, p: Params): Record<string, unknown> {
  const token = optStr(p, "ClientToken");
  const { ClientToken: _ignored, ...rest } = p;
  const hash = createHash("sha256").update(JSON.stringify(Object.entries(rest).sort())).digest("hex");
  const seen = token ? s.tokens.get(token) : undefined;
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
  const now = s.clock.now();
  const extra: Record<string, unknown> = Object.fromEntries(["LogCollectStrategy", "ResourceGroupId"].filter((k) => p[k] !== undefined).map((k) => [k, p[k]]));
  const subscription = jsonOrObject<Record<string, unknown>>(p, "SubscriptionConfig");
  if (subscription) extra.SubscriptionConfig = typedConfig(subscription);
  const c = s.addCluster({
    ClusterName: str(p, "ClusterName"), ClusterType: clusterType, RegionId: regionId, ReleaseVersion: release,
    PaymentType: optStr(p, "PaymentType") ?? "PayAsYouGo", DeployMode: optStr(p, "DeployMode") ?? "NORMAL", SecurityMode: optStr(p, "SecurityMode") ?? "NORMAL",
    Description: optStr(p, "Description"), DeletionProtection: bool(p, "DeletionProtection") ?? false,
    Tags: jsonOrObject(p, "Tags") ?? [], NodeAttributes: attrs, Applications: apps.map((a) => a.ApplicationName),
    CreateTime: now, bootstrapAt: now + s.timings.creationMs * 0.6, readyAt: now + s.timings.creationMs, failure: s.nextCreationFailure,
    extra, applicationConfigs: (jsonOrObject<Record<string, unknown>[]>(p, "ApplicationConfigs") ?? []).map((c) => typedConfig(c) as Record<string, unknown>), scripts: new Map((jsonOrObject<Record<string, unknown>[]>(p, "BootstrapScripts") ?? []).map((sc) => [`cs-${hex(8)}`, typedConfig(sc) as Record<string, unknown>])),
  });
  const op = s.addOperation(c.ClusterId, "CREATE_CLUSTER", c.readyAt, s.nextCreationFailure);
  s.nextCreationFailure = undefined;
  for (const g of groups) {
    const rec = s.addGroup(c, { NodeGroupName: String(g.NodeGroupName), NodeGroupType: String(g.NodeGroupType), PaymentType: String(g.PaymentType ?? c.PaymentType), InstanceTypes: g.InstanceTypes as string[], VSwitchIds: g.VSwitchIds as string[], config: typedConfig(g) as Record<string, unknown> }, Number(g.NodeCount ?? 0));
    if (g.AutoScalingPolicy) s.policies.set(rec.NodeGroupId, { ScalingPolicyId: `asp-${hex(8)}`, ClusterId: c.ClusterId, NodeGroupId: rec.NodeGroupId, ...(g.AutoScalingPolicy as Record<string, unknown>) });
  }
  const result = { ClusterId: c.ClusterId, OperationId: op.OperationId };
  if (token) s.tokens.set(token, { hash, result });
  s.applied.push({ action: "RunCluster", key: c.ClusterName });
  return { ...result };
}
