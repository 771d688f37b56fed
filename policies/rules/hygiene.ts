/** User text and scripts: names, descriptions, passwords and bootstrap script locations. */
import { DEFAULT_PRODUCTION_STACK_PATTERNS, NAME_LIMITS, TAG_RULES } from "./domain";
import { OutcomeBuilder, UNKNOWN, type Finding, type RuleContext } from "./types";
import type { ClusterRule } from "./rule";
import { isKnown, MALFORMED } from "./view";

/** Letters are English or Chinese only (accented Latin and Cyrillic are not); digits are 0-9. */
const LETTER = String.raw`A-Za-z\p{Script=Han}`;
/** Cluster names (RunCluster): an English or Chinese letter first, then letters, digits, `_` and `-`. */
const CLUSTER_NAME = new RegExp(`^[${LETTER}][${LETTER}0-9_-]*$`, "u");
/** Node-group names: letters, digits, `_` and `-`; a digit may come first (`1st_task`). */
const NODE_GROUP_NAME = new RegExp(`^[${LETTER}0-9_-]+$`, "u");
/** Characters a shell or a JSON/XML config would interpret. */
const SHELL_METACHARACTERS = /[`$;&|<>\\!(){}[\]*?~#'"\n\r]/;

const TEXT_RULE = "emr-names-and-descriptions";

interface NameRule {
  what: string;
  pattern: RegExp;
  max: number;
  /** The allowed characters, for messages. */
  allowed: string;
  example: string;
}

function checkName(value: unknown, path: string, rule: NameRule): Finding[] {
  const fail = (message: string): Finding[] => [{ rule: TEXT_RULE, path, message, fix: `use ${rule.allowed}, at most ${rule.max} characters, e.g. "${rule.example}"` }];
  if (value === UNKNOWN) return [];
  if (typeof value !== "string" || value.length === 0) return fail(`${rule.what} is missing or not text`);
  if (value.length > rule.max) return fail(`${rule.what} "${value.slice(0, 20)}…" has ${value.length} characters; at most ${rule.max}`);
  if (!rule.pattern.test(value)) return fail(`${rule.what} ${JSON.stringify(value)} is not made of ${rule.allowed}`);
  return [];
}

/** ClusterName: at most NAME_LIMITS.clusterName characters (see there why). */
export function checkClusterName(value: unknown, path = "clusterName"): Finding[] {
  return checkName(value, path, { what: "cluster name", pattern: CLUSTER_NAME, max: NAME_LIMITS.clusterName, allowed: 'English or Chinese letters, digits, "_" and "-", starting with a letter', example: "lakehouse-prod" });
}

export function checkNodeGroupName(value: unknown, path = "nodeGroupName"): Finding[] {
  return checkName(value, path, { what: "node group name", pattern: NODE_GROUP_NAME, max: NAME_LIMITS.nodeGroupName, allowed: 'English or Chinese letters, digits, "_" and "-" (a digit may come first)', example: "1st_task" });
}

export function checkDescription(value: unknown, path = "description"): Finding[] {
  if (value === undefined || value === UNKNOWN) return [];
  const fix = `plain words, digits and ".,:_-/ " only, at most ${NAME_LIMITS.description} characters, e.g. "Nightly ETL for the finance team"`;
  if (typeof value !== "string") return [{ rule: TEXT_RULE, path, message: "description is not text", fix }];
  if (value.length > NAME_LIMITS.description) return [{ rule: TEXT_RULE, path, message: `description has ${value.length} characters; at most ${NAME_LIMITS.description}`, fix }];
  if (SHELL_METACHARACTERS.test(value)) return [{ rule: TEXT_RULE, path, message: `description contains shell or config metacharacters (${JSON.stringify(value.match(SHELL_METACHARACTERS)?.[0])})`, fix }];
  return [];
}

export const namesAndDescriptions: ClusterRule = {
  name: TEXT_RULE,
  check(view) {
    const out = new OutcomeBuilder(this.name);
    if (view.clusterName === UNKNOWN) out.unknown("clusterName");
    else out.applies();
    for (const f of checkClusterName(view.clusterName === MALFORMED ? 0 : view.clusterName)) out.fail(f.path, f.message, f.fix);
    if (Array.isArray(view.nodeGroups)) {
      for (const g of view.nodeGroups) {
        for (const f of checkNodeGroupName(g.name === MALFORMED ? 0 : g.name, `${g.path}.nodeGroupName`)) out.fail(f.path, f.message, f.fix);
      }
    }
    return out.build();
  },
};

export const bootstrapScriptsFromOss: ClusterRule = {
  name: "emr-bootstrap-scripts-oss",
  check(view) {
    const out = new OutcomeBuilder(this.name);
    if (view.bootstrapScripts === UNKNOWN) return out.unknown("bootstrapScripts").build();
    if (!Array.isArray(view.bootstrapScripts)) return out.build();
    for (const s of view.bootstrapScripts) {
      const path = `${s.path}.scriptPath`;
      if (s.scriptPath === UNKNOWN) {
        out.unknown(path);
        continue;
      }
      out.applies();
      if (!isKnown(s.scriptPath) || !/^oss:\/\/[a-z0-9][a-z0-9-]{1,62}\/\S+$/.test(s.scriptPath)) {
        out.fail(path, `bootstrap script ${isKnown(s.scriptName) ? `"${s.scriptName}" ` : ""}is read from ${JSON.stringify(s.scriptPath ?? null)}; scripts run as root on every node, so they come only from your own OSS bucket`, 'upload it and use an oss:// path, e.g. "oss://my-bucket/bootstrap/init.sh"');
      }
    }
    return out.build();
  },
};

export const tagsValid: ClusterRule = {
  name: "emr-tags",
  check(view) {
    const out = new OutcomeBuilder(this.name);
    if (view.tags === UNKNOWN) return out.unknown("tags").build();
    if (view.tags === MALFORMED) return out.fail("tags", "tags is not a map of key to value", 'write tags as { team: "data-platform" }').build();
    if (view.tags === undefined) return out.build();
    out.applies();
    const entries = Object.entries(view.tags);
    if (entries.length > TAG_RULES.maxTags) {
      out.fail("tags", `the cluster has ${entries.length} tags; Alibaba Cloud allows at most ${TAG_RULES.maxTags} (acknowledgement and identity tags included)`, `keep at most ${TAG_RULES.maxTags} tags`);
    }
    for (const [key, value] of entries) {
      const path = `tags[${JSON.stringify(key)}]`;
      const reserved = TAG_RULES.reservedKeyPrefixes.find((p) => key.toLowerCase().startsWith(p));
      if (reserved) out.fail(path, `tag key ${JSON.stringify(key)} starts with "${reserved}", which Alibaba Cloud reserves`, 'choose another key, e.g. "team"');
      if (key.length > TAG_RULES.maxKeyLength) out.fail(path, `tag key "${key.slice(0, 20)}…" has ${key.length} characters; at most ${TAG_RULES.maxKeyLength}`, "shorten it");
      if (typeof value === "string" && value.length > TAG_RULES.maxValueLength) out.fail(path, `the value of tag ${JSON.stringify(key)} has ${value.length} characters; at most ${TAG_RULES.maxValueLength}`, "shorten it");
      for (const [part, text] of [["key", key], ["value", value]] as const) {
        const fragment = typeof text === "string" ? TAG_RULES.forbiddenFragments.find((f) => text.toLowerCase().includes(f)) : undefined;
        if (fragment) out.fail(path, `the ${part} of tag ${JSON.stringify(key)} contains "${fragment}", which Alibaba Cloud refuses in tags`, "leave URLs out of tags, e.g. { docs: \"wiki-emr-lakehouse\" }");
      }
    }
    return out.build();
  },
};

/**
 * Stack-level: two clusters of one stack with the same clusterName. EMR would create both, and every person and tool
 * that finds a cluster by name (the console, emr-status, ListClusters) could pick the wrong one.
 */
export const CLUSTER_NAMES_UNIQUE = "emr-cluster-names-unique";

export function checkClusterNamesUnique(clusters: readonly { resource: string; clusterName: unknown }[]): (Finding & { index: number })[] {
  const first = new Map<string, string>();
  const problems: (Finding & { index: number })[] = [];
  clusters.forEach((c, index) => {
    if (typeof c.clusterName !== "string") return;
    const owner = first.get(c.clusterName);
    if (owner === undefined) first.set(c.clusterName, c.resource);
    else problems.push({ rule: CLUSTER_NAMES_UNIQUE, index, path: "clusterName", message: `cluster "${c.resource}" has the same clusterName "${c.clusterName}" as cluster "${owner}" in this stack`, fix: `give each cluster its own clusterName, e.g. "${c.clusterName}-2"` });
  });
  return problems;
}

/** Whether a stack name matches one of the production patterns (`*` is a wildcard). */
export function isProductionStack(stackName: string | undefined, patterns: readonly string[] = DEFAULT_PRODUCTION_STACK_PATTERNS): boolean {
  if (!stackName) return false;
  return patterns.some((p) => new RegExp(`^${p.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`).test(stackName));
}

function productionRule(name: string, field: "deployMode" | "securityMode", want: string, why: string, fix: string): ClusterRule {
  return {
    name,
    check(view, ctx: RuleContext) {
      const out = new OutcomeBuilder(this.name);
      if (!isProductionStack(ctx.stackName, ctx.productionStacks)) return out.build();
      const value = view[field];
      if (value === UNKNOWN) return out.unknown(field).build();
      out.applies();
      if (value !== want) out.fail(field, `${field} is ${String(value)} on production stack "${ctx.stackName}"; ${why}`, fix);
      return out.build();
    },
  };
}

export const productionKerberos = productionRule(
  "emr-production-kerberos",
  "securityMode",
  "KERBEROS",
  "production clusters authenticate with Kerberos, and a KERBEROS cluster is never switched back to NORMAL",
  'set securityMode: "KERBEROS"; note the provider makes no API call when securityMode changes after creation',
);

export const productionHa = productionRule(
  "emr-production-ha",
  "deployMode",
  "HA",
  "production clusters need master failover",
  'set deployMode: "HA" with 3 MASTER nodes and ZOOKEEPER (the datalake-ha preset)',
);
