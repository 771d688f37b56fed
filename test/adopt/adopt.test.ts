/**
 * emr-adopt end to end, against the emulator: clusters made through the EMR API (RunCluster, one per preset, one
 * auto-scaled with its own policy, one Subscription, one Kerberos) are adopted in one run of the command, as a user
 * runs it (its bin, a separate process). The command proves each entry with the real program (stacks/ under mocks)
 * and the call model; the test checks that proof, the written files, and that nothing but reads reached the API.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { parse } from "yaml";
import { startHarness, type Harness } from "../client/harness";
import { TEST_KEYS } from "../emulator/server";
import { ROOT } from "../helpers/run-cli";
import { createThroughApi, identityOf, JDBC, JDBC_PASSWORD, runClusterRequestFor } from "./api-clusters";

const STACK = "prod";
const PROJECT = "emr-clusters";
const id = (entry: string) => identityOf(PROJECT, STACK, entry);

/** Each cluster: its entry name, the preset it was made from, the spec over the preset, whether it carries its identity tag. */
const SCENARIOS = [
  { entry: "analytics", preset: "dev-normal", spec: { clusterName: "analytics-dev", tags: { team: "data" }, nodeGroups: [{ nodeGroupName: "core", nodeCount: 3 }] } },
  { entry: "lakehouse", preset: "datalake-ha", spec: { clusterName: "lakehouse", storage: { ossHdfsRootUri: "oss://lakehouse.cn-hangzhou.oss-dls.aliyuncs.com/" }, metastore: { type: "USER_RDS", external: { connectionUrl: JDBC.url, userName: JDBC.userName, password: pulumi.secret(JDBC_PASSWORD) } } } },
  { entry: "realtime", preset: "olap-ha", spec: { clusterName: "realtime", nodeGroups: [{ nodeGroupName: "core", instanceTypes: ["ecs.r7.4xlarge"] }] } },
  { entry: "streams", preset: "dataflow-normal", spec: { clusterName: "streams", applicationConfigs: [{ applicationName: "FLINK", configFileName: "flink-conf.yaml", configItemKey: "parallelism.default", configItemValue: "4", configScope: "CLUSTER" }] } },
  { entry: "serving", preset: "dataserving-ha", spec: { clusterName: "serving", deletionProtection: true, tags: { owner: "serving-team" } } },
  {
    entry: "batch", preset: "dev-normal",
    spec: {
      clusterName: "batch",
      nodeGroups: [{
        nodeGroupType: "TASK", nodeGroupName: "nightly", nodeCount: 0, instanceTypes: ["ecs.g7.2xlarge"], paymentType: "PayAsYouGo",
        systemDisk: { category: "cloud_essd", size: 80 }, dataDisks: [{ category: "cloud_essd", size: 100, count: 1 }],
        autoScalingPolicy: { constraints: { minCapacity: 0, maxCapacity: 12 }, scalingRules: [{ ruleName: "night-out", triggerType: "TIME_TRIGGER", activityType: "SCALE_OUT", adjustmentValue: 6, timeTrigger: { launchTime: "01:00", recurrenceType: "DAILY", recurrenceValue: "1" } }] },
      }],
    },
  },
  { entry: "finance", preset: "dataflow-normal", spec: { clusterName: "finance", paymentType: "Subscription", subscriptionConfig: { paymentDuration: 1, paymentDurationUnit: "Month", autoRenew: true } } },
  { entry: "secure", preset: "dev-normal", spec: { clusterName: "secure", securityMode: "KERBEROS" } },
] as const;

/** Made without its identity tag (a cluster made in the console): the one call the program's first update makes. */
const UNTAGGED = "streams";

let h: Harness;
let dir: string;
const ids: Record<string, string> = {};
let run: { code: number; stdout: string; stderr: string };
let report: { clusters: { entry: string; clusterId: string; preset: string; gaps: { path: string }[]; secrets: { command: string }[]; match: { operation: string; calls: string[] }; firstUpdate: { calls: string[] } }[] };
let requestsDuringAdopt: string[];

