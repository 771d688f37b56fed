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
