/**
 * Pulumi mocks for component tests: records every resource the program registers (type, name, inputs) and answers
 * with plausible computed outputs. Call `setupMocks()` in beforeAll, then import the code under test.
 */
import * as pulumi from "@pulumi/pulumi";
import { isEncodedSecret } from "../../policies/engine";

export interface RegisteredResource {
  type: string;
  name: string;
  /** Inputs with secrets unwrapped. */
  inputs: Record<string, any>;
  /** Inputs as the mocks received them (secrets wrapped). */
  rawInputs: Record<string, any>;
}

export const registered: RegisteredResource[] = [];

/** Outputs a real deployment would compute, per type token. */
function computedState(type: string, name: string, inputs: Record<string, any>): Record<string, any> {
  switch (type) {
    case "alicloud:rds/instance:Instance":
      // Not 3306, so a test can tell the JDBC URL takes the instance's port output.
      return { connectionString: `rm-${name}.mysql.rds.aliyuncs.com`, port: "3307" };
    case "random:index/randomPassword:RandomPassword":
      return { result: "Generated0Password1Secret2" };
    case "alicloud:rds/database:Database":
      return { dataBaseName: inputs.dataBaseName };
    default:
      return {};
  }
}

/** Mocks receive secret inputs wrapped as `{ <sig>: SECRET_SIG, value }`; tests read the plain values. */
export function unwrapSecrets(value: any): any {
  if (Array.isArray(value)) return value.map(unwrapSecrets);
  if (value && typeof value === "object") {
    if (isEncodedSecret(value) && "value" in value) return unwrapSecrets(value.value);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unwrapSecrets(v)]));
  }
  return value;
}

/** True when a mock input arrived as a secret. */
export function isSecretInput(value: any): boolean {
  return isEncodedSecret(value);
}

export function setupMocks(options: { preview?: boolean; stack?: string; config?: Record<string, string> } = {}): void {
  if (options.config) {
    pulumi.runtime.setAllConfig(options.config);
  }
  pulumi.runtime.setMocks(
    {
      newResource(args) {
        registered.push({ type: args.type, name: args.name, inputs: unwrapSecrets(args.inputs), rawInputs: args.inputs });
        const id = options.preview ? undefined : `${args.name}-id`;
        return { id, state: { ...args.inputs, ...computedState(args.type, args.name, args.inputs) } };
      },
      call(args) {
        return args.inputs;
      },
    },
    "emr-clusters",
    options.stack ?? "dev",
    options.preview ?? false,
  );
}

export function resetRegistered(): void {
  registered.length = 0;
}

/** Resolves an Output's value (mocks resolve everything, outside preview). */
export function valueOf<T>(output: pulumi.Input<T>): Promise<T> {
  return new Promise((resolve) => pulumi.output(output).apply((v) => resolve(v as T)));
}

export function ofType(type: string): RegisteredResource[] {
  return registered.filter((r) => r.type === type);
}

/** Waits until the program's resource registrations have reached the mocks (the count stops changing). */
export async function settle(): Promise<void> {
  let stableTicks = 0;
  let last = -1;
  while (stableTicks < 5) {
    await new Promise((r) => setTimeout(r, 1));
    stableTicks = registered.length === last ? stableTicks + 1 : 0;
    last = registered.length;
  }
}
