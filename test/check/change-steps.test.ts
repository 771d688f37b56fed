/**
 * Day-2 verdicts through `emr-check --state`, on states recorded by `emr-check record-state` (issue 19's list):
 * an unchanged stack shows "(no change)"; a TASK group 25 -> 0 is stepped, and each step passes with the
 * acknowledgement and the tag the fix names for that very step (the last one used to want "10->0" for 5 -> 0); a payment
 * switch is one verdict, not the same message three times.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse, stringify } from "yaml";
import { ROOT, runCli } from "../helpers/run-cli";
import { withNodeCounts, writeRecordedState } from "../helpers/recorded-state";

type Json = Record<string, any>;
let dir: string;
let unchanged: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "emr-steps-"));
  unchanged = path.join(dir, "prod-state.json");
  // The stack file's path, as the README's Day 2 allows (`--stack path/to/Pulumi.prod.yaml`): recorded under the
  // wrong stack name, every URN would differ and the unchanged program below would show changes.
  writeRecordedState("stacks/Pulumi.prod.yaml", unchanged);
}, 60000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The prod stack file with `edit` applied, next to the states. */
function prodWith(name: string, edit: (config: Json) => void): string {
  const doc = parse(fs.readFileSync(path.join(ROOT, "stacks/Pulumi.prod.yaml"), "utf8")) as { config: Json };
  edit(doc.config);
  const file = path.join(dir, `Pulumi.${name}.yaml`);
  fs.writeFileSync(file, stringify(doc));
  return file;
}

/** The unchanged state with lakehouse's task-adhoc group recorded at `count` nodes. */
function stateWithAdhoc(count: number): string {
  const state = JSON.parse(fs.readFileSync(unchanged, "utf8")) as { deployment: { resources: Json[] } };
  for (const r of state.deployment.resources) {
    if (r.type !== "alicloud:emrv2/cluster:Cluster" || !String(r.urn).endsWith("::lakehouse")) continue;
    r.inputs = withNodeCounts(r.inputs, { "task-adhoc": count });
    r.outputs = withNodeCounts(r.outputs, { "task-adhoc": count });
  }
  const file = path.join(dir, `adhoc-${count}.json`);
  fs.writeFileSync(file, JSON.stringify(state));
  return file;
}

const adhocTo = (count: number, ack?: { tag: string; value: string }) => (config: Json) => {
  config["emr:taskGroups"][0].group.nodeCount = count;
  const lakehouse = config["emr:clusters"].find((c: Json) => c.name === "lakehouse");
  if (ack) lakehouse.spec.tags = { ...lakehouse.spec.tags, [ack.tag]: ack.value };
};

const check = (configFile: string, state: string, ...args: string[]) => runCli(["--stack", "prod", "--program", "stacks", "--config-file", configFile, "--state", state, "--refreshed", ...args]);

test("the program unchanged since the recorded state: every cluster (no change), no changed field, exit 0", async () => {
  const { code, stdout } = await check(path.join(ROOT, "stacks/Pulumi.prod.yaml"), unchanged);
  expect(code).toBe(0);
  expect(stdout).toContain("  realtime (no change)\n    pulumi up will call: nothing\n");
  expect(stdout).toContain("  lakehouse (no change)\n    pulumi up will call: nothing\n");
  expect(stdout).not.toMatch(/\(updated\)|changed|->/);
  // Nothing unknown either: the metastore password is the recorded RandomPassword result, passed on unchanged (it
  // came out as "[unknown] emr-change-not-applied: applicationConfigs" and "~ RdsAccount" on every unchanged run).
  expect(stdout).not.toMatch(/\[unknown\]|not known offline/);
  // Every planned resource exists already: no create, update or replace symbol in the table.
  const table = stdout.slice(0, stdout.indexOf("protect: Pulumi protect option"));
  expect(table.split("\n").filter((l) => /^[+~±-] /.test(l))).toEqual([]);
}, 60000);

