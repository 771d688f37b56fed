/**
 * The pack's cost on a generated stack of 1,000 resources (20 HA clusters with their supporting resources), through
 * the analyzer server as the CLI runs it, against an empty pack on the same run (the protocol's floor), and the
 * pure rules in-process. Prints the figures; asserts the budgets.
 */
import * as path from "path";
import { performance } from "perf_hooks";
import type { CapturedResource } from "../../check/program/capture";
import { policyConfigFor, startPolicyPack, type RunningPack } from "../../check/pack/pack-runner";
import { ALL_RULES, ruleContext, runRule } from "../../policies/rules";
import { captureProgram, setupPreviewCapture } from "../helpers/capture-program";
import { bigStackProgram } from "../helpers/big-stack";
import { startProjectPack } from "../helpers/project-pack";

let resources: CapturedResource[];
let pack: RunningPack;
let empty: RunningPack;

beforeAll(async () => {
  await setupPreviewCapture("prod");
  [resources, pack, empty] = await Promise.all([
    captureProgram(bigStackProgram()),
    startProjectPack(),
    startPolicyPack({ packDir: path.join(__dirname, "../fixtures/empty-pack") }),
  ]);
  await pack.configure(policyConfigFor((await pack.info()).policies));
}, 90000);
afterAll(async () => Promise.all([pack?.close(), empty?.close()]));

/** Wall time of `fn`, best of `runs` (the first run warms the JIT and the connection). */
async function timeIt(fn: () => Promise<unknown>, runs = 3): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

const CONCURRENCY = 16;
async function analyzeConcurrently(p: RunningPack): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < resources.length) await p.analyze(resources[next++]);
  }));
}

test("1,000 resources: the pack costs about what the protocol costs, and the rules are cheap in-process", async () => {
  expect(resources).toHaveLength(1000);
  expect(resources.filter((r) => r.type === "alicloud:emrv2/cluster:Cluster")).toHaveLength(20);

  const packAnalyze = await timeIt(() => analyzeConcurrently(pack));
  const emptyAnalyze = await timeIt(() => analyzeConcurrently(empty));
  const packStack = await timeIt(() => pack.analyzeStack(resources));
  const emptyStack = await timeIt(() => empty.analyzeStack(resources));
  const packSequential = await timeIt(async () => {
    for (const r of resources) await pack.analyze(r);
  }, 1);

  const ctx = ruleContext({}, { stackName: "prod" });
  const clusters = resources.filter((r) => r.type === "alicloud:emrv2/cluster:Cluster").map((r) => r.inputs);
  const inProcess = await timeIt(async () => {
    for (let i = 0; i < 50; i++) for (const c of clusters) for (const rule of ALL_RULES) runRule(rule, c, ctx);
  });
  const perStack = inProcess / 50;

  const figures = {
    resources: resources.length,
    "server Analyze x1000 (16 concurrent), ms": Math.round(packAnalyze),
    "empty pack Analyze x1000 (16 concurrent), ms": Math.round(emptyAnalyze),
    "server Analyze x1000 (sequential), ms": Math.round(packSequential),
    "server AnalyzeStack(1000), ms": Math.round(packStack),
    "empty pack AnalyzeStack(1000), ms": Math.round(emptyStack),
    "pack / empty (Analyze)": +(packAnalyze / emptyAnalyze).toFixed(2),
    "pack / empty (AnalyzeStack)": +(packStack / emptyStack).toFixed(2),
    "in-process rules over the stack, ms": +perStack.toFixed(3),
    "in-process per resource, ms": +(perStack / resources.length).toFixed(5),
  };
  console.log(JSON.stringify(figures, null, 2));

  expect(packAnalyze).toBeLessThan(1000);
  expect(packStack).toBeLessThan(1000);
  expect(perStack / resources.length).toBeLessThan(0.1);
}, 120000);
