/**
 * The multi-language component for real: a Pulumi YAML program (the real YAML language host, pulumi-language-yaml
 * v1.25.0) uses `emr:EmrClusterComponent` through the emr plugin (engine/launchers/pulumi-resource-emr, listed in
 * the project's `plugins:`), previews and `up`s against the emulator, and gets the same children with the same
 * protections as the TypeScript program for the same cluster. python.engine.ts does the same for a Python program.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { stringify } from "yaml";
import { ROOT, startEngine, type Engine } from "./harness";
import { ANALYTICS_CHILDREN, expectAnalyticsUp, JDBC, network, plannedChildren, pluginEnv, tsAnalyticsConfig, writePluginDir } from "./multilang-cluster";

let engine: Engine;
let yamlProject: string;
let pluginDir: string;
let scratch: string;

const PASSWORD = "engine-yaml-not-a-real-password";

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

beforeAll(async () => {
  engine = await startEngine();
  yamlProject = join(dirname(engine.project), "yaml");
  mkdirSync(join(ROOT, "node_modules/.cache"), { recursive: true });
  scratch = mkdtempSync(join(ROOT, "node_modules/.cache/emr-engine-"));
  pluginDir = writePluginDir(scratch, dirname(engine.project));
  writeYamlProgram(yamlProject);
  await engine.initStack("dev", {}, yamlProject);
  expect((await engine.pulumi(["config", "set", "--secret", "--stack", "dev", "hiveMetastorePassword", PASSWORD], { cwd: yamlProject })).code).toBe(0);
  await engine.initStack("dev", tsAnalyticsConfig());
  expect((await engine.pulumi(["config", "set", "--secret", "--stack", "dev", "emr:hiveMetastorePassword", PASSWORD])).code).toBe(0);
});

afterAll(async () => {
  await engine?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

test("the YAML program plans the same children with the same protections as the TypeScript program", async () => {
  const fromYaml = await plannedChildren(engine, "dev", { cwd: yamlProject, env: pluginEnv(pluginDir) });
  const fromTs = await plannedChildren(engine, "dev", { program: "stacks", env: pluginEnv(pluginDir) });
  expect(fromYaml).toEqual(ANALYTICS_CHILDREN);
  expect(fromYaml).toEqual(fromTs);
});

test("pulumi up of the YAML program creates the cluster in the emulator, protected, its password never in the log", async () => {
  await expectAnalyticsUp(engine, "dev", { cwd: yamlProject, env: pluginEnv(pluginDir) }, PASSWORD);
});
