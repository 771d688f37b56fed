/**
 * Checks against the live EMR API before anything is planned, when cloud credentials are present (never under the
 * offline check, which sets EMR_LIVE_CHECKS=off, nor without credentials):
 * - preflight: the release version and instance types are offered for this cluster type, zone and group type;
 * - the live gate (client/scaling-gate.ts): the cluster this resource manages, found by its identity tag (never by
 *   name): the calls `pulumi up` would send it with its live counts, judged by the call gates, with the spec's
 *   acknowledgements. The calls are logged; advisories are warnings.
 * Problems fail the preview with the valid choices, or each refused call (group, old -> new) and the exact acknowledgement.
 */
import * as pulumi from "@pulumi/pulumi";
import { parseUrn } from "../policies/engine";
import type { GuardrailLimits } from "../policies/rules/domain";
import { loadGuardrails } from "./guardrails";
import type { ClusterSpec } from "./spec";

export { liveProblems, plannedCluster } from "./live-problems";

export type LiveChecksMode = "auto" | "off";

/** Whether live checks run: `auto` means when credentials are present and EMR_LIVE_CHECKS is not "off". */
export function liveChecksEnabled(mode: LiveChecksMode = "auto", env: NodeJS.ProcessEnv = process.env): boolean {
  if (mode !== "auto" || env.EMR_LIVE_CHECKS === "off") return false;
  // The client (and its SDK) is loaded only past this point: the offline check sets EMR_LIVE_CHECKS=off.
  const { hasCredentials } = require("../client/credentials") as typeof import("../client/credentials");
  return hasCredentials(env);
}

/** `<project>/<stack>/<resource name>` of a URN, the identity the component tags its cluster with. */
export function identityFromUrn(urn: string): string | undefined {
  const u = parseUrn(urn);
  return u ? `${u.project}/${u.stack}/${u.name}` : undefined;
}

/**
 * A promise that resolves when the live checks pass and rejects (failing the preview, without a stack trace)
 * when they find problems; undefined when live checks are off. `identity` defaults to the one the resource's URN
 * names (the same `<project>/<stack>/<resource name>` the component tags the cluster with).
 */
export function runLiveChecks(spec: ClusterSpec, resource: pulumi.Resource, options: { mode?: LiveChecksMode; region?: string; limits?: Partial<GuardrailLimits>; identity?: string }): Promise<void> | undefined {
  if (!liveChecksEnabled(options.mode)) return undefined;
  const regionId = options.region ?? new pulumi.Config("alicloud").get("region") ?? process.env.ALIBABA_CLOUD_REGION;
  if (!regionId) return Promise.reject(new pulumi.ResourceError("live checks need the region: set alicloud:region", resource, true));
  const identity = options.identity !== undefined ? Promise.resolve(options.identity) : new Promise<string | undefined>((resolve) => resource.urn.apply((urn) => resolve(identityFromUrn(urn))));
  return identity.then(async (id) => {
    if (!id) throw new pulumi.ResourceError("live checks could not tell this cluster's identity (<project>/<stack>/<resource name>)", resource, true);
    // The thresholds are guardrails.json's, as for the pack and the offline check (unless the caller gives them).
    const limits = options.limits ?? loadGuardrails().limits;
    const { createEmrClientFromEnv } = require("../client") as typeof import("../client");
    const { liveProblems } = require("./live-problems") as typeof import("./live-problems");
    const { problems, warnings, calls } = await liveProblems(createEmrClientFromEnv(regionId), regionId, spec, id, limits);
    if (calls.length) pulumi.log.info(`EMR cluster "${spec.clusterName}": pulumi up will call ${calls.join("; ")}`, resource);
    for (const w of warnings) pulumi.log.warn(w, resource);
    if (problems.length) {
      throw new pulumi.ResourceError(`EMR cluster "${spec.clusterName}" does not fit the live service:\n` + problems.map((p) => `  - ${p}`).join("\n"), resource, true);
    }
  });
}
