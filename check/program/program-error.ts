/**
 * What a failed program run tells its user: one message with the program's own file:line (the stack mapped to the
 * user's file, never a require stack nor the check's frames), and a guard that turns `process.exit()` inside a
 * program into a program error: a run that ends the process produced no verdict, so it is never a pass.
 */
import * as fs from "fs";
import * as path from "path";

export interface ProgramError {
  message: string;
  /** `file:line` of the user's code that failed, relative to the working directory, when the stack names one. */
  location?: string;
  stack?: string;
}

/** The check's own folder (this file is in check/program/): its frames are never the user's. */
const CHECK_DIR = path.dirname(__dirname);

/** `at fn (/abs/file.ts:12:5)` or `at /abs/file.ts:12:5` → file and line. */
function frames(stack: string): { file: string; line: number }[] {
  const out: { file: string; line: number }[] = [];
  for (const m of stack.matchAll(/^\s+at (?:.*? \()?(?:file:\/\/)?(\/[^():]+|[A-Za-z]:\\[^():]+):(\d+):\d+\)?$/gm)) out.push({ file: m[1], line: Number(m[2]) });
  return out;
}

const relative = (file: string) => path.relative(process.cwd(), file) || file;
const isUserFile = (file: string) => !file.includes(`${path.sep}node_modules${path.sep}`) && !file.startsWith(CHECK_DIR + path.sep) && !file.startsWith("node:");

/**
 * The user's frame of a stack: the first one inside the program's folder, else the first outside node_modules and
 * the check itself (a component of the repository the program imports).
 */
function userLocation(stack: string | undefined, programDir: string): string | undefined {
  if (!stack) return undefined;
  const candidates = frames(stack).filter((f) => isUserFile(f.file));
  const inProgram = candidates.find((f) => f.file.startsWith(programDir + path.sep));
  const frame = inProgram ?? candidates[0];
  return frame ? `${relative(frame.file)}:${frame.line}` : undefined;
}

/** The line of `importer` that names `specifier` (an import or require), for "imported by file:line". */
function importLine(importer: string, specifier: string): number | undefined {
  try {
    const lines = fs.readFileSync(importer, "utf8").split("\n");
    const i = lines.findIndex((l) => l.includes(`"${specifier}"`) || l.includes(`'${specifier}'`));
    return i >= 0 ? i + 1 : undefined;
  } catch {
    return undefined;
  }
}

/** The folder of a program (a folder, or a file's folder). */
export function programDir(program: string): string {
  const resolved = path.resolve(program);
  return fs.existsSync(resolved) && fs.statSync(resolved).isDirectory() ? resolved : path.dirname(resolved);
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object";

/** A module the program imports does not exist: name it and the importing line, without Node's require stack. */
function missingModule(err: Record<string, unknown>): ProgramError | undefined {
  if (err.code !== "MODULE_NOT_FOUND" && err.code !== "ERR_MODULE_NOT_FOUND") return undefined;
  const specifier = /Cannot find (?:module|package) '([^']+)'/.exec(String(err.message))?.[1];
  if (!specifier) return undefined;
  const importer = Array.isArray(err.requireStack) && typeof err.requireStack[0] === "string" ? err.requireStack[0] : undefined;
  if (!importer || !isUserFile(importer)) return { message: `cannot find module ${specifier}` };
  const line = importLine(importer, specifier);
  const location = `${relative(importer)}${line ? `:${line}` : ""}`;
  return { message: `cannot find module ${specifier} imported by ${location}`, location };
}

/** One message for what failed a program, located in the user's code. */
export function describeProgramError(err: unknown, program: string): ProgramError {
  if (err instanceof ProgramExit) return { message: err.message, location: err.location };
  if (isRecord(err)) {
    const missing = missingModule(err);
    if (missing) return missing;
  }
  if (!(err instanceof Error)) return { message: String(err) };
  // A RunError (a refused stack config or cluster spec) names its fields itself; `pulumi preview` prints it alone.
  if ((err as { __pulumiRunError?: unknown }).__pulumiRunError === true) return { message: err.message, stack: err.stack };
  const location = userLocation(err.stack, programDir(program));
  return { message: location ? `${location}: ${err.message}` : err.message, location, stack: err.stack };
}

/** Thrown in place of `process.exit()` while a program runs, so the program stops there and the run reports it. */
export class ProgramExit extends Error {
  constructor(
    readonly code: number | string | null | undefined,
    readonly location: string | undefined,
  ) {
    const where = location ? `${location}: ` : "";
    super(`${where}the program called process.exit(${code ?? ""}) while it ran: no resources were judged, so there is no verdict; remove the call (throw an Error to fail the program)`);
    this.name = "ProgramExit";
  }
}

/** Replaces `process.exit` until `restore()`: a call throws ProgramExit and is remembered (also if the program catches it). */
export function interceptExit(programDir: string): { readonly exit?: ProgramExit; restore(): void } {
  const original = process.exit;
  const state: { exit?: ProgramExit; restore(): void } = {
    restore: () => {
      process.exit = original;
    },
  };
  process.exit = ((code?: number | string | null) => {
    const exit = new ProgramExit(code, userLocation(new Error().stack, programDir));
    state.exit ??= exit;
    throw exit;
  }) as typeof process.exit;
  return state;
}
