/**
 * What emr-adopt writes: the `emr:clusters` entry (YAML, in the stack file's format, with what the spec cannot
 * express and the secrets to set as comments above it) and what `pulumi import` needs (an import file for
 * `pulumi import --file`: the EmrCluster component and, under it, the alicloud cluster with its ID).
 */
import { Document, isMap, isSeq, YAMLMap } from "yaml";
import type { Gap, SecretSetting } from "./spec-from-live";

export const CLUSTER_TYPE = "alicloud:emrv2/cluster:Cluster";
export const COMPONENT_TYPE = "emr:index:Cluster";

export interface StackEntry {
  name: string;
  preset: string;
  spec: Record<string, unknown>;
}

/** A stack entry's Pulumi name from a cluster name: lower-case letters, digits and "-", starting with a letter, ≤ 40. */
export function entryNameOf(clusterName: string): string {
  const base = clusterName.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^[^a-z]+/, "").replace(/-+$/, "").slice(0, 40).replace(/-+$/, "");
  return base || "adopted";
}

/**
 * The import file (`pulumi import --file <file> --generate-code=false`): the component first (no ID: Pulumi records
 * it), then the cluster as its child, so the URNs are the ones the program registers (`emr:index:Cluster$alicloud:
 * emrv2/cluster:Cluster::<name>`) and the next `pulumi up` finds both in the state.
 */
export function importFile(entryName: string, clusterId: string): Record<string, unknown> {
  return {
    resources: [
      { type: COMPONENT_TYPE, name: entryName, component: true },
      { type: CLUSTER_TYPE, name: entryName, id: clusterId, parent: entryName },
    ],
  };
}

const describe = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));

export interface EntryNotes {
  clusterId: string;
  region: string;
  gaps: Gap[];
  secrets: SecretSetting[];
  /** The import file's name, as the user will pass it to `pulumi import --file`. */
  importFile: string;
  /** Lines about the first `pulumi up` after the import (what it sends, what it only records). */
  firstUpdate: string[];
}

/** The stack-file fragment: `config: emr:clusters: [entry]`, commented. */
export function entryYaml(entry: StackEntry, notes: EntryNotes): string {
  const doc = new Document({ config: { "emr:clusters": [entry] } });
  const header = [
    ` emr-adopt: EMR cluster ${notes.clusterId} (${String(entry.spec.clusterName ?? entry.name)}) in ${notes.region}, read through the EMR API (reads only).`,
    ` Merge this entry into stacks/Pulumi.<stack>.yaml's emr:clusters, then import the cluster into the stack's state:`,
    `   pulumi import --file ${notes.importFile} --generate-code=false`,
    ...(notes.secrets.length ? [" Secrets the program needs (emr-adopt never reads or writes their values): set each before the next preview:", ...notes.secrets.map((s) => `   ${s.command}    # ${s.what}`)] : []),
    ...(notes.gaps.length
      ? [" Not expressible in the cluster spec (the program leaves these as the cluster has them, and never manages them):", ...notes.gaps.map((g) => `   - ${g.path} = ${describe(g.value)}: ${g.why}`)]
      : [" Everything the API reports about this cluster is expressed in the entry below."]),
    ...(notes.firstUpdate.length ? [" The first `pulumi up` after the import:", ...notes.firstUpdate.map((l) => `   ${l}`)] : []),
  ];
  doc.commentBefore = header.join("\n");
  const clusters = (doc.contents as YAMLMap).get("config") as YAMLMap;
  const list = clusters.get("emr:clusters");
  if (isSeq(list) && isMap(list.items[0])) list.items[0].commentBefore = ` preset ${entry.preset}: the spec states only what differs from it`;
  return doc.toString({ lineWidth: 0 });
}
