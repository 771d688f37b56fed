import { runStatus } from "../../client/status-cli";
import { TEST_KEYS } from "../emulator/server";
import { startHarness, type Harness } from "./harness";

let h: Harness;
const ids: Record<string, string> = {};
beforeAll(async () => {
  h = await startHarness();
  const s = h.emulator.state;
  ids.lake = s.seedCluster({ name: "status-lake", groups: [{ name: "core", type: "CORE", count: 3 }, { name: "task", type: "TASK", count: 2 }] }).clusterId;
  ids.twinA = s.seedCluster({ name: "twin" }).clusterId;
  ids.twinB = s.seedCluster({ name: "twin", state: "TERMINATED", reason: { Code: "UserRequest", Message: "released" } }).clusterId;
  ids.failed = s.seedCluster({ name: "oos", state: "START_FAILED", deletionProtection: false, reason: { Code: "OutOfStock", Message: "ecs.g7.xlarge is sold out in cn-hangzhou-i." } }).clusterId;
  ids.gone = s.seedCluster({ name: "gone", state: "TERMINATED", deletionProtection: false }).clusterId;
  ids.sub = s.seedCluster({ name: "sub-lake", paymentType: "Subscription", deletionProtection: false, groups: [{ name: "master", type: "MASTER", count: 1 }, { name: "core", type: "CORE", count: 2 }] }).clusterId;
  ids.subEmpty = s.seedCluster({ name: "sub-empty", paymentType: "Subscription", deletionProtection: false }).clusterId;
  ids.payg = s.seedCluster({ name: "payg-open", deletionProtection: false, groups: [{ name: "core", type: "CORE", count: 1 }] }).clusterId;
  ids.boot = s.seedCluster({ name: "booting", state: "BOOTSTRAPPING", deletionProtection: false }).clusterId;
});
afterAll(() => h.emulator.close());

