/**
 * Issue-12 figures, each as a ratio in one run (this machine is noisy: the pack and the empty pack are measured in
 * alternating order, round after round, and the medians are compared):
 * - the pack through the analyzer protocol on 999 resources (333 HA clusters, each with its security group and RDS
 *   instance), against an empty pack started the same way (run-policy-pack loading a JavaScript `main`),
 *   Analyze x999 sequential + AnalyzeStack; and a floor pack of our shape (as many policies, reading one field),
 *   which shows what the SDK itself costs per policy (it deserializes the props afresh for each);
 * - the pack's start as the Pulumi CLI starts it (run-policy-pack on the pack's folder, which loads the bundle),
 *   against the empty pack, and the same sources through ts-node (type-checked), as a `.ts` main would start.
 * Run: npx tsx test/bench/pack-figures.ts [--rounds N] [--starts N]
 */
import * as path from "path";
import { performance } from "perf_hooks";
import { spawnPolicyPack, type StartOptions } from "../../check/pack/pack-process";
import { connectPolicyPack, policyConfigFor, type RunningPack } from "../../check/pack/pack-runner";
import { ALL_POLICIES } from "../../policies/pack";
import { clusterStack } from "../helpers/big-stack";
import { median, processCpuMs } from "./measure";

const ROOT = path.join(__dirname, "../..");
const PACK: StartOptions = { packDir: path.join(ROOT, "policies") };
const PACK_FROM_SOURCE: StartOptions = { ...PACK, entry: "index.ts" };
const EMPTY: StartOptions = { packDir: path.join(__dirname, "../fixtures/empty-pack") };
const FLOOR: StartOptions = { packDir: path.join(__dirname, "../fixtures/floor-pack") };

const arg = (name: string, fallback: number) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback);

interface Started {
  analyzer: RunningPack;
  pid: number;
}

type Name = "pack" | "floor" | "empty";
interface Figure {
  wall: number;
  cpu: number;
}

/**
 * Times `fn` on each pack, rotating which goes first, `rounds` times each: wall time (medians), and the pack
 * process's CPU time (robust to other load on the machine; the wall time includes the client's share).
 */
async function compare(rounds: number, fn: (p: RunningPack) => Promise<unknown>, packs: Record<Name, Started>): Promise<Record<Name, Figure>> {
  const names = Object.keys(packs) as Name[];
  const samples = Object.fromEntries(names.map((n) => [n, { wall: [] as number[], cpu: [] as number[] }]));
  for (const n of names) await fn(packs[n].analyzer); // warm each (JIT, connection)
  for (let i = 0; i < rounds; i++) {
    for (const n of [...names.slice(i % names.length), ...names.slice(0, i % names.length)]) {
      const [t0, c0] = [performance.now(), processCpuMs(packs[n].pid)];
      await fn(packs[n].analyzer);
      samples[n].wall.push(performance.now() - t0);
      samples[n].cpu.push(processCpuMs(packs[n].pid) - c0);
    }
  }
  return Object.fromEntries(names.map((n) => [n, { wall: median(samples[n].wall), cpu: median(samples[n].cpu) }])) as Record<Name, Figure>;
}

async function startTime(options: StartOptions): Promise<number> {
  const t0 = performance.now();
  const p = await spawnPolicyPack(options);
  const ms = performance.now() - t0;
  await new Promise((resolve) => p.child.once("exit", resolve).kill("SIGKILL"));
  return ms;
}

const ms = (x: number) => `${Math.round(x)} ms`;

async function main() {
  const rounds = arg("--rounds", 5);
  const starts = arg("--starts", 5);
  const resources = clusterStack();
  // The floor pack has as many resource and stack policies as ours, reading one field each.
  const floorEnv = {
    FLOOR_RESOURCE_POLICIES: String(ALL_POLICIES.filter((p) => "validateResource" in p).length),
    FLOOR_STACK_POLICIES: String(ALL_POLICIES.filter((p) => "validateStack" in p).length),
  };
  const entries = await Promise.all(
    ([["pack", PACK], ["floor", { ...FLOOR, env: floorEnv }], ["empty", EMPTY]] as const).map(async ([name, options]) => {
      const started = await spawnPolicyPack(options);
      return [name, { analyzer: connectPolicyPack(started), pid: started.child.pid! }] as const;
    }),
  );
  const packs = Object.fromEntries(entries) as Record<Name, Started>;
  await packs.pack.analyzer.configure(policyConfigFor((await packs.pack.analyzer.info()).policies));
  const a = await compare(rounds, async (p) => {
    for (const r of resources) await p.analyze(r);
  }, packs);
  const s = await compare(rounds, (p) => p.analyzeStack(resources), packs);
  await Promise.all(Object.values(packs).map((p) => p.analyzer.close()));
  const ratio = (x: number, y: number) => (x / y).toFixed(2);
  const line = (what: string, x: Record<Name, Figure>) =>
    `${what}, median of ${rounds}: pack ${ms(x.pack.wall)}, empty ${ms(x.empty.wall)}, ratio ${ratio(x.pack.wall, x.empty.wall)}` +
    ` (floor pack ${ms(x.floor.wall)}, ratio ${ratio(x.floor.wall, x.empty.wall)}); pack process CPU: pack ${ms(x.pack.cpu)}, floor ${ms(x.floor.cpu)}, empty ${ms(x.empty.cpu)}`;
  console.log(line(`${resources.length} resources, Analyze x${resources.length} sequential`, a));
  console.log(line(`AnalyzeStack(${resources.length})`, s));
  const both = (n: Name) => a[n].wall + s[n].wall;
  console.log(`both phases: pack/empty ${ratio(both("pack"), both("empty"))}, floor/empty ${ratio(both("floor"), both("empty"))}, pack/floor ${ratio(both("pack"), both("floor"))}`);
  console.log(`  (floor pack: ${floorEnv.FLOOR_RESOURCE_POLICIES} resource policies bound to the cluster type and ${floorEnv.FLOOR_STACK_POLICIES} stack policies, as ours, each reading one field: the SDK deserializes the props for each)`);

  const times: Record<"pack" | "empty" | "source", number[]> = { pack: [], empty: [], source: [] };
  for (let i = 0; i < starts; i++) {
    times.pack.push(await startTime(PACK));
    times.empty.push(await startTime(EMPTY));
    times.source.push(await startTime(PACK_FROM_SOURCE));
  }
  const [p, e, src] = [median(times.pack), median(times.empty), median(times.source)];
  console.log(`pack start via run-policy-pack on policies/ (the CLI's path, loads dist/index.js), median of ${starts}: ${ms(p)}; empty pack ${ms(e)}, ratio ${(p / e).toFixed(2)}`);
  console.log(`  the same sources through ts-node (type-checked, as a .ts main starts): ${ms(src)}`);
}

main().then(() => process.exit(0), (e) => (console.error(e), process.exit(1)));
