/**
 * What the read-only commands (emr-status, emr-adopt, emr-drift) share: parsing their arguments with commander
 * (help is exit 0, a bad argument exit 2 with one line, never a stack trace), and running as a process whose exit
 * waits for stdout and stderr to drain (a report larger than a pipe's buffer is never cut).
 */
import { CommanderError, type Command } from "commander";

export interface CommandIo {
  env: Record<string, string | undefined>;
  cwd: string;
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Parses `argv` into `program`; returns the exit code when parsing ends the run (help: 0, a bad argument: 2). */
export function parseCommand(program: Command, argv: string[], io: Pick<CommandIo, "out" | "err">): number | undefined {
  program.exitOverride().configureOutput({ writeOut: io.out, writeErr: () => undefined });
  try {
    program.parse(argv, { from: "user" });
    return undefined;
  } catch (e) {
    if (e instanceof CommanderError && (e.code === "commander.helpDisplayed" || e.code === "commander.version")) return 0;
    io.err(`${program.name()}: ${e instanceof Error ? e.message.replace(/^error: /, "") : String(e)}`);
    return 2;
  }
}

/** The process's own io. */
export function processIo(): CommandIo {
  return {
    env: process.env,
    cwd: process.cwd(),
    out: (t) => process.stdout.write(t.endsWith("\n") ? t : `${t}\n`),
    err: (t) => process.stderr.write(t.endsWith("\n") ? t : `${t}\n`),
  };
}

/** Runs a command with the process's arguments and io; exits with its code once stdout and stderr have drained. */
export function runAsProcess(run: (argv: string[], io: CommandIo) => Promise<number>): void {
  void run(process.argv.slice(2), processIo()).then((code) => {
    let pending = 2;
    const done = () => --pending === 0 && process.exit(code);
    process.stdout.write("", done);
    process.stderr.write("", done);
  });
}
