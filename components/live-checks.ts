/**
 * Checks against the live EMR API before anything is planned, when cloud credentials are present (never under the
 * offline check, which sets EMR_LIVE_CHECKS=off, nor without credentials):
 * - preflight: the release version and instance types are offered for this cluster type, zone and group type;
 * - the safe-scaling gate: for an existing cluster (found by name), node-count changes against the live
 *   RunningNodeCount (no CORE scale-in, at most 10 TASK nodes released per update, steps for big scale-outs).
 * Problems fail the preview with the valid choices or the steps to take.
 */
import * as pulumi from "@pulumi/pulumi";
import { createEmrClientFromEnv, collect, hasCredentials, type EmrClient } from "../client";
import { preflightCluster } from "../client/preflight";
import { checkScalingAgainstLive } from "../client/scaling-gate";
import type { GuardrailLimits } from "../policies/rules/domain";
import { acknowledgementTags } from "./acknowledgements";
import type { ClusterSpec } from "./spec";

export type LiveChecksMode = "auto" | "off";

/** Whether live checks run: `auto` means when credentials are present and EMR_LIVE_CHECKS is not "off". */
export function liveChecksEnabled(mode: LiveChecksMode = "auto", env: NodeJS.ProcessEnv = process.env): boolean {
  return mode === "auto" && env.EMR_LIVE_CHECKS !== "off" && hasCredentials(env);
}

/** Every problem the live API reveals for a spec, as `path: message` lines (empty when all is well). */
export async function liveProblems(client: EmrClient, regionId: string, spec: ClusterSpec, limits?: Partial<GuardrailLimits>): Promise<string[]> {
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
  const existing = (await collect(client.listClusters({ ClusterName: spec.clusterName }))).find((c) => c.ClusterName === spec.clusterName && c.ClusterState !== "TERMINATED");
  if (existing) {
    // Auto-scaled groups are left out: their nodeCount is ignored (ignoreChanges), the scaling policy owns it.
    const gated = spec.nodeGroups.map((g, index) => ({ g, index })).filter(({ g }) => !g.autoScalingPolicy);
    const planned = gated.map(({ g }) => ({ nodeGroupName: g.nodeGroupName, nodeGroupType: g.nodeGroupType, nodeCount: g.nodeCount }));
    const gate = await checkScalingAgainstLive(client, regionId, existing.ClusterId, planned, { limits, acknowledgements: { ...spec.tags, ...acknowledgementTags(spec.acknowledgements, spec.clusterName) } });
    // The gate's paths index the gated list; report them against the spec's own node groups.
    const specPath = (path: string) => path.replace(/^nodeGroups\[(\d+)\]/, (_, i) => `nodeGroups[${gated[Number(i)]?.index ?? i}] (${gated[Number(i)]?.g.nodeGroupName ?? "?"})`);
    problems.push(...gate.problems.map((p) => `${specPath(p.path)}: ${p.message}; ${p.fix}`));
  }
  return problems;
}

/**
 * A promise that resolves when the live checks pass and rejects (failing the preview, without a stack trace)
 * when they find problems; undefined when live checks are off.
 */
export function runLiveChecks(spec: ClusterSpec, resource: pulumi.Resource, options: { mode?: LiveChecksMode; region?: string; limits?: Partial<GuardrailLimits> }): Promise<void> | undefined {
  if (!liveChecksEnabled(options.mode)) return undefined;
  const regionId = options.region ?? new pulumi.Config("alicloud").get("region") ?? process.env.ALIBABA_CLOUD_REGION;
  if (!regionId) return Promise.reject(new pulumi.ResourceError("live checks need the region: set alicloud:region", resource, true));
  return liveProblems(createEmrClientFromEnv(regionId), regionId, spec, options.limits).then((problems) => {
    if (problems.length) {
      throw new pulumi.ResourceError(`EMR cluster "${spec.clusterName}" does not fit the live service:\n` + problems.map((p) => `  - ${p}`).join("\n"), resource, true);
    }
  });
}
