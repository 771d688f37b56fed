/** Where the check finds the project, its stacks and programs (as the Pulumi CLI does). */
import * as fs from "fs";
import * as path from "path";
import { checkTargets, expandProgram, findProject } from "../../check/inputs/project";
import { ROOT } from "../helpers/run-cli";

const project = findProject(path.join(ROOT, "stacks/examples"));
const rel = (targets: { stack: string; program: string; configFile: string; configRequired: boolean }[]) =>
  targets.map((t) => [t.stack, path.relative(ROOT, t.program), path.relative(ROOT, t.configFile), t.configRequired]);

test("the nearest Pulumi.yaml upwards: its main and its stackConfigDir", () => {
  expect(project).toEqual({ dir: ROOT, main: path.join(ROOT, "stacks"), stackConfigDir: path.join(ROOT, "stacks") });
});

test("--program <folder>: a folder of programs is each of its .ts files; a folder with index.ts is one program", () => {
  const examples = fs.readdirSync(path.join(ROOT, "stacks/examples")).filter((f) => f.endsWith(".ts")).sort();
  expect(expandProgram(path.join(ROOT, "stacks/examples")).map((p) => path.basename(p))).toEqual(examples);
  expect(expandProgram(path.join(ROOT, "stacks"))).toEqual([path.join(ROOT, "stacks")]);
});

test("a stack by name, by its file, and by --config-file (named after the file unless --stack is given)", () => {
  expect(rel(checkTargets(project, { stack: ["prod", path.join(ROOT, "stacks/Pulumi.dev.yaml")], stackGiven: true }))).toEqual([
    ["prod", "stacks", "stacks/Pulumi.prod.yaml", true],
    ["dev", "stacks", "stacks/Pulumi.dev.yaml", true],
  ]);
  expect(rel(checkTargets(project, { stack: ["dev"], stackGiven: false, configFile: path.join(ROOT, "stacks/Pulumi.prod.yaml") }))).toEqual([["prod", "stacks", "stacks/Pulumi.prod.yaml", true]]);
  expect(rel(checkTargets(project, { stack: ["staging"], stackGiven: true, configFile: path.join(ROOT, "stacks/Pulumi.prod.yaml") }))).toEqual([["staging", "stacks", "stacks/Pulumi.prod.yaml", true]]);
});
