/**
 * Demo clusters for emr-adopt and emr-drift (`npm run emulator` seeds them with the others): made through RunCluster
 * from the dev-normal preset as the program would send it (test/adopt/api-clusters.ts), with the identity tags of
 * stack dev. "demo-lake" stays as made; "demo-drifted" is then changed by hand, as in the console: deletion
 * protection off, a TASK group "adhoc" with 2 nodes, the tag "env" removed. `stackExport` writes what the program
 * recorded for both (the state `pulumi stack export` would give), for `emr-drift --state`.
 */
import { programInputsFor, runClusterRequestFor, stackExport } from "../adopt/api-clusters";
import type { EmulatorState } from "./state";

const SPEC = { tags: { team: "data-platform", env: "dev" } };
const NAMES = ["demo-lake", "demo-drifted"] as const;
const identity = (name: string) => `emr-clusters/dev/${name}`;

/** The request as the emulator's handler takes it (RunCluster's JSON-string fields). */
const asParams = (req: Record<string, unknown>, regionId: string) =>
  Object.fromEntries([["RegionId", regionId], ...Object.entries(req).map(([k, v]) => [k, typeof v === "object" ? JSON.stringify(v) : String(v)])]);

export function seedAdoptDemo(state: EmulatorState, regionId: string): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const name of NAMES) {
    ids[name] = String(state.handle("RunCluster", asParams(runClusterRequestFor(name, "dev-normal", { clusterName: name, ...SPEC }, identity(name)) as unknown as Record<string, unknown>, regionId)).ClusterId);
  }
  const drifted = state.clusters.get(ids["demo-drifted"])!;
  drifted.DeletionProtection = false;
  drifted.Tags = drifted.Tags.filter((t) => t.Key !== "env");
  state.addGroup(drifted, { NodeGroupName: "adhoc", NodeGroupType: "TASK", PaymentType: "PayAsYouGo", InstanceTypes: ["ecs.g7.xlarge"], VSwitchIds: ["vsw-bp1adopt0001"] }, 2);
  return ids;
}

/** The stack export of stack dev as the program recorded both clusters when it made them. */
export function demoStackExport(ids: Record<string, string>): Record<string, unknown> {
  return stackExport("emr-clusters", "dev", NAMES.map((name) => ({ name, id: ids[name], inputs: programInputsFor(name, "dev-normal", { clusterName: name, ...SPEC }, identity(name)) })));
}
