/**
 * Where the check's inputs are, as the Pulumi CLI finds them: the project is the nearest Pulumi.yaml upwards from the
 * working directory (so the check runs from `stacks/` too), its program is `main`, its stack files are in
 * `stackConfigDir`. A stack is named (`--stack prod`) or given as its file (`--stack stacks/Pulumi.prod.yaml`,
 * `--config-file stacks/Pulumi.prod.yaml`): the stack's name is then the file's.
 */
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { UsageError } from "../errors";
import type { CheckTarget } from "../run-check";
import { stackConfigPath } from "./stack-config";

export interface Project {
  /** The folder of Pulumi.yaml. */
  dir: string;
  /** The program: Pulumi.yaml's `main`, else the project's folder. */
  main: string;
  /** Where `Pulumi.<stack>.yaml` files are: Pulumi.yaml's `stackConfigDir`, else the project's folder. */
  stackConfigDir: string;
}

/** The nearest Pulumi.yaml from `start` upwards; undefined outside any Pulumi project. */
export function projectAbove(start: string): Project | undefined {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    const file = path.join(dir, "Pulumi.yaml");
    if (fs.existsSync(file)) {
      const doc = (parse(fs.readFileSync(file, "utf8")) ?? {}) as { main?: unknown; stackConfigDir?: unknown };
      const main = typeof doc.main === "string" ? path.resolve(dir, doc.main) : dir;
      const stackConfigDir = typeof doc.stackConfigDir === "string" ? path.resolve(dir, doc.stackConfigDir) : dir;
      return { dir, main, stackConfigDir };
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** The nearest Pulumi.yaml from `start` upwards; outside any Pulumi project a usage error naming the fix. */
export function findProject(start: string): Project {
  const project = projectAbove(start);
  if (!project) throw new UsageError(`no Pulumi.yaml in ${path.resolve(start)} or any folder above it; run the check inside a Pulumi project (e.g. cd <your repository> && npx emr-check --stack dev)`);
  return project;
}

const STACK_FILE = /^Pulumi\.([^.]+)\.yaml$/;

/** `stacks/Pulumi.prod.yaml` → `prod`; undefined for a file not named like a stack's. */
function stackNameOfFile(file: string): string | undefined {
  return STACK_FILE.exec(path.basename(file))?.[1];
}

/** A `--stack` value: a stack's name, or the path of its file. */
function stackArg(arg: string, project: Project): { stack: string; configFile: string; isFile: boolean } {
  if (!arg.endsWith(".yaml") && !arg.includes("/") && !arg.includes(path.sep)) return { stack: arg, configFile: stackConfigPath(project.stackConfigDir, arg), isFile: false };
  const stack = stackNameOfFile(arg);
  if (!stack) throw new UsageError(`--stack ${arg}: a stack file is named Pulumi.<stack>.yaml (e.g. --stack stacks/Pulumi.dev.yaml or --stack dev)`);
  return { stack, configFile: path.resolve(arg), isFile: true };
}

/**
 * The programs a `--program` value names: a file; a folder with an index.ts (one program); or a folder of programs
 * (each of its .ts files, in name order).
 */
export function expandProgram(arg: string): string[] {
  const program = path.resolve(arg);
  if (!fs.existsSync(program)) throw new UsageError(`program ${arg} does not exist (e.g. --program stacks/examples/enterprise-security-group.ts)`);
  if (!fs.statSync(program).isDirectory()) return [program];
  if (["index.ts", "index.js", "package.json"].some((f) => fs.existsSync(path.join(program, f)))) return [program];
  const files = fs.readdirSync(program).filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts")).sort();
  if (!files.length) throw new UsageError(`program folder ${arg} has no index.ts and no .ts programs (e.g. --program stacks/examples)`);
  return files.map((f) => path.join(program, f));
}

export interface TargetOptions {
  stack: string[];
  /** Whether --stack was given (not its default). */
  stackGiven: boolean;
  program?: string[];
  configFile?: string;
}

/** One target per (program, stack); without --program, the project's own program with its stack files. */
export function checkTargets(project: Project, opts: TargetOptions): CheckTarget[] {
  const configFile = opts.configFile ? path.resolve(opts.configFile) : undefined;
  // A config file names its stack, unless --stack says otherwise: production-only policies depend on the name.
  const fromFile = configFile && !opts.stackGiven ? stackNameOfFile(configFile) : undefined;
  const stacks = configFile && fromFile ? [{ stack: fromFile, configFile, isFile: true }] : opts.stack.map((s) => stackArg(s, project));
  if (!opts.program?.length) {
    return stacks.map((s) => ({ stack: s.stack, program: project.main, configFile: configFile ?? s.configFile, configRequired: true }));
  }
  return opts.program.flatMap(expandProgram).flatMap((program) =>
    stacks.map((s) => ({
      stack: s.stack,
      program,
      configFile: configFile ?? (s.isFile ? s.configFile : stackConfigPath(fs.statSync(program).isDirectory() ? program : path.dirname(program), s.stack)),
      configRequired: !!configFile || s.isFile,
    })),
  );
}
