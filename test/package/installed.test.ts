/**
 * The packages as a user meets them, outside this repository: `npm run pack:packages` builds the three tarballs, a
 * local registry (local-registry.ts: our tarballs by name, every other package from npm's cache) stands in for the
 * public one, and the README's walk-through ("From an empty folder to a PR check, a day-2 check and a status query")
 * runs as written in a fresh temp folder: npm install, the files it shows, `npx emr-check` (end state), `npx emr-check
 * record-state` and `--state` (day 2), `npx emr-status`, `npx emr-prices build` (then the check with its costs) and
 * `npx emr-drift` against the emulator (in this process, on an ephemeral port).
 * Then the package READMEs' examples, the plugin installed from the packed component, and the failures a user can
 * meet (no Pulumi.yaml, two copies of the SDK, Node.js 20), each exit 2 with its cause. No process is left.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { packPackages, type PackedPackage } from "../../scripts/pack-packages";
import { seedDemo } from "../emulator/demo";
import { exportLines } from "../emulator/main";
import { startEmulator, type Emulator } from "../emulator/server";
import { startLocalRegistry, type LocalRegistry } from "./local-registry";
import { cdTarget, runCommand, section, steps, writeFileStep, type CommandResult, type Step } from "./markdown-steps";
import { CONSUMER_PROGRAM, CONSUMER_TSCONFIG, PLUGIN_SCHEMA_SCRIPT } from "./consumer-files";

const ROOT = path.resolve(__dirname, "../..");
const README = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
const WALKTHROUGH = "### From an empty folder to a PR check, a day-2 check and a status query";
/** The endpoint the README's export lines name (`npm run emulator`'s default port); the test's emulator replaces it. */
const README_ENDPOINT = "127.0.0.1:18777";

let temp: string;
let packed: PackedPackage[];
let registry: LocalRegistry;
let emulator: Emulator;
let env: NodeJS.ProcessEnv;
/** The walk-through's project folder, once its first block made it. */
let project: string;
/** Every command run, by its README line: what the later tests look at. */
const results = new Map<string, CommandResult>();

beforeAll(async () => {
  temp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "emr-installed-")));
  // The same layout as the repository's packages/, so the plugin's `file:../dist/...` dependency resolves.
  packed = packPackages(path.join(temp, "packages", "dist"));
  registry = await startLocalRegistry({ lockfile: path.join(ROOT, "package-lock.json"), tarballs: packed.map((p) => p.file) });
  emulator = await startEmulator({ port: 0 });
  seedDemo(emulator.state);
  env = {
    ...process.env,
    // Node 22 first, as the README asks; npm and npx find it by PATH.
    PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}`,
    npm_config_registry: registry.url,
    npm_config_cache: path.join(temp, "npm-cache"),
    npm_config_audit: "false",
    npm_config_fund: "false",
    npm_config_update_notifier: "false",
    FORCE_COLOR: "0",
  };
}, 300_000);

afterAll(async () => {
  await Promise.all([registry?.close(), emulator?.close()]);
  // Every process started from the temp folder has ended (the check's policy pack, npm, the commands).
  const left = execFileSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" }).split("\n").filter((l) => temp && l.includes(temp));
  fs.rmSync(temp, { recursive: true, force: true });
  expect(left).toEqual([]);
});

/**
 * Takes the steps in `cwd`, as one shell session (`shell`: its variables, which its `export` lines set): writes the
 * files, runs the commands, expecting the exit code each line promises.
 */
async function take(list: Step[], cwd: string, what: string, shell: NodeJS.ProcessEnv = { ...env }): Promise<string> {
  for (const step of list) {
    if (step.kind === "file") writeFileStep(step, cwd);
    else if (step.kind === "export") shell[step.name] = step.value.replace(README_ENDPOINT, emulator.endpoint);
    else {
      const result = await runCommand(step.command, cwd, shell);
      results.set(step.command, result);
      if (result.code !== step.exit) throw new Error(`${what}:${step.line}: \`${step.command}\` exited ${result.code}, the README says ${step.exit}\n${result.stdout}\n${result.stderr}`);
      cwd = cdTarget(step.command, cwd);
    }
  }
  return cwd;
}

