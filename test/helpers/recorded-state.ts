/**
 * A `pulumi stack export` (version 3) of what a stack's program would have recorded after `pulumi up`, for the
 * change-aware check's tests and figures: the program runs twice under mocks (the second time with the first
 * run's IDs known, so references such as the security group's ID are concrete), and every secret is written as
 * Pulumi writes it, a ciphertext (fake, recognisable: CIPHERTEXT_MARK), never the value.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import type { CapturedResource } from "../../check/program/capture";
import { projectName } from "../../check/run-check";
import { runProgram } from "../../check/program/run-program";
import { loadStackConfig, stackConfigPath } from "../../check/inputs/stack-config";
import { isEncodedSecret, isUnknownSentinel, SECRET_SIG, SIG_KEY } from "../../policies/engine";
import { ROOT } from "./run-cli";

/** Every fake ciphertext contains this, so a test can assert that no output ever shows one. */
export const CIPHERTEXT_MARK = "RmFrZUNpcGhlcnRleHQ";
const secret = (n: number) => ({ [SIG_KEY]: SECRET_SIG, ciphertext: `v1:c2FsdA==:${CIPHERTEXT_MARK}${n}=` });

type Json = Record<string, unknown>;

/** Secrets (and values derived from a secret, unknown in the run) as ciphertexts. */
function encode(v: unknown, counter: { n: number }): unknown {
  if (isUnknownSentinel(v)) return secret(counter.n++);
  if (Array.isArray(v)) return v.map((x) => encode(x, counter));
  if (v === null || typeof v !== "object") return v;
  if (isEncodedSecret(v)) return secret(counter.n++);
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, encode(x, counter)]));
}

const fakeId = (r: CapturedResource) => (r.type === "alicloud:emrv2/cluster:Cluster" ? `c-${Buffer.from(r.name).toString("hex").padEnd(16, "0").slice(0, 16)}` : `${r.name}-id`);

function exportOf(stack: string, project: string, resources: CapturedResource[]): Json {
  const counter = { n: 0 };
  const root = `urn:pulumi:${stack}::${project}::pulumi:pulumi:Stack::${project}-${stack}`;
  const records = resources.map((r) => {
    const inputs = encode(r.inputs, counter) as Json;
    // The engine records the option when the program set it (omitted when false).
    const retain = r.retainOnDelete;
    return {
      urn: r.urn,
      custom: r.custom,
      type: r.type,
      ...(r.custom ? { id: fakeId(r) } : {}),
      parent: r.parent ?? root,
      ...(r.protect ? { protect: true } : {}),
      ...(retain ? { retainOnDelete: true } : {}),
      dependencies: r.dependencies ?? [],
      propertyDependencies: r.propertyDependencies ?? {},
      inputs,
      outputs: { ...inputs, ...(r.custom ? { id: fakeId(r) } : {}) },
    };
  });
  return {
    version: 3,
    deployment: {
      manifest: { time: "2026-11-20T09:12:44Z", magic: "0", version: "v3.209.0" },
      secrets_providers: { type: "passphrase", state: { salt: "v1:c2FsdA==:v1:c2FsdA==:c2FsdA==" } },
      resources: [{ urn: root, custom: false, type: "pulumi:pulumi:Stack" }, ...records],
    },
  };
}

/**
 * Runs the project's program for `stack` and returns what its state would record. `edit` changes a cluster's
 * recorded inputs (e.g. core had 3 nodes before this change).
 */
export async function recordState(stack: string, edit: (name: string, inputs: Json) => Json = (_, i) => i): Promise<Json> {
  const { config, secretKeys } = loadStackConfig(stackConfigPath(path.join(ROOT, "stacks"), stack), true);
  const project = projectName(ROOT);
  const run = (existing?: (type: string, name: string) => { id: string; state: Json } | undefined) => runProgram({ program: path.join(ROOT, "stacks"), project, stack, config, secretKeys, existing });
  const first = await run();
  const byKey = new Map(first.resources.filter((r) => r.custom).map((r) => [`${r.type}::${r.name}`, r]));
  const second = await run((type, name) => {
    const r = byKey.get(`${type}::${name}`);
    return r ? { id: fakeId(r), state: Object.fromEntries(Object.entries(r.inputs).filter(([, v]) => !isUnknownSentinel(v))) } : undefined;
  });
  if (second.error) throw new Error(`the ${stack} program failed: ${second.error.message}`);
  const resources = second.resources.map((r) => (r.type === "alicloud:emrv2/cluster:Cluster" ? { ...r, inputs: edit(r.name, r.inputs) } : r));
  return exportOf(stack, project, resources);
}

/** A cluster's inputs with node group counts changed: `{ core: 3 }`. */
export function withNodeCounts(inputs: Json, counts: Record<string, number>): Json {
  const groups = (inputs.nodeGroups as Json[]).map((g) => (String(g.nodeGroupName) in counts ? { ...g, nodeCount: counts[String(g.nodeGroupName)] } : g));
  return { ...inputs, nodeGroups: groups };
}

/**
 * Writes the recorded state of `stack` to `file`, in a separate process (the program runs as under the CLI, not
 * under jest's module loader). `counts`: `{ lakehouse: { core: 3 } }`, the node counts the state records instead.
 */
export function writeRecordedState(stack: string, file: string, counts: Record<string, Record<string, number>> = {}): void {
  execFileSync(process.execPath, ["--import", "tsx", __filename, stack, file, JSON.stringify(counts)], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
}

if (require.main === module) {
  // node --import tsx test/helpers/recorded-state.ts <stack> <file> ['{"lakehouse":{"core":3}}']
  const [stack, file, counts = "{}"] = process.argv.slice(2);
  const edits = JSON.parse(counts) as Record<string, Record<string, number>>;
  recordState(stack, (name, inputs) => (edits[name] ? withNodeCounts(inputs, edits[name]) : inputs)).then(
    (doc) => fs.writeFileSync(file, JSON.stringify(doc, null, 2)),
    (err) => {
      process.stderr.write(`${String(err)}\n`);
      process.exit(1);
    },
  );
}
