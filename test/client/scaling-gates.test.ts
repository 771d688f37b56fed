/**
 * EmrClient's node-count writes carry the change rules (client/gates/scaling.ts): each gate with a passing and a
 * failing case against the emulator, and nothing sent when refused (the emulator's request log).
 */
import { collect } from "../../client/index";
import type { NodeGroupConfig } from "../../client/index";
import { refusedWithoutWrite, sentOnly, startHarness, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.emulator.close());

const refused = (call: () => Promise<unknown>) => refusedWithoutWrite(h, call);
const sent = <T>(call: () => Promise<T>, action: string) => sentOnly(h, call, action);
const seed = (groups: { name: string; type: string; count: number; paymentType?: string; autoScalingPolicy?: Record<string, unknown> }[], paymentType?: string) =>
  h.emulator.state.seedCluster({ name: "gated", groups, paymentType });

describe("IncreaseNodes: ≤ 50 per call, > 20 acknowledged (that very change), cluster total > 100 cost-acknowledged, never MASTER", () => {
  it("20 nodes pass; 25 need { scaleOut: [\"core:40->65\"] }, and that ack passes", async () => {
    const { clusterId, groupIds } = seed([{ name: "core", type: "CORE", count: 40 }]);
    const req = { ClusterId: clusterId, NodeGroupId: groupIds.core, IncreaseNodeCount: 25 };
    expect(await refused(() => h.client.increaseNodes(req))).toEqual([{
      path: "IncreaseNodeCount",
      message: 'cluster "gated": IncreaseNodes grows "core" (CORE) 40 -> 65 (+25): a scale-out above 20 nodes in one update needs the acknowledgement of this change',
      fix: 'acknowledge it with the option { acknowledge: { scaleOut: ["core:40->65"] } } on this call, or step it: 40 -> 60 -> 65',
    }]);
    // An acknowledgement of another change approves nothing.
    await refused(() => h.client.increaseNodes(req, { acknowledge: { scaleOut: ["core:40->64"] } }));
    await sent(() => h.client.increaseNodes(req, { acknowledge: { scaleOut: ["core:40->65"] } }), "IncreaseNodes");
    const small = seed([{ name: "core", type: "CORE", count: 4 }]);
    await sent(() => h.client.increaseNodes({ ClusterId: small.clusterId, NodeGroupId: small.groupIds.core, IncreaseNodeCount: 20 }), "IncreaseNodes");
  });

  it("more than 50 in one call is refused even acknowledged, with the steps", async () => {
    const { clusterId, groupIds } = seed([{ name: "task", type: "TASK", count: 10 }]);
    const [p] = await refused(() => h.client.increaseNodes({ ClusterId: clusterId, NodeGroupId: groupIds.task, IncreaseNodeCount: 500 }, { acknowledge: { scaleOut: ["task:10->510"], clusterNodes: 600 } }));
    expect(p.message).toBe('cluster "gated": IncreaseNodes grows "task" (TASK) 10 -> 510 (+500): one update adds at most 50 nodes to a group');
    expect(p.fix).toMatch(/^step it: 10 -> 60 -> 110 -> /);
  });

  it("a cluster total above 100 needs the cost acknowledgement of the new total (auto-scaled groups at MaxCapacity)", async () => {
    const { clusterId, groupIds } = seed([{ name: "core", type: "CORE", count: 45 }, { name: "task", type: "TASK", count: 5, autoScalingPolicy: { Constraints: { MinCapacity: 0, MaxCapacity: 50 }, ScalingRules: [] } }]);
    const req = { ClusterId: clusterId, NodeGroupId: groupIds.core, IncreaseNodeCount: 10 };
    expect(await refused(() => h.client.increaseNodes(req))).toEqual([{
      path: "IncreaseNodeCount",
      message: 'cluster "gated": the cluster grows from 95 to 105 nodes in total (auto-scaled groups at their MaxCapacity), above the 100-node cost threshold',
      fix: "acknowledge the cost with the option { acknowledge: { clusterNodes: 105 } } on this call, or keep the total at 100 or fewer",
    }]);
    await sent(() => h.client.increaseNodes(req, { acknowledge: { clusterNodes: 105 } }), "IncreaseNodes");
  });

  it("MASTER never scales out", async () => {
    const { clusterId, groupIds } = seed([{ name: "master", type: "MASTER", count: 1 }]);
    const [p] = await refused(() => h.client.increaseNodes({ ClusterId: clusterId, NodeGroupId: groupIds.master, IncreaseNodeCount: 2 }));
    expect(p.message).toMatch(/MASTER groups never scale out$/);
  });

  it("a malformed acknowledgement is refused, naming the right form", async () => {
    const { clusterId, groupIds } = seed([{ name: "core", type: "CORE", count: 2 }]);
    expect(await refused(() => h.client.increaseNodes({ ClusterId: clusterId, NodeGroupId: groupIds.core, IncreaseNodeCount: 1 }, { acknowledge: { taskToZero: ["true"] } }))).toEqual([
      { path: "acknowledge.taskToZero", message: '"true": "true" approved every later change; an entry now names the one change it approves', fix: 'e.g. "task:6->0"' },
    ]);
  });
});

