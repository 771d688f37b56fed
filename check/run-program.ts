/**
 * Runs a Pulumi program as `pulumi preview` would, with the cloud mocked: the stack's config is set, the SDK runs in
 * preview mode (a new resource's outputs stay unknown), and every registration is captured with its options.
 * One program per call; the SDK keeps global state, so runs are sequential.
 */
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { startCapture, type CapturedResource } from "./capture";

export interface ProgramRun {
  resources: CapturedResource[];
  /** What failed the program (as a preview would fail), if anything. */
  error?: { message: string; stack?: string };
}

export interface RunProgramOptions {
  /** A program folder (its index.ts) or file. */
  program: string;
  project: string;
  stack: string;
  config: Record<string, string>;
  secretKeys: string[];
  /** Resources a recorded state says exist (by type and name): their ID and outputs are known, as in a real preview. */
  existing?: (type: string, name: string) => { id: string; state: Record<string, unknown> } | undefined;
}

/** Waits until no registration has arrived for a few ticks (the program and its applies are done). */
async function settle(resources: CapturedResource[]): Promise<void> {
  let last = -1;
  for (let stable = 0; stable < 10; ) {
    await new Promise((r) => setTimeout(r, 2));
    stable = resources.length === last ? stable + 1 : 0;
    last = resources.length;
  }
}

function describeError(err: unknown): { message: string; stack?: string } {
  if (err instanceof Error) return { message: err.message, stack: err.stack };
  return { message: String(err) };
}

export async function runProgram(options: RunProgramOptions): Promise<ProgramRun> {
  // Offline means offline: components skip their look-ups against the live EMR API even if credentials exist.
  process.env.EMR_LIVE_CHECKS = "off";
  pulumi.runtime.setAllConfig(options.config, options.secretKeys);
  pulumi.runtime.setMocks(
    {
      // No ID during preview: outputs that only exist after creation stay unknown, as in `pulumi preview`.
      newResource: (args) => options.existing?.(args.type, args.name) ?? { id: undefined, state: args.inputs },
      call: (args) => args.inputs,
    },
    options.project,
    options.stack,
    true,
  );
  const capture = startCapture();
  const failures: unknown[] = [];
  const onRejection = (reason: unknown) => failures.push(reason);
  process.on("unhandledRejection", onRejection);
  try {
    const entry = require.resolve(path.resolve(options.program));
    delete require.cache[entry];
    const exported = require(entry);
    // A program may export an (async) function, as Pulumi allows; its result becomes the stack outputs.
    const main = typeof exported === "function" ? exported : typeof exported?.default === "function" ? exported.default : undefined;
    if (main) await main();
    await settle(capture.resources);
  } catch (err) {
    failures.unshift(err);
  } finally {
    process.off("unhandledRejection", onRejection);
    capture.stop();
  }
  return { resources: capture.resources, ...(failures.length ? { error: describeError(failures[0]) } : {}) };
}
