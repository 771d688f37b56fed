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
