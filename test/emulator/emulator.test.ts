/** The emulator itself over raw HTTP: signatures, JSON errors, ClientToken, state machines. */
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { resolveCredential } from "../../client/credentials";
import { createEmrClient, EmrApiError } from "../../client/index";
import { openApiTransport } from "../../client/transport";
import { runClusterRequest, startHarness, type Harness } from "../client/harness";
import { TEST_KEYS } from "./server";

let h: Harness;
let proxy: Server;
/** Rewrites the request line on its way to the emulator, as a man in the middle would. */
let tamper: (path: string) => string = (p) => p;

beforeAll(async () => {
  h = await startHarness();
  proxy = createServer((req, res) => {
    const [host, port] = h.emulator.endpoint.split(":");
    const upstream = request({ host, port: Number(port), method: req.method, path: tamper(req.url ?? "/"), headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 500, up.headers);
      up.pipe(res);
    });
    req.pipe(upstream);
  });
  await new Promise<void>((r) => proxy.listen(0, "127.0.0.1", r));
});
afterAll(async () => {
  proxy.closeAllConnections();
  await new Promise((r) => proxy.close(r));
  await h.emulator.close();
});

const viaProxy = () => createEmrClient({ regionId: "cn-hangzhou", endpoint: `127.0.0.1:${(proxy.address() as AddressInfo).port}`, protocol: "http", credentials: TEST_KEYS, clock: h.clock });

