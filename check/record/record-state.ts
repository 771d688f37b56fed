/**
 * `emr-check record-state`: a before-state for trying the change-aware check (`--state`) without Pulumi. It writes
 * what a stack's state would record after `pulumi up` of its program, as `pulumi stack export` prints it (version 3):
 * the program runs twice under mocks, the second time with the first run's IDs known (so references such as a
 * security group's ID are concrete, as in a real state), and every secret is written the way the export writes one,
 * `{ <sig>: <secret sig>, ciphertext }`, with a ciphertext that holds no value (CIPHERTEXT_MARK, recognisable): the
 * check, like a real export, never sees a secret's value.
 */
import * as fs from "fs";
import * as path from "path";
import { Command, CommanderError } from "commander";
import { isEncodedSecret, isUnknownSentinel, SECRET_SIG, SIG_KEY, STACK_TYPE, stackRootUrn } from "../../policies/engine";
import { TYPES } from "../../policies/rules/domain";
import { UsageError } from "../errors";
import { checkTargets, findProject } from "../inputs/project";
import { loadInvokeFixtures, offlineInvokes } from "../inputs/invokes";
import { loadStackConfig } from "../inputs/stack-config";
import type { CapturedResource } from "../program/capture";
import { runProgram, type RunProgramOptions } from "../program/run-program";
import { findProgramSdk, loadProgramSdk } from "../program/sdk";
import { checkCacheDir } from "../program/typecheck";
import { projectName } from "../run-check";

/** Every ciphertext this command writes contains this (base64 of "FakeCiphertext"): no key decrypts it. */
export const CIPHERTEXT_MARK = "RmFrZUNpcGhlcnRleHQ";
const ciphertext = (n: number) => ({ [SIG_KEY]: SECRET_SIG, ciphertext: `v1:c2FsdA==:${CIPHERTEXT_MARK}${n}=` });

type Json = Record<string, unknown>;

/** Secrets, and values still unknown after the second run (derived from a secret or known only after apply), as ciphertexts. */
function encode(v: unknown, counter: { n: number }): unknown {
  if (isUnknownSentinel(v)) return ciphertext(counter.n++);
  if (Array.isArray(v)) return v.map((x) => encode(x, counter));
  if (v === null || typeof v !== "object") return v;
  if (isEncodedSecret(v)) return ciphertext(counter.n++);
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, encode(x, counter)]));
}

/**
 * Outputs a provider computes and records as secrets (pulumi-random's RandomPassword marks result and bcryptHash
 * secret): a real export holds them, and the check reads the cluster's JDBC password as coming from one.
 */
const COMPUTED_SECRETS: Readonly<Record<string, readonly string[]>> = {
  "random:index/randomPassword:RandomPassword": ["result", "bcryptHash"],
};

/**
 * Plain outputs the provider computes that the program reads back (the metastore's JDBC URL is built from an RDS
 * instance's connectionString and port): made up, in the provider's shape, so the URL is a plain string as in a
 * real export.
 */
const COMPUTED_OUTPUTS: Readonly<Record<string, (r: CapturedResource) => Json>> = {
  "alicloud:rds/instance:Instance": (r) => ({ connectionString: `${fakeId(r)}.mysql.rds.aliyuncs.com`, port: "3306" }),
};
const computedOutputs = (r: CapturedResource): Json => COMPUTED_OUTPUTS[r.type]?.(r) ?? {};

/** The ID the cloud would have given: a cluster's is `c-` and 16 hex characters, like EMR's. */
const fakeId = (r: CapturedResource) => (r.type === TYPES.cluster ? `c-${Buffer.from(r.name).toString("hex").padEnd(16, "0").slice(0, 16)}` : `${r.name}-id`);

/** The export document of the resources a run registered. */
export function stackExport(stack: string, project: string, resources: readonly CapturedResource[], time: Date): Json {
  const counter = { n: 0 };
  const root = stackRootUrn(stack, project);
  const records = resources.map((r) => {
    const inputs = encode(r.inputs, counter) as Json;
    return {
      urn: r.urn,
      custom: r.custom,
      type: r.type,
      ...(r.custom ? { id: fakeId(r) } : {}),
      parent: r.parent ?? root,
      // The engine records an option only when the program set it.
      ...(r.protect ? { protect: true } : {}),
      ...(r.retainOnDelete ? { retainOnDelete: true } : {}),
      dependencies: r.dependencies ?? [],
      propertyDependencies: r.propertyDependencies ?? {},
      inputs,
      outputs: { ...inputs, ...computedOutputs(r), ...Object.fromEntries((COMPUTED_SECRETS[r.type] ?? []).map((k) => [k, ciphertext(counter.n++)])), ...(r.custom ? { id: fakeId(r) } : {}) },
    };
  });
  return {
    version: 3,
    deployment: {
      manifest: { time: time.toISOString(), magic: "0", version: "emr-check record-state (offline)" },
      secrets_providers: { type: "passphrase", state: { salt: "v1:c2FsdA==:v1:c2FsdA==:c2FsdA==" } },
      resources: [{ urn: root, custom: false, type: STACK_TYPE }, ...records],
    },
  };
}

