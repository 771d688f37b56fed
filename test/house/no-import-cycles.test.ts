/**
 * No import circles in the project's own sources (issue 22 cut three: check/report, client.ts <-> its gates, the rule
 * types <-> the view). Every source file outside test/ and node_modules is parsed with TypeScript's parser, its
 * relative imports resolved as Node and the jest mapper do (`./x.js` is `./x.ts`), and the graph must have no cycle.
 *
 * Type-only imports count: `farm-studio look`, whose "circles 0" the issue asks for, draws them as arrows (a lone
 * `import type` closes a circle there), and a circle of types still ties two modules' designs to each other; only
 * the load order is spared. `require("./x")` and `import("./x")` count too: bin/ loads the CLIs with them.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ts from "typescript";
import { lineOf, parseSource, ROOT, sourceFiles } from "../helpers/sources";

interface Edge {
  to: string;
  /** `check/cli.ts:12`: where the import is written. */
  at: string;
}

/** Every module specifier the file names: import/export ... from, import x = require, require(), import(), import("x") types. */
function specifiers(file: string): { spec: string; line: number }[] {
  const source = parseSource(file);
  const out: { spec: string; line: number }[] = [];
  const add = (node: ts.Node | undefined) => {
    if (node && ts.isStringLiteralLike(node)) out.push({ spec: node.text, line: lineOf(source, node) });
  };
  const visit = (n: ts.Node): void => {
    if (ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) add(n.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(n) && ts.isExternalModuleReference(n.moduleReference)) add(n.moduleReference.expression);
    else if (ts.isCallExpression(n) && (n.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(n.expression) && n.expression.text === "require"))) add(n.arguments[0]);
    else if (ts.isImportTypeNode(n) && ts.isLiteralTypeNode(n.argument)) add(n.argument.literal);
    ts.forEachChild(n, visit);
  };
  visit(source);
  return out;
}

/** The file a relative specifier loads (`./x.js` written for `./x.ts` as well); undefined when nothing is there. */
function resolveRelative(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  const candidates = [...(base.endsWith(".js") ? [base.slice(0, -3) + ".ts"] : []), base, ...[".ts", ".js", ".json", "/index.ts", "/index.js"].map((x) => base + x)];
  return candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
}

/** The import graph of `files` (paths relative to `root`); a relative import that loads nothing is listed apart. */
function importGraph(root: string, files: readonly string[]) {
  const known = new Set(files);
  const graph = new Map<string, Edge[]>();
  const unresolved: string[] = [];
  for (const file of files) {
    const edges: Edge[] = [];
    for (const { spec, line } of specifiers(file)) {
      if (!spec.startsWith(".")) continue;
      const at = `${path.relative(root, file)}:${line}`;
      const to = resolveRelative(file, spec);
      if (to === undefined) unresolved.push(`${at} "${spec}"`);
      else if (known.has(to)) edges.push({ to, at });
    }
    graph.set(file, edges);
  }
  return { graph, unresolved };
}

/** A circle of each strongly connected part of the graph (Tarjan), written `a.ts:3 -> b.ts:9 -> a.ts`. */
function circles(graph: ReadonlyMap<string, Edge[]>): string[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const parts: string[][] = [];
  const connect = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    for (const { to } of graph.get(v) ?? []) {
      if (!index.has(to)) connect(to);
      if (stack.includes(to)) low.set(v, Math.min(low.get(v)!, low.get(to)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const part: string[] = [];
    for (let w = stack.pop()!; ; w = stack.pop()!) {
      part.push(w);
      if (w === v) break;
    }
    if (part.length > 1 || graph.get(v)!.some((e) => e.to === v)) parts.push(part);
  };
  for (const v of graph.keys()) if (!index.has(v)) connect(v);
  // The shortest circle of each part: the one a new import closes is usually it, whatever else the part holds.
  return parts.map((part) => {
    const steps = part.sort().map((start) => shortestCircle(graph, new Set(part), start)).reduce((a, b) => (b.length < a.length ? b : a));
    return `${steps.join(" -> ")} -> ${steps[0].replace(/:\d+$/, "")}`;
  });
}

/** The shortest way from `start` back to itself inside one part (breadth first): the place of each import on it. */
function shortestCircle(graph: ReadonlyMap<string, Edge[]>, part: ReadonlySet<string>, start: string): string[] {
  const via = new Map<string, Edge & { from: string }>();
  const queue = [start];
  while (queue.length && !via.has(start)) {
    const v = queue.shift()!;
    for (const e of graph.get(v)!) {
      if (!part.has(e.to) || via.has(e.to)) continue;
      via.set(e.to, { ...e, from: v });
      queue.push(e.to);
    }
  }
  const steps: string[] = [];
  let v = start;
  do {
    const e = via.get(v)!;
    steps.unshift(e.at);
    v = e.from;
  } while (v !== start);
  return steps;
}

describe("the import graph", () => {
  const { graph, unresolved } = importGraph(ROOT, sourceFiles(ROOT));
  const importsOf = (file: string) => (graph.get(path.join(ROOT, file)) ?? []).map((e) => path.relative(ROOT, e.to));

  test("the project's sources have no import circle (each circle is printed with the line of every import in it)", () => {
    expect(circles(graph)).toEqual([]);
  });

  test("it reads every kind of import in the real tree, and every relative import loads a file", () => {
    expect(unresolved).toEqual([]);
    expect(importsOf("bin/emr-check.js")).toEqual(expect.arrayContaining(["bin/require-node.js", "check/typescript-hooks.js", "check/cli.ts"])); // require()
    expect(importsOf("check/record/record-state.ts")).toEqual(expect.arrayContaining(["check/program/capture.ts", "policies/engine.ts"])); // import type, import
    expect(importsOf("client/scaling-gate.ts")).toContain("policies/rules/gates/index.ts"); // "./x/index.js" written for the TypeScript source
  });
});

describe("the circle finder itself", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "import-cycles-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (files: Record<string, string>) => {
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    return importGraph(dir, Object.keys(files).map((f) => path.join(dir, f)));
  };

  test("finds a circle closed by a type-only import, by require(), by import() and through a .js suffix; not a chain", () => {
    const { graph, unresolved } = write({
      "a.ts": 'import type { B } from "./b";\nexport type A = B;',
      "b.ts": 'import { a } from "./a.js";\nexport const a = 1;',
      "c.ts": 'export const c = () => require("./d");',
      "d.ts": 'export const d = () => import("./c");',
      "e.ts": 'import "./f";',
      "f.ts": "export {};",
    });
    expect(unresolved).toEqual([]);
    expect(circles(graph).sort()).toEqual(["a.ts:1 -> b.ts:1 -> a.ts", "c.ts:1 -> d.ts:1 -> c.ts"]);
  });

  test("a relative import that loads nothing is reported, not skipped", () => {
    expect(write({ "g.ts": 'import { x } from "./missing";' }).unresolved).toEqual(['g.ts:1 "./missing"']);
  });
});
