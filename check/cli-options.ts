/**
 * emr-check's command line: its options, their parsing (commander) and the flags that exclude each other. A bad
 * flag is a UsageError (exit 2) naming the flag and a right example; --help prints and exits 0.
 */
import { Command, CommanderError, Option } from "commander";
import { FORMATS, formatParser, outputParser, type OutputArg } from "./report/outputs";
import type { FailOn } from "./report/model";
import { UsageError } from "./errors";

export interface CliOptions {
  stack: string[];
  program?: string[];
  configFile?: string;
  policyConfig?: string;
  packLoader: "bundle" | "ts-node";
  timings?: boolean;
  quiet?: boolean;
  state?: string;
  /** The --state document (or the --plan's preview) was made right after `pulumi refresh`: its counts are live. */
  refreshed?: boolean;
  /** With --state: read the recorded clusters' live counts from the EMR API (credentials). */
  live?: boolean;
  plan?: string;
  audit?: string[];
  invokes?: string;
  /** A price book (JSON or YAML): each cluster's monthly cost, and the cost rules. */
  prices?: string;
  /** Whether --stack was given, not defaulted (a --config-file then names the stack). */
  stackGiven: boolean;
  // Reports (check/report/outputs.ts): --format/--output pairs, in the order given.
  format?: OutputArg[];
  output?: OutputArg[];
  details?: boolean;
  failOn: FailOn;
  explain?: string;
  listRules?: boolean;
  listPresets?: boolean;
}

export function parseArgs(argv: string[]): CliOptions {
  const reports: OutputArg[] = [];
  const program = new Command("emr-check")
    .description("Run a stack's Pulumi program with the cloud mocked (as a preview) and check every resource with the emr-guardrails policy pack.")
    .option("-s, --stack <name...>", "stack(s) whose config to use: Pulumi.<name>.yaml in the project's stackConfigDir", ["dev"])
    .option("-p, --program <path...>", "program file(s) or folder(s) to run instead of the project's (e.g. stacks/examples/*.ts)")
    .option("-c, --config-file <file>", "stack config file; the stack is named after it (Pulumi.<stack>.yaml) unless --stack is given (with --program, default: Pulumi.<stack>.yaml next to the program, if any)")
    .option("--policy-config <file>", "policy pack config, as `pulumi preview --policy-pack-config` takes it (default: guardrails.json when present)")
    .addOption(new Option("--pack-loader <loader>", "what the pack runs: bundle (policies/dist, what `pulumi preview` loads) or ts-node (the TypeScript sources, type-checked)").choices(["bundle", "ts-node"]).default("bundle"))
    .option("--state <file>", "change-aware: a `pulumi stack export` of the stack; its clusters are the before of the program's")
    .option("--live", "with --state: read each recorded cluster's live node counts from the EMR API (your credentials, read only), so the report shows the exact calls")
    .option("--refreshed", "with --state or --plan: the document was made right after `pulumi refresh`, so its node counts are the live ones (auto-scaled groups included)")
    .option("--plan <file>", "change-aware: a `pulumi preview --json`; judges the plan's changes only (the program is not run)")
    .option("--audit <file...>", "audit what a stack recorded (a `pulumi stack export`) with the pack; no program is run")
    .option("--invokes <file>", "results of data sources (invokes) offline, JSON or YAML: { <token>: <result> } (default: shaped like the provider's declared result, strings as placeholders)")
    .option("--prices <file>", "a price book, JSON or YAML (emr-prices build makes one from the live price APIs): each cluster's monthly cost now and after the change, and the cost rules")
    .option("--timings", "print where the time went (stderr)")
    .option("-q, --quiet", "no progress output")
    // Reports and verdict
    .option("-f, --format <format>", `report format: ${FORMATS.join(", ")} (default text); repeat with --output for several reports`, formatParser(reports))
    .option("-o, --output <file>", "write the report of the --format before it to a file (one format without an output goes to stdout)", outputParser(reports))
    .option("--details", "text: each cluster's merged spec (instance types, disks, payment, auto scaling, protections)")
    .addOption(new Option("--fail-on <level>", "exit 1 on mandatory violations only, or on advisory ones too").choices(["mandatory", "advisory"]).default("mandatory"))
    .option("--explain <rule>", "what a rule (a policy or a change rule) checks, its kind, level, fix and config properties (no program runs)")
    .option("--list-rules", "every rule: the pack's policies and the change rules, with kind, level and description (no program runs)")
    .option("--list-presets", "the planning presets and what each builds (no program runs)")
    .addHelpText("after", "\nCommands:\n  record-state --stack <name> [--output <file>]  write a before-state for --state from the stack's program, offline (see emr-check record-state --help)")
    .exitOverride()
    .configureOutput({ writeErr: () => undefined, writeOut: (s) => process.stdout.write(s) });
  try {
    program.parse(argv, { from: "user" });
  } catch (err) {
    if (err instanceof CommanderError && (err.code === "commander.helpDisplayed" || err.code === "commander.version")) process.exit(0);
    throw new UsageError(`${(err as Error).message.replace(/^error: /, "")}; see emr-check --help (e.g. emr-check --stack dev --format markdown)`);
  }
  const opts = { ...program.opts<CliOptions>(), stackGiven: program.getOptionValueSource("stack") !== "default" };
  checkModes(opts, opts.stackGiven);
  return opts;
}

/** Flags that exclude each other: --audit reads a state without a program, --plan carries its own before and after. */
function checkModes(opts: CliOptions, stackGiven: boolean): void {
  const modes = [opts.state && "--state", opts.plan && "--plan", opts.audit && "--audit"].filter((m): m is string => !!m);
  if (modes.length > 1) throw new UsageError(`${modes.join(" and ")} exclude each other: --state compares the program with a recorded state, --plan judges a plan's changes, --audit checks a recorded state (e.g. emr-check --stack prod --state state.json)`);
  if ((opts.plan || opts.audit) && opts.program?.length) throw new UsageError(`${modes[0]} runs no program: leave out --program (e.g. emr-check ${modes[0] === "--plan" ? "--stack prod --plan plan.json" : "--audit state.json"})`);
  if (opts.live && !opts.state) throw new UsageError("--live reads the live counts of the clusters a --state records: give it with --state (e.g. emr-check --stack prod --state state.json --live)");
  if (opts.refreshed && !opts.state && !opts.plan) throw new UsageError("--refreshed says how a --state or --plan document was made: give it with one of them (e.g. emr-check --stack prod --state state.json --refreshed)");
  if (opts.audit && opts.prices) throw new UsageError("--prices prices a program's clusters (and their change with --state or --plan); --audit runs no program: leave out --prices (e.g. emr-check --stack prod --state state.json --prices prices.json)");
  if (opts.audit && stackGiven) throw new UsageError("--audit takes the stack from the export itself: leave out --stack (e.g. emr-check --audit prod-state.json)");
  if ((opts.state || opts.plan) && (opts.stack.length > 1 || (opts.program?.length ?? 0) > 1)) throw new UsageError(`${modes[0]} is one stack's document: give one --stack${opts.program ? " and one --program" : ""} (e.g. emr-check --stack prod ${modes[0]} ${opts.state ? "state.json" : "plan.json"})`);
}
