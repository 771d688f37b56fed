/**
 * The project's own source files, parsed with TypeScript's parser, for the tests that read the code itself (no import
 * circle, each number and fact written once): every .ts and .js file outside test/, installed and built code.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

export const ROOT = path.resolve(__dirname, "../..");

/** Folders that hold no source of the project's own: tests, installed and built code, what coverage and tests leave (git ignores them). */
const NOT_SOURCES = new Set(["node_modules", "test", "dist", "coverage", "tmp"]);
const SOURCE = /\.(ts|js)$/;

/** Every source file under `dir` (absolute paths; declaration files aside: they hold no code). */
export function sourceFiles(dir = ROOT): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return NOT_SOURCES.has(e.name) || e.name.startsWith(".") ? [] : sourceFiles(p);
    return SOURCE.test(e.name) && !e.name.endsWith(".d.ts") ? [p] : [];
  });
}

export function parseSource(file: string): ts.SourceFile {
  return ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, file.endsWith(".js") ? ts.ScriptKind.JS : ts.ScriptKind.TS);
}

/** The 1-based line of a node. */
export const lineOf = (source: ts.SourceFile, node: ts.Node): number => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
