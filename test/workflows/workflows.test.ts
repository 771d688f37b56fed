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
    "audit.yml": { errors: [], jobs: ["audit", "drift"] },
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
  expect(runs).toEqual(['          npx emr-check --stack "${{ matrix.stack }}" ${{ steps.state.outputs.args }} $prices --format markdown --output check-${{ matrix.stack }}.md --format sarif --output check-${{ matrix.stack }}.sarif']);
});

test("the pull-request workflow exports the state where a Pulumi token exists and runs the change-aware check; without one it says so", () => {
  const text = require("fs").readFileSync(path.join(ROOT, ".github/workflows/pull-request.yml"), "utf8");
  expect(text).toContain("PULUMI_ACCESS_TOKEN: ${{ secrets.PULUMI_ACCESS_TOKEN }}");
  expect(text).toContain('if [ -n "$PULUMI_ACCESS_TOKEN" ] && pulumi stack export --stack "${{ matrix.stack }}" --file state-${{ matrix.stack }}.json; then');
  expect(text).toContain('echo "args=--state state-${{ matrix.stack }}.json$live" >> "$GITHUB_OUTPUT"');
  // With a read-only cloud key the check reads the live node counts (an auto-scaled group's real size).
  expect(text).toContain("ALIBABA_CLOUD_ACCESS_KEY_ID: ${{ secrets.ALIBABA_CLOUD_READ_ONLY_KEY_ID }}");
  expect(text).toContain('if [ -n "$ALIBABA_CLOUD_ACCESS_KEY_ID" ]; then live=" --live"; fi');
  expect(text).toContain("the check ran without --state, so the changes were not judged");
  expect(text).toContain('npx emr-check --stack "${{ matrix.stack }}" ${{ steps.state.outputs.args }} $prices --format markdown');
});

test("the audit workflow runs daily with a read-only token, audits every stack's export and uploads SARIF", () => {
  const text = require("fs").readFileSync(path.join(ROOT, ".github/workflows/audit.yml"), "utf8");
  expect(text).toMatch(/schedule:\n\s+- cron: "17 5 \* \* \*"/);
  expect(text).toContain("PULUMI_ACCESS_TOKEN: ${{ secrets.PULUMI_READ_ONLY_TOKEN }}");
  expect(text).toContain("stack: [dev, prod]");
  expect(text).toContain("npx emr-check --audit state-${{ matrix.stack }}.json --format sarif --output audit-${{ matrix.stack }}.sarif");
  expect(text).toContain("uses: github/codeql-action/upload-sarif@v3");
  expect(text).not.toMatch(/pulumi (up|destroy|refresh)|--remove|state delete/);
});

test("the pull-request workflow prices the change when a price book is committed (prices.json), forks included", () => {
  const text = require("fs").readFileSync(path.join(ROOT, ".github/workflows/pull-request.yml"), "utf8");
  expect(text).toContain('if [ -f prices.json ]; then prices="--prices prices.json"; fi');
  expect(text).toMatch(/npx emr-check --stack "\$\{\{ matrix\.stack \}\}" \$\{\{ steps\.state\.outputs\.args \}\} \$prices --format markdown/);
});

test("preview and deploy refresh first: the provider resizes every group from its live count to the state's", () => {
  const { parse } = require("yaml") as typeof import("yaml");
  const wf = parse(require("fs").readFileSync(path.join(ROOT, ".github/workflows/preview-and-deploy.yml"), "utf8"));
  const pulumiSteps = Object.values(wf.jobs as Record<string, { steps: { uses?: string; with?: Record<string, unknown> }[] }>)
    .flatMap((j) => j.steps)
    .filter((st) => st.uses?.startsWith("pulumi/actions") && st.with?.command);
  expect(pulumiSteps.map((st) => [st.with?.command, st.with?.refresh])).toEqual([["preview", true], ["up", true]]);
});

test("the audit workflow runs emr-drift with a read-only cloud key, puts the report in the job summary and opens an issue on risky or dangerous drift", () => {
  const { parse } = require("yaml") as typeof import("yaml");
  const text = require("fs").readFileSync(path.join(ROOT, ".github/workflows/audit.yml"), "utf8");
  const job = parse(text).jobs.drift as { env: Record<string, string>; permissions: Record<string, string>; steps: { name?: string; run?: string; if?: string }[] };
  expect(job.env).toEqual({
    PULUMI_ACCESS_TOKEN: "${{ secrets.PULUMI_READ_ONLY_TOKEN }}",
    ALIBABA_CLOUD_ACCESS_KEY_ID: "${{ secrets.ALIBABA_CLOUD_READ_ONLY_KEY_ID }}",
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: "${{ secrets.ALIBABA_CLOUD_READ_ONLY_KEY_SECRET }}",
  });
  expect(job.permissions).toEqual({ contents: "read", issues: "write", "security-events": "write" });
  const run = (name: string) => job.steps.find((s) => s.name === name)!;
  expect(run("Live drift (read-only cloud key)").run).toContain('npx emr-drift --state state-${{ matrix.stack }}.json --stack "${{ matrix.stack }}" --format markdown --output drift-${{ matrix.stack }}.md --format sarif --output drift-${{ matrix.stack }}.sarif');
  expect(run("The report in the job summary").run).toContain('cat drift-${{ matrix.stack }}.md >> "$GITHUB_STEP_SUMMARY"');
  const issue = run("Open or comment the drift issue (risky or dangerous drift)");
  expect(issue.if).toBe("steps.drift.outputs.exit == '4' || steps.drift.outputs.exit == '5'");
  expect(issue.run).toContain("gh issue create --title");
  // Expected drift only (exit 3) passes; risky, dangerous, an API error or bad usage fails the job.
  expect(run("Fail on risky or dangerous drift, an API error or bad usage").if).toBe("steps.drift.outputs.exit != '0' && steps.drift.outputs.exit != '3'");
  // Nothing in the audit workflow writes to the cloud or the stack.
  expect(text).not.toMatch(/pulumi (up|destroy|refresh|import)|emr-adopt|--remove|state delete/);
});
