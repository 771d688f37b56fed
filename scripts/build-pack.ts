/**
 * Builds the policy pack's shipped JavaScript: policies/*.ts bundled by esbuild into one CommonJS file,
 * policies/dist/index.js, which the pack's package.json `main` points to. The Pulumi CLI starts a pack through
 * run-policy-pack, which loads `main`; a `.ts` main would be compiled by ts-node with type-checking on every
 * `pulumi preview` (seconds), while the bundle loads as plain JavaScript. The types are checked by `npm test`
 * (tsc -p policies), and test/policies/bundle.test.ts fails when the committed bundle differs from a fresh build.
 *
 * The bundle is committed (npm here runs no install scripts, and `pulumi policy publish` packs the folder as it is).
 * Run: npm run build:pack
 */
import * as fs from "fs";
import * as path from "path";
import { buildSync } from "esbuild";
import { BUNDLE, packSourceHash, sourceHashLine } from "../check/pack/prebuilt-pack";

export const PACK_DIR = path.join(__dirname, "../policies");

/** The bundle's text, built from the pack's sources; deterministic (paths are relative to the pack's folder). */
export function bundlePack(packDir = PACK_DIR): string {
  const result = buildSync({
    entryPoints: [path.join(packDir, "index.ts")],
    absWorkingDir: packDir,
    bundle: true,
    write: false,
    outfile: path.join(packDir, BUNDLE),
    platform: "node",
    format: "cjs",
    target: "node20",
    // The SDKs must be the very modules run-policy-pack loads (it checks instances across them).
    external: ["@pulumi/*"],
    banner: {
      js: [
        "// emr-guardrails policy pack, built from policies/*.ts by `npm run build:pack` (esbuild). Do not edit: change",
        "// the TypeScript sources and rebuild; `npm test` fails while this file is stale.",
        sourceHashLine(packSourceHash(packDir)),
      ].join("\n"),
    },
    logLevel: "silent",
  });
  return result.outputFiles[0].text;
}

/** Writes the bundle; returns whether it changed. */
export function writePackBundle(packDir = PACK_DIR): boolean {
  const file = path.join(packDir, BUNDLE);
  const text = bundlePack(packDir);
  if (fs.existsSync(file) && fs.readFileSync(file, "utf8") === text) return false;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return true;
}

if (require.main === module) {
  const changed = writePackBundle();
  process.stdout.write(`${path.relative(process.cwd(), path.join(PACK_DIR, BUNDLE))} ${changed ? "rebuilt" : "up to date"}\n`);
}