describe("CreateNodeGroup: the new group's NodeCount is a scale-out from 0; > 30 needs the node-count ack", () => {
  const group = (name: string, count: number): NodeGroupConfig => ({ NodeGroupName: name, NodeGroupType: "TASK", NodeCount: count, InstanceTypes: ["ecs.g7.xlarge"], VSwitchIds: ["vsw-1"], SystemDisk: { Category: "cloud_essd", Size: 120 }, DataDisks: [] });
  it("10 pass; 35 need { scaleOut: [\"new:0->35\"], nodeCount: 35 }", async () => {
    const { clusterId } = seed([{ name: "core", type: "CORE", count: 2 }]);
    await sent(() => h.client.createNodeGroup({ ClusterId: clusterId, NodeGroup: group("small", 10) }), "CreateNodeGroup");
    const problems = await refused(() => h.client.createNodeGroup({ ClusterId: clusterId, NodeGroup: group("new", 35) }));
    expect(problems.map((p) => p.fix)).toEqual([
      'acknowledge it with the option { acknowledge: { scaleOut: ["new:0->35"] } } on this call, or step it: 0 -> 20 -> 35',
      "acknowledge the size with the option { acknowledge: { nodeCount: 35 } } on this call, or create it with 30 or fewer",
    ]);
    await refused(() => h.client.createNodeGroup({ ClusterId: clusterId, NodeGroup: group("new", 35) }, { acknowledge: { scaleOut: ["new:0->35"] } }));
    await sent(() => h.client.createNodeGroup({ ClusterId: clusterId, NodeGroup: group("new", 35) }, { acknowledge: { scaleOut: ["new:0->35"], nodeCount: 35 } }), "CreateNodeGroup");
  });
});

