/**
 * emr-check: the offline policy check of a stack (no cloud, no credentials, no Pulumi CLI).
 * Exit codes: 0 clean or advisory only, 1 a mandatory violation (or an advisory one with --fail-on advisory), 2 bad
 * usage or config, or no verdict (never a stack trace, never a pass).
 */
import * as fs from "fs";
import * as path from "path";
import { checkOutputs, outputTargets, type CheckInput, type Format, type OutputTarget } from "./report/outputs";
import { parseArgs, type CliOptions } from "./cli-options";
import { EXIT, UsageError } from "./errors";
import { packageVersion } from "./package-version";
import { createProgress } from "./progress";
import { spawnPolicyPack } from "./pack/pack-process";
import { bundleIsFresh, hasPackSources, packDirectory } from "./pack/prebuilt-pack";
import { findProgramSdk, findProjectSdk, loadProgramSdk } from "./program/sdk";
import type { CapturedResource } from "./program/capture";
import type { CheckReport } from "./report/model";
import type { Timings } from "./run-check";
import { loadInvokeFixtures } from "./inputs/invokes";
import { checkTargets, findProject, type Project } from "./inputs/project";
import { loadPolicyConfig, loadStackConfig, policyConfigFile, stackConfigPath } from "./inputs/stack-config";
import { checkCacheDir, startTypecheck } from "./program/typecheck";
import type { PriceBook } from "../policies/rules/cost";

/** What the run reads (a report must never overwrite it): the flag or role that names each, for the message. */
function checkInputs(project: Project, opts: CliOptions, policyConfig: string | undefined, packDir: string): CheckInput[] {
  const projectDir = project.dir;
  const given: Record<string, unknown> = { ...opts };
  const stacksDir = project.stackConfigDir;
  const stackFiles = fs.existsSync(stacksDir) ? fs.readdirSync(stacksDir).filter((f) => /^Pulumi\..+\.yaml$/.test(f)) : [];
  const programs = (opts.program ?? []).map((p) => path.resolve(p));
  // Options other helpers add (--state, --plan, --audit, --invokes) are inputs as soon as they exist.
  const fileOptions = ["state", "plan", "audit", "invokes", "prices"].flatMap((key) => {
    const value = given[key];
    const files = typeof value === "string" ? [value] : Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
    return files.map((file) => ({ path: path.resolve(file), what: `the --${key} file` }));
  });
  return [
    ...stackFiles.map((f) => ({ path: path.join(stacksDir, f), what: `the stack config of stack ${f.slice(7, -5)}` })),
    ...programs.flatMap((p) => opts.stack.map((stack) => ({ path: stackConfigPath(fs.existsSync(p) && fs.statSync(p).isDirectory() ? p : path.dirname(p), stack), what: `the stack config of stack ${stack}` }))),
    ...(opts.configFile ? [{ path: path.resolve(opts.configFile), what: "the --config-file stack config" }] : []),
    ...(policyConfig ? [{ path: path.resolve(policyConfig), what: opts.policyConfig ? "the --policy-config file" : "the policy config" }] : []),
    ...fileOptions,
    { path: path.join(projectDir, "Pulumi.yaml"), what: "the project file" },
    ...(programs.length ? programs.map((p) => ({ path: p, what: "a --program" })) : [{ path: stacksDir, what: "the project's program" }]),
    { path: packDir, what: "the policy pack" },
  ];
}

/** Writes each report: to its file (saying so on stderr), or to stdout. */
function writeReports(outputs: readonly OutputTarget[], render: (format: Format) => string | undefined): void {
  for (const o of outputs) {
    const document = render(o.format);
    if (document === undefined) continue;
    if (o.file) {
      fs.writeFileSync(o.file, document + "\n");
      process.stderr.write(`report written to ${o.file}\n`);
    } else process.stdout.write(document + "\n");
  }
}

