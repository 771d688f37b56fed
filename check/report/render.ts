/** Renders the reports in one format; every format renders the one model (model.ts). */
import { renderJson } from "./json";
import { renderMarkdown } from "./markdown";
import { overallLine, terminalWidth } from "./formatting";
import { overallSummary, type CheckReport } from "./model";
import { renderSarif } from "./sarif";
import { renderText } from "./text";
import type { Format } from "./outputs";

export interface RenderOptions {
  packVersion: string;
  /** The project's root: SARIF locations are relative to it. */
  root: string;
  /** Text: each cluster's merged spec (`--details`). */
  details?: boolean;
  /** Text: the line width (default: the terminal's, 100 when not a terminal). */
  width?: number;
}

export function renderReports(format: Format, reports: CheckReport[], options: RenderOptions): string {
  if (format === "json") return renderJson(reports);
  if (format === "markdown") return renderMarkdown(reports);
  if (format === "sarif") return renderSarif(reports, options.packVersion, options.root);
  const text = reports.map((r) => renderText(r, { width: options.width ?? terminalWidth(), details: options.details })).join("\n\n");
  // A run over many programs or stacks ends with one overall line.
  return reports.length > 1 ? `${text}\n\n${overallLine(overallSummary(reports))}` : text;
}

/**
 * The report of a run that stopped before any verdict (a bad policy config, a missing program): the machine formats
 * say it failed; text has nothing to add to the error on stderr.
 */
export function renderFailure(format: Format, message: string, packVersion: string, root: string): string | undefined {
  if (format === "json") return renderJson([], message);
  if (format === "markdown") return renderMarkdown([], message);
  if (format === "sarif") return renderSarif([], packVersion, root, message);
  return undefined;
}
