/**
 * What yaml.engine.ts and python.engine.ts share: the emr plugin folder as a user installs it, the analytics cluster
 * (dev-normal on an existing Hive metastore) as the TypeScript program's stack config declares it, the children a
 * preview plans, and `pulumi up` of another language's program held to the TypeScript program's protections.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { nameOfUrn } from "../../policies/engine";
import { repoStackConfig, ROOT, type Engine, type RunOptions } from "./harness";

export const JDBC = "jdbc:mysql://rm-bp1example.mysql.rds.aliyuncs.com:3306/hivemeta?createDatabaseIfNotExist=true";
export const network = repoStackConfig("dev")["emr:network"] as { vpcId: string; zoneId: string; vswitchIds: string[]; keyPairName: string };

/** What a preview of the analytics cluster plans, from every language (the component type itself differs). */
export const ANALYTICS_CHILDREN = [
  "alicloud:ecs/securityGroup:SecurityGroup analytics-sg protect=false retainOnDelete=true",
  "alicloud:emrv2/cluster:Cluster analytics protect=true retainOnDelete=true",
];

/**
 * packages/emr-plugin as a user installs it: the plugin folder unchanged (in a temp folder: run-plugin does not
 * compile TypeScript under node_modules), its `@emr-as-code/components` the package built by its own tsconfig
 * (what `npm pack` ships), linked from a scratch folder under node_modules/.cache so that both Node and TypeScript
 * find the package's dependencies in this repository's node_modules.
 */
export function writePluginDir(scratch: string, temp: string): string {
  const pkg = join(scratch, "components");
  execFileSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", join(ROOT, "packages/components/tsconfig.json"), "--outDir", join(pkg, "dist")], { stdio: "inherit" });
  copyFileSync(join(ROOT, "packages/components/package.json"), join(pkg, "package.json"));
  const dir = join(temp, "emr-plugin");
  mkdirSync(join(dir, "node_modules/@emr-as-code"), { recursive: true });
  for (const file of ["package.json", "tsconfig.json", "index.ts"]) copyFileSync(join(ROOT, "packages/emr-plugin", file), join(dir, file));
  symlinkSync(pkg, join(dir, "node_modules/@emr-as-code/components"), "dir");
  return dir;
}

/** The analytics cluster in the TypeScript program's stack config (its password under `emr:hiveMetastorePassword`). */
export function tsAnalyticsConfig(): Record<string, unknown> {
  return {
    "emr:preset": "dev-normal",
    "emr:network": network,
    "emr:clusters": [{ name: "analytics", spec: { clusterName: "analytics-dev", metastore: { type: "USER_RDS", external: { connectionUrl: JDBC, userName: "hive", passwordConfigKey: "hiveMetastorePassword" } } } }],
  };
}

interface Step {
  op: string;
  urn: string;
  newState?: { type: string; custom: boolean; protect?: boolean; retainOnDelete?: boolean };
}

/** The environment every run of the component through the plugin gets: our plugin folder, no live checks. */
export const pluginEnv = (pluginDir: string): Record<string, string> => ({ EMR_PLUGIN_DIR: pluginDir, EMR_LIVE_CHECKS: "off" });

/** The custom resources a preview plans: type, name, protect, retainOnDelete (providers left out). */
export async function plannedChildren(engine: Engine, stack: string, opts: RunOptions): Promise<string[]> {
  const p = await engine.pulumi(["preview", "--stack", stack, "--json"], opts);
  if (p.code !== 0) throw new Error(`preview failed:\n${p.stdout}\n${p.stderr}`);
  const steps = (JSON.parse(p.stdout) as { steps: Step[] }).steps;
  return steps
    .filter((s) => s.newState?.custom && !s.newState.type.startsWith("pulumi:providers:"))
    .map((s) => `${s.newState!.type} ${nameOfUrn(s.urn)} protect=${Boolean(s.newState!.protect)} retainOnDelete=${Boolean(s.newState!.retainOnDelete)}`)
    .sort();
}

/**
 * `pulumi up --skip-preview` of a program declaring the analytics cluster: it creates the cluster in the emulator with
 * deletion protection, its state protected and retained, and the metastore password is in no request.
 */
export async function expectAnalyticsUp(engine: Engine, stack: string, opts: RunOptions, password: string): Promise<void> {
  const mark = engine.emulator.requests.length;
  const up = await engine.pulumi(["up", "--stack", stack, "--yes", "--skip-preview"], opts);
  expect({ code: up.code, out: up.code === 0 ? "" : up.stdout + up.stderr }).toEqual({ code: 0, out: "" });
  const run = engine.emulator.requests.slice(mark).find((r) => r.action === "RunCluster");
  expect(run?.params).toMatchObject({ ClusterName: "analytics-dev", DeletionProtection: "true" });
  expect(JSON.stringify(engine.emulator.requests)).not.toContain(password);
  const cluster = [...engine.emulator.state.clusters.values()].find((c) => c.ClusterName === "analytics-dev");
  expect(cluster?.DeletionProtection).toBe(true);
  const state = JSON.parse((await engine.pulumi(["stack", "export", "--stack", stack], { cwd: opts.cwd })).stdout) as { deployment: { resources: { type: string; protect?: boolean; retainOnDelete?: boolean }[] } };
  const emr = state.deployment.resources.find((r) => r.type === "alicloud:emrv2/cluster:Cluster");
  expect([emr?.protect, emr?.retainOnDelete]).toEqual([true, true]);
}
