/**
 * `npm run pack:packages`: the three packages a user installs in their own repository, as the tarballs `npm publish`
 * would upload, written to packages/dist/ (or the folder given): the pack (`emr-guardrails`, policies/), the
 * component (`@emr-as-code/components`) and the commands (`@emr-as-code/check`: emr-check, emr-status). Each
 * package's `prepack` builds it first. Until they are on the registry, install these paths instead of the names;
 * packages/emr-plugin installs the component from here.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.join(__dirname, "..");
export const PACKAGE_DIRS = ["policies", "packages/components", "packages/check"];
export const DEFAULT_DESTINATION = path.join(ROOT, "packages", "dist");

export interface PackedPackage {
  name: string;
  version: string;
  /** The tarball's path. */
  file: string;
}

/** Packs each package into `destination`; returns the tarballs. */
export function packPackages(destination = DEFAULT_DESTINATION): PackedPackage[] {
  fs.mkdirSync(destination, { recursive: true });
  return PACKAGE_DIRS.map((dir) => {
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const out = execFileSync(npm, ["pack", "--json", "--pack-destination", destination], { cwd: path.join(ROOT, dir), encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    const [packed] = JSON.parse(out) as { name: string; version: string; filename: string }[];
    return { name: packed.name, version: packed.version, file: path.join(destination, packed.filename) };
  });
}

if (require.main === module) {
  const destination = process.argv[2] ? path.resolve(process.argv[2]) : DEFAULT_DESTINATION;
  for (const p of packPackages(destination)) process.stdout.write(`${p.name}@${p.version}  ${path.relative(process.cwd(), p.file)}\n`);
}
