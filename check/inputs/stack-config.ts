/**
 * Loads a stack's config file (`stacks/Pulumi.<stack>.yaml`) the way the Pulumi CLI hands config to a program:
 * namespaced keys, strings as they are, objects and lists as JSON. Secrets (`secure: v1:...`) cannot be decrypted
 * offline: each becomes a clearly marked placeholder that is still marked secret.
 */
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { readGuardrailsFile } from "../../components/guardrails";
import { GUARDRAIL_CONFIG_FILE, parseGuardrails, type GuardrailConfig } from "../../policies/rules/index";
import { UsageError } from "../errors";

/** Letters and digits only, so it passes the same validation a real password must. */
export const SECRET_PLACEHOLDER = "OfflinePlaceholder0Secret";

export interface LoadedConfig {
  /** `namespace:key` → value as the SDK reads it. */
  config: Record<string, string>;
  secretKeys: string[];
  /** The file it came from (for SARIF locations), or undefined when the stack has no file. */
  file?: string;
  /** The file's text, for locating resources in reports. */
  text?: string;
}

export function stackConfigPath(configDir: string, stack: string): string {
  return path.join(configDir, `Pulumi.${stack}.yaml`);
}

function isSecure(value: unknown): boolean {
  return !!value && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 1 && "secure" in value;
}

/** Replaces every `{ secure: ... }` leaf (top level or nested in structured config) with the placeholder. */
function withPlaceholders(value: unknown): { value: unknown; secret: boolean } {
  if (isSecure(value)) return { value: SECRET_PLACEHOLDER, secret: true };
  if (Array.isArray(value)) {
    const items = value.map(withPlaceholders);
    return { value: items.map((i) => i.value), secret: items.some((i) => i.secret) };
  }
  if (value && typeof value === "object") {
    const entries = Object.entries(value).map(([k, v]) => [k, withPlaceholders(v)] as const);
    return { value: Object.fromEntries(entries.map(([k, v]) => [k, v.value])), secret: entries.some(([, v]) => v.secret) };
  }
  return { value, secret: false };
}

/** Reads a stack file; a missing file is an error only when `required`. */
export function loadStackConfig(file: string, required: boolean): LoadedConfig {
  if (!fs.existsSync(file)) {
    if (!required) return { config: {}, secretKeys: [] };
    const dir = path.dirname(file);
    const known = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /^Pulumi\.[^.]+\.yaml$/.test(f)).map((f) => f.slice(7, -5)) : [];
    throw new UsageError(`no stack config ${path.relative(process.cwd(), file)}; known stacks: ${known.join(", ") || "none"} (e.g. --stack ${known[0] ?? "dev"})`);
  }
  const text = fs.readFileSync(file, "utf8");
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (err) {
    throw new UsageError(`${path.relative(process.cwd(), file)} is not valid YAML: ${(err as Error).message.split("\n")[0]}`);
  }
  const raw = (doc && typeof doc === "object" ? (doc as { config?: unknown }).config : undefined) ?? {};
  if (typeof raw !== "object" || Array.isArray(raw)) throw new UsageError(`${path.relative(process.cwd(), file)}: "config" must be a map of keys like emr:preset`);
  const config: Record<string, string> = {};
  const secretKeys: string[] = [];
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (!/^[A-Za-z0-9_-]+:[A-Za-z0-9_.-]+$/.test(key)) throw new UsageError(`${path.relative(process.cwd(), file)}: config key "${key}" must be namespaced, e.g. emr:preset`);
    const { value: plain, secret } = withPlaceholders(value);
    config[key] = typeof plain === "string" ? plain : JSON.stringify(plain);
    if (secret) secretKeys.push(key);
  }
  return { config, secretKeys, file, text };
}

/** The policy config to use: `--policy-config` when given, else guardrails.json at the project's root when present. */
export function policyConfigFile(projectDir: string, option: string | undefined): string | undefined {
  if (option) return option;
  const file = path.join(projectDir, GUARDRAIL_CONFIG_FILE);
  return fs.existsSync(file) ? file : undefined;
}

/**
 * A `--policy-pack-config` style JSON file (`{"all": "advisory", "<policy>": {...}}`), checked by the one strict
 * parser (policies/rules/guardrail-config.ts) before the pack starts; the pack's defaults without one.
 */
export function loadPolicyConfig(file: string | undefined): GuardrailConfig {
  if (file && !fs.existsSync(file)) throw new UsageError(`policy config ${file} does not exist (e.g. --policy-config ${GUARDRAIL_CONFIG_FILE})`);
  const result = file ? readGuardrailsFile(file) : parseGuardrails({});
  if (!result.ok) throw new UsageError(`policy config ${file ?? "(defaults)"} is not valid:\n${result.errors.map((e) => `  - ${e}`).join("\n")}`);
  return result.config;
}