/**
 * Runs the program for the stack twice and returns its export. The second run starts from fresh copies of the
 * modules the first one loaded outside node_modules (the program's own files), as a new `pulumi up` would.
 */
export async function recordState(options: Omit<RunProgramOptions, "existing">, time = new Date()): Promise<Json> {
  const before = new Set(Object.keys(require.cache));
  const first = await runProgram(options);
  if (first.error) throw new UsageError(`stack ${options.stack}: the program failed, so there is no state to record: ${first.error.message}`);
  for (const file of Object.keys(require.cache)) if (!before.has(file) && !file.split(path.sep).includes("node_modules")) delete require.cache[file];
  const byKey = new Map(first.resources.filter((r) => r.custom).map((r) => [`${r.type}::${r.name}`, r]));
  const second = await runProgram({
    ...options,
    existing: (type, name) => {
      const r = byKey.get(`${type}::${name}`);
      return r ? { id: fakeId(r), state: { ...Object.fromEntries(Object.entries(r.inputs).filter(([, v]) => !isUnknownSentinel(v))), ...computedOutputs(r) } } : undefined;
    },
  });
  if (second.error) throw new UsageError(`stack ${options.stack}: the program failed on its second run: ${second.error.message}`);
  const refused = [...first.refused, ...second.refused];
  if (refused.length) throw new UsageError(`stack ${options.stack}: the EmrCluster component refuses ${refused.map((r) => `"${r.clusterName}"`).join(", ")}, so pulumi up would create nothing to record; run emr-check --stack ${options.stack} for the reasons`);
  return stackExport(options.stack, options.project, second.resources, time);
}

interface RecordOptions {
  stack: string;
  program?: string;
  output?: string;
  invokes?: string;
}

/** `emr-check record-state ...`: returns the exit code (0 written, 2 bad usage or a program that fails). */
export async function recordStateCli(argv: string[]): Promise<number> {
  const command = new Command("emr-check record-state")
    .description("Write what a stack's state would record after `pulumi up` of its program, as `pulumi stack export` prints it (offline: no cloud, no Pulumi), for trying `emr-check --state`.")
    .requiredOption("-s, --stack <name>", "the stack: its name (Pulumi.<name>.yaml in the project's stackConfigDir) or the path of any stack file")
    .option("-p, --program <path>", "the program to run (default: the project's, Pulumi.yaml `main`)")
    .option("-o, --output <file>", "where to write the document (default: stdout)")
    .option("--invokes <file>", "results of data sources offline, as for emr-check --invokes")
    .exitOverride()
    .configureOutput({ writeErr: () => undefined, writeOut: (s) => process.stdout.write(s) });
  try {
    command.parse(argv, { from: "user" });
  } catch (err) {
    if (err instanceof CommanderError && (err.code === "commander.helpDisplayed" || err.code === "commander.version")) return 0;
    throw new UsageError(`${(err as Error).message.replace(/^error: /, "")}; see emr-check record-state --help (e.g. emr-check record-state --stack dev --output dev-state.json)`);
  }
  const opts = command.opts<RecordOptions>();
  const project = findProject(process.cwd());
  const [target] = checkTargets(project, { stack: [opts.stack], stackGiven: true, program: opts.program ? [opts.program] : undefined });
  if (opts.output && fs.existsSync(opts.output) && fs.statSync(opts.output).isDirectory()) throw new UsageError(`--output ${opts.output} is a folder; give a file (e.g. --output ${target.stack}-state.json)`);
  const { config, secretKeys } = loadStackConfig(target.configFile, target.configRequired);
  const invokes = offlineInvokes(target.program, checkCacheDir(project.dir), opts.invokes ? loadInvokeFixtures(opts.invokes) : undefined);
  const sdk = loadProgramSdk(findProgramSdk([target.program], project.dir), [target.program]);
  const document = await recordState({ program: target.program, project: projectName(project.dir), stack: target.stack, config, secretKeys, invokes, sdk });
  const text = JSON.stringify(document, null, 2) + "\n";
  if (opts.output) {
    fs.writeFileSync(opts.output, text);
    process.stderr.write(`recorded state of stack ${target.stack} written to ${opts.output} (as \`pulumi stack export\` writes it; secrets as ciphertexts without their values)\n`);
  } else process.stdout.write(text);
  return 0;
}
