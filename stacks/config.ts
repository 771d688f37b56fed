/**
 * The stack config (`stacks/Pulumi.<stack>.yaml`, namespace `emr:`), read and validated once, at the edge.
 * Cluster specs themselves are validated by the component; this checks the stack's own structure and keeps
 * secrets out of plain config.
 */
import * as alicloudConfig from "@pulumi/alicloud/config/vars";
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { PRESET_NAMES } from "../components/presets";
import { formatPath } from "../components/validate";
import { describeZodIssue } from "../components/zod-issues";
import { parseRetireEntries } from "../policies/rules/gates/retire";
import { GUARDRAIL_CONFIG_FILE } from "../policies/rules/guardrail-config";
import { closest, didYouMean } from "../policies/rules/suggest";

const id = (prefix: string, example: string) =>
  z.string().regex(new RegExp(`^${prefix}-[a-z0-9]+$`), { error: `expected an ID like "${example}"` });

/** Network defaults for every cluster of the stack (a cluster's own spec wins). */
export const networkSchema = z.strictObject({
  vpcId: id("vpc", "vpc-bp1example"),
  zoneId: z.string().regex(/^[a-z]{2}-[a-z0-9-]+$/, { error: 'expected a zone like "cn-hangzhou-i"' }),
  vswitchIds: z.array(id("vsw", "vsw-bp1example")).min(1).max(20),
  keyPairName: z.string().min(1).optional(),
  /** An existing normal security group; leave unset to let each cluster create one. */
  securityGroupId: id("sg", "sg-bp1example").optional(),
});

/**
 * `spec.metastore.external` as a stack file writes it: the JDBC password by the name of its secret config key, never
 * its value (resolveSecrets in program.ts reads the key as a secret and refuses a `password`). The JSON Schema of the
 * stack file (scripts/stack-config-schema.ts) describes this shape instead of the component's `password`.
 */
export const stackExternalMetastoreSchema = z.strictObject({
  connectionUrl: z.string().min(1).describe("The JDBC URL, e.g. jdbc:mysql://rm-xxxx.mysql.rds.aliyuncs.com:3306/hivemeta?createDatabaseIfNotExist=true"),
  userName: z.string().min(1),
  passwordConfigKey: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+$/, { error: 'expected a config key name, like "hiveMetastorePassword"' })
    .describe("The emr: config key that holds the password as a secret: pulumi config set --secret emr:<key> <value>"),
});

export const clusterEntrySchema = z.strictObject({
  /** The Pulumi resource name; never rename it once deployed (a rename replaces the cluster). */
  name: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, { error: 'expected lower-case letters, digits and "-", like "lakehouse"' }),
  preset: z.enum(PRESET_NAMES).optional(),
  /** The Pulumi protect option; defaults to true. */
  protect: z.boolean().optional(),
  /** The cluster spec, deep-merged over the preset. */
  spec: z.record(z.string(), z.unknown()).default({}),
});

export const stackConfigSchema = z.strictObject({
  /** The preset of clusters that name none. */
  preset: z.enum(PRESET_NAMES).optional(),
  network: networkSchema.optional(),
  clusters: z.array(clusterEntrySchema).min(1, { error: 'declare at least one cluster, e.g. [{ name: "analytics", preset: "dev-normal" }]' }),
  /** Standalone TASK groups, attached to a cluster of this stack by its name. */
  taskGroups: z.array(z.strictObject({ cluster: z.string(), group: z.record(z.string(), z.unknown()) })).default([]),
  /**
   * Clusters that left the program on purpose, `{ name, clusterId }` each: the change-aware check reads them (the
   * program has nothing to build for them). Checked by the same parser as the check's.
   */
  retire: z
    .unknown()
    .superRefine((value, ctx) => {
      for (const problem of parseRetireEntries(value).problems) ctx.addIssue({ code: "custom", message: problem });
    })
    .optional(),
  /** Gone: guardrail thresholds live in guardrails.json, read by the policy pack and every other caller. */
  limits: z.never({ error: `guardrail thresholds are no longer set in stack config: set them once in ${GUARDRAIL_CONFIG_FILE} at the repository root (the --policy-pack-config format, e.g. {"emr-node-group-creation-cap": {"maxNodesPerGroupAtCreate": 40}}) and remove emr:limits` }).optional(),
});
export type StackConfig = z.output<typeof stackConfigSchema>;

/** Keys whose values are objects or lists in the stack file; `emr:preset` is a plain string. */
const OBJECT_KEYS = ["network", "clusters", "taskGroups", "retire", "limits"] as const;

/** A stack config that breaks its schema: printed by `pulumi preview` without a stack trace. */
export class StackConfigError extends pulumi.RunError {
  constructor(readonly issues: { path: string; reason: string }[]) {
    super("The stack config is not valid:\n" + issues.map((i) => `  - ${i.path}: ${i.reason}`).join("\n"));
    this.name = "StackConfigError";
  }
}

