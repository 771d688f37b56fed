/**
 * The engine tier's cache outside the repository, `${XDG_CACHE_HOME:-$HOME/.cache}/emr-as-code/engine/`: one folder
 * `<name>-<key>` per built thing (a toolchain binary, the Python environment), the key a hash of everything it is
 * built from, so an unchanged input is reused and a changed pin builds anew beside it (then the old one is removed).
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, rmSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

export const cacheRoot = (env: NodeJS.ProcessEnv = process.env): string =>
  join(env.XDG_CACHE_HOME || join(homedir(), ".cache"), "emr-as-code", "engine");

/** 16 hex digits of the SHA-256 of the parts, in order (what a cache folder is named by). */
export function cacheKey(parts: (string | Buffer)[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return hash.digest("hex").slice(0, 16);
}

/** Removes the folders of `name` under other keys (a binary is hundreds of MB): only the current one is used. */
export function pruneOtherKeys(root: string, name: string, keep: string): void {
  const pattern = new RegExp(`^${name}-[0-9a-f]{16}$`);
  for (const entry of readdirSync(root)) {
    const dir = join(root, entry);
    if (pattern.test(entry) && dir !== keep) rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs one build step with its output captured (shown only when it fails: the last 4000 characters), saying every
 * minute that it still runs (`still` is that line).
 */
export function runStep(command: string, args: string[], opts: { cwd?: string; still: string; log: (line: string) => void }): Promise<void> {
  return new Promise((ok, fail) => {
    const child = spawn(command, args, { cwd: opts.cwd, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const ticker = setInterval(() => opts.log(opts.still), 60_000);
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("error", (e) => {
      clearInterval(ticker);
      fail(e);
    });
    child.on("close", (code) => {
      clearInterval(ticker);
      if (code === 0) return ok();
      fail(new Error(`${command} ${args.join(" ")}${opts.cwd ? ` (in ${opts.cwd})` : ""} exited with ${code}:\n${output.slice(-4000)}`));
    });
  });
}
