/**
 * Wall time of the offline check as a user runs it (`npm run check -- ...`, a cold process each time):
 * the prod stack (median of 5), and stacks of 1, 10 and 50 datalake-ha clusters generated in a temp dir.
 * Run: npx tsx test/bench/check-timing.ts
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { stringify } from "yaml";

const ROOT = path.join(__dirname, "../..");

function timeRun(args: string[]): { ms: number; timings: string } {
  const t0 = process.hrtime.bigint();
  const run = spawnSync("npm", ["run", "--silent", "check", "--", "-q", "--timings", ...args], { cwd: ROOT, encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (run.status !== 0) throw new Error(`check failed (${run.status}): ${run.stderr}`);
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
    "emr:clusters": Array.from({ length: n }, (_, i) => ({ name: `lake-${i}`, spec: { clusterName: `lake-${i}`, securityMode: "KERBEROS" } })),
  };
  fs.writeFileSync(file, stringify({ config }));
  return file;
}

const prod: number[] = [];
const breakdown: string[] = [];
for (let i = 0; i < 5; i++) {
  const { ms, timings } = timeRun(["--stack", "prod"]);
  prod.push(ms);
  breakdown.push(timings);
}
console.log(`prod: median ${Math.round(median(prod))} ms over 5 cold runs (${prod.map(Math.round).join(", ")})`);
console.log(`prod breakdown (last run): ${breakdown[4]}`);
for (const n of [1, 10, 50]) {
  const file = stackWithClusters(n);
  const runs = [0, 1, 2].map(() => timeRun(["--stack", `scale${n}`, "--program", "stacks", "--config-file", file]));
  console.log(`${n} clusters (${n * 8} resources): median ${Math.round(median(runs.map((r) => r.ms)))} ms; ${runs[2].timings}`);
}
