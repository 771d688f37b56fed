/**
 * emr-drift: the recorded state of a stack (`pulumi stack export`) against its live clusters, read through the EMR
 * API with a read-only client (reads only: a read-only key is enough). Per property: in sync, changed, missing or
 * added by hand, each classed expected, risky or dangerous (drift/compare.ts), and the pack's mandatory rules on the
 * live clusters.
 * Exit codes: 0 no drift, 3 expected drift only, 4 risky drift (or a live cluster breaking a mandatory rule),
 * 5 dangerous drift; 1 an API error; 2 bad usage, a bad document, missing credentials or region.
 */
import * as fs from "fs";
import * as path from "path";
import { homedir } from "node:os";
import { Command } from "commander";
import { parseCommand, runAsProcess, type CommandIo } from "../client/command-io";
import { DocumentError, readRecordedResources } from "../check/change/documents";
import { UsageError } from "../check/errors";
import { projectAbove, type Project } from "../check/inputs/project";
import { loadPolicyConfig, loadStackConfig, policyConfigFile, stackConfigPath } from "../check/inputs/stack-config";
import { packageVersion } from "../check/package-version";
import { checkOutputs, formatParser, outputParser, outputTargets, type OutputArg } from "../check/report/outputs";
import { connectionFromEnv, createEmrReader } from "../client/index";
import { hasCredentials } from "../client/credentials";
import { EmrApiError, EmrInputError } from "../client/errors";
import type { GuardrailLimits } from "../policies/rules/domain";
import { detectDrift, DRIFT_EXIT } from "./drift";
import { render, summaryLine } from "./render";

export type DriftIo = CommandIo;

interface Options { state: string; region?: string; stack?: string; format?: OutputArg[]; output?: OutputArg[] }

/**
 * The region: --region, else the stack file's alicloud:region (--stack: Pulumi.<stack>.yaml in the project's
 * stackConfigDir), else ALIBABA_CLOUD_REGION_ID. `project`: the Pulumi project around the working folder, if any.
 */
function regionOf(opts: Options, project: Project | undefined, io: DriftIo): string | undefined {
  if (opts.region) return opts.region;
  if (opts.stack) {
    if (!project) throw new UsageError(`--stack ${opts.stack}: no Pulumi.yaml in ${io.cwd} or any folder above it, so no stack file to read the region from; run it inside your Pulumi project, or give --region (e.g. --region cn-hangzhou)`);
    // As emr-check reads it: a missing file names the project's known stacks, a bad one its YAML error.
    const region = loadStackConfig(stackConfigPath(project.stackConfigDir, opts.stack), true).config["alicloud:region"];
    if (region) return region;
  }
  return io.env.ALIBABA_CLOUD_REGION_ID;
}

/**
 * The limits the live clusters are judged by: the project's guardrails.json, read as emr-check reads it (a bad file is
 * a usage error listing every problem); the pack's defaults without one or outside any project.
 */
function limitsOf(project: Project | undefined): GuardrailLimits {
  return loadPolicyConfig(project ? policyConfigFile(project.dir, undefined) : undefined).limits;
}

export async function runDrift(argv: string[], io: DriftIo): Promise<number> {
  const reports: OutputArg[] = [];
  const program = new Command("emr-drift")
    .description("Compare a stack's recorded state with its live EMR clusters (reads the EMR API only)")
    .requiredOption("--state <file>", "a `pulumi stack export` of the stack")
    .option("-s, --stack <name>", "the stack: the project's stack file Pulumi.<name>.yaml gives the region (alicloud:region)")
    .option("-r, --region <regionId>", "region, e.g. cn-hangzhou (or the stack file's, or ALIBABA_CLOUD_REGION_ID)")
    .option("-f, --format <format>", "text, json, markdown or sarif (repeat with --output for several reports)", formatParser(reports))
    .option("-o, --output <file>", "write the report given by the --format before it to this file", outputParser(reports));
  const ended = parseCommand(program, argv, io);
  if (ended !== undefined) return ended;
  try {
    const opts = program.opts<Options>();
    // The user's project, when run inside one: its stack files and guardrails.json; with --state and --region alone
    // none is needed (the pack's default limits).
    const project = projectAbove(io.cwd);
    const regionId = regionOf(opts, project, io);
    if (!regionId) throw new UsageError("missing --region (or --stack with alicloud:region in its stack file, or ALIBABA_CLOUD_REGION_ID)");
    if (!hasCredentials(io.env, io.env.HOME ?? homedir())) throw new UsageError("no Alibaba Cloud credentials: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET (a read-only key is enough)");
    const targets = outputTargets(reports);
    const stateFile = path.resolve(io.cwd, opts.state);
    checkOutputs(targets.map((t) => (t.file ? { ...t, file: path.resolve(io.cwd, t.file) } : t)), [{ path: stateFile, what: "--state" }]);
    if (!fs.existsSync(stateFile)) throw new UsageError(`--state ${opts.state} does not exist: give the output of \`pulumi stack export --file <file>\``);
    const resources = readRecordedResources(fs.readFileSync(stateFile, "utf8"), opts.state);
    const reader = createEmrReader({ regionId, ...connectionFromEnv(io.env) });
    const report = await detectDrift(reader, resources, opts.state, regionId, limitsOf(project));
    const version = packageVersion(__dirname);
    for (const t of targets) {
      const text = render(report, t.format, version);
      if (t.file) fs.writeFileSync(path.resolve(io.cwd, t.file), text.endsWith("\n") ? text : `${text}\n`);
      else io.out(text);
    }
    if (targets.every((t) => t.file)) io.out(summaryLine(report));
    return DRIFT_EXIT[report.class];
  } catch (e) {
    if (e instanceof UsageError || e instanceof DocumentError || e instanceof EmrInputError) {
      io.err(`emr-drift: ${e.message}`);
      return 2;
    }
    io.err(`emr-drift: ${e instanceof EmrApiError ? e.describe() : e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

/** The command as its bin runs it. */
export function main(): void {
  runAsProcess(runDrift);
}
