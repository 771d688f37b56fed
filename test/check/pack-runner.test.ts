import type { ChildProcess } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { policyConfigFor, startPolicyPack, type PolicyInfo } from "../../check/pack/pack-runner";
import { parseGuardrails } from "../../policies/rules";

// The module object itself (an `import * as` namespace cannot be spied on): pack-process.ts calls its spawn.
const childProcess = require("child_process") as typeof import("child_process");

/** The pack processes this test starts: spawn is watched, not replaced. */
let started: ChildProcess[] = [];
beforeEach(() => {
  started = [];
  const spawn = childProcess.spawn;
  jest.spyOn(childProcess, "spawn").mockImplementation(((...args: Parameters<typeof spawn>) => {
    const child = spawn(...args);
    started.push(child);
    return child;
  }) as typeof spawn);
});
afterEach(async () => {
  jest.restoreAllMocks();
  jest.useRealTimers();
  // When a test below fails because a pack stayed, end it here, or it would keep this run from ending.
  const running = started.filter((child) => child.exitCode === null && child.signalCode === null);
  await Promise.all(running.map((child) => new Promise((resolve) => child.once("exit", resolve).kill("SIGKILL"))));
});

/** Whether a process with this pid still exists (a zombie counts: nobody has reaped it). */
const exists = (pid: number) => fs.existsSync(`/proc/${pid}`);

/**
 * The one pack process started, once it has exited: it must have exited or been killed by the time the call
 * returned (otherwise this fails at once instead of waiting), and once its exit is in, nothing is left of it.
 */
async function goneAfter(child: ChildProcess): Promise<void> {
  expect(child.exitCode !== null || child.signalCode !== null || child.killed).toBe(true);
  if (child.exitCode === null && child.signalCode === null) await new Promise((resolve) => child.once("exit", resolve));
  expect(exists(child.pid!)).toBe(false);
}

/** A pack in its own folder; a pack runs with its own SDK, as the Pulumi CLI runs it (this repository's, linked). */
function packDir(prefix: string, indexJs: string, withSdk = true): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.writeFileSync(path.join(dir, "PulumiPolicy.yaml"), "runtime: nodejs\n");
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: prefix.replace(/-$/, ""), version: "0.0.1", main: "index.js" }));
  fs.writeFileSync(path.join(dir, "index.js"), indexJs);
  if (withSdk) {
    fs.mkdirSync(path.join(dir, "node_modules", "@pulumi"), { recursive: true });
    fs.symlinkSync(path.join(__dirname, "../../node_modules/@pulumi/pulumi"), path.join(dir, "node_modules", "@pulumi", "pulumi"));
  }
  return dir;
}

test("a pack without its own @pulumi/pulumi is refused before any process starts, naming the fix", async () => {
  const dir = packDir("no-sdk-pack-", "module.exports = {};\n", false);
  await expect(startPolicyPack({ packDir: dir, timeoutMs: 20000 })).rejects.toThrow(`the policy pack in ${dir} has no @pulumi/pulumi installed (its dependency): reinstall it (npm install)`);
  expect(started).toHaveLength(0);
  fs.rmSync(dir, { recursive: true });
});

test("a pack that fails to load is reported with its own error, and no process is left behind", async () => {
  const dir = packDir("broken-pack-", 'throw new Error("boom from the pack");\n');
  await expect(startPolicyPack({ packDir: dir, timeoutMs: 20000 })).rejects.toThrow(/boom from the pack/);
  expect(started).toHaveLength(1);
  await goneAfter(started[0]);
  fs.rmSync(dir, { recursive: true });
}, 30000);

test("a pack that never says its port is killed at the startup limit, and no process is left behind", async () => {
  // It loads, says so on stderr, and then waits forever, as a pack stuck in its start would (it never prints its port).
  const dir = packDir("stuck-pack-", 'process.stderr.write("loaded, stuck\\n");\nsetInterval(() => undefined, 1 << 30);\n');
  jest.useFakeTimers({ doNotFake: ["nextTick", "setImmediate", "clearImmediate", "setInterval", "clearInterval", "queueMicrotask", "Date", "hrtime", "performance"] });
  const start = startPolicyPack({ packDir: dir, timeoutMs: 5000 });
  expect(started).toHaveLength(1);
  await new Promise((resolve) => started[0].stderr!.once("data", resolve)); // loaded, and running
  expect(started[0].exitCode).toBeNull();
  jest.advanceTimersByTime(5000); // the startup limit, on the fake clock
  await expect(start).rejects.toThrow("the policy pack did not start within 5000 ms\nloaded, stuck");
  await goneAfter(started[0]);
  fs.rmSync(dir, { recursive: true });
}, 30000);

test("a started pack, once closed, is gone and leaves no exit listener on this process (one per pack used to stay)", async () => {
  const before = process.listenerCount("exit");
  for (let i = 0; i < 2; i++) await (await startPolicyPack({ packDir: path.join(__dirname, "../fixtures/empty-pack") })).close();
  expect(started).toHaveLength(2);
  for (const child of started) await goneAfter(child);
  expect(process.listenerCount("exit")).toBe(before);
}, 30000);

describe("policyConfigFor: what the CLI sends for --policy-pack-config, from the parsed guardrails", () => {
  const policies: PolicyInfo[] = [
    { name: "emr-node-group-creation-cap", description: "", enforcementLevel: "mandatory", configSchema: { maxNodesPerGroupAtCreate: { type: "integer", default: 50 } } },
    { name: "emr-protect-option", description: "", enforcementLevel: "mandatory" },
    { name: "emr-vswitch-ids", description: "", enforcementLevel: "mandatory" },
  ];
  const parsed = (doc: unknown) => {
    const r = parseGuardrails(doc);
    if (!r.ok) throw new Error(r.errors.join("\n"));
    return r.config;
  };
  test("defaults: each policy's level and its schema defaults", () =>
    expect(policyConfigFor(policies)).toEqual({
      "emr-node-group-creation-cap": { enforcementLevel: "mandatory", properties: { maxNodesPerGroupAtCreate: 50 } },
      "emr-protect-option": { enforcementLevel: "mandatory" },
      "emr-vswitch-ids": { enforcementLevel: "mandatory" },
    }));
  test("a level, properties over the defaults, and all (validity policies stay mandatory)", () => {
    expect(policyConfigFor(policies, parsed({ all: "advisory", "emr-node-group-creation-cap": { maxNodesPerGroupAtCreate: 10 } }))).toEqual({
      "emr-node-group-creation-cap": { enforcementLevel: "advisory", properties: { maxNodesPerGroupAtCreate: 10 } },
      "emr-protect-option": { enforcementLevel: "advisory" },
      "emr-vswitch-ids": { enforcementLevel: "mandatory" },
    });
    expect(policyConfigFor(policies, parsed({ "emr-protect-option": "disabled", "emr-node-group-creation-cap": { enforcementLevel: "remediate" } }))).toEqual({
      "emr-node-group-creation-cap": { enforcementLevel: "remediate", properties: { maxNodesPerGroupAtCreate: 50 } },
      "emr-protect-option": { enforcementLevel: "disabled" },
      "emr-vswitch-ids": { enforcementLevel: "mandatory" },
    });
  });
});
