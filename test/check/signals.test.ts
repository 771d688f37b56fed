/**
 * A check stopped by a signal (Ctrl-C, a cancelled CI job) ends with every process it started: a policy pack's process
 * used to keep running (found 38 minutes later, 126 and 267 MB). Exit code 128 + the signal's number.
 */
import { execFileSync, spawn } from "child_process";
import * as path from "path";
import { ROOT } from "../helpers/run-cli";

/** The PIDs of a process's children (procps `ps --ppid`). */
function childrenOf(pid: number): number[] {
  try {
    return execFileSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" }).split("\n").filter((l) => l.trim()).map(Number);
  } catch {
    return []; // ps exits 1 when there is none
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Waits until `test()` holds, polling the real processes (they are outside this test's clock). */
async function until(test: () => boolean, what: string, timeoutMs = 30000): Promise<void> {
  const start = Date.now();
  while (!test()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.each([
  ["SIGTERM", 143],
  ["SIGINT", 130],
] as const)("%s to the check's PID", (signal, expected) => {
  test(`ends the check with exit code ${expected} and leaves no policy pack process`, async () => {
    const check = spawn(process.execPath, [path.join(ROOT, "bin/emr-check.js"), "--stack", "prod"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    check.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    check.stdout.resume();
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => check.once("exit", (code, sig) => resolve({ code, signal: sig })));
    // The pack starts first; once the program runs, it is one of the check's children.
    await until(() => stderr.includes("• running"), "the program's run");
    const children = childrenOf(check.pid!);
    expect(children.length).toBeGreaterThan(0);
    check.kill(signal);
    expect(await exited).toEqual({ code: expected, signal: null });
    expect(stderr).toContain(`emr-check: stopped by ${signal}; no verdict`);
    await until(() => children.every((pid) => !alive(pid)), "the check's children to end", 5000);
    expect(children.filter(alive)).toEqual([]);
  }, 60000);
});
