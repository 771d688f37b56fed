/**
 * The offline check: for each target (a stack's config + a program), run the program as a preview would with the
 * cloud mocked, send every captured resource to the policy pack through its analyzer server (Analyze per
 * resource, then AnalyzeStack), and build the report. The pack starts while the first program runs.
 */
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { UsageError } from "./errors";
import { buildUrn } from "../policies/engine";
import { TYPES } from "../policies/rules/domain";
import { spawnPolicyPack, type PackProcess } from "./pack/pack-process";
import { connectPolicyPack, policyConfigFor, type Diagnostic, type RunningPack } from "./pack/pack-runner";
import { buildReport, type CheckReport } from "./report/model";
import { runProgram, type RefusedCluster } from "./program/run-program";
import { loadPolicyConfig, loadStackConfig } from "./inputs/stack-config";
import type { CapturedResource } from "./program/capture";
import { stateChanges, type RecordedStack } from "./change/change-check";
import type { LiveState } from "../policies/rules/calls";
import { attachChanges } from "./report/model";
import { offlineInvokes, type InvokeFixtures } from "./inputs/invokes";
import { checkCacheDir, startTypecheck, type TypecheckResult } from "./program/typecheck";
import { findProgramSdk, loadSdk, type Sdk } from "./program/sdk";
import { withCosts } from "./change/costs";
import type { PriceBook } from "../policies/rules/cost";

export interface CheckTarget {
  stack: string;
  /** Program folder or file. */
  program: string;
  /** Stack config file; required when the program is the project's own. */
  configFile: string;
  configRequired: boolean;
  /** `--state`: the recorded state the program's clusters are compared with (the change-aware check). */
  recorded?: RecordedStack;
  /** `--live`: the live clusters, by recorded cluster ID. */
  live?: Map<string, LiveState>;
}

export interface CheckOptions {
  projectDir: string;
  targets: CheckTarget[];
  packDir: string;
  /** A `--policy-pack-config` style JSON file (guardrails.json by default, see policyConfigFile()). */
  policyConfigFile?: string;
  /** Progress lines (to stderr). */
  progress?: (step: string) => void;
  /** The pack's process, when the caller started it early (the CLI does, before loading anything heavy). */
  packProcess?: Promise<PackProcess>;
  /** The programs' type-check, when the caller started it early (see startTypecheck); else runCheck starts it. */
  typecheck?: Promise<Map<string, TypecheckResult>>;
  /** `--invokes`: results of data sources that replace the shapes derived from the provider's types. */
  invokeFixtures?: InvokeFixtures;
  /** The programs' own SDK (check/program/sdk.ts); default: the one that resolves from the first program. */
  sdk?: Sdk;
  /** `--prices`: the price book (each stack's region is its config's); without it the reports say how to make one. */
  prices?: { book: PriceBook; file: string };
  /** The time the price book's age is measured at. Defaults to now. */
  now?: Date;
}

/** Where the time went; `packReadyAtMs` is measured from the process start, like `performance.now()`. */
export interface Timings {
  packReadyAtMs: number;
  programMs: number;
  analyzeMs: number;
  /** How long the check waited for the type-check once everything else was done; whether it came from the cache (no program run: none). */
  typecheckWaitMs?: number;
  typecheckCached?: boolean;
}

/** The project's name from Pulumi.yaml. */
export function projectName(projectDir: string): string {
  const file = path.join(projectDir, "Pulumi.yaml");
  if (!fs.existsSync(file)) throw new UsageError(`no Pulumi.yaml in ${projectDir}; run the check from the project's root`);
  const name = (parse(fs.readFileSync(file, "utf8")) as { name?: unknown })?.name;
  if (typeof name !== "string") throw new UsageError(`${file} has no project name`);
  return name;
}

const CONCURRENCY = 16;

/**
 * A cluster the EmrCluster component refused, as the pack would have judged it: each issue a mandatory violation of
 * the validity policy of the same name, on the cluster the component would have registered. So a cluster from stack
 * config and the same cluster written by hand get the same verdict.
 */
export function refusalDiagnostics(refused: RefusedCluster[], stack: string, project: string): { diagnostics: Diagnostic[]; resources: { urn: string; type: string; name: string }[] } {
  const resources = refused.map((r) => ({ urn: buildUrn({ stack, project, parentTypes: [TYPES.component], type: TYPES.cluster, name: r.name }), type: TYPES.cluster, name: r.name }));
  const diagnostics = refused.flatMap((r, i) =>
    r.issues.map((issue) => ({
      policyName: issue.rule,
      policyPackName: "emr-guardrails",
      enforcementLevel: "mandatory" as const,
      urn: resources[i].urn,
      message: `${issue.path}: ${issue.reason} (refused by the EmrCluster component before the pack ran: the cluster was not planned)`,
      description: "",
    })),
  );
  return { diagnostics, resources };
}

/** A program that does not type-check: `pulumi preview` (ts-node) fails on it before it runs, so there is no verdict. */
function typecheckError(result: TypecheckResult | undefined): string | undefined {
  if (!result?.errors.length) return undefined;
  return `the program does not type-check (pulumi preview fails on it the same way):\n${result.errors.map((e) => `  ${e}`).join("\n")}`;
}

