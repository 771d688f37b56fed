/**
 * Readers of the two Pulumi documents that carry a change's "before": `pulumi stack export` (version 3) and
 * `pulumi preview --json` (a PreviewDigest). Fields as in pulumi/pulumi sdk/go/common/apitype/core.go (ResourceV3) and
 * sdk/go/common/display/json.go (PreviewStep); unknown fields are ignored. Secrets become SecretValue markers (never
 * printed), the engine's unknown sentinels become UNKNOWN (encodings: policies/engine.ts). A bad file is a DocumentError naming the field.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { SecretValue } from "../../policies/rules/change";
import { UNKNOWN } from "../../policies/rules/types";
import { isEncodedSecret, isUnknownSentinel, nameOfUrn, parseUrn } from "../../policies/engine";

/** A document that cannot be read: which file, which field, what was expected. Exit code 2, no stack trace. */
export class DocumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DocumentError";
  }
}

/** A URN the engine wrote: `urn:pulumi:<stack>::<project>::<type>::<name>`. */
const urn = z.string().refine((u) => parseUrn(u) !== undefined, "expected a Pulumi URN, urn:pulumi:<stack>::<project>::<type>::<name>");

const resourceV3 = z.looseObject({
  urn,
  type: z.string(),
  custom: z.boolean().optional(),
  delete: z.boolean().optional(),
  id: z.string().optional(),
  inputs: z.record(z.string(), z.unknown()).optional(),
  outputs: z.record(z.string(), z.unknown()).optional(),
  protect: z.boolean().optional(),
  retainOnDelete: z.boolean().optional(),
  parent: z.string().optional(),
  provider: z.string().optional(),
  dependencies: z.array(z.string()).optional(),
  propertyDependencies: z.record(z.string(), z.array(z.string())).optional(),
  // Recorded by engines since about v3.2xx (the engine tier's v3.274.1 writes them; older documents lack them).
  ignoreChanges: z.array(z.string()).optional(),
  replaceOnChanges: z.array(z.string()).optional(),
});
export type ResourceV3 = z.infer<typeof resourceV3>;

const stackExport = z.looseObject({
  version: z.literal(3),
  deployment: z.looseObject({ resources: z.array(resourceV3).optional() }),
});

const previewStep = z.looseObject({
  op: z.string(),
  urn,
  oldState: resourceV3.optional(),
  newState: resourceV3.optional(),
  replaceReasons: z.array(z.string()).optional(),
  diffReasons: z.array(z.string()).optional(),
  detailedDiff: z.record(z.string(), z.looseObject({ kind: z.string() })).nullable().optional(),
});
const previewDigest = z.looseObject({ steps: z.array(previewStep).optional() });

/** The resource name of a URN the schema accepted. */
export const urnName = (u: string): string => nameOfUrn(u) ?? u;

/** Replaces secrets by SecretValue (a digest of the ciphertext, none when blinded or plaintext) and unknown sentinels by UNKNOWN. */
export function decodeValue(v: unknown): unknown {
  if (isUnknownSentinel(v)) return UNKNOWN;
  if (Array.isArray(v)) return v.map(decodeValue);
  if (v === null || typeof v !== "object") return v;
  if (isEncodedSecret(v)) {
    const c = v.ciphertext;
    return new SecretValue(typeof c === "string" && c !== "[secret]" ? createHash("sha256").update(c).digest("hex").slice(0, 12) : undefined);
  }
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, decodeValue(x)]));
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    // Only the position: the parser's message quotes the text, which may hold secrets.
    const at = /position (\d+)/.exec(String(err));
    const lines = at ? text.slice(0, Number(at[1])).split("\n") : [];
    const where = at ? ` at line ${lines.length}, column ${lines[lines.length - 1].length + 1}` : "";
    throw new DocumentError(`${file} is not valid JSON${where}: give the complete output of the command, unedited`);
  }
}

