/**
 * Wall time of the offline check as a user runs it (`npm run check -- ...`, a new process each time): the prod
 * stack, first with an empty compile cache (a fresh NODE_COMPILE_CACHE, as on a new machine), then the median of 5;
 * and stacks of 1, 10 and 50 datalake-ha clusters generated in a temp dir (median of 3), with the cost per cluster
 * between 10 and 50 (linear: about the same as between 1 and 10).
 * Run: npx tsx test/bench/check-timing.ts
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { stringify } from "yaml";

const ROOT = path.join(__dirname, "../..");

function timeRun(args: string[], env: NodeJS.ProcessEnv = {}): { ms: number; timings: string } {
  const t0 = process.hrtime.bigint();
  const run = spawnSync("npm", ["run", "--silent", "check", "--", "-q", "--timings", ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, ...env } });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  // 0 clean, 1 a mandatory violation (the generated stacks may break guardrails): both ran the whole check.
  if (run.status !== 0 && run.status !== 1) throw new Error(`check failed (${run.status}): ${run.stderr}`);
  if (/: 0 resources planned/.test(run.stdout)) throw new Error(`the program planned nothing (refused): ${run.stdout.slice(-500)}`);
  return { ms, timings: (run.stderr.match(/timings: .*/) ?? [""])[0] };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function stackWithClusters(n: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "emr-scale-"));
  const file = path.join(dir, `Pulumi.scale${n}.yaml`);
  const config = {
    "alicloud:region": "cn-hangzhou",
    "emr:preset": "datalake-ha",
    "emr:network": { vpcId: "vpc-bp1scaleplaceholder", zoneId: "cn-hangzhou-i", vswitchIds: ["vsw-bp1scaleplaceholder"], keyPairName: "emr-admin" },
    "emr:clusters": Array.from({ length: n }, (_, i) => ({ name: `lake-${i}`, spec: { clusterName: `lake-${i}`, securityMode: "KERBEROS", storage: { ossHdfsRootUri: `oss://lake-${i}.cn-hangzhou.oss-dls.aliyuncs.com/` } } })),
  };
  fs.writeFileSync(file, stringify({ config }));
  return file;
}

const fresh = timeRun(["--stack", "prod"], { NODE_COMPILE_CACHE: fs.mkdtempSync(path.join(os.tmpdir(), "emr-compile-cache-")) });
console.log(`prod, empty compile cache (first run on a machine): ${Math.round(fresh.ms)} ms; ${fresh.timings}`);
const prod: number[] = [];
const breakdown: string[] = [];
for (let i = 0; i < 5; i++) {
  const { ms, timings } = timeRun(["--stack", "prod"]);
  prod.push(ms);
  breakdown.push(timings);
}
console.log(`prod: median ${Math.round(median(prod))} ms over 5 runs (${prod.map(Math.round).join(", ")})`);
console.log(`prod breakdown (last run): ${breakdown[4]}`);
const scale: Record<number, number> = {};
for (const n of [1, 10, 50]) {
  const file = stackWithClusters(n);
  const runs = [0, 1, 2].map(() => timeRun(["--stack", `scale${n}`, "--program", "stacks", "--config-file", file]));
  scale[n] = median(runs.map((r) => r.ms));
  console.log(`${n} clusters (${n * 8} resources): median ${Math.round(scale[n])} ms; ${runs[2].timings}`);
}
const perCluster = (a: number, b: number) => (scale[b] - scale[a]) / (b - a);
console.log(`per cluster: ${Math.round(perCluster(1, 10))} ms from 1 to 10 clusters, ${Math.round(perCluster(10, 50))} ms from 10 to 50`);
