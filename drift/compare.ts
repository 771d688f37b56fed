/**
 * Live drift of one cluster, property by property: what the stack recorded (its provider state) against what the EMR
 * API reports now (client/provider-shape.ts), each property in sync, changed, missing (recorded, gone live) or added
 * by hand (live, never recorded), and each drift classed by what it means for the program:
 * - expected: an auto-scaled group's count within its policy's bounds (the policy moves it; ignoreChanges lets it);
 * - risky: the next `pulumi up` would fight it or stop on it (a count outside the plan, a group or tag added or
 *   removed by hand, a replaced policy, a field whose edit replaces the cluster);
 * - dangerous: the cluster can now be lost, or is no longer what it was approved as (deletion protection off, the
 *   security mode or the security group changed, the cluster gone).
 */
import { isDeepStrictEqual } from "node:util";
import { IDENTITY_TAG } from "../policies/rules/domain";
import { policyRange } from "../policies/rules/calls";

type Obj = Record<string, unknown>;

export type DriftStatus = "in-sync" | "changed" | "missing" | "added";
export type DriftClass = "none" | "expected" | "risky" | "dangerous";
export const CLASS_ORDER: DriftClass[] = ["none", "expected", "risky", "dangerous"];

export interface DriftItem {
  path: string;
  status: DriftStatus;
  recorded?: unknown;
  live?: unknown;
  class: DriftClass;
  /** Why this class, in the program's terms (empty when in sync). */
  why: string;
}

const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);
const first = (v: unknown): Obj => (Array.isArray(v) && isObj(v[0]) ? v[0] : isObj(v) ? v : {});
const groupsOf = (p: Obj): Obj[] => (Array.isArray(p.nodeGroups) ? p.nodeGroups.filter(isObj) : []);

/** Cluster fields, with the class of a change and why. */
const CLUSTER_FIELDS: { path: string; read: (p: Obj) => unknown; judge: (recorded: unknown, live: unknown) => [DriftClass, string] }[] = [
  { path: "deletionProtection", read: (p) => p.deletionProtection ?? false, judge: (r, l) => (l === false ? ["dangerous", "deletion protection is off: DeleteCluster would now release the cluster; turn it back on in the EMR console"] : ["risky", `the state says ${String(r)}: the program would not turn it off again, but its next attribute change sends what the state says`]) },
  { path: "securityMode", read: (p) => p.securityMode ?? "NORMAL", judge: () => ["dangerous", "the security mode changed outside the program (the provider never applies it: the cluster is not what was approved)"] },
  { path: "nodeAttributes.securityGroupId", read: (p) => first(p.nodeAttributes).securityGroupId, judge: () => ["dangerous", "the cluster's security group changed outside the program: the network rules it was approved with no longer apply, and the next preview plans a replacement"] },
  { path: "clusterName", read: (p) => p.clusterName, judge: () => ["risky", "renamed outside the program: the next update renames it back (UpdateClusterAttribute)"] },
  { path: "paymentType", read: (p) => p.paymentType ?? "PayAsYouGo", judge: () => ["risky", "the payment type changed outside the program: the provider refuses Subscription -> PayAsYouGo, and a switch needs its groups"] },
  ...["clusterType", "releaseVersion", "deployMode"].map((f) => ({ path: f, read: (p: Obj) => p[f], judge: (): [DriftClass, string] => ["risky", `${f} replaces the cluster when it changes (ForceNew): the next preview fails on the protected cluster`] })),
  ...["vpcId", "zoneId", "keyPairName", "ramRole"].map((f) => ({ path: `nodeAttributes.${f}`, read: (p: Obj) => first(p.nodeAttributes)[f], judge: (): [DriftClass, string] => ["risky", `nodeAttributes.${f} replaces the cluster when it changes (ForceNew): the next preview fails on the protected cluster`] })),
  { path: "applications", read: (p) => (Array.isArray(p.applications) ? [...p.applications].map(String).sort() : p.applications), judge: () => ["risky", "applications differ (installed or removed in the console): the next preview plans a replacement (ForceNew), which protect refuses"] },
  { path: "resourceGroupId", read: (p) => p.resourceGroupId, judge: () => ["risky", "moved to another resource group outside the program (replace-only in the program)"] },
];

function item(path: string, recorded: unknown, live: unknown, judge: () => [DriftClass, string]): DriftItem {
  if (isDeepStrictEqual(recorded, live)) return { path, status: "in-sync", recorded, live, class: "none", why: "" };
  const status: DriftStatus = recorded === undefined ? "added" : live === undefined ? "missing" : "changed";
  const [cls, why] = judge();
  return { path, status, ...(recorded !== undefined ? { recorded } : {}), ...(live !== undefined ? { live } : {}), class: cls, why };
}