describe("DecreaseNodes: explicit NodeIds of a TASK group, ≤ 10 per call, ≥ 120 s apart, never Subscription, to 0 acknowledged", () => {
  const nodesOf = async (clusterId: string, groupId: string) => (await collect(h.client.listNodes(clusterId, { NodeGroupIds: [groupId] }))).map((n) => n.NodeId);

  it("a count is refused (the service would pick the nodes); NodeIds pass", async () => {
    const { clusterId, groupIds } = seed([{ name: "task", type: "TASK", count: 4 }]);
    expect(await refused(() => h.client.decreaseNodes({ ClusterId: clusterId, NodeGroupId: groupIds.task, DecreaseNodeCount: 1 }))).toEqual([
      { path: "DecreaseNodeCount", message: "a scale-in names the nodes it releases: a count lets the service pick them", fix: "pass NodeIds from ListNodes (scaleInTaskGroup picks the newest for you)" },
    ]);
    const [victim] = await nodesOf(clusterId, groupIds.task);
    await sent(() => h.client.decreaseNodes({ ClusterId: clusterId, NodeGroupId: groupIds.task, NodeIds: [victim] }), "DecreaseNodes");
  });

  it("CORE and Subscription groups are refused; so are node ids of another group", async () => {
    const { clusterId, groupIds } = seed([{ name: "core", type: "CORE", count: 3 }, { name: "sub", type: "TASK", count: 3, paymentType: "Subscription" }, { name: "task", type: "TASK", count: 3 }]);
    const [core] = await refused(async () => h.client.decreaseNodes({ ClusterId: clusterId, NodeGroupId: groupIds.core, NodeIds: (await nodesOf(clusterId, groupIds.core)).slice(0, 1) }));
    expect(core.message).toBe('cluster "gated": DecreaseNodes shrinks "core" (CORE) 3 -> 2 (-1): only TASK groups are scaled in (the live group is CORE; its nodes hold data or serve jobs)');
    const [sub] = await refused(async () => h.client.decreaseNodes({ ClusterId: clusterId, NodeGroupId: groupIds.sub, NodeIds: (await nodesOf(clusterId, groupIds.sub)).slice(0, 1) }));
    expect(sub.message).toMatch(/its nodes are Subscription nodes, which DecreaseNodes never releases \(the ECS console does\)$/);
    const stranger = (await nodesOf(clusterId, groupIds.core))[0];
    const [p] = await refused(() => h.client.decreaseNodes({ ClusterId: clusterId, NodeGroupId: groupIds.task, NodeIds: [stranger] }));
    expect(p).toEqual({ path: "NodeIds", message: `${stranger} is not a Running node of task (${groupIds.task})`, fix: "take the ids from ListNodes of this group" });
  });

  it("more than 10 in one call is refused", async () => {
    const { clusterId, groupIds } = seed([{ name: "task", type: "TASK", count: 15 }]);
    const ids = await nodesOf(clusterId, groupIds.task);
    const [p] = await refused(() => h.client.decreaseNodes({ ClusterId: clusterId, NodeGroupId: groupIds.task, NodeIds: ids.slice(0, 11) }));
    expect(p.fix).toBe("step it: 15 -> 5 -> 4, one update each, at least 120 s apart");
  });

  it("a second batch within 120 s is refused (client clock); after 120 s it passes", async () => {
    const { clusterId, groupIds } = seed([{ name: "task", type: "TASK", count: 6 }]);
    const ids = await nodesOf(clusterId, groupIds.task);
    await sent(() => h.client.decreaseNodes({ ClusterId: clusterId, NodeGroupId: groupIds.task, NodeIds: ids.slice(0, 2) }), "DecreaseNodes");
    h.clock.advance(100_000); // the group is still DECREASING for the emulator's 5 min; the pacing is the client's
    expect(await refused(() => h.client.decreaseNodes({ ClusterId: clusterId, NodeGroupId: groupIds.task, NodeIds: ids.slice(2, 3) }))).toEqual([
      { path: "NodeGroupId", message: `the previous DecreaseNodes of ${groupIds.task} was sent 100 s ago; batches are at least 120 s apart`, fix: "wait 20 s more (scaleInTaskGroup waits for you)" },
    ]);
    h.clock.advance(5 * 60_000);
    await sent(() => h.client.decreaseNodes({ ClusterId: clusterId, NodeGroupId: groupIds.task, NodeIds: ids.slice(2, 3) }), "DecreaseNodes");
  });

  it("to 0 needs { taskToZero: [\"task:2->0\"] }", async () => {
    const { clusterId, groupIds } = seed([{ name: "task", type: "TASK", count: 2 }]);
    const ids = await nodesOf(clusterId, groupIds.task);
    const req = { ClusterId: clusterId, NodeGroupId: groupIds.task, NodeIds: ids };
    const [p] = await refused(() => h.client.decreaseNodes(req));
    expect(p.fix).toBe('acknowledge it with the option { acknowledge: { taskToZero: ["task:2->0"] } } on this call, or keep at least 1 node');
    await sent(() => h.client.decreaseNodes(req, { acknowledge: { taskToZero: ["task:2->0"] } }), "DecreaseNodes");
  });
});
