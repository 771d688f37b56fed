/**
 * `--live` with `--state`: the live count of every recorded cluster, read from the EMR API (ListNodeGroups, and the
 * cluster's tags from GetCluster) with the caller's credentials, so the call plan resizes from the real counts: the
 * exact calls, auto-scaled groups included. Reads only; the client loads only in this mode.
 */
import type { LiveState } from "../../policies/rules/calls";
import { TYPES } from "../../policies/rules/domain";
import { UsageError } from "../errors";
import type { RecordedStack } from "./change-check";

export async function readLiveClusters(recorded: RecordedStack, regionId: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<Map<string, LiveState>> {
  const { collect, createEmrClientFromEnv, hasCredentials, EmrApiError } = require("../../client") as typeof import("../../client");
  const { liveFromApi } = require("../../policies/rules/calls") as typeof import("../../policies/rules/calls");
  if (!regionId) throw new UsageError("--live reads the clusters in the stack's region: set alicloud:region in the stack config");
  if (!hasCredentials(env)) throw new UsageError("--live reads the live clusters with your credentials: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET (a read-only key is enough), or leave out --live");
  const client = createEmrClientFromEnv(regionId, env);
  const live = new Map<string, LiveState>();
  for (const r of recorded.resources.filter((x) => x.type === TYPES.cluster && x.id)) {
    const id = r.id as string;
    try {
      const cluster = await client.getCluster(id);
      const nodeGroups = await collect(client.listNodeGroups(id));
      live.set(id, liveFromApi({ nodeGroups, tags: cluster.Tags }));
    } catch (err) {
      // A cluster the state records but the API does not know: released outside the program. Any other error stops.
      if (!(err instanceof EmrApiError) || !/NotFound|InvalidClusterId/i.test(err.code)) throw err;
      live.set(id, { source: "api", groups: [], missing: true });
    }
  }
  return live;
}
