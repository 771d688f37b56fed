/**
 * The version a report names for the code that made it, from a package.json: emr-check's is its pack's (the pack's
 * folder), emr-drift's the package its own code is in, found upwards from that code's folder (this repository's root
 * here; node_modules/@emr-as-code/check when installed, where the code is one folder deeper, in dist/).
 */
import * as fs from "fs";
import * as path from "path";

/** The version in the package.json of `dir` or the nearest folder above it; "unknown" without one. */
export function packageVersion(dir: string): string {
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    const file = path.join(at, "package.json");
    if (fs.existsSync(file)) return String((JSON.parse(fs.readFileSync(file, "utf8")) as { version?: unknown }).version ?? "unknown");
    if (path.dirname(at) === at) return "unknown";
  }
}
