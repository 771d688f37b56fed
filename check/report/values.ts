/** Values as a preview shows them: unknowns as "(known after apply)", secrets as "[secret]". */

/** The engine's sentinels for values not known before creation. */
const UNKNOWN_SENTINELS = new Set([
  "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
  "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
  "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
  "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
  "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
]);
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** A readable value: unknowns and secrets are shown as a preview shows them. */
export function display(value: unknown): string {
  if (typeof value === "string" && UNKNOWN_SENTINELS.has(value)) return "(known after apply)";
  if (value && typeof value === "object" && Object.values(value).includes(SECRET_SIG)) return "[secret]";
  if (value === undefined || value === null) return "-";
  return typeof value === "string" ? value : JSON.stringify(value);
}
