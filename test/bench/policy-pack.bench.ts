/**
 * The pack's cost on the stack of its goal (999 resources: 333 HA clusters, each with its security group and RDS
 * instance), through the analyzer server as the CLI runs it, against an empty pack started the same way (the
 * protocol's floor), and the pure rules in-process. Prints the figures; asserts ratios, never absolute times (those say more about the
 * machine's load than about the pack).
 */
import * as path from "path";
import { performance } from "perf_hooks";
import { spawnPolicyPack } from "../../check/pack/pack-process";
import { connectPolicyPack, policyConfigFor, type AnalyzerResourceInput, type RunningPack } from "../../check/pack/pack-runner";
import { ALL_RULES, ruleContext, runRule } from "../../policies/rules";
import { clusterStack } from "../helpers/big-stack";
import { median, ownCpuMs, processCpuMs } from "./measure";

/**
 * The goal the pack is held to (policies/README.md, issue 12): Analyze of each resource in turn plus one AnalyzeStack
 * cost at most 1.2x what an empty pack started the same way costs. The calls are sequential, so on an idle machine
 * their wall time is the client's CPU plus the pack process's; that sum is what is compared here, because unlike wall
 * time it does not grow while other work shares the 2 cores. The two packs are measured in turn, in pairs of rounds:
 * the pack first, then the empty pack first (whichever goes second is cheaper: the client collects the first one's
 * garbage during it), each pair's ratio the geometric mean of its two rounds; the median pair is kept, and the bound
 * allows NOISE over the goal.
 */
const GOAL = 1.2;
/**
 * Measured here at load 5-12 on the 2 cores: 1.12-1.28 (median pair, 7 runs). The pack without its shared
 * deserialization (policies/sdk-deserialize.ts off, issue 12's fix undone) measured 1.37-1.53 (4 runs): at the bound,
 * so a regression of that size is caught only on a quiet machine; a larger one always.
 */
const NOISE = 1.15;
const PAIRS = 5;
/**
 * The rules in-process (CPU) against the empty pack's CPU for the same two phases: the rules may take at most half of
 * what the goal allows over the floor (GOAL - 1), the other half being the SDK's own work per policy (deserializing and
 * proxying the props). Above that the pack could not meet its goal whatever the SDK did.
 */
const RULES_SHARE_OF_FLOOR = (GOAL - 1) / 2;

interface Pack {
  analyzer: RunningPack;
  pid: number;
}
const resources: AnalyzerResourceInput[] = clusterStack();
let pack: Pack;
let empty: Pack;

async function start(packDir: string): Promise<Pack> {
  const started = await spawnPolicyPack({ packDir });
  return { analyzer: connectPolicyPack(started), pid: started.child.pid! };
}

beforeAll(async () => {
  [pack, empty] = await Promise.all([start(path.join(__dirname, "../../policies")), start(path.join(__dirname, "../fixtures/empty-pack"))]);
  await pack.analyzer.configure(policyConfigFor((await pack.analyzer.info()).policies));
}, 90000);
afterAll(async () => Promise.all([pack?.analyzer.close(), empty?.analyzer.close()]));

interface Cost {
  wall: number;
  /** This process's CPU plus the pack process's, in ms. */
  cpu: number;
  /** The pack process's CPU alone, in ms. */
  server: number;
}
async function cost(p: Pack, fn: () => Promise<unknown>): Promise<Cost> {
  const [t0, c0, s0] = [performance.now(), ownCpuMs(), processCpuMs(p.pid)];
  await fn();
  const server = processCpuMs(p.pid) - s0;
  return { wall: performance.now() - t0, cpu: ownCpuMs() - c0 + server, server };
}

/** Both phases of the goal: Analyze of each resource in turn, then one AnalyzeStack. */
async function phases(p: Pack): Promise<Cost> {
  return cost(p, async () => {
    for (const r of resources) await p.analyzer.analyze(r);
    await p.analyzer.analyzeStack(resources);
  });
}

const CONCURRENCY = 16;
async function analyzeConcurrently(p: Pack): Promise<Cost> {
  let next = 0;
  return cost(p, () => Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < resources.length) await p.analyzer.analyze(resources[next++]);
  })));
}

test("999 resources: the pack costs at most the goal's ratio over an empty pack, and the rules are cheap next to the protocol", async () => {
  expect(resources).toHaveLength(999);

  for (const p of [pack, empty]) await phases(p); // warm each (JIT, connection)
  const rounds: { pack: Cost; empty: Cost }[] = [];
  for (let i = 0; i < 2 * PAIRS; i++) {
    if (i % 2 === 0) rounds.push({ pack: await phases(pack), empty: await phases(empty) });
    else {
      const emptyFirst = await phases(empty);
      rounds.push({ pack: await phases(pack), empty: emptyFirst });
    }
  }
  const roundRatio = (k: keyof Cost) => rounds.map((r) => r.pack[k] / r.empty[k]);
  const ratio = (k: keyof Cost) => {
    const each = roundRatio(k);
    return median(Array.from({ length: PAIRS }, (_, i) => Math.sqrt(each[2 * i] * each[2 * i + 1])));
  };
  const floor = { wall: median(rounds.map((r) => r.empty.wall)), cpu: median(rounds.map((r) => r.empty.cpu)) };

  const concurrent = { pack: await analyzeConcurrently(pack), empty: await analyzeConcurrently(empty) };

  const ctx = ruleContext({}, { stackName: "prod" });
  const clusters = resources.filter((r) => r.type === "alicloud:emrv2/cluster:Cluster").map((r) => r.properties);
  const inProcessMs: number[] = [];
  for (let run = 0; run < 3; run++) {
    const c0 = ownCpuMs();
    for (const c of clusters) for (const rule of ALL_RULES) runRule(rule, c, ctx);
    inProcessMs.push(ownCpuMs() - c0);
  }
  const rulesMs = median(inProcessMs);

  const figures = {
    resources: resources.length,
    "pack / empty, Analyze x999 in turn + AnalyzeStack, CPU (client + pack process), median pair": +ratio("cpu").toFixed(2),
    "  each round (CPU; pack first, then empty first, in turn)": roundRatio("cpu").map((x) => +x.toFixed(2)),
    "pack / empty, the pack process's CPU alone": +ratio("server").toFixed(2),
    "pack / empty, the same in wall time": +ratio("wall").toFixed(2),
    "  each round (wall)": roundRatio("wall").map((x) => +x.toFixed(2)),
    "pack, both phases, median ms (wall)": Math.round(median(rounds.map((r) => r.pack.wall))),
    "empty pack, both phases, median ms (wall)": Math.round(floor.wall),
    [`pack / empty, Analyze x999 ${CONCURRENCY} concurrent (as the check sends them), CPU`]: +(concurrent.pack.cpu / concurrent.empty.cpu).toFixed(2),
    "in-process rules over the stack, CPU ms": +rulesMs.toFixed(1),
    "in-process rules / the empty pack's CPU for both phases": +(rulesMs / floor.cpu).toFixed(3),
  };
  console.log(JSON.stringify(figures, null, 2));

  expect(ratio("cpu")).toBeLessThanOrEqual(GOAL * NOISE);
  expect(rulesMs / floor.cpu).toBeLessThan(RULES_SHARE_OF_FLOOR);
}, 300000);
