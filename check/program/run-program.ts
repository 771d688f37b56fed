/**
 * Runs a Pulumi program as `pulumi preview` would, with the cloud mocked: the stack's config is set, the SDK runs in
 * preview mode (a new resource's outputs stay unknown), and every registration is captured with its options.
 * One program per call; the SDK keeps global state, so runs are sequential.
 */
import * as path from "path";
import { startCapture, type CapturedResource } from "./capture";
import { findProgramSdk, loadSdk, otherSdkCopies, type Sdk } from "./sdk";
import { describeProgramError, interceptExit, programDir, type ProgramError } from "./program-error";

/** A cluster the EmrCluster component refused for its validity rules: the pack's policies of the same names. */
export interface RefusedCluster {
  /** The EmrCluster's Pulumi resource name. */
  name: string;
  clusterName: string;
  issues: { path: string; reason: string; rule: string }[];
}

export interface ProgramRun {
  resources: CapturedResource[];
  /** What failed the program (as a preview would fail), if anything, other than the refusals below. */
  error?: ProgramError;
  /** Clusters refused by the component's validity rules (reported as the pack's mandatory violations). */
  refused: RefusedCluster[];
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
  /** Results of data sources (invokes) offline; without it an invoke returns its own inputs. */
  invokes?: { call(token: string, inputs: Record<string, any>): Record<string, any> };
  /** The program's own SDK (check/program/sdk.ts); default: the one that resolves from the program's folder. */
  sdk?: Sdk;
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

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object";

/**
 * The clusters a ClusterSpecError (or the stack program's ClusterSpecErrors) refused, when every issue names the
 * validity rule it breaks; undefined for any other error. Read by shape, not `instanceof`: the program loads the
 * component's module through its own loader, so it may not be the class this module would import.
 */
function refusalsOf(err: unknown): RefusedCluster[] | undefined {
  const errors = isRecord(err) && err.name === "ClusterSpecErrors" && Array.isArray(err.errors) ? err.errors : [err];
  const refused: RefusedCluster[] = [];
  for (const e of errors) {
    if (!isRecord(e) || e.name !== "ClusterSpecError" || !Array.isArray(e.issues)) return undefined;
    const issues = e.issues.filter((i): i is RefusedCluster["issues"][number] => isRecord(i) && typeof i.rule === "string" && typeof i.path === "string" && typeof i.reason === "string");
    if (issues.length !== e.issues.length) return undefined;
    refused.push({ name: String(e.resourceName ?? e.clusterName), clusterName: String(e.clusterName), issues });
  }
  return refused;
}

export async function runProgram(options: RunProgramOptions): Promise<ProgramRun> {
  const sdk = options.sdk ?? loadSdk(findProgramSdk([options.program], programDir(options.program)));
  const { pulumi } = sdk;
  // Offline means offline: components skip their look-ups against the live EMR API even if credentials exist.
  process.env.EMR_LIVE_CHECKS = "off";
  pulumi.runtime.setAllConfig(options.config, options.secretKeys);
  pulumi.runtime.setMocks(
    {
      // No ID during preview: outputs that only exist after creation stay unknown, as in `pulumi preview`.
      newResource: (args) => options.existing?.(args.type, args.name) ?? { id: undefined, state: args.inputs },
      call: (args) => options.invokes?.call(args.token, args.inputs) ?? args.inputs,
    },
    options.project,
    options.stack,
    true,
  );
  const capture = startCapture(sdk.settings);
  // The SDK records a stack trace for every promise it makes (debuggablePromise, for its leak report only): dozens
  // per resource, each formatted at once (through the TypeScript loader's source maps), most of the program's time at
  // 50 clusters. Those traces are never shown: they are formatted as nothing. Errors keep their stack, which is where
  // a program error's file:line comes from (program-error.ts).
  const restoreStacks = cheapSdkStackTraces();
  const failures: unknown[] = [];
  const onRejection = (reason: unknown) => failures.push(reason);
  process.on("unhandledRejection", onRejection);
  const exit = interceptExit(programDir(options.program));
  try {
    const entry = require.resolve(path.resolve(options.program));
    delete require.cache[entry];
    const exported = require(entry);
    // A program may export an (async) function, as Pulumi allows; its result becomes the stack outputs.
    const main = typeof exported === "function" ? exported : typeof exported?.default === "function" ? exported.default : undefined;
    if (main) await main();
  } catch (err) {
    failures.unshift(err);
  }
  try {
    // What was registered before a failure is still judged (the stack program builds every valid cluster).
    await settle(capture.resources);
  } finally {
    restoreStacks();
    process.off("unhandledRejection", onRejection);
    exit.restore();
    capture.stop();
  }
  // A program that ended the process produced no verdict, even if it caught the exit or registered resources.
  if (exit.exit) failures.unshift(exit.exit);
  // Resources registered through another copy of the SDK never reach the mocks: no verdict, never a pass.
  const copies = otherSdkCopies(sdk);
  if (copies.length) {
    const error = { message: `the program loaded ${copies.length + 1} copies of @pulumi/pulumi: ${[sdk.dir, ...copies].join(", ")}. Resources registered through a second copy never reach the check (nor, under \`pulumi preview\`, the engine). Keep one copy: npm dedupe, and check with npm ls @pulumi/pulumi that every package uses the program's` };
    return { resources: capture.resources, refused: [], error };
  }
  const refused = failures.length === 1 ? refusalsOf(failures[0]) : undefined;
  if (refused) return { resources: capture.resources, refused };
  return { resources: capture.resources, refused: [], ...(failures.length ? { error: describeProgramError(failures[0], options.program) } : {}) };
}

/** The SDK's promise bookkeeping (runtime/debuggable.js) asks for `new Error().stack` on every promise. */
const SDK_PROMISE_TRACE = /[\\/]@pulumi[\\/]pulumi[\\/]runtime[\\/]debuggable\.js$/;

/** Formats the SDK's own promise traces as "" (nothing reads them) until the returned function restores it. */
function cheapSdkStackTraces(): () => void {
  const previous = Error.prepareStackTrace;
  const limit = Error.stackTraceLimit;
  // A few frames name the program's line (an error thrown there, its process.exit call); each frame captured costs.
  Error.stackTraceLimit = 4;
  Error.prepareStackTrace = (error, frames) => {
    if (frames.length && SDK_PROMISE_TRACE.test(frames[0].getFileName() ?? "")) return "";
    return previous ? previous(error, frames) : defaultStack(error, frames);
  };
  return () => {
    Error.prepareStackTrace = previous;
    Error.stackTraceLimit = limit;
  };
}

/** V8's own format, for when no loader installed one. */
function defaultStack(error: Error, frames: NodeJS.CallSite[]): string {
  return [`${error.name}: ${error.message}`, ...frames.map((f) => `    at ${String(f)}`)].join("\n");
}
