/**
 * The document side of `emr-check --audit <file>`: a `pulumi stack export` read into the resources the pack will
 * analyze, each as the CLI would describe it (its recorded inputs, protect, parent, dependencies and property
 * dependencies). The root stack and the providers are left out (the CLI does not send them either); resources pending
 * deletion too. A recorded secret becomes a non-secret placeholder: the pack never receives a ciphertext, so no report
 * can print one. Light on purpose: a bad document is refused before the SDK and the pack's client load (check/audit/audit.ts).
 */
import type { CapturedResource } from "../program/capture";
import { readDocument, asUsage } from "../change/change-check";
import { readPlannedStates, readStackResources, urnName, type ResourceV3 } from "../change/documents";
import { SECRET_PLACEHOLDER } from "../inputs/stack-config";
import { isEncodedSecret, STACK_TYPE, stackOfUrn } from "../../policies/engine";

const isEngineResource = (r: ResourceV3) => r.type === STACK_TYPE || r.type.startsWith("pulumi:providers:");

/** Recorded inputs for the analyzer: secrets as the placeholder, the provider's `__defaults` bookkeeping left out. */
function auditValue(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(auditValue);
  if (v === null || typeof v !== "object") return v;
  if (isEncodedSecret(v)) return SECRET_PLACEHOLDER;
  return Object.fromEntries(Object.entries(v).filter(([k]) => k !== "__defaults").map(([k, x]) => [k, auditValue(x)]));
}

/** A recorded resource as the pack is sent it (secrets as the placeholder, bookkeeping keys left out). */
export function analyzerResource(r: ResourceV3): CapturedResource {
  const inputs = auditValue(r.inputs ?? {}) as Record<string, unknown>;
  return {
    type: r.type,
    urn: r.urn,
    name: urnName(r.urn),
    // Plain JSON: the pack's client makes the Struct with the SDK it loads (check/program/sdk.ts).
    properties: inputs,
    inputs,
    custom: r.custom ?? false,
    protect: r.protect ?? false,
    // The export omits retainOnDelete when it is false.
    retainOnDelete: r.retainOnDelete ?? false,
    replaceOnChanges: r.replaceOnChanges ?? [],
    ...(r.ignoreChanges ? { ignoreChanges: r.ignoreChanges } : {}),
    aliases: [],
    ...(r.parent ? { parent: r.parent } : {}),
    ...(r.provider ? { provider: r.provider } : {}),
    dependencies: r.dependencies ?? [],
    propertyDependencies: r.propertyDependencies ?? {},
  };
}

export interface AuditedStack {
  file: string;
  stack: string;
  resources: CapturedResource[];
  /** The document records resources' ignoreChanges (engines since about v3.2xx write it; it is omitted when empty). */
  recordsIgnoreChanges: boolean;
}

/** Reads a stack export for the audit: the resources to analyze, and the stack they belong to. */
export function loadAudit(file: string): AuditedStack {
  const text = readDocument(file, "--audit", "the output of `pulumi stack export --stack <stack> --file state.json`");
  const recorded = asUsage(() => readStackResources(text, file, "--audit"));
  const resources = recorded.filter((r) => !isEngineResource(r) && r.delete !== true).map(analyzerResource);
  return { file, stack: recorded.length ? (stackOfUrn(recorded[0].urn) ?? "(unknown)") : "(empty)", resources, recordsIgnoreChanges: recorded.some((r) => r.ignoreChanges !== undefined) };
}

/** The resources a plan creates or updates (their new states), for the pack: read before it starts. */
export function loadPlannedStates(file: string): CapturedResource[] {
  const text = readDocument(file, "--plan", "the output of `pulumi preview --json --stack <stack> > plan.json`");
  return asUsage(() => readPlannedStates(text, file)).map(analyzerResource);
}
