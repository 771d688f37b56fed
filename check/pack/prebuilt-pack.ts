/**
 * The policy pack ships compiled: policies/dist/index.js (its package.json `main`), built from policies/*.ts by
 * `npm run build:pack` (scripts/build-pack.ts) and committed. The bundle records a hash of the sources it was built
 * from, so the offline check can tell when someone edited the pack without rebuilding: it then runs the sources
 * through ts-node instead of reporting the old rules' verdicts.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";

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

/** Whether the committed bundle exists and was built from the pack's current sources. */
export function bundleIsFresh(packDir: string): boolean {
  const file = path.join(packDir, BUNDLE);
  if (!fs.existsSync(file)) return false;
  const head = fs.readFileSync(file, "utf8").slice(0, 1000);
  return HASH_LINE.exec(head)?.[1] === packSourceHash(packDir);
}
