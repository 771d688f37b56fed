/**
 * The policy pack ships compiled: policies/dist/index.js (its package.json `main`), built from policies/*.ts by
 * `npm run build:pack` (scripts/build-pack.ts) and committed. The bundle records a hash of the sources it was built
 * from, so the offline check can tell when someone edited the pack without rebuilding: it then runs the sources
 * through ts-node instead of reporting the old rules' verdicts, and nothing starts such a bundle (pack-process.ts).
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { UsageError } from "../errors";

/** The bundle, relative to the pack's folder (the `main` of its package.json). */
export const BUNDLE = "dist/index.js";
const HASH_LINE = /^\/\/ sources: sha256 ([0-9a-f]{64})$/m;

function sourcesOf(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? (e.name === "node_modules" || e.name === "dist" ? [] : sourcesOf(path.join(dir, e.name))) : [path.join(dir, e.name)]))
    .filter((f) => f.endsWith(".ts"))
    .sort();
}

/** A hash of the pack's TypeScript sources (names and contents). */
export function packSourceHash(packDir: string): string {
  const hash = createHash("sha256");
  for (const file of sourcesOf(packDir)) hash.update(path.relative(packDir, file).split(path.sep).join("/")).update("\0").update(fs.readFileSync(file)).update("\0");
  return hash.digest("hex");
}

/** The banner line that records the sources' hash in the bundle. */
export function sourceHashLine(hash: string): string {
  return `// sources: sha256 ${hash}`;
}

/** The sources' hash the bundle records; undefined without a bundle or without a hash line. */
function recordedSourceHash(packDir: string): string | undefined {
  const file = path.join(packDir, BUNDLE);
  if (!fs.existsSync(file)) return undefined;
  return HASH_LINE.exec(fs.readFileSync(file, "utf8").slice(0, 1000))?.[1];
}

/** Whether the committed bundle exists and was built from the pack's current sources. */
export function bundleIsFresh(packDir: string): boolean {
  const recorded = recordedSourceHash(packDir);
  return recorded !== undefined && recorded === packSourceHash(packDir);
}

/**
 * Whether the bundle is known to be an old build: it records its sources' hash, the sources are there (index.ts),
 * and they have changed since. A published pack (no sources) or another pack (no hash line) is not judged.
 */
export function bundleIsStale(packDir: string): boolean {
  const recorded = recordedSourceHash(packDir);
  return recorded !== undefined && fs.existsSync(path.join(packDir, "index.ts")) && recorded !== packSourceHash(packDir);
}

/**
 * The emr-guardrails pack the check runs: the package the check depends on, resolved from the check's own folder
 * (inside this repository, the `policies` workspace; in a user's project, node_modules/emr-guardrails), so the check
 * and its pack are always the versions released together.
 */
export function packDirectory(): string {
  try {
    return path.dirname(fs.realpathSync(require.resolve("emr-guardrails/package.json", { paths: [__dirname] })));
  } catch {
    throw new UsageError("the emr-guardrails policy pack is not installed beside emr-check (it is a dependency of @emr-as-code/check): reinstall it, e.g. npm install --save-dev @emr-as-code/check");
  }
}

/** Whether the pack's TypeScript sources are there (this repository); an installed pack ships its bundle only. */
export function hasPackSources(packDir: string): boolean {
  return fs.existsSync(path.join(packDir, "index.ts"));
}
