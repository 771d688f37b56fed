/**
 * The arguments of an EmrCluster, typed the way merge.ts merges them. Without a preset they are a whole cluster
 * spec. With a preset they are overrides, checked by the compiler as deeply as the merge goes:
 * - an object field overrides field by field, and `null` drops the preset's value;
 * - `nodeGroups` name the group and state only what changes (`{ nodeGroupName: "core", nodeCount: 6 }`), or drop it
 *   with `remove: true`; `bootstrapScripts` (by scriptName) and `applicationConfigs` (by application, file and key)
 *   the same way;
 * - every other list, scalar and pulumi Output replaces the preset's value whole.
 * A new node group (a name the preset does not have) must then be complete: the merged spec is validated.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { PresetName } from "./presets";
import type { ClusterSpecInput } from "./spec";

type Whole = pulumi.Output<any> | readonly unknown[] | string | number | boolean | bigint | symbol | null | undefined;

/** A preset value overridden field by field (objects), or replaced whole (lists, scalars, Outputs). */
export type Override<T> = T extends Whole ? T : T extends object ? { [K in keyof T]?: Override<T[K]> | null } : T;

/** An entry of a list merged by key: the key fields, then either `remove: true` or the fields that change. */
export type KeyedOverride<T, K extends keyof T> = Pick<T, K> & ({ remove: true } | ({ remove?: false } & Override<Omit<T, K>>));

type Entry<L> = NonNullable<L> extends readonly (infer E)[] ? E : never;
export type NodeGroupInput = Entry<ClusterSpecInput["nodeGroups"]>;
export type BootstrapScriptInput = Entry<ClusterSpecInput["bootstrapScripts"]>;
export type ApplicationConfigInput = Entry<ClusterSpecInput["applicationConfigs"]>;

type KeyedLists = "nodeGroups" | "bootstrapScripts" | "applicationConfigs";

/** Everything a spec may state over a preset. */
export type ClusterOverrides = Override<Omit<ClusterSpecInput, KeyedLists>> & {
  nodeGroups?: KeyedOverride<NodeGroupInput, "nodeGroupName">[];
  bootstrapScripts?: KeyedOverride<BootstrapScriptInput, "scriptName">[] | null;
  applicationConfigs?: KeyedOverride<ApplicationConfigInput, "applicationName" | "configFileName" | "configItemKey">[] | null;
};

/**
 * The arguments of an EmrCluster: a cluster spec (see spec.ts for every field), or a preset and overrides of it.
 */
export type EmrClusterArgs = ({ preset: PresetName } & ClusterOverrides) | (ClusterSpecInput & { preset?: undefined });
