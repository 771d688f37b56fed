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
import { parse } from "yaml";
import { DocumentError, readRecordedResources } from "../check/change/documents";
import { UsageError } from "../check/errors";
import { checkOutputs, formatParser, outputParser, outputTargets, type OutputArg } from "../check/report/outputs";
import { connectionFromEnv, createEmrReader } from "../client/index";
import { hasCredentials } from "../client/credentials";
import { EmrApiError, EmrInputError } from "../client/errors";
import { loadGuardrails } from "../components/guardrails";
import { detectDrift, DRIFT_EXIT } from "./drift";
import { render, summaryLine } from "./render";

const ROOT = path.join(__dirname, "..");

export type DriftIo = CommandIo;

interface Options { state: string; region?: string; stack?: string; format?: OutputArg[]; output?: OutputArg[] }

/** The region: --region, else the stack file's alicloud:region (--stack), else ALIBABA_CLOUD_REGION_ID. */
function regionOf(opts: Options, io: DriftIo): string | undefined {
  if (opts.region) return opts.region;
  if (opts.stack) {
    const file = path.join(ROOT, "stacks", `Pulumi.${opts.stack}.yaml`);
    if (!fs.existsSync(file)) throw new UsageError(`--stack ${opts.stack}: ${path.relative(io.cwd, file)} does not exist`);
    const region = (parse(fs.readFileSync(file, "utf8")) as { config?: Record<string, unknown> } | null)?.config?.["alicloud:region"];
    if (typeof region === "string") return region;
  }
  return io.env.ALIBABA_CLOUD_REGION_ID;
}

export async function runDrift(argv: string[], io: DriftIo): Promise<number> {
  const reports: OutputArg[] = [];
  const program = new Command("emr-drift")
    .description("Compare a stack's recorded state with its live EMR clusters (reads the EMR API only)")
    .requiredOption("--state <file>", "a `pulumi stack export` of the stack")
    .option("-s, --stack <name>", "the stack: its stack file gives the region (alicloud:region)")
    .option("-r, --region <regionId>", "region, e.g. cn-hangzhou (or the stack file's, or ALIBABA_CLOUD_REGION_ID)")
    .option("-f, --format <format>", "text, json, markdown or sarif (repeat with --output for several reports)", formatParser(reports))
    .option("-o, --output <file>", "write the report given by the --format before it to this file", outputParser(reports));
  const ended = parseCommand(program, argv, io);
  if (ended !== undefined) return ended;
  try {
    const opts = program.opts<Options>();
    const regionId = regionOf(opts, io);
    if (!regionId) throw new UsageError("missing --region (or --stack with alicloud:region in its stack file, or ALIBABA_CLOUD_REGION_ID)");
    if (!hasCredentials(io.env, io.env.HOME ?? homedir())) throw new UsageError("no Alibaba Cloud credentials: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET (a read-only key is enough)");
    const targets = outputTargets(reports);
    const stateFile = path.resolve(io.cwd, opts.state);
    checkOutputs(targets.map((t) => (t.file ? { ...t, file: path.resolve(io.cwd, t.file) } : t)), [{ path: stateFile, what: "--state" }]);
    if (!fs.existsSync(stateFile)) throw new UsageError(`--state ${opts.state} does not exist: give the output of \`pulumi stack export --file <file>\``);
    const resources = readRecordedResources(fs.readFileSync(stateFile, "utf8"), opts.state);
    const reader = createEmrReader({ regionId, ...connectionFromEnv(io.env) });
    const report = await detectDrift(reader, resources, opts.state, regionId, loadGuardrails(ROOT).limits);
    const version = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;
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
