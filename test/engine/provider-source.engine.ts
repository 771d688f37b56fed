/**
 * The provider's schema table (policies/rules/provider-schema.ts) against the provider's Go source: each entry's
 * cited `file:line` of terraform-provider-alicloud says what the entry says. The source is the module the engine's
 * provider is built from (engine/toolchain/alicloud's pin), in the Go module cache once ensureToolchain() has built
 * it. Here it is required: a missing module fails this suite, it never skips it. The ForceNew fields of the resources a
 * cluster depends on (policies/rules/calls/provider.ts) are held to their schema blocks the same way.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { ensureToolchain } from "../../engine/toolchain";
import { COMPUTED_FORCE_NEW_FIELDS, FORCE_NEW_FIELDS } from "../../policies/rules/calls/provider";
import { PROVIDER_VERSION } from "../../policies/rules/provider-schema";
import { goText, SCHEMA_ENTRIES, schemaFieldAt } from "../helpers/provider-source";

const MODULE = "github.com/aliyun/terraform-provider-alicloud";
const TOOLCHAIN_MODULE = path.resolve(__dirname, "../../engine/toolchain/alicloud");

/** The pinned module's version and folder, read from the module cache only (GOPROXY=off: never a download here). */
function providerModule(): { version: string; dir: string } {
  const missing = (why: string) => new Error(`${MODULE} (engine/toolchain/alicloud's pin) is not in the Go module cache ${execFileSync("go", ["env", "GOMODCACHE"], { encoding: "utf8" }).trim()} (${why}): the engine's provider is built from it; run \`npm run engine:build\``);
  let m: { Version?: string; Dir?: string };
  try {
    m = JSON.parse(execFileSync("go", ["list", "-m", "-json", MODULE], { cwd: TOOLCHAIN_MODULE, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, GOPROXY: "off", GOFLAGS: "-mod=readonly" } }));
  } catch (err) {
    throw missing(String((err as { stderr?: string }).stderr ?? err).trim());
  }
  if (!m.Version || !m.Dir || !fs.existsSync(path.join(m.Dir, "alicloud"))) throw missing(`go list -m gives no folder for ${m.Version ?? "it"}`);
  return { version: m.Version, dir: path.join(m.Dir, "alicloud") };
}

let source: { version: string; dir: string };
beforeAll(async () => {
  await ensureToolchain();
  source = providerModule();
}, 3_600_000);

test("the table cites the version the engine's provider is built from", () => {
  expect(PROVIDER_VERSION).toMatch(new RegExp(`^terraform-provider-alicloud ${source.version.replace(/\./g, "\\.")} `));
});

test.each(SCHEMA_ENTRIES)("%s %s: the cited line says so", (_type, _path, entry) => {
  const [file, line] = entry.source.split(":");
  const text = fs.readFileSync(path.join(source.dir, file), "utf8").split("\n")[Number(line) - 1];
  expect(text).toContain(goText(entry));
});

const FORCE_NEW_ROWS = Object.entries(FORCE_NEW_FIELDS).flatMap(([type, fields]) => Object.entries(fields).map(([field, cited]) => [type, field, cited] as const));

test.each(FORCE_NEW_ROWS)("%s %s (%s): ForceNew there, and Optional+Computed exactly when listed so", (type, field, cited) => {
  const [file, line] = cited.split(":");
  const block = schemaFieldAt(fs.readFileSync(path.join(source.dir, file), "utf8"), Number(line));
  const snake = field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  expect({ name: block.name, forceNew: block.flags.includes("ForceNew") }).toEqual({ name: snake, forceNew: true });
  const optionalComputed = block.flags.includes("Optional") && block.flags.includes("Computed");
  expect({ field, optionalComputed }).toEqual({ field, optionalComputed: (COMPUTED_FORCE_NEW_FIELDS[type] ?? []).includes(field) });
});
