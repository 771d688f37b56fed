/**
 * The progress lines (stderr, not a terminal) name what the check waits for. A changed program spends seconds in its
 * type-check (every declaration it imports) after the pack is up: the line used to say "waiting for the policy pack".
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ROOT } from "../helpers/run-cli";

test("a changed program: the last wait before the analysis is the type-check, named as such", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "progress-"));
  // New content (never cached) that imports the provider: its type-check compiles ~2,500 declaration files.
  const alicloud = JSON.stringify(path.join(ROOT, "node_modules/@pulumi/alicloud"));
  fs.writeFileSync(path.join(dir, "index.ts"), `import * as alicloud from ${alicloud};\nexport const zone: alicloud.emrv2.Cluster | undefined = undefined;\nexport const made = ${JSON.stringify(dir)};\n`);
  const stderr = await new Promise<string>((resolve) =>
    execFile(process.execPath, [path.join(ROOT, "bin/emr-check.js"), "--stack", "dev", "--program", dir], { cwd: ROOT, env: { ...process.env, FORCE_COLOR: "0" } }, (_err, _out, err) => resolve(err)),
  );
  const steps = stderr.split("\n").filter((l) => l.startsWith("• "));
  expect(steps[0]).toBe("• starting the policy pack (run-policy-pack)");
  const waits = steps.filter((l) => l.startsWith("• waiting for"));
  expect(waits[waits.length - 1]).toBe("• waiting for the type-check of the program (as ts-node under pulumi preview; a changed program compiles every declaration it imports, several seconds)");
  expect(steps[steps.length - 1]).toBe("• analyzing 0 resources of stack dev");
  fs.rmSync(dir, { recursive: true, force: true });
}, 60000);