describe("the README's walk-through, from an empty folder", () => {
  const walkthrough = section(README, WALKTHROUGH);
  const offset = README.split("\n").indexOf(WALKTHROUGH) + 1;
  const all = steps(walkthrough, offset);

  test("it is the README's: its emulator lines are the ones `npm run emulator` prints", () => {
    const exports = all.filter((s): s is Extract<Step, { kind: "export" }> => s.kind === "export").map((s) => `export ${s.name}=${s.value}`);
    expect(exports).toEqual(exportLines(README_ENDPOINT));
    expect(all.filter((s) => s.kind === "file").map((s) => (s as { name: string }).name)).toEqual(["Pulumi.yaml", "Pulumi.dev.yaml", "index.ts", "Pulumi.dev.yaml"]);
  });

  test("every step runs as written, with the exit code the README gives", async () => {
    project = await take(all, temp, "README.md");
    expect(project).toBe(path.join(temp, "emr-infra"));
  }, 600_000);

  test("one copy of @pulumi/pulumi and of @pulumi/alicloud in the project: the program's, the component's and the check's", () => {
    const copiesOf = (pkg: string) => execFileSync("find", ["node_modules", "-path", `*/${pkg}/package.json`, "-not", "-path", `*/${pkg}/*/package.json`], { cwd: project, encoding: "utf8" }).trim().split("\n");
    expect(copiesOf("@pulumi/pulumi")).toEqual(["node_modules/@pulumi/pulumi/package.json"]);
    expect(copiesOf("@pulumi/alicloud")).toEqual(["node_modules/@pulumi/alicloud/package.json"]);
    const manifest = JSON.parse(fs.readFileSync(path.join(project, "package.json"), "utf8"));
    expect(Object.keys(manifest.devDependencies)).toEqual(["@emr-as-code/check", "@types/node", "typescript"]);
    for (const bin of ["emr-check", "emr-status", "emr-prices", "emr-drift"]) expect(fs.realpathSync(path.join(project, `node_modules/.bin/${bin}`))).toBe(path.join(project, `node_modules/@emr-as-code/check/dist/bin/${bin}.js`));
  });

  test("the PR check: PASSED, the cluster with its protections, the SARIF written", () => {
    const { stdout } = results.get("npx emr-check --stack dev")!;
    expect(stdout).toMatch(/\+ {2}alicloud:emrv2:Cluster +analytics +protect retain deletion/);
    expect(stdout.trim().split("\n").pop()).toBe('PASSED: stack "dev": 3 resources planned, 0 mandatory and 0 advisory violations');
    const sarif = JSON.parse(fs.readFileSync(path.join(project, "check.sarif"), "utf8"));
    expect(sarif.runs[0].invocations[0].executionSuccessful).toBe(true);
  });

  test("day 2: record-state writes a stack export; the 2 -> 30 change is refused with its acknowledgement", () => {
    const state = JSON.parse(fs.readFileSync(path.join(project, "dev-state.json"), "utf8"));
    expect(state.version).toBe(3);
    expect(state.deployment.resources.map((r: { type: string }) => r.type)).toEqual(["pulumi:pulumi:Stack", "emr:index:Cluster", "alicloud:ecs/securityGroup:SecurityGroup", "alicloud:emrv2/cluster:Cluster"]);
    const { stdout } = results.get("npx emr-check --stack dev --state dev-state.json")!;
    expect(stdout).toContain("  analytics (updated)\n    pulumi up will call: IncreaseNodes core +28 ✗\n");
    expect(stdout).toContain('fix: acknowledge it with the tag emr-guard:ack-scale-out: "core:2->30"');
  });

  test("the audit of the recorded state: the cluster with its protections through the pack, no program run", () => {
    const { stdout } = results.get("npx emr-check --audit dev-state.json")!;
    expect(stdout).toMatch(/^= +alicloud:emrv2:Cluster +analytics +protect retain deletion/m);
    expect(stdout.trim().split("\n").pop()).toBe('PASSED: stack "dev": 3 resources recorded, 0 mandatory and 0 advisory violations');
  });

  test("emr-status against the emulator: the region's clusters, then one with its release answer", () => {
    expect(results.get("npx emr-status")!.stdout).toMatch(/demo-prod/);
    const one = results.get("npx emr-status --cluster demo-prod")!.stdout;
    expect(one).toMatch(/Cluster c-\w+ "demo-prod" in cn-hangzhou/);
  });

  test("emr-prices against the emulator's price APIs, then the day-2 check with the book: the cost of core 2 -> 30 needs its acknowledgement too", () => {
    expect(results.get("npx emr-prices build --stack dev --output prices.json")!.stderr).toContain("price book written to prices.json\n");
    const book = JSON.parse(fs.readFileSync(path.join(project, "prices.json"), "utf8")).regions["cn-hangzhou"];
    expect({ currency: book.currency, instances: Object.keys(book.instances) }).toEqual({ currency: "XTS", instances: ["ecs.g7.xlarge"] });
    const { stdout } = results.get("npx emr-check --stack dev --state dev-state.json --prices prices.json")!;
    expect(stdout).toContain("pulumi up will call: IncreaseNodes core +28 ✗\n");
    expect(stdout).toContain('fix: acknowledge the cost with the tag emr-guard:ack-monthly-cost: "+14717 XTS"');
    expect(stdout).toContain('Monthly cost at the price book\'s prices: prices.json ("prices of stacks dev"), region cn-hangzhou, XTS');
    expect(stdout).toContain("  analytics (cluster): now 1,518.40 XTS -> after 16,235.20 XTS a month; change +14,716.80 XTS\n");
    expect(stdout).toContain("    core (CORE): 2 -> 30 nodes, 1,051.20 -> 15,768.00; ecs.g7.xlarge; PayAsYouGo\n");
  });

  test("emr-drift against the emulator: the cluster the offline state records was never created, dangerous", () => {
    const { stdout, stderr } = results.get("npx emr-drift --state dev-state.json --stack dev")!;
    expect(stderr).toBe("");
    expect(stdout).toMatch(/^analytics \(c-\w+\): dangerous, 0 properties in sync\n {2}\[dangerous\] \(cluster\) missing: /);
    expect(stdout.trim().split("\n").pop()).toBe("DANGEROUS: 1 cluster of dev-state.json in cn-hangzhou, 1 drift (0 expected, 0 risky, 1 dangerous), 0 mandatory rule violations on the live clusters");
  });

  test("emr-status, emr-prices and emr-drift only read: no write action reached the emulator", () => {
    const actions = emulator.requests.map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(["ListClusters", "DescribePrice", "QueryProductList", "GetPayAsYouGoPrice", "GetCluster"]));
    expect(actions.filter((a) => !/^(Get|List|Describe|Query)[A-Z]/.test(a))).toEqual([]);
  });

  test("the repository's own check on this project uses the project's SDK (two copies used to fail: Unexpected struct type, zero counts)", async () => {
    const { code, stdout } = await runCommand(`"${process.execPath}" "${path.join(ROOT, "bin/emr-check.js")}" --quiet --stack dev --format json`, project, env);
    expect({ code, passed: JSON.parse(stdout).passed, resources: JSON.parse(stdout).summary.resources }).toEqual({ code: 0, passed: true, resources: 3 });
    expect(stdout).not.toContain("Unexpected struct type");
  }, 120_000);
});