function tagItems(recorded: Obj, live: Obj): DriftItem[] {
  const keys = [...new Set([...Object.keys(recorded), ...Object.keys(live)])].sort();
  return keys.map((k) =>
    item(`tags["${k}"]`, recorded[k], live[k], () => {
      if (!(k in live)) return ["risky", `the tag was removed by hand${k === IDENTITY_TAG ? ": the live gate finds the cluster by it" : k.startsWith("emr-guard:ack-") ? ": an acknowledgement the state records is gone" : ""}; the next update that changes tags writes it back`];
      if (!(k in recorded)) return ["risky", "the tag was added by hand: the next update that changes tags removes it (the provider untags what the program does not list)"];
      return ["risky", "the tag's value was edited by hand: the next update that changes tags writes the recorded value back"];
    }),
  );
}

const comparablePolicy = (p: unknown): unknown => {
  if (!isObj(p)) return p;
  const c = isObj(p.constraints) ? p.constraints : Array.isArray(p.constraints) ? first(p.constraints) : {};
  return { constraints: { minCapacity: c.minCapacity ?? 0, maxCapacity: c.maxCapacity }, scalingRules: p.scalingRules ?? [] };
};

function groupItems(recorded: Obj, live: Obj): DriftItem[] {
  const out: DriftItem[] = [];
  const rec = new Map(groupsOf(recorded).map((g) => [String(g.nodeGroupName), g]));
  const now = new Map(groupsOf(live).map((g) => [String(g.nodeGroupName), g]));
  for (const name of [...new Set([...rec.keys(), ...now.keys()])]) {
    const [r, l] = [rec.get(name), now.get(name)];
    const at = `nodeGroups["${name}"]`;
    if (!r || !l) {
      out.push(item(at, r ? { nodeGroupType: r.nodeGroupType, nodeCount: r.nodeCount } : undefined, l ? { nodeGroupType: l.nodeGroupType, nodeCount: l.nodeCount } : undefined, () =>
        !r ? ["risky", `a group made outside the program: while it has nodes the provider stops every node-group update ("exists running nodes"), and it deletes it once empty`] : ["risky", "the group is gone from the cluster: the next node-group update creates it again (CreateNodeGroup, IncreaseNodes)"],
      ));
      continue;
    }
    const policy = r.autoScalingPolicy ?? l.autoScalingPolicy;
    out.push(item(`${at}.nodeCount`, r.nodeCount, l.nodeCount, () => {
      const count = Number(l.nodeCount);
      if (policy !== undefined) {
        const range = policyRange(policy);
        if (count >= range.min && count <= range.max) return ["expected", `auto-scaled within its policy's bounds (${range.min}-${range.max})`];
        return ["risky", `outside its policy's bounds (${range.min}-${range.max}): resized by hand`];
      }
      return ["risky", `resized outside the program: the next node-group update resizes it back to ${String(r.nodeCount)}`];
    }));
    out.push(item(`${at}.autoScalingPolicy`, comparablePolicy(r.autoScalingPolicy), comparablePolicy(l.autoScalingPolicy), () => ["risky", "the auto-scaling policy was changed by hand: the program's next policy change replaces it whole"]));
    out.push(item(`${at}.instanceTypes`, r.instanceTypes, l.instanceTypes, () => ["risky", "instance types changed outside the program (the provider never applies them)"]));
    out.push(item(`${at}.dataDisks[0].size`, first(r.dataDisks).size, first(l.dataDisks).size, () => ["risky", "the data disk was resized by hand: a smaller size in the program stops the next node-group update"]));
    out.push(item(`${at}.paymentType`, r.paymentType, l.paymentType, () => ["risky", "the group's payment type changed outside the program"]));
  }
  return out;
}

/** Every compared property of a cluster: `recorded` is the state's provider-shaped outputs, `live` the API's. */
export function compareCluster(recorded: Obj, live: Obj): DriftItem[] {
  return [
    ...CLUSTER_FIELDS.map((f) => item(f.path, f.read(recorded), f.read(live), () => f.judge(f.read(recorded), f.read(live)))),
    ...tagItems(isObj(recorded.tags) ? recorded.tags : {}, isObj(live.tags) ? live.tags : {}),
    ...groupItems(recorded, live),
  ];
}

/** The cluster the state records, gone: released outside the program (or TERMINATED). */
export function goneItem(clusterId: string, state?: string): DriftItem {
  return { path: "(cluster)", status: "missing", recorded: clusterId, ...(state ? { live: state } : {}), class: "dangerous", why: `the cluster ${clusterId} the state records is ${state ? `${state}` : "not found"}: released outside the program; \`pulumi up --refresh\` would create a new one` };
}

export const worst = (classes: DriftClass[]): DriftClass => classes.reduce<DriftClass>((w, c) => (CLASS_ORDER.indexOf(c) > CLASS_ORDER.indexOf(w) ? c : w), "none");
