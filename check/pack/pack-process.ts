/**
 * Starts a policy pack's process the way the Pulumi CLI does: `node @pulumi/pulumi/cmd/run-policy-pack <engine>
 * <packDir>`, with the pack's folder as working directory: run-policy-pack registers ts-node (type-checked, it
 * compiles only .ts files) and loads the package.json `main`, our compiled bundle, plain JavaScript. The pack prints
 * its gRPC port as the first line of stdout. Light on purpose (no gRPC here), so a caller can start the pack first
 * and load everything else while it boots.
 */
import { spawn, type ChildProcess } from "child_process";
import * as path from "path";
import { BUNDLE, bundleIsStale } from "./prebuilt-pack";

export interface StartOptions {
  /** The pack's folder (with PulumiPolicy.yaml). */
  packDir: string;
  /**
   * What run-policy-pack loads, relative to packDir. Defaults to "." (the package.json `main`, as the CLI does);
   * "index.ts" loads the TypeScript sources through ts-node, type-checked.
   */
  entry?: string;
  /** Startup limit; the first run through ts-node can take several seconds. Defaults to 60 s. */
  timeoutMs?: number;
  /** Extra environment for the pack process. */
  env?: NodeJS.ProcessEnv;
}

export interface PackProcess {
  child: ChildProcess;
  port: number;
}

/**
 * run-policy-pack of the SDK the pack itself depends on (resolved from its folder, as the CLI runs a pack with the
 * pack's own node_modules): an installed pack may have another SDK version than the program's.
 */
function runPolicyPack(packDir: string): string {
  let manifest: string;
  try {
    manifest = require.resolve("@pulumi/pulumi/package.json", { paths: [packDir] });
  } catch {
    throw new Error(`the policy pack in ${packDir} has no @pulumi/pulumi installed (its dependency): reinstall it (npm install)`);
  }
  return path.join(path.dirname(manifest), "cmd", "run-policy-pack");
}

/**
 * Starts the pack and waits for its port; rejects with the pack's own stderr if it does not come up. A bundle built
 * from sources edited since is refused, not started: its verdicts would be the old rules' (a test through it stayed
 * green on a reworded message).
 */
export function spawnPolicyPack(options: StartOptions): Promise<PackProcess> {
  if ((options.entry ?? ".") === "." && bundleIsStale(options.packDir)) {
    return Promise.reject(new Error(`${path.join(options.packDir, BUNDLE)} was not built from the pack's current TypeScript sources, so it would run old rules: run \`npm run build:pack\` (or start the sources: entry index.ts)`));
  }
  let entry: string;
  try {
    entry = runPolicyPack(options.packDir);
  } catch (err) {
    return Promise.reject(err);
  }
  const child = spawn(process.execPath, [entry, "127.0.0.1:0", options.entry ?? "."], {
    cwd: options.packDir,
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Never leave a pack behind: if this process exits first (an error, Ctrl-C, process.exit), the pack goes too.
  const killChild = () => child.kill("SIGKILL");
  process.once("exit", killChild);
  child.once("exit", () => process.off("exit", killChild));
  let stdout = "";
  let stderr = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(`the policy pack did not start within ${options.timeoutMs ?? 60000} ms`), options.timeoutMs ?? 60000);
    function fail(why: string) {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(new Error(`${why}\n${stderr.trim()}`.trim()));
    }
    child.stdout!.on("data", (chunk: Buffer) => {
      if (stdout.includes("\n")) return; // ready already: later output is the pack's own logging
      stdout += chunk.toString();
      const line = stdout.split("\n")[0];
      if (stdout.includes("\n") && /^\d+$/.test(line.trim())) {
        clearTimeout(timer);
        child.off("exit", exitedEarly); // keep the listener that unregisters killChild
        resolve({ child, port: Number(line.trim()) });
      }
    });
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", (err) => fail(`could not start run-policy-pack: ${err.message}`));
    const exitedEarly = (code: number | null) => fail(`the policy pack exited with code ${code} before it was ready`);
    child.on("exit", exitedEarly);
  });
}