function adopt(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, EMR_ENDPOINT: h.emulator.endpoint, EMR_PROTOCOL: "http", ALIBABA_CLOUD_ACCESS_KEY_ID: TEST_KEYS.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: TEST_KEYS.accessKeySecret, ALIBABA_CLOUD_REGION_ID: "cn-hangzhou" };
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(ROOT, "bin/emr-adopt.js"), ...args], { cwd: dir, env, timeout: 120000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === "number" ? err.code : 99) : 0, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  h = await startHarness();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "emr-adopt-"));
  for (const s of SCENARIOS) ids[s.entry] = await createThroughApi(h.client, s.entry, s.preset, s.spec, s.entry === UNTAGGED ? undefined : id(s.entry));
  h.clock.advance(30 * 60_000);
  const mark = h.emulator.requests.length;
  run = await adopt(["--cluster", ...SCENARIOS.map((s) => ids[s.entry]), "--stack", STACK, "--name", ...SCENARIOS.map((s) => s.entry), "--format", "json", "--output", "adopted.yaml", "--import-file", "adopted.import.json"]);
  requestsDuringAdopt = h.emulator.requests.slice(mark).map((r) => r.action);
  report = JSON.parse(run.stdout);
}, 180000);

afterAll(async () => {
  await h.emulator.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const clusterOf = (entry: string) => report.clusters.find((c) => c.entry === entry)!;

test("the command exits 0 and adopts every cluster onto the preset it was made from", () => {
  expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
  expect(report.clusters.map((c) => [c.entry, c.clusterId, c.preset])).toEqual(SCENARIOS.map((s) => [s.entry, ids[s.entry], s.preset]));
});

test.each(SCENARIOS.filter((s) => s.entry !== UNTAGGED).map((s) => [s.entry, s.preset]))("%s (%s): the program's inputs match the live cluster: the next update's call plan is empty", (entry) => {
  expect(clusterOf(entry).match).toEqual({ operation: "same", calls: ["no calls"] });
});

test("a cluster without its identity tag: the only call is TagResources, and the report says to add the tag first", () => {
  const c = clusterOf(UNTAGGED);
  expect(c.match.calls).toEqual(["TagResources: tags changed: the provider writes every tag of the program"]);
  expect(c.firstUpdate.calls[0]).toBe("TagResources: tags changed: the provider writes every tag of the program");
  const yaml = fs.readFileSync(path.join(dir, "adopted.yaml"), "utf8");
  expect(yaml).toContain(`add the tag emr-guard:identity=${id(UNTAGGED)} in the EMR console first`);
});

test("the first pulumi up after the import: an auto-scaled group's policy is re-sent (the import reads none back); the rest only reaches the state", () => {
  expect(clusterOf("batch").firstUpdate.calls).toEqual([
    "PutAutoScalingPolicy nightly: nodeGroups[2].autoScalingPolicy changed",
    "records in the state only (no call): applicationConfigs",
  ]);
  expect(clusterOf("lakehouse").firstUpdate.calls[0]).toBe("PutAutoScalingPolicy task: nodeGroups[2].autoScalingPolicy changed");
  expect(clusterOf("analytics").firstUpdate.calls).toEqual(["records in the state only (no call): applicationConfigs"]);
});

test("the written entries are the presets plus what differs, and load as the stack's emr:clusters", () => {
  const doc = parse(fs.readFileSync(path.join(dir, "adopted.yaml"), "utf8"));
  const entries = doc.config["emr:clusters"] as { name: string; preset: string; spec: Record<string, any> }[];
  expect(entries.map((e) => e.name)).toEqual(SCENARIOS.map((s) => s.entry));
  const byName = Object.fromEntries(entries.map((e) => [e.name, e]));
  expect(byName.analytics.spec.nodeGroups.find((g: any) => g.nodeGroupName === "core").nodeCount).toBe(3);
  expect(byName.analytics.spec.tags).toEqual({ team: "data" });
  expect(byName.secure.spec.securityMode).toBe("KERBEROS");
  expect(byName.finance.spec.paymentType).toBe("Subscription");
  expect(byName.finance.spec.subscriptionConfig.paymentDuration).toBe(1);
  expect(byName.batch.spec.nodeGroups.find((g: any) => g.nodeGroupName === "nightly").autoScalingPolicy.constraints).toEqual({ maxCapacity: 12 }); // minCapacity 0 is the schema's default
  expect(byName.realtime.spec.nodeGroups).toEqual([expect.objectContaining({ nodeGroupName: "master" }), expect.objectContaining({ nodeGroupName: "core", instanceTypes: ["ecs.r7.4xlarge"] })]);
  expect(byName.streams.spec.applicationConfigs).toEqual([{ applicationName: "FLINK", configFileName: "flink-conf.yaml", configItemKey: "parallelism.default", configItemValue: "4", configScope: "CLUSTER" }]);
  // The cluster's own network and security group: the component creates none.
  expect(byName.serving.spec.nodeAttributes).toEqual({ vpcId: "vpc-bp1adopt0001", zoneId: "cn-hangzhou-i", securityGroupId: "sg-bp1adopt0001", keyPairName: "emr-admin" });
});

test("the import file names the component and, under it, the cluster with its ID", () => {
  const file = JSON.parse(fs.readFileSync(path.join(dir, "adopted.import.json"), "utf8"));
  expect(file.resources.slice(0, 2)).toEqual([
    { type: "emr:index:Cluster", name: "analytics", component: true },
    { type: "alicloud:emrv2/cluster:Cluster", name: "analytics", id: ids.analytics, parent: "analytics" },
  ]);
  expect(file.resources).toHaveLength(2 * SCENARIOS.length);
});

test("the metastore password never leaves the API response: the entry names a secret config key and the command to set it", () => {
  const written = [run.stdout, run.stderr, fs.readFileSync(path.join(dir, "adopted.yaml"), "utf8"), fs.readFileSync(path.join(dir, "adopted.import.json"), "utf8")].join("\n");
  expect(written).not.toContain(JDBC_PASSWORD);
  const doc = parse(fs.readFileSync(path.join(dir, "adopted.yaml"), "utf8"));
  const lake = doc.config["emr:clusters"].find((e: any) => e.name === "lakehouse");
  expect(lake.spec.metastore.external).toEqual({ connectionUrl: JDBC.url, userName: "hive", passwordConfigKey: "lakehouseMetastorePassword" });
  expect(clusterOf("lakehouse").secrets.map((s) => s.command)).toEqual(["pulumi config set --secret emr:lakehouseMetastorePassword"]);
});

test("what the spec cannot express is listed in the report and in the YAML, never dropped", () => {
  expect(clusterOf("lakehouse").gaps.map((g) => g.path)).toEqual(["nodeGroups[].subscriptionConfig"]);
  expect(fs.readFileSync(path.join(dir, "adopted.yaml"), "utf8")).toContain("#   - nodeGroups[].subscriptionConfig = undefined: ListNodeGroups reports no subscription term of a node group");
});

test("read-only: only Get*/List* actions reached the emulator while the command ran", () => {
  expect(requestsDuringAdopt.length).toBeGreaterThan(SCENARIOS.length * 6);
  expect(requestsDuringAdopt.filter((a) => !/^(Get|List|Describe)[A-Z]/.test(a))).toEqual([]);
  expect(new Set(requestsDuringAdopt)).toEqual(new Set(["GetCluster", "ListNodeGroups", "GetAutoScalingPolicy", "ListApplications", "ListApplicationConfigs", "GetClusterCloneMeta", "ListTagResources"]));
});

test("a description (no provider field) and a console edit after creation: listed, and the edited value adopted", async () => {
  const req = { ...runClusterRequestFor("notes", "dev-normal", { clusterName: "notes" }, id("notes")), Description: "made by hand" };
  const clusterId = (await h.client.runCluster(req)).ClusterId;
  // In the console: HDFS's replication, a default (2) when the cluster started, set to 3.
  h.emulator.state.clusters.get(clusterId)!.applicationConfigs!.push({ ApplicationName: "HDFS", ConfigFileName: "hdfs-site.xml", ConfigItemKey: "dfs.replication", ConfigItemValue: "3", InitValue: "2" });
  const out = await adopt(["--cluster", clusterId, "--stack", STACK, "--name", "notes", "--format", "json", "--output", "notes.yaml", "--import-file", "notes.import.json"]);
  expect(out.code).toBe(0);
  const notes = JSON.parse(out.stdout).clusters[0];
  expect(notes.gaps).toEqual([{ path: "description", value: "made by hand", why: "the alicloud provider has no description field" }]);
  expect(notes.match).toEqual({ operation: "same", calls: ["no calls"] });
  const entry = parse(fs.readFileSync(path.join(dir, "notes.yaml"), "utf8")).config["emr:clusters"][0];
  expect(entry.spec.applicationConfigs).toEqual([{ applicationName: "HDFS", configFileName: "hdfs-site.xml", configItemKey: "dfs.replication", configItemValue: "3", configScope: "CLUSTER" }]);
}, 120000);

test("usage: an existing output is never overwritten; no region; a name no cluster has", async () => {
  const again = await adopt(["--cluster", ids.analytics, "--stack", STACK, "--output", "adopted.yaml"]);
  expect(again).toEqual({ code: 2, stdout: "", stderr: "emr-adopt: adopted.yaml exists: emr-adopt never overwrites a file (a stack file!) unless --force; choose another --output / --import-file\n" });
  const none = await adopt(["--cluster", "no-such-cluster", "--stack", STACK, "--output", "x.yaml", "--import-file", "x.json"]);
  expect(none.code).toBe(2);
  expect(none.stderr).toContain('no cluster named "no-such-cluster" in cn-hangzhou');
}, 120000);