async function run(argv: string[], env: Record<string, string | undefined> = creds()) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runStatus(argv, { env: { HOME: "/nonexistent", ...env }, out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}
const creds = () => ({ ALIBABA_CLOUD_ACCESS_KEY_ID: TEST_KEYS.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: TEST_KEYS.accessKeySecret, EMR_ENDPOINT: h.emulator.endpoint, EMR_PROTOCOL: "http", ALIBABA_CLOUD_REGION_ID: "cn-hangzhou" });
const NO_DELETE_COMMAND = /DeleteCluster|aliyun emr|ReleaseCluster|--DeletionProtection/;

describe("emr-status: the cluster list", () => {
  it("shows the clusters of a region as a table with payment and protection", async () => {
    const r = await run([]);
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toMatch(new RegExp(`${ids.lake}.*status-lake.*DATALAKE.*RUNNING.*PayAsYouGo.*yes.*EMR-5\\.16\\.0.*UserRequest`));
    expect(r.out).toMatch(new RegExp(`${ids.failed}.*oos.*START_FAILED.*no.*OutOfStock: ecs\\.g7\\.xlarge is sold out`));
  });

  it("an empty list says where it looked, as whom (masked key id, no secret) and with which filters", async () => {
    const r = await run(["--region", "cn-beijing"]);
    expect(r.code).toBe(0);
    expect(r.out).toBe([
      `No clusters found in region cn-beijing (endpoint ${h.emulator.endpoint}).`,
      "  Account: the one of AccessKey ID LTAI-e…test; clusters of other accounts are not listed.",
      "  Filters: none.",
      "  Clusters live in one region: try --region <id> (e.g. cn-shanghai), or check the account in the EMR console.",
    ].join("\n"));
    expect(r.out).not.toContain(TEST_KEYS.accessKeySecret);
  });

  it("--json prints the list for machines", async () => {
    const r = await run(["--json", "-r", "cn-beijing"]);
    expect(JSON.parse(r.out)).toEqual({ regionId: "cn-beijing", clusters: [] });
  });
});

describe("emr-status --cluster: lifecycle, protection, payment, release", () => {
  it("a running pay-as-you-go cluster with deletion protection on: not releasable now, and the console steps", async () => {
    const r = await run(["-c", ids.lake]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Cluster ${ids.lake} "status-lake" in cn-hangzhou`);
    expect(r.out).toContain("  State:               RUNNING: running; the API has no idle state, so running or idle (the console's Idle) cannot be told apart here");
    expect(r.out).toContain("  Deletion protection: on");
    expect(r.out).toContain("  Payment type:        PayAsYouGo");
    expect(r.out).toMatch(/core\s*│\s*CORE\s*│\s*RUNNING\s*│\s*3/);
    expect(r.out).toContain("Release: not possible now:\n  - deletion protection is on\nTo release it, by hand in the console:\n  1. Log on to https://emr.console.aliyun.com/");
    expect(r.out).toContain("Data on the cluster (HDFS, local disks) cannot be recovered after the release");
    expect(r.out).toContain("A Hive metastore on RDS (USER_RDS) or DLF survives the release");
    expect(r.out).not.toMatch(NO_DELETE_COMMAND);
  });

  it("a pay-as-you-go cluster without protection, Running or Initializing: releasable now, console only", async () => {
    for (const id of [ids.payg, ids.boot]) {
      const r = await run(["-c", id]);
      expect(r.out).toContain("Release: possible now, in the console only (this tool never releases a cluster).");
      expect(r.out).toContain("select Release");
    }
    expect((await run(["-c", ids.boot])).out).toContain("BOOTSTRAPPING: bootstrapping (the console says Initializing)");
  });

  it("a failed cluster shows its StateChangeReason Code: Message", async () => {
    const r = await run(["-c", ids.failed]);
    expect(r.out).toContain("  State:               START_FAILED: failed to start (the console says Startup Failed): OutOfStock: ecs.g7.xlarge is sold out in cn-hangzhou-i.");
    expect(r.out).toContain("  - its state is START_FAILED; a pay-as-you-go cluster is released only while Initializing, Running (or Idle)");
  });

  it("a terminated cluster: already released, no steps", async () => {
    const r = await run(["-c", ids.gone]);
    expect(r.out).toContain("TERMINATED: terminated: it was released");
    expect(r.out).toContain("Release: not possible now:\n  - the cluster is already released (TERMINATED)");
    expect(r.out).not.toContain("To release it");
  });

  it("a Subscription cluster counts its ECS instances (ListNodes): N remain, then releasable with a refund", async () => {
    const r = await run(["-c", ids.sub]);
    expect(r.out).toContain("  ECS instances:       3");
    expect(r.out).toContain("  - 3 ECS instances remain; all must be released first (stopped ones too)");
    expect(r.out).toContain("released automatically within 15 minutes");
    const empty = await run(["-c", ids.subEmpty]);
    expect(empty.out).toContain("Release: possible now");
    expect(empty.out).toContain("Releasing the ECS instances before the subscription expires refunds the unused time.");
  });

  it("looks a name up; several matches are listed (exit 2), none is exit 1", async () => {
    const byName = await run(["--cluster", "status-lake"]);
    expect(byName.code).toBe(0);
    expect(byName.out).toContain(`Cluster ${ids.lake} "status-lake"`);
    const twins = await run(["--cluster", "twin"]);
    expect(twins.code).toBe(2);
    expect(twins.err.split("\n")).toEqual([
      'emr-status: 2 clusters are named "twin" in cn-hangzhou; pass one ID with --cluster:',
      `  ${ids.twinA}  RUNNING (UserRequest)`,
      `  ${ids.twinB}  TERMINATED (UserRequest: released)`,
    ]);
    // "status" is part of "status-lake": the API filter is fuzzy, the match is exact.
    expect(await run(["--cluster", "status"])).toMatchObject({ code: 1, err: 'emr-status: no cluster named "status" in cn-hangzhou (names are exact and case-sensitive; run without --cluster to list them all, or pass the ID c-…)' });
  });

  it("--json gives the report for machines", async () => {
    const report = JSON.parse((await run(["-c", ids.sub, "--json"])).out);
    expect(report).toMatchObject({
      clusterId: ids.sub, clusterName: "sub-lake", state: "RUNNING", deletionProtection: false, paymentType: "Subscription", ecsInstancesLeft: 3,
      release: { releasableNow: false, blockers: ["3 ECS instances remain; all must be released first (stopped ones too)"] },
    });
    expect(report.nodeGroups).toHaveLength(2);
  });
});

describe("emr-status: usage and errors", () => {
  it("exits 2 with one line for bad arguments, bad endpoint settings and missing credentials", async () => {
    expect(await run([], { ...creds(), ALIBABA_CLOUD_REGION_ID: undefined })).toEqual({ code: 2, out: "", err: "emr-status: missing --region (or ALIBABA_CLOUD_REGION_ID)" });
    expect(await run(["--bogus"])).toEqual({ code: 2, out: "", err: "emr-status: unknown option '--bogus'" });
    expect(await run(["--protocol", "ftp"])).toMatchObject({ code: 2, err: 'emr-status: EMR_PROTOCOL: must be http or https, got "ftp" (fix: EMR_PROTOCOL=http for the emulator)' });
    expect(await run([], { ...creds(), EMR_ENDPOINT: "127.0.0.1:1/x y" })).toMatchObject({ code: 2, err: 'emr-status: EMR_ENDPOINT: "127.0.0.1:1/x y" is not host[:port] (fix: e.g. EMR_ENDPOINT=127.0.0.1:18777)' });
    const noKeys = await run(["-r", "cn-hangzhou"], { EMR_ENDPOINT: h.emulator.endpoint });
    expect(noKeys.code).toBe(2);
    expect(noKeys.err).toMatch(/^emr-status: no Alibaba Cloud credentials: .*paste the export lines `npm run emulator` prints/);
  });

  it("accepts EMR_ENDPOINT as a URL: its scheme sets the protocol", async () => {
    const r = await run([], { ...creds(), EMR_ENDPOINT: `http://${h.emulator.endpoint}`, EMR_PROTOCOL: undefined });
    expect(r).toMatchObject({ code: 0, err: "" });
  });

  it("exits 1 with the service's Code, Message and RequestId on an API error", async () => {
    const r = await run(["-c", "c-0000000000000000"]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^emr-status: GetCluster failed: ResourceNotFound: The specified cluster c-0000000000000000 is not found\. \(RequestId [0-9A-F-]{36}\)$/);
  });
});