/** The smallest valid stack file, shown when a stack file declares nothing. */
export const SMALLEST_STACK = `config:
  emr:preset: dev-normal
  emr:network: { vpcId: vpc-bp1example, zoneId: cn-hangzhou-i, vswitchIds: [vsw-bp1example], keyPairName: emr-admin }
  emr:clusters:
    - name: analytics
      spec: { clusterName: analytics }`;

/** Parses raw config values (as `pulumi.Config.getObject` returns them); throws StackConfigError. */
export function parseStackConfig(raw: Record<string, unknown>): StackConfig {
  if (!Object.keys(raw).length) throw new StackConfigError([{ path: "emr:clusters", reason: `the stack file declares no cluster; the smallest valid stack file is:\n${SMALLEST_STACK}` }]);
  // reportInput: so a value of the wrong type is told apart from a missing one ("is required").
  const parsed = stackConfigSchema.safeParse(raw, { reportInput: true });
  if (parsed.success) return parsed.data;
  throw new StackConfigError(parsed.error.issues.map((issue) => ({ path: `emr:${formatPath(issue.path)}`, reason: describeZodIssue(issue, stackConfigSchema) })));
}

/** Namespaces a stack of this program configures: ours, the provider's, and Pulumi's own. */
const NAMESPACES = ["emr", "alicloud", "pulumi"];
const KNOWN_KEYS = [...["preset", ...OBJECT_KEYS].map((k) => `emr:${k}`), ...Object.keys(alicloudConfig).map((k) => `alicloud:${k}`)];

/**
 * Keys of the stack's config that nothing reads: a typo (`emr:cluster`, `alicloud:regin`, `emrr:clusters`) would
 * otherwise be ignored. A namespace far from ours (`example:`) is left to the program that reads it. `secretKeys` are the `emr:` keys the clusters name as their password's (passwordConfigKey).
 */
export function unknownConfigKeys(keys: string[], secretKeys: string[]): { path: string; reason: string }[] {
  const known = [...KNOWN_KEYS, ...secretKeys.map((k) => `emr:${k}`)];
  return keys.flatMap((key) => {
    const namespace = key.split(":")[0];
    if (known.includes(key) || namespace === "pulumi") return [];
    // Another namespace may be another program's (a stack file can serve several); one close to ours is a typo.
    if (!NAMESPACES.includes(namespace)) return closest(namespace, NAMESPACES) ? [{ path: key, reason: `unknown namespace ${namespace} in ${key}${didYouMean(key, known)}; this program reads emr:, alicloud: and pulumi: keys` }] : [];
    return [{ path: key, reason: `unknown key ${key}${didYouMean(key, known.filter((k) => k.startsWith(`${namespace}:`)))}` }];
  });
}

/** The `passwordConfigKey`s the raw clusters name (read before validation, so a typo elsewhere does not hide them). */
function passwordKeys(clusters: unknown): string[] {
  if (!Array.isArray(clusters)) return [];
  return clusters.flatMap((c) => {
    const key = (c as { spec?: { metastore?: { external?: { passwordConfigKey?: unknown } } } } | null)?.spec?.metastore?.external?.passwordConfigKey;
    return typeof key === "string" ? [key] : [];
  });
}

/**
 * Whether a config key was set as a secret (`secure:` in the stack file, or `pulumi config set --secret`). The CLI
 * passes the secret keys to the program; the SDK exposes them only as internal API (pinned version, tested).
 */
export function isSecretConfig(key: string): boolean {
  const internal = require("@pulumi/pulumi/runtime/config") as { isConfigSecret?: (k: string) => boolean };
  return internal.isConfigSecret ? internal.isConfigSecret(key) : true;
}

/** Reads the `emr:` namespace of the current stack's config. */
export function readStackConfig(config = new pulumi.Config("emr")): StackConfig {
  const raw: Record<string, unknown> = {};
  const preset = config.get("preset");
  if (preset !== undefined) raw.preset = preset;
  for (const key of OBJECT_KEYS) {
    let value: unknown;
    try {
      value = config.getObject(key);
    } catch {
      throw new StackConfigError([{ path: `emr:${key}`, reason: "is not valid JSON/YAML" }]);
    }
    if (value !== undefined) raw[key] = value;
  }
  const unknown = unknownConfigKeys(Object.keys(pulumi.runtime.allConfig()), passwordKeys(raw.clusters));
  try {
    const parsed = parseStackConfig(raw);
    if (unknown.length) throw new StackConfigError(unknown);
    return parsed;
  } catch (err) {
    // Every problem at once: a misspelled key often explains a missing one.
    if (err instanceof StackConfigError && unknown.length && err.issues !== unknown) throw new StackConfigError([...unknown, ...err.issues]);
    throw err;
  }
}
