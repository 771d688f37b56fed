import { waitForClusterRunning, waitForNodeGroupRunning } from "../../client/index";
import { runClusterRequest, startHarness, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ timings: { creationMs: 15 * 60_000 } });
});
afterAll(() => h.emulator.close());

describe("polling on the virtual clock (30 s interval, 30 min cap)", () => {
  it("detects RUNNING of a 15-minute creation in 31 GetCluster calls", async () => {
    const { ClusterId } = await h.client.runCluster(runClusterRequest("poll-lake"));
    const before = h.emulator.calls.GetCluster ?? 0;
    const started = h.clock.now();
    const result = await waitForClusterRunning(h.client, ClusterId);
    expect(result).toMatchObject({ ok: true, calls: 31, value: { ClusterState: "RUNNING" } });
    expect(h.emulator.calls.GetCluster - before).toBe(31); // t = 0, 30 s, …, 15 min
    expect(h.clock.now() - started).toBe(15 * 60_000);
  });

  it("returns the StateChangeReason of a failed creation", async () => {
    h.emulator.state.failNextCreation({ Code: "NotAuthorized", Message: "AliyunEMRDefaultRole is not authorized." });
    const { ClusterId } = await h.client.runCluster(runClusterRequest("fail-lake"));
    const result = await waitForClusterRunning(h.client, ClusterId);
    expect(result).toMatchObject({ ok: false, timedOut: false, state: "START_FAILED", reason: { Code: "NotAuthorized", Message: "AliyunEMRDefaultRole is not authorized." } });
    if (!result.ok) expect(result.error.message).toBe(`cluster ${ClusterId} is START_FAILED: NotAuthorized: AliyunEMRDefaultRole is not authorized.`);
  });

  it("gives up after the cap with timedOut", async () => {
    const { ClusterId } = await h.client.runCluster(runClusterRequest("slow-lake"));
    const result = await waitForClusterRunning(h.client, ClusterId, { timeoutMs: 5 * 60_000 });
    expect(result).toMatchObject({ ok: false, timedOut: true, state: "STARTING", calls: 11 }); // t = 0 … 5 min
  });

  it("waits for a scaling node group to be RUNNING again", async () => {
    const { clusterId, groupIds } = h.emulator.state.seedCluster({ groups: [{ name: "task", type: "TASK", count: 1 }] });
    await h.client.increaseNodes({ ClusterId: clusterId, NodeGroupId: groupIds.task, IncreaseNodeCount: 2 });
    const result = await waitForNodeGroupRunning(h.client, clusterId, groupIds.task);
    expect(result).toMatchObject({ ok: true, calls: 11, value: { RunningNodeCount: 3 } });
  });
});
