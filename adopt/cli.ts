/**
 * emr-adopt: brings running EMR clusters under the program. Reads each cluster through the EMR API (a read-only
 * client: reads only, never a write), writes the `emr:clusters` entries (closest preset + override) and the import
 * file for `pulumi import --file`, and proves the entries with the real program: the call plan of the next update.
 * Exit codes: 0 adopted; 1 an API error, no such cluster, or an entry whose program inputs do not match the cluster
 * (the report says which call); 2 bad usage, missing credentials or region, or an output that exists (use --force).
 */
import * as fs from "fs";
import * as path from "path";
import { homedir } from "node:os";
import { Command, Option } from "commander";
import { parseCommand, runAsProcess, type CommandIo } from "../client/command-io";
import { connectionFromEnv, createEmrReader } from "../client/index";
import { hasCredentials } from "../client/credentials";
import { EmrApiError, EmrInputError } from "../client/errors";
import { projectName } from "../check/run-check";
import { IDENTITY_TAG } from "../policies/rules/domain";
import { adoptCluster, type Adoption } from "./adopt";
import { entryYaml } from "./entry";
import { nextUpdates, programProblems, runWithEntries, type NextUpdate } from "./next-update";
import { adoptReport, firstUpdateNotes, renderText } from "./report";

export const ROOT = path.join(__dirname, "..");

export type AdoptIo = CommandIo;

interface Options { cluster: string[]; region?: string; stack: string; name?: string[]; output?: string; importFile?: string; format: "text" | "json"; force?: boolean }

/** A match plan is right when it sends nothing but the identity tag the cluster lacks. */
function unexpectedCalls(a: Adoption, next: NextUpdate): string[] {
  return next.match.calls
    .filter((c) => !(c.action === "TagResources" && a.identity.live !== a.identity.expected && JSON.stringify(c.params.Tags).includes(IDENTITY_TAG)))
    .map((c) => `${c.action}: ${c.because}`);
}

export async function runAdopt(argv: string[], io: AdoptIo): Promise<number> {
  const program = new Command("emr-adopt")
    .description("Write the stack-config entry and the pulumi import file of running EMR clusters (reads the EMR API only)")
    .requiredOption("-c, --cluster <id-or-name...>", "the cluster(s): an ID (c-…) or a name one cluster of the region has")
    .option("-r, --region <regionId>", "region, e.g. cn-hangzhou (or ALIBABA_CLOUD_REGION_ID)")
    .requiredOption("-s, --stack <name>", "the stack the clusters join (its identity tags are <project>/<stack>/<entry>)")
    .option("-n, --name <entry...>", "the entries' names (Pulumi resource names), in the order of --cluster; default: from each cluster's name")
    .option("-o, --output <file>", "the stack-config entries (YAML); default adopted-<stack>.yaml")
    .option("--import-file <file>", "the file for `pulumi import --file`; default adopted-<stack>.import.json")
    .addOption(new Option("-f, --format <format>", "the report on stdout").choices(["text", "json"]).default("text"))
    .option("--force", "overwrite the output files when they exist");
  const ended = parseCommand(program, argv, io);
  if (ended !== undefined) return ended;
  const opts = program.opts<Options>();
  const usage = (message: string) => (io.err(`emr-adopt: ${message}`), 2);
  const regionId = opts.region ?? io.env.ALIBABA_CLOUD_REGION_ID;
  if (!regionId) return usage("missing --region (or ALIBABA_CLOUD_REGION_ID)");
  if (!hasCredentials(io.env, io.env.HOME ?? homedir())) return usage("no Alibaba Cloud credentials: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET (a read-only key is enough)");
  if (opts.name && opts.name.length !== opts.cluster.length) return usage(`--name gives ${opts.name.length} names for ${opts.cluster.length} clusters: give one per --cluster, in order`);
  const entryFile = path.resolve(io.cwd, opts.output ?? `adopted-${opts.stack}.yaml`);
  const importPath = path.resolve(io.cwd, opts.importFile ?? `adopted-${opts.stack}.import.json`);
  for (const f of [entryFile, importPath]) if (fs.existsSync(f) && !opts.force) return usage(`${path.relative(io.cwd, f)} exists: emr-adopt never overwrites a file (a stack file!) unless --force; choose another --output / --import-file`);

  let adoptions: Adoption[];
  try {
    const reader = createEmrReader({ regionId, ...connectionFromEnv(io.env) });
    const project = projectName(ROOT);
    adoptions = [];
    for (const [i, cluster] of opts.cluster.entries()) adoptions.push(await adoptCluster(reader, cluster, { project, stack: opts.stack, ...(opts.name ? { name: opts.name[i] } : {}) }));
    const names = adoptions.map((a) => a.entry.name);
    const twice = names.find((n, i) => names.indexOf(n) !== i);
    if (twice) return usage(`two clusters would get the entry name "${twice}": give each its own with --name`);
    const run = await runWithEntries(ROOT, project, opts.stack, regionId, adoptions);
    const problems = programProblems(run);
    if (problems.length) {
      io.err(["emr-adopt: the program refuses the adopted entries (nothing written):", ...problems.map((p) => `  ${p}`)].join("\n"));
      return 1;
    }
    const next = nextUpdates(run, adoptions);
    const reports = adoptions.map((a, i) => adoptReport(a, next[i]));
    const importName = path.relative(io.cwd, importPath);
    const yaml = adoptions.map((a, i) => entryYaml(a.entry, { clusterId: a.clusterId, region: regionId, importFile: importName, gaps: a.liveSpec.gaps, secrets: a.liveSpec.secrets, firstUpdate: firstUpdateNotes(a, next[i]) }));
    fs.writeFileSync(entryFile, mergeEntries(yaml));
    fs.writeFileSync(importPath, `${JSON.stringify({ resources: adoptions.flatMap((a) => (a.importFile.resources as unknown[])) }, null, 2)}\n`);
    const files = { entry: path.relative(io.cwd, entryFile), importFile: path.relative(io.cwd, importPath) };
    io.out(opts.format === "json" ? JSON.stringify({ regionId, stack: opts.stack, files, clusters: reports }, null, 2) : renderText(reports, files));
    const wrong = adoptions.flatMap((a, i) => unexpectedCalls(a, next[i]).map((c) => `${a.entry.name}: ${c}`));
    if (wrong.length) {
      io.err(["emr-adopt: the program's inputs do not match the live cluster (the entries were written; check them):", ...wrong.map((w) => `  ${w}`)].join("\n"));
      return 1;
    }
    return 0;
  } catch (e) {
    if (e instanceof EmrInputError) return usage(e.message);
    io.err(`emr-adopt: ${e instanceof EmrApiError ? e.describe() : e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

/** Several clusters' fragments as one document: one header comment per entry, one `emr:clusters` list. */
function mergeEntries(docs: string[]): string {
  if (docs.length === 1) return docs[0];
  const [first, ...rest] = docs;
  const items = rest.map((d) => {
    const [comment, body] = [d.slice(0, d.indexOf("config:")), d.slice(d.indexOf("emr:clusters:") + "emr:clusters:".length)];
    return `${comment.split("\n").filter(Boolean).map((l) => `    ${l}`).join("\n")}${body.replace(/\n$/, "")}`;
  });
  return `${first.replace(/\n$/, "")}\n${items.join("\n")}\n`;
}

/** The command as its bin runs it. */
export function main(): void {
  runAsProcess(runAdopt);
}
