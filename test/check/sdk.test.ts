/**
 * The SDK the check runs a program with is the program's own (check/program/sdk.ts): one copy, of a version the check
 * works with; otherwise exit 2 with the cause and the fix, never a report of zero checks.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { findProgramSdk, findProjectSdk, supportedSdkVersion } from "../../check/program/sdk";
import { ROOT, runCli } from "../helpers/run-cli";

/** A folder with a program and, when given, an installed @pulumi/pulumi of that version (its manifest only). */
function programWithSdk(version?: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sdk-"));
  fs.writeFileSync(path.join(dir, "index.ts"), 'import * as pulumi from "@pulumi/pulumi";\nexport const x = pulumi.getStack();\n');
  if (version) {
    fs.mkdirSync(path.join(dir, "node_modules", "@pulumi", "pulumi"), { recursive: true });
    fs.writeFileSync(path.join(dir, "node_modules", "@pulumi", "pulumi", "package.json"), JSON.stringify({ name: "@pulumi/pulumi", version }));
  }
  return dir;
}

test("the versions it works with: 3.x from 3.270", () => {
  expect(["3.270.0", "3.301.2", "3.270.0-alpha.1"].map(supportedSdkVersion)).toEqual([true, true, true]);
  expect(["3.269.9", "4.0.0", "2.9.0", "next"].map(supportedSdkVersion)).toEqual([false, false, false, false]);
});

test("the program's own copy wins over the project's; the project's serves a program that has none", () => {
  const own = programWithSdk("3.280.0");
  expect(findProgramSdk([own], ROOT)).toEqual({ dir: fs.realpathSync(path.join(own, "node_modules/@pulumi/pulumi")), version: "3.280.0" });
  expect(findProgramSdk([programWithSdk()], ROOT)).toEqual({ dir: fs.realpathSync(path.join(ROOT, "node_modules/@pulumi/pulumi")), version: "3.270.0" });
  expect(findProjectSdk(ROOT).version).toBe("3.270.0");
});

test("programs with different copies are refused: one run, one SDK", () => {
  const [a, b] = [programWithSdk("3.280.0"), programWithSdk("3.280.0")];
  expect(() => findProgramSdk([a, b], ROOT)).toThrow(/^the programs load different copies of @pulumi\/pulumi: .* \(3\.280\.0\) for .*; .* \(3\.280\.0\) for .*\. One run uses one SDK: check them in separate runs \(one --program each\)$/);
});

test("no SDK for the program nor the project: exit 2, the cause and the fix, in the JSON too", async () => {
  const dir = programWithSdk();
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: bare\nruntime: nodejs\n");
  fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), "config: {}\n");
  const { code, stdout, stderr } = await runCli(["--stack", "dev", "--format", "json"], 60000, dir);
  expect(code).toBe(2);
  expect(stderr).toContain(`error: no @pulumi/pulumi for the program .: the check runs your program with your project's own Pulumi SDK, and none is installed in ${fs.realpathSync(dir)} or any folder above it`);
  expect(stderr).toContain("npm install @pulumi/pulumi@^3.270.0 @pulumi/alicloud");
  expect(JSON.parse(stdout)).toMatchObject({ passed: false, error: expect.stringContaining("no @pulumi/pulumi for the program") });
}, 60000);

test("a version the check cannot work with: exit 2, naming the version, the range and the fix", async () => {
  const dir = programWithSdk("3.100.0");
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: old\nruntime: nodejs\n");
  fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), "config: {}\n");
  const { code, stderr } = await runCli(["--stack", "dev"], 60000, dir);
  expect(code).toBe(2);
  expect(stderr).toContain(`error: @pulumi/pulumi 3.100.0 (${fs.realpathSync(path.join(dir, "node_modules/@pulumi/pulumi"))}) is not a version the check works with (>=3.270.0 <4`);
  expect(stderr).toContain("npm install @pulumi/pulumi@^3.270.0");
}, 60000);