describe("the package READMEs, in the same project", () => {
  const restoreDevStack = () => writeFileStep(steps(section(README, WALKTHROUGH)).find((s) => s.kind === "file" && s.name === "Pulumi.dev.yaml") as Extract<Step, { kind: "file" }>, project);

  test("@emr-as-code/check: its commands run as written", async () => {
    restoreDevStack();
    await take(steps(fs.readFileSync(path.join(ROOT, "packages/check/README.md"), "utf8")), project, "packages/check/README.md");
    expect(results.get("npx emr-check --stack dev --state dev-state.json")!.stdout).toContain("  analytics (no change)\n");
    expect(fs.existsSync(path.join(project, "check.md"))).toBe(true);
    expect(results.get("npx emr-check --stack dev --state dev-state.json --prices prices.json")!.stdout).toContain("  analytics (cluster): now 1,518.40 XTS -> after 1,518.40 XTS a month; change ±0.00 XTS\n");
    // emr-drift's SARIF names the installed package's version (its code runs from node_modules/@emr-as-code/check/dist).
    const sarif = JSON.parse(fs.readFileSync(path.join(project, "drift.sarif"), "utf8"));
    expect(sarif.runs[0].tool.driver).toMatchObject({ name: "emr-drift", version: JSON.parse(fs.readFileSync(path.join(ROOT, "packages/check/package.json"), "utf8")).version });
    expect(emulator.requests.map((r) => r.action).filter((a) => !/^(Get|List|Describe|Query)[A-Z]/.test(a))).toEqual([]);
  }, 300_000);

  test("@emr-as-code/components: the install line, and the example program passes the check (it validates: ossHdfsRootUri given)", async () => {
    const readme = fs.readFileSync(path.join(ROOT, "packages/components/README.md"), "utf8");
    await take(steps(readme), project, "packages/components/README.md");
    const example = /```ts\n([\s\S]*?)```/.exec(readme)![1];
    fs.writeFileSync(path.join(project, "components-readme.ts"), example);
    const { code, stdout, stderr } = await runCommand("npx emr-check --program components-readme.ts --stack dev", project, env);
    expect({ code, stderr: stderr.replace(/^• .*\n/gm, "") }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toMatch(/alicloud:emrv2:Cluster +lakehouse +protect retain deletion/);
  }, 120_000);

  test("a consumer program compiles against the shipped declarations and registers the cluster, its security group and protection", async () => {
    const dir = path.join(project, "consumer");
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "index.ts"), CONSUMER_PROGRAM);
    fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(CONSUMER_TSCONFIG));
    expect(await runCommand("npx tsc -p .", dir, env)).toMatchObject({ code: 0 });
    const { code, stdout } = await runCommand(`"${process.execPath}" dist/index.js`, dir, env);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      ["emr:index:Cluster", "lake", false],
      ["alicloud:ecs/securityGroup:SecurityGroup", "lake-sg", false],
      ["alicloud:emrv2/cluster:Cluster", "lake", true],
      ["emr:index:EmrClusterComponent", "facade", false],
      ["emr:index:Cluster", "facade", false],
      ["alicloud:ecs/securityGroup:SecurityGroup", "facade-sg", false],
      ["alicloud:emrv2/cluster:Cluster", "facade", true],
    ]);
  }, 120_000);
});

