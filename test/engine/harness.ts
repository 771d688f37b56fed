/**
 * The engine tier's harness: the real Pulumi CLI (built by engine/toolchain.ts) with a local file backend, a
 * temporary PULUMI_HOME and a passphrase, the alicloud provider pointed at the emulator on an ephemeral 127.0.0.1
 * port, and our programs served to the CLI by the SDK's language runtime server (program-server.ts; a Python program:
 * the Python SDK's, program_server.py). No cloud, no network beyond 127.0.0.1: the CLI may not fetch plugins, and the
 * provider's endpoints are the emulator's.
 * `close()` kills every process the tests started (processes.ts) and removes the temporary folders.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { parse, stringify } from "yaml";
import { ensureToolchain, type Toolchain } from "../../engine/toolchain";
import { startEmulator, TEST_KEYS, type Emulator } from "../emulator/server";
import { killMarked, MARKER_VAR, newMarker } from "./processes";

export const ROOT = resolve(__dirname, "../..");
export const POLICY_PACK_LAUNCHER = join(ROOT, "engine/launchers/policy-pack");
export const PROJECT = "emr-clusters";

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** The folder of Pulumi.yaml (default: the engine's TypeScript project). */
  cwd?: string;
  /**
   * Serve a program to the CLI; the command gets `--client`. A string is a TypeScript program for program-server.ts
   * (`stacks` or a program file); a ProgramServer is any other server (python.engine.ts: program_server.py).
   */
  program?: string | ProgramServer;
  /** Kill the CLI as soon as this returns a reason (checked every 250 ms); the result's stderr says why. */
  abortWhen?: () => string | undefined;
  env?: Record<string, string>;
}

/** A command that serves a program to the CLI: it prints `port <n>` once listening on 127.0.0.1, then serves until killed. */
export interface ProgramServer {
  command: string;
  args: string[];
  env?: Record<string, string>;
}

/** program-server.ts under this Node: `node --import tsx`, not the tsx wrapper, whose node child a kill would leave running. */
const typescriptServer = (target: string): ProgramServer => ({ command: process.execPath, args: ["--import", "tsx", join(ROOT, "test/engine/program-server.ts"), target] });

export interface Engine {
  toolchain: Toolchain;
  emulator: Emulator;
  /** The TypeScript project folder (Pulumi.yaml of the project's name, the provider as a project plugin). */
  project: string;
  env: Record<string, string>;
  pulumi(args: string[], opts?: RunOptions): Promise<RunResult>;
  /** `pulumi stack init <stack>` in `cwd`, then its config: the repository's stack file's, the engine's, `extra`. */
  initStack(stack: string, config: Record<string, unknown>, cwd?: string): Promise<void>;
  /** Replaces the `config:` of a stack file (the encryption salt and secure values already there stay). */
  setConfig(stack: string, config: Record<string, unknown>, cwd?: string): void;
  /** The provider and emulator config every engine stack gets. */
  providerConfig: Record<string, unknown>;
  close(): Promise<void>;
}

/** What the alicloud provider needs to talk to the emulator only: its endpoints, plain HTTP, no region look-up. */
function providerConfigFor(endpoint: string): Record<string, unknown> {
  return {
    "alicloud:region": "cn-hangzhou",
    "alicloud:protocol": "HTTP",
    "alicloud:skipRegionValidation": true,
    // Unset, the provider asks BssOpenApi which account type the keys belong to (connectivity/client.go).
    "alicloud:accountType": "Domestic",
    "alicloud:endpoints": [{ emr: endpoint, ecs: endpoint }],
  };
}

