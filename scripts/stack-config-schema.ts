/**
 * The JSON Schema of a stack file (`stacks/Pulumi.<stack>.yaml`), generated from the same zod schemas the program
 * validates with (stacks/config.ts, components/spec.ts, components/auto-scaling.ts), so editors complete and check
 * what the preview would refuse. `npm run schema` writes schemas/stack-config.schema.json; a test fails when the
 * committed file is stale.
 *
 * A cluster's `spec` is written over a preset (components/merge.ts): every field is optional, `null` drops the
 * preset's value, and keyed list entries (node groups, bootstrap scripts, application configs) name their key and
 * may say `remove: true`. The schema describes that shape; the merged spec is still validated by the component.
 */
import * as fs from "fs";
import * as path from "path";
import { z } from "zod";
import { clusterSpecSchema, nodeGroupSchema } from "../components/spec";
import { clusterEntrySchema, stackConfigSchema, stackExternalMetastoreSchema } from "../stacks/config";

type Json = Record<string, any>;

export const SCHEMA_FILE = path.join(__dirname, "..", "schemas", "stack-config.schema.json");

/** A zod schema as JSON Schema: input shapes (defaults optional); a pulumi Output cannot be written in YAML. */
function toJson(schema: z.ZodType): Json {
  const json = z.toJSONSchema(schema, {
    io: "input",
    unrepresentable: "any",
    override: (ctx) => {
      if (ctx.zodSchema._zod.def.type === "custom") ctx.jsonSchema.not = {};
    },
  }) as Json;
  delete json.$schema;
  return json;
}

/** The keyed lists of a spec and the fields that name an entry (merge.ts LIST_KEYS). */
const KEYED: Record<string, string[]> = {
  nodeGroups: ["nodeGroupName"],
  bootstrapScripts: ["scriptName"],
  applicationConfigs: ["applicationName", "configFileName", "configItemKey"],
};

/** A schema made an override of a preset: nothing required, `null` allowed, keyed entries may be removed. */
function override(schema: Json, key?: string): Json {
  if (Array.isArray(schema.oneOf)) return { ...schema, oneOf: undefined, anyOf: schema.oneOf.map((s: Json) => override(s)) };
  if (Array.isArray(schema.anyOf)) return { ...schema, anyOf: schema.anyOf.map((s: Json) => override(s)) };
  if (schema.type === "array" && schema.items && key && KEYED[key]) {
    const entry = override(schema.items);
    entry.properties = { ...entry.properties, remove: { type: "boolean", description: "true: drop the preset's entry of this name" } };
    entry.required = KEYED[key];
    return { ...schema, items: entry };
  }
  if (schema.type !== "object" || !schema.properties) return schema;
  const properties: Json = {};
  for (const [k, v] of Object.entries(schema.properties as Json)) properties[k] = { anyOf: [override(v as Json, k), { type: "null", description: "drops the preset's value" }] };
  const { required: _required, ...rest } = schema;
  return { ...rest, properties };
}

/** A `secure:` value, as `pulumi config set --secret` writes it. */
const SECURE = { type: "object", properties: { secure: { type: "string" } }, required: ["secure"], additionalProperties: false };
/** `emr:retire` (read by policies/rules/change/plan.ts, parseRetireEntries). */
const RETIRE = {
  type: "array",
  description: "Clusters that left the program, by their Pulumi resource name and cluster ID (the change-aware check reads them).",
  items: { type: "object", properties: { name: { type: "string", minLength: 1 }, clusterId: { type: "string", pattern: "^c-[0-9a-z]+$" } }, required: ["name", "clusterId"], additionalProperties: false },
};

/**
 * The spec's `metastore.external` as a stack file writes it (stacks/config.ts): `passwordConfigKey` names the secret
 * config key; a `password` (plain text in the file) is not allowed. The component's own shape takes a Pulumi secret.
 */
function withStackExternalMetastore(spec: Json): void {
  const branches = (schema: Json): Json[] => [schema, ...((schema.anyOf ?? []) as Json[]).flatMap(branches)];
  const userRds = branches(spec.properties.metastore).find((b) => b.properties?.type?.const === "USER_RDS" || b.properties?.type?.anyOf?.[0]?.const === "USER_RDS");
  if (!userRds) throw new Error("the metastore schema has no USER_RDS branch");
  userRds.properties.external = { anyOf: [toJson(stackExternalMetastoreSchema), { type: "null", description: "drops the preset's value" }] };
}

export function stackConfigJsonSchema(): Json {
  const stack = toJson(stackConfigSchema);
  const entry = toJson(clusterEntrySchema);
  entry.properties.spec = { ...override(toJson(clusterSpecSchema)), description: "The cluster spec, deep-merged over the preset (components/spec.ts)." };
  withStackExternalMetastore(entry.properties.spec);
  // A standalone TASK group is a whole node group (the component validates it as one).
  const taskGroup = toJson(z.strictObject({ cluster: z.string().describe("The name of a cluster of this stack."), group: nodeGroupSchema }));
  const emr: Json = {};
  for (const [key, value] of Object.entries(stack.properties as Json)) {
    emr[`emr:${key}`] = key === "clusters" ? { ...value, items: entry } : key === "taskGroups" ? { ...value, items: taskGroup } : value;
  }
  emr["emr:retire"] = RETIRE;
  const known = Object.keys(emr).map((k) => k.slice(4)).join("|");
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "https://github.com/emr-as-code/schemas/stack-config.schema.json",
    title: "Pulumi.<stack>.yaml of the EMR clusters program",
    description: "Generated from the zod schemas by `npm run schema`; do not edit by hand.",
    type: "object",
    properties: {
      config: {
        type: "object",
        properties: { "alicloud:region": { type: "string", description: "The region, e.g. cn-hangzhou." }, ...emr },
        required: (stack.required as string[]).map((k) => `emr:${k}`),
        patternProperties: {
          // Another emr: key is a secret the program reads by name (e.g. emr:hiveMetastorePassword).
          [`^emr:(?!(${known})$)[A-Za-z0-9_.-]+$`]: { ...SECURE, description: "A secret, set with pulumi config set --secret" },
          "^(?!emr:|alicloud:region$)[A-Za-z0-9_-]+:[A-Za-z0-9_.-]+$": {},
        },
        additionalProperties: false,
      },
    },
  };
}

if (require.main === module) {
  fs.mkdirSync(path.dirname(SCHEMA_FILE), { recursive: true });
  fs.writeFileSync(SCHEMA_FILE, JSON.stringify(stackConfigJsonSchema(), null, 2) + "\n");
  process.stdout.write(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}\n`);
}