async function main(argv: string[]): Promise<number> {
  // A command of its own: a before-state for --state, recorded offline from a stack's program.
  if (argv[0] === "record-state") return (require("./record/record-state") as typeof import("./record/record-state")).recordStateCli(argv.slice(1));
  const opts = parseArgs(argv);
  // From the rule catalog and the presets: no project, program or document is read.
  if (opts.explain !== undefined || opts.listRules || opts.listPresets) {
    const { explainRule, listPresets, listRules } = require("./explain") as typeof import("./explain");
    process.stdout.write((opts.explain !== undefined ? explainRule(opts.explain) : opts.listRules ? listRules() : listPresets()) + "\n");
    return EXIT.clean;
  }
  // The project is found from any folder of it (the nearest Pulumi.yaml upwards).
  const project = findProject(process.cwd());
  const projectDir = project.dir;
  // The outputs first: a report never overwrites an input, and a bad path fails now, not after the whole run.
  const outputs = outputTargets(opts.format ?? opts.output ?? []);
  const policyConfig = policyConfigFile(projectDir, opts.policyConfig);
  const packDir = packDirectory();
  checkOutputs(outputs, checkInputs(project, opts, policyConfig, packDir));
  try {
    return await check(opts, project, outputs, policyConfig, packDir);
  } catch (err) {
    // No verdict is never a pass: the machine-readable reports say so too (code scanning, the PR comment).
    const message = err instanceof UsageError ? err.message : `unexpected failure: ${(err as Error)?.message ?? String(err)}`;
    const { renderFailure } = require("./report/render") as typeof import("./report/render");
    writeReports(outputs, (format) => renderFailure(format, message, packageVersion(packDir), projectDir));
    throw err;
  }
}

async function check(opts: CliOptions, project: Project, outputs: readonly OutputTarget[], policyConfig: string | undefined, packDir: string): Promise<number> {
  const projectDir = project.dir;
  const progress = createProgress(process.stderr, opts.quiet === true);
  const prices = opts.prices ? readPrices(opts.prices) : undefined;
  // Modules of one mode load only in that mode: the pack should start as early as it can (it is the longest path).
  // The audit's documents are read first (a bad one fails in milliseconds); its runner loads the SDK.
  const auditDocument = opts.audit ? (require("./audit/audit-document") as typeof import("./audit/audit-document")) : undefined;
  // --plan: the pack judges the resources the plan creates or updates, as an audit of their new states.
  const plan = opts.plan ? planTarget(project, opts, opts.plan, prices) : undefined;
  const audits = plan ? [plan.audited] : auditDocument && opts.audit ? opts.audit.map(auditDocument.loadAudit) : [];
  const audit = audits.length ? (require("./audit/audit") as typeof import("./audit/audit")) : undefined;
  const targets = audits.length ? [] : checkTargets(project, opts);
  // Cheap checks of the inputs first: a typo should not cost a policy pack start (nor relax the pack).
  loadPolicyConfig(policyConfig);
  const invokeFixtures = opts.invokes ? loadInvokeFixtures(opts.invokes) : undefined;
  // The change-aware check's module (documents, change rules, release checklists): --state only.
  const changeCheck = opts.state ? (require("./change/change-check") as typeof import("./change/change-check")) : undefined;
  for (const t of targets) {
    const { config, file } = loadStackConfig(t.configFile, t.configRequired);
    if (changeCheck && opts.state) {
      changeCheck.retireEntries(config, file); // a bad emr:retire fails now, before the pack starts
      t.recorded = changeCheck.loadRecordedState(opts.state, opts.refreshed === true);
      if (opts.live) t.live = await (require("./change/live") as typeof import("./change/live")).readLiveClusters(t.recorded, config["alicloud:region"]);
    }
  }
  // The program's own SDK, one copy (check/program/sdk.ts): found before anything starts, so a project without one
  // fails at once, naming the fix.
  const sdkLocation = audits.length ? findProjectSdk(projectDir) : findProgramSdk(targets.map((t) => t.program), projectDir);
  // The pack boots in its own process while this one loads the SDK and runs the program: start it first.
  progress.step("starting the policy pack (run-policy-pack)");
  const sources = hasPackSources(packDir);
  if (opts.packLoader === "ts-node" && !sources) throw new UsageError(`--pack-loader ts-node runs the pack's TypeScript sources, and the installed pack ${packDir} ships its bundle only: leave out --pack-loader`);
  let fromSource = opts.packLoader === "ts-node";
  if (!fromSource && sources && !bundleIsFresh(packDir)) {
    // Never report an old build's verdicts: run the edited sources (slower) and say how to refresh the bundle.
    process.stderr.write("warning: policies/dist/index.js was not built from the current policies/*.ts; checking with the TypeScript sources (ts-node). Refresh it: npm run build:pack\n");
    fromSource = true;
  }
  const packProcess = spawnPolicyPack({ packDir, entry: fromSource ? "index.ts" : "." });
  packProcess.catch(() => undefined); // awaited in runCheck
  // The programs' type-check (as ts-node under `pulumi preview`) runs in a worker beside the pack's start.
  const typecheck = targets.length ? startTypecheck(targets.map((t) => t.program), checkCacheDir(projectDir)) : undefined;
  // The SDKs load now, while the pack boots: plain JavaScript, with tsx's hooks off (see typescript-hooks.js).
  // @pulumi/alicloud loads a service's module on first use: those of the components' resources (the EMR API
  // client's SDK is loaded only by live checks, off here).
  const sdk = loadProgramSdk(sdkLocation, targets.map((t) => t.program));
  // Loaded only now (synchronously, so it works under any TypeScript loader): the SDK and the program are heavy.
  const { runCheck } = require("./run-check") as typeof import("./run-check");
  // From the process start until here: Node, tsx, the SDK and the check's modules loading.
  const loadMs = Math.round(performance.now());
  try {
    const result = audit
      ? await audit.runAudit({ audits, packProcess, sdk, policyConfigFile: policyConfig, progress: (s) => progress.step(s) })
      : await runCheck({ projectDir, targets, packDir, packProcess, sdk, typecheck, invokeFixtures, policyConfigFile: policyConfig, progress: (s) => progress.step(s), ...(prices ? { prices } : {}) });
    if (plan) result.reports = [plan.report(result.reports[0])];
    progress.done();
    return finish(opts, projectDir, outputs, result, loadMs);
  } finally {
    progress.done();
  }
}

