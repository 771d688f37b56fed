/**
 * Builds a cluster spec from a preset and the user's values, and validates it before anything is registered:
 * first the shape (zod), then the validity rules (what the cloud would refuse, or what is inconsistent) — the policy
 * pack's own pure rule functions, run over the provider-shaped props, so the component and the pack can never
 * disagree. Guardrails (thresholds, acknowledgements, posture) are the pack's alone, configured in guardrails.json.
 * Every problem is reported at once, each with its field path, the rule, and an example of a right value.
 */
import * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import { METASTORE } from "../policies/rules/domain";
import { UNKNOWN, checkClusterSpec, runRule, ruleContext, findingsOf } from "../policies/rules/index";
import { nodeGroupNamesUnique } from "../policies/rules/topology";
import { deepMerge, isPlainObject, unknownGroupOverrides } from "./merge";
import { PRESETS, PRESET_NAMES, type PresetName } from "./presets";
import { toClusterArgs } from "./provider-args";
import { clusterSpecSchema, type ClusterSpec } from "./spec";
import { describeZodIssue, unknownFields } from "./zod-issues";

export interface SpecIssue {
  /** Field path in the spec, e.g. `nodeGroups[2].nodeCount`. */
  path: string;
  /** What is wrong and how to fix it. */
  reason: string;
  /** The policy of the pack that refuses the same thing, when the issue is a validity rule (not the spec's shape). */
  rule?: string;
}

/**
 * A spec that breaks a rule. A `RunError`, so `pulumi preview` prints the message without a stack trace;
 * `issues` keeps the entries for programs, tests and the offline check (which reports rule issues as the pack's
 * mandatory violations on `resourceName`).
 */
export class ClusterSpecError extends pulumi.RunError {
  constructor(
    readonly clusterName: string,
    readonly issues: SpecIssue[],
    /** The Pulumi resource name of the EmrCluster. Defaults to the cluster name. */
    readonly resourceName: string = clusterName,
  ) {
    super(`EMR cluster "${clusterName}" is not valid:\n` + issues.map((i) => `  - ${i.path}: ${i.reason}`).join("\n"));
    this.name = "ClusterSpecError";
  }
}

/** Several clusters of one program refused at once (the stack program builds them all, then reports every one). */
export class ClusterSpecErrors extends pulumi.RunError {
  constructor(readonly errors: ClusterSpecError[]) {
    super(errors.map((e) => e.message).join("\n"));
    this.name = "ClusterSpecErrors";
  }
}

/** Examples of right values, by field path with list indexes written `[]`. */
const EXAMPLES: Record<string, string> = {
  clusterName: '"lakehouse-prod"',
  clusterType: '"DATALAKE"',
  releaseVersion: '"EMR-5.16.0"',
  deployMode: '"HA" (production) or "NORMAL" (dev/test)',
  paymentType: '"PayAsYouGo" or "Subscription"',
  securityMode: '"NORMAL" or "KERBEROS"',
  "subscriptionConfig.paymentDuration": "12 (months: 1-9, 12, 24, 36, 48, 60)",
  applications: '["HADOOP-COMMON", "HDFS", "YARN", "HIVE", "SPARK3"]',
  "applications[]": '"SPARK3"',
  metastore: '{ type: "USER_RDS" } (HA), { type: "DLF" } or { type: "LOCAL" } (NORMAL only)',
  "metastore.type": '"USER_RDS"',
  "nodeAttributes.vpcId": '"vpc-bp1example"',
  "nodeAttributes.zoneId": '"cn-hangzhou-i"',
  "nodeAttributes.keyPairName": '"emr-admin"',
  nodeGroups: '[{ nodeGroupType: "MASTER", nodeGroupName: "master", nodeCount: 1, ... }]',
  "nodeGroups[].nodeGroupType": '"CORE"',
  "nodeGroups[].nodeGroupName": '"core"',
  "nodeGroups[].nodeCount": "3",
  "nodeGroups[].instanceTypes": '["ecs.g7.xlarge"]',
  "nodeGroups[].vswitchIds": '["vsw-bp1example"]',
  "nodeGroups[].systemDisk": '{ category: "cloud_essd", size: 120 }',
  "nodeGroups[].dataDisks": '[{ category: "cloud_essd", size: 200, count: 2 }]',
  "nodeGroups[].spotStrategy": '"SpotAsPriceGo" (TASK groups only)',
  "nodeGroups[].autoScalingPolicy.constraints.maxCapacity": "40",
  "bootstrapScripts[].scriptPath": '"oss://my-bucket/bootstrap/init.sh"',
  tags: '{ team: "data-platform" }',
};