/** Analyze per resource (a few at a time, like the engine), then AnalyzeStack once. */
export async function analyzeResources(pack: RunningPack, resources: CapturedResource[]): Promise<Diagnostic[]> {
  const perResource: Diagnostic[][] = new Array(resources.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, resources.length) }, async () => {
      while (next < resources.length) {
        const i = next++;
        perResource[i] = await pack.analyze(resources[i]);
      }
    }),
  );
  return [...perResource.flat(), ...(await pack.analyzeStack(resources))];
}

export async function runCheck(options: CheckOptions): Promise<{ reports: CheckReport[]; packVersion: string; timings: Timings }> {
  const progress = options.progress ?? (() => undefined);
  const project = projectName(options.projectDir);
  const sdk = options.sdk ?? loadSdk(findProgramSdk(options.targets.map((t) => t.program), options.projectDir));

  if (!options.packProcess) progress("starting the policy pack (run-policy-pack)");
  let packReadyAtMs = 0;
  const packReady = (options.packProcess ?? spawnPolicyPack({ packDir: options.packDir })).then((p) => {
    packReadyAtMs = Math.round(performance.now());
    return connectPolicyPack(p, sdk);
  });
  packReady.catch(() => undefined); // observed below; avoid an unhandled rejection while programs run
  const typechecked = options.typecheck ?? startTypecheck(options.targets.map((t) => t.program), checkCacheDir(options.projectDir));
  // What the check waits for once the programs ran, for the progress line: the pack's start, the type-check, or both.
  let packStarted = false;
  let typecheckDone = false;
  void packReady.then(() => (packStarted = true), () => undefined);
  void typechecked.then(() => (typecheckDone = true));

  let programMs = 0;
  let analyzeMs = 0;
  const reports: CheckReport[] = [];
  let pack: RunningPack | undefined;
  try {
    const guardrails = loadPolicyConfig(options.policyConfigFile);
    const configs = options.targets.map((t) => loadStackConfig(t.configFile, t.configRequired));
    const runs = [];
    for (const [i, target] of options.targets.entries()) {
      progress(`running ${path.relative(options.projectDir, target.program) || "."} for stack ${target.stack} under mocks (preview)`);
      const start = Date.now();
      const invokes = offlineInvokes(target.program, checkCacheDir(options.projectDir), options.invokeFixtures);
      const run = await runProgram({ program: target.program, project, stack: target.stack, config: configs[i].config, secretKeys: configs[i].secretKeys, invokes, existing: target.recorded?.existing, sdk });
      runs.push({ ...run, placeholders: invokes.placeholders });
      programMs += Date.now() - start;
    }
    const programs = options.targets.length === 1 ? "the program" : `${options.targets.length} programs`;
    const typecheckWait = `the type-check of ${programs} (as ts-node under pulumi preview; a changed program compiles every declaration it imports, several seconds)`;
    progress(`waiting for ${[!packStarted && "the policy pack to start", !typecheckDone && typecheckWait].filter(Boolean).join(" and ") || "the policy pack"}`);
    pack = await packReady;
    const info = await pack.info();
    await pack.configure(policyConfigFor(info.policies, guardrails));
    const waitStart = Date.now();
    if (!typecheckDone) progress(`waiting for ${typecheckWait}`);
    const typeErrors = await typechecked;
    const typecheckWaitMs = Date.now() - waitStart;
    for (const [i, target] of options.targets.entries()) {
      const run = runs[i];
      const programError = typecheckError(typeErrors.get(path.resolve(target.program))) ?? run.error?.message;
      progress(`analyzing ${run.resources.length} resources of stack ${target.stack}`);
      const start = Date.now();
      const refusals = refusalDiagnostics(run.refused, target.stack, project);
      const diagnostics = programError ? [] : [...refusals.diagnostics, ...(await analyzeResources(pack, run.resources))];
      analyzeMs += Date.now() - start;
      const report =
        buildReport({
          stack: target.stack,
          program: path.relative(options.projectDir, target.program) || ".",
          configFile: configs[i].file ? path.relative(options.projectDir, configs[i].file!) : undefined,
          resources: run.resources,
          diagnostics,
          refused: refusals.resources,
          notes: guardrails.notes,
          programError,
          placeholders: run.placeholders,
        });
      const recorded = target.recorded;
      const prices = options.prices && { ...options.prices, region: configs[i].config["alicloud:region"] ?? "(no alicloud:region)" };
      const changed = recorded && !programError ? attachChanges(report, stateChanges(recorded, run.resources, configs[i].config, report.configFile, guardrails.limits, target.live, prices)) : report;
      reports.push(withCosts(changed, { prices, captured: run.resources, limits: guardrails.limits, now: options.now ?? new Date() }));
    }
    const typecheckCached = [...typeErrors.values()].every((r) => r.cached);
    return { reports, packVersion: info.version, timings: { packReadyAtMs, programMs, analyzeMs, typecheckWaitMs, typecheckCached } };
  } finally {
    await (pack ?? (await packReady.catch(() => undefined)))?.close();
  }
}
