/**
 * The README's cost example is what the commands it shows print: `emr-prices build` against the emulator (made-up
 * prices in XTS), then `emr-check --state --prices --format markdown` on prod, whose recorded state had core at 3
 * nodes. The rendered Markdown between the README's cost-example markers must equal this run's output (paths of the
 * temporary folder shown as the README's file names). `UPDATE_README=1` writes it there instead.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ROOT, runCli } from "../helpers/run-cli";
import { writeRecordedState } from "../helpers/recorded-state";
import { VirtualClock } from "../emulator/clock";
import { startEmulator, TEST_KEYS, type Emulator } from "../emulator/server";

const README = path.join(ROOT, "README.md");
const START = "<!-- cost-example:start (test/readme/costs-readme.test.ts) -->";
const END = "<!-- cost-example:end -->";

let dir: string;
let emulator: Emulator;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "emr-readme-costs-"));
  emulator = await startEmulator({ clock: new VirtualClock() });
});
afterAll(async () => {
  await emulator.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function emrPrices(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, EMR_ENDPOINT: emulator.endpoint, EMR_PROTOCOL: "http", ALIBABA_CLOUD_ACCESS_KEY_ID: TEST_KEYS.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: TEST_KEYS.accessKeySecret };
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(ROOT, "bin/emr-prices.js"), ...args], { cwd: ROOT, env, timeout: 120000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof (err as { code?: unknown }).code === "number" ? (err as { code: number }).code : 99) : 0, stdout, stderr });
    });
  });
}

test("emr-prices: an unknown command or option is exit 2 with the right form", async () => {
  const r = await emrPrices(["fetch"]);
  expect(r).toMatchObject({ code: 2, stderr: 'emr-prices: unknown command "fetch": emr-prices build --stack <stack> --output prices.json\n' });
});

test("the README's PR comment with costs is what emr-prices build (against the emulator) and emr-check print", async () => {
  const book = path.join(dir, "prices.json");
  const built = await emrPrices(["build", "--stack", "prod", "--stack", "dev", "--output", book, "--quiet"]);
  expect(built).toMatchObject({ code: 0, stderr: "" });
  // Every price read from the emulator, in its test currency, none invented by the builder.
  const prices = JSON.parse(fs.readFileSync(book, "utf8")).regions["cn-hangzhou"];
  expect(prices.currency).toBe("XTS");
  expect(Object.keys(prices.instances).sort()).toEqual(["ecs.g6.4xlarge", "ecs.g7.2xlarge", "ecs.g7.4xlarge", "ecs.g7.xlarge", "ecs.r7.2xlarge"]);
  const sources = JSON.stringify(prices).match(/"source":"[^"]*"/g) ?? [];
  expect(sources.length).toBeGreaterThan(10);
  for (const source of sources) expect(source).toMatch(/^"source":"(ECS DescribePrice \(2014-05-26\)|BSS Get(PayAsYouGo|Subscription)Price \(2017-12-14\) [a-z-]+\/\w+)[^;]*; 127\.0\.0\.1:\d+; region cn-hangzhou"$/);

  const state = path.join(dir, "prod-state.json");
  writeRecordedState("prod", state, { lakehouse: { core: 3 } });
  const { code, stdout } = await runCli(["--stack", "prod", "--state", state, "--refreshed", "--prices", book, "--format", "markdown"], 120000);
  expect(code).toBe(1);
  const rendered = stdout.split(dir + path.sep).join("").trimEnd();
  const text = fs.readFileSync(README, "utf8");
  const block = new RegExp(`${START.replace(/[()]/g, "\\$&")}\\n\`\`\`\`markdown\\n([\\s\\S]*?)\\n\`\`\`\`\\n${END}`);
  if (process.env.UPDATE_README === "1") {
    fs.writeFileSync(README, text.replace(block, `${START}\n\`\`\`\`markdown\n${rendered}\n\`\`\`\`\n${END}`));
    return;
  }
  expect(block.exec(text)?.[1]).toBe(rendered);
}, 180000);
