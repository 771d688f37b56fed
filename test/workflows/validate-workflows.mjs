// Parses and validates every workflow file with GitHub's own parser (@actions/workflow-parser, ESM only, hence a
// separate script). Prints one JSON line: { "<file>": ["error", ...] }.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { NoOperationTraceWriter, convertWorkflowTemplate, parseWorkflow } from "@actions/workflow-parser";

const dir = process.argv[2];
const results = {};
for (const name of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f))) {
  const parsed = parseWorkflow({ name, content: readFileSync(join(dir, name), "utf8") }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((e) => e.message);
  if (parsed.value && errors.length === 0) {
    const template = await convertWorkflowTemplate(parsed.context, parsed.value);
    errors.push(...(template.errors ?? []).map((e) => e.Message ?? String(e)));
    results[name] = { errors, jobs: (template.jobs ?? []).map((j) => j.id?.value ?? String(j.id)) };
  } else {
    results[name] = { errors, jobs: [] };
  }
}
console.log(JSON.stringify(results));
