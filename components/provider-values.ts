/**
 * zod schemas for the fields the alicloud provider checks itself, built from its schema table
 * (policies/rules/provider-schema.ts): the component refuses at once what the provider would refuse at preview (or
 * silently truncate), with the accepted values, why, and an example; the policy pack reads the same table.
 */
import { z } from "zod";
import type { IntOneOf, IntRange, Integer, OneOf, Pattern, ProviderSource } from "../policies/rules/provider-schema";
import { given } from "./zod-issues";

const refused = (source: ProviderSource) => `the alicloud provider refuses any other value at preview (${source})`;
const listed = (values: readonly (string | number)[]) => values.map((v) => JSON.stringify(v)).join(", ");

/** The message for a value outside one of the provider's enums (or a sub-list the component offers). */
export function enumMessage(entry: OneOf<string>, values: readonly string[] = entry.values): (input: unknown) => string {
  const narrower = values.length < entry.values.length ? ` (this component offers ${listed(values)} of the provider's ${listed(entry.values)})` : `; ${refused(entry.source)}`;
  return (input) => `expected one of ${listed(values)}, got ${given(input)}${narrower}; for example ${JSON.stringify(values[0])}`;
}

/** One of the provider's strings (or of a sub-list the component offers, `values`). */
export function providerEnum<const T extends string>(entry: OneOf<string>, values: readonly [T, ...T[]] = entry.values as readonly [T, ...T[]]) {
  const message = enumMessage(entry, values);
  return z.enum(values, { error: (issue) => message(issue.input) });
}

/** One of the provider's whole numbers. */
export function providerIntEnum(entry: IntOneOf) {
  const values: readonly number[] = entry.values;
  const message = (input: unknown) => `expected one of ${listed(values)}, got ${given(input)}; ${refused(entry.source)}; for example ${values.includes(12) ? 12 : values[0]}`;
  // One literal per value (not a refinement), so the stack-config JSON Schema lists them too.
  return z.literal(entry.values, { error: (issue) => message(issue.input) });
}

/** A whole number in the provider's range; `min` narrows it where the component needs more (a capacity of at least 1). */
export function providerIntRange(entry: IntRange, min = entry.min) {
  const message = (input: unknown) => `expected a whole number from ${min} to ${entry.max}, got ${given(input)}; ${refused(entry.source)}; for example ${min}`;
  return z.number({ error: (issue) => message(issue.input) }).int({ error: (issue) => message(issue.input) }).min(min, { error: (issue) => message(issue.input) }).max(entry.max, { error: (issue) => message(issue.input) });
}

/** A whole number where the provider's field is one (TypeInt): the Pulumi bridge would truncate a fraction. */
export function providerInteger(entry: Integer, example: number) {
  const message = (input: unknown) => {
    const why =
      typeof input === "number" && !Number.isInteger(input)
        ? `: the provider's field is a whole number (${entry.source}) and the Pulumi bridge truncates a fraction, so ${Math.trunc(input)} would be sent`
        : `: the provider's field is a whole number (${entry.source})`;
    const other = entry.alternative ? `, or ${entry.alternative}` : "";
    return `expected a whole number${entry.min !== undefined ? ` of at least ${entry.min}` : ""}, got ${given(input)}${why}; for example ${example}${other}`;
  };
  const n = z.number({ error: (issue) => message(issue.input) }).int({ error: (issue) => message(issue.input) });
  return entry.min !== undefined ? n.min(entry.min, { error: (issue) => message(issue.input) }) : n;
}

/** A name matching the provider's pattern. */
export function providerPattern(entry: Pattern) {
  return z.string().regex(entry.pattern, { error: (issue) => `expected ${entry.rule}, got ${given(issue.input)}; the provider refuses other names at preview (${entry.pattern.source}, ${entry.source}); for example ${JSON.stringify(entry.example)}` });
}
