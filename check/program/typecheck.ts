/**
 * Type-checks a program as `pulumi preview` does (ts-node, not transpile-only): a type error fails the preview, so it
 * fails the check. Only the program's own files and what they import count (the program's entry is the only root;
 * declaration files and node_modules are not reported), with the compiler options of the nearest tsconfig.json.
 *
 * It runs in a worker thread, in parallel with the pack's start and the program's run. A full check loads every
 * declaration the program imports (@pulumi/alicloud alone is ~2,500 files), so a result is cached in
 * node_modules/.cache/emr-check keyed by the contents of the program's own files, its tsconfig.json and the
 * installed packages (package-lock.json): an unchanged program costs a few file hashes.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { Worker } from "worker_threads";

export interface TypecheckResult {
  /** `file:line: message`, the file relative to the working directory; empty when the program type-checks. */
  errors: string[];
  /** Whether the result came from the cache. */
  cached: boolean;
}

interface CacheEntry {
  key: string;
  /** The program's own files (not node_modules) and their content hashes. */
  files: Record<string, string>;
  errors: string[];
}

const sha = (text: string | Buffer) => createHash("sha256").update(text).digest("hex").slice(0, 16);
const hashFile = (file: string) => (fs.existsSync(file) ? sha(fs.readFileSync(file)) : "-");

/** The program's entry file: a file, or a folder's index.ts. */
function entryFile(program: string): string {
  const resolved = path.resolve(program);
  return fs.statSync(resolved).isDirectory() ? path.join(resolved, "index.ts") : resolved;
}

/** Where the check caches what it derives (the prebuilt pack, type-check results, invoke shapes). */
export function checkCacheDir(projectDir: string): string {
  return path.join(projectDir, "node_modules", ".cache", "emr-check");
}

