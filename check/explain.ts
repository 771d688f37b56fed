/**
 * `--explain <rule>`, `--list-rules` and `--list-presets`: what a rule checks and how to configure it, every rule in
 * a line, what each preset builds. Rendered from the rule catalog and the presets' data; no program runs, and no
 * document is read (policies/README.md is generated from the same catalog).
 */
import { PRESETS, PRESET_NAMES, type Preset } from "../components/presets";
import { limitHome, propertyInfo, RULE_CATALOG, ruleEntry, type PropertyInfo, type RuleEntry } from "../policies/rules/catalog";
import { didYouMean } from "../policies/rules/suggest";
import { GUARDRAIL_CONFIG_FILE } from "../policies/rules/guardrail-config";
import { UsageError } from "./errors";

/** What each kind means, for a reader who meets the word in a report. */
export const KIND_TEXT: Readonly<Record<RuleEntry["kind"], string>> = {
  validity: "validity (the cloud would refuse the cluster, or it is inconsistent; the EmrCluster component refuses it too and no configuration relaxes it)",
  guardrail: `guardrail (the organisation's threshold, acknowledgement or posture; configured in ${GUARDRAIL_CONFIG_FILE})`,
  change: "change (judges the EMR API calls a `pulumi up` makes the provider send: emr-check --state/--plan, the live gate and EmrClient's writes)",
};

function propertyLine(entry: RuleEntry, p: PropertyInfo): string {
  const where = entry.kind === "change" && p.key !== "productionStacks" ? `; set under ${limitHome(p.key).name}` : "";
  return `  ${p.key} (${p.type}, default ${JSON.stringify(p.default)}${where}): ${p.description}`;
}

/** The example of a guardrails.json entry for the rule. */
function configExample(entry: RuleEntry): string[] {
  if (entry.kind === "validity") return [`  {"${entry.name}": "mandatory"}   (a validity policy stays mandatory)`];
  if (entry.kind === "change") {
    const [first] = entry.limits;
    return first ? [`  {"${limitHome(first).name}": {"${first}": ${propertyInfo(entry)[0].default}}}   (its level is not configurable)`] : ["  nothing: its level is not configurable and it reads no threshold"];
  }
  const [first] = propertyInfo(entry);
  return [`  {"${entry.name}": ${first ? `{"enforcementLevel": "${entry.level}", "${first.key}": ${JSON.stringify(first.default)}}` : `"${entry.level === "mandatory" ? "advisory" : "mandatory"}"`}}`];
}

/** The text of `--explain <rule>`, a policy or a change rule; an unknown name is a UsageError with the closest rule. */
export function explainRule(name: string): string {
  const entry = ruleEntry(name);
  if (!entry) {
    const names = RULE_CATALOG.map((r) => r.name);
    throw new UsageError(`--explain ${name}: no rule of that name${didYouMean(name, names)}; emr-check --list-rules lists all ${names.length}`);
  }
  const props = propertyInfo(entry);
  const isChange = entry.kind === "change";
  const level = isChange ? `Level: ${entry.level} (a change rule's level is not configurable)` : `Default level: ${entry.level}${entry.remediation ? " (remediation available: at level remediate the pack fixes the resource)" : ""}`;
  return [
    entry.name,
    `  ${entry.description}`,
    `Kind: ${KIND_TEXT[entry.kind]}`,
    level,
    `Judges: ${entry.judges}`,
    ...entry.seed.map((line) => `Seed (002): ${line}`),
    `Fix: ${entry.fix}`,
    ...(entry.note ? [`Note: ${entry.note}`] : []),
    isChange ? "Thresholds it reads:" : "Config properties:",
    ...(props.length ? props.map((p) => propertyLine(entry, p)) : [isChange ? "  (none)" : "  (none: only its level, enforcementLevel)"]),
    `Docs: ${entry.anchor}`,
    "",
    `Configure it in ${GUARDRAIL_CONFIG_FILE} (the --policy-pack-config format), e.g.`,
    ...configExample(entry),
  ].join("\n");
}

/** The text of `--list-rules`: every rule in a line (name, kind, level, description), the policies first. */
export function listRules(): string {
  const width = Math.max(...RULE_CATALOG.map((r) => r.name.length));
  const line = (r: RuleEntry) => `${r.name.padEnd(width)}  ${r.kind.padEnd(9)}  ${r.level.padEnd(9)}  ${r.description}`;
  const policies = RULE_CATALOG.filter((r) => r.kind !== "change");
  const changes = RULE_CATALOG.filter((r) => r.kind === "change");
  return [
    `Policies of the emr-guardrails pack (${policies.length}; levels and thresholds in ${GUARDRAIL_CONFIG_FILE}):`,
    ...policies.map(line),
    "",
    `Change rules (${changes.length}; emr-check --state/--plan, the live gate and EmrClient):`,
    ...changes.map(line),
    "",
    "emr-check --explain <rule> tells one in full.",
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