function validate<T>(schema: z.ZodType<T>, doc: unknown, file: string, what: string, example: string): T {
  const r = schema.safeParse(doc);
  if (r.success) return r.data;
  const issues = r.error.issues.slice(0, 5).map((i) => {
    const path = i.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("").replace(/^\./, "") || "(top level)";
    return `${path}: ${i.message}`;
  });
  throw new DocumentError(`${file} is not ${what}: ${issues.join("; ")}${r.error.issues.length > 5 ? "; ..." : ""} (${example})`);
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** A resource as a recorded state (or a plan's old state) has it, decoded: secrets as SecretValue, unknowns as UNKNOWN. */
export interface RecordedResource {
  urn: string;
  type: string;
  /** The Pulumi resource name. */
  name: string;
  inputs: Record<string, unknown>;
  /** The provider's state (last create, refresh or update); the inputs when the document records none. */
  outputs: Record<string, unknown>;
  id?: string;
  protect?: boolean;
  /** undefined: the document does not record the option (an engine without it). */
  retainOnDelete?: boolean;
  parent?: string;
  dependencies: string[];
  /** Every URN a property of it came from (the security group an ID was read from, ...). */
  propertyDependencies: string[];
  /** The resource's ignoreChanges and replaceOnChanges, when the document records them (undefined: it does not). */
  ignoreChanges?: string[];
  replaceOnChanges?: string[];
}

function recordedOf(r: ResourceV3, documentRecordsRetain: boolean): RecordedResource {
  const inputs = isObject(r.inputs) ? (decodeValue(r.inputs) as Record<string, unknown>) : {};
  const out: RecordedResource = {
    urn: r.urn, type: r.type, name: urnName(r.urn), inputs,
    outputs: isObject(r.outputs) ? (decodeValue(r.outputs) as Record<string, unknown>) : inputs,
    dependencies: r.dependencies ?? [],
    propertyDependencies: [...new Set(Object.values(r.propertyDependencies ?? {}).flat())],
  };
  if (r.id !== undefined && r.id !== "") out.id = r.id;
  if (r.protect !== undefined) out.protect = r.protect;
  if (r.parent !== undefined) out.parent = r.parent;
  if (r.ignoreChanges !== undefined) out.ignoreChanges = r.ignoreChanges;
  if (r.replaceOnChanges !== undefined) out.replaceOnChanges = r.replaceOnChanges;
  // `retainOnDelete` is omitted when false (omitempty): absent means false once the document records it anywhere.
  const retain = r.retainOnDelete ?? (documentRecordsRetain ? false : undefined);
  if (retain !== undefined) out.retainOnDelete = retain;
  return out;
}

/** An update plan (`--save-plan`) read as a preview would be an empty plan, as a state an empty stack: refused. */
const SAVE_PLAN = (file: string, flag: string) =>
  `${file} is a \`pulumi preview --save-plan\` file (an update plan for \`pulumi up --plan\`); ${flag} takes the output of ${flag === "--plan" ? "`pulumi preview --json`" : "`pulumi stack export`"}`;

/** Every resource a `pulumi stack export` document records, as written (secrets still encrypted: decode before use). */
export function readStackResources(text: string, file: string, flag = "--state"): ResourceV3[] {
  const doc = parseJson(text, file);
  if (isObject(doc) && "resourcePlans" in doc && !("deployment" in doc)) throw new DocumentError(SAVE_PLAN(file, flag));
  if (isObject(doc) && "steps" in doc && !("deployment" in doc)) throw new DocumentError(`${file} is a \`pulumi preview --json\` document; ${flag} takes the output of \`pulumi stack export\`${flag === "--state" ? " (pass this one with --plan)" : ""}`);
  const state = validate(stackExport, doc, file, "a `pulumi stack export` document (version 3)", 'expected { "version": 3, "deployment": { "resources": [{ "urn": "urn:pulumi:...", "type": "...", "inputs": {...} }] } }');
  return state.deployment.resources ?? [];
}

/** The resources a `pulumi stack export` document records, decoded (resources pending deletion left out). */
export function readRecordedResources(text: string, file: string): RecordedResource[] {
  const resources = readStackResources(text, file);
  const recordsRetain = resources.some((r) => r.retainOnDelete !== undefined);
  return resources.filter((r) => r.delete !== true).map((r) => recordedOf(r, recordsRetain));
}

/** A resource's step in a plan, keyed by URN: a replacement's steps are merged into "replace". */
export interface PlannedResource {
  urn: string;
  type: string;
  name: string;
  op: string;
  before?: RecordedResource;
  /** The inputs the plan sends (the engine has already applied ignoreChanges to them). */
  after?: Record<string, unknown>;
  protect?: boolean;
  retainOnDelete?: boolean;
  /** The new state's options, when the plan records them (a preview of engine v3.2xx and later does). */
  ignoreChanges?: string[];
  replaceOnChanges?: string[];
  replaceReasons: string[];
  /** The paths the provider reports as changed (detailedDiff keys, diffReasons); undefined when the plan gives none. */
  providerDiff?: string[];
}

/** Ops that carry no before/after change of a resource's inputs. */
const IGNORED_OPS = new Set(["read", "refresh", "discard", "remove-pending-replace", "read-discard", "read-replacement"]);
const OP_RANK = ["same", "delete", "create", "update", "import", "import-replacement", "delete-replaced", "create-replacement", "replace"];

export interface PreviewDocument {
  resources: PlannedResource[];
  /** The preview ran with --refresh: the old states hold the live values (auto-scaled counts included). */
  refreshed: boolean;
}

/** The new states of the resources a plan creates or updates (replacements included), as written: what the pack judges. */
export function readPlannedStates(text: string, file: string): ResourceV3[] {
  const digest = validate(previewDigest, parseJson(text, file), file, "a `pulumi preview --json` document", 'expected { "steps": [...] }');
  const ops = new Set(["create", "update", "replace", "create-replacement", "import"]);
  const byUrn = new Map<string, ResourceV3>();
  for (const step of digest.steps ?? []) if (ops.has(step.op) && step.newState && step.newState.custom !== false) byUrn.set(step.urn, step.newState);
  return [...byUrn.values()];
}

/** The resources of a `pulumi preview --json` document. */
export function readPreview(text: string, file: string): PreviewDocument {
  const doc = parseJson(text, file);
  if (isObject(doc) && "deployment" in doc && !("steps" in doc)) throw new DocumentError(`${file} is a \`pulumi stack export\` document; --plan takes the output of \`pulumi preview --json\` (pass this one with --state)`);
  // An update plan has no steps: read as a preview it would be an empty plan, a silent pass.
  if (isObject(doc) && "resourcePlans" in doc && !("steps" in doc)) throw new DocumentError(SAVE_PLAN(file, "--plan"));
  const digest = validate(previewDigest, doc, file, "a `pulumi preview --json` document", 'expected { "steps": [{ "op": "update", "urn": "urn:pulumi:...", "oldState": {...}, "newState": {...} }] }');
  const byUrn = new Map<string, PlannedResource>();
  const steps = digest.steps ?? [];
  for (const step of steps) {
    const type = step.newState?.type ?? step.oldState?.type ?? parseUrn(step.urn)?.type ?? "";
    if (IGNORED_OPS.has(step.op)) continue;
    const c = byUrn.get(step.urn) ?? { urn: step.urn, type, name: urnName(step.urn), op: step.op, replaceReasons: [] };
    if (OP_RANK.indexOf(step.op) > OP_RANK.indexOf(c.op)) c.op = step.op;
    if (step.op === "delete-replaced" || step.op === "replace" || step.op === "create-replacement") c.op = "replace";
    if (step.oldState && !c.before) c.before = recordedOf(step.oldState, step.oldState.retainOnDelete !== undefined);
    if (step.newState && step.op !== "delete" && step.op !== "delete-replaced") {
      c.after = isObject(step.newState.inputs) ? (decodeValue(step.newState.inputs) as Record<string, unknown>) : {};
      if (step.newState.protect !== undefined) c.protect = step.newState.protect;
      if (step.newState.retainOnDelete !== undefined) c.retainOnDelete = step.newState.retainOnDelete;
      if (step.newState.ignoreChanges !== undefined) c.ignoreChanges = step.newState.ignoreChanges;
      if (step.newState.replaceOnChanges !== undefined) c.replaceOnChanges = step.newState.replaceOnChanges;
    }
    for (const r of step.replaceReasons ?? []) if (!c.replaceReasons.includes(r)) c.replaceReasons.push(r);
    if (step.detailedDiff || step.diffReasons || step.op === "same") c.providerDiff = [...new Set([...(c.providerDiff ?? []), ...Object.keys(step.detailedDiff ?? {}), ...(step.diffReasons ?? []), ...(step.replaceReasons ?? [])])];
    byUrn.set(step.urn, c);
  }
  return { resources: [...byUrn.values()], refreshed: steps.some((s) => s.op === "refresh") };
}
