/**
 * Adoption of one running cluster: read it whole through the EMR API (reads only), turn it into the provider's inputs,
 * then into a cluster spec, and find the preset it is closest to and the override over it. Nothing is written to
 * the cloud; the caller writes the entry and the import file (adopt/cli.ts).
 */
import type { EmrReadClient } from "../client/read-client";
import { collect } from "../client/pagination";
import { readClusterWhole, type LiveClusterReads } from "../client/live-cluster";
import { liveClusterProps } from "../client/provider-shape";
import { checkClusterId } from "../client/validate";
import { EmrInputError } from "../client/errors";
import { IDENTITY_TAG } from "../policies/rules/domain";
import { closestPreset, type PresetMatch } from "./preset-match";
import { specFromLive, type Gap, type LiveSpec } from "./spec-from-live";
import { entryNameOf, importFile, type StackEntry } from "./entry";

export interface AdoptOptions {
  /** `<project>/<stack>`: the identity tag the component writes is `<project>/<stack>/<entry name>`. */
  project: string;
  stack: string;
  /** The entry's (Pulumi resource) name; defaults to one made from the cluster's name. */
  name?: string;
}

export interface Adoption {
  clusterId: string;
  live: LiveClusterReads;
  /** The live cluster as the provider's inputs. */
  props: Record<string, unknown>;
  liveSpec: LiveSpec;
  match: PresetMatch;
  entry: StackEntry;
  importFile: Record<string, unknown>;
  /** The identity tag value the program writes, and whether the cluster already carries it. */
  identity: { expected: string; live?: string };
}

/** A cluster ID, or a name that exactly one cluster of the region has. */
export async function resolveCluster(reader: Pick<EmrReadClient, "listClusters" | "regionId">, idOrName: string): Promise<string> {
  if (checkClusterId(idOrName, "cluster").length === 0) return idOrName;
  const matches = (await collect(reader.listClusters({ ClusterName: idOrName }))).filter((c) => c.ClusterName === idOrName && c.ClusterState !== "TERMINATED");
  if (matches.length === 1) return matches[0].ClusterId;
  const found = matches.map((c) => `${c.ClusterId} (${c.ClusterState})`).join(", ");
  throw new EmrInputError([{ path: "--cluster", message: matches.length ? `${matches.length} clusters are named "${idOrName}" in ${reader.regionId}: ${found}` : `no cluster named "${idOrName}" in ${reader.regionId} (names are exact and case-sensitive)`, fix: "pass the cluster's ID (c-…), e.g. from `npm run status`" }]);
}

/** What the reads found that the provider has no field for at all (so no spec can hold it). */
function readGaps(live: LiveClusterReads): Gap[] {
  const gaps: Gap[] = [];
  if (live.cluster.Description) gaps.push({ path: "description", value: live.cluster.Description, why: "the alicloud provider has no description field" });
  for (const i of live.nodeLevelConfigs) gaps.push({ path: `applicationConfigs[${i.ApplicationName}/${i.ConfigFileName}/${i.ConfigItemKey}@${i.NodeId}]`, value: i.ConfigItemValue, why: "set on one node; a spec sets items for the cluster or a node group" });
  if (!live.cluster.NodeAttributes?.KeyPairName) gaps.push({ path: "nodeAttributes.keyPairName", value: undefined, why: "the cluster has no key pair (its nodes take a password, which the API never returns): the spec requires one; set an existing key pair's name before the next preview" });
  if (live.cluster.PaymentType === "Subscription" && live.subscription?.AutoPayOrder === undefined) {
    gaps.push({ path: "subscriptionConfig.autoPayOrder", value: undefined, why: "the API does not report it; the spec's default (true) is written, and only pays later IncreaseNodes orders" });
  }
  if (live.nodeGroups.some((g) => g.group.PaymentType === "Subscription")) {
    gaps.push({ path: "nodeGroups[].subscriptionConfig", value: undefined, why: "ListNodeGroups reports no subscription term of a node group: the Subscription groups are taken to have the cluster's (the provider uses it only for later IncreaseNodes)" });
  }
  return gaps;
}

export async function adoptCluster(reader: EmrReadClient, idOrName: string, options: AdoptOptions): Promise<Adoption> {
  const clusterId = await resolveCluster(reader, idOrName);
  const live = await readClusterWhole(reader, clusterId);
  const props = liveClusterProps(live);
  const name = options.name ?? entryNameOf(String(live.cluster.ClusterName ?? clusterId));
  const liveSpec = specFromLive(props, name, readGaps(live));
  const match = closestPreset(liveSpec.spec);
  if (!match) {
    throw new EmrInputError([{ path: "--cluster", message: `cluster ${clusterId} cannot be written as a valid spec: ${JSON.stringify(liveSpec.gaps.map((g) => g.path))}`, fix: "see the gaps listed; adopt it by hand from `npm run status -- --cluster <id> --json`" }]);
  }
  const identity = `${options.project}/${options.stack}/${name}`;
  const liveIdentity = live.tags[IDENTITY_TAG];
  return {
    clusterId, live, props, liveSpec, match,
    entry: { name, preset: match.preset, spec: match.override },
    importFile: importFile(name, clusterId),
    identity: { expected: identity, ...(liveIdentity !== undefined ? { live: liveIdentity } : {}) },
  };
}
