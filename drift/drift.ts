/**
 * emr-drift's work: each cluster a stack export records, read live through the read-only client, compared property
 * by property (compare.ts), and the live cluster itself judged by the pack's mandatory rules (the same rule functions
 * the pack and EmrClient.runCluster run, on the live cluster as the provider's inputs).
 */
import type { RecordedResource } from "../check/change/documents";
import { SECRET_PLACEHOLDER } from "../check/inputs/stack-config";
import { EmrApiError } from "../client/errors";
import { readClusterWhole, type ClusterReader } from "../client/live-cluster";
import { liveClusterProps } from "../client/provider-shape";
import { isSecretValue } from "../policies/rules/change/secret";
import { TYPES, type GuardrailLimits } from "../policies/rules/domain";
import { checkMandatoryRules } from "../policies/rules/index";
import { compareCluster, goneItem, worst, type DriftClass, type DriftItem } from "./compare";

export interface RuleFinding {
  rule: string;
  path: string;
  message: string;
  fix: string;
}

export interface ClusterDrift {
  /** The Pulumi resource name and URN the state records. */
  name: string;
  urn: string;
  clusterId: string;
  clusterName?: string;
  items: DriftItem[];
  /** The pack's mandatory rules on the live cluster (empty when it is gone). */
  rules: RuleFinding[];
  class: DriftClass;
}

export interface DriftReport {
  file: string;
  regionId: string;
  clusters: ClusterDrift[];
  class: DriftClass;
}

/** Secrets stay secrets, and the rules see a non-secret placeholder (as the audit sends a recorded secret). */
function forRules(v: unknown): unknown {
  if (isSecretValue(v)) return SECRET_PLACEHOLDER;
  if (Array.isArray(v)) return v.map(forRules);
  if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, forRules(x)]));
  return v;
}

/** A cluster the API does not know, or knows only as released. */
const isNotFound = (e: unknown) => e instanceof EmrApiError && /NotFound|InvalidClusterId/i.test(e.code);

async function driftOf(reader: ClusterReader, r: RecordedResource, limits: Partial<GuardrailLimits>): Promise<ClusterDrift> {
  const clusterId = r.id as string;
  const base = { name: r.name, urn: r.urn, clusterId };
  let state: string | undefined;
  try {
    state = (await reader.getCluster(clusterId)).ClusterState;
  } catch (e) {
    if (!isNotFound(e)) throw e;
    return { ...base, items: [goneItem(clusterId)], rules: [], class: "dangerous" };
  }
  // The provider treats a TERMINATED cluster as gone (service_alicloud_emr.go 82-84).
  if (state === "TERMINATED" || state === "TERMINATING") return { ...base, items: [goneItem(clusterId, state)], rules: [], class: "dangerous" };
  const live = liveClusterProps(await readClusterWhole(reader, clusterId));
  const items = compareCluster(r.outputs, live);
  const rules = checkMandatoryRules(forRules(live), limits).map(({ rule, path, message, fix }) => ({ rule, path, message, fix }));
  // A live cluster that breaks a mandatory guardrail is at least risky, whatever its drift.
  const cls = worst([...items.map((i) => i.class), ...(rules.length ? (["risky"] as DriftClass[]) : [])]);
  return { ...base, clusterName: String(live.clusterName ?? ""), items, rules, class: cls };
}

/** Every cluster the export records (with an ID), compared with the live API. */
export async function detectDrift(reader: ClusterReader, resources: RecordedResource[], file: string, regionId: string, limits: Partial<GuardrailLimits>): Promise<DriftReport> {
  const clusters: ClusterDrift[] = [];
  for (const r of resources.filter((x) => x.type === TYPES.cluster && x.id)) clusters.push(await driftOf(reader, r, limits));
  return { file, regionId, clusters, class: worst(clusters.map((c) => c.class)) };
}

/** Exit codes: one per worst class (the README's table). */
export const DRIFT_EXIT: Record<DriftClass, number> = { none: 0, expected: 3, risky: 4, dangerous: 5 };
