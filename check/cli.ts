/**
 * emr-check: the offline policy check of a stack (no cloud, no credentials, no Pulumi CLI).
 * Exit codes: 0 clean or advisory only, 1 a mandatory violation, 2 bad usage or config (never a stack trace).
 */
import * as fs from "fs";
import * as path from "path";
import { Command, CommanderError, Option } from "commander";
import { EXIT, UsageError } from "./errors";
import { createProgress } from "./progress";
import { spawnPolicyPack } from "./pack-process";
import { bundleIsFresh } from "./prebuilt-pack";
import { requirePlain } from "./typescript-hooks";
import { loadRecordedState, planReport, retireEntries } from "./change-check";
import type { CheckReport } from "./report/model";
import type { CheckTarget, Timings } from "./run-check";
import { loadPolicyConfig, loadStackConfig, policyConfigFile, stackConfigPath } from "./stack-config";

const FORMATS = ["text", "json", "markdown", "sarif"] as const;
type Format = (typeof FORMATS)[number];

interface CliOptions {
  stack: string[];
  program?: string[];
  configFile?: string;
  format: Format;
  policyConfig?: string;
  output?: string;
  packLoader: "bundle" | "ts-node";
  timings?: boolean;
  quiet?: boolean;
  state?: string;
  plan?: string;
  audit?: string[];
}

function parseArgs(argv: string[]): CliOptions {
  const program = new Command("emr-check")
    .description("Run a stack's Pulumi program with the cloud mocked (as a preview) and check every resource with the emr-guardrails policy pack.")
    .option("-s, --stack <name...>", "stack(s) whose config to use: stacks/Pulumi.<name>.yaml", ["dev"])
    .option("-p, --program <path...>", "program file(s) or folder(s) to run instead of the project's (e.g. stacks/examples/*.ts)")
    .option("-c, --config-file <file>", "stack config file for --program (default: Pulumi.<stack>.yaml next to the program, if any)")
    .addOption(new Option("-f, --format <format>", "report format").choices(FORMATS).default("text"))
    .option("--policy-config <file>", "policy pack config, as `pulumi preview --policy-pack-config` takes it (default: guardrails.json when present)")
    .option("-o, --output <file>", "write the report to a file (the summary still goes to stderr)")
    .addOption(new Option("--pack-loader <loader>", "what the pack runs: bundle (policies/dist, what `pulumi preview` loads) or ts-node (the TypeScript sources, type-checked)").choices(["bundle", "ts-node"]).default("bundle"))
    .option("--state <file>", "change-aware: a `pulumi stack export` of the stack; its clusters are the before of the program's")
    .option("--plan <file>", "change-aware: a `pulumi preview --json`; judges the plan's changes only (the program is not run)")
    .option("--audit <file...>", "audit what a stack recorded (a `pulumi stack export`) with the pack; no program is run")
    .option("--timings", "print where the time went (stderr)")
    .option("-q, --quiet", "no progress output")
    .exitOverride()
    .configureOutput({ writeErr: () => undefined, writeOut: (s) => process.stdout.write(s) });
  try {
    program.parse(argv, { from: "user" });
  } catch (err) {
    if (err instanceof CommanderError && (err.code === "commander.helpDisplayed" || err.code === "commander.version")) process.exit(0);
    throw new UsageError(`${(err as Error).message.replace(/^error: /, "")}; see emr-check --help (e.g. emr-check --stack dev --format markdown)`);
  }
  const opts = program.opts<CliOptions>();
  checkModes(opts, program.getOptionValueSource("stack") === "cli");
  return opts;
}

