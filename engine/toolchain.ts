/**
 * The engine toolchain: the Pulumi CLI, the YAML language host and the alicloud resource provider (and a filter that
 * runs the engine's ignoreChanges code alone, and the CLI's Python SDK generator alone), each built with
 * `go build` from its pinned Go module under engine/toolchain/ (modules from the Go module proxy only), into a cache
 * outside the repository: `${XDG_CACHE_HOME:-$HOME/.cache}/emr-as-code/engine/<binary>-<key>/`. The key is a hash of
 * everything the binary is built from (the module's go.mod, go.sum and Go files, the link flags, `go version`), so
 * an unchanged binary is reused and a changed pin builds anew. `npm run engine:build` runs this and creates the
 * Python environment (engine/python.ts); the engine suite calls `ensureToolchain()` on its first run.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { cacheKey, cacheRoot, pruneOtherKeys, runStep } from "./cache";
import { ensurePythonEnv } from "./python";

const TOOLCHAIN = resolve(__dirname, "toolchain");

/** One binary of the toolchain: where its module is, what `go build` builds, and the version it reports. */
export interface ToolSpec {
  name: string;
  module: string;
  /** The package `go build` builds (`.` for our own main package). */
  pkg: string;
  ldflags: string;
}

/** The pins (the modules' go.mod files hold the rest). Versions are what the proxy serves; README "Engine tier" says why. */
export const TOOLS: ToolSpec[] = [
  {
    name: "pulumi",
    module: join(TOOLCHAIN, "cli"),
    pkg: "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi",
    ldflags: "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v3.274.1",
  },
  {
    name: "pulumi-language-yaml",
    module: join(TOOLCHAIN, "yaml"),
    pkg: "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml",
    ldflags: "-X github.com/pulumi/pulumi-yaml/pkg/version.Version=v1.25.0",
  },
  { name: "pulumi-resource-alicloud", module: join(TOOLCHAIN, "alicloud"), pkg: ".", ldflags: "" },
  // Not part of the engine: the sdk's ignoreChanges code alone, to hold the call model to it (test/engine).
  { name: "engine-ignore-changes", module: join(TOOLCHAIN, "ignore-changes"), pkg: ".", ldflags: "" },
  // `pulumi package gen-sdk --language python` without the Python host: the CLI's codegen alone (its main.go says why).
  { name: "engine-python-sdkgen", module: join(TOOLCHAIN, "python-sdkgen"), pkg: ".", ldflags: "" },
];

/** Every file under a module folder that the build reads (Go sources and the module files), sorted. */
function moduleFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...moduleFiles(path));
    else if (/\.go$|^go\.(mod|sum)$/.test(entry)) out.push(path);
  }
  return out;
}

export function toolKey(tool: ToolSpec, goVersion: string): string {
  const files = moduleFiles(tool.module).flatMap((file) => [relative(tool.module, file), readFileSync(file)]);
  return cacheKey([goVersion, tool.pkg, tool.ldflags, ...files]);
}

export interface Toolchain {
  /** Folders to put first on PATH: the CLI then finds the YAML host and the provider there. */
  binDirs: string[];
  pulumi: string;
  yamlHost: string;
  alicloud: string;
  /** The engine's ignoreChanges code as a filter (engine/toolchain/ignore-changes/main.go). */
  ignoreChanges: string;
  /** `engine-python-sdkgen <schema.json> <out dir>`: the Python SDK of a schema (engine/toolchain/python-sdkgen). */
  pythonSdkgen: string;
}

export interface BuildReport {
  name: string;
  path: string;
  /** Milliseconds spent building, or undefined when the cached binary was reused. */
  builtMs?: number;
}

/** Builds what is missing (one binary at a time: the machine has 2 cores) and returns the binaries' paths. */
export async function ensureToolchain(log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Promise<Toolchain & { report: BuildReport[] }> {
  const goVersion = goVersionOf();
  const root = cacheRoot();
  const report: BuildReport[] = [];
  for (const tool of TOOLS) {
    const dir = join(root, `${tool.name}-${toolKey(tool, goVersion)}`);
    const path = join(dir, tool.name);
    if (existsSync(path)) {
      log(`engine toolchain: ${tool.name} cached (${path})`);
      report.push({ name: tool.name, path });
      continue;
    }
    log(`engine toolchain: building ${tool.name} from ${relative(process.cwd(), tool.module) || "."} (${goVersion}); this takes minutes on a cold Go build cache`);
    const started = Date.now();
    mkdirSync(dir, { recursive: true });
    const partial = `${path}.partial`;
    await goBuild(tool, partial, log);
    renameSync(partial, path);
    pruneOtherKeys(root, tool.name, dir);
    const builtMs = Date.now() - started;
    log(`engine toolchain: ${tool.name} built in ${(builtMs / 1000).toFixed(0)} s -> ${path}`);
    report.push({ name: tool.name, path, builtMs });
  }
  const [pulumi, yamlHost, alicloud, ignoreChanges, pythonSdkgen] = report.map((r) => r.path);
  return { pulumi, yamlHost, alicloud, ignoreChanges, pythonSdkgen, binDirs: report.slice(0, 3).map((r) => resolve(r.path, "..")), report };
}

function goVersionOf(): string {
  try {
    return execFileSync("go", ["version"], { encoding: "utf8" }).trim();
  } catch {
    throw new Error("the engine tier needs Go (`go version` failed); install Go 1.26 and reach a Go module proxy");
  }
}

/** `go build -mod=readonly`: a module whose go.sum misses an entry fails instead of being rewritten. */
async function goBuild(tool: ToolSpec, out: string, log: (line: string) => void): Promise<void> {
  const args = ["build", "-mod=readonly", "-trimpath", ...(tool.ldflags ? ["-ldflags", tool.ldflags] : []), "-o", out, tool.pkg];
  try {
    await runStep("go", args, { cwd: tool.module, still: `engine toolchain: ... ${tool.name} still building`, log });
  } catch (e) {
    rmSync(out, { force: true });
    throw e;
  }
}

if (require.main === module) {
  const started = Date.now();
  const log = (l: string): void => console.log(l);
  ensureToolchain(log)
    .then(async (t) => {
      const py = await ensurePythonEnv(log);
      const report = [...t.report, { name: "python", path: py.dir, builtMs: py.builtMs }];
      for (const r of report) console.log(`${r.name}: ${r.builtMs === undefined ? "cached" : `built in ${(r.builtMs / 1000).toFixed(0)} s`}  ${r.path}`);
      console.log(`engine toolchain ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    })
    .catch((e: Error) => {
      console.error(e.message);
      process.exit(1);
    });
}
