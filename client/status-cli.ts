/**
 * `emr-status` (npm run status): clusters of a region, or one cluster's node groups, with the last
 * StateChangeReason, as a table. Bad arguments or missing credentials: one line on stderr, exit 2.
 * --endpoint / EMR_ENDPOINT (host:port) and --protocol / EMR_PROTOCOL point it at the emulator.
 */
import { Command, CommanderError } from "commander";
import Table from "cli-table3";
import { createEmrClient } from "./index";
import { hasCredentials } from "./credentials";
import { EmrApiError, EmrInputError } from "./errors";
import { collect } from "./pagination";
import type { StateChangeReason } from "./schemas";

export interface StatusIo {
  env: Record<string, string | undefined>;
  out: (text: string) => void;
  err: (text: string) => void;
}

/** No ANSI colours: the output is read in CI logs and pipes as often as in terminals. */
const PLAIN = { head: [] as string[], border: [] as string[] };
const reasonText = (r: StateChangeReason | undefined) => (r?.Code ? `${r.Code}${r.Message ? `: ${r.Message}` : ""}` : "");

/** Runs the command; returns the exit code (0 ok, 1 API failure, 2 usage or credentials). */
export async function runStatus(argv: string[], io: StatusIo): Promise<number> {
  const program = new Command("emr-status")
    .description("Show EMR clusters, node groups and the last StateChangeReason")
    .option("-r, --region <regionId>", "region, e.g. cn-hangzhou (or ALIBABA_CLOUD_REGION_ID)")
    .option("-c, --cluster <clusterId>", "show this cluster's node groups")
    .option("--endpoint <host:port>", "API endpoint override (or EMR_ENDPOINT)")
    .option("--protocol <http|https>", "protocol for the endpoint (or EMR_PROTOCOL)")
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: () => undefined });
  try {
    program.parse(argv, { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError && (e.code === "commander.helpDisplayed" || e.code === "commander.version")) return 0;
    io.err(`emr-status: ${e instanceof Error ? e.message.replace(/^error: /, "") : String(e)}`);
    return 2;
  }
  const opts = program.opts<{ region?: string; cluster?: string; endpoint?: string; protocol?: string }>();
  const regionId = opts.region ?? io.env.ALIBABA_CLOUD_REGION_ID;
  const protocol = opts.protocol ?? io.env.EMR_PROTOCOL;
  const usage = (message: string) => (io.err(`emr-status: ${message}`), 2);
  if (!regionId) return usage("missing --region (or ALIBABA_CLOUD_REGION_ID)");
  if (protocol !== undefined && protocol !== "http" && protocol !== "https") return usage(`--protocol must be http or https, got ${protocol}`);
  if (!hasCredentials(io.env)) return usage("no Alibaba Cloud credentials: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, or configure a profile");

  try {
    const env = io.env;
    const credentials = env.ALIBABA_CLOUD_ACCESS_KEY_ID && env.ALIBABA_CLOUD_ACCESS_KEY_SECRET
      ? { accessKeyId: env.ALIBABA_CLOUD_ACCESS_KEY_ID, accessKeySecret: env.ALIBABA_CLOUD_ACCESS_KEY_SECRET, securityToken: env.ALIBABA_CLOUD_SECURITY_TOKEN }
      : undefined;
    const client = createEmrClient({ regionId, endpoint: opts.endpoint ?? env.EMR_ENDPOINT ?? undefined, protocol: protocol as "http" | "https" | undefined, credentials });
    if (opts.cluster) {
      const cluster = await client.getCluster(opts.cluster);
      io.out(`${cluster.ClusterId}  ${cluster.ClusterName ?? ""}  ${cluster.ClusterState}${cluster.StateChangeReason?.Code ? `  (${reasonText(cluster.StateChangeReason)})` : ""}`);
      const table = new Table({ head: ["NodeGroupId", "Name", "Type", "State", "Running", "Payment", "Last StateChangeReason"], style: PLAIN });
      for (const g of await collect(client.listNodeGroups(opts.cluster))) {
        table.push([g.NodeGroupId, g.NodeGroupName, g.NodeGroupType, g.NodeGroupState, String(g.RunningNodeCount), g.PaymentType ?? "", reasonText(g.StateChangeReason)]);
      }
      io.out(table.toString());
    } else {
      const table = new Table({ head: ["ClusterId", "Name", "Type", "State", "Release", "Last StateChangeReason"], style: PLAIN });
      for await (const c of client.listClusters()) {
        table.push([c.ClusterId, c.ClusterName ?? "", c.ClusterType ?? "", c.ClusterState, c.ReleaseVersion ?? "", reasonText(c.StateChangeReason)]);
      }
      io.out(table.toString());
    }
    return 0;
  } catch (e) {
    if (e instanceof EmrInputError) return usage(e.message);
    io.err(`emr-status: ${e instanceof EmrApiError ? e.describe() : e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

if (require.main === module) {
  void runStatus(process.argv.slice(2), {
    env: process.env,
    out: (t) => process.stdout.write(t.endsWith("\n") ? t : `${t}\n`),
    err: (t) => process.stderr.write(t.endsWith("\n") ? t : `${t}\n`),
  }).then((code) => process.exit(code));
}
