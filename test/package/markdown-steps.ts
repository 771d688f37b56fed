/**
 * The steps a Markdown section tells a user to take, in order, so a test can take them as written:
 *   - a ```yaml or ```ts block whose first line names a file (`# Pulumi.yaml`, `// index.ts`): write that file;
 *   - a ```sh block: run each command line; `export NAME=value` sets a variable for the commands after it; a trailing
 *     comment `# exit N...` is the exit code the README promises (0 when it says none).
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as path from "path";

export type Step =
  | { kind: "file"; name: string; text: string; line: number }
  | { kind: "command"; command: string; exit: number; line: number }
  | { kind: "export"; name: string; value: string; line: number };

/** The text of the section that starts with `heading` (up to the next heading of the same or a higher level). */
export function section(markdown: string, heading: string): string {
  const lines = markdown.split("\n");
  const start = lines.findIndex((l) => l.trim() === heading);
  if (start < 0) throw new Error(`no section "${heading}"`);
  const level = /^#+/.exec(heading)![0].length;
  // A heading outside code blocks ends it (`# Pulumi.yaml` inside a YAML block is a comment).
  let fenced = false;
  const end = lines.findIndex((l, i) => {
    if (/^```/.test(l)) fenced = !fenced;
    return i > start && !fenced && new RegExp(`^#{1,${level}} `).test(l);
  });
  return lines.slice(start, end < 0 ? undefined : end).join("\n");
}

/** The steps of a Markdown text, in order; `offset` is the text's first line in its file (for messages). */
export function steps(markdown: string, offset = 1): Step[] {
  const out: Step[] = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const fence = /^```(\w+)\s*$/.exec(lines[i]);
    if (!fence) continue;
    let end = i + 1;
    while (end < lines.length && !/^```\s*$/.test(lines[end])) end++;
    const body = lines.slice(i + 1, end);
    const line = offset + i + 1;
    if (fence[1] === "sh") {
      body.forEach((text, j) => {
        const code = text.replace(/\s+#.*$/, "").trim();
        if (!code || code.startsWith("#")) return;
        const exported = /^export ([A-Z_][A-Z0-9_]*)=(\S*)$/.exec(code);
        if (exported) out.push({ kind: "export", name: exported[1], value: exported[2], line: line + j });
        else out.push({ kind: "command", command: code, exit: Number(/#\s*exit (\d+)/.exec(text)?.[1] ?? 0), line: line + j });
      });
    } else {
      const named = /^(?:#|\/\/)\s*([\w.-]+\.(?:ya?ml|ts|json))\s*$/.exec(body[0] ?? "");
      if (named) out.push({ kind: "file", name: named[1], text: body.slice(1).join("\n") + "\n", line });
    }
    i = end;
  }
  return out;
}

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs one command line with sh in `cwd` (asynchronously: a test's in-process emulator keeps answering). */
export function runCommand(command: string, cwd: string, env: NodeJS.ProcessEnv, timeoutMs = 240_000): Promise<CommandResult> {
  return new Promise((resolve) => {
    execFile("sh", ["-c", command], { cwd, env, timeout: timeoutMs, maxBuffer: 32 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === "number" ? (err as { code: number }).code : 99) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Where a command leaves the shell: `cd <dir>` at its start or after `&&`. */
export function cdTarget(command: string, cwd: string): string {
  const cd = /(?:^|&&\s*)cd\s+(\S+)\s*(?:&&|$)/.exec(command);
  return cd ? path.resolve(cwd, cd[1]) : cwd;
}

/** Writes a file step into `cwd`. */
export function writeFileStep(step: Extract<Step, { kind: "file" }>, cwd: string): void {
  fs.writeFileSync(path.join(cwd, step.name), step.text);
}
