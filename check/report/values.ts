/** Values as a preview shows them: unknowns as "(known after apply)", secrets as "[secret]". */
import { isEncodedSecret, isUnknownSentinel } from "../../policies/engine";

/** A readable value: unknowns and secrets are shown as a preview shows them. */
export function display(value: unknown): string {
  if (isUnknownSentinel(value)) return "(known after apply)";
  if (isEncodedSecret(value)) return "[secret]";
  if (value === undefined || value === null) return "-";
  return typeof value === "string" ? value : JSON.stringify(value);
}
