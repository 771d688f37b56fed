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
import { prebuiltPack } from "./prebuilt-pack";
import type { CheckTarget } from "./run-check";
import { loadInvokeFixtures } from "./invokes";
import { checkTargets, findProject } from "./project";
import { checkCacheDir, startTypecheck } from "./typecheck";
import { loadPolicyConfig, loadStackConfig, policyConfigFile } from "./stack-config";

const FORMATS = ["text", "json", "markdown", "sarif"] as const;
type Format = (typeof FORMATS)[number];

interface CliOptions {
  stack: string[];
  program?: string[];
  configFile?: string;
  format: Format;
  policyConfig?: string;
  output?: string;
  packLoader: "esbuild" | "ts-node";
  timings?: boolean;
  quiet?: boolean;
  invokes?: string;
  /** Whether --stack was given, not defaulted (a --config-file then names the stack). */
  stackGiven: boolean;
}

function parseArgs(argv: string[]): CliOptions {
  const program = new Command("emr-check")
    .description("Run a stack's Pulumi program with the cloud mocked (as a preview) and check every resource with the emr-guardrails policy pack.")
    .option("-s, --stack <name...>", "stack(s) to check: a name (its Pulumi.<name>.yaml in the project's stackConfigDir) or the stack file's path", ["dev"])
    .option("-p, --program <path...>", "program file(s) or folder(s) to run instead of the project's (e.g. stacks/examples/*.ts)")
    .option("-c, --config-file <file>", "stack config file; the stack is named after it (Pulumi.<stack>.yaml) unless --stack is given (with --program, default: Pulumi.<stack>.yaml next to the program, if any)")
    .addOption(new Option("-f, --format <format>", "report format").choices(FORMATS).default("text"))
    .option("--policy-config <file>", "policy pack config, as `pulumi preview --policy-pack-config` takes it (default: guardrails.json when present)")
    .option("-o, --output <file>", "write the report to a file (the summary still goes to stderr)")
    .addOption(new Option("--pack-loader <loader>", "how the pack's TypeScript is loaded: esbuild (prebuilt, fast) or ts-node (type-checked, exactly as the Pulumi CLI)").choices(["esbuild", "ts-node"]).default("esbuild"))
    .option("--invokes <file>", "results of data sources (invokes) offline, JSON or YAML: { <token>: <result> } (default: shaped like the provider's declared result, strings as placeholders)")
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
  return { ...program.opts<CliOptions>(), stackGiven: program.getOptionValueSource("stack") !== "default" };
}

async function main(argv: string[]): Promise<number> {
  const opts = parseArgs(argv);
  const project = findProject(process.cwd());
  const projectDir = project.dir;
  const progress = createProgress(process.stderr, opts.quiet === true);
  const targets = checkTargets(project, opts);
  // Cheap checks of the inputs first: a typo should not cost a policy pack start (nor relax the pack).
  const policyConfig = policyConfigFile(projectDir, opts.policyConfig);
  loadPolicyConfig(policyConfig);
  const invokeFixtures = opts.invokes ? loadInvokeFixtures(opts.invokes) : undefined;
  for (const t of targets) loadStackConfig(t.configFile, t.configRequired);
  // The pack's start (ts-node, type-checked) is the slowest step: begin it before loading the SDK and the program.
  progress.step("starting the policy pack (run-policy-pack)");
  const sourcePackDir = path.join(projectDir, "policies");
  const packDir = opts.packLoader === "esbuild" ? prebuiltPack(sourcePackDir, path.join(projectDir, "node_modules", ".cache", "emr-check")) : sourcePackDir;
  const packProcess = spawnPolicyPack({ packDir });
  // The programs' type-check (as ts-node under `pulumi preview`) runs in a worker beside the pack's start.
  const typecheck = startTypecheck(targets.map((t) => t.program), checkCacheDir(projectDir));
  packProcess.catch(() => undefined); // awaited in runCheck
  // Loaded only now (synchronously, so it works under any TypeScript loader): the SDK and the program are heavy.
  const { runCheck } = require("./run-check") as typeof import("./run-check");
  const { renderJson } = require("./report/json") as typeof import("./report/json");
  const { renderMarkdown } = require("./report/markdown") as typeof import("./report/markdown");
  const { renderSarif } = require("./report/sarif") as typeof import("./report/sarif");
  const { renderText } = require("./report/text") as typeof import("./report/text");
  // From the process start until here: Node, tsx, the SDK and the check's modules loading.
  const loadMs = Math.round(performance.now());
  try {
    const { reports, packVersion, timings } = await runCheck({
      projectDir,
      targets,
      packDir,
      packProcess,
      typecheck,
      invokeFixtures,
      policyConfigFile: policyConfig,
      progress: (s) => progress.step(s),
    });
    progress.done();
    const document =
      opts.format === "json" ? renderJson(reports)
      : opts.format === "markdown" ? renderMarkdown(reports)
      : opts.format === "sarif" ? renderSarif(reports, packVersion, projectDir)
      : reports.map(renderText).join("\n\n");
    if (opts.output) {
      fs.writeFileSync(opts.output, document + "\n");
      process.stderr.write(`report written to ${opts.output}\n`);
    } else process.stdout.write(document + "\n");
    if (opts.timings) {
      const total = Math.round(performance.now());
      process.stderr.write(`timings: load ${loadMs} ms, program ${timings.programMs} ms, pack ready at ${timings.packReadyAtMs} ms after process start (booting in parallel), analyze ${timings.analyzeMs} ms, total ${total} ms\n`);
    }
    if (opts.timings) process.stderr.write(`timings: type-check waited for ${timings.typecheckWaitMs} ms after the rest (${timings.typecheckCached ? "cached" : "compiled"})\n`);
    if (reports.some((r) => r.programError)) {
      // The text report on the terminal already says it; say it once.
      const shown = opts.format === "text" && !opts.output;
      for (const r of reports.filter((x) => x.programError && !shown)) process.stderr.write(`error: stack ${r.stack}: ${r.programError}\n`);
      return EXIT.usage;
    }
    return reports.some((r) => r.summary.mandatory > 0) ? EXIT.mandatory : EXIT.clean;
  } finally {
    progress.done();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    const message = err instanceof UsageError ? err.message : `unexpected failure: ${(err as Error)?.message ?? String(err)}`;
    process.stderr.write(`\nerror: ${message}\n`);
    process.exit(EXIT.usage);
  },
);
