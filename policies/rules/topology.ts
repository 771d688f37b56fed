/** Deploy mode, node roles, applications and network placement of the node groups. */
import { compareReleases, CORE_DATA_APPLICATIONS, GATEWAY_SINCE_RELEASE, HA_REQUIRED_APPLICATIONS, INTERNAL_APPLICATIONS, MASTER_NODES, MUTUALLY_EXCLUSIVE_APPLICATIONS, type ClusterType, type DeployMode } from "./domain";
import { OutcomeBuilder, UNKNOWN } from "./types";
import type { ClusterRule } from "./rule";
import { isKnown, knownApplications, MALFORMED, nodeGroupsOf, type ClusterView } from "./view";

/** The deploy mode when it is one of ours; records an unknown otherwise. */
function deployModeOf(view: ClusterView, out: OutcomeBuilder): DeployMode | undefined {
  if (view.deployMode === UNKNOWN) out.unknown("deployMode");
  return view.deployMode === "HA" || view.deployMode === "NORMAL" ? view.deployMode : undefined;
}

export const deployModeMasters: ClusterRule = {
  name: "emr-deploy-mode-masters",
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
    else if (isKnown(m.nodeCount) && m.nodeCount !== want) {
      const why = mode === "HA" ? "HA mode needs 3 MASTER nodes for standby switching" : "NORMAL mode has 1 MASTER node";
      out.fail(`${m.path}.nodeCount`, `${m.label} has ${String(m.nodeCount)} nodes; ${why}`, mode === "HA" ? "set nodeCount to 3" : 'set nodeCount to 1, or use deployMode "HA" with 3 MASTER nodes for production');
    }
    return out.build();
  },
};

export const haZookeeper: ClusterRule = {
  name: "emr-ha-zookeeper",
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
      if (g.type === "GATEWAY") gatewayProblem(view, g.path, g.label, out);
    }
    return out.build();
  },
};

/** A GATEWAY group is accepted by DATALAKE/DATAFLOW from EMR-5.10.1 and CUSTOM from EMR-5.17.1, never by OLAP/DATASERVING. */
function gatewayProblem(view: ClusterView, path: string, label: string, out: OutcomeBuilder): void {
  const typePath = `${path}.nodeGroupType`;
  if (view.clusterType === UNKNOWN) return void out.unknown("clusterType");
  if (!isKnown(view.clusterType)) return;
  const since = GATEWAY_SINCE_RELEASE[view.clusterType as ClusterType];
  if (!since) {
    out.fail(typePath, `${label} is a GATEWAY group, which ${view.clusterType} clusters do not accept: they use a separately deployed gateway environment`, `remove the group and submit jobs from a gateway environment deployed for the cluster (see "Gateway environment" in the EMR ${view.clusterType} docs)`);
    return;
  }
  if (view.releaseVersion === UNKNOWN) return void out.unknown("releaseVersion");
  const order = isKnown(view.releaseVersion) ? compareReleases(view.releaseVersion, since) : undefined;
  if (order === undefined) {
    out.fail("releaseVersion", `${label} is a GATEWAY group, accepted by ${view.clusterType} clusters from ${since}, but releaseVersion ${JSON.stringify(view.releaseVersion ?? null)} is not a release like EMR-5.16.0`, `set releaseVersion to ${since} or later, e.g. "EMR-5.17.1"`);
  } else if (order < 0) {
    out.fail(typePath, `${label} is a GATEWAY group; ${view.clusterType} clusters accept them from ${since}, this one is ${String(view.releaseVersion)}`, `use releaseVersion ${since} or later for a gateway group, or remove the group`);
  }
}

export const taskOnlyFeatures: ClusterRule = {
  name: "emr-spot-and-auto-scaling-task-only",
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

/**
 * A CORE group holds the data of the applications in CORE_DATA_APPLICATIONS (HDFS): a cluster that installs one
 * needs a CORE group. A cluster without one (the provider's own test cluster: OLAP, ZOOKEEPER only, one MASTER
 * group) needs none. A CORE group, where there is one, has nodes.
 */
export const coreGroupPresent: ClusterRule = {
  name: "emr-core-group",
  check(view) {
    const out = new OutcomeBuilder(this.name);
    const groups = nodeGroupsOf(view, out);
    if (!Array.isArray(view.nodeGroups)) return out.build();
    if (groups.some((g) => g.type === UNKNOWN)) return out.unknown("nodeGroups").build();
    const cores = groups.filter((g) => g.type === "CORE");
    for (const g of cores) {
      out.applies();
      if (g.nodeCount === UNKNOWN) out.unknown(`${g.path}.nodeCount`);
      else if (g.nodeCount === 0) out.fail(`${g.path}.nodeCount`, `${g.label} is a CORE group with 0 nodes`, "give it at least 1 node, e.g. nodeCount: 2");
    }
    if (cores.length) return out.build();
    if (view.applications === UNKNOWN) return out.unknown("applications").build();
    const storing = knownApplications(view).filter((a) => (CORE_DATA_APPLICATIONS as readonly string[]).includes(a));
    if (!storing.length) return out.build();
    out.applies();
    out.fail(
      "nodeGroups",
      `the cluster installs ${storing.join(", ")}, which keeps its data on CORE nodes, but has no CORE group (was it removed or merged away?)`,
      'keep one group with nodeGroupType "CORE" and nodeCount of at least 1, e.g. { nodeGroupType: "CORE", nodeGroupName: "core", nodeCount: 2, ... }, or keep the data in OSS-HDFS instead of HDFS',
    );
    return out.build();
  },
};

export const nodeGroupNamesUnique: ClusterRule = {
  name: "emr-node-group-names-unique",
  check(view) {
    const out = new OutcomeBuilder(this.name);
    const seen = new Map<string, string>();
    for (const g of nodeGroupsOf(view, out)) {
      if (g.name === UNKNOWN) {
        out.unknown(`${g.path}.nodeGroupName`);
        continue;
      }
      if (!isKnown(g.name)) continue; // emr-names-and-descriptions reports a missing name
      out.applies();
      const first = seen.get(g.name);
      if (first) out.fail(`${g.path}.nodeGroupName`, `${g.path} has the same nodeGroupName "${g.name}" as ${first}; the provider matches node groups by name`, `give each group its own name, e.g. "${g.name}-2"`);
      else seen.set(g.name, g.path);
    }
    return out.build();
  },
};

export const internalApplications: ClusterRule = {
  name: "emr-internal-applications",
  check(view) {
    const out = new OutcomeBuilder(this.name);
    if (view.applications === UNKNOWN) return out.unknown("applications").build();
    if (!Array.isArray(view.applications)) return out.build(); // emr-application-exclusion reports a malformed list
    out.applies();
    view.applications.forEach((a, i) => {
      if (isKnown(a) && (INTERNAL_APPLICATIONS as readonly string[]).includes(a.toUpperCase())) {
        out.fail(`applications[${i}]`, `${a} is an internal application: EMR installs it itself and the provider never reads it back, so every preview would show a replacement of the cluster`, `remove "${a}" from applications (a Hive metastore is set with hive.metastore.type, Kerberos with securityMode: "KERBEROS")`);
      }
    });
    return out.build();
  },
};
