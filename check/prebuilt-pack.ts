/**
 * A prebuilt copy of the policy pack for the offline check. Started as it is, the pack boots through ts-node with
 * type-checking (3-4 s here), which dominates the check's wall time. The check instead runs the same source, bundled
 * by esbuild into one CommonJS file, through the same run-policy-pack and Analyzer protocol; the pack's types are
 * checked by `npm test` (tsc -p policies). `--pack-loader ts-node` runs the pack exactly as the CLI does.
 * The bundle is cached by the hash of the pack's sources.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";

function sourcesOf(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? (e.name === "node_modules" ? [] : sourcesOf(path.join(dir, e.name))) : [path.join(dir, e.name)]))
    .filter((f) => /\.(ts|json|yaml)$/.test(f))
    .sort();
}

/** Returns the folder of the bundled pack (building it if its sources changed). */
export function prebuiltPack(packDir: string, cacheRoot: string): string {
  const hash = createHash("sha256");
  for (const file of sourcesOf(packDir)) hash.update(path.relative(packDir, file)).update(fs.readFileSync(file));
  const outDir = path.join(cacheRoot, `pack-${hash.digest("hex").slice(0, 16)}`);
  if (fs.existsSync(path.join(outDir, "index.js"))) return outDir;
  // Loaded only when a build is needed.
  const esbuild = require("esbuild") as typeof import("esbuild");
  const tmp = `${outDir}.tmp-${process.pid}`;
  fs.mkdirSync(tmp, { recursive: true });
  esbuild.buildSync({
    entryPoints: [path.join(packDir, "index.ts")],
    outfile: path.join(tmp, "index.js"),
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    // The SDKs must be the very modules run-policy-pack loads (it checks instances across them).
    external: ["@pulumi/*"],
    logLevel: "silent",
  });
  const manifest = JSON.parse(fs.readFileSync(path.join(packDir, "package.json"), "utf8"));
  fs.writeFileSync(path.join(tmp, "package.json"), JSON.stringify({ name: manifest.name, version: manifest.version, main: "index.js" }, null, 2));
  fs.copyFileSync(path.join(packDir, "PulumiPolicy.yaml"), path.join(tmp, "PulumiPolicy.yaml"));
  // Another check may have built the same bundle meanwhile (and may be running it): never replace a complete one.
  if (!fs.existsSync(path.join(outDir, "index.js"))) {
    fs.rmSync(outDir, { recursive: true, force: true });
    try {
      fs.renameSync(tmp, outDir);
    } catch (err) {
      if (!fs.existsSync(path.join(outDir, "index.js"))) throw err;
    }
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  return outDir;
}
