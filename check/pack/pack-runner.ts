/**
 * Runs a policy pack the way the Pulumi CLI does: `node @pulumi/pulumi/cmd/run-policy-pack <engine> <packDir>` with
 * the pack's folder as working directory (it loads the package.json `main`, the compiled bundle policies/dist, or
 * the TypeScript sources through ts-node when asked: see pack-process.ts), reads the gRPC port from the first line
 * of stdout, and talks to the pack's Analyzer service. Used by the offline check and by the pack's protocol tests.
 */
import type * as grpc from "@grpc/grpc-js";
import type * as analyzerGrpc from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import type * as analyzerPb from "@pulumi/pulumi/proto/analyzer_pb";
import type { Struct } from "google-protobuf/google/protobuf/struct_pb";
import type { GuardrailConfig } from "../../policies/rules/index";
import { sdkFrom, type Sdk } from "../program/sdk";
import { spawnPolicyPack, type PackProcess, type StartOptions } from "./pack-process";

export type { StartOptions } from "./pack-process";

export type EnforcementLevel = "advisory" | "mandatory" | "remediate" | "disabled";


/** A resource as the CLI describes it to an analyzer. `properties` may be a protobuf Struct (unknowns kept) or plain JSON. */
export interface AnalyzerResourceInput {
  type: string;
  urn: string;
  name: string;
  properties: Struct | Record<string, unknown>;
  protect?: boolean;
  ignoreChanges?: string[];
  parent?: string;
  dependencies?: string[];
  /** Top-level property name → URNs the property's value came from. */
  propertyDependencies?: Record<string, string[]>;
}

export interface Diagnostic {
  policyName: string;
  policyPackName: string;
  enforcementLevel: EnforcementLevel;
  urn: string;
  message: string;
  description: string;
}

export interface PolicyInfo {
  name: string;
  description: string;
  enforcementLevel: EnforcementLevel;
  configSchema?: Record<string, unknown>;
}

/** Per-policy config, as the CLI sends it: `{ "<policy>": { enforcementLevel?, properties? } }`. */
export type PolicyConfig = Record<string, { enforcementLevel?: EnforcementLevel; properties?: Record<string, unknown> }>;

export interface RunningPack {
  info(): Promise<{ name: string; version: string; policies: PolicyInfo[] }>;
  configure(config: PolicyConfig): Promise<void>;
  analyze(resource: AnalyzerResourceInput): Promise<Diagnostic[]>;
  analyzeStack(resources: AnalyzerResourceInput[]): Promise<Diagnostic[]>;
  /** Remediations the pack proposes for one resource: policy name → new properties. */
  remediate(resource: AnalyzerResourceInput): Promise<{ policyName: string; properties: Record<string, unknown> }[]>;
  close(): Promise<void>;
}

/**
 * The analyzer protocol's messages, from the program's SDK (check/program/sdk.ts): the captured properties are that
 * SDK's protobuf Structs, which only its own google-protobuf can serialize.
 */
function protocol(sdk: Sdk) {
  const { analyzerPb, Struct } = sdk;
  const LEVEL_TO_PROTO: Record<EnforcementLevel, analyzerPb.EnforcementLevel> = {
    advisory: analyzerPb.EnforcementLevel.ADVISORY,
    mandatory: analyzerPb.EnforcementLevel.MANDATORY,
    remediate: analyzerPb.EnforcementLevel.REMEDIATE,
    disabled: analyzerPb.EnforcementLevel.DISABLED,
  };
  const PROTO_TO_LEVEL = Object.fromEntries(Object.entries(LEVEL_TO_PROTO).map(([k, v]) => [v, k])) as Record<number, EnforcementLevel>;

  function toStruct(properties: AnalyzerResourceInput["properties"]): Struct {
    return properties instanceof Struct ? properties : Struct.fromJavaScript(properties as never);
  }

  function resourceOptions(r: AnalyzerResourceInput): analyzerPb.AnalyzerResourceOptions {
    return new analyzerPb.AnalyzerResourceOptions()
      .setProtect(r.protect ?? false)
      .setIgnorechangesList(r.ignoreChanges ?? [])
      .setParent(r.parent ?? "");
  }

  function analyzeRequest(r: AnalyzerResourceInput): analyzerPb.AnalyzeRequest {
    return new analyzerPb.AnalyzeRequest().setType(r.type).setUrn(r.urn).setName(r.name).setProperties(toStruct(r.properties)).setOptions(resourceOptions(r));
  }

  function stackResource(r: AnalyzerResourceInput): analyzerPb.AnalyzerResource {
    const res = new analyzerPb.AnalyzerResource()
      .setType(r.type)
      .setUrn(r.urn)
      .setName(r.name)
      .setProperties(toStruct(r.properties))
      .setOptions(resourceOptions(r))
      .setParent(r.parent ?? "")
      .setDependenciesList(r.dependencies ?? []);
    const deps = res.getPropertydependenciesMap();
    for (const [prop, urns] of Object.entries(r.propertyDependencies ?? {})) deps.set(prop, new analyzerPb.AnalyzerPropertyDependencies().setUrnsList(urns));
    return res;
  }

  /** Diagnostics of a response; a resource policy's diagnostic without a URN belongs to the analyzed resource (as in the CLI). */
  function diagnosticsOf(response: analyzerPb.AnalyzeResponse, resourceUrn = ""): Diagnostic[] {
    return response.getDiagnosticsList().map((d) => ({
      policyName: d.getPolicyname(),
      policyPackName: d.getPolicypackname(),
      enforcementLevel: PROTO_TO_LEVEL[d.getEnforcementlevel()] ?? "advisory",
      urn: d.getUrn() || resourceUrn,
      message: d.getMessage(),
      description: d.getDescription(),
    }));
  }

  return { LEVEL_TO_PROTO, PROTO_TO_LEVEL, analyzeRequest, stackResource, diagnosticsOf };
}

