/**
 * The multi-language component for real: a Pulumi YAML program (the real YAML language host, pulumi-language-yaml
 * v1.25.0) uses `emr:EmrClusterComponent` through the emr plugin (engine/launchers/pulumi-resource-emr, listed in
 * the project's `plugins:`), previews and `up`s against the emulator, and gets the same children with the same
 * protections as the TypeScript program for the same cluster.
 *
 * Python is not here: its language host (pulumi-language-python) is not served by the Go module proxy (README
 * "Engine tier"); the `pulumi` package from PyPI installs, but nothing can run a Python program without the host.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { stringify } from "yaml";
import { repoStackConfig, ROOT, startEngine, type Engine } from "./harness";

let engine: Engine;
let yamlProject: string;
let pluginDir: string;
let scratch: string;

const PASSWORD = "engine-yaml-not-a-real-password";
const JDBC = "jdbc:mysql://rm-bp1example.mysql.rds.aliyuncs.com:3306/hivemeta?createDatabaseIfNotExist=true";
const network = repoStackConfig("dev")["emr:network"] as { vpcId: string; zoneId: string; vswitchIds: string[]; keyPairName: string };

/**
 * packages/emr-plugin as a user installs it: the plugin folder unchanged (in a temp folder: run-plugin does not
 * compile TypeScript under node_modules), its `@emr-as-code/components` the package built by its own tsconfig
 * (what `npm pack` ships), linked from a scratch folder under node_modules/.cache so that both Node and TypeScript
 * find the package's dependencies in this repository's node_modules.
 */
function writePluginDir(scratch: string, temp: string): string {
  const pkg = join(scratch, "components");
  execFileSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", join(ROOT, "packages/components/tsconfig.json"), "--outDir", join(pkg, "dist")], { stdio: "inherit" });
  copyFileSync(join(ROOT, "packages/components/package.json"), join(pkg, "package.json"));
  const dir = join(temp, "emr-plugin");
  mkdirSync(join(dir, "node_modules/@emr-as-code"), { recursive: true });
  for (const file of ["package.json", "tsconfig.json", "index.ts"]) copyFileSync(join(ROOT, "packages/emr-plugin", file), join(dir, file));
  symlinkSync(pkg, join(dir, "node_modules/@emr-as-code/components"), "dir");
  return dir;
}

/** The analytics cluster of examples/yaml/Pulumi.yaml (dev-normal on an existing Hive metastore). */
function writeYamlProgram(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const program = {
    name: "emr-yaml-engine",
    runtime: "yaml",
    plugins: {
      providers: [{ name: "emr", path: join(ROOT, "engine/launchers") }, { name: "alicloud", path: dirname(engine.toolchain.alicloud) }],
      languages: [{ name: "yaml", path: dirname(engine.toolchain.yamlHost) }],
    },
    config: { hiveMetastorePassword: { type: "string", secret: true } },
    resources: {
      analytics: {
        type: "emr:EmrClusterComponent",
        properties: {
          preset: "dev-normal", clusterName: "analytics-dev", vpcId: network.vpcId, zoneId: network.zoneId, vswitchId: network.vswitchIds[0], keyPairName: network.keyPairName,
          applications: ["HADOOP-COMMON", "HDFS", "YARN", "HIVE", "SPARK3"],
          externalMetastore: { connectionUrl: JDBC, userName: "hive", password: "${hiveMetastorePassword}" },
          deletionProtection: true,
        },
      },
    },
    outputs: { analyticsClusterId: "${analytics.clusterId}" },
  };
  writeFileSync(join(dir, "Pulumi.yaml"), stringify(program));
}

/** The same cluster from the TypeScript program's stack config. */
function tsConfig(): Record<string, unknown> {
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

/** The custom resources a preview plans: type, name, protect, retainOnDelete (the component type itself differs). */
async function children(cwd: string | undefined, stack: string, program?: string): Promise<string[]> {
  const p = await engine.pulumi(["preview", "--stack", stack, "--json"], { cwd, program, env: { EMR_PLUGIN_DIR: pluginDir, EMR_LIVE_CHECKS: "off" } });
  if (p.code !== 0) throw new Error(`preview failed:\n${p.stdout}\n${p.stderr}`);
  const steps = (JSON.parse(p.stdout) as { steps: Step[] }).steps;
  return steps
    .filter((s) => s.newState?.custom && !s.newState.type.startsWith("pulumi:providers:"))
    .map((s) => `${s.newState!.type} ${s.urn.split("::").pop()} protect=${Boolean(s.newState!.protect)} retainOnDelete=${Boolean(s.newState!.retainOnDelete)}`)
    .sort();
}

beforeAll(async () => {
  engine = await startEngine();
  yamlProject = join(dirname(engine.project), "yaml");
  mkdirSync(join(ROOT, "node_modules/.cache"), { recursive: true });
  scratch = mkdtempSync(join(ROOT, "node_modules/.cache/emr-engine-"));
  pluginDir = writePluginDir(scratch, dirname(engine.project));
  writeYamlProgram(yamlProject);
  await engine.initStack("dev", {}, yamlProject);
  expect((await engine.pulumi(["config", "set", "--secret", "--stack", "dev", "hiveMetastorePassword", PASSWORD], { cwd: yamlProject })).code).toBe(0);
  await engine.initStack("dev", tsConfig());
  expect((await engine.pulumi(["config", "set", "--secret", "--stack", "dev", "emr:hiveMetastorePassword", PASSWORD])).code).toBe(0);
});

afterAll(async () => {
  await engine?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

test("the YAML program plans the same children with the same protections as the TypeScript program", async () => {
  const fromYaml = await children(yamlProject, "dev");
  const fromTs = await children(undefined, "dev", "stacks");
  expect(fromYaml).toEqual([
    "alicloud:ecs/securityGroup:SecurityGroup analytics-sg protect=false retainOnDelete=true",
    "alicloud:emrv2/cluster:Cluster analytics protect=true retainOnDelete=true",
  ]);
  expect(fromYaml).toEqual(fromTs);
});

test("pulumi up of the YAML program creates the cluster in the emulator, protected, its password never in the log", async () => {
  const mark = engine.emulator.requests.length;
  const up = await engine.pulumi(["up", "--stack", "dev", "--yes", "--skip-preview"], { cwd: yamlProject, env: { EMR_PLUGIN_DIR: pluginDir, EMR_LIVE_CHECKS: "off" } });
  expect({ code: up.code, out: up.code === 0 ? "" : up.stdout + up.stderr }).toEqual({ code: 0, out: "" });
  const run = engine.emulator.requests.slice(mark).find((r) => r.action === "RunCluster");
  expect(run?.params).toMatchObject({ ClusterName: "analytics-dev", DeletionProtection: "true" });
  expect(JSON.stringify(engine.emulator.requests)).not.toContain(PASSWORD);
  const cluster = [...engine.emulator.state.clusters.values()].find((c) => c.ClusterName === "analytics-dev");
  expect(cluster?.DeletionProtection).toBe(true);
  const state = JSON.parse((await engine.pulumi(["stack", "export", "--stack", "dev"], { cwd: yamlProject })).stdout) as { deployment: { resources: { type: string; protect?: boolean; retainOnDelete?: boolean }[] } };
  const emr = state.deployment.resources.find((r) => r.type === "alicloud:emrv2/cluster:Cluster");
  expect([emr?.protect, emr?.retainOnDelete]).toEqual([true, true]);
});
