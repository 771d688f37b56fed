/**
 * Captures what the Pulumi CLI would send to a policy pack, from a program run under the SDK's mocks.
 *
 * The mocks' `newResource` sees only type, name and inputs; the resource options (protect, ignoreChanges,
 * dependencies, propertyDependencies, parent) are on the RegisterResource request the mock monitor gets. We wrap
 * the monitor's `registerResource` to record them, and keep the inputs as the protobuf Struct the SDK serialized
 * (preview unknowns included), ready to forward as an AnalyzeRequest's properties unchanged.
 *
 * `getMonitor()` is internal API of @pulumi/pulumi: the package is pinned, and this module has its own test.
 */
import type * as Settings from "@pulumi/pulumi/runtime/settings";
import type { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { buildUrn, parseUrn } from "../../policies/engine";
import type { AnalyzerResourceInput } from "../pack/pack-runner";

export interface CapturedResource extends AnalyzerResourceInput {
  /** The SDK's Struct of the inputs, as it serialized them (a recorded state's: plain JSON). */
  properties: Struct | Record<string, unknown>;
  /** The inputs as plain JSON (unknowns appear as the engine's sentinel strings, secrets as secret objects). */
  inputs: Record<string, any>;
  custom: boolean;
  provider?: string;
  customTimeouts?: { create: string; update: string; delete: string };
  /** The retainOnDelete option: leaving the program drops the resource from state instead of deleting it. */
  retainOnDelete: boolean;
  /** The replaceOnChanges option: an edit of these paths replaces the resource (which `protect` refuses). */
  replaceOnChanges: string[];
  /** The URNs of the `aliases` option: the resource was known under these (a rename, a new parent). */
  aliases: string[];
}

export interface Capture {
  /** Every resource registered so far, in registration order. */
  readonly resources: CapturedResource[];
  /** Restores the monitor's original method. */
  stop(): void;
}

interface RegisterRequest {
  getType(): string;
  getName(): string;
  getParent(): string;
  getCustom(): boolean;
  getObject(): Struct | undefined;
  getProtect(): boolean | undefined;
  getRetainondelete(): boolean | undefined;
  getProvider(): string;
  getIgnorechangesList(): string[];
  getReplaceonchangesList(): string[];
  getAliasurnsList(): string[];
  getAliasesList(): AliasMessage[];
  getDependenciesList(): string[];
  getCustomtimeouts(): { getCreate(): string; getUpdate(): string; getDelete(): string } | undefined;
  getPropertydependenciesMap(): { forEach(cb: (value: { getUrnsList(): string[] }, key: string) => void): void };
}

interface AliasMessage {
  getUrn(): string;
  getSpec(): { getName(): string; getType(): string; getStack(): string; getProject(): string } | undefined;
}

/** An alias as the URN it names: given as a URN, or as a spec (name, type, stack, project) over the resource's own URN. */
function aliasUrn(alias: AliasMessage, own: string): string | undefined {
  if (alias.getUrn()) return alias.getUrn();
  const spec = alias.getSpec();
  const u = parseUrn(own);
  if (!spec || !u) return undefined;
  return buildUrn({ stack: spec.getStack() || u.stack, project: spec.getProject() || u.project, parentTypes: u.typeChain.slice(0, -1), type: spec.getType() || u.type, name: spec.getName() || u.name });
}

type RegisterCallback = (err: unknown, response?: { getUrn(): string }) => void;

/**
 * Starts recording registrations; call after `pulumi.runtime.setMocks(...)` and before running the program.
 * `settings`: the runtime settings module of the very SDK copy the program registers through (check/program/sdk.ts).
 */
export function startCapture(settings: typeof Settings): Capture {
  const monitor = settings.getMonitor() as unknown as { registerResource(req: RegisterRequest, cb: RegisterCallback): unknown } | undefined;
  if (!monitor) throw new Error("startCapture: no resource monitor; call pulumi.runtime.setMocks first");
  const resources: CapturedResource[] = [];
  const original = monitor.registerResource;
  monitor.registerResource = function (this: unknown, req: RegisterRequest, callback: RegisterCallback) {
    return original.call(this, req, (err, response) => {
      if (!err && response) resources.push(describe(req, response.getUrn()));
      callback(err, response);
    });
  };
  return {
    resources,
    stop: () => {
      monitor.registerResource = original;
    },
  };
}

function describe(req: RegisterRequest, urn: string): CapturedResource {
  const propertyDependencies: Record<string, string[]> = {};
  req.getPropertydependenciesMap().forEach((deps, key) => {
    propertyDependencies[key] = deps.getUrnsList();
  });
  const object = req.getObject();
  const timeouts = req.getCustomtimeouts();
  return {
    type: req.getType(),
    name: req.getName(),
    urn,
    parent: req.getParent() || undefined,
    custom: req.getCustom(),
    provider: req.getProvider() || undefined,
    protect: req.getProtect() ?? false,
    retainOnDelete: req.getRetainondelete() ?? false,
    ignoreChanges: req.getIgnorechangesList(),
    replaceOnChanges: req.getReplaceonchangesList(),
    // The SDK sends alias URNs, or alias specs whose urn is set when the alias was given as a URN.
    aliases: [...req.getAliasurnsList(), ...req.getAliasesList().map((a) => aliasUrn(a, urn)).filter((u): u is string => u !== undefined)],
    dependencies: req.getDependenciesList(),
    propertyDependencies,
    ...(timeouts ? { customTimeouts: { create: timeouts.getCreate(), update: timeouts.getUpdate(), delete: timeouts.getDelete() } } : {}),
    properties: object!,
    inputs: (object?.toJavaScript() ?? {}) as Record<string, any>,
  };
}