/** Writes the reports (every --format/--output pair) and returns the exit code. */
function finish(opts: CliOptions, projectDir: string, outputs: readonly OutputTarget[], result: { reports: CheckReport[]; packVersion: string; timings?: Timings }, loadMs = 0): number {
  const { renderReports } = require("./report/render") as typeof import("./report/render");
  const { withFailOn } = require("./report/model") as typeof import("./report/model");
  const reports = result.reports.map((r) => withFailOn(r, opts.failOn));
  writeReports(outputs, (format) => renderReports(format, reports, { packVersion: result.packVersion, root: projectDir, details: opts.details === true }));
  if (opts.timings && result.timings) {
    const total = Math.round(performance.now());
    const t = result.timings;
    process.stderr.write(`timings: load ${loadMs} ms, program ${t.programMs} ms, pack ready at ${t.packReadyAtMs} ms after process start (booting in parallel), analyze ${t.analyzeMs} ms, total ${total} ms\n`);
    if (t.typecheckWaitMs !== undefined) process.stderr.write(`timings: type-check waited for ${t.typecheckWaitMs} ms after the rest (${t.typecheckCached ? "cached" : "compiled"})\n`);
  }
  if (reports.some((r) => r.programError)) {
    // The text report on the terminal already says it: say it once.
    const shown = outputs.some((o) => o.format === "text" && !o.file);
    for (const r of reports.filter((x) => x.programError && !shown)) process.stderr.write(`error: stack ${r.stack}: ${r.programError}\n`);
    return EXIT.usage;
  }
  // A mandatory violation or a mandatory change verdict fails the report.
  return reports.some((r) => !r.summary.passed) ? EXIT.mandatory : EXIT.clean;
}