/** The nearest tsconfig.json from the entry's folder upwards (ts-node's rule), if any. */
function findTsconfig(entry: string): string | undefined {
  for (let dir = path.dirname(entry); ; dir = path.dirname(dir)) {
    const file = path.join(dir, "tsconfig.json");
    if (fs.existsSync(file)) return file;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** What the result depends on besides the program's own files: the compiler options and the installed packages. */
function dependencyKey(entry: string, tsconfig: string | undefined): string {
  let lock = "-";
  for (let dir = path.dirname(entry); ; dir = path.dirname(dir)) {
    const file = path.join(dir, "package-lock.json");
    if (fs.existsSync(file)) {
      lock = hashFile(file);
      break;
    }
    if (path.dirname(dir) === dir) break;
  }
  return sha([entry, tsconfig ?? "-", tsconfig ? hashFile(tsconfig) : "-", lock].join("\n"));
}

function cacheFile(cacheDir: string, entry: string): string {
  return path.join(cacheDir, `typecheck-${sha(entry)}.json`);
}

function readCache(cacheDir: string, entry: string, key: string): string[] | undefined {
  try {
    const cached = JSON.parse(fs.readFileSync(cacheFile(cacheDir, entry), "utf8")) as CacheEntry;
    if (cached.key !== key) return undefined;
    return Object.entries(cached.files).every(([file, hash]) => hashFile(file) === hash) ? cached.errors : undefined;
  } catch {
    return undefined;
  }
}

type Ts = typeof import("typescript");

function compilerOptions(ts: Ts, tsconfig: string | undefined): import("typescript").CompilerOptions {
  if (!tsconfig) return { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10, esModuleInterop: true, strict: true };
  return ts.parseJsonConfigFileContent(ts.readConfigFile(tsconfig, ts.sys.readFile).config, ts.sys, path.dirname(tsconfig)).options;
}

const isOwn = (file: string) => !file.endsWith(".d.ts") && !file.split(/[\\/]/).includes("node_modules");

/** The program's own files: the entry and every file it imports, transitively, outside node_modules. */
function ownFiles(ts: Ts, entry: string, options: import("typescript").CompilerOptions): string[] {
  const seen = new Set<string>([entry]);
  for (const file of seen) {
    const text = ts.sys.readFile(file);
    if (text === undefined) continue;
    for (const imported of ts.preProcessFile(text, true, true).importedFiles) {
      const resolved = ts.resolveModuleName(imported.fileName, file, options, ts.sys).resolvedModule?.resolvedFileName;
      if (resolved && isOwn(resolved)) seen.add(path.resolve(resolved));
    }
  }
  return [...seen];
}

/** Type-checks the programs that missed the cache, all in one compiler program (their declarations are shared). */
function compile(ts: Ts, entries: string[], tsconfig: string | undefined): Map<string, { errors: string[]; files: string[] }> {
  const options = { ...compilerOptions(ts, tsconfig), noEmit: true, skipLibCheck: true };
  const compiler = ts.createProgram(entries, options);
  const errorsByFile = new Map<string, string[]>();
  for (const f of compiler.getSourceFiles().filter((x) => isOwn(x.fileName))) {
    const diagnostics = [...compiler.getSyntacticDiagnostics(f), ...compiler.getSemanticDiagnostics(f)].filter((d) => d.category === ts.DiagnosticCategory.Error);
    errorsByFile.set(
      path.resolve(f.fileName),
      diagnostics.map((d) => {
        const { line } = f.getLineAndCharacterOfPosition(d.start ?? 0);
        return `${path.relative(process.cwd(), f.fileName)}:${line + 1}: TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n    ")}`;
      }),
    );
  }
  const optionErrors = compiler.getOptionsDiagnostics().map((d) => `${tsconfig ? path.relative(process.cwd(), tsconfig) : "compiler options"}: TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`);
  return new Map(
    entries.map((entry) => {
      const files = ownFiles(ts, entry, options);
      return [entry, { errors: [...optionErrors, ...files.flatMap((f) => errorsByFile.get(f) ?? [])], files }];
    }),
  );
}

function writeCache(cacheDir: string, entry: string, value: CacheEntry): void {
  fs.mkdirSync(cacheDir, { recursive: true });
  const file = cacheFile(cacheDir, entry);
  fs.writeFileSync(`${file}.${process.pid}`, JSON.stringify(value));
  fs.renameSync(`${file}.${process.pid}`, file);
}

/** Type-checks programs, synchronously (call it in a worker); a program whose files are unchanged skips the compiler. */
export function typecheckPrograms(programs: string[], cacheDir: string): Map<string, TypecheckResult> {
  const results = new Map<string, TypecheckResult>();
  const misses = new Map<string | undefined, { program: string; entry: string; key: string }[]>();
  for (const program of programs) {
    const entry = entryFile(program);
    const tsconfig = findTsconfig(entry);
    const key = dependencyKey(entry, tsconfig);
    const hit = readCache(cacheDir, entry, key);
    if (hit) results.set(program, { errors: hit, cached: true });
    else misses.set(tsconfig, [...(misses.get(tsconfig) ?? []), { program, entry, key }]);
  }
  if (!misses.size) return results;
  // Loaded only on a cache miss: the compiler itself takes ~0.5 s to load.
  const ts = require("typescript") as Ts;
  for (const [tsconfig, group] of misses) {
    const compiled = compile(ts, group.map((g) => g.entry), tsconfig);
    for (const { program, entry, key } of group) {
      const { errors, files } = compiled.get(entry)!;
      writeCache(cacheDir, entry, { key, files: Object.fromEntries(files.map((f) => [f, hashFile(f)])), errors });
      results.set(program, { errors, cached: false });
    }
  }
  return results;
}

/** The worker's side: type-check the programs it is given; a failure of the compiler itself fails every program. */
export function workerMain(programs: string[], cacheDir: string): Record<string, TypecheckResult> {
  try {
    return Object.fromEntries(typecheckPrograms(programs, cacheDir));
  } catch (err) {
    return Object.fromEntries(programs.map((p) => [p, { errors: [`the program could not be type-checked: ${(err as Error).message}`], cached: false }]));
  }
}

/**
 * Starts type-checking `programs` in a worker thread (TypeScript loaded by tsx there too). Resolves per program;
 * a program the compiler could not check at all gets its reason as its one error (never a silent pass).
 */
export function startTypecheck(programs: string[], cacheDir: string): Promise<Map<string, TypecheckResult>> {
  const unique = [...new Set(programs.map((p) => path.resolve(p)))];
  const source = `const { parentPort, workerData } = require("worker_threads");
require(workerData.tsx);
parentPort.postMessage(require(workerData.self).workerMain(workerData.programs, workerData.cacheDir));`;
  return new Promise((resolve) => {
    const fail = (why: string) => resolve(new Map(unique.map((p) => [p, { errors: [`the program could not be type-checked: ${why}`], cached: false }])));
    const worker = new Worker(source, { eval: true, workerData: { tsx: require.resolve("tsx/cjs"), self: __filename, programs: unique, cacheDir } });
    worker.once("message", (results: Record<string, TypecheckResult>) => {
      void worker.terminate();
      resolve(new Map(Object.entries(results)));
    });
    worker.once("error", (err) => fail(err.message));
    worker.once("exit", (code) => fail(`the type-check worker exited (${code})`));
  });
}