/** One target per (program, stack); without --program, the project's own program with its stack files. */
function targets(projectDir: string, opts: CliOptions): CheckTarget[] {
  const configDir = path.join(projectDir, "stacks");
  if (!opts.program?.length) {
    return opts.stack.map((stack) => ({ stack, program: path.join(projectDir, "stacks"), configFile: stackConfigPath(configDir, stack), configRequired: true }));
  }
  return opts.program.flatMap((p) => {
    const program = path.resolve(p);
    if (!fs.existsSync(program)) throw new UsageError(`program ${p} does not exist (e.g. --program stacks/examples/enterprise-security-group.ts)`);
    const dir = fs.statSync(program).isDirectory() ? program : path.dirname(program);
    return opts.stack.map((stack) => ({
      stack,
      program,
      configFile: opts.configFile ? path.resolve(opts.configFile) : stackConfigPath(dir, stack),
      configRequired: !!opts.configFile,
    }));
  });
}

async function main(argv: string[]): Promise<number> {
  const opts = parseArgs(argv);
  const projectDir = process.cwd();
  const progress = createProgress(process.stderr, opts.quiet === true);
  if (opts.plan) return finish(opts, projectDir, { reports: [planTarget(projectDir, opts, opts.plan)], packVersion: "(no pack: --plan)" });
  // The audit reads documents only, but its module loads the SDK: only when asked.
  const audit = opts.audit ? (require("./audit") as typeof import("./audit")) : undefined;
  const audits = audit && opts.audit ? opts.audit.map(audit.loadAudit) : [];
  const checkTargets = audits.length ? [] : targets(projectDir, opts);
  // Cheap checks of the inputs first: a typo should not cost a policy pack start (nor relax the pack).
  const policyConfig = policyConfigFile(projectDir, opts.policyConfig);
  loadPolicyConfig(policyConfig);
  for (const t of checkTargets) {
    const { config, file } = loadStackConfig(t.configFile, t.configRequired);
    if (opts.state) {
      retireEntries(config, file); // a bad emr:retire fails now, before the pack starts
      t.recorded = loadRecordedState(opts.state);
    }
  }
  // The pack boots in its own process while this one loads the SDK and runs the program: start it first.
  progress.step("starting the policy pack (run-policy-pack)");
  const packDir = path.join(projectDir, "policies");
  let fromSource = opts.packLoader === "ts-node";
  if (!fromSource && !bundleIsFresh(packDir)) {
    // Never report an old build's verdicts: run the edited sources (slower) and say how to refresh the bundle.
    process.stderr.write("warning: policies/dist/index.js was not built from the current policies/*.ts; checking with the TypeScript sources (ts-node). Refresh it: npm run build:pack\n");
    fromSource = true;
  }
  const packProcess = spawnPolicyPack({ packDir, entry: fromSource ? "index.ts" : "." });
  packProcess.catch(() => undefined); // awaited in runCheck
  // The SDKs load now, while the pack boots: plain JavaScript, with tsx's hooks off (see typescript-hooks.js).
  // @pulumi/alicloud loads a service's module on first use: those of the components' resources; the components
  // also load the EMR API client's SDK (for their live checks, off here).
  requirePlain(["@pulumi/pulumi", "@pulumi/pulumi/proto/analyzer_grpc_pb", "@pulumi/alicloud/emrv2", "@pulumi/alicloud/ecs", "@pulumi/alicloud/rds", "@pulumi/random", "@alicloud/openapi-client", "@alicloud/openapi-util", "@alicloud/tea-util", "@alicloud/credentials"]);
  // Loaded only now (synchronously, so it works under any TypeScript loader): the SDK and the program are heavy.
  const { runCheck } = require("./run-check") as typeof import("./run-check");
  // From the process start until here: Node, tsx, the SDK and the check's modules loading.
  const loadMs = Math.round(performance.now());
  try {
    const result = audit
      ? await audit.runAudit({ audits, packProcess, policyConfigFile: policyConfig, progress: (s) => progress.step(s) })
      : await runCheck({ projectDir, targets: checkTargets, packDir, packProcess, policyConfigFile: policyConfig, progress: (s) => progress.step(s) });
    progress.done();
    return finish(opts, projectDir, result, loadMs);
  } finally {
    progress.done();
  }
}

