/**
 * Clusters made through the EMR API, for the adoption tests: a spec (a preset and an override, as a stack entry
 * writes it) is validated by the component, turned into the provider's inputs (components/provider-args.ts), and
 * sent as the RunCluster request those inputs stand for, through EmrClient (its gates run, as for any caller).
 */
import * as pulumi from "@pulumi/pulumi";
import type { EmrClient, RunClusterRequest } from "../../client";
import { toClusterArgs } from "../../components/provider-args";
import { buildClusterSpec } from "../../components/validate";
import { deepMerge } from "../../components/merge";
import { PRESETS, type PresetName } from "../../components/presets";
import { applyNetworkDefaults } from "../../stacks/program";
import { buildUrn, STACK_TYPE, stackRootUrn } from "../../policies/engine";
import { IDENTITY_TAG, TYPES } from "../../policies/rules/domain";

type Obj = Record<string, unknown>;

export const NETWORK = { vpcId: "vpc-bp1adopt0001", zoneId: "cn-hangzhou-i", keyPairName: "emr-admin" };
export const VSWITCH = "vsw-bp1adopt0001";
export const SECURITY_GROUP = "sg-bp1adopt0001";
/** The metastore password sent at creation: no output of emr-adopt may ever contain it. */
export const JDBC_PASSWORD = "Sup3rSecretJdbcValue9";
export const JDBC = { url: "jdbc:mysql://rm-bp1adopt.mysql.rds.aliyuncs.com:3306/hivemeta?createDatabaseIfNotExist=true&characterEncoding=UTF-8", userName: "hive" };

const upper = (k: string) => (k === "vswitchIds" ? "VSwitchIds" : k.endsWith("KmsKeyId") ? k.replace("KmsKeyId", "KMSKeyId").replace(/^./, (c) => c.toUpperCase()) : k.charAt(0).toUpperCase() + k.slice(1));

/** Provider-shaped values as the API's (PascalCase), recursively; a pulumi Output is the metastore password. */
function apiShape(v: unknown): unknown {
  if (pulumi.Output.isInstance(v)) return JDBC_PASSWORD;
  if (Array.isArray(v)) return v.map(apiShape);
  if (v === null || typeof v !== "object") return v;
  return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) => [upper(k), apiShape(x)]));
}

/** The RunCluster request for a stack entry's spec (the network given whole, the security group an existing one). */
export function runClusterRequestFor(name: string, preset: PresetName, spec: Obj, identity?: string): RunClusterRequest {
  const merged = applyNetworkDefaults(deepMerge<Obj>(PRESETS[preset], spec), { ...NETWORK, vswitchIds: [VSWITCH], securityGroupId: SECURITY_GROUP });
  const validated = buildClusterSpec(name, merged);
  const args = toClusterArgs(validated, { securityGroupId: SECURITY_GROUP, jdbc: { ...JDBC, password: "unused" }, ...(identity ? { identity } : {}) }) as unknown as Obj;
  const api = apiShape(args) as Obj;
  const tags = Object.entries((args.tags as Record<string, string>) ?? {}).map(([Key, Value]) => ({ Key, Value }));
  return {
    ...(api as unknown as RunClusterRequest),
    Applications: (args.applications as string[]).map((ApplicationName) => ({ ApplicationName })),
    NodeAttributes: (api.NodeAttributes as Obj[])[0] as RunClusterRequest["NodeAttributes"],
    Tags: tags,
  };
}

/**
 * The provider's inputs the program sends for that spec (what `pulumi up` records as the cluster's state), the
 * metastore password as the marker a stack export leaves in place of a secret.
 */
export function programInputsFor(name: string, preset: PresetName, spec: Obj, identity?: string): Obj {
  const merged = applyNetworkDefaults(deepMerge<Obj>(PRESETS[preset], spec), { ...NETWORK, vswitchIds: [VSWITCH], securityGroupId: SECURITY_GROUP });
  const args = toClusterArgs(buildClusterSpec(name, merged), { securityGroupId: SECURITY_GROUP, jdbc: { ...JDBC, password: "unused" }, ...(identity ? { identity } : {}) }) as unknown as Obj;
  return JSON.parse(JSON.stringify(args, (_k, v: unknown) => (pulumi.Output.isInstance(v) ? "[secret]" : v))) as Obj;
}

/** A `pulumi stack export` (version 3) that records these clusters (resource name, ID, provider inputs as state). */
export function stackExport(project: string, stack: string, clusters: { name: string; id: string; inputs: Obj }[]): Obj {
  const root = stackRootUrn(stack, project);
  return {
    version: 3,
    deployment: {
      manifest: { time: "2026-11-20T09:12:44Z", magic: "0", version: "v3.274.1" },
      resources: [
        { urn: root, custom: false, type: STACK_TYPE },
        ...clusters.flatMap((c) => [
          { urn: buildUrn({ stack, project, type: TYPES.component, name: c.name }), custom: false, type: TYPES.component, parent: root },
          { urn: buildUrn({ stack, project, parentTypes: [TYPES.component], type: TYPES.cluster, name: c.name }), custom: true, type: TYPES.cluster, id: c.id, protect: true, retainOnDelete: true, inputs: c.inputs, outputs: { ...c.inputs, id: c.id } },
        ]),
      ],
    },
  };
}

/** Creates the cluster through the API; returns its ID. `identity`: the tag the adopting stack will look for. */
export async function createThroughApi(client: EmrClient, name: string, preset: PresetName, spec: Obj, identity?: string): Promise<string> {
  return (await client.runCluster(runClusterRequestFor(name, preset, spec, identity))).ClusterId;
}

export const identityOf = (project: string, stack: string, entry: string) => `${project}/${stack}/${entry}`;
export { IDENTITY_TAG };
