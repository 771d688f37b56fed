/**
 * The Pulumi SDK the check works with: the program's own. The check runs the program in its process and reads what
 * it registers through the SDK's mocks, and it forwards the SDK's protobuf values to the pack: a second copy of
 * `@pulumi/pulumi` (the check's, beside the program's) has other classes and other global state, and fails with
 * "Unexpected struct type." or registers nothing. So the SDK, its protocol modules, google-protobuf and grpc-js are
 * all loaded from the folder `@pulumi/pulumi` resolves to from the program, and never from the check's own install.
 */
import * as fs from "fs";
import * as path from "path";
import { UsageError } from "../errors";
import { requirePlain } from "../typescript-hooks";
import { programDir } from "./program-error";

/** The SDK versions the check is built and tested with: its mocks, monitor and analyzer protocol. */
export const SDK_RANGE = { major: 3, minMinor: 270, text: ">=3.270.0 <4" } as const;

export interface SdkLocation {
  /** The `@pulumi/pulumi` package folder (its real path). */
  dir: string;
  version: string;
}

export interface Sdk extends SdkLocation {
  pulumi: typeof import("@pulumi/pulumi");
  settings: typeof import("@pulumi/pulumi/runtime/settings");
  analyzerPb: typeof import("@pulumi/pulumi/proto/analyzer_pb");
  analyzerGrpc: typeof import("@pulumi/pulumi/proto/analyzer_grpc_pb");
  grpc: typeof import("@grpc/grpc-js");
  Struct: typeof import("google-protobuf/google/protobuf/struct_pb").Struct;
  Empty: typeof import("google-protobuf/google/protobuf/empty_pb").Empty;
}

/** `@pulumi/pulumi` as resolved from `dir` (Node's rule: its node_modules, then each folder above), if any. */
function resolveFrom(dir: string): SdkLocation | undefined {
  let manifest: string;
  try {
    manifest = fs.realpathSync(require.resolve("@pulumi/pulumi/package.json", { paths: [dir] }));
  } catch {
    return undefined;
  }
  const version = String((JSON.parse(fs.readFileSync(manifest, "utf8")) as { version?: unknown }).version);
  return { dir: path.dirname(manifest), version };
}

/** Whether the check can work with this SDK version (a release of the tested major, at or above the tested minor). */
export function supportedSdkVersion(version: string): boolean {
  const m = /^(\d+)\.(\d+)\.\d+/.exec(version);
  return !!m && Number(m[1]) === SDK_RANGE.major && Number(m[2]) >= SDK_RANGE.minMinor;
}

/**
 * The SDK of the programs: `@pulumi/pulumi` resolved from each program's folder (else from the project's, for a
 * program that imports no SDK itself). One copy for the whole run, of a version the check works with; otherwise a
 * UsageError naming the cause and the fix.
 */
export function findProgramSdk(programs: readonly string[], projectDir: string): SdkLocation {
  const found = new Map<string, { sdk: SdkLocation; programs: string[] }>();
  for (const program of programs) {
    const dir = programDir(program);
    const sdk = resolveFrom(dir) ?? resolveFrom(projectDir);
    if (!sdk) {
      throw new UsageError(
        `no @pulumi/pulumi for the program ${path.relative(process.cwd(), program) || "."}: the check runs your program with your project's own Pulumi SDK, and none is installed in ${dir} or any folder above it (nor in the project ${projectDir}). Install it in your project: npm install @pulumi/pulumi@^3.${SDK_RANGE.minMinor}.0 @pulumi/alicloud`,
      );
    }
    const entry = found.get(sdk.dir) ?? { sdk, programs: [] };
    entry.programs.push(program);
    found.set(sdk.dir, entry);
  }
  if (found.size > 1) {
    const copies = [...found.values()].map((f) => `${f.sdk.dir} (${f.sdk.version}) for ${f.programs.map((p) => path.relative(process.cwd(), p) || ".").join(", ")}`);
    throw new UsageError(`the programs load different copies of @pulumi/pulumi: ${copies.join("; ")}. One run uses one SDK: check them in separate runs (one --program each)`);
  }
  const [{ sdk }] = found.values();
  checkVersion(sdk);
  return sdk;
}

/** The SDK of a project without a program run (`--audit`): resolved from the project's folder. */
export function findProjectSdk(projectDir: string): SdkLocation {
  const sdk = resolveFrom(projectDir);
  if (!sdk) throw new UsageError(`no @pulumi/pulumi in ${projectDir} or any folder above it: the check talks to the policy pack with your project's Pulumi SDK. Install it: npm install @pulumi/pulumi@^3.${SDK_RANGE.minMinor}.0`);
  checkVersion(sdk);
  return sdk;
}

