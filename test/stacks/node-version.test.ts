/** The Node version the project declares and runs on is the one @pulumi/pulumi declares (>= 22). */
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
const json = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), "utf8"));

test("package.json and policies/package.json declare @pulumi/pulumi's engines", () => {
  const pulumiEngines = json("node_modules/@pulumi/pulumi/package.json").engines;
  expect(pulumiEngines).toEqual({ node: ">=22" });
  expect(json("package.json").engines).toEqual(pulumiEngines);
  expect(json("policies/package.json").engines).toEqual(pulumiEngines);
});

test("every workflow sets up Node 22, and .ci/run runs the tests on Node 22", () => {
  const workflows = fs.readdirSync(path.join(ROOT, ".github/workflows")).filter((f) => f.endsWith(".yml"));
  const versions = workflows.flatMap((f) => [...fs.readFileSync(path.join(ROOT, ".github/workflows", f), "utf8").matchAll(/node-version: *(\S+)/g)].map((m) => m[1]));
  expect(versions.length).toBeGreaterThan(0);
  expect(new Set(versions)).toEqual(new Set(["22"]));
  expect(fs.readFileSync(path.join(ROOT, ".ci/run"), "utf8")).toContain("npx -y -p node@22 -c");
});

test("the packages users install declare it too", () => {
  for (const file of ["packages/components/package.json", "packages/check/package.json"]) expect(json(file).engines).toEqual({ node: ">=22" });
});

/** Every command of bin/ (its helper aside), so that a new command is held to the version check without a word here. */
const COMMANDS = fs.readdirSync(path.join(ROOT, "bin")).filter((f) => f.endsWith(".js") && f !== "require-node.js").map((f) => f.replace(/\.js$/, "")).sort();

test("the commands are bin/'s files, each declared in package.json", () => {
  expect(COMMANDS).toEqual(expect.arrayContaining(["emr-adopt", "emr-check", "emr-drift", "emr-prices", "emr-status"]));
  expect(Object.entries(json("package.json").bin).sort()).toEqual(COMMANDS.map((c) => [c, `bin/${c}.js`]));
});

describe("on an older Node the commands say so at start (npm only warns: EBADENGINE), exit 2", () => {
  // process.versions.node as Node 20 reports it, set before the command's first line runs.
  const { execFileSync } = require("child_process") as typeof import("child_process");
  const os = require("os") as typeof import("os");
  const node20 = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "node20-")), "as-node-20.js");
  fs.writeFileSync(node20, 'Object.defineProperty(process.versions, "node", { value: "20.11.1" });\n');
  test.each(COMMANDS)("%s", (bin) => {
    const run = () => execFileSync(process.execPath, ["-r", node20, path.join(ROOT, "bin", `${bin}.js`), "--stack", "dev"], { cwd: ROOT, encoding: "utf8", stdio: "pipe" });
    expect(run).toThrow(expect.objectContaining({ status: 2, stdout: "", stderr: `error: ${bin} needs Node.js 22 or later (what @pulumi/pulumi 3.270 requires); this is Node.js 20.11.1. Install Node.js 22 (e.g. nvm install 22, or https://nodejs.org) and run it again.\n` }));
  });
});
