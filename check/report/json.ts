/** The machine-readable report: the model itself, versioned. */
import type { CheckReport } from "./model";

export function renderJson(reports: CheckReport[]): string {
  return JSON.stringify({ version: 1, passed: reports.every((r) => r.summary.passed), reports }, null, 2);
}
