/** The machine-readable report: the model itself, versioned, with the run's overall verdict. */
import { overallSummary, type CheckReport } from "./model";

/** `failure`: the run stopped before any verdict (e.g. a bad policy config); `passed` is then false. */
export function renderJson(reports: CheckReport[], failure?: string): string {
  const summary = overallSummary(reports, failure);
  return JSON.stringify({ version: 1, passed: summary.passed, summary, ...(failure ? { error: failure } : {}), reports }, null, 2);
}
