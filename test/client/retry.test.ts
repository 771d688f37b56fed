import { collect, EmrApiError } from "../../client/index";
import { EmrClient } from "../../client/client";
import { resolveCredential } from "../../client/credentials";
import { openApiTransport } from "../../client/transport";
import { TEST_KEYS } from "../emulator/server";
import { runClusterRequest, startHarness, type Harness } from "./harness";

let h: Harness;
let clusterId: string;
let ids: Record<string, string>;

beforeAll(async () => {
  h = await startHarness();
  ({ clusterId, groupIds: ids } = h.emulator.state.seedCluster({ groups: [{ name: "core", type: "CORE", count: 3 }, { name: "task", type: "TASK", count: 4 }] }));
});
afterAll(() => h.emulator.close());
beforeEach(() => {
  h.emulator.faults.clear();
  h.clock.slept = 0;
});

const caught = async (p: Promise<unknown>): Promise<EmrApiError> => {
  try {
    await p;
  } catch (e) {
    if (e instanceof EmrApiError) return e;
    throw e;
  }
  throw new Error("expected an EmrApiError");
};

describe("Throttling is the only error retried by itself", () => {
  it("retries 3 times after 5–10 s each, then succeeds", async () => {
    h.emulator.faults.script([{ kind: "throttle" }, { kind: "throttle" }, { kind: "throttle" }], "GetCluster");
    const before = h.emulator.calls.GetCluster ?? 0;
    await expect(h.client.getCluster(clusterId)).resolves.toMatchObject({ ClusterId: clusterId });
    expect(h.clock.slept).toBeGreaterThanOrEqual(15_000);
    expect(h.clock.slept).toBeLessThan(30_000);
    expect(h.emulator.calls.GetCluster - before).toBe(1); // throttled requests never reach the state
  });

  it("spaces further retries 30 s apart, and gives up after 6 with the service's error", async () => {
    h.emulator.faults.script(Array.from({ length: 7 }, () => ({ kind: "throttle" as const })), "GetCluster");
    const e = await caught(h.client.getCluster(clusterId));
    expect(e).toMatchObject({ code: "Throttling", message: "Request was denied due to request throttling.", statusCode: 400, action: "GetCluster" });
    expect(e.requestId).toMatch(/^[0-9A-F-]{36}$/);
    // 3 jittered waits (5–10 s) + 3 waits of 30 s
    expect(h.clock.slept).toBeGreaterThanOrEqual(15_000 + 90_000);
    expect(h.clock.slept).toBeLessThan(30_000 + 90_000);
  });

  it("surfaces every other error at once with Code, Message and RequestId unchanged", async () => {
    const e = await caught(h.client.getCluster("c-0000000000000000"));
    expect(e).toMatchObject({ code: "ResourceNotFound", message: "The specified cluster c-0000000000000000 is not found.", statusCode: 404 });
    expect(e.requestId).toMatch(/^[0-9A-F-]{36}$/);
    h.emulator.faults.script([{ kind: "error5xx", phase: "before" }], "GetCluster");
    expect(await caught(h.client.getCluster(clusterId))).toMatchObject({ code: "ServiceUnavailable", statusCode: 503 });
    const group = { NodeGroupName: "core", NodeGroupType: "TASK", NodeCount: 1, InstanceTypes: ["ecs.g7.xlarge"], VSwitchIds: ["vsw-1"], SystemDisk: { Category: "cloud_essd", Size: 120 }, DataDisks: [] };
    const denied = await caught(h.client.createNodeGroup({ ClusterId: clusterId, NodeGroup: group }));
    expect(denied).toMatchObject({ code: "InvalidParameter", message: `NodeGroupName core already exists in cluster ${clusterId}.` });
    expect(h.clock.slept).toBe(0);
  });

  it("reports a read whose connection was dropped as a transport error, without retrying", async () => {
    h.emulator.faults.script([{ kind: "drop", phase: "before" }], "GetCluster");
    expect(await caught(h.client.getCluster(clusterId))).toMatchObject({ code: "ECONNRESET", statusCode: undefined, requestId: undefined });
  });
});