const IDENTIFIER = /^[A-Za-z_][\w-]*$/;

/** `["nodeGroups", 2, "nodeCount"]` → `nodeGroups[2].nodeCount`; odd keys are quoted: `tags[""]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, seg) => {
    if (typeof seg === "number") return `${out}[${seg}]`;
    const key = String(seg);
    if (!IDENTIFIER.test(key)) return `${out}[${JSON.stringify(key)}]`;
    return out ? `${out}.${key}` : key;
  }, "");
}

function exampleFor(path: string): string | undefined {
  return EXAMPLES[path.replace(/\[\d+\]/g, "[]")];
}

/**
 * `in node group "core": ` for an issue inside a node group, read from the spec that was parsed: after a preset merge
 * the index is the merged list's, which the user never wrote, so the group's name is what they can find.
 */
function nodeGroupOf(input: unknown, path: readonly PropertyKey[]): string {
  if (path[0] !== "nodeGroups" || typeof path[1] !== "number" || !isPlainObject(input) || !Array.isArray(input.nodeGroups)) return "";
  const group: unknown = input.nodeGroups[path[1]];
  const name = isPlainObject(group) ? group.nodeGroupName : undefined;
  return typeof name === "string" && name ? `in node group "${name}": ` : "";
}

function zodIssueToSpecIssue(issue: z.core.$ZodIssue, input: unknown): SpecIssue {
  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys.map((k) => formatPath([...issue.path, k]));
    const hint = issue.keys.includes("masterRootPassword")
      ? "; the alicloud emrv2 provider has no root password field: log in with nodeAttributes.keyPairName"
      : "; remove it or check its spelling against the EmrCluster args";
    return { path: keys.join(", "), reason: `${nodeGroupOf(input, issue.path)}${unknownFields(issue.keys, clusterSpecSchema, issue.path)}${hint}` };
  }
  const path = formatPath(issue.path) || "(spec)";
  const example = exampleFor(path);
  const reason = nodeGroupOf(input, issue.path) + describeZodIssue(issue, clusterSpecSchema);
  return { path, reason: example && !/\(write \[|for example/.test(reason) ? `${reason}; for example ${example}` : reason };
}

/** Replaces every pulumi Output (a value not known before the resources exist) with the rules' UNKNOWN marker. */
export function toRuleView(value: unknown): unknown {
  if (pulumi.Output.isInstance(value)) return UNKNOWN;
  if (Array.isArray(value)) return value.map(toRuleView);
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toRuleView(v)]));
  return value;
}

/** Problems that only exist in the spec's own sugar (not in provider props). */
function specOnlyIssues(spec: ClusterSpec): SpecIssue[] {
  const issues: SpecIssue[] = [];
  if (spec.metastore) {
    spec.applicationConfigs.forEach((c, i) => {
      if (c.configItemKey === METASTORE.key) {
        issues.push({
          path: `applicationConfigs[${i}]`,
          reason: `sets ${METASTORE.key} while metastore is also set; state the metastore once, in metastore (for example { type: "DLF" })`,
        });
      }
    });
  }
  if (spec.metastore?.type === "USER_RDS" && spec.metastore.rds && spec.metastore.external) {
    issues.push({ path: "metastore", reason: "rds (create an instance) and external (use an existing one) exclude each other; keep one" });
  }
  // The pack cannot tell a secret from a literal (policies get secrets unwrapped), so the component decides it here.
  if (spec.metastore?.type === "USER_RDS" && typeof spec.metastore.external?.password === "string") {
    issues.push({
      path: "metastore.external.password",
      reason: 'is plain text; pass a Pulumi secret: run `pulumi config set --secret hiveMetastorePassword <value>` and use new pulumi.Config().requireSecret("hiveMetastorePassword") (stack config: passwordConfigKey)',
    });
  }
  return issues;
}

/**
 * Two node groups of the user's own list with one name: the preset merge would fold them into one group (and the
 * pack would never see it), so they are refused before the merge, with the pack's rule.
 */
