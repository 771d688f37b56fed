/** Deploy mode, node roles, applications and network placement of the node groups. */
import { CLUSTER_TYPES_WITHOUT_GATEWAY, HA_REQUIRED_APPLICATIONS, MASTER_NODES, MUTUALLY_EXCLUSIVE_APPLICATIONS, type DeployMode } from "./domain";
import { OutcomeBuilder, UNKNOWN, type ClusterRule } from "./types";
import { isKnown, knownApplications, MALFORMED, nodeGroupsOf, type ClusterView } from "./view";

/** The deploy mode when it is one of ours; records an unknown otherwise. */
function deployModeOf(view: ClusterView, out: OutcomeBuilder): DeployMode | undefined {
  if (view.deployMode === UNKNOWN) out.unknown("deployMode");
  return view.deployMode === "HA" || view.deployMode === "NORMAL" ? view.deployMode : undefined;
}

export const deployModeMasters: ClusterRule = {
  name: "emr-deploy-mode-masters",
  description: "Checks whether the cluster has one MASTER group with 3 nodes in HA mode, or 1 node in NORMAL mode.",
  check(view) {
    const out = new OutcomeBuilder(this.name);
    const mode = deployModeOf(view, out);
    const groups = nodeGroupsOf(view, out);
    if (!mode || !Array.isArray(view.nodeGroups)) return out.build();
    out.applies();
    const want = MASTER_NODES[mode];
    if (groups.some((g) => g.type === UNKNOWN)) return out.unknown("nodeGroups").build();
    const masters = groups.filter((g) => g.type === "MASTER");
    if (masters.length !== 1) {
      return out.fail("nodeGroups", `the cluster has ${masters.length} MASTER groups; it needs exactly one`, `declare one group with nodeGroupType "MASTER" and nodeCount ${want}`).build();
    }
    const [m] = masters;
    if (m.nodeCount === UNKNOWN) out.unknown(`${m.path}.nodeCount`);
    else if (m.nodeCount !== want) {
      const why = mode === "HA" ? "HA mode needs 3 MASTER nodes for standby switching" : "NORMAL mode has 1 MASTER node";
      out.fail(`${m.path}.nodeCount`, `${m.label} has ${String(m.nodeCount)} nodes; ${why}`, mode === "HA" ? "set nodeCount to 3" : 'set nodeCount to 1, or use deployMode "HA" with 3 MASTER nodes for production');
    }
    return out.build();
  },
};

export const haZookeeper: ClusterRule = {
  name: "emr-ha-zookeeper",
  description: "Checks whether an HA cluster installs ZOOKEEPER (master standby switching).",
  check(view) {
    const out = new OutcomeBuilder(this.name);
    if (deployModeOf(view, out) !== "HA") return out.build();
    if (view.applications === UNKNOWN) return out.unknown("applications").build();
    out.applies();
    const apps = knownApplications(view);
    for (const required of HA_REQUIRED_APPLICATIONS) {
      if (!apps.includes(required)) out.fail("applications", `HA mode without ${required}: the masters cannot switch over`, `add "${required}" to applications`);
    }
    return out.build();
  },
};

export const nodeGroupRoles: ClusterRule = {
  name: "emr-node-group-roles",
  description: "Checks whether MASTER-EXTEND groups appear only in HA clusters and GATEWAY groups only in cluster types that accept them.",
  check(view) {
    const out = new OutcomeBuilder(this.name);
    const mode = deployModeOf(view, out);
    for (const g of nodeGroupsOf(view, out)) {
      if (g.type === UNKNOWN) {
        out.unknown(`${g.path}.nodeGroupType`);
        continue;
      }
      out.applies();
      if (g.type === "MASTER-EXTEND" && mode === "NORMAL") {
        out.fail(`${g.path}.nodeGroupType`, `${g.label} is MASTER-EXTEND, which exists only in HA clusters`, 'use deployMode "HA", or make it a CORE or TASK group');
      }
      if (g.type === "GATEWAY" && isKnown(view.clusterType) && CLUSTER_TYPES_WITHOUT_GATEWAY.includes(view.clusterType as never)) {
        out.fail(`${g.path}.nodeGroupType`, `${g.label} is a GATEWAY group, which ${view.clusterType} clusters do not accept`, "remove it, or submit jobs from a TASK group or the MASTER");
      }
    }
    return out.build();
  },
};

export const taskOnlyFeatures: ClusterRule = {
  name: "emr-spot-and-auto-scaling-task-only",
  description: "Checks whether Spot instances and auto-scaling policies are used only on TASK groups.",
  check(view) {
    const out = new OutcomeBuilder(this.name);
    for (const g of nodeGroupsOf(view, out)) {
      if (g.type === UNKNOWN) {
        out.unknown(`${g.path}.nodeGroupType`);
        continue;
      }
      out.applies();
      if (g.type === "TASK") continue;
      if (isKnown(g.spotStrategy) && g.spotStrategy !== "NoSpot") {
        out.fail(`${g.path}.spotStrategy`, `${g.label} is ${String(g.type)} with spotStrategy ${g.spotStrategy}; Spot instances can be reclaimed, so only TASK groups may use them`, 'remove spotStrategy (or set "NoSpot"), and put Spot capacity in a TASK group');
      }
      if (g.autoScaling === true) {
        out.fail(`${g.path}.autoScalingPolicy`, `${g.label} is ${String(g.type)} with an auto-scaling policy; only TASK groups scale automatically`, "move the autoScalingPolicy to a TASK group");
      }
    }
    return out.build();
  },
};

export const vswitchIdsRequired: ClusterRule = {
  name: "emr-vswitch-ids",
  description: "Checks whether every node group lists its VSwitchIds (else the API fails with InvalidParameter: VSwitchIds is not valid).",
  check(view) {
    const out = new OutcomeBuilder(this.name);
    for (const g of nodeGroupsOf(view, out)) {
      const path = `${g.path}.vswitchIds`;
      if (g.vswitchIds === UNKNOWN) out.unknown(path);
      else if (!Array.isArray(g.vswitchIds) || g.vswitchIds.length === 0) {
        out.fail(path, `${g.label} has no vswitchIds; EMR refuses it with "InvalidParameter: VSwitchIds is not valid"`, 'list the VSwitch(es) of the cluster\'s zone, e.g. ["vsw-bp1example"]');
      } else out.applies();
    }
    return out.build();
  },
};

export const applicationExclusion: ClusterRule = {
  name: "emr-application-exclusion",
  description: "Checks whether the cluster installs at most one of SPARK2/SPARK3, HDFS/OSS-HDFS and STARROCKS2/STARROCKS3.",
  check(view) {
    const out = new OutcomeBuilder(this.name);
    if (view.applications === UNKNOWN) return out.unknown("applications").build();
    if (view.applications === MALFORMED) return out.fail("applications", "applications is not a list", 'write applications as a list, e.g. ["HADOOP-COMMON", "HDFS"]').build();
    const apps = knownApplications(view);
    out.applies();
    for (const set of MUTUALLY_EXCLUSIVE_APPLICATIONS) {
      const both = set.filter((a) => apps.includes(a));
      if (both.length > 1) out.fail("applications", `${both.join(" and ")} exclude each other`, `keep one of ${both.join(", ")}, e.g. "${both[both.length - 1]}"`);
    }
    return out.build();
  },
};
