/**
 * The shape of a data source's result, read from the provider's declared types: for an invoke token like
 * `alicloud:resourcemanager/getResourceGroups:getResourceGroups`, the `GetResourceGroupsResult` interface of
 * `@pulumi/alicloud/resourcemanager/getResourceGroups.d.ts`, its fields' types followed into `types/output.d.ts`.
 * Syntax only (the TypeScript parser, no type-checker): the generated declarations use a few plain forms. Shapes are
 * cached per provider version in node_modules/.cache/emr-check, so the 2 MB of output types is parsed once.
 */
import * as fs from "fs";
import * as path from "path";
import type * as TS from "typescript";

export type Shape =
  | { kind: "string" | "number" | "boolean" | "unknown" }
  | { kind: "list"; item: Shape }
  | { kind: "map" }
  | { kind: "object"; fields: Record<string, { shape: Shape; optional: boolean }> };

const TOKEN = /^([a-z0-9-]+):([A-Za-z0-9/_-]+)\/([A-Za-z0-9_]+):([A-Za-z0-9_]+)$/;

/** `alicloud:index/getZones:getZones` → the declaration file and the result interface's name. */
function resultDeclaration(token: string, providerDir: string): { file: string; name: string } | undefined {
  const m = TOKEN.exec(token);
  if (!m) return undefined;
  const [, , module, fn] = m;
  const file = path.join(providerDir, module === "index" ? "" : module, `${fn}.d.ts`);
  return { file, name: `${fn[0].toUpperCase()}${fn.slice(1)}Result` };
}

const entityName = (ts: typeof TS, n: TS.EntityName): string => (ts.isIdentifier(n) ? n.text : `${entityName(ts, n.left)}.${n.right.text}`);

type Interfaces = Map<string, TS.InterfaceDeclaration>;

/** Every interface of a declaration file by its qualified name (`GetZonesZone`, `resourcemanager.GetResourceGroupsGroup`). */
function interfacesOf(ts: typeof TS, file: string): Interfaces {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, false);
  const out: Interfaces = new Map();
  const visit = (statements: readonly TS.Statement[], prefix: string) => {
    for (const s of statements) {
      if (ts.isInterfaceDeclaration(s)) out.set(prefix + s.name.text, s);
      else if (ts.isModuleDeclaration(s) && ts.isIdentifier(s.name) && s.body && ts.isModuleBlock(s.body)) visit(s.body.statements, `${prefix}${s.name.text}.`);
    }
  };
  visit(source.statements, "");
  return out;
}

/** Reads types declared in a provider package, one file parsed once. */
class DeclarationReader {
  private readonly files = new Map<string, Interfaces>();
  constructor(
    private readonly ts: typeof TS,
    private readonly providerDir: string,
  ) {}

  private interfaces(file: string): Interfaces {
    let found = this.files.get(file);
    if (!found) this.files.set(file, (found = interfacesOf(this.ts, file)));
    return found;
  }

  shapeOf(token: string): Shape | undefined {
    const decl = resultDeclaration(token, this.providerDir);
    if (!decl || !fs.existsSync(decl.file)) return undefined;
    const result = this.interfaces(decl.file).get(decl.name);
    return result ? this.objectShape(result, new Set()) : undefined;
  }

  private objectShape(decl: TS.InterfaceDeclaration, seen: Set<TS.InterfaceDeclaration>): Shape {
    const fields: Record<string, { shape: Shape; optional: boolean }> = {};
    const inner = new Set(seen).add(decl);
    for (const member of decl.members) {
      if (!this.ts.isPropertySignature(member) || !member.type || !this.ts.isIdentifier(member.name)) continue;
      fields[member.name.text] = { shape: this.typeShape(member.type, inner), optional: !!member.questionToken };
    }
    return { kind: "object", fields };
  }

  private typeShape(node: TS.TypeNode, seen: Set<TS.InterfaceDeclaration>): Shape {
    const ts = this.ts;
    switch (node.kind) {
      case ts.SyntaxKind.StringKeyword:
        return { kind: "string" };
      case ts.SyntaxKind.NumberKeyword:
        return { kind: "number" };
      case ts.SyntaxKind.BooleanKeyword:
        return { kind: "boolean" };
    }
    if (ts.isArrayTypeNode(node)) return { kind: "list", item: this.typeShape(node.elementType, seen) };
    if (ts.isTypeLiteralNode(node)) return { kind: "map" };
    if (ts.isTypeReferenceNode(node)) {
      // `outputs.GetZonesZone` or `outputs.resourcemanager.GetResourceGroupsGroup`, declared in types/output.d.ts.
      const name = entityName(ts, node.typeName).replace(/^outputs\./, "");
      const decl = this.interfaces(path.join(this.providerDir, "types", "output.d.ts")).get(name);
      if (decl && !seen.has(decl)) return this.objectShape(decl, seen);
    }
    return { kind: "unknown" };
  }
}

/** The provider's package folder (as the program would load it) and its version. */
function provider(fromDir: string, name: string): { dir: string; version: string } | undefined {
  try {
    const pkg = require.resolve(`${name}/package.json`, { paths: [fromDir] });
    return { dir: path.dirname(pkg), version: String((JSON.parse(fs.readFileSync(pkg, "utf8")) as { version?: unknown }).version) };
  } catch {
    return undefined;
  }
}

/**
 * Result shapes of invoke tokens, derived once per provider version and kept in `cacheDir`. Only the `alicloud`
 * provider's tokens are known; `undefined` for any other.
 */
export class InvokeShapes {
  private cache: Record<string, Shape | null> | undefined;
  private reader: DeclarationReader | undefined;
  private readonly provider: { dir: string; version: string } | undefined;

  constructor(
    fromDir: string,
    private readonly cacheDir: string,
  ) {
    this.provider = provider(fromDir, "@pulumi/alicloud");
  }

  private get cacheFile(): string {
    return path.join(this.cacheDir, `invoke-shapes-alicloud-${this.provider?.version}.json`);
  }

  shapeOf(token: string): Shape | undefined {
    if (!this.provider || !token.startsWith("alicloud:")) return undefined;
    this.cache ??= fs.existsSync(this.cacheFile) ? (JSON.parse(fs.readFileSync(this.cacheFile, "utf8")) as Record<string, Shape | null>) : {};
    if (!(token in this.cache)) {
      // Loaded only for a token not cached yet.
      this.reader ??= new DeclarationReader(require("typescript") as typeof TS, this.provider.dir);
      this.cache[token] = this.reader.shapeOf(token) ?? null;
      fs.mkdirSync(this.cacheDir, { recursive: true });
      fs.writeFileSync(`${this.cacheFile}.${process.pid}`, JSON.stringify(this.cache));
      fs.renameSync(`${this.cacheFile}.${process.pid}`, this.cacheFile);
    }
    return this.cache[token] ?? undefined;
  }
}
