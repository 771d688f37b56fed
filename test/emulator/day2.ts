/**
 * The EMR actions of a cluster's later life, as the alicloud provider's update and read send them (reference
 * alicloud-emrv2-update-calls.md): tags, the payment switch, disk growth, node-group removal and payment, bootstrap
 * scripts, operations, and DeleteCluster (refused while deletion protection is on). Where the API's documentation
 * says nothing of an error code, the code here is the emulator's own choice and says so in its message.
 */
import { bool, jsonOrObject, ParamError, str, strList, type Params } from "./params";
import { denied, hex, notFound, page, typedConfig, type ClusterRec, type Tag } from "./records";
import type { EmulatorState } from "./state";

type Handler = (p: Params) => Record<string, unknown>;

/** `Tags.N.Key/Value` (TagResources) or `TagKeys.N` / `Tags.N` (UntagResources, a list of keys). */
function keysOf(p: Params, name: string): string[] {
  const v = p[name];
  if (!Array.isArray(v)) return [];
  return v.map((t) => (typeof t === "string" ? t : String((t as { Key?: unknown })?.Key ?? "")));
}

function taggedClusters(s: EmulatorState, p: Params): ClusterRec[] {
  const type = str(p, "ResourceType");
  if (type !== "cluster") throw new ParamError("InvalidParameter", `ResourceType ${type} is not supported; use "cluster".`);
  const ids = strList(p, "ResourceIds") ?? [];
  if (ids.length === 0) throw new ParamError("MissingParameter", 'The input parameter "ResourceIds" that is mandatory for processing this request is not supplied.');
  return ids.map((id) => s.cluster({ ...p, ClusterId: id }));
}

