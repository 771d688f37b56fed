import { runStatus } from "../../client/status-cli";
import { TEST_KEYS } from "../emulator/server";
import { startHarness, type Harness } from "./harness";

let h: Harness;
let clusterId: string;
beforeAll(async () => {
  h = await startHarness();
  ({ clusterId } = h.emulator.state.seedCluster({ name: "status-lake", groups: [{ name: "core", type: "CORE", count: 3 }, { name: "task", type: "TASK", count: 2 }] }));
});
afterAll(() => h.emulator.close());

async function run(argv: string[], env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runStatus(argv, { env: { HOME: "/nonexistent", ...env }, out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}
const creds = () => ({ ALIBABA_CLOUD_ACCESS_KEY_ID: TEST_KEYS.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: TEST_KEYS.accessKeySecret, EMR_ENDPOINT: h.emulator.endpoint, EMR_PROTOCOL: "http" });

describe("emr-status", () => {
  it("shows the clusters of a region as a table", async () => {
    const r = await run(["--region", "cn-hangzhou"], creds());
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toMatch(new RegExp(`${clusterId}.*status-lake.*DATALAKE.*RUNNING.*EMR-5\\.16\\.0.*UserRequest`));
  });

  it("shows a cluster's node groups with the last StateChangeReason", async () => {
    const r = await run(["-r", "cn-hangzhou", "-c", clusterId, "--endpoint", h.emulator.endpoint, "--protocol", "http"], { ...creds(), EMR_ENDPOINT: undefined });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/core\s*│\s*CORE\s*│\s*RUNNING\s*│\s*3/);
    expect(r.out).toMatch(/task\s*│\s*TASK\s*│\s*RUNNING\s*│\s*2/);
  });

  it("exits 2 with one line for bad arguments and missing credentials", async () => {
    expect(await run([], creds())).toEqual({ code: 2, out: "", err: "emr-status: missing --region (or ALIBABA_CLOUD_REGION_ID)" });
    expect(await run(["--bogus"], creds())).toEqual({ code: 2, out: "", err: "emr-status: unknown option '--bogus'" });
    expect(await run(["-r", "cn-hangzhou", "-c", "nope"], creds())).toMatchObject({ code: 2, err: 'emr-status: clusterId: cluster id "nope" is not valid (fix: e.g. "c-b933c5aac8fe6a0f")' });
    expect((await run(["-r", "cn-hangzhou"], { EMR_ENDPOINT: h.emulator.endpoint })).err).toMatch(/^emr-status: no Alibaba Cloud credentials/);
    expect((await run(["-r", "cn-hangzhou"], { EMR_ENDPOINT: h.emulator.endpoint })).code).toBe(2);
  });

  it("exits 1 with the service's Code, Message and RequestId on an API error", async () => {
    const r = await run(["-r", "cn-hangzhou", "-c", "c-0000000000000000"], creds());
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^emr-status: GetCluster failed: ResourceNotFound: The specified cluster c-0000000000000000 is not found\. \(RequestId [0-9A-F-]{36}\)$/);
  });
});
