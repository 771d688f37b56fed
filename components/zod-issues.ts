/**
 * A zod issue in words a user of stack config understands: what was expected, what was given (`expected a whole
 * number, got the string "3"`), never "is required" for a value that is there but of the wrong type. The schema is
 * read at the issue's path to tell a whole number from any number and to name a list's items.
 */
import type { z } from "zod";
import { didYouMean } from "../policies/rules/suggest";

type Schema = z.core.$ZodType;

/** The schema at `path` inside `schema`, through optional/default/pipe wrappers, objects, lists and records. */
export function schemaAt(schema: Schema | undefined, path: readonly PropertyKey[]): Schema | undefined {
  let at = schema;
  for (let i = 0; at && i <= path.length; ) {
    const def = at._zod.def as unknown as Record<string, unknown> & { type: string };
    if (["optional", "default", "nullable", "prefault", "readonly", "catch", "nonoptional"].includes(def.type)) at = def.innerType as Schema;
    else if (def.type === "pipe") at = def.in as Schema;
    else if (i === path.length) return at;
    else if (def.type === "object") at = (def.shape as Record<string, Schema>)[String(path[i++])];
    else if (def.type === "array") (at = def.element as Schema), i++;
    else if (def.type === "record") (at = def.valueType as Schema), i++;
    else return undefined;
  }
  return at;
}

const typeOf = (s: Schema | undefined) => (s?._zod.def as { type?: string } | undefined)?.type;
const isWhole = (s: Schema | undefined) => typeOf(s) === "number" && (s as unknown as { isInt?: boolean }).isInt === true;

/** What a user gave, in words: `the string "3"`, `2.5`, `a list`, `a map`. */
export function given(input: unknown): string {
  if (typeof input === "string") return `the string ${JSON.stringify(input)}`;
  if (Array.isArray(input)) return "a list";
  if (input === null) return "null";
  if (typeof input === "object") return "a map";
  return String(input);
}

/** What a schema expects, in words. */
function expected(schema: Schema | undefined, fallback: string): string {
  switch (typeOf(schema)) {
    case "number":
      return isWhole(schema) ? "a whole number" : "a number";
    case "string":
      return "a string";
    case "boolean":
      return "true or false";
    case "object":
    case "record":
      return "a map";
    case "array": {
      const item = expected(schemaAt(schema, [0]), "values");
      return item === "a string" ? "a list of strings" : item === "a map" ? "a list of maps" : item === "a whole number" ? "a list of whole numbers" : "a list";
    }
  }
  return fallback === "int" ? "a whole number" : fallback === "array" ? "a list" : fallback === "object" ? "a map" : `a ${fallback}`;
}

/** The fields an object schema at `path` knows (none when it is not an object). */
function fieldsAt(schema: Schema | undefined, path: readonly PropertyKey[]): string[] {
  const at = schemaAt(schema, path);
  const def = at?._zod.def as { type?: string; shape?: Record<string, unknown> } | undefined;
  return def?.type === "object" && def.shape ? Object.keys(def.shape) : [];
}

/** `unknown field "nodeCont" (did you mean nodeCount?)`: each unknown key of an object, with the closest known field. */
export function unknownFields(keys: readonly string[], schema: Schema | undefined, path: readonly PropertyKey[]): string {
  const known = fieldsAt(schema, path);
  return `unknown field${keys.length > 1 ? "s" : ""} ${keys.map((k) => `"${k}"${didYouMean(k, known)}`).join(", ")}`;
}

/** The reason of one zod issue; `schema` is the schema that was parsed (the issue's path is inside it). */
export function describeZodIssue(issue: z.core.$ZodIssue, schema?: Schema): string {
  const input = (issue as { input?: unknown }).input;
  if (issue.code === "unrecognized_keys") return unknownFields(issue.keys, schema, issue.path);
  // A schema's own message (e.g. the acknowledgements' forms) says it better than any generic one.
  if (!/^(Invalid input|Invalid option|Too small|Too big)/.test(issue.message)) return issue.message;
  if (issue.code === "invalid_type") {
    if (input === undefined) return "is required";
    const want = expected(schemaAt(schema, issue.path), issue.expected);
    // A YAML scalar where a list was meant: show the list form of the same value.
    const hint = want === "a list of strings" && typeof input === "string" ? ` (write [${input}])` : "";
    return `expected ${want}, got ${given(input)}${hint}`;
  }
  if (issue.code === "invalid_value" && issue.values.length) return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}, got ${given(input)}`;
  if ((issue.code === "too_small" || issue.code === "too_big") && issue.origin === "number" && input !== undefined) {
    const bound = issue.code === "too_small" ? (issue.inclusive ? "at least" : "more than") : issue.inclusive ? "at most" : "less than";
    return `expected ${bound} ${issue.code === "too_small" ? issue.minimum : issue.maximum}, got ${given(input)}`;
  }
  return issue.message;
}