export function createDay2Handlers(s: EmulatorState): Record<string, Handler> {
  return {
    GetOperation: (p) => {
      const c = s.cluster(p);
      const op = s.operations.get(str(p, "OperationId"));
      if (!op || op.ClusterId !== c.ClusterId) throw notFound(`operation ${String(p.OperationId)}`);
      return { Operation: s.operationView(op) };
    },
    ListTagResources: (p) => {
      const rows = taggedClusters(s, p).flatMap((c) => c.Tags.map((t) => ({ ResourceId: c.ClusterId, ResourceType: "cluster", TagKey: t.Key, TagValue: t.Value ?? "" })));
      return page(rows, p, "TagResources");
    },
    TagResources: (p) => {
      const tags = (Array.isArray(p.Tags) ? p.Tags : []) as { Key?: unknown; Value?: unknown }[];
      if (tags.length === 0) throw new ParamError("MissingParameter", 'The input parameter "Tags" that is mandatory for processing this request is not supplied.');
      for (const c of taggedClusters(s, p)) {
        for (const t of tags) {
          const tag: Tag = { Key: String(t.Key), Value: typeof t.Value === "string" ? t.Value : undefined };
          c.Tags = [...c.Tags.filter((x) => x.Key !== tag.Key), tag];
        }
        s.applied.push({ action: "TagResources", key: c.ClusterId });
      }
      return {};
    },
    UntagResources: (p) => {
      const keys = [...keysOf(p, "TagKeys"), ...keysOf(p, "Tags")];
      const all = bool(p, "All") ?? false;
      for (const c of taggedClusters(s, p)) {
        c.Tags = all ? [] : c.Tags.filter((t) => !keys.includes(t.Key));
        s.applied.push({ action: "UntagResources", key: c.ClusterId });
      }
      return {};
    },
    UpdateClusterPaymentType: (p) => {
      const c = s.runningCluster(p);
      if (c.PaymentType === "Subscription") throw denied("OperationDenied.PaymentType", "The cluster is already Subscription (emulator: the API documents no code for this).");
      const groups = (jsonOrObject<Record<string, unknown>[]>(p, "NodeGroups") ?? []).map((g) => typedConfig(g) as Record<string, unknown>);
      for (const ng of groups) {
        const g = s.groups.get(String(ng.NodeGroupId));
        if (!g || g.ClusterId !== c.ClusterId) throw notFound(`node group ${String(ng.NodeGroupId)}`);
        g.PaymentType = String(ng.PaymentType ?? "Subscription");
      }
      c.PaymentType = "Subscription";
      s.applied.push({ action: "UpdateClusterPaymentType", key: c.ClusterId });
      return { OperationId: s.addOperation(c.ClusterId, "UPDATE_CLUSTER_PAYMENT_TYPE", s.clock.now()).OperationId };
    },
    UpdateNodeGroupPaymentType: (p) => {
      const c = s.runningCluster(p);
      const ng = typedConfig(jsonOrObject<Record<string, unknown>>(p, "NodeGroup") ?? {}) as Record<string, unknown>;
      const g = s.group({ ...p, NodeGroupId: ng.NodeGroupId });
      if (c.PaymentType !== "Subscription") throw denied("OperationDenied.PaymentType", "A node group's payment type can change only in a Subscription cluster (emulator's code).");
      g.PaymentType = String(ng.PaymentType ?? "Subscription");
      s.applied.push({ action: "UpdateNodeGroupPaymentType", key: g.NodeGroupId });
      return { OperationId: s.addOperation(c.ClusterId, "UPDATE_NODE_GROUP_PAYMENT_TYPE", s.clock.now()).OperationId };
    },
    IncreaseNodesDiskSize: (p) => {
      const g = s.scalableGroup(p);
      const sizes = (jsonOrObject<Record<string, unknown>[]>(p, "DataDiskSizes") ?? []).map((d) => typedConfig(d) as { Category?: string; Size?: number });
      const disks = ((g.config?.DataDisks as Record<string, unknown>[] | undefined) ?? []).map((d) => ({ ...d }));
      for (const want of sizes) {
        const disk = disks.find((d) => d.Category === want.Category);
        if (!disk) throw new ParamError("InvalidParameter", `The node group has no ${String(want.Category)} data disk.`);
        if (Number(want.Size) < Number(disk.Size)) throw denied("OperationDenied", "A data disk can only grow.");
        disk.Size = Number(want.Size);
      }
      g.config = { ...g.config, DataDisks: disks };
      s.applied.push({ action: "IncreaseNodesDiskSize", key: g.NodeGroupId });
      return { OperationId: s.addOperation(g.ClusterId, "INCREASE_NODES_DISK_SIZE", s.clock.now()).OperationId };
    },
    DeleteNodeGroup: (p) => {
      const g = s.scalableGroup(p);
      if (s.runningNodes(g).length > 0) throw denied("OperationDenied.NodeGroupNotEmpty", `The node group ${g.NodeGroupId} still has running nodes (emulator's code).`);
      s.groups.delete(g.NodeGroupId);
      s.policies.delete(g.NodeGroupId);
      s.applied.push({ action: "DeleteNodeGroup", key: g.NodeGroupId });
      return {};
    },
    ListScripts: (p) => {
      const c = s.cluster(p);
      str(p, "ScriptType");
      return page([...(c.scripts ?? new Map()).entries()].map(([ScriptId, sc]) => ({ ScriptId, ...sc })), p, "Scripts");
    },
    CreateScript: (p) => {
      const c = s.runningCluster(p);
      const scripts = jsonOrObject<Record<string, unknown>[]>(p, "Scripts") ?? [];
      c.scripts ??= new Map();
      const ids = scripts.map((sc) => {
        const id = `cs-${hex(8)}`;
        c.scripts!.set(id, typedConfig(sc) as Record<string, unknown>);
        return id;
      });
      s.applied.push({ action: "CreateScript", key: c.ClusterId });
      return { ScriptIds: ids };
    },
    UpdateScript: (p) => {
      const c = s.runningCluster(p);
      const id = str(p, "ScriptId");
      if (!c.scripts?.has(id)) throw notFound(`script ${id}`);
      c.scripts.set(id, typedConfig(jsonOrObject<Record<string, unknown>>(p, "Script") ?? {}) as Record<string, unknown>);
      s.applied.push({ action: "UpdateScript", key: id });
      return {};
    },
    DeleteScript: (p) => {
      const c = s.runningCluster(p);
      const id = str(p, "ScriptId");
      if (!c.scripts?.delete(id)) throw notFound(`script ${id}`);
      s.applied.push({ action: "DeleteScript", key: id });
      return {};
    },
    DeleteCluster: (p) => {
      const c = s.cluster(p);
      if (c.DeletionProtection) throw denied("OperationDenied.DeletionProtection", `The cluster ${c.ClusterId} has deletion protection on; turn it off with UpdateClusterAttribute first (emulator's code).`);
      c.fixedState = "TERMINATED";
      s.applied.push({ action: "DeleteCluster", key: c.ClusterId });
      return { OperationId: s.addOperation(c.ClusterId, "DELETE_CLUSTER", s.clock.now()).OperationId };
    },
  };
}
