/**
 * What the alicloud provider's RPC clients send, over raw HTTP: HMAC-SHA1 (signature version 1.0) requests with
 * the business parameters in a form body, one port for every product (the API version picks it), and the request
 * log the engine suite reads (product, action, business parameters; secrets redacted).
 */
import { createHmac, randomUUID } from "node:crypto";
import { request } from "node:http";
import { VirtualClock } from "./clock";
import { startEmulator, TEST_KEYS, type Emulator } from "./server";

let emu: Emulator;
const clock = new VirtualClock();

beforeAll(async () => {
  emu = await startEmulator({ clock, timings: { creationMs: 0, scalingMs: 60_000 } });
});
afterAll(() => emu.close());

/** RFC 3986, written here from the documented algorithm (the emulator's verifier is the code under test). */
const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

interface Call {
  version: string;
  action: string;
  body: Record<string, string>;
  nonce?: string;
  secret?: string;
  /** Changes the body after signing, as a man in the middle would. */
  tamper?: (body: Record<string, string>) => Record<string, string>;
}

function rpc(call: Call): Promise<{ status: number; body: Record<string, unknown> }> {
  const query: Record<string, string> = {
    Action: call.action, Format: "json", Version: call.version, Timestamp: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    SignatureNonce: call.nonce ?? randomUUID(), SignatureMethod: "HMAC-SHA1", SignatureVersion: "1.0", AccessKeyId: TEST_KEYS.accessKeyId,
  };
  const signed = { ...query, ...call.body };
  const canonical = Object.keys(signed).sort().map((k) => `${enc(k)}=${enc(signed[k])}`).join("&");
  query.Signature = createHmac("sha1", `${call.secret ?? TEST_KEYS.accessKeySecret}&`).update(`POST&%2F&${enc(canonical)}`).digest("base64");
  const form = new URLSearchParams(call.tamper ? call.tamper(call.body) : call.body).toString();
  const [host, port] = emu.endpoint.split(":");
  return new Promise((resolve, reject) => {
    const req = request({ host, port: Number(port), method: "POST", path: `/?${new URLSearchParams(query)}`, headers: { "content-type": "application/x-www-form-urlencoded" } }, (res) => {
      let text = "";
      res.on("data", (c) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on("error", reject);
    req.end(form);
  });
}

const EMR = "2021-03-20";
const ECS = "2014-05-26";

describe("HMAC-SHA1 signatures (the provider's tea-rpc client)", () => {
  test("a signed request is served; the log keeps the product, the action and only the business parameters", async () => {
    const { clusterId } = emu.state.seedCluster();
    const mark = emu.requests.length;
    const res = await rpc({ version: EMR, action: "GetCluster", body: { RegionId: "cn-hangzhou", ClusterId: clusterId } });
    expect(res.status).toBe(200);
    expect(res.body.Cluster).toMatchObject({ ClusterId: clusterId, ClusterState: "RUNNING" });
    expect(emu.requests.slice(mark)).toEqual([{ product: "emr", action: "GetCluster", params: { RegionId: "cn-hangzhou", ClusterId: clusterId } }]);
  });

  test("a body changed after signing, a wrong secret and a reused nonce are refused before anything is applied", async () => {
    const { clusterId, groupIds } = emu.state.seedCluster({ groups: [{ name: "task", type: "TASK", count: 1 }] });
    const body = { RegionId: "cn-hangzhou", ClusterId: clusterId, NodeGroupId: groupIds.task, IncreaseNodeCount: "1" };
    const tampered = await rpc({ version: EMR, action: "IncreaseNodes", body, tamper: (b) => ({ ...b, IncreaseNodeCount: "40" }) });
    expect([tampered.status, tampered.body.Code]).toEqual([400, "SignatureDoesNotMatch"]);
    const wrongKey = await rpc({ version: EMR, action: "IncreaseNodes", body, secret: "not-the-secret" });
    expect(wrongKey.body.Code).toBe("SignatureDoesNotMatch");
    const nonce = randomUUID();
    expect((await rpc({ version: EMR, action: "GetCluster", body: { RegionId: "cn-hangzhou", ClusterId: clusterId }, nonce })).status).toBe(200);
    expect((await rpc({ version: EMR, action: "GetCluster", body: { RegionId: "cn-hangzhou", ClusterId: clusterId }, nonce })).body.Code).toBe("SignatureNonceUsed");
    expect(emu.state.groups.get(groupIds.task)?.op).toBeUndefined();
  });

  test("an API version no product here has is refused with InvalidVersion", async () => {
    const res = await rpc({ version: "2016-04-28", action: "DescribeVpcs", body: { RegionId: "cn-hangzhou" } });
    expect([res.status, res.body.Code]).toEqual([400, "InvalidVersion"]);
  });

  test("the log redacts secrets: a password config item inside RunCluster's JSON, and password parameters", async () => {
    const configs = [{ ApplicationName: "HIVE", ConfigFileName: "hivemetastore-site.xml", ConfigItemKey: "javax.jdo.option.ConnectionPassword", ConfigItemValue: "s3cret-pw" }];
    const mark = emu.requests.length;
    await rpc({ version: EMR, action: "GetCluster", body: { RegionId: "cn-hangzhou", ClusterId: "c-none", ApplicationConfigs: JSON.stringify(configs), AccountPassword: "other-pw" } });
    const logged = JSON.stringify(emu.requests.slice(mark));
    expect(logged).not.toMatch(/s3cret-pw|other-pw/);
    expect(logged).toContain("[redacted]");
  });
});

describe("ECS 2014-05-26: the security group of alicloud_security_group", () => {
  test("create, read both ways, change the inner access policy; delete refused while an EMR cluster uses it", async () => {
    const created = await rpc({ version: ECS, action: "CreateSecurityGroup", body: { RegionId: "cn-hangzhou", VpcId: "vpc-1", SecurityGroupType: "normal", SecurityGroupName: "lake-emr" } });
    const id = String(created.body.SecurityGroupId);
    expect(id).toMatch(/^sg-/);
    const listed = await rpc({ version: ECS, action: "DescribeSecurityGroups", body: { RegionId: "cn-hangzhou", SecurityGroupId: id } });
    expect(listed.body.SecurityGroups).toEqual({ SecurityGroup: [expect.objectContaining({ SecurityGroupId: id, SecurityGroupName: "lake-emr", SecurityGroupType: "normal", VpcId: "vpc-1" })] });
    expect((await rpc({ version: ECS, action: "ModifySecurityGroupPolicy", body: { RegionId: "cn-hangzhou", SecurityGroupId: id, InnerAccessPolicy: "Drop" } })).status).toBe(200);
    const attrs = await rpc({ version: ECS, action: "DescribeSecurityGroupAttribute", body: { RegionId: "cn-hangzhou", SecurityGroupId: id } });
    expect(attrs.body.InnerAccessPolicy).toBe("Drop");

    const { clusterId } = emu.state.seedCluster();
    emu.state.clusters.get(clusterId)!.NodeAttributes.SecurityGroupId = id;
    const refused = await rpc({ version: ECS, action: "DeleteSecurityGroup", body: { RegionId: "cn-hangzhou", SecurityGroupId: id } });
    expect([refused.status, refused.body.Code]).toEqual([403, "DependencyViolation"]);
    emu.state.clusters.get(clusterId)!.fixedState = "TERMINATED";
    expect((await rpc({ version: ECS, action: "DeleteSecurityGroup", body: { RegionId: "cn-hangzhou", SecurityGroupId: id } })).status).toBe(200);
    const gone = await rpc({ version: ECS, action: "DescribeSecurityGroupAttribute", body: { RegionId: "cn-hangzhou", SecurityGroupId: id } });
    expect(gone.body.Code).toBe("InvalidSecurityGroupId.NotFound");
  });
});
