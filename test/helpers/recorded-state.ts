/**
 * A recorded state for the change-aware check's tests, made the way a user makes one offline: the
 * `emr-check record-state` command (check/record/record-state.ts), in a separate process. A test may then change
 * what the state records (e.g. core had 3 nodes before this change) to build the before of a change.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { nameOfUrn } from "../../policies/engine";
import { ROOT } from "./run-cli";

export { CIPHERTEXT_MARK } from "../../check/record/record-state";

type Json = Record<string, unknown>;

/** A cluster's inputs with node group counts changed: `{ core: 3 }`. */
export function withNodeCounts(inputs: Json, counts: Record<string, number>): Json {
  const groups = (inputs.nodeGroups as Json[]).map((g) => (String(g.nodeGroupName) in counts ? { ...g, nodeCount: counts[String(g.nodeGroupName)] } : g));
  return { ...inputs, nodeGroups: groups };
}

/**
 * Writes the recorded state of `stack` (a name, or any stack file) to `file` with `emr-check record-state`, run in
 * `cwd`. `counts`: `{ lakehouse: { core: 3 } }`, the node counts the state records instead of the program's.
 */
export function writeRecordedState(stack: string, file: string, counts: Record<string, Record<string, number>> = {}, cwd = ROOT): void {
  execFileSync(process.execPath, [path.join(ROOT, "bin/emr-check.js"), "record-state", "--stack", stack, "--output", file], { cwd, stdio: ["ignore", "ignore", "pipe"] });
  if (!Object.keys(counts).length) return;
  const state = JSON.parse(fs.readFileSync(file, "utf8")) as { deployment: { resources: Json[] } };
  for (const r of state.deployment.resources) {
    const name = nameOfUrn(String(r.urn));
    if (r.type !== "alicloud:emrv2/cluster:Cluster" || name === undefined || !counts[name]) continue;
    r.inputs = withNodeCounts(r.inputs as Json, counts[name]);
    r.outputs = withNodeCounts(r.outputs as Json, counts[name]);
  }
  fs.writeFileSync(file, JSON.stringify(state, null, 2));
}
