/**
 * Recorded secrets the program passes on. Offline, a stack export's secrets cannot be decrypted, so the program's
 * mocks get a reference in place of each recorded secret output (the resource's URN, never the ciphertext). Where the
 * program hands such a reference on, unchanged, to a resource whose recorded input at the same place is a secret, and
 * that resource's recorded inputs came from the referenced one (its propertyDependencies name it) and the referenced
 * resource is itself unchanged, the value is the recorded one: the real preview reads the same plaintext and plans no
 * change (a RandomPassword's result in a metastore account and in the cluster's JDBC item). Anywhere else it stays
 * unknowable (a secret with no digest), never a silent "same".
 */
import { SecretValue } from "../../policies/rules/change";
import { isEncodedSecret } from "../../policies/engine";

/** A private-use character first: no value a program writes starts so. */
const PREFIX = "\u{E000}emr-check:recorded-secret:";

/** A recorded secret output, as the program's mocks hand it over. */
class SecretReference {
  constructor(readonly urn: string) {}
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** A resource's raw recorded outputs with each secret replaced by a reference to it (for the program's mocks). */
export function withSecretReferences(outputs: unknown, urn: string): unknown {
  if (isEncodedSecret(outputs)) return `${PREFIX}${urn}`;
  if (Array.isArray(outputs)) return outputs.map((v) => withSecretReferences(v, urn));
  if (!isPlainObject(outputs)) return outputs;
  return Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, withSecretReferences(v, urn)]));
}

/**
 * The program's serialized inputs with references found: a reference alone (plain, or as the value of a program
 * secret) becomes a SecretReference; a string that only contains one (interpolated) is a secret nobody can compare.
 * `decode` decodes everything else (secrets, unknowns) as documents.ts does.
 */
export function findSecretReferences(v: unknown, decode: (v: unknown) => unknown): unknown {
  const ref = (s: unknown) => (typeof s === "string" && s.includes(PREFIX) ? (s.startsWith(PREFIX) ? new SecretReference(s.slice(PREFIX.length)) : new SecretValue()) : undefined);
  const direct = ref(v) ?? (isEncodedSecret(v) ? ref(v.value) : undefined);
  if (direct) return direct;
  if (Array.isArray(v)) return v.map((x) => findSecretReferences(x, decode));
  if (isPlainObject(v) && !isEncodedSecret(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, findSecretReferences(x, decode)]));
  return decode(v);
}

export interface ReferenceContext {
  /** The URNs the recorded resource's inputs came from (its propertyDependencies). */
  cameFrom: ReadonlySet<string>;
  /** Whether the recorded resource of this URN stays as recorded in this update (its outputs keep their values). */
  unchanged: (urn: string) => boolean;
}

/** `program` with every reference resolved against `recorded` (the same place in the recorded inputs). */
export function resolveSecretReferences(program: unknown, recorded: unknown, ctx: ReferenceContext): unknown {
  if (program instanceof SecretReference) {
    const same = recorded instanceof SecretValue && recorded.digest !== undefined && ctx.cameFrom.has(program.urn) && ctx.unchanged(program.urn);
    return same ? recorded : new SecretValue();
  }
  if (Array.isArray(program)) return program.map((v, i) => resolveSecretReferences(v, Array.isArray(recorded) ? recorded[i] : undefined, ctx));
  if (!isPlainObject(program) || Object.getPrototypeOf(program) !== Object.prototype) return program;
  const at = isPlainObject(recorded) ? recorded : {};
  return Object.fromEntries(Object.entries(program).map(([k, v]) => [k, resolveSecretReferences(v, at[k], ctx)]));
}
