/**
 * The project's policy pack, started for a test as the Pulumi CLI starts it: run-policy-pack on policies/, which
 * loads the committed bundle (policies/dist/index.js). A bundle not built from the current policies/*.ts runs the old
 * rules, and a test through it passes or fails on code that no longer exists (a reworded message in
 * rules/capacity.ts stayed green until the bundle was rebuilt), so a stale bundle is refused before the pack starts.
 * Refused rather than replaced by the sources through ts-node: run-policy-pack type-checks them on every start (about
 * 4 s more CPU per start here), and the bundle is what ships.
 */
import * as path from "path";
import { startPolicyPack, type RunningPack } from "../../check/pack/pack-runner";
import { BUNDLE, bundleIsFresh } from "../../check/pack/prebuilt-pack";

export const PACK_DIR = path.join(__dirname, "../../policies");

/** Throws, naming the fix, when `packDir`'s bundle was not built from its current sources. */
export function refuseStaleBundle(packDir = PACK_DIR): void {
  if (!bundleIsFresh(packDir)) {
    throw new Error(`policies/${BUNDLE} was not built from the current policies/**/*.ts, so this test would run old rules: run \`npm run build:pack\` (and commit the bundle with the sources)`);
  }
}

/** Starts the pack in `packDir` (the project's by default) through its bundle, once the bundle is known fresh. */
export async function startProjectPack(packDir = PACK_DIR): Promise<RunningPack> {
  refuseStaleBundle(packDir);
  return startPolicyPack({ packDir });
}
