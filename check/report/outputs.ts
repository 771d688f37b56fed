/**
 * Where the reports go: `--format`/`--output` pairs, checked before anything runs. A report never goes over one of
 * the check's inputs (a stack file, a program, the policy config, ...), and an output that cannot be written fails
 * at once, naming `--output`, instead of after the whole run.
 */
import * as fs from "fs";
import * as path from "path";
import { InvalidArgumentError } from "commander";
import { UsageError } from "../errors";

export const FORMATS = ["text", "json", "markdown", "sarif"] as const;
export type Format = (typeof FORMATS)[number];

/** One report: its format, and its file (none: stdout). */
export interface OutputTarget {
  format: Format;
  file?: string;
}

/** The `--format` and `--output` options in the order they were given, e.g. [format markdown, output a.md]. */
export type OutputArg = { kind: "format"; value: Format } | { kind: "output"; value: string };

const PAIRS_EXAMPLE = "e.g. --format markdown --output check.md --format sarif --output check.sarif";

/** A commander parser for `--format`: checks the choice and records the order of formats and outputs. */
export function formatParser(args: OutputArg[]) {
  return (value: string): OutputArg[] => {
    if (!(FORMATS as readonly string[]).includes(value)) throw new InvalidArgumentError(`Allowed choices are ${FORMATS.join(", ")}.`);
    args.push({ kind: "format", value: value as Format });
    return args;
  };
}

export function outputParser(args: OutputArg[]) {
  return (value: string): OutputArg[] => {
    args.push({ kind: "output", value });
    return args;
  };
}

/**
 * The reports to write, pairing each `--output` with the `--format` before it. One format and one output pair in
 * any order (`-o r.json -f json`); with no format, the report is text. At most one report goes to stdout.
 */
export function outputTargets(args: readonly OutputArg[]): OutputTarget[] {
  const formats = args.filter((a) => a.kind === "format");
  const outputs = args.filter((a) => a.kind === "output");
  if (formats.length <= 1 && outputs.length <= 1) return [{ format: formats[0]?.value ?? "text", ...(outputs[0] ? { file: outputs[0].value } : {}) }];
  const targets: OutputTarget[] = [];
  for (const a of args) {
    if (a.kind === "format") targets.push({ format: a.value });
    else if (targets.length && targets[targets.length - 1].file === undefined) targets[targets.length - 1].file = a.value;
    else throw new UsageError(`--output ${a.value} has no --format of its own before it: give each report as a pair, in order (${PAIRS_EXAMPLE})`);
  }
  const toStdout = targets.filter((t) => t.file === undefined);
  if (toStdout.length > 1) {
    throw new UsageError(`--format ${toStdout.map((t) => t.format).join(" and --format ")} would all go to stdout: give every format but one an --output (${PAIRS_EXAMPLE})`);
  }
  const files = targets.flatMap((t) => (t.file ? [path.resolve(t.file)] : []));
  const twice = files.find((f, i) => files.indexOf(f) !== i);
  if (twice) throw new UsageError(`--output ${path.relative(process.cwd(), twice)} is given twice: each report needs its own file (${PAIRS_EXAMPLE})`);
  return targets;
}

/** A file or folder the check reads, and the option or role that names it (for the error message). */
export interface CheckInput {
  path: string;
  /** e.g. "the stack config of stack prod", "--policy-config", "--program". */
  what: string;
}

/** The real path of a file that may not exist yet: its folder resolved (symlinks), then its name. */
function realTarget(file: string): string {
  const abs = path.resolve(file);
  if (fs.existsSync(abs)) return fs.realpathSync(abs);
  const dir = path.dirname(abs);
  return path.join(fs.existsSync(dir) ? fs.realpathSync(dir) : dir, path.basename(abs));
}

/**
 * What a program folder's run reads: its code, its manifests and compiler options, its stack files. A report from an
 * earlier run in the same folder (`check.sarif` in a project whose program is its root) is not one of them.
 */
const PROGRAM_FILE = /(\.([cm]?[jt]sx?)|^package(-lock)?\.json|^tsconfig.*\.json|^Pulumi(\..+)?\.ya?ml)$/;

/** The input an output would overwrite: the same file, or an existing file of a program inside an input folder. */
function overwrittenInput(file: string, inputs: readonly CheckInput[]): CheckInput | undefined {
  const target = realTarget(file);
  const programFile = fs.existsSync(target) && PROGRAM_FILE.test(path.basename(target));
  return inputs.find((input) => {
    if (!fs.existsSync(input.path)) return false;
    const source = fs.realpathSync(input.path);
    if (source === target) return true;
    const inside = path.relative(source, target);
    return programFile && fs.statSync(source).isDirectory() && !inside.startsWith("..") && !path.isAbsolute(inside);
  });
}

/**
 * Refuses, before the run, an output that would overwrite an input or cannot be written: its folder must exist and
 * be writable, and it must not be a folder itself.
 */
export function checkOutputs(targets: readonly OutputTarget[], inputs: readonly CheckInput[]): void {
  for (const { file } of targets) {
    if (!file) continue;
    const input = overwrittenInput(file, inputs);
    if (input) throw new UsageError(`--output ${file} would overwrite ${input.what} (${path.relative(process.cwd(), input.path) || "."}): the check never writes over its inputs; write the report elsewhere, e.g. --output check-report.md`);
    const abs = path.resolve(file);
    const dir = path.dirname(abs);
    if (!fs.existsSync(dir)) throw new UsageError(`--output ${file}: the folder ${path.relative(process.cwd(), dir) || dir} does not exist; create it first or choose another file, e.g. --output check-report.md`);
    if (!fs.statSync(dir).isDirectory()) throw new UsageError(`--output ${file}: ${path.relative(process.cwd(), dir) || dir} is a file, not a folder; choose another file, e.g. --output check-report.md`);
    if (fs.existsSync(abs) && fs.statSync(abs).isDirectory()) throw new UsageError(`--output ${file} is a folder; give a file name, e.g. --output ${path.join(file, "check-report.md")}`);
    try {
      fs.accessSync(fs.existsSync(abs) ? abs : dir, fs.constants.W_OK);
    } catch {
      throw new UsageError(`--output ${file}: ${fs.existsSync(abs) ? "the file" : `the folder ${path.relative(process.cwd(), dir) || dir}`} is not writable; choose another file, e.g. --output check-report.md`);
    }
  }
}
