/**
 * One deserialization of a request's properties for all the policies of the call.
 *
 * @pulumi/policy 1.21's server deserializes the request's properties afresh for EVERY policy it runs on a resource
 * (server.js, the per-policy loop of Analyze: `deserializeProperties(req.getProperties(), false)`, and the same per
 * resource and stack policy in AnalyzeStack). Repeated for each of the pack's policies, that work, not ours, was most
 * of the pack's cost over an empty pack. The request's protobuf Struct is the same object for every policy of one call, so the result
 * is kept per Struct (a WeakMap: it goes with the request). The pack's policies only read their props; each still
 * gets its own unknown-checking proxy from the SDK.
 *
 * If the SDK's module or function is not there (another @pulumi/policy), nothing is changed: the same verdicts, at
 * the old cost. The offline check's protocol tests and every example run through this.
 */
type Deserialize = (struct: object, proxySecrets: boolean) => unknown;

interface DeserializeModule {
  deserializeProperties?: Deserialize;
}

const SHARED = Symbol.for("emr-guardrails.shared-deserialize");

export function shareDeserializedProperties(): boolean {
  let mod: DeserializeModule & { [SHARED]?: true };
  try {
    mod = require("@pulumi/policy/deserialize") as DeserializeModule & { [SHARED]?: true };
  } catch {
    return false;
  }
  const original = mod.deserializeProperties;
  if (typeof original !== "function") return false;
  if (mod[SHARED]) return true;
  const byStruct = { plain: new WeakMap<object, unknown>(), secrets: new WeakMap<object, unknown>() };
  mod.deserializeProperties = (struct, proxySecrets) => {
    if (struct === null || typeof struct !== "object") return original(struct, proxySecrets);
    const cache = proxySecrets ? byStruct.secrets : byStruct.plain;
    if (!cache.has(struct)) cache.set(struct, original(struct, proxySecrets));
    return cache.get(struct);
  };
  mod[SHARED] = true;
  return true;
}
