/**
 * What the live EMR API says about a spec (preflight look-ups and the live gate), the heavy half of the live checks:
 * it loads the EMR API client, so components/live-checks.ts requires it only when live checks run (never under the
 * offline check, whose start-up it would slow down).
 */
import { preflightCluster } from "../client/preflight";
import { checkPlanAgainstLive, type PlannedCluster } from "../client/scaling-gate";
import type { EmrClient } from "../client";
import type { GuardrailLimits } from "../policies/rules/domain";
import { acknowledgementTags } from "./acknowledgements";
import type { ClusterSpec } from "./spec";

/** The spec as the live gate reads it: the groups' planned sizes and policies, and the tags (acknowledgements). */
export function plannedCluster(spec: ClusterSpec): PlannedCluster {
  return {
    clusterName: spec.clusterName,
    deletionProtection: spec.deletionProtection,
    tags: { ...spec.tags, ...acknowledgementTags(spec.acknowledgements, spec.clusterName) },
    nodeGroups: spec.nodeGroups.map((g) => ({
      nodeGroupName: g.nodeGroupName, nodeGroupType: g.nodeGroupType, nodeCount: g.nodeCount,
      paymentType: g.paymentType ?? spec.paymentType, autoScalingPolicy: g.autoScalingPolicy,
    })),
  };
}

/**
 * Every problem the live API reveals for a spec, as lines (empty when all is well). `identity` is the value of the
 * cluster's IDENTITY_TAG, `<project>/<stack>/<resource name>`.
 */
export async function liveProblems(client: EmrClient, regionId: string, spec: ClusterSpec, identity: string, limits?: Partial<GuardrailLimits>): Promise<string[]> {
  const zoneId = spec.nodeAttributes.zoneId;
  const problems: string[] = [];
  if (typeof zoneId === "string") {
    const preflight = await preflightCluster(client, {
      regionId,
      clusterType: spec.clusterType,
      releaseVersion: spec.releaseVersion,
      zoneId,
      paymentType: spec.paymentType,
      deployMode: spec.deployMode,
      nodeGroups: spec.nodeGroups.map((g) => ({ nodeGroupName: g.nodeGroupName, nodeGroupType: g.nodeGroupType, instanceTypes: g.instanceTypes })),
    });
    problems.push(...preflight.map((p) => `${p.path}: ${p.message}`));
  }
  const gate = await checkPlanAgainstLive(client, identity, plannedCluster(spec), limits);
  problems.push(...gate.problems);
  problems.push(...gate.findings.map((f) => `${f.path}: ${f.message}; ${f.fix}`));
  return problems;
}
