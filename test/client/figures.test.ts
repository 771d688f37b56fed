/**
 * The figures for the report: 200 writes under 30% injected faults (duplicates and lost operations must be 0),
 * and the round-trip of GetCluster through the client against the emulator.
 */
import { performance } from "node:perf_hooks";
import { runClusterRequest, startHarness, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.emulator.close());

const WRITES = ["RunCluster", "CreateNodeGroup", "IncreaseNodes", "DecreaseNodes"];
const PER_KIND = 50;

it("200 writes with 30% injected Throttling / 5xx / dropped connections: no duplicate, nothing lost", async () => {
  // One small cluster per scaled group: each gated write reads its cluster's groups and policies first.
  const clusterOf: Record<string, string> = {};
  const groupIds: Record<string, string> = {};
  for (let i = 0; i < 2 * PER_KIND; i++) {
    const seeded = h.emulator.state.seedCluster({ name: "fig", groups: [{ name: `t${i}`, type: "TASK", count: 5 }] });
    clusterOf[`t${i}`] = seeded.clusterId;
    groupIds[`t${i}`] = seeded.groupIds[`t${i}`];
  }
  const emptyClusters = Array.from({ length: PER_KIND }, () => h.emulator.state.seedCluster({ name: "fig" }).clusterId);
  // One node per shrinking group, named (DecreaseNodes takes NodeIds only), picked before the faults start.
  const victims: string[] = [];
  for (let i = 0; i < PER_KIND; i++) victims.push((await h.client.listNodes(clusterOf[`t${PER_KIND + i}`], { NodeGroupIds: [groupIds[`t${PER_KIND + i}`]] }).next()).value!.NodeId);
  h.emulator.faults.setRandom({ rate: 0.3, kinds: ["throttle", "error5xx", "drop"], actions: WRITES, seed: 42 });

  const failures: string[] = [];
  const attempt = async (what: string, write: () => Promise<unknown>) => {
    try {
      await write();
    } catch (e) {
      failures.push(`${what}: ${String(e)}`);
    }
  };
  const node = (i: number) => ({ NodeGroupName: `fig-new-${i}`, NodeGroupType: "TASK", NodeCount: 0, InstanceTypes: ["ecs.g7.xlarge"], VSwitchIds: ["vsw-1"], SystemDisk: { Category: "cloud_essd", Size: 120 }, DataDisks: [] });
  for (let i = 0; i < PER_KIND; i++) {
    await attempt(`run ${i}`, () => h.client.runCluster(runClusterRequest(`fig-run-${i}`)));
    await attempt(`create ${i}`, () => h.client.createNodeGroup({ ClusterId: emptyClusters[i], NodeGroup: node(i) }));
    await attempt(`increase ${i}`, () => h.client.increaseNodes({ ClusterId: clusterOf[`t${i}`], NodeGroupId: groupIds[`t${i}`], IncreaseNodeCount: 2 }));
    await attempt(`decrease ${i}`, () => h.client.decreaseNodes({ ClusterId: clusterOf[`t${PER_KIND + i}`], NodeGroupId: groupIds[`t${PER_KIND + i}`], NodeIds: [victims[i]] }));
  }
  h.emulator.faults.clear();
  h.clock.advance(10 * 60_000);

  // Count from the emulator's state: what exists, against what the 200 writes asked for.
  const clusters = [...h.emulator.state.clusters.values()];
  const groupsNow = [...h.emulator.state.groups.values()];
  const count = (n: number, expected: number) => ({ dup: Math.max(0, n - expected), lost: Math.max(0, expected - n) });
  const tally = { dup: 0, lost: 0 };
  const add = (r: { dup: number; lost: number }) => ((tally.dup += r.dup), (tally.lost += r.lost));
  for (let i = 0; i < PER_KIND; i++) {
    add(count(clusters.filter((c) => c.ClusterName === `fig-run-${i}`).length, 1));
    add(count(groupsNow.filter((g) => g.NodeGroupName === `fig-new-${i}`).length, 1));
    const inc = (await h.client.getNodeGroup(clusterOf[`t${i}`], groupIds[`t${i}`]))!.RunningNodeCount;
    const dec = (await h.client.getNodeGroup(clusterOf[`t${PER_KIND + i}`], groupIds[`t${PER_KIND + i}`]))!.RunningNodeCount;
    add({ dup: Math.max(0, (inc - 5) / 2 - 1), lost: inc === 5 ? 1 : 0 });
    add({ dup: Math.max(0, 5 - dec - 1), lost: dec === 5 ? 1 : 0 });
  }
  const applied = h.emulator.state.applied.filter((a) => WRITES.includes(a.action) && a.key !== "fig");
  const injected = h.emulator.faults.injected;
  const totalInjected = Object.values(injected).reduce((a, b) => a + b, 0);
  console.log(`[figures] 200 writes: faults injected ${totalInjected} (${JSON.stringify(injected)}); applied ${applied.length}; duplicates ${tally.dup}; lost ${tally.lost}; errors surfaced ${failures.length}; virtual time slept ${Math.round(h.clock.slept / 1000)} s`);
  expect(failures).toEqual([]);
  expect(tally).toEqual({ dup: 0, lost: 0 });
  expect(applied).toHaveLength(200);
  expect(totalInjected).toBeGreaterThan(40);
});

it("GetCluster round-trip through the client (500 calls)", async () => {
  const { clusterId } = h.emulator.state.seedCluster({ name: "rtt" });
  for (let i = 0; i < 20; i++) await h.client.getCluster(clusterId); // warm-up
  const mark = h.emulator.requests.length;
  const times: number[] = [];
  const answered = new Set<string>();
  for (let i = 0; i < 500; i++) {
    const t0 = performance.now();
    const cluster = await h.client.getCluster(clusterId);
    times.push(performance.now() - t0);
    answered.add(cluster.ClusterId);
  }
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.floor((times.length - 1) * p)].toFixed(2);
  console.log(`[figures] GetCluster round-trip over ${times.length} calls: p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms, p99 ${pct(0.99)} ms`);
  // What the figure times: each call one GetCluster on the wire (no cache answering, no retry), answered with the cluster.
  expect(h.emulator.requests.slice(mark).map((r) => `${r.action} ${String(r.params.ClusterId)}`)).toEqual(Array(500).fill(`GetCluster ${clusterId}`));
  expect([...answered]).toEqual([clusterId]);
});
