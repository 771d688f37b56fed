/**
 * Change rules about fields: a change that replaces the cluster (refused: data loss), and edits the provider never
 * applies after creation (advisory: "will not reach the cluster", with what to do instead).
 */
import type { ClusterChange } from "./diff";
import { show } from "./format";
import { compareValues } from "./snapshot";
import { CHANGE_RULES, changeFinding } from "./steps";
import { onUpdate, type ChangeFinding, type ChangeRule } from "./types";
import { isUnknown } from "../types";

/** Fields whose change replaces the cluster (ForceNew in the provider). */
export const REPLACING_FIELDS = ["clusterType", "releaseVersion", "deployMode", "applications", "nodeAttributes"] as const;

/** Fields the provider never applies after creation, and what to do instead. */
export const NOT_APPLIED_CLUSTER_FIELDS: Record<string, string> = {
  applicationConfigs: "change the configuration in the EMR console (or the UpdateApplicationConfigs API) and keep the program in step with it (a rotated metastore password must be changed there too)",
  securityMode: "the security mode is fixed at creation: create a new cluster with the mode you need, migrate, then retire this one",
  resourceGroupId: "move the cluster to the resource group in the Resource Management console (ChangeResourceGroup), then keep the program in step",
};
export const NEW_GROUP_INSTEAD = "add a new node group with these settings, move the work to it, then step the old group to 0 and remove it";
export const NOT_APPLIED_GROUP_FIELDS = ["instanceTypes", "vswitchIds", "withPublicIp", "additionalSecurityGroupIds", "spotStrategy", "spotBidPrices", "spotInstanceRemedy"] as const;

const upper = (v: unknown) => (Array.isArray(v) ? v.map((x) => (typeof x === "string" ? x.toUpperCase() : x)).sort() : v);

/** The replacing paths of a change: changed ForceNew fields (per nodeAttributes field) and the provider's replace reasons. */
export function replacingPaths(change: ClusterChange): { path: string; before: unknown; after: unknown; unknown: boolean }[] {
  const found = new Map<string, { path: string; before: unknown; after: unknown; unknown: boolean }>();
  for (const f of change.fields) {
    if (!(REPLACING_FIELDS as readonly string[]).includes(f.path)) continue;
    if (f.path === "applications" && compareValues(upper(f.before), upper(f.after)) === "same") continue;
    if (f.path === "nodeAttributes") {
      const attrs = (v: unknown): Record<string, unknown> => { const o = Array.isArray(v) ? v[0] : v; return o !== null && typeof o === "object" && !isUnknown(o) ? (o as Record<string, unknown>) : {}; };
      const b = attrs(f.before);
      const a = attrs(f.after);
      for (const k of new Set([...Object.keys(b), ...Object.keys(a)].filter((k) => !k.startsWith("__")))) {
        const c = compareValues(b[k], a[k]);
        if (c !== "same") found.set(`nodeAttributes.${k}`, { path: `nodeAttributes.${k}`, before: b[k], after: a[k], unknown: c === "unknown" });
      }
      if (isUnknown(f.after)) found.set("nodeAttributes", { path: "nodeAttributes", before: f.before, after: f.after, unknown: true });
      continue;
    }
    found.set(f.path, { path: f.path, before: f.before, after: f.after, unknown: f.comparison === "unknown" });
  }
  for (const r of change.replaceReasons) if (![...found.keys()].some((k) => k === r || k.startsWith(`${r}.`))) found.set(r, { path: r, before: undefined, after: undefined, unknown: false });
  return [...found.values()];
}

export const replacementRule: ChangeRule = {
  name: CHANGE_RULES.replacement,
  description: "Checks whether no change replaces the cluster (clusterType, releaseVersion, deployMode, applications, nodeAttributes: data loss).",
  level: "mandatory",
  check(change) {
    return onUpdate(change, (out) => {
      out.applies();
      for (const r of replacingPaths(change)) {
        if (r.unknown && !change.replaceReasons.includes(r.path.split(".")[0])) {
          out.unknown(r.path);
          continue;
        }
        const values = r.before === undefined && r.after === undefined ? "(the provider's replace reason)" : `${show(r.before)} → ${show(r.after)}`;
        out.add([changeFinding(CHANGE_RULES.replacement, { cluster: change.cluster, path: r.path }, `${r.path} ${values} replaces the cluster: the provider releases it and creates a new one, and the data on it (HDFS, a local metastore, logs) is lost`, `keep ${r.path} as it is; to move on, create a new cluster next to it (another resource name), migrate data and jobs, then retire the old one (emr:retire)`)]);
      }
    });
  },
};

export const notAppliedRule: ChangeRule = {
  name: CHANGE_RULES.notApplied,
  description: "Checks whether every edited field is one the provider applies (applicationConfigs, securityMode, resourceGroupId and a group's network, instance and spot settings never reach the cluster).",
  level: "advisory",
  check(change) {
    return onUpdate(change, (out) => {
      out.applies();
      for (const f of change.fields) {
        const groupField = f.path.match(/^(nodeGroups\[\d+\])\.(.+)$/);
        const instead = groupField ? ((NOT_APPLIED_GROUP_FIELDS as readonly string[]).includes(groupField[2]) ? NEW_GROUP_INSTEAD : undefined) : NOT_APPLIED_CLUSTER_FIELDS[f.path];
        if (!instead) continue;
        if (f.comparison === "unknown") {
          out.unknown(f.path);
          continue;
        }
        const group = groupField ? change.groups.find((g) => g.path === groupField[1])?.name : undefined;
        // applicationConfigs may hold a password: say that it changed, never what it holds.
        const values = f.path === "applicationConfigs" ? "changed" : `${show(f.before)} → ${show(f.after)}`;
        const finding: ChangeFinding = { ...changeFinding(CHANGE_RULES.notApplied, { cluster: change.cluster, group, path: f.path }, `${group ? `node group "${group}": ` : ""}${f.path} ${values}: the provider makes no API call for this field after creation, so the edit will not reach the cluster`, instead), level: "advisory" };
        out.add([finding]);
      }
    });
  },
};

