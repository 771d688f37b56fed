/**
 * The call model (policies/rules/calls) held against the provider's real calls: for one cluster and one `pulumi up`,
 * the model's write calls from the recorded state (`pulumi stack export` before the update), the program's planned
 * inputs (`pulumi preview --json --show-sames`: the inputs the engine sends, with the resource's ignoreChanges and
 * replaceOnChanges; without --show-sames an unchanged cluster is not listed and would read as removed) and the live cluster (the emulator's ListNodeGroups and ListTagResources answers, as the
 * provider reads them), against the EMR write calls in the emulator's log.
 *
 * Both sides are written `<action>[ <group>][ <count>]`. Calls the model marks `anyOrder` (built while the provider
 * iterates a Go map) are compared as a set within their run; so are the log's calls in the same positions.
 */
import { decodeValue } from "../../check/change/documents";
import { liveFromApi, planClusterCalls, type CallPlan, type EmrCall } from "../../policies/rules/calls";
import type { Emulator, LoggedRequest } from "../emulator/server";

const CLUSTER = "alicloud:emrv2/cluster:Cluster";

interface ResourceDoc {
  urn: string;
  type: string;
  id?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  protect?: boolean;
  retainOnDelete?: boolean;
  ignoreChanges?: string[];
  replaceOnChanges?: string[];
}

const decoded = (v: Record<string, unknown> | undefined) => (v ? (decodeValue(v) as Record<string, unknown>) : {});
const named = (urn: string, name: string) => urn.endsWith(`::${name}`);

/** The model's plan for cluster `name` (its Pulumi resource name) from the two documents and the emulator's answers. */
export function modelPlan(name: string, exportText: string, previewText: string, emulator: Emulator): CallPlan {
  const resources = (JSON.parse(exportText) as { deployment: { resources: ResourceDoc[] } }).deployment.resources;
  const before = resources.find((r) => r.type === CLUSTER && named(r.urn, name));
  const steps = (JSON.parse(previewText) as { steps: { urn: string; newState?: ResourceDoc }[] }).steps;
  const after = steps.find((s) => s.newState?.type === CLUSTER && named(s.urn, name))?.newState;
  if (!before) throw new Error(`cluster ${name} is not in the stack export`);
  const regionId = "cn-hangzhou";
  const groups = emulator.state.handle("ListNodeGroups", { RegionId: regionId, ClusterId: before.id, MaxResults: "100" }).NodeGroups as Parameters<typeof liveFromApi>[0]["nodeGroups"];
  const tags = emulator.state.handle("ListTagResources", { RegionId: regionId, ResourceType: "cluster", ResourceIds: [before.id] }).TagResources as Parameters<typeof liveFromApi>[0]["tags"];
  return planClusterCalls({
    cluster: name,
    urn: before.urn,
    before: { id: before.id, inputs: decoded(before.inputs), state: decoded(before.outputs ?? before.inputs), protect: before.protect, retainOnDelete: before.retainOnDelete },
    // Absent from the preview's new states: the cluster leaves the program.
    after: after && { inputs: decoded(after.inputs), ignoreChanges: after.ignoreChanges ?? [], replaceOnChanges: after.replaceOnChanges ?? [], protect: after.protect === true, retainOnDelete: after.retainOnDelete === true },
    live: liveFromApi({ nodeGroups: groups, tags }),
  });
}

const countOf = (p: Record<string, unknown>) => p.IncreaseNodeCount ?? p.DecreaseNodeCount;

export function modelCall(c: EmrCall): string {
  const count = countOf(c.params);
  return `${c.action}${c.group ? ` ${c.group}` : ""}${count !== undefined ? ` ${String(count)}` : ""}`;
}

/** The log's EMR write calls, in the same form (a group by the name the emulator knows it by). */
export function loggedCall(r: LoggedRequest, emulator: Emulator): string {
  const p = r.params as Record<string, unknown>;
  const group = typeof p.NodeGroupId === "string" ? emulator.state.groups.get(p.NodeGroupId)?.NodeGroupName ?? p.NodeGroupId : r.action === "CreateNodeGroup" ? String((p.NodeGroup as Record<string, unknown>)?.NodeGroupName ?? "") : undefined;
  const count = countOf(p);
  return `${r.action}${group ? ` ${group}` : ""}${count !== undefined ? ` ${String(count)}` : ""}`;
}

/** The model's calls and the logged ones, each run of any-order calls sorted, for a deep-equal comparison. */
export function comparable(plan: CallPlan, logged: string[]): { model: string[]; log: string[] } {
  const model = plan.calls.map(modelCall);
  const runs: [number, number][] = [];
  plan.calls.forEach((c, i) => {
    if (!c.anyOrder) return;
    const last = runs[runs.length - 1];
    if (last && last[1] === i) last[1] = i + 1;
    else runs.push([i, i + 1]);
  });
  const sortRuns = (xs: string[]) => {
    const out = [...xs];
    for (const [a, b] of runs) out.splice(a, b - a, ...out.slice(a, b).sort());
    return out;
  };
  return { model: sortRuns(model), log: sortRuns(logged) };
}
