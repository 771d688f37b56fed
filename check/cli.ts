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
import type { CheckTarget } from "./run-check";
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
  return program.opts<CliOptions>();
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
  const checkTargets = targets(projectDir, opts);
  // Cheap checks of the inputs first: a typo should not cost a policy pack start (nor relax the pack).
  const policyConfig = policyConfigFile(projectDir, opts.policyConfig);
  loadPolicyConfig(policyConfig);
  for (const t of checkTargets) loadStackConfig(t.configFile, t.configRequired);
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
  const { renderJson } = require("./report/json") as typeof import("./report/json");
  const { renderMarkdown } = require("./report/markdown") as typeof import("./report/markdown");
  const { renderSarif } = require("./report/sarif") as typeof import("./report/sarif");
  const { renderText } = require("./report/text") as typeof import("./report/text");
  // From the process start until here: Node, tsx, the SDK and the check's modules loading.
  const loadMs = Math.round(performance.now());
  try {
    const { reports, packVersion, timings } = await runCheck({
      projectDir,
      targets: checkTargets,
      packDir,
      packProcess,
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
    if (reports.some((r) => r.programError)) {
      for (const r of reports.filter((x) => x.programError)) process.stderr.write(`error: stack ${r.stack}: ${r.programError}\n`);
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
