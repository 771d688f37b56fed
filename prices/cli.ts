/**
 * emr-prices build: a price book for exactly what the stacks use, from the live price APIs with your credentials
 * (read-only: ECS DescribePrice, BSS QueryProductList / DescribePricingModule / GetPayAsYouGoPrice /
 * GetSubscriptionPrice). Each stack's program runs offline under mocks, as emr-check runs it, to learn its instance
 * types, disks, payment types and metastore; then each region is priced. EMR_ENDPOINT / EMR_PROTOCOL point every
 * product at one host (the emulator serves them all on one port).
 * Exit codes: 0 the book is written (what could not be priced is listed on stderr and left out of it), 1 a price API
 * failed (its Code, Message, RequestId), 2 bad usage or config.
 */
import * as fs from "fs";
import * as path from "path";
import { Command } from "commander";
import { stringify as toYaml } from "yaml";
import { EXIT, UsageError } from "../check/errors";
import { parseCommand, runAsProcess, type CommandIo } from "../client/command-io";
import { checkTargets, findProject } from "../check/inputs/project";
import { loadStackConfig } from "../check/inputs/stack-config";
import { checkCacheDir } from "../check/program/typecheck";
import { findProgramSdk, loadProgramSdk } from "../check/program/sdk";
import { connectionFromEnv } from "../client/index";
import { EmrApiError, EmrInputError } from "../client/errors";
import type { PriceBook, RegionPrices } from "../policies/rules/cost";
import { addNeeds, emptyNeeds, type RegionNeeds } from "./needs";
import { CHINA_SITE_RDS_PRODUCTS, buildRegionPrices } from "./build";
import { parsePriceBook } from "./book";

interface Options {
  stack: string[];
  program?: string[];
  configFile?: string;
  output?: string;
  name?: string;
  emrProduct?: string;
  quiet?: boolean;
}

function parseArgs(argv: string[], io: CommandIo): { opts: Options; stackGiven: boolean } | number {
  const program = new Command("emr-prices")
    .description("Build a price book (for emr-check --prices) from the live price APIs, for exactly what the stacks use.")
    .argument("<command>", "build")
    .option("-s, --stack <name...>", "the stacks whose clusters to price: the project's stack file Pulumi.<name>.yaml", ["dev"])
    .option("-p, --program <path...>", "program file(s) or folder(s) to run instead of the project's")
    .option("-c, --config-file <file>", "stack config file (the stack is named after it unless --stack is given)")
    .option("-o, --output <file>", "where to write the book (.json or .yaml; default: stdout, JSON)")
    .option("--name <text>", "the book's name (default: prices of stacks <stacks>)")
    .option("--emr-product <code>", "the BSS product of the EMR service fee, <ProductCode>[:<ProductType>] (default: the product QueryProductList names E-MapReduce)")
    .option("-q, --quiet", "no progress output");
  const exit = parseCommand(program, argv, io);
  if (exit !== undefined) return exit;
  const command = program.args[0];
  if (command !== "build") throw new UsageError(`unknown command "${command}": emr-prices build --stack <stack> --output prices.json`);
  return { opts: program.opts<Options>(), stackGiven: program.getOptionValueSource("stack") !== "default" };
}

