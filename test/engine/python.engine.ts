/**
 * The multi-language component from Python for real: a Python program (`import emr_as_code_emr`, the `pulumi` package
 * 3.270.0 from PyPI in the engine's Python environment, engine/python.ts) uses `emr:EmrClusterComponent` through the
 * emr plugin, previews and `up`s under the real CLI against the emulator, and gets the same children with the same
 * protections as the TypeScript program for the same cluster (as yaml.engine.ts does for YAML).
 *
 * How it runs without pulumi-language-python (the Go module proxy does not serve it): the program is served by the
 * Python SDK's own language runtime server (program_server.py, what the Python Automation API does for an inline
 * program), whose address the CLI gets as `--client`. The SDK `emr_as_code_emr` is generated from the schema the real CLI
 * reads from the plugin (`pulumi package get-schema`) by the CLI's Python code generator (engine-python-sdkgen: `gen-sdk
 * --language python` hands that step to the Python host), then pip-installed offline into a folder on PYTHONPATH.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { stringify } from "yaml";
import { ensurePythonEnv, type PythonEnv } from "../../engine/python";
import { ROOT, startEngine, type Engine, type ProgramServer } from "./harness";
import { ANALYTICS_CHILDREN, expectAnalyticsUp, network, plannedChildren, pluginEnv, tsAnalyticsConfig, writePluginDir } from "./multilang-cluster";

let engine: Engine;
let python: PythonEnv;
let pyProject: string;
let pluginDir: string;
let scratch: string;
let sdk: string;
let site: string;

const PROJECT = "emr-python-engine";
const PASSWORD = "engine-python-not-a-real-password";

/** The schema as the CLI reads it from the plugin, then the SDK in `sdk`, then installed (no index, no build isolation) into `site`. */
async function generateSdk(temp: string): Promise<void> {
  const schema = await engine.pulumi(["package", "get-schema", join(ROOT, "engine/launchers/pulumi-resource-emr")], { cwd: temp, env: pluginEnv(pluginDir) });
  if (schema.code !== 0) throw new Error(`pulumi package get-schema failed:\n${schema.stderr}`);
  writeFileSync(join(temp, "emr-schema.json"), schema.stdout);
  execFileSync(engine.toolchain.pythonSdkgen, [join(temp, "emr-schema.json"), sdk], { stdio: "inherit" });
  const pip = ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-index", "--no-build-isolation", "--no-deps", "--target", site, sdk];
  execFileSync(python.python, pip, { stdio: "inherit", env: { ...process.env, PIP_NO_CACHE_DIR: "1" } });
}

/** The Python project: Pulumi.yaml with the emr and alicloud plugins; the program file is served, not found here. */
function writePythonProject(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const plugins = { providers: [{ name: "emr", path: join(ROOT, "engine/launchers") }, { name: "alicloud", path: dirname(engine.toolchain.alicloud) }] };
  writeFileSync(join(dir, "Pulumi.yaml"), stringify({ name: PROJECT, runtime: "python", plugins }));
}

const pythonProgram = (): ProgramServer => ({
  command: python.python,
  args: [join(ROOT, "test/engine/program_server.py"), join(ROOT, "test/engine/python/__main__.py")],
  env: { PYTHONPATH: site },
});

beforeAll(async () => {
  engine = await startEngine();
  python = await ensurePythonEnv();
  const temp = dirname(engine.project);
  [pyProject, sdk, site] = [join(temp, "python"), join(temp, "sdk-python"), join(temp, "site-packages")];
  mkdirSync(join(ROOT, "node_modules/.cache"), { recursive: true });
  scratch = mkdtempSync(join(ROOT, "node_modules/.cache/emr-engine-"));
  pluginDir = writePluginDir(scratch, temp);
  await generateSdk(temp);
  writePythonProject(pyProject);
  const projectConfig = { vpcId: network.vpcId, zoneId: network.zoneId, vswitchId: network.vswitchIds[0], keyPairName: network.keyPairName };
  await engine.initStack("dev", Object.fromEntries(Object.entries(projectConfig).map(([k, v]) => [`${PROJECT}:${k}`, v])), pyProject);
  expect((await engine.pulumi(["config", "set", "--secret", "--stack", "dev", "hiveMetastorePassword", PASSWORD], { cwd: pyProject })).code).toBe(0);
  await engine.initStack("dev", tsAnalyticsConfig());
  expect((await engine.pulumi(["config", "set", "--secret", "--stack", "dev", "emr:hiveMetastorePassword", PASSWORD])).code).toBe(0);
});

afterAll(async () => {
  await engine?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

test("the generated SDK is the package examples/python imports, and requires no other Pulumi package (no pulumi_alicloud)", () => {
  const setup = readFileSync(join(sdk, "setup.py"), "utf8");
  const name = /^setup\(name='([^']+)'/m.exec(setup)?.[1];
  expect(readFileSync(join(ROOT, "examples/python/__main__.py"), "utf8")).toContain(`import ${name} as emr\n`);
  const block = /install_requires=\[([^\]]*)\]/.exec(setup)?.[1] ?? "";
  const requires = [...block.matchAll(/'([^']+)'/g)].map((m) => m[1].split(/[<>=!~; ]/)[0]);
  expect(requires).toEqual(["packaging", "pulumi", "semver", "typing-extensions"]);
});

test("the Python program plans the same children with the same protections as the TypeScript program", async () => {
  const fromPython = await plannedChildren(engine, "dev", { cwd: pyProject, program: pythonProgram(), env: pluginEnv(pluginDir) });
  const fromTs = await plannedChildren(engine, "dev", { program: "stacks", env: pluginEnv(pluginDir) });
  expect(fromPython).toEqual(ANALYTICS_CHILDREN);
  expect(fromPython).toEqual(fromTs);
});

test("pulumi up of the Python program creates the cluster in the emulator, protected, its password never in the log", async () => {
  await expectAnalyticsUp(engine, "dev", { cwd: pyProject, program: pythonProgram(), env: pluginEnv(pluginDir) }, PASSWORD);
});
