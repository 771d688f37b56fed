/**
 * The multi-language plugin as `pulumi package add` would load it, from this repository's sources: a temporary
 * copy of packages/emr-plugin whose tsconfig maps the package import to multilang/ (the published plugin resolves
 * it to the installed npm package instead; test/package covers that).
 */
import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const REPO = resolve(__dirname, "../..");
export const PLUGIN_SOURCE = join(REPO, "packages/emr-plugin");

export function sourcePluginDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "emr-plugin-"));
  copyFileSync(join(PLUGIN_SOURCE, "package.json"), join(dir, "package.json"));
  copyFileSync(join(PLUGIN_SOURCE, "index.ts"), join(dir, "index.ts"));
  const tsconfig = {
    compilerOptions: {
      target: "es2022",
      module: "nodenext",
      moduleResolution: "nodenext",
      strict: true,
      skipLibCheck: true,
      paths: { "@emr-as-code/components/multilang": [join(REPO, "multilang/index.ts")] },
      typeRoots: [join(REPO, "node_modules/@types")],
    },
    files: ["index.ts"],
  };
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify(tsconfig));
  return dir;
}

/** The parts of a Pulumi package schema the tests read. */
export interface SchemaProperty {
  type?: string;
  $ref?: string;
  items?: SchemaProperty;
  additionalProperties?: SchemaProperty;
  description?: string;
  secret?: boolean;
  plain?: boolean;
}
export interface PackageSchema {
  name: string;
  version: string;
  resources: Record<string, { inputProperties: Record<string, SchemaProperty>; requiredInputs: string[]; properties: Record<string, SchemaProperty> }>;
  types: Record<string, { type: string; properties?: Record<string, SchemaProperty>; enum?: { name: string; value: string }[] }>;
}

export const TOKEN = "emr:index:EmrClusterComponent";

/** The type definition a `$ref` points to (`#/types/<token>`). */
export function refType(schema: PackageSchema, prop: SchemaProperty) {
  return prop.$ref ? schema.types[prop.$ref.replace("#/types/", "")] : undefined;
}
