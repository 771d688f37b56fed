/**
 * Every ```ts block of README.md type-checks against the project's real types (the compiler API, the project's
 * tsconfig). A block may be a fragment: the declarations it uses but does not write (a VPC, a VSwitch) are
 * prepended here. An error is reported at its README line.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

const ROOT = path.resolve(__dirname, "../..");
const README = path.join(ROOT, "README.md");

export interface CodeBlock {
  /** README line of the block's first code line (1-based). */
  line: number;
  code: string;
}

/** The ```ts / ```typescript blocks of a Markdown text. */
export function tsBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (!/^```(ts|typescript)\s*$/.test(lines[i])) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^```\s*$/.test(lines[end])) end++;
    blocks.push({ line: start + 1, code: lines.slice(start, end).join("\n") });
    i = end;
  }
  return blocks;
}

/** Declarations a fragment may use without writing them: name → declaration. */
const PRELUDE: Record<string, string> = {
  vpc: "declare const vpc: __vpc.Network;",
  vsw: "declare const vsw: __vpc.Switch;",
};

/** The prelude a block needs: the names it uses and does not declare itself. */
function preludeFor(code: string): string[] {
  const used = Object.entries(PRELUDE).filter(([name]) => new RegExp(`\\b${name}\\b`).test(code) && !new RegExp(`\\b(const|let|var|function|class|import)\\s+${name}\\b`).test(code));
  // The VPC service's module, not the provider's root: a program of ~500 declaration files instead of ~2,700.
  return ['import type * as __vpc from "@pulumi/alicloud/vpc";', ...used.map(([, decl]) => decl)];
}

export interface BlockError {
  /** Index of the block in the list checked. */
  block: number;
  line: number;
  message: string;
}

/** Type-checks the blocks as modules at the repository root (so `./components` resolves); returns the errors. */
export function typeCheckBlocks(blocks: CodeBlock[]): BlockError[] {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const files = new Map<string, { block: CodeBlock; offset: number; text: string }>();
  blocks.forEach((block, i) => {
    const prelude = preludeFor(block.code);
    // `export {}` keeps every block its own module, so two blocks may declare the same names.
    files.set(path.join(ROOT, `__readme_block_${i}.ts`), { block, offset: prelude.length, text: `${prelude.join("\n")}\n${block.code}\nexport {};\n` });
  });
  const host = ts.createCompilerHost(config.options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = (f) => files.has(path.resolve(f)) || ts.sys.fileExists(f);
  host.readFile = (f) => files.get(path.resolve(f))?.text ?? readFile(f);
  host.getSourceFile = (f, lang, ...rest) => {
    const virtual = files.get(path.resolve(f));
    return virtual ? ts.createSourceFile(f, virtual.text, lang) : getSourceFile(f, lang, ...rest);
  };
  // The README's consumer example imports the npm package by name: resolve it to the sources it is built from.
  const paths = {
    "@emr-as-code/components": [path.join(ROOT, "components/index.ts")],
    "@emr-as-code/components/multilang": [path.join(ROOT, "multilang/index.ts")],
    "@emr-as-code/components/rules": [path.join(ROOT, "policies/rules/index.ts")],
  };
  const program = ts.createProgram([...files.keys()], { ...config.options, paths, noEmit: true }, host);
  const errors: BlockError[] = [];
  [...files].forEach(([file, { block, offset }], index) => {
    const source = program.getSourceFile(file)!;
    for (const d of [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]) {
      const { line } = source.getLineAndCharacterOfPosition(d.start ?? 0);
      errors.push({ block: index, line: block.line + line - offset, message: ts.flattenDiagnosticMessageText(d.messageText, "\n") });
    }
  });
  return errors;
}

describe("README.md TypeScript examples", () => {
  const blocks = tsBlocks(fs.readFileSync(README, "utf8"));
  /** A block with a type error on its third line, checked in the same program (one compile for the suite). */
  const bad = { line: 1000, code: 'import { EmrCluster } from "./components";\n\nnew EmrCluster("x", { preset: "datalake-ha", nodeGroups: [{ nodeGroupName: "core", nodeCount: "six" }] });' };
  let errors: BlockError[] = [];
  beforeAll(() => {
    errors = typeCheckBlocks([...blocks, bad]);
  }, 60000);

  test("there are ts blocks: the program example and the overrides example", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(2);
  });

  test("every ts block type-checks against the project's types", () => {
    expect(errors.filter((e) => e.block < blocks.length).map((e) => `README.md:${e.line}: ${e.message}`)).toEqual([]);
  });

  test("a block with a type error fails, at its README line", () => {
    const found = errors.filter((e) => e.block === blocks.length);
    expect(found.map((e) => e.line)).toEqual([1002]);
    expect(found[0].message).toMatch(/string.*number|number.*string/s);
  });
});

describe("the package READMEs' TypeScript examples", () => {
  const readmes = ["packages/components/README.md", "packages/check/README.md"];
  test.each(readmes)("%s: every ts block type-checks against the project's types (run as written: test/package/installed.test.ts)", (file) => {
    const blocks = tsBlocks(fs.readFileSync(path.join(ROOT, file), "utf8"));
    expect(typeCheckBlocks(blocks).map((e) => `${file}:${e.line}: ${e.message}`)).toEqual([]);
  }, 60000);
});