/** What every stack's program registers, by region. */
async function stackNeeds(opts: Options, stackGiven: boolean, progress: (s: string) => void): Promise<Map<string, RegionNeeds>> {
  const project = findProject(process.cwd());
  const targets = checkTargets(project, { stack: opts.stack, stackGiven, program: opts.program, configFile: opts.configFile });
  // The programs' own SDK (one copy, resolved from their folder, as emr-check runs them), loaded with tsx's hooks off.
  const programs = targets.map((t) => t.program);
  const sdk = loadProgramSdk(findProgramSdk(programs, project.dir), programs);
  const { runProgram } = require("../check/program/run-program") as typeof import("../check/program/run-program");
  const { offlineInvokes } = require("../check/inputs/invokes") as typeof import("../check/inputs/invokes");
  const { projectName } = require("../check/run-check") as typeof import("../check/run-check");
  const { decodeValue } = require("../check/change/documents") as typeof import("../check/change/documents");
  const byRegion = new Map<string, RegionNeeds>();
  for (const t of targets) {
    const { config, secretKeys } = loadStackConfig(t.configFile, t.configRequired);
    const region = config["alicloud:region"];
    if (!region) throw new UsageError(`stack ${t.stack}: no alicloud:region in its config; the book is per region (e.g. alicloud:region: cn-hangzhou)`);
    progress(`running the program of stack ${t.stack} offline to learn what it uses`);
    const run = await runProgram({ program: t.program, project: projectName(project.dir), stack: t.stack, config, secretKeys, invokes: offlineInvokes(t.program, checkCacheDir(project.dir)), sdk });
    if (run.error) throw new UsageError(`stack ${t.stack}: the program failed: ${run.error.message}`);
    const needs = byRegion.get(region) ?? emptyNeeds();
    for (const r of run.resources.filter((x) => x.custom)) addNeeds(needs, r.type, decodeValue(r.inputs) as Record<string, unknown>);
    byRegion.set(region, needs);
  }
  return byRegion;
}

async function build(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseArgs(argv, io);
  if (typeof parsed === "number") return parsed;
  const { opts, stackGiven } = parsed;
  const progress = (s: string) => opts.quiet || io.err(s);
  const emrProduct = opts.emrProduct ? { ProductCode: opts.emrProduct.split(":")[0], ...(opts.emrProduct.includes(":") ? { ProductType: opts.emrProduct.split(":")[1] } : {}) } : undefined;
  if (opts.output && !fs.existsSync(path.dirname(path.resolve(opts.output)))) throw new UsageError(`--output ${opts.output}: its folder does not exist`);
  const connection = connectionFromEnv(io.env);
  const byRegion = await stackNeeds(opts, stackGiven, progress);
  const regions: Record<string, RegionPrices> = {};
  const { createPriceClients } = require("../client/prices") as typeof import("../client/prices");
  for (const [region, needs] of byRegion) {
    progress(`pricing ${needs.instances.size} instance types, ${needs.disks.size} disk kinds, ${needs.rdsClasses.size} RDS classes in ${region}`);
    const clients = createPriceClients({ regionId: region, ...connection });
    const built = await buildRegionPrices(needs, { region, clients, now: new Date(), ...(emrProduct ? { emrProduct } : {}), rdsProducts: CHINA_SITE_RDS_PRODUCTS });
    regions[region] = built.prices;
    for (const m of built.missing) io.err(`not priced (left out of the book; emr-check lists it as unpriced): ${m}`);
  }
  const book: PriceBook = { name: opts.name ?? `prices of stacks ${opts.stack.join(", ")}`, regions };
  parsePriceBook(book, opts.output ?? "(stdout)"); // the book written is one the check reads
  const text = opts.output && /\.ya?ml$/i.test(opts.output) ? toYaml(book) : JSON.stringify(book, null, 2) + "\n";
  if (opts.output) {
    fs.writeFileSync(opts.output, text);
    progress(`price book written to ${opts.output}`);
  } else io.out(text);
  return EXIT.clean;
}

/** emr-prices: exit 0 the book is written, 1 a price API failed, 2 bad usage or config; one line, no stack trace. */
async function runPrices(argv: string[], io: CommandIo): Promise<number> {
  try {
    return await build(argv, io);
  } catch (err) {
    const usage = err instanceof UsageError || err instanceof EmrInputError;
    io.err(`emr-prices: ${err instanceof EmrApiError ? err.describe() : err instanceof Error ? err.message : String(err)}`);
    return usage ? EXIT.usage : 1;
  }
}

runAsProcess(runPrices);