test("a recorded secret the state does not say came from the program's source stays unknown, never the same", async () => {
  const state = JSON.parse(fs.readFileSync(unchanged, "utf8")) as { deployment: { resources: Json[] } };
  for (const r of state.deployment.resources) {
    if (r.type === "alicloud:emrv2/cluster:Cluster" && String(r.urn).endsWith("::lakehouse")) r.propertyDependencies.applicationConfigs = r.propertyDependencies.applicationConfigs.filter((u: string) => !u.includes("RandomPassword"));
  }
  const file = path.join(dir, "no-provenance.json");
  fs.writeFileSync(file, JSON.stringify(state));
  const { code, stdout } = await check(path.join(ROOT, "stacks/Pulumi.prod.yaml"), file);
  expect(code).toBe(0);
  expect(stdout).toContain("[unknown] emr-change-not-applied: applicationConfigs");
  expect(stdout).not.toMatch(/RmFrZUNpcGhlcnRleHQ|recorded-secret/);
}, 60000);

test("TASK 25 -> 0: refused with its steps; each step passes with the acknowledgement named for that very step", async () => {
  const { code, stdout } = await check(prodWith("adhoc-0", adhocTo(0)), stateWithAdhoc(25));
  expect(code).toBe(1);
  const fix = /fix: step it: ([\d >-]+), one update each, .* with the acknowledgement of each step: ([^;\n]*)(; then release the last node by its ID)?/.exec(stdout);
  // By count down to 1 (the API keeps a group's last node from a count), each step with its own tag; then the last node by its ID.
  expect(fix?.slice(1)).toEqual(["25 -> 15 -> 5 -> 1", '"task-adhoc:25->15" (emr-guard:ack-scale-in), "task-adhoc:15->5" (emr-guard:ack-scale-in), "task-adhoc:5->1" (emr-guard:ack-scale-in)', "; then release the last node by its ID"]);
  const counts = fix![1].split(" -> ").map(Number);
  const acks = [...fix![2].matchAll(/"([^"]+)" \((emr-guard:ack-[\w-]+)\)/g)].map((m) => ({ value: m[1], tag: m[2] }));
  for (const [i, ack] of acks.entries()) {
    const [from, to] = [counts[i], counts[i + 1]];
    const step = await check(prodWith(`adhoc-${from}-${to}`, adhocTo(to, ack)), stateWithAdhoc(from));
    const name = `${from} -> ${to} with ${ack.tag}: "${ack.value}"`;
    expect({ step: name, code: step.code, refused: step.stdout.match(/\[mandatory\] emr-change-[\w-]+/g) }).toEqual({ step: name, code: 0, refused: null });
    expect(step.stdout).toContain(`DecreaseNodes task-adhoc -${from - to}\n`);
  }
}, 180000);

test("PayAsYouGo -> Subscription without its acknowledgement: one payment-switch verdict, with the exact acknowledgement", async () => {
  const toSubscription = (config: Json) => {
    const realtime = config["emr:clusters"].find((c: Json) => c.name === "realtime");
    realtime.spec.paymentType = "Subscription";
    realtime.spec.subscriptionConfig = { paymentDurationUnit: "Month", paymentDuration: 1 };
  };
  const report = path.join(dir, "payment.json");
  const { code, stdout } = await check(prodWith("payment", toSubscription), unchanged, "--format", "text", "--format", "json", "--output", report);
  expect(code).toBe(1);
  expect(stdout.match(/emr-change-payment-switch/g)).toHaveLength(1);
  expect(stdout).toContain('fix: acknowledge the switch with the tag emr-guard:ack-payment-switch: "PayAsYouGo->Subscription"');
  const clusters = JSON.parse(fs.readFileSync(report, "utf8")).reports[0].changes.clusters as { cluster: string; verdicts: { rule: string }[] }[];
  expect(clusters.flatMap((c) => c.verdicts.filter((v) => v.rule === "emr-change-payment-switch").map(() => c.cluster))).toEqual(["realtime"]);
}, 60000);
