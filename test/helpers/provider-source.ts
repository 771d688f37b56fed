/**
 * The provider's schema table (policies/rules/provider-schema.ts) as rows, and the Go text each entry stands for at
 * its cited line of terraform-provider-alicloud's source. The fast tier runs every row through the rules
 * (test/policies/rules-issue17.test.ts); the engine tier reads each cited line in the module the engine's provider
 * is built from (test/engine/provider-source.engine.ts).
 */
import { PROVIDER_SCHEMA, type SchemaEntry } from "../../policies/rules/provider-schema";

/** Every entry of the table: [resource type, table path, entry]. */
export const SCHEMA_ENTRIES = Object.entries(PROVIDER_SCHEMA).flatMap(([type, table]) => Object.entries(table).map(([p, entry]) => [type, p, entry] as const));

/** The Go text each kind of entry stands for, as written in the provider (its PayType constants spelled out where used). */
export function goText(entry: SchemaEntry): string {
  const quoted = (values: readonly (string | number)[]) => values.map((v) => (typeof v === "string" ? `"${v}"` : String(v))).join(", ");
  switch (entry.kind) {
    case "oneOf":
      return entry.values.every((v) => ["Postpaid", "Prepaid", "Serverless"].includes(v))
        ? `StringInSlice([]string{${entry.values.map((v) => `string(${v})`).join(", ")}}, false)` // common.go:50-52: PayType("Prepaid") etc.
        : `StringInSlice([]string{${quoted(entry.values)}}, false)`;
    case "intOneOf":
      return `IntInSlice([]int{${quoted(entry.values)}})`;
    case "intRange":
      return `IntBetween(${entry.min}, ${entry.max})`;
    case "integer":
      return "Type:     schema.TypeInt,";
    case "pattern":
      return `regexp.MustCompile(\`${entry.pattern.source}\`)`;
    case "length":
      return `StringLenBetween(${entry.min}, ${entry.max})`;
    case "boolean":
      return "Type:     schema.TypeBool,";
  }
}

/**
 * The schema field whose block holds `line` (1-based) of a resource file: its name and which of Required, Optional,
 * Computed and ForceNew it sets true. A top-level field is `\t\t\t"name": {` up to the `\t\t\t},` that closes it.
 */
export function schemaFieldAt(goSource: string, line: number): { name: string; flags: string[] } {
  const lines = goSource.split("\n");
  let start = line - 1;
  while (start >= 0 && !/^\t\t\t"[a-z_0-9]+": \{/.test(lines[start])) start--;
  let end = start + 1;
  while (end < lines.length && !/^\t\t\t\},?$/.test(lines[end])) end++;
  if (start < 0 || end >= lines.length || line - 1 > end) throw new Error(`line ${line} is in no top-level schema field`);
  const block = lines.slice(start, end + 1).join("\n");
  const name = /^\t\t\t"([a-z_0-9]+)"/.exec(lines[start])![1];
  return { name, flags: ["Required", "Optional", "Computed", "ForceNew"].filter((flag) => new RegExp(`^\\t\\t\\t\\t${flag}:\\s*true`, "m").test(block)) };
}
