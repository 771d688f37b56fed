/**
 * The pack ships as compiled JavaScript (policies/dist/index.js, its package.json `main`): the committed bundle is
 * what `npm run build:pack` builds from the current sources, `pulumi policy publish` (which runs `npm pack` in the
 * pack's folder) includes it, and the CLI's own start path (run-policy-pack on the folder) loads it without the
 * TypeScript sources.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { BUNDLE, bundleIsFresh } from "../../check/pack/prebuilt-pack";
import { spawnPolicyPack } from "../../check/pack/pack-process";
import { startPolicyPack } from "../../check/pack/pack-runner";
import { ALL_POLICIES } from "../../policies/pack";
import { PACK_DIR, bundlePack } from "../../scripts/build-pack";

const ROOT = path.join(__dirname, "../..");
const manifest = JSON.parse(fs.readFileSync(path.join(PACK_DIR, "package.json"), "utf8"));

/** The files `npm pack` puts in the pack's tarball (what `pulumi policy publish` uploads). */
function packedFiles(): string[] {
  const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--loglevel=error"], { cwd: PACK_DIR, encoding: "utf8" });
  return (JSON.parse(out) as { files: { path: string }[] }[])[0].files.map((f) => f.path).sort();
}

test("the committed bundle is what `npm run build:pack` builds from policies/*.ts", () => {
  const committed = fs.readFileSync(path.join(PACK_DIR, BUNDLE), "utf8");
  if (bundlePack() !== committed) throw new Error(`policies/${BUNDLE} is stale: run \`npm run build:pack\` and commit it`);
  expect(bundleIsFresh(PACK_DIR)).toBe(true);
});

test("the bundle records its sources: an edited source makes it stale, and it is not started", async () => {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), "emr-pack-"));
  fs.cpSync(PACK_DIR, copy, { recursive: true, filter: (src) => !src.includes("node_modules") });
  expect(bundleIsFresh(copy)).toBe(true);
  fs.appendFileSync(path.join(copy, "rules/domain.ts"), "\n// edited\n");
  expect(bundleIsFresh(copy)).toBe(false);
  // and nothing starts it (the pack's protocol tests included), naming the fix
  await expect(spawnPolicyPack({ packDir: copy })).rejects.toThrow("was not built from the pack's current TypeScript sources, so it would run old rules: run `npm run build:pack`");
  fs.rmSync(path.join(copy, "rules/domain.ts"));
  expect(bundleIsFresh(copy)).toBe(false);
  fs.rmSync(copy, { recursive: true });
});

test("package.json `main` is the bundle, and `npm pack` (pulumi policy publish) ships it with the sources", () => {
  expect(manifest.main).toBe(BUNDLE);
  expect(manifest.scripts ?? {}).toEqual({}); // nothing may depend on an install/prepare step
  const files = packedFiles();
  expect(files).toEqual(expect.arrayContaining([BUNDLE, "PulumiPolicy.yaml", "package.json", "index.ts", "rules/index.ts"]));
});

test("run-policy-pack on the pack's folder, as the CLI starts it, loads the bundle: the TypeScript sources are not needed", async () => {
  // The published files without any .ts: if run-policy-pack still went through the sources, this pack could not start.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "emr-pack-js-"));
  for (const file of packedFiles().filter((f) => !f.endsWith(".ts"))) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.copyFileSync(path.join(PACK_DIR, file), path.join(dir, file));
  }
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  const pack = await startPolicyPack({ packDir: dir });
  try {
    const info = await pack.info();
    expect({ name: info.name, version: info.version }).toEqual({ name: "emr-guardrails", version: manifest.version });
    expect(info.policies.map((p) => p.name)).toEqual(ALL_POLICIES.map((p) => p.name));
  } finally {
    await pack.close();
    fs.rmSync(dir, { recursive: true });
  }
}, 30000);
