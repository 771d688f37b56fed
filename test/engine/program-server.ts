/**
 * A Pulumi program served the way the Automation API serves an inline program: the SDK's own language runtime
 * server (`LanguageServer` of @pulumi/pulumi/automation) on 127.0.0.1, whose address the CLI gets as `--client`.
 * That is how a TypeScript program runs under the real CLI here: pulumi-language-nodejs is not served by the Go
 * module proxy (README "Engine tier"). LocalWorkspace does exactly this; we start the server ourselves so that any
 * CLI flag can be passed (`preview --json`, `--save-plan`), which LocalWorkspace's options do not all offer.
 *
 *   tsx test/engine/program-server.ts stacks            the project's program (stacks/program.ts)
 *   tsx test/engine/program-server.ts <file.ts>         a program file that registers its resources on import
 *
 * Prints `port <n>` once listening; serves until killed.
 */
import * as grpc from "@grpc/grpc-js";
import { resolve } from "node:path";

const ROOT = resolve(__dirname, "../..");

function programOf(target: string): () => Promise<Record<string, unknown> | void> {
  if (target === "stacks") {
    return async () => {
      const { buildStack, stackOutputs } = require(resolve(ROOT, "stacks/program")) as typeof import("../../stacks/program");
      return stackOutputs(buildStack());
    };
  }
  // An example registers its resources when first loaded; one CLI command runs it once (preview, or up --skip-preview).
  return async () => {
    require(resolve(ROOT, target));
  };
}

async function main(): Promise<void> {
  // Internal API of @pulumi/pulumi (pinned 3.270.0): what LocalWorkspace uses for an inline program.
  const { LanguageServer } = require("@pulumi/pulumi/automation/server") as { LanguageServer: new (program: () => Promise<unknown>) => grpc.UntypedServiceImplementation };
  const langrpc = require("@pulumi/pulumi/proto/language_grpc_pb") as { LanguageRuntimeService: grpc.ServiceDefinition };
  const { grpcChannelOptions } = require("@pulumi/pulumi/runtime/settings") as { grpcChannelOptions: grpc.ChannelOptions };
  const server = new grpc.Server(grpcChannelOptions);
  server.addService(langrpc.LanguageRuntimeService, new LanguageServer(programOf(process.argv[2] ?? "stacks")));
  const port = await new Promise<number>((ok, fail) => server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e, p) => (e ? fail(e) : ok(p))));
  process.stdout.write(`port ${port}\n`);
}

void main();
