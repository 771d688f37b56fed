/**
 * `--explain <policy>` and `--list-presets`: what a policy checks and how to configure it, what each preset builds.
 * Read from the pack's own policies, the catalog and the presets' data; no program runs.
 */
import * as fs from "fs";
import * as path from "path";
import type { PolicyConfigSchema } from "@pulumi/policy";
import { PRESETS, PRESET_NAMES, type Preset } from "../components/presets";
import { ALL_POLICIES } from "../policies/pack";
import { POLICY_CATALOG } from "../policies/rules/index";
import { didYouMean } from "../policies/rules/suggest";
import { GUARDRAIL_CONFIG_FILE } from "../policies/rules/guardrail-config";
import { UsageError } from "./errors";

/** The "what it checks" cell of the policy's row in policies/README.md, when the README is there. */
function readmeRow(projectDir: string, name: string): string | undefined {
  const file = path.join(projectDir, "policies", "README.md");
  if (!fs.existsSync(file)) return undefined;
  const row = fs.readFileSync(file, "utf8").split("\n").find((l) => l.startsWith(`| \`${name}\` |`));
  // | `name` | kind | level | what it checks | config |: cells split on unescaped pipes.
  const cells = row?.split(/(?<!\\)\|/).map((c) => c.trim());
  return cells?.[4] ? cells[4].replace(/\\\|/g, "|") : undefined;
}

function properties(schema: PolicyConfigSchema | undefined): string[] {
  const props = Object.entries(schema?.properties ?? {});
  if (!props.length) return ["  (none: only its level, enforcementLevel)"];
  return props.map(([key, p]) => {
    const d = p as { type?: string; default?: unknown; description?: string };
    return `  ${key} (${d.type}, default ${JSON.stringify(d.default)}): ${d.description ?? ""}`.trimEnd();
  });
}

/** The text of `--explain <policy>`; an unknown name is a UsageError with the closest policy. */
export function explainPolicy(name: string, projectDir: string): string {
  const entry = POLICY_CATALOG.find((p) => p.name === name);
  const policy = ALL_POLICIES.find((p) => p.name === name);
  if (!entry || !policy) {
    const names = POLICY_CATALOG.map((p) => p.name);
    throw new UsageError(`--explain ${name}: no policy of that name${didYouMean(name, names)}; the pack has ${names.length} policies: ${names.join(", ")}`);
  }
  const kind =
    entry.kind === "validity"
      ? "validity (the cloud would refuse the cluster, or it is inconsistent; the EmrCluster component refuses it too and no configuration relaxes it)"
      : `guardrail (the organisation's threshold, acknowledgement or posture; configured in ${GUARDRAIL_CONFIG_FILE})`;
  const remediates = "remediateResource" in policy && policy.remediateResource ? " (remediation available: at level remediate the pack fixes the resource)" : "";
  const checks = readmeRow(projectDir, name);
  const example = Object.entries(policy.configSchema?.properties ?? {})[0];
  return [
    `${name}`,
    `  ${policy.description}`,
    ...(checks ? [`  What it checks: ${checks.replace(/`/g, "")}`] : []),
    `Kind: ${kind}`,
    `Default level: ${entry.level}${remediates}`,
    "Config properties:",
    ...properties(policy.configSchema),
    "",
    `Configure it in ${GUARDRAIL_CONFIG_FILE} (the --policy-pack-config format), e.g.`,
    entry.kind === "validity"
      ? `  {"${name}": "mandatory"}   (a validity policy stays mandatory)`
      : `  {"${name}": ${example ? `{"enforcementLevel": "${entry.level}", "${example[0]}": ${JSON.stringify((example[1] as { default?: unknown }).default)}}` : `"${entry.level === "mandatory" ? "advisory" : "mandatory"}"`}}`,
  ].join("\n");
}

const groupLine = (g: NonNullable<Preset["nodeGroups"]>[number]): string => {
  const scaling = g.autoScalingPolicy ? `, auto scaling ${g.autoScalingPolicy.constraints.minCapacity ?? 0}–${g.autoScalingPolicy.constraints.maxCapacity}` : "";
  const spot = g.spotStrategy && g.spotStrategy !== "NoSpot" ? `, Spot ${g.spotStrategy}` : "";
  return `${g.nodeGroupName} (${g.nodeGroupType}) ${g.nodeCount} × ${g.instanceTypes.join(" | ")}${spot}${scaling}`;
};

/** The text of `--list-presets`: each preset's key facts, from the presets' own data. */
export function listPresets(): string {
  return PRESET_NAMES.map((name) => {
    const p: Preset = PRESETS[name];
    const sub = p.subscriptionConfig ? ` ${p.subscriptionConfig.paymentDuration} ${p.subscriptionConfig.paymentDurationUnit ?? "Month"}` : "";
    return [
      `${name}: ${p.clusterType} ${p.deployMode} ${p.releaseVersion}`,
      `  applications: ${(p.applications ?? []).join(", ")}`,
      `  metastore: ${p.metastore?.type ?? "-"}; payment: ${p.paymentType ?? "-"}${sub}; security mode: ${p.securityMode ?? "NORMAL"}`,
      `  node groups: ${(p.nodeGroups ?? []).map(groupLine).join("; ")}`,
    ].join("\n");
  }).join("\n\n");
}
