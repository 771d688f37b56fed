/** User text and scripts: names, descriptions, passwords and bootstrap script locations. */
import { DEFAULT_PRODUCTION_STACK_PATTERNS } from "./domain";
import { OutcomeBuilder, UNKNOWN, type ClusterRule, type Finding, type RuleContext } from "./types";
import { isKnown, MALFORMED } from "./view";

/** Letters (any script, Chinese included) first, then letters, digits, `_` and `-`. */
const NAME = /^\p{L}[\p{L}\p{N}_-]*$/u;
/** Characters a shell or a JSON/XML config would interpret. */
const SHELL_METACHARACTERS = /[`$;&|<>\\!(){}[\]*?~#'"\n\r]/;

const TEXT_RULE = "emr-names-and-descriptions";

function checkName(value: unknown, path: string, what: string, max: number, example: string): Finding[] {
  const fail = (message: string): Finding[] => [{ rule: TEXT_RULE, path, message, fix: `use letters (Chinese too), digits, "_" and "-", starting with a letter, at most ${max} characters, e.g. "${example}"` }];
  if (value === UNKNOWN) return [];
  if (typeof value !== "string" || value.length === 0) return fail(`${what} is missing or not text`);
  if (value.length > max) return fail(`${what} "${value.slice(0, 20)}…" has ${value.length} characters; at most ${max}`);
  if (!NAME.test(value)) return fail(`${what} ${JSON.stringify(value)} has characters outside letters, digits, "_" and "-"`);
  return [];
}

/** ClusterName: the API allows 128 characters, the provider docs under 64; we keep to 64. */
export function checkClusterName(value: unknown, path = "clusterName"): Finding[] {
  return checkName(value, path, "cluster name", 64, "lakehouse-prod");
}

export function checkNodeGroupName(value: unknown, path = "nodeGroupName"): Finding[] {
  return checkName(value, path, "node group name", 128, "core");
}

export function checkDescription(value: unknown, path = "description"): Finding[] {
  if (value === undefined || value === UNKNOWN) return [];
  const fix = 'plain words, digits and ".,:_-/ " only, at most 1024 characters, e.g. "Nightly ETL for the finance team"';
  if (typeof value !== "string") return [{ rule: TEXT_RULE, path, message: "description is not text", fix }];
  if (value.length > 1024) return [{ rule: TEXT_RULE, path, message: `description has ${value.length} characters; at most 1024`, fix }];
  if (SHELL_METACHARACTERS.test(value)) return [{ rule: TEXT_RULE, path, message: `description contains shell or config metacharacters (${JSON.stringify(value.match(SHELL_METACHARACTERS)?.[0])})`, fix }];
  return [];
}

/** The master root password, where an API accepts one: letters and digits only (8–30). */
export function checkRootPassword(value: unknown, path = "masterRootPassword"): Finding[] {
  if (value === undefined || value === UNKNOWN) return [];
  if (typeof value === "string" && /^[A-Za-z0-9]{8,30}$/.test(value)) return [];
  return [{ rule: "emr-root-password", path, message: "the root password must be 8-30 letters and digits: shell and JSON metacharacters break creation", fix: "generate one without special characters (random.RandomPassword with special: false) and pass it as a Pulumi secret" }];
}

export const namesAndDescriptions: ClusterRule = {
  name: TEXT_RULE,
  description: "Checks whether the cluster name and node group names use only letters, digits, _ and - (cluster names at most 64 characters).",
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
  description: "Checks whether every bootstrap script is read from an oss:// path (never a remote URL or a local path).",
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

/** Whether a stack name matches one of the production patterns (`*` is a wildcard). */
export function isProductionStack(stackName: string | undefined, patterns: readonly string[] = DEFAULT_PRODUCTION_STACK_PATTERNS): boolean {
  if (!stackName) return false;
  return patterns.some((p) => new RegExp(`^${p.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`).test(stackName));
}

function productionRule(name: string, description: string, field: "deployMode" | "securityMode", want: string, why: string, fix: string): ClusterRule {
  return {
    name,
    description,
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
  "Checks whether clusters on production stacks use securityMode KERBEROS (never downgraded to NORMAL).",
  "securityMode",
  "KERBEROS",
  "production clusters authenticate with Kerberos, and a KERBEROS cluster is never switched back to NORMAL",
  'set securityMode: "KERBEROS"; note the provider makes no API call when securityMode changes after creation',
);

export const productionHa = productionRule(
  "emr-production-ha",
  "Checks whether clusters on production stacks use deployMode HA.",
  "deployMode",
  "HA",
  "production clusters need master failover",
  'set deployMode: "HA" with 3 MASTER nodes and ZOOKEEPER (the datalake-ha preset)',
);
