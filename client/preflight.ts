/**
 * Preflight look-ups, run when credentials are present (the caller skips them under mocks / offline): the
 * release version must be offered for the cluster type (ListReleaseVersions) and every instance type for the
 * zone and node-group type (ListInstanceTypes). Problems list the valid choices.
 */
import type { EmrClient } from "./client";
import { collect } from "./pagination";

export interface PreflightSpec {
  regionId: string;
  clusterType: string;
  releaseVersion: string;
  zoneId: string;
  paymentType: string;
  deployMode?: string;
  nodeGroups: { nodeGroupName: string; nodeGroupType: string; instanceTypes: string[] }[];
}

export interface PreflightProblem { path: string; message: string }

/** At most this many valid choices are printed. */
const SHOWN = 12;
const listChoices = (values: string[]) => values.length === 0 ? "none" : values.slice(0, SHOWN).join(", ") + (values.length > SHOWN ? `, … (${values.length - SHOWN} more)` : "");

export async function preflightCluster(client: EmrClient, spec: PreflightSpec): Promise<PreflightProblem[]> {
  const problems: PreflightProblem[] = [];
  const where = `${spec.clusterType} in ${spec.regionId}`;
  const versions = (await collect(client.listReleaseVersions({ ClusterType: spec.clusterType, IaasType: "ECS" }))).map((v) => v.ReleaseVersion);
  if (!versions.includes(spec.releaseVersion)) {
    problems.push({ path: "releaseVersion", message: `${spec.releaseVersion} is not offered for ${where}; valid: ${listChoices(versions)}` });
  }
  // One look-up per node-group type (MASTER, CORE, TASK…), not per group.
  const offered = new Map<string, Promise<string[]>>();
  const typesFor = (nodeGroupType: string) => {
    let p = offered.get(nodeGroupType);
    if (!p) {
      p = collect(client.listInstanceTypes({
        ZoneId: spec.zoneId, ClusterType: spec.clusterType, PaymentType: spec.paymentType, NodeGroupType: nodeGroupType,
        ReleaseVersion: versions.includes(spec.releaseVersion) ? spec.releaseVersion : undefined, DeployMode: spec.deployMode,
      })).then((types) => types.map((t) => t.InstanceType));
      offered.set(nodeGroupType, p);
    }
    return p;
  };
  for (const [i, group] of spec.nodeGroups.entries()) {
    const valid = await typesFor(group.nodeGroupType);
    group.instanceTypes.forEach((type, j) => {
      if (!valid.includes(type)) {
        problems.push({ path: `nodeGroups[${i}].instanceTypes[${j}]`, message: `${type} is not offered for ${group.nodeGroupType} node groups (${group.nodeGroupName}) of ${spec.clusterType} in zone ${spec.zoneId}; valid: ${listChoices(valid)}` });
      }
    });
  }
  return problems;
}