export async function startEngine(): Promise<Engine> {
  const toolchain = await ensureToolchain();
  const emulator = await startEmulator({ timings: { creationMs: 0, scalingMs: 0 } });
  const marker = newMarker();
  const temp = mkdtempSync(join(tmpdir(), "emr-engine-"));
  const project = join(temp, "project");
  const env: Record<string, string> = {
    // Node 22 for the pack and plugin launchers; the CLI by its path; the plugins are project plugins (Pulumi.yaml).
    PATH: [dirname(process.execPath), "/usr/local/bin", "/usr/bin", "/bin"].join(":"),
    HOME: process.env.HOME ?? temp,
    PULUMI_HOME: join(temp, "pulumi-home"),
    PULUMI_BACKEND_URL: `file://${join(temp, "backend")}`,
    PULUMI_CONFIG_PASSPHRASE: "emr-engine-test-passphrase",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PULUMI_DIY_BACKEND_NO_LEGACY_WARNING: "true",
    PULUMI_SKIP_CONFIRMATIONS: "true",
    // Enables --event-log (the engine's event stream), as the Automation API does.
    PULUMI_DEBUG_COMMANDS: "true",
    ALICLOUD_ACCESS_KEY: TEST_KEYS.accessKeyId,
    ALICLOUD_SECRET_KEY: TEST_KEYS.accessKeySecret,
    // The program's live checks (components/live-checks.ts) use our EMR client: the emulator too.
    EMR_ENDPOINT: emulator.endpoint,
    EMR_PROTOCOL: "http",
    NO_PROXY: "127.0.0.1,localhost",
    [MARKER_VAR]: marker,
  };
  for (const dir of [project, join(temp, "backend"), env.PULUMI_HOME]) mkdirSync(dir, { recursive: true });
  writeProject(project, PROJECT, toolchain);

  const providerConfig = providerConfigFor(emulator.endpoint);

  async function pulumi(args: string[], opts: RunOptions = {}): Promise<RunResult> {
    const childEnv = { ...env, ...opts.env };
    let server: ReturnType<typeof spawn> | undefined;
    const fullArgs = [...args, "--non-interactive", "--color=never"];
    if (opts.program) {
      const spec = typeof opts.program === "string" ? typescriptServer(opts.program) : opts.program;
      server = spawn(spec.command, spec.args, { cwd: ROOT, env: { ...process.env, ...childEnv, ...spec.env }, stdio: ["ignore", "pipe", "inherit"] });
      const port = await new Promise<string>((ok, fail) => {
        let out = "";
        server!.stdout!.on("data", (d: Buffer) => {
          out += d.toString();
          const m = /port (\d+)/.exec(out);
          if (m) ok(m[1]);
        });
        server!.on("exit", (code) => fail(new Error(`the program server exited with ${code} before listening`)));
      });
      fullArgs.push(`--client=127.0.0.1:${port}`);
    }
    try {
      return await run(toolchain.pulumi, fullArgs, opts.cwd ?? project, childEnv, opts.abortWhen);
    } finally {
      server?.kill("SIGKILL");
    }
  }

  async function initStack(stack: string, config: Record<string, unknown>, cwd = project): Promise<void> {
    const init = await pulumi(["stack", "init", stack], { cwd });
    if (init.code !== 0) throw new Error(`pulumi stack init ${stack}: ${init.stderr}`);
    setConfig(stack, config, cwd);
  }

  function setConfig(stack: string, config: Record<string, unknown>, cwd = project): void {
    const file = join(cwd, `Pulumi.${stack}.yaml`);
    const doc = (parse(readFileSync(file, "utf8")) ?? {}) as { config?: Record<string, unknown> };
    const secure = Object.fromEntries(Object.entries(doc.config ?? {}).filter(([, v]) => typeof v === "object" && v !== null && "secure" in v));
    writeFileSync(file, stringify({ ...doc, config: { ...providerConfig, ...config, ...secure } }));
  }

  return {
    toolchain,
    emulator,
    project,
    env,
    providerConfig,
    pulumi,
    initStack,
    setConfig,
    close: async () => {
      killMarked(marker);
      await emulator.close();
      rmSync(temp, { recursive: true, force: true });
    },
  };
}

/** A Pulumi.yaml of the given name whose alicloud provider is our build (a project plugin: no download, no PATH). */
export function writeProject(dir: string, name: string, toolchain: Toolchain, extra: Record<string, unknown> = {}): void {
  const plugins = { providers: [{ name: "alicloud", path: dirname(toolchain.alicloud) }] };
  writeFileSync(join(dir, "Pulumi.yaml"), stringify({ name, runtime: "nodejs", plugins, ...extra }));
}

/** The `config:` of one of the repository's stack files (stacks/Pulumi.<stack>.yaml). */
export function repoStackConfig(stack: string): Record<string, unknown> {
  return (parse(readFileSync(join(ROOT, `stacks/Pulumi.${stack}.yaml`), "utf8")) as { config: Record<string, unknown> }).config;
}

function run(bin: string, args: string[], cwd: string, env: Record<string, string>, abortWhen?: () => string | undefined): Promise<RunResult> {
  return new Promise((ok) => {
    const child = spawn(bin, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let aborted: string | undefined;
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const watch = abortWhen
      ? setInterval(() => {
          aborted ??= abortWhen();
          if (aborted) child.kill("SIGKILL");
        }, 250)
      : undefined;
    child.on("close", (code) => {
      if (watch) clearInterval(watch);
      ok({ code: code ?? -1, stdout, stderr: aborted ? `aborted by the test: ${aborted}\n${stderr}` : stderr });
    });
  });
}