describe("writes are safe to retry", () => {
  it("RunCluster re-sends the same ClientToken after a lost reply: one cluster", async () => {
    h.emulator.faults.script([{ kind: "drop", phase: "after" }, { kind: "error5xx", phase: "after" }], "RunCluster");
    const res = await h.client.runCluster(runClusterRequest("token-lake"));
    const named = [...h.emulator.state.clusters.values()].filter((c) => c.ClusterName === "token-lake");
    expect(named.map((c) => c.ClusterId)).toEqual([res.ClusterId]);
    expect(h.emulator.calls.RunCluster).toBe(3);
  });

  it("IncreaseNodes after a dropped reply reads the group back instead of sending twice", async () => {
    h.emulator.faults.script([{ kind: "drop", phase: "after" }], "IncreaseNodes");
    const res = await h.client.increaseNodes({ ClusterId: clusterId, NodeGroupId: ids.task, IncreaseNodeCount: 3 });
    expect(res).toEqual({ Reconciled: true });
    h.clock.advance(5 * 60_000);
    expect(await h.client.getNodeGroup(clusterId, ids.task)).toMatchObject({ RunningNodeCount: 7, NodeGroupState: "RUNNING" });
  });

  it("IncreaseNodes refused before it was applied (5xx) is sent again once the read shows no change", async () => {
    h.emulator.faults.script([{ kind: "error5xx", phase: "before" }], "IncreaseNodes");
    const res = await h.client.increaseNodes({ ClusterId: clusterId, NodeGroupId: ids.task, IncreaseNodeCount: 1 });
    expect(res.Reconciled).toBe(false);
    h.clock.advance(5 * 60_000);
    expect(await h.client.getNodeGroup(clusterId, ids.task)).toMatchObject({ RunningNodeCount: 8 });
  });

  it("ConcurrentModification waits (30 s polls) until the group is RUNNING, then scales", async () => {
    await h.client.increaseNodes({ ClusterId: clusterId, NodeGroupId: ids.task, IncreaseNodeCount: 1 }); // group now INCREASING for 5 min
    h.emulator.faults.script([{ kind: "concurrent" }], "IncreaseNodes");
    await h.client.increaseNodes({ ClusterId: clusterId, NodeGroupId: ids.task, IncreaseNodeCount: 1 });
    expect(h.clock.slept).toBe(5 * 60_000); // ten 30 s polls
    h.clock.advance(5 * 60_000);
    expect(await h.client.getNodeGroup(clusterId, ids.task)).toMatchObject({ RunningNodeCount: 10 });
  });

  it("CreateNodeGroup after a lost reply finds the group by name: one group", async () => {
    h.emulator.faults.script([{ kind: "error5xx", phase: "after" }], "CreateNodeGroup");
    const res = await h.client.createNodeGroup({ ClusterId: clusterId, NodeGroup: { NodeGroupName: "gw", NodeGroupType: "TASK", NodeCount: 0, InstanceTypes: ["ecs.g7.xlarge"], VSwitchIds: ["vsw-1"], SystemDisk: { Category: "cloud_essd", Size: 120 }, DataDisks: [] } });
    expect(res.Reconciled).toBe(true);
    expect((await collect(h.client.listNodeGroups(clusterId, { NodeGroupNames: ["gw"] }))).map((g) => g.NodeGroupId)).toEqual([res.NodeGroupId]);
  });

  it("a timeout is an unknown outcome too: the write is checked, not duplicated", async () => {
    h.emulator.faults.script([{ kind: "slow", ms: 50 }], "UpdateClusterAttribute");
    // A 20 ms timeout stands in for the 60 s write timeout.
    const transport = openApiTransport({ endpoint: h.emulator.endpoint, protocol: "http", regionId: "cn-hangzhou", credential: resolveCredential(TEST_KEYS) });
    const quick = new EmrClient({ regionId: "cn-hangzhou", clock: h.clock, transport: { call: (action, request) => transport.call(action, request, 20) } });
    await quick.updateClusterAttribute({ ClusterId: clusterId, Description: "after a timeout" });
    expect(await h.client.getCluster(clusterId)).toMatchObject({ Description: "after a timeout" });
  });
});
