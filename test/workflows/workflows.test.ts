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
    "audit.yml": { errors: [], jobs: ["audit"] },
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
  expect(text).toMatch(/npm run --silent check -- --stack "\$\{\{ matrix.stack \}\}" (\$\{\{ steps.state.outputs.args \}\} )?--format markdown/);
});

test("the pull-request workflow exports the state where a Pulumi token exists and runs the change-aware check; without one it says so", () => {
  const text = require("fs").readFileSync(path.join(ROOT, ".github/workflows/pull-request.yml"), "utf8");
  expect(text).toContain("PULUMI_ACCESS_TOKEN: ${{ secrets.PULUMI_ACCESS_TOKEN }}");
  expect(text).toContain('if [ -n "$PULUMI_ACCESS_TOKEN" ] && pulumi stack export --stack "${{ matrix.stack }}" --file state-${{ matrix.stack }}.json; then');
  expect(text).toContain('echo "args=--state state-${{ matrix.stack }}.json" >> "$GITHUB_OUTPUT"');
  expect(text).toContain("the check ran without --state, so the changes were not judged");
  expect(text).toMatch(/npm run --silent check -- --stack "\$\{\{ matrix.stack \}\}" \$\{\{ steps.state.outputs.args \}\} --format markdown/);
  expect(text).toMatch(/npm run --silent check -- --stack "\$\{\{ matrix.stack \}\}" \$\{\{ steps.state.outputs.args \}\} --format sarif/);
});

test("the audit workflow runs daily with a read-only token, audits every stack's export and uploads SARIF", () => {
  const text = require("fs").readFileSync(path.join(ROOT, ".github/workflows/audit.yml"), "utf8");
  expect(text).toMatch(/schedule:\n\s+- cron: "17 5 \* \* \*"/);
  expect(text).toContain("PULUMI_ACCESS_TOKEN: ${{ secrets.PULUMI_READ_ONLY_TOKEN }}");
  expect(text).toContain("stack: [dev, prod]");
  expect(text).toContain("npm run --silent check -- --audit state-${{ matrix.stack }}.json --format sarif --output audit-${{ matrix.stack }}.sarif");
  expect(text).toContain("uses: github/codeql-action/upload-sarif@v3");
  expect(text).not.toMatch(/pulumi (up|destroy|refresh)|--remove|state delete/);
});
