/**
 * The npm package as a consumer meets it, outside this repository: `npm pack` (its prepack builds dist/), then
 * `npm install` of the tarball into a scratch project in the temp directory, offline. The package's dependencies
 * are pointed at this repository's installed copies (file: links, so no registry is needed); nothing else is
 * reachable from the scratch project, so a dependency the package forgot to declare fails here.
 * Then the consumer's program is compiled with tsc against the shipped .d.ts and run under mocks, and the
 * multi-language plugin is installed the same way and asked for its schema.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { CONSUMER_PROGRAM, CONSUMER_TSCONFIG, PLUGIN_SCHEMA_SCRIPT } from "./consumer-files";

const REPO = resolve(__dirname, "../..");
const PACKAGE_DIR = join(REPO, "packages/components");
const PLUGIN_DIR = join(REPO, "packages/emr-plugin");
const manifest = JSON.parse(readFileSync(join(PACKAGE_DIR, "package.json"), "utf8"));

let scratch: string;
let tarball: string;
let packed: { files: { path: string }[] };
let packLog: string;

function run(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed in ${cwd}:\n${result.stdout}\n${result.stderr}`);
  packLog = command === "npm" && args[0] === "pack" ? result.stderr : packLog;
  return result.stdout;
}

/** A scratch project: the tarball and the given dependencies, each linked to this repository's installed copy. */
function installProject(dir: string, manifestExtra: Record<string, unknown>, linked: string[]): void {
  mkdirSync(dir, { recursive: true });
  const dependencies = Object.fromEntries([[manifest.name, `file:${tarball}`], ...linked.map((d) => [d, `file:${join(REPO, "node_modules", d)}`])]);
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "consumer", version: "1.0.0", private: true, ...manifestExtra, dependencies }));
  run("npm", ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"], dir);
}

const packageDeps = () => [...Object.keys(manifest.dependencies), ...Object.keys(manifest.peerDependencies)];

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "emr-consumer-"));
  const [result] = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", scratch], PACKAGE_DIR));
  packed = result;
  tarball = join(scratch, result.filename);
}, 120_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

test("npm pack runs the build (prepack) and ships only the compiled package", () => {
  expect(packLog).toContain(`> ${manifest.name}@${manifest.version} prepack`);
  const paths = packed.files.map((f) => f.path);
  expect(paths.filter((p) => !p.startsWith("dist/") && p !== "package.json" && p !== "README.md")).toEqual([]);
  expect(paths.filter((p) => p.endsWith(".ts") && !p.endsWith(".d.ts"))).toEqual([]);
  for (const entry of ["components/index", "multilang/index", "policies/rules/index"]) {
    expect(paths).toEqual(expect.arrayContaining([`dist/${entry}.js`, `dist/${entry}.d.ts`]));
  }
});

test("a program in another repository compiles against the package and registers the cluster, its security group and protection", () => {
  const dir = join(scratch, "consumer");
  installProject(dir, {}, [...packageDeps(), "@types/node", "typescript"]);
  writeFileSync(join(dir, "index.ts"), CONSUMER_PROGRAM);
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify(CONSUMER_TSCONFIG));
  run(join(dir, "node_modules/.bin/tsc"), ["-p", "."], dir);
  const registrations = JSON.parse(run(process.execPath, ["dist/index.js"], dir));
  expect(registrations).toEqual([
    ["emr:index:Cluster", "lake", false],
    ["alicloud:ecs/securityGroup:SecurityGroup", "lake-sg", false],
    ["alicloud:emrv2/cluster:Cluster", "lake", true],
    ["emr:index:EmrClusterComponent", "facade", false],
    ["emr:index:Cluster", "facade", false],
    ["alicloud:ecs/securityGroup:SecurityGroup", "facade-sg", false],
    ["alicloud:emrv2/cluster:Cluster", "facade", true],
  ]);
}, 120_000);

test("the multi-language plugin, installed with the tarball, serves the schema from the package's declarations", () => {
  const dir = join(scratch, "plugin");
  const plugin = JSON.parse(readFileSync(join(PLUGIN_DIR, "package.json"), "utf8"));
  const { [manifest.name]: published, ...others } = plugin.dependencies;
  expect(published).toBe(manifest.version);
  installProject(dir, { name: plugin.name, version: plugin.version, description: plugin.description, main: plugin.main }, [...new Set([...packageDeps(), ...Object.keys(others)])]);
  for (const file of ["PulumiPlugin.yaml", "tsconfig.json", "index.ts"]) copyFileSync(join(PLUGIN_DIR, file), join(dir, file));
  const schema = JSON.parse(run(process.execPath, ["-e", PLUGIN_SCHEMA_SCRIPT], dir));
  const component = schema.resources["emr:index:EmrClusterComponent"];
  expect(Object.keys(component.inputProperties)).toEqual([
    "preset", "clusterName", "vpcId", "zoneId", "vswitchId", "keyPairName", "securityGroupId", "nodeGroups", "applications",
    "ossHdfsRootUri", "paymentType", "subscriptionMonths", "securityMode", "externalMetastore", "tags", "deletionProtection", "protect",
  ]);
  expect(schema.types["emr:index:ExternalMetastore"].properties.password.secret).toBe(true);
  expect(schema.types["emr:index:Preset"].enum.map((e: { value: string }) => e.value)).toEqual(["datalake-ha", "dev-normal", "olap-ha", "dataflow-normal", "dataserving-ha"]);
}, 120_000);
