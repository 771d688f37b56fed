/** The GitHub workflows parse and validate with GitHub's own workflow parser; a broken one does not. */
import { execFileSync } from "child_process";
import * as path from "path";
import { ROOT } from "../helpers/run-cli";

function validate(dir: string): Record<string, { errors: string[]; jobs: string[] }> {
  const out = execFileSync(process.execPath, ["--import", "tsx", "test/workflows/validate-workflows.mjs", dir], { cwd: ROOT, encoding: "utf8" });
  return JSON.parse(out);
}

test("every workflow in .github/workflows is valid", () => {
  expect(validate(path.join(ROOT, ".github/workflows"))).toEqual({
    "pull-request.yml": { errors: [], jobs: ["test", "offline-check"] },
    "preview-and-deploy.yml": { errors: [], jobs: ["preview", "deploy"] },
  });
}, 30000);

test("the validator catches a broken workflow", () => {
  const result = validate(path.join(ROOT, "test/fixtures/bad-workflows"));
  expect(result["bad.yml"].errors).toEqual(expect.arrayContaining([expect.stringContaining("Unexpected value 'run'"), expect.stringContaining("Unexpected value 'nope'")]));
}, 30000);

test("the pull-request workflow runs the README's test command and the offline check of both stacks", () => {
  const text = require("fs").readFileSync(path.join(ROOT, ".github/workflows/pull-request.yml"), "utf8");
  expect(text).toContain("- run: npm test");
  expect(text).toContain("stack: [dev, prod]");
  // One run writes both reports (the check ran twice before); a machine format never goes through `npm run`'s banner.
  const runs = text.split("\n").filter((l: string) => /^\s+(npx emr-check|npm run (--silent |-s )?check)/.test(l));
  expect(runs).toEqual(['          npx emr-check --stack "${{ matrix.stack }}" --format markdown --output check-${{ matrix.stack }}.md --format sarif --output check-${{ matrix.stack }}.sarif']);
});
