/**
 * What the live EMR API says about a spec (preflight look-ups and the live gate), the heavy half of the live checks:
 * it loads the EMR API client, so components/live-checks.ts requires it only when live checks run (never under the
 * offline check, whose start-up it would slow down).
 */
import { preflightCluster } from "../client/preflight";
import { checkPlanAgainstLive, type PlannedCluster } from "../client/scaling-gate";
import type { EmrClient } from "../client";
import type { GuardrailLimits } from "../policies/rules/domain";
import { IDENTITY_TAG } from "../policies/rules/domain";
import { describeCall } from "../policies/rules/gates";
import { acknowledgementTags } from "./acknowledgements";
import { autoScaledNodeCountPaths, nodeGroupPayment } from "./provider-args";
import type { ClusterSpec } from "./spec";

/**
 * The spec as the live gate reads it: the provider-shaped inputs the component sends for what the gate judges (name,
 * protection, payment, tags with the acknowledgements and the identity, node groups) and the ignoreChanges paths.
 */
export function plannedCluster(spec: ClusterSpec, identity?: string): PlannedCluster {
  return {
    inputs: {
      clusterName: spec.clusterName,
      deletionProtection: spec.deletionProtection,
      paymentType: spec.paymentType,
      ...(spec.subscriptionConfig ? { subscriptionConfig: spec.subscriptionConfig } : {}),
      tags: { ...spec.tags, ...acknowledgementTags(spec.acknowledgements, spec.clusterName), ...(identity ? { [IDENTITY_TAG]: identity } : {}) },
      nodeGroups: spec.nodeGroups.map((g) => ({ ...g, ...nodeGroupPayment(g, spec) })),
    },
    ignoreChanges: autoScaledNodeCountPaths(spec),
  };
}

/**
 * Every problem the live API reveals for a spec, as lines (empty when all is well), and the advisories (warnings).
 * `identity` is the value of the cluster's IDENTITY_TAG, `<project>/<stack>/<resource name>`.
 */
export async function liveProblems(client: EmrClient, regionId: string, spec: ClusterSpec, identity: string, limits?: Partial<GuardrailLimits>): Promise<{ problems: string[]; warnings: string[]; calls: string[] }> {
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
  const gate = await checkPlanAgainstLive(client, identity, plannedCluster(spec, identity), limits);
  problems.push(...gate.problems);
  const line = (f: (typeof gate.findings)[number]) => `${f.path}: ${f.message}; ${f.fix}`;
  problems.push(...gate.findings.filter((f) => f.level === "mandatory").map(line));
  return { problems, warnings: gate.findings.filter((f) => f.level === "advisory").map(line), calls: (gate.plan?.calls ?? []).map(describeCall) };
}
