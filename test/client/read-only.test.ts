/**
 * The read-only client of emr-adopt and emr-drift: it has no write method, its transport refuses any action but
 * Get*, List* and Describe* before sending it, and the new reads (ListApplicationConfigs, ListTagResources,
 * GetClusterCloneMeta) answer typed and validated, with secret config values redacted as they are parsed.
 */
import { createEmrReader, EmrApiError, EmrReadClient, collect, readOnlyTransport, type EmrClient } from "../../client/index";
import { REDACTED } from "../../client/schemas";
import { seededRandom } from "../emulator/clock";
import { TEST_KEYS } from "../emulator/server";
import { runClusterRequest, startHarness, type Harness } from "./harness";

let h: Harness;
let reader: EmrReadClient;
beforeAll(async () => {
  h = await startHarness();
  reader = createEmrReader({ regionId: "cn-hangzhou", endpoint: h.emulator.endpoint, protocol: "http", credentials: TEST_KEYS, clock: h.clock, random: seededRandom(3) });
});
afterAll(() => h.emulator.close());

const PASSWORD = "Sup3rSecretJdbcValue9";

async function lake(): Promise<string> {
  const configs = [
    { ApplicationName: "HIVE", ConfigFileName: "hivemetastore-site.xml", ConfigItemKey: "javax.jdo.option.ConnectionPassword", ConfigItemValue: PASSWORD, ConfigScope: "CLUSTER" },
    { ApplicationName: "HDFS", ConfigFileName: "hdfs-site.xml", ConfigItemKey: "dfs.blocksize", ConfigItemValue: "268435456", ConfigScope: "NODE_GROUP", NodeGroupName: "core" },
  ];
  const req = runClusterRequest("reads", { ApplicationConfigs: configs, Tags: [{ Key: "team", Value: "data" }], PaymentType: "Subscription", SubscriptionConfig: { PaymentDuration: 1, PaymentDurationUnit: "Month", AutoRenew: false, AutoPayOrder: true } });
  return (await h.client.runCluster(req)).ClusterId;
}

test("the reader has no write method at all (not hidden: absent)", () => {
  const methods = Object.getOwnPropertyNames(EmrReadClient.prototype).filter((m) => m !== "constructor");
  expect(methods.filter((m) => !/^(get|list)[A-Z]/.test(m)).sort()).toEqual(["call", "checkRef", "list", "read"]);
  const client: Partial<EmrClient> = reader as Partial<EmrClient>;
  expect([client.runCluster, client.increaseNodes, client.decreaseNodes, client.putAutoScalingPolicy, client.updateClusterAttribute, client.createNodeGroup]).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
});

test("its transport refuses a write before anything is sent", async () => {
  const sent: string[] = [];
  const transport = readOnlyTransport({ call: async (action) => (sent.push(action), { RequestId: "r" }) });
  const refused = await transport.call("RunCluster", { body: {} }, 1000).catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(EmrApiError);
  expect((refused as EmrApiError).message).toBe("RunCluster is not a read: this client only sends Get*, List* and Describe* actions");
  await transport.call("GetCluster", {}, 1000);
  expect(sent).toEqual(["GetCluster"]);
});

test("ListApplicationConfigs: defaults and the items sent, each with its initial value; a password redacted as it is parsed", async () => {
  const id = await lake();
  const mark = h.emulator.requests.length;
  const items = await collect(reader.listApplicationConfigs(id));
  const password = items.find((i) => i.ConfigItemKey === "javax.jdo.option.ConnectionPassword");
  expect(password).toEqual(expect.objectContaining({ ConfigItemValue: REDACTED, InitValue: REDACTED, Redacted: true }));
  expect(JSON.stringify(items)).not.toContain(PASSWORD);
  expect(items.find((i) => i.ConfigItemKey === "dfs.replication")).toEqual(expect.objectContaining({ ConfigItemValue: "2", InitValue: "2", Custom: false }));
  expect(items.find((i) => i.ConfigItemKey === "dfs.blocksize")).toEqual(expect.objectContaining({ Custom: true, NodeGroupId: expect.stringMatching(/^ng-/) }));
  const clone = await reader.getClusterCloneMeta(id);
  expect(clone.ApplicationConfigs?.find((c) => c.ConfigItemKey === "javax.jdo.option.ConnectionPassword")?.ConfigItemValue).toBe(REDACTED);
  expect(clone.SubscriptionConfig).toEqual({ PaymentDuration: 1, PaymentDurationUnit: "Month", AutoRenew: false, AutoPayOrder: true });
  expect(await collect(reader.listTagResources(id))).toEqual([{ ResourceId: id, ResourceType: "cluster", TagKey: "team", TagValue: "data" }]);
  expect((await reader.getCluster(id)).SubscriptionConfig).toEqual({ PaymentDuration: 1, PaymentDurationUnit: "Month", AutoRenew: false, AutoPayOrder: true });
  expect(h.emulator.requests.slice(mark).map((r) => r.action)).toEqual(["ListApplicationConfigs", "GetClusterCloneMeta", "ListTagResources", "GetCluster"]);
});
