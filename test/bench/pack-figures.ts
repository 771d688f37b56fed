/**
 * Issue-12 figures, each as a ratio in one run (this machine is noisy: the pack and the empty pack are measured in
 * alternating order, round after round, and the medians are compared):
 * - the pack through the analyzer protocol on 999 resources (333 HA clusters, each with its security group and RDS
 *   instance), against an empty pack started the same way (run-policy-pack loading a JavaScript `main`),
 *   Analyze x999 sequential + AnalyzeStack;
 * - the pack's start as the Pulumi CLI starts it (run-policy-pack on the pack's folder, which loads the bundle),
 *   against the empty pack, and the same sources through ts-node (type-checked), as a `.ts` main would start.
 * Run: npx tsx test/bench/pack-figures.ts [--rounds N] [--starts N]
 */
import * as fs from "fs";
import * as path from "path";
import { performance } from "perf_hooks";
import { spawnPolicyPack, type StartOptions } from "../../check/pack-process";
import { connectPolicyPack, policyConfigFor, type AnalyzerResourceInput, type RunningPack } from "../../check/pack-runner";
import { haClusterProps } from "../helpers/cluster-props";

const ROOT = path.join(__dirname, "../..");
const PACK: StartOptions = { packDir: path.join(ROOT, "policies") };
const PACK_FROM_SOURCE: StartOptions = { ...PACK, entry: "index.ts" };
const EMPTY: StartOptions = { packDir: path.join(__dirname, "../fixtures/empty-pack") };

function stack(clusters = 333): AnalyzerResourceInput[] {
  const out: AnalyzerResourceInput[] = [];
  for (let c = 0; c < clusters; c++) {
    const urn = (t: string, n: string) => `urn:pulumi:prod::emr-clusters::${t}::${n}`;
    const sg = { type: "alicloud:ecs/securityGroup:SecurityGroup", name: `sg-${c}`, urn: urn("alicloud:ecs/securityGroup:SecurityGroup", `sg-${c}`), properties: { vpcId: "vpc-bp1bench", securityGroupType: "normal", securityGroupName: `lake-${c}-emr` } };
    const rds = { type: "alicloud:rds/instance:Instance", name: `rds-${c}`, urn: urn("alicloud:rds/instance:Instance", `rds-${c}`), properties: { engine: "MySQL", engineVersion: "5.7", instanceType: "mysql.n2.medium.2c", instanceStorage: 50, vpcId: "vpc-bp1bench", vswitchId: "vsw-bp1bench", securityGroupIds: ["sg-bp1bench"] } };
    const props = { ...haClusterProps(), clusterName: `lake-${c}` };
    const cluster = {
      type: "alicloud:emrv2/cluster:Cluster", name: `lake-${c}`, urn: urn("alicloud:emrv2/cluster:Cluster", `lake-${c}`), properties: props, protect: true,
      ignoreChanges: ["nodeGroups[2].nodeCount"], dependencies: [sg.urn, rds.urn], propertyDependencies: { nodeAttributes: [sg.urn], applicationConfigs: [rds.urn] },
    };
    out.push(sg, rds, cluster);
  }
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const arg = (name: string, fallback: number) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback);

/** CPU time (user + system) a process has used, in ms (Linux /proc; 0 elsewhere). */
function cpuMs(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /, "").split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 1/100 s
  } catch {
    return 0;
  }
}

interface Started {
  analyzer: RunningPack;
  pid: number;
}

/**
 * Times `fn` on the pack and on the empty pack, alternating which goes first, `rounds` times each: wall time, and
 * the pack process's CPU time (robust to other load on the machine; the wall time includes the client's share).
 */
async function compare(rounds: number, fn: (p: RunningPack) => Promise<unknown>, pack: Started, empty: Started) {
  const wall = { pack: [] as number[], empty: [] as number[] };
  const cpu = { pack: [] as number[], empty: [] as number[] };
  await fn(pack.analyzer); // warm both (JIT, connection)
  await fn(empty.analyzer);
  for (let i = 0; i < rounds; i++) {
    for (const key of i % 2 === 0 ? (["pack", "empty"] as const) : (["empty", "pack"] as const)) {
      const p = key === "pack" ? pack : empty;
      const [t0, c0] = [performance.now(), cpuMs(p.pid)];
      await fn(p.analyzer);
      wall[key].push(performance.now() - t0);
      cpu[key].push(cpuMs(p.pid) - c0);
    }
  }
  return { pack: median(wall.pack), empty: median(wall.empty), packCpu: median(cpu.pack), emptyCpu: median(cpu.empty) };
}

async function startTime(options: StartOptions): Promise<number> {
  const t0 = performance.now();
  const p = await spawnPolicyPack(options);
  const ms = performance.now() - t0;
  p.child.kill("SIGKILL");
  return ms;
}

const ms = (x: number) => `${Math.round(x)} ms`;

async function main() {
  const rounds = arg("--rounds", 5);
  const starts = arg("--starts", 5);
  const resources = stack();
  const [pack, empty]: Started[] = await Promise.all(
    [PACK, EMPTY].map(async (o) => {
      const started = await spawnPolicyPack(o);
      return { analyzer: connectPolicyPack(started), pid: started.child.pid! };
    }),
  );
  await pack.analyzer.configure(policyConfigFor((await pack.analyzer.info()).policies));
  const a = await compare(rounds, async (p) => {
    for (const r of resources) await p.analyze(r);
  }, pack, empty);
  const s = await compare(rounds, (p) => p.analyzeStack(resources), pack, empty);
  await Promise.all([pack.analyzer.close(), empty.analyzer.close()]);
  const line = (what: string, x: Awaited<ReturnType<typeof compare>>) =>
    `${what} (median of ${rounds}): pack ${ms(x.pack)}, empty ${ms(x.empty)}, ratio ${(x.pack / x.empty).toFixed(2)}; server CPU pack ${ms(x.packCpu)}, empty ${ms(x.emptyCpu)}`;
  console.log(line(`${resources.length} resources, Analyze x${resources.length} sequential`, a));
  console.log(line(`AnalyzeStack(${resources.length})`, s));
  console.log(`both phases: ratio ${((a.pack + s.pack) / (a.empty + s.empty)).toFixed(2)}`);

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