function checkVersion(sdk: SdkLocation): void {
  if (supportedSdkVersion(sdk.version)) return;
  throw new UsageError(
    `@pulumi/pulumi ${sdk.version} (${sdk.dir}) is not a version the check works with (${SDK_RANGE.text}: it runs your program with that SDK's mocks and talks to the pack in its protocol). Install one in your project: npm install @pulumi/pulumi@^3.${SDK_RANGE.minMinor}.0`,
  );
}

/** A module of the SDK's package, or of a package the SDK itself depends on, as the SDK would load it. */
export function sdkRequire<T>(sdk: SdkLocation, id: string): T {
  const own = id === "@pulumi/pulumi" || id.startsWith("@pulumi/pulumi/");
  return require(own ? path.join(sdk.dir, id.slice("@pulumi/pulumi".length)) : require.resolve(id, { paths: [sdk.dir] })) as T;
}

const loaded = new Map<string, Sdk>();

/** Loads the SDK (once per folder): the modules the check uses, each from that one copy. */
export function loadSdk(location: SdkLocation): Sdk {
  const cached = loaded.get(location.dir);
  if (cached) return cached;
  const sdk: Sdk = {
    ...location,
    pulumi: sdkRequire(location, "@pulumi/pulumi"),
    settings: sdkRequire(location, "@pulumi/pulumi/runtime/settings"),
    analyzerPb: sdkRequire(location, "@pulumi/pulumi/proto/analyzer_pb"),
    analyzerGrpc: sdkRequire(location, "@pulumi/pulumi/proto/analyzer_grpc_pb"),
    grpc: sdkRequire(location, "@grpc/grpc-js"),
    Struct: sdkRequire<typeof import("google-protobuf/google/protobuf/struct_pb")>(location, "google-protobuf/google/protobuf/struct_pb").Struct,
    Empty: sdkRequire<typeof import("google-protobuf/google/protobuf/empty_pb")>(location, "google-protobuf/google/protobuf/empty_pb").Empty,
  };
  loaded.set(location.dir, sdk);
  return sdk;
}

/**
 * What to load with tsx's hooks off (typescript-hooks.js requirePlain) before the programs run: the SDK's modules from
 * the programs' copy, and the provider's modules the components' resources use, as the program would resolve them
 * (those it has). By path: a bare name would resolve from the check's own folder, not the program's.
 */
function sdkPreloads(sdk: SdkLocation, programs: readonly string[]): string[] {
  const fromProgram = (id: string) => {
    try {
      return [require.resolve(id, { paths: [programDir(programs[0])] })];
    } catch {
      return [];
    }
  };
  const providers = programs.length ? ["@pulumi/alicloud/emrv2", "@pulumi/alicloud/ecs", "@pulumi/alicloud/rds", "@pulumi/random"].flatMap(fromProgram) : [];
  return [sdk.dir, path.join(sdk.dir, "proto", "analyzer_grpc_pb"), ...providers];
}

/**
 * The SDK the programs run with, loaded as every command that runs them loads it (emr-check, record-state,
 * emr-prices): its modules and the provider's first, plain JavaScript with tsx's hooks off (see typescript-hooks.js).
 */
export function loadProgramSdk(location: SdkLocation, programs: readonly string[]): Sdk {
  requirePlain(sdkPreloads(location, programs));
  return loadSdk(location);
}

/** The SDK that resolves from `dir` (tests and tools that run inside this repository), loaded. */
export function sdkFrom(dir: string): Sdk {
  const location = resolveFrom(dir);
  if (!location) throw new UsageError(`no @pulumi/pulumi resolves from ${dir}`);
  return loadSdk(location);
}

const SETTINGS_MODULE = /[\\/]@pulumi[\\/]pulumi[\\/]runtime[\\/]settings\.js$/;

/**
 * Every copy of `@pulumi/pulumi` loaded in this process, other than `sdk`: a dependency of the program with its own
 * nested copy registers its resources there, where no mocks are set (nothing reaches the check: a silent pass).
 */
export function otherSdkCopies(sdk: SdkLocation): string[] {
  const own = path.join(sdk.dir, "runtime", "settings.js");
  const copies = Object.keys(require.cache).filter((file) => SETTINGS_MODULE.test(file) && fs.realpathSync(file) !== own);
  return [...new Set(copies.map((file) => path.dirname(path.dirname(fs.realpathSync(file)))))];
}
