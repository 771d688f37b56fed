/**
 * `emr-status` (npm run status; bin/emr-status.js): the clusters of a region, or one cluster (by ID or by name) with its lifecycle
 * state in words, deletion protection, payment type, node groups, and whether it could be released now, with the
 * console checklist. It only reads: nothing here releases a cluster. `--json` for machines.
 * Exit codes: 0 ok, 1 API failure or no such cluster, 2 bad arguments, missing credentials or an ambiguous name.
 * --endpoint / EMR_ENDPOINT (host:port) and --protocol / EMR_PROTOCOL point it at the emulator.
 */
import { homedir } from "node:os";
import { Command } from "commander";
import { parseCommand } from "./command-io";
import { connectionFromEnv, createEmrClient, type EmrClient } from "./index";
import { hasCredentials } from "./credentials";
import { EmrApiError, EmrInputError } from "./errors";
import { collect } from "./pagination";
import { clusterReport, emptyListExplanation, formatClusterList, formatClusterReport, reasonText } from "./status-report";
import { regionalEndpoint } from "./transport";
import { checkClusterId } from "./validate";

export interface StatusIo {
  env: Record<string, string | undefined>;
  out: (text: string) => void;
  err: (text: string) => void;
}

interface Options { region?: string; cluster?: string; json?: boolean; endpoint?: string; protocol?: string }

/** Runs the command; returns the exit code. */
export async function runStatus(argv: string[], io: StatusIo): Promise<number> {
  const program = new Command("emr-status")
    .description("Show EMR clusters, or one cluster's state, node groups and whether it could be released (read-only)")
    .option("-r, --region <regionId>", "region, e.g. cn-hangzhou (or ALIBABA_CLOUD_REGION_ID)")
    .option("-c, --cluster <id-or-name>", "show one cluster: its ID (c-…) or its name")
    .option("--json", "print JSON instead of tables")
    .option("--endpoint <host:port>", "API endpoint override (or EMR_ENDPOINT)")
    .option("--protocol <http|https>", "protocol for the endpoint (or EMR_PROTOCOL)");
  const ended = parseCommand(program, argv, io);
  if (ended !== undefined) return ended;
  const opts = program.opts<Options>();
  const usage = (message: string) => (io.err(`emr-status: ${message}`), 2);
  const regionId = opts.region ?? io.env.ALIBABA_CLOUD_REGION_ID;
  if (!regionId) return usage("missing --region (or ALIBABA_CLOUD_REGION_ID)");
  if (!hasCredentials(io.env, io.env.HOME ?? homedir())) {
    return usage("no Alibaba Cloud credentials: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, or configure a profile (for the emulator: paste the export lines `npm run emulator` prints)");
  }
  try {
    const connection = connectionFromEnv({ ...io.env, EMR_ENDPOINT: opts.endpoint ?? io.env.EMR_ENDPOINT, EMR_PROTOCOL: opts.protocol ?? io.env.EMR_PROTOCOL });
    const client = createEmrClient({ regionId, ...connection });
    if (opts.cluster) return await showCluster(client, opts.cluster, opts.json === true, io);
    const clusters = await collect(client.listClusters());
    if (opts.json) io.out(JSON.stringify({ regionId, clusters }, null, 2));
    else if (clusters.length === 0) {
      io.out(emptyListExplanation({ regionId, endpoint: connection.endpoint ?? regionalEndpoint(regionId), accessKeyId: connection.credentials?.accessKeyId, filters: [] }));
    } else io.out(formatClusterList(clusters));
    return 0;
  } catch (e) {
    if (e instanceof EmrInputError) return usage(e.message);
    io.err(`emr-status: ${e instanceof EmrApiError ? e.describe() : e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

async function showCluster(client: EmrClient, idOrName: string, json: boolean, io: StatusIo): Promise<number> {
  let clusterId = idOrName;
  if (checkClusterId(idOrName, "cluster").length > 0) {
    // Not an ID: look the name up. Names are not unique, so several matches are listed, not guessed between.
    const matches = (await collect(client.listClusters({ ClusterName: idOrName }))).filter((c) => c.ClusterName === idOrName);
    if (matches.length === 0) {
      io.err(`emr-status: no cluster named "${idOrName}" in ${client.regionId} (names are exact and case-sensitive; run without --cluster to list them all, or pass the ID c-…)`);
      return 1;
    }
    if (matches.length > 1) {
      io.err([`emr-status: ${matches.length} clusters are named "${idOrName}" in ${client.regionId}; pass one ID with --cluster:`,
        ...matches.map((c) => `  ${c.ClusterId}  ${c.ClusterState}${c.StateChangeReason?.Code ? ` (${reasonText(c.StateChangeReason)})` : ""}`)].join("\n"));
      return 2;
    }
    clusterId = matches[0].ClusterId;
  }
  const cluster = await client.getCluster(clusterId);
  const groups = await collect(client.listNodeGroups(clusterId));
  // A Subscription cluster is released only once all its ECS instances are; count them (any state but Terminated).
  const ecsInstancesLeft = cluster.PaymentType === "Subscription"
    ? (await collect(client.listNodes(clusterId))).filter((n) => n.NodeState !== "Terminated").length
    : undefined;
  const report = clusterReport(client.regionId, cluster, groups, ecsInstancesLeft);
  io.out(json ? JSON.stringify(report, null, 2) : formatClusterReport(report));
  return 0;
}

/** The command's entry (bin/emr-status.js): runs it on this process's arguments and exits with its code. */
export function main(): void {
  void runStatus(process.argv.slice(2), {
    env: process.env,
    out: (t) => process.stdout.write(t.endsWith("\n") ? t : `${t}\n`),
    err: (t) => process.stderr.write(t.endsWith("\n") ? t : `${t}\n`),
  }).then((code) => process.exit(code));
}

// Run directly (`tsx client/status-cli.ts`), as well as through bin/emr-status.js.
if (require.main === module) main();
