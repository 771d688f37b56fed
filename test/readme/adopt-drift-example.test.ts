/**
 * The README's worked examples of emr-adopt and emr-drift are the commands' real output: the same demo clusters
 * (test/emulator/adopt-demo.ts, what `npm run emulator` seeds) are adopted and compared here, and each output line the
 * README shows must be the command's (cluster IDs aside, which differ per run).
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startHarness, type Harness } from "../client/harness";
import { demoStackExport, seedAdoptDemo } from "../emulator/adopt-demo";
import { TEST_KEYS } from "../emulator/server";
import { ROOT } from "../helpers/run-cli";

const README = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
const ids = (t: string) => t.replace(/c-[0-9a-f]{16}/g, "c-<id>");

/** The lines the README shows after `$ <command>`, up to the next `$` line or the end of its code block. */
function shown(command: string): string[] {
  const lines = README.split("\n");
  const start = lines.findIndex((l) => l === `$ ${command}`);
  expect(start).toBeGreaterThan(0);
  const out: string[] = [];
  for (const l of lines.slice(start + 1)) {
    if (l.startsWith("$ ") || l === "```") break;
    out.push(l);
  }
  return out;
}

let h: Harness;
let dir: string;
beforeAll(async () => {
  h = await startHarness();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "readme-adopt-"));
  fs.writeFileSync(path.join(dir, "dev-state.json"), JSON.stringify(demoStackExport(seedAdoptDemo(h.emulator.state, "cn-hangzhou"))));
  // `npm run drift` runs in this repository's project: its --stack dev is stacks/Pulumi.dev.yaml.
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), `name: emr-clusters\nruntime: nodejs\nstackConfigDir: ${JSON.stringify(path.join(ROOT, "stacks"))}\n`);
});
afterAll(async () => {
  await h.emulator.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function run(bin: string, args: string[]): Promise<{ code: number; stdout: string }> {
  const env = { ...process.env, EMR_ENDPOINT: h.emulator.endpoint, EMR_PROTOCOL: "http", ALIBABA_CLOUD_ACCESS_KEY_ID: TEST_KEYS.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: TEST_KEYS.accessKeySecret, ALIBABA_CLOUD_REGION_ID: "cn-hangzhou" };
  return new Promise((resolve) => execFile(process.execPath, [path.join(ROOT, bin), ...args], { cwd: dir, env, timeout: 90000 }, (err, stdout) => resolve({ code: err ? Number(err.code) : 0, stdout })));
}

test("README: emr-adopt's example output and the entry it writes are the command's", async () => {
  const out = await run("bin/emr-adopt.js", ["--cluster", "demo-lake", "--stack", "dev"]);
  expect(out.code).toBe(0);
  expect(ids(out.stdout).trimEnd().split("\n")).toEqual(shown("npm run -s adopt -- --cluster demo-lake --stack dev").map(ids));
  expect(ids(fs.readFileSync(path.join(dir, "adopted-dev.yaml"), "utf8")).trimEnd().split("\n")).toEqual(shown("cat adopted-dev.yaml").map(ids));
  const imported = JSON.parse(fs.readFileSync(path.join(dir, "adopted-dev.import.json"), "utf8"));
  expect(ids(JSON.stringify(imported))).toBe(ids(JSON.stringify(JSON.parse(shown("cat adopted-dev.import.json").join("\n")))));
}, 120000);

test("README: emr-drift's example output and exit code are the command's", async () => {
  const out = await run("bin/emr-drift.js", ["--state", "dev-state.json", "--stack", "dev"]);
  expect(out.code).toBe(Number(shown("echo $?")[0]));
  expect(ids(out.stdout).trimEnd().split("\n")).toEqual(shown("npm run -s drift -- --state dev-state.json --stack dev").map(ids));
}, 120000);