export function duplicateGroupNames(userSpec: Record<string, unknown>): SpecIssue[] {
  if (!Array.isArray(userSpec.nodeGroups)) return [];
  const outcome = runRule(nodeGroupNamesUnique, { nodeGroups: userSpec.nodeGroups }, ruleContext());
  return findingsOf(outcome).map((f) => ({ path: f.path, reason: `${f.message}; ${f.fix}`, rule: f.rule }));
}

export interface BuildOptions {
  /** The stack name, for the rules that treat production stacks differently. */
  stackName?: string;
}

/** Validates a merged spec; returns the spec with defaults applied, or every issue found. */
export function checkSpec(input: unknown, options: BuildOptions = {}): { spec?: ClusterSpec; issues: SpecIssue[] } {
  // reportInput: so a value of the wrong type is told apart from a missing one ("is required").
  const parsed = clusterSpecSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) return { issues: parsed.error.issues.map((issue) => zodIssueToSpecIssue(issue, input)) };
  const spec = parsed.data;
  // The rules see the props the provider would get, with the not-yet-created resources as unknowns.
  const placeholders = {
    securityGroupId: spec.nodeAttributes.securityGroupId ?? pulumi.output("pending"),
    jdbc: { url: pulumi.output("pending"), userName: pulumi.output("pending"), password: pulumi.output("pending") },
  };
  const props = toRuleView(toClusterArgs(spec, placeholders));
  const findings = checkClusterSpec(props, { stackName: options.stackName });
  const issues = [...specOnlyIssues(spec), ...findings.map((f) => ({ path: f.path, reason: `${f.message}; ${f.fix}`, rule: f.rule }))];
  return issues.length ? { issues } : { spec, issues };
}

const groupName = (g: unknown): string | undefined => (isPlainObject(g) && typeof g.nodeGroupName === "string" ? g.nodeGroupName : undefined);

/**
 * An issue of a merged spec in the user's terms: a node group's index there is the merged list's (the preset's groups
 * first), which the user never wrote. Each `nodeGroups[i]` (in the path and the reason) becomes the group's index in
 * the user's own `nodeGroups`, or, for a group only the preset has, its name (`nodeGroups["master"]`: groups merge by name).
 */
export function inUserTerms(issue: SpecIssue, merged: Record<string, unknown>, userSpec: Record<string, unknown>): SpecIssue {
  const mergedGroups: unknown[] = Array.isArray(merged.nodeGroups) ? merged.nodeGroups : [];
  const userGroups: unknown[] = Array.isArray(userSpec.nodeGroups) ? userSpec.nodeGroups : [];
  const rename = (text: string) =>
    text.replace(/nodeGroups\[(\d+)\]/g, (whole, index: string) => {
      const name = groupName(mergedGroups[Number(index)]);
      if (name === undefined) return whole;
      const own = userGroups.findIndex((g) => groupName(g) === name);
      return own >= 0 ? `nodeGroups[${own}]` : `nodeGroups[${JSON.stringify(name)}]`;
    });
  return { ...issue, path: rename(issue.path), reason: rename(issue.reason) };
}

export interface ClusterSpecSource {
  /** A planning preset to start from; the user's values are deep-merged over it. */
  preset?: PresetName;
}

/** Merges the preset and the user's values, then validates; throws one ClusterSpecError listing every issue. */
export function buildClusterSpec(name: string, args: ClusterSpecSource & Record<string, unknown>, options: BuildOptions = {}): ClusterSpec {
  const { preset, ...userSpec } = args;
  if (preset !== undefined && !(preset in PRESETS)) {
    throw new ClusterSpecError(name, [{ path: "preset", reason: `unknown preset "${String(preset)}"; use one of ${PRESET_NAMES.join(", ")}` }], name);
  }
  const duplicates = [...duplicateGroupNames(userSpec), ...(preset ? unknownGroupOverrides(preset, PRESETS[preset], userSpec) : [])];
  if (duplicates.length) throw new ClusterSpecError(String(userSpec.clusterName ?? name), duplicates, name);
  const merged = preset ? deepMerge(PRESETS[preset], userSpec) : userSpec;
  const { spec, issues } = checkSpec(merged, options);
  if (!spec) throw new ClusterSpecError(String((merged as { clusterName?: unknown }).clusterName ?? name), preset && isPlainObject(merged) ? issues.map((i) => inUserTerms(i, merged, userSpec)) : issues, name);
  return spec;
}