/** `--prices`: the price book, read and checked before anything runs (a bad one is exit 2, never prices of 0). */
function readPrices(file: string): { book: PriceBook; file: string } {
  const { readPriceBook, PriceBookError } = require("../prices/book") as typeof import("../prices/book");
  try {
    return { book: readPriceBook(file), file };
  } catch (err) {
    throw err instanceof PriceBookError ? new UsageError(err.message) : err;
  }
}

/**
 * `--plan`: one stack's config (for emr:retire); the resources the plan creates or updates, for the pack (no program
 * runs: the plan is its result); and how to make the report once the pack has judged them (with its costs).
 */
function planTarget(project: Project, opts: CliOptions, planFile: string, prices?: { book: PriceBook; file: string }): { audited: { file: string; stack: string; resources: CapturedResource[]; recordsIgnoreChanges: boolean }; report: (analyzed: CheckReport) => CheckReport } {
  const projectDir = project.dir;
  const stack = opts.stack[0];
  const configFile = opts.configFile ? path.resolve(opts.configFile) : stackConfigPath(project.stackConfigDir, stack);
  const { config, file } = loadStackConfig(configFile, !!opts.configFile);
  const { limits } = loadPolicyConfig(policyConfigFile(projectDir, opts.policyConfig));
  const { planReport, retireEntries } = require("./change/change-check") as typeof import("./change/change-check");
  const { loadPlannedStates } = require("./audit/audit-document") as typeof import("./audit/audit-document");
  const { withCosts } = require("./change/costs") as typeof import("./change/costs");
  retireEntries(config, file); // a bad emr:retire fails now, before the pack starts
  const resources = loadPlannedStates(planFile);
  const priced = prices && { ...prices, region: config["alicloud:region"] ?? "(no alicloud:region)" };
  const report = (analyzed: CheckReport) => {
    // The pack's audit of the plan's new states carries no costs: the plan's before and after do.
    const { costs: _none, ...judged } = analyzed;
    const changed = planReport({ stack, file: planFile, config, configFile: file ? path.relative(projectDir, file) : undefined, limits, refreshed: opts.refreshed === true, analyzed: judged, ...(priced ? { prices: priced } : {}) });
    return withCosts(changed, { ...(priced ? { prices: priced } : {}), limits, now: new Date() });
  };
  // A plan of engine v3.2xx records the new states' ignoreChanges; an older one does not (then the policy about it is off).
  return { audited: { file: planFile, stack, resources, recordsIgnoreChanges: resources.some((r) => r.ignoreChanges !== undefined) }, report };
}

/**
 * Exits once stdout and stderr have drained: `process.exit` right after a write cuts a report larger than a pipe's
 * buffer (64 KB) when the output goes to a pipe (`emr-check --format json | jq`), which would be a silent truncation.
 */
function exitWhenDrained(code: number): void {
  let pending = 2;
  const done = () => --pending === 0 && process.exit(code);
  process.stdout.write("", done);
  process.stderr.write("", done);
}

/**
 * SIGINT (Ctrl-C) and SIGTERM (a CI job cancelled, `kill <pid>`) end the check with every process it started: by
 * default Node dies on them without running its "exit" listeners, which is where each policy pack's process is killed
 * (pack-process.ts), so the pack kept running. Exit code 128 + the signal's number, as a shell reports it.
 */
function endOnSignals(): void {
  // The real exit: while a program runs, process.exit is the program's, intercepted (program-error.ts).
  const exit = process.exit.bind(process);
  for (const [signal, number] of [["SIGINT", 2], ["SIGTERM", 15]] as const) {
    process.once(signal, () => {
      process.stderr.write(`\nemr-check: stopped by ${signal}; no verdict\n`);
      exit(128 + number);
    });
  }
}

endOnSignals();
main(process.argv.slice(2)).then(exitWhenDrained, (err) => {
  const message = err instanceof UsageError ? err.message : `unexpected failure: ${(err as Error)?.message ?? String(err)}`;
  process.stderr.write(`\nerror: ${message}\n`);
  exitWhenDrained(EXIT.usage);
});
