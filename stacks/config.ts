/**
 * The stack config (`stacks/Pulumi.<stack>.yaml`, namespace `emr:`), read and validated once, at the edge.
 * Cluster specs themselves are validated by the component; this checks the stack's own structure and keeps
 * secrets out of plain config.
 */
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { PRESET_NAMES } from "../components/presets";
import { formatPath } from "../components/validate";
import { GUARDRAIL_CONFIG_FILE } from "../policies/rules/guardrail-config";

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
  /** Gone: guardrail thresholds live in guardrails.json, read by the policy pack and every other caller. */
  limits: z.never({ error: `guardrail thresholds are no longer set in stack config: set them once in ${GUARDRAIL_CONFIG_FILE} at the repository root (the --policy-pack-config format, e.g. {"emr-node-group-creation-cap": {"maxNodesPerGroupAtCreate": 40}}) and remove emr:limits` }).optional(),
});
export type StackConfig = z.output<typeof stackConfigSchema>;

/** Keys whose values are objects or lists in the stack file; `emr:preset` is a plain string. */
const OBJECT_KEYS = ["network", "clusters", "taskGroups", "limits"] as const;

/** A stack config that breaks its schema: printed by `pulumi preview` without a stack trace. */
export class StackConfigError extends pulumi.RunError {
  constructor(readonly issues: { path: string; reason: string }[]) {
    super("The stack config is not valid:\n" + issues.map((i) => `  - ${i.path}: ${i.reason}`).join("\n"));
    this.name = "StackConfigError";
  }
}

/** Parses raw config values (as `pulumi.Config.getObject` returns them); throws StackConfigError. */
export function parseStackConfig(raw: Record<string, unknown>): StackConfig {
  const parsed = stackConfigSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new StackConfigError(parsed.error.issues.map((issue) => ({ path: `emr:${formatPath(issue.path)}`, reason: issue.message })));
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
  return parseStackConfig(raw);
}
