/**
 * `pulumi preview --policy-pack` with the real CLI and provider, for the stacks and a set of examples: the pack's
 * verdicts in the engine's events equal emr-check's for the same program and stack file.
 *
 * The prod stack runs with one change, said here and in the README: its lakehouse metastore is an existing RDS
 * instance (`external` with `passwordConfigKey`, the password set with `pulumi config set --secret`) instead of one
 * the component creates, because creating one generates its password with @pulumi/random, whose provider the Go
 * module proxy does not serve here.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { POLICY_PACK_LAUNCHER, repoStackConfig, ROOT, startEngine, type Engine } from "./harness";
import { checkVerdicts, cliVerdicts, type CheckVerdict } from "./verdicts";

let engine: Engine;
let logs: string;
const GUARDRAILS = join(ROOT, "guardrails.json");

/** prod with an external metastore (see above). */
export function engineProdConfig(): Record<string, unknown> {
  const config = repoStackConfig("prod");
  const clusters = (config["emr:clusters"] as { name: string; spec: Record<string, unknown> }[]).map((c) =>
    c.name === "lakehouse"
      ? { ...c, spec: { ...c.spec, metastore: { type: "USER_RDS", external: { connectionUrl: "jdbc:mysql://rm-engine-test.mysql.rds.aliyuncs.com:3306/hivemeta?createDatabaseIfNotExist=true&characterEncoding=UTF-8", userName: "hive", passwordConfigKey: "hiveMetastorePassword" } } } }
      : c,
  );
  return { ...config, "emr:clusters": clusters };
}

beforeAll(async () => {
  engine = await startEngine();
  logs = mkdtempSync(join(tmpdir(), "emr-engine-events-"));
  await engine.initStack("dev", repoStackConfig("dev"));
  await engine.initStack("prod", engineProdConfig());
  const secret = await engine.pulumi(["config", "set", "--secret", "--stack", "prod", "emr:hiveMetastorePassword", "engine-test-not-a-real-password"]);
  expect(secret.code).toBe(0);
});

afterAll(async () => {
  await engine?.close();
  rmSync(logs, { recursive: true, force: true });
});

async function previewVerdicts(stack: string, program: string, label: string) {
  const eventLog = join(logs, `${label}.jsonl`);
  const run = await engine.pulumi(["preview", "--stack", stack, "--policy-pack", POLICY_PACK_LAUNCHER, "--policy-pack-config", GUARDRAILS, "--event-log", eventLog], { program, env: { EMR_LIVE_CHECKS: "off" } });
  if (!existsSync(eventLog)) throw new Error(`pulumi preview wrote no event log (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
  return { run, verdicts: cliVerdicts(eventLog) };
}

const stackFile = (stack: string) => join(engine.project, `Pulumi.${stack}.yaml`);

describe.each(["dev", "prod"])("the %s stack", (stack) => {
  test("pulumi preview --policy-pack loads the pack and passes; emr-check agrees (no violation, exit 0)", async () => {
    const { run, verdicts } = await previewVerdicts(stack, "stacks", stack);
    expect(run.stdout).toContain("emr-guardrails@v0.1.0");
    expect(run.code).toBe(0);
    const [check] = (await checkVerdicts(["--stack", stack, "--config-file", stackFile(stack)])).values();
    expect(verdicts).toEqual(check.verdicts);
    expect(check.code).toBe(0);
  });
});

/** Compliant and not, mandatory and advisory, a resource option (protect), an unknown security group ID. */
const EXAMPLES = [
  "node-group-cap.ts",
  "enterprise-security-group.ts",
  "deletion-protection-off.ts",
  "protect-option-off.ts",
  "production-posture.ts",
  "ha-local-metastore.ts",
  "external-security-group.ts",
];

/** One emr-check run for every example (its reports are per program). */
let checked: Promise<Map<string, CheckVerdict>> | undefined;
const checkExamples = () => (checked ??= checkVerdicts(["--stack", "prod", "--config-file", stackFile("prod"), ...EXAMPLES.flatMap((e) => ["--program", `stacks/examples/${e}`])]));

describe.each(EXAMPLES)("stacks/examples/%s on the prod stack", (example) => {
  test("the engine's policy verdicts equal emr-check's", async () => {
    const program = `stacks/examples/${example}`;
    const { run, verdicts } = await previewVerdicts("prod", program, example);
    const check = (await checkExamples()).get(join(ROOT, program));
    if (!check) throw new Error(`emr-check wrote no report for ${program}`);
    expect(verdicts.length).toBeGreaterThan(0);
    expect(verdicts).toEqual(check.verdicts);
    // A mandatory violation fails both; advisory ones fail neither.
    const mandatory = verdicts.some((v) => v.endsWith(" mandatory"));
    expect(run.code !== 0).toBe(mandatory);
    expect(check.code !== 0).toBe(mandatory);
  });
});
