/** Runs the emr-check CLI as a user would (a separate Node process, its `emr-check` entry: bin/emr-check.js). */
import { execFile } from "child_process";
import * as path from "path";

export const ROOT = path.join(__dirname, "../..");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `cwd`: where the user runs it (the project's root by default); `env`: variables set on top of this process's. */
export function runCli(args: string[], timeoutMs = 60000, cwd = ROOT, env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(ROOT, "bin/emr-check.js"), "--quiet", ...args], { cwd, timeout: timeoutMs, env: { ...process.env, FORCE_COLOR: "0", ...env } }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === "number" ? (err as { code: number }).code : 99) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
