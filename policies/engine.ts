/**
 * How the Pulumi engine encodes what it hands to a policy pack and writes into its documents (RegisterResource
 * requests, Analyze requests, `pulumi stack export`, `pulumi preview --json`): values not known before apply as
 * sentinel strings, secrets as signed objects, resources by URN. The pack and the offline check read and write these
 * encodings only through this module.
 *
 * The values are the engine's own: pulumi/pulumi sdk/go/common/resource/sig/sig.go (Key, Secret, Unknown*Value) and
 * sdk/go/common/resource/urn/urn.go (Prefix, NameDelimiter, TypeDelimiter); the Node SDK repeats them
 * (@pulumi/pulumi runtime/rpc.js, @pulumi/policy proxy.js), and test/policies/engine-encodings.test.ts holds this
 * module to those.
 */

// ---- unknowns -------------------------------------------------------------------------------------------------

/** One sentinel per type of a value that is not known yet (sig.go Unknown*Value). */
export const UNKNOWN_SENTINELS = {
  boolean: "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
  number: "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
  /** Also the untyped unknown the Node SDK writes for any output not known yet (rpc.js `unknownValue`). */
  string: "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
  array: "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
  asset: "030794c1-ac77-496b-92df-f27374a8bd58",
  archive: "e48ece36-62e2-4504-bad9-02848725956a",
  object: "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
} as const;

/** The unknown a writer uses when the type does not matter (what the Node SDK sends for every unknown output). */
export const UNKNOWN_SENTINEL = UNKNOWN_SENTINELS.string;

const SENTINELS: ReadonlySet<string> = new Set(Object.values(UNKNOWN_SENTINELS));

/** Whether `v` is one of the engine's "known after apply" sentinels (sig.go IsUnknown). */
export function isUnknownSentinel(v: unknown): v is string {
  return typeof v === "string" && SENTINELS.has(v);
}

// ---- secrets --------------------------------------------------------------------------------------------------

/** The key that marks an object as an engine-encoded special value (sig.go Key). */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
/** The value of SIG_KEY on a secret: `{ <SIG_KEY>: SECRET_SIG, value }` in requests, `ciphertext` in a stack export. */
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** Whether `v` is an encoded secret (its value or ciphertext inside). */
export function isEncodedSecret(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v) && (v as Record<string, unknown>)[SIG_KEY] === SECRET_SIG;
}

// ---- URNs -----------------------------------------------------------------------------------------------------

const URN_PREFIX = "urn:pulumi:";
const NAME_DELIMITER = "::";
const TYPE_DELIMITER = "$";

/** A URN's parts: `urn:pulumi:<stack>::<project>::<parent types $ ...>$<type>::<name>`. */
export interface Urn {
  stack: string;
  project: string;
  /** The types of the resource's ancestors (outermost first; the stack itself is never one), then its own. */
  typeChain: string[];
  /** The resource's own type: the last of typeChain. */
  type: string;
  /** Everything after the third `::`: a name may itself contain `::` (urn.go Name). */
  name: string;
}

/** The parts of a URN; undefined when `urn` is not one (no prefix, or fewer than three `::`). */
export function parseUrn(urn: string): Urn | undefined {
  if (!urn.startsWith(URN_PREFIX)) return undefined;
  const rest = urn.slice(URN_PREFIX.length);
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < 3; i++) {
    const at = rest.indexOf(NAME_DELIMITER, from);
    if (at < 0) return undefined;
    parts.push(rest.slice(from, at));
    from = at + NAME_DELIMITER.length;
  }
  const [stack, project, qualifiedType] = parts;
  const typeChain = qualifiedType.split(TYPE_DELIMITER);
  return { stack, project, typeChain, type: typeChain[typeChain.length - 1], name: rest.slice(from) };
}

/** The URN the engine gives a resource of `type` named `name`, under parents of `parentTypes` (outermost first). */
export function buildUrn(r: { stack: string; project: string; parentTypes?: readonly string[]; type: string; name: string }): string {
  const qualifiedType = [...(r.parentTypes ?? []), r.type].join(TYPE_DELIMITER);
  return URN_PREFIX + [r.stack, r.project, qualifiedType, r.name].join(NAME_DELIMITER);
}

/** The type of a stack's own resource, the parent of every top-level resource (the SDK's rootPulumiStackTypeName). */
export const STACK_TYPE = "pulumi:pulumi:Stack";

/** The URN of a stack's own resource: the SDK names it `<project>-<stack>` (runtime/stack.ts). */
export const stackRootUrn = (stack: string, project: string): string => buildUrn({ stack, project, type: STACK_TYPE, name: `${project}-${stack}` });

/** The stack name of a URN; undefined when it is not a URN. */
export const stackOfUrn = (urn: string): string | undefined => parseUrn(urn)?.stack;

/** The resource name of a URN; undefined when it is not a URN. */
export const nameOfUrn = (urn: string): string | undefined => parseUrn(urn)?.name;
