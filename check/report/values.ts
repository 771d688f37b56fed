/** Values as a preview shows them: unknowns as "(known after apply)", secrets as "[secret]". */
import { SECRET_SIG, UNKNOWN_SENTINELS } from "../engine-values";

/** A readable value: unknowns and secrets are shown as a preview shows them. */
export function display(value: unknown): string {
  if (typeof value === "string" && UNKNOWN_SENTINELS.has(value)) return "(known after apply)";
  if (value && typeof value === "object" && Object.values(value).includes(SECRET_SIG)) return "[secret]";
  if (value === undefined || value === null) return "-";
  return typeof value === "string" ? value : JSON.stringify(value);
}