type UnaryMethod = "getAnalyzerInfo" | "configure" | "analyze" | "analyzeStack" | "remediate";

/** One unary call of the Analyzer service, as a promise. */
function call<Res>(client: analyzerGrpc.AnalyzerClient, method: UnaryMethod, req: unknown): Promise<Res> {
  const fn = client[method] as unknown as (req: unknown, cb: (err: grpc.ServiceError | null, res: Res) => void) => unknown;
  return new Promise((resolve, reject) => fn.call(client, req, (err, res) => (err ? reject(err) : resolve(res))));
}

/** The SDK inside this repository (its tests and tools); the check passes the program's own. */
const repositorySdk = () => sdkFrom(__dirname);

/** Starts the pack (see pack-process.ts) and connects to it. */
export async function startPolicyPack(options: StartOptions, sdk: Sdk = repositorySdk()): Promise<RunningPack> {
  return connectPolicyPack(await spawnPolicyPack(options), sdk);
}

/** Connects an Analyzer client to a started pack process, with the protocol modules of `sdk`. */
export function connectPolicyPack({ child, port }: PackProcess, sdk: Sdk = repositorySdk()): RunningPack {
  const { analyzerPb, analyzerGrpc, grpc, Struct, Empty } = sdk;
  const { LEVEL_TO_PROTO, PROTO_TO_LEVEL, analyzeRequest, stackResource, diagnosticsOf } = protocol(sdk);
  const client = new analyzerGrpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());

  return {
    async info() {
      const info = await call<analyzerPb.AnalyzerInfo>(client, "getAnalyzerInfo", new Empty());
      return {
        name: info.getName(),
        version: info.getVersion(),
        policies: info.getPoliciesList().map((p) => ({
          name: p.getName(),
          description: p.getDescription(),
          enforcementLevel: PROTO_TO_LEVEL[p.getEnforcementlevel()] ?? "advisory",
          configSchema: p.getConfigschema()?.getProperties()?.toJavaScript() as Record<string, unknown> | undefined,
        })),
      };
    },
    async configure(config) {
      const req = new analyzerPb.ConfigureAnalyzerRequest();
      const map = req.getPolicyconfigMap();
      for (const [name, c] of Object.entries(config)) {
        // The CLI always sends properties (possibly empty); the SDK's Configure reads them unconditionally.
        const pc = new analyzerPb.PolicyConfig()
          .setEnforcementlevel(LEVEL_TO_PROTO[c.enforcementLevel ?? "advisory"])
          .setProperties(Struct.fromJavaScript((c.properties ?? {}) as never));
        map.set(name, pc);
      }
      await call(client, "configure", req);
    },
    async analyze(resource) {
      return diagnosticsOf(await call<analyzerPb.AnalyzeResponse>(client, "analyze", analyzeRequest(resource)), resource.urn);
    },
    async analyzeStack(resources) {
      return diagnosticsOf(await call<analyzerPb.AnalyzeResponse>(client, "analyzeStack", new analyzerPb.AnalyzeStackRequest().setResourcesList(resources.map(stackResource))));
    },
    async remediate(resource) {
      const res = await call<analyzerPb.RemediateResponse>(client, "remediate", analyzeRequest(resource));
      return res.getRemediationsList().map((r) => ({ policyName: r.getPolicyname(), properties: (r.getProperties()?.toJavaScript() ?? {}) as Record<string, unknown> }));
    },
    async close() {
      client.close();
      if (child.exitCode === null) {
        await new Promise<void>((resolve) => {
          child.once("exit", () => resolve());
          child.kill("SIGTERM");
        });
      }
    },
  };
}

/**
 * The config the CLI sends for a pack: every policy at its level with its schema's defaults, the parsed guardrails
 * (guardrails.json or `--policy-config`, checked by the one parser of policies/rules) over them. The parser already
 * applied `all` and kept the validity policies mandatory.
 */
export function policyConfigFor(policies: PolicyInfo[], guardrails?: GuardrailConfig): PolicyConfig {
  const config: PolicyConfig = {};
  for (const p of policies) {
    const defaults = Object.fromEntries(Object.entries(p.configSchema ?? {}).flatMap(([k, s]) => (s && typeof s === "object" && "default" in s ? [[k, (s as { default: unknown }).default]] : [])));
    const properties = { ...defaults, ...guardrails?.properties[p.name] };
    const level = guardrails?.levels[p.name] ?? p.enforcementLevel;
    config[p.name] = { enforcementLevel: level, ...(Object.keys(properties).length ? { properties } : {}) };
  }
  return config;
}
