/**
 * The guardrails' one configuration, guardrails.json at the project's root (the `--policy-pack-config` format that
 * `pulumi preview --policy-pack policies --policy-pack-config guardrails.json` takes), read by every caller that is
 * not the pack itself: the offline check and the live gate at preview time. One reader, one strict parser
 * (policies/rules/guardrail-config.ts).
 */
import * as fs from "fs";
import * as path from "path";
import { GUARDRAIL_CONFIG_FILE, parseGuardrails, type GuardrailConfig, type GuardrailConfigResult } from "../policies/rules/index";

/** The file's configuration, or every problem with it (a missing file, JSON that does not parse, a typo). */
export function readGuardrailsFile(file: string): GuardrailConfigResult {
  if (!fs.existsSync(file)) return { ok: false, errors: [`${file} does not exist (e.g. ${GUARDRAIL_CONFIG_FILE})`] };
  let document: unknown;
  try {
    document = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (err) {
    return { ok: false, errors: [`${file} is not JSON (${(err as Error).message}); e.g. {"all": "advisory"}`] };
  }
  return parseGuardrails(document);
}

/** guardrails.json of `projectDir` when present, else the pack's defaults; throws with every problem of a bad file. */
export function loadGuardrails(projectDir: string = process.cwd()): GuardrailConfig {
  const file = path.join(projectDir, GUARDRAIL_CONFIG_FILE);
  const result = fs.existsSync(file) ? readGuardrailsFile(file) : parseGuardrails({});
  if (!result.ok) throw new Error(`${GUARDRAIL_CONFIG_FILE} is not valid:\n${result.errors.map((e) => `  - ${e}`).join("\n")}`);
  return result.config;
}