/** Renders the reports in the chosen format and returns the exit code. */
function finish(opts: CliOptions, projectDir: string, result: { reports: CheckReport[]; packVersion: string; timings?: Timings }, loadMs = 0): number {
  const { renderJson } = require("./report/json") as typeof import("./report/json");
  const { renderMarkdown } = require("./report/markdown") as typeof import("./report/markdown");
  const { renderSarif } = require("./report/sarif") as typeof import("./report/sarif");
  const { renderText } = require("./report/text") as typeof import("./report/text");
  const { reports, packVersion, timings } = result;
  const document =
    opts.format === "json" ? renderJson(reports)
    : opts.format === "markdown" ? renderMarkdown(reports)
    : opts.format === "sarif" ? renderSarif(reports, packVersion, projectDir)
    : reports.map(renderText).join("\n\n");
  if (opts.output) {
    fs.writeFileSync(opts.output, document + "\n");
    process.stderr.write(`report written to ${opts.output}\n`);
  } else process.stdout.write(document + "\n");
  if (opts.timings && timings) {
    const total = Math.round(performance.now());
    process.stderr.write(`timings: load ${loadMs} ms, program ${timings.programMs} ms, pack ready at ${timings.packReadyAtMs} ms after process start (booting in parallel), analyze ${timings.analyzeMs} ms, total ${total} ms\n`);
  }
  if (reports.some((r) => r.programError)) {
    for (const r of reports.filter((x) => x.programError)) process.stderr.write(`error: stack ${r.stack}: ${r.programError}\n`);
    return EXIT.usage;
  }
  // A mandatory violation or a mandatory change verdict fails the report.
  return reports.some((r) => !r.summary.passed) ? EXIT.mandatory : EXIT.clean;
}

/** `--plan`: one stack's config (for emr:retire), the plan's changes; no program, no pack. */
function planTarget(projectDir: string, opts: CliOptions, planFile: string): CheckReport {
  const stack = opts.stack[0];
  const configFile = opts.configFile ? path.resolve(opts.configFile) : stackConfigPath(path.join(projectDir, "stacks"), stack);
  const { config, file } = loadStackConfig(configFile, !!opts.configFile);
  const { limits } = loadPolicyConfig(policyConfigFile(projectDir, opts.policyConfig));
  return planReport({ stack, file: planFile, config, configFile: file ? path.relative(projectDir, file) : undefined, limits });
}

/** Flags that exclude each other: --audit reads a state without a program, --plan carries its own before and after. */
function checkModes(opts: CliOptions, stackGiven: boolean): void {
  const modes = [opts.state && "--state", opts.plan && "--plan", opts.audit && "--audit"].filter((m): m is string => !!m);
  if (modes.length > 1) throw new UsageError(`${modes.join(" and ")} exclude each other: --state compares the program with a recorded state, --plan judges a plan's changes, --audit checks a recorded state (e.g. emr-check --stack prod --state state.json)`);
  if ((opts.plan || opts.audit) && opts.program?.length) throw new UsageError(`${modes[0]} runs no program: leave out --program (e.g. emr-check ${modes[0] === "--plan" ? "--stack prod --plan plan.json" : "--audit state.json"})`);
  if (opts.audit && stackGiven) throw new UsageError("--audit takes the stack from the export itself: leave out --stack (e.g. emr-check --audit prod-state.json)");
  if ((opts.state || opts.plan) && (opts.stack.length > 1 || (opts.program?.length ?? 0) > 1)) throw new UsageError(`${modes[0]} is one stack's document: give one --stack${opts.program ? " and one --program" : ""} (e.g. emr-check --stack prod ${modes[0]} ${opts.state ? "state.json" : "plan.json"})`);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    const message = err instanceof UsageError ? err.message : `unexpected failure: ${(err as Error)?.message ?? String(err)}`;
    process.stderr.write(`\nerror: ${message}\n`);
    process.exit(EXIT.usage);
  },
);
