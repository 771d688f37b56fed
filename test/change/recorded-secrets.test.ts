/**
 * Recorded secrets the program passes on (check/change/recorded-secrets.ts): the same recorded value only where the
 * state says the input came from the referenced resource, that resource stays as recorded, and the program hands the
 * reference on whole; otherwise a secret nobody can compare (unknown), and never the ciphertext.
 */
import { findSecretReferences, resolveSecretReferences, withSecretReferences } from "../../check/change/recorded-secrets";
import { decodeValue } from "../../check/change/documents";
import { SecretValue } from "../../policies/rules/change";
import { SECRET_SIG, SIG_KEY } from "../../policies/engine";

const PW = "urn:pulumi:prod::p::random:index/randomPassword:RandomPassword::pw";
const encoded = (ciphertext: string) => ({ [SIG_KEY]: SECRET_SIG, ciphertext });
const recorded = new SecretValue("abc123");

/** The program's inputs after the mocks gave it the password's outputs: `use` builds the input from the result. */
function programInputs(use: (result: string) => unknown): unknown {
  const outputs = withSecretReferences({ length: 24, result: encoded("v1:c2FsdA==:Zm9v") }, PW) as { result: string };
  expect(JSON.stringify(outputs)).not.toContain("Zm9v");
  return findSecretReferences({ value: use(outputs.result) }, decodeValue);
}
const resolve = (program: unknown, opts: { cameFrom?: string[]; unchanged?: boolean } = {}) =>
  (resolveSecretReferences(program, { value: recorded }, { cameFrom: new Set(opts.cameFrom ?? [PW]), unchanged: () => opts.unchanged ?? true }) as { value: unknown }).value;

test("passed on whole, from a resource the state names and that stays: the recorded secret itself (compares same)", () => {
  expect(resolve(programInputs((r) => r))).toBe(recorded);
  expect(resolve(programInputs((r) => ({ [SIG_KEY]: SECRET_SIG, value: r })))).toBe(recorded);
});
test.each([
  ["the state does not say the input came from it", { cameFrom: ["urn:other"] }],
  ["the referenced resource changes in this update", { unchanged: false }],
])("%s: a secret nobody can compare", (_why, opts) => {
  const v = resolve(programInputs((r) => r), opts);
  expect(v).toBeInstanceOf(SecretValue);
  expect((v as SecretValue).digest).toBeUndefined();
});
test("interpolated into a longer string: a secret nobody can compare, and the reference never shows", () => {
  const v = resolve(programInputs((r) => `user:${r}`));
  expect(v).toEqual(new SecretValue());
  expect(String(v)).toBe("[secret]");
});
test("the recorded side is no secret (a plain value): unknown, not the same", () => {
  const v = resolveSecretReferences(programInputs((r) => r), { value: "plain" }, { cameFrom: new Set([PW]), unchanged: () => true }) as { value: unknown };
  expect(v.value).toEqual(new SecretValue());
});