describe("the plugin package installs the packed component (npm run pack:packages) and serves its schema", () => {
  test("npm install in packages/emr-plugin, then the schema from the installed declarations", async () => {
    const dir = path.join(temp, "packages", "emr-plugin");
    fs.mkdirSync(dir, { recursive: true });
    for (const file of ["package.json", "PulumiPlugin.yaml", "tsconfig.json", "index.ts"]) fs.copyFileSync(path.join(ROOT, "packages/emr-plugin", file), path.join(dir, file));
    const install = await runCommand("npm install", dir, env);
    expect({ code: install.code, stderr: install.stderr.replace(/^npm warn install-scripts.*\n/gm, "") }).toEqual({ code: 0, stderr: "" });
    const { code, stdout } = await runCommand(`"${process.execPath}" -e '${PLUGIN_SCHEMA_SCRIPT.replace(/'/g, "'\\''")}'`, dir, env);
    expect(code).toBe(0);
    const schema = JSON.parse(stdout);
    expect(Object.keys(schema.resources["emr:index:EmrClusterComponent"].inputProperties)).toContain("ossHdfsRootUri");
    expect(schema.types["emr:index:ExternalMetastore"].properties.password.secret).toBe(true);
  }, 300_000);
});

describe("what a user can get wrong: exit 2, the cause and the fix, never a report of zero checks", () => {
  const check = (args: string, cwd: string) => runCommand(`"${process.execPath}" "${path.join(project, "node_modules/.bin/emr-check")}" ${args}`, cwd, env);

  test("no Pulumi.yaml in the folder or above it", async () => {
    const outside = fs.mkdtempSync(path.join(temp, "no-project-"));
    const { code, stderr } = await check("--stack dev", outside);
    expect(code).toBe(2);
    expect(stderr).toContain(`error: no Pulumi.yaml in ${outside} or any folder above it; run the check inside a Pulumi project`);
  }, 60_000);

  test("a dependency with its own copy of @pulumi/pulumi: the copies named, npm dedupe", async () => {
    const lib = path.join(project, "lib");
    fs.mkdirSync(path.join(lib, "node_modules", "@pulumi"), { recursive: true });
    fs.cpSync(path.join(project, "node_modules/@pulumi/pulumi"), path.join(lib, "node_modules/@pulumi/pulumi"), { recursive: true });
    fs.writeFileSync(path.join(lib, "extra.ts"), 'import * as pulumi from "@pulumi/pulumi";\nexport const extra = new pulumi.ComponentResource("acme:index:Extra", "extra");\n');
    fs.writeFileSync(path.join(project, "two-copies.ts"), 'import "./index";\nimport "./lib/extra";\n');
    const { code, stdout, stderr } = await check("--program two-copies.ts --stack dev --config-file Pulumi.dev.yaml --format json", project);
    expect(code).toBe(2);
    expect(stderr).toContain(`copies of @pulumi/pulumi: ${path.join(project, "node_modules/@pulumi/pulumi")}, ${path.join(lib, "node_modules/@pulumi/pulumi")}`);
    expect(stderr).toContain("npm dedupe");
    expect(JSON.parse(stdout).passed).toBe(false);
    fs.rmSync(lib, { recursive: true });
  }, 120_000);

  test("Node.js 20: the installed commands say Node 22 is needed, before anything else", async () => {
    const node20 = path.join(temp, "as-node-20.js");
    fs.writeFileSync(node20, 'Object.defineProperty(process.versions, "node", { value: "20.11.1" });\n');
    for (const bin of ["emr-check", "emr-status", "emr-prices", "emr-drift"]) {
      const { code, stdout, stderr } = await runCommand(`"${process.execPath}" -r "${node20}" node_modules/.bin/${bin} --help`, project, env);
      expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: "", stderr: `error: ${bin} needs Node.js 22 or later (what @pulumi/pulumi 3.270 requires); this is Node.js 20.11.1. Install Node.js 22 (e.g. nvm install 22, or https://nodejs.org) and run it again.\n` });
    }
  });
});