function rawPost(headers: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> {
  const [host, port] = h.emulator.endpoint.split(":");
  return new Promise((resolve, reject) => {
    const req = request({ host, port: Number(port), method: "POST", path: "/?RegionId=cn-hangzhou", headers }, (res) => {
      let text = "";
      res.on("data", (c) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("ACS3-HMAC-SHA256 signatures", () => {
  it("accepts the client's signed request through a faithful proxy", async () => {
    const { clusterId } = h.emulator.state.seedCluster({ groups: [{ name: "task", type: "TASK", count: 2 }] });
    tamper = (p) => p;
    await expect(viaProxy().getCluster(clusterId)).resolves.toMatchObject({ ClusterId: clusterId });
  });

  it("rejects a request whose query was changed after signing, and applies nothing", async () => {
    const { clusterId, groupIds } = h.emulator.state.seedCluster({ groups: [{ name: "task", type: "TASK", count: 2 }] });
    tamper = (p) => p.replace("IncreaseNodeCount=1", "IncreaseNodeCount=40");
    const err = await viaProxy().increaseNodes({ ClusterId: clusterId, NodeGroupId: groupIds.task, IncreaseNodeCount: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EmrApiError);
    expect(err).toMatchObject({ code: "SignatureDoesNotMatch", statusCode: 400, message: "The request signature does not conform to Aliyun standards." });
    expect(h.emulator.state.applied.filter((a) => a.key === groupIds.task)).toEqual([]);
  });

  it("rejects a wrong secret, an unknown key and a missing Authorization header with JSON errors", async () => {
    const wrong = createEmrClient({ regionId: "cn-hangzhou", endpoint: h.emulator.endpoint, protocol: "http", credentials: { accessKeyId: TEST_KEYS.accessKeyId, accessKeySecret: "not-the-secret" }, clock: h.clock });
    await expect(wrong.listReleaseVersions({ ClusterType: "DATALAKE" }).next()).rejects.toMatchObject({ code: "SignatureDoesNotMatch" });
    const unknown = createEmrClient({ regionId: "cn-hangzhou", endpoint: h.emulator.endpoint, protocol: "http", credentials: { accessKeyId: "LTAI-nobody", accessKeySecret: "x" }, clock: h.clock });
    await expect(unknown.listReleaseVersions({ ClusterType: "DATALAKE" }).next()).rejects.toMatchObject({ code: "InvalidAccessKeyId.NotFound", statusCode: 404 });
    const res = await rawPost({ "x-acs-action": "ListClusters", "x-acs-version": "2021-03-20" });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ Code: "IncompleteSignature", RequestId: expect.any(String), HostId: expect.any(String), Message: expect.any(String) });
  });

  it("answers an unknown action and a missing action with JSON errors", async () => {
    expect(await rawPost({ "x-acs-version": "2021-03-20" })).toMatchObject({ status: 400, body: { Code: "MissingAction" } });
  });
});

describe("state machines and idempotency", () => {
  it("cluster: STARTING -> BOOTSTRAPPING -> RUNNING on the virtual clock", async () => {
    const { ClusterId } = await h.client.runCluster(runClusterRequest("sm-lake"));
    const states: string[] = [];
    for (let i = 0; i < 4; i++) {
      states.push((await h.client.getCluster(ClusterId)).ClusterState);
      h.clock.advance(4 * 60_000);
    }
    expect(states).toEqual(["STARTING", "STARTING", "BOOTSTRAPPING", "RUNNING"]);
  });

  it("cluster: a failed creation ends START_FAILED with its StateChangeReason", async () => {
    h.emulator.state.failNextCreation({ Code: "OutOfStock", Message: "The requested resource ecs.g7.xlarge is sold out in cn-hangzhou-i." });
    const { ClusterId } = await h.client.runCluster(runClusterRequest("oos-lake"));
    h.clock.advance(10 * 60_000);
    expect(await h.client.getCluster(ClusterId)).toMatchObject({ ClusterState: "START_FAILED", StateChangeReason: { Code: "OutOfStock", Message: "The requested resource ecs.g7.xlarge is sold out in cn-hangzhou-i." } });
  });

  it("the same ClientToken returns the first result; other parameters with it are refused", async () => {
    const first = await h.client.runCluster(runClusterRequest("idem-lake", { ClientToken: "tok-1" }));
    const again = await h.client.runCluster(runClusterRequest("idem-lake", { ClientToken: "tok-1" }));
    expect(again.ClusterId).toBe(first.ClusterId);
    await expect(h.client.runCluster(runClusterRequest("idem-lake-2", { ClientToken: "tok-1" }))).rejects.toMatchObject({ code: "IdempotentParameterMismatch" });
    expect([...h.emulator.state.clusters.values()].filter((c) => c.ClusterName.startsWith("idem-lake"))).toHaveLength(1);
  });

  it("scaling on a STARTING cluster is refused with OperationDenied.ClusterStatus", async () => {
    const { ClusterId } = await h.client.runCluster(runClusterRequest("young-lake"));
    await expect(h.client.createNodeGroup({ ClusterId, NodeGroup: { NodeGroupName: "x", NodeGroupType: "TASK", NodeCount: 0, InstanceTypes: [], VSwitchIds: ["vsw-1"], SystemDisk: { Category: "cloud_essd", Size: 120 }, DataDisks: [] } }))
      .rejects.toMatchObject({ code: "OperationDenied.ClusterStatus", message: "The cluster status STARTING does not support this operation." });
  });

  it("a failed scale-out returns the group to RUNNING with its StateChangeReason", async () => {
    const { clusterId, groupIds } = h.emulator.state.seedCluster({ groups: [{ name: "task", type: "TASK", count: 2 }] });
    h.emulator.state.failNextScaling({ Code: "OutOfStock", Message: "ecs.g7.xlarge sold out" });
    await h.client.increaseNodes({ ClusterId: clusterId, NodeGroupId: groupIds.task, IncreaseNodeCount: 2 });
    h.clock.advance(5 * 60_000);
    expect(await h.client.getNodeGroup(clusterId, groupIds.task)).toMatchObject({ NodeGroupState: "RUNNING", RunningNodeCount: 2, StateChangeReason: { Code: "OutOfStock" } });
  });

  it("rejects MaxResults above 100 and a forged NextToken", async () => {
    await expect(rawPostSigned({ MaxResults: 101 })).rejects.toMatchObject({ code: "InvalidParameterValue" });
    await expect(rawPostSigned({ MaxResults: 10, NextToken: "bm90LWpzb24=" })).rejects.toMatchObject({ code: "InvalidParameterValue", message: "The parameter NextToken is invalid." });
  });
});

/** A signed ListClusters through the bare transport, to send parameters the client itself would not. */
function rawPostSigned(query: Record<string, unknown>) {
  const t = openApiTransport({ endpoint: h.emulator.endpoint, protocol: "http", regionId: "cn-hangzhou", credential: resolveCredential(TEST_KEYS) });
  return t.call("ListClusters", { query: { RegionId: "cn-hangzhou", ...query } }, 5000);
}
