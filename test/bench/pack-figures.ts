/**
 * Issue-12 figures, each as a ratio in one run (this machine is noisy):
 * - the pack through the analyzer protocol on 999 resources (333 HA clusters, each with its security group and RDS
 *   instance), against an empty pack started the same way (run-policy-pack), Analyze x999 sequential + AnalyzeStack;
 * - the pack's start as the Pulumi CLI starts it (run-policy-pack on the pack's folder), against the empty pack.
 * Run: npx tsx test/bench/pack-figures.ts [--starts N]
 */
import * as path from "path";
import { performance } from "perf_hooks";
import { spawnPolicyPack } from "../../check/pack-process";
import { connectPolicyPack, policyConfigFor, type AnalyzerResourceInput, type RunningPack } from "../../check/pack-runner";
import { haClusterProps } from "../helpers/cluster-props";

const ROOT = path.join(__dirname, "../..");
const PACK = path.join(ROOT, "policies");
const EMPTY = path.join(__dirname, "../fixtures/empty-pack");

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

async function time(fn: () => Promise<unknown>, runs: number): Promise<number> {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    xs.push(performance.now() - t0);
  }
  return xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}

async function startTime(dir: string): Promise<number> {
  const t0 = performance.now();
  const p = await spawnPolicyPack({ packDir: dir });
  const ms = performance.now() - t0;
  p.child.kill("SIGKILL");
  return ms;
}

async function main() {
  const starts = Number(process.argv[process.argv.indexOf("--starts") + 1]) || 5;
  const resources = stack();
  const [pack, empty]: RunningPack[] = await Promise.all([PACK, EMPTY].map(async (d) => connectPolicyPack(await spawnPolicyPack({ packDir: d }))));
  await pack.configure(policyConfigFor((await pack.info()).policies));
  const analyzeAll = (p: RunningPack) => async () => {
    for (const r of resources) await p.analyze(r);
  };
  const a = { pack: await time(analyzeAll(pack), 3), empty: await time(analyzeAll(empty), 3) };
  const s = { pack: await time(() => pack.analyzeStack(resources), 3), empty: await time(() => empty.analyzeStack(resources), 3) };
  await Promise.all([pack.close(), empty.close()]);
  console.log(`${resources.length} resources, Analyze x${resources.length} sequential: pack ${Math.round(a.pack)} ms, empty ${Math.round(a.empty)} ms, ratio ${(a.pack / a.empty).toFixed(2)}`);
  console.log(`AnalyzeStack(${resources.length}): pack ${Math.round(s.pack)} ms, empty ${Math.round(s.empty)} ms, ratio ${(s.pack / s.empty).toFixed(2)}`);
  console.log(`both phases: ratio ${((a.pack + s.pack) / (a.empty + s.empty)).toFixed(2)}`);
  const ps: number[] = [];
  const es: number[] = [];
  for (let i = 0; i < starts; i++) {
    ps.push(await startTime(PACK));
    es.push(await startTime(EMPTY));
  }
  const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  console.log(`pack start via run-policy-pack (the CLI's path), median of ${starts}: pack ${Math.round(med(ps))} ms, empty pack ${Math.round(med(es))} ms, ratio ${(med(ps) / med(es)).toFixed(2)}`);
}

main().then(() => process.exit(0), (e) => (console.error(e), process.exit(1)));
