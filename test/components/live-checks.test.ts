/**
 * The component's live checks against the EMR API emulator: preflight (release and instance types offered) and the
 * live gate (the cluster found by its identity tag, the spec's changes through the change rules).
 */
import { identityFromUrn, liveChecksEnabled, liveProblems, plannedCluster } from "../../components/live-checks";
import { checkSpec } from "../../components/validate";
import type { ClusterSpec } from "../../components/spec";
import { IDENTITY_TAG } from "../../policies/rules/domain";
import { startHarness, type Harness } from "../client/harness";
import { devSpec } from "../helpers/specs";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.emulator.close());

const spec = (change: (s: ReturnType<typeof devSpec>) => void = () => undefined): ClusterSpec => {
  const s = devSpec();
  change(s);
  const { spec: ok, issues } = checkSpec(s);
  if (!ok) throw new Error(JSON.stringify(issues));
  return ok;
};
const IDENTITY = "emr-clusters/dev/analytics";

describe("when live checks run", () => {
  test("auto: only with credentials, never when EMR_LIVE_CHECKS=off (the offline check sets it)", () => {
    const creds = { ALIBABA_CLOUD_ACCESS_KEY_ID: "ak", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "sk" };
    expect(liveChecksEnabled("auto", { ...creds })).toBe(true);
    expect(liveChecksEnabled("auto", { ...creds, EMR_LIVE_CHECKS: "off" })).toBe(false);
    expect(liveChecksEnabled("off", { ...creds })).toBe(false);
    expect(liveChecksEnabled("auto", { HOME: "/nonexistent" })).toBe(false);
  });

  test("the identity is <project>/<stack>/<resource name>, read from the component's URN", () => {
    expect(identityFromUrn("urn:pulumi:prod::emr-clusters::emr:index:Cluster::lakehouse")).toBe("emr-clusters/prod/lakehouse");
    expect(identityFromUrn("urn:pulumi:dev::p::some$emr:index:Cluster::a-b_c")).toBe("p/dev/a-b_c");
    expect(identityFromUrn("not-a-urn")).toBeUndefined();
  });
});

describe("preflight", () => {
  test("a new cluster with an offered release and instance types: no problem", async () => {
    expect((await liveProblems(h.client, "cn-hangzhou", spec(), IDENTITY)).problems).toEqual([]);
  });
  test("an unknown release version is refused with the valid ones", async () => {
    const { problems } = await liveProblems(h.client, "cn-hangzhou", spec((s) => (s.releaseVersion = "EMR-9.9.9")), IDENTITY);
    expect(problems).toEqual([expect.stringMatching(/^releaseVersion: EMR-9\.9\.9 is not offered for DATALAKE in cn-hangzhou; valid: EMR-/)]);
  });
});

describe("the live gate on the cluster this resource manages", () => {
  test("found by identity, not by name: a same-named cluster of another stack is not gated against", async () => {
    h.emulator.state.seedCluster({ name: "analytics-dev", tags: [{ Key: IDENTITY_TAG, Value: "emr-clusters/prod/analytics" }], groups: [{ name: "core", type: "CORE", count: 40 }] });
    expect(await liveProblems(h.client, "cn-hangzhou", spec(), "emr-clusters/dev/other")).toEqual({ problems: [], warnings: [], calls: [] });
  });

  test("each call is reported with its group, old -> new, and the exact fix; a new group of 25 is a scale-out; a CORE shrink stops the update", async () => {
    const identity = "emr-clusters/dev/gated";
    h.emulator.state.seedCluster({ name: "analytics-dev", tags: [{ Key: IDENTITY_TAG, Value: identity }], groups: [{ name: "master", type: "MASTER", count: 1 }, { name: "core", type: "CORE", count: 2 }, { name: "task", type: "TASK", count: 30 }] });
    const planned = spec((s) => {
      s.nodeGroups.push({ ...s.nodeGroups[1], nodeGroupType: "TASK", nodeGroupName: "task", nodeCount: 5 });
      s.nodeGroups.push({ ...s.nodeGroups[1], nodeGroupType: "TASK", nodeGroupName: "burst", nodeCount: 25 });
    });
    const r = await liveProblems(h.client, "cn-hangzhou", planned, identity);
    expect(r.calls).toEqual(["CreateNodeGroup burst (NodeCount 25)", "IncreaseNodes burst +25", "DecreaseNodes task -25"]);
    expect(r.problems).toEqual([
      'nodeGroups[3].nodeCount: cluster "analytics-dev": IncreaseNodes adds the 25 first nodes of the new group "burst": a scale-out above 20 nodes in one update needs the acknowledgement of this change; acknowledge it with the tag emr-guard:ack-scale-out: "burst:0->25", one comma-separated entry among others (acknowledgements.scaleOut: ["burst:0->25"] in the EmrCluster spec), or step it: 0 -> 20 -> 25',
      'nodeGroups[2].nodeCount: cluster "analytics-dev": DecreaseNodes shrinks "task" (TASK) 30 -> 5 (-25): one update releases at most 10 nodes (the provider releases the whole delta in one DecreaseNodes call); step it: 30 -> 20 -> 10 -> 5, one update each, at least 120 s apart, with the acknowledgement of each step: "task:30->20" (emr-guard:ack-scale-in), "task:20->10" (emr-guard:ack-scale-in), "task:10->5" (emr-guard:ack-scale-in)',
    ]);
    const shrunk = await liveProblems(h.client, "cn-hangzhou", spec((s) => (s.nodeGroups[1] = { ...s.nodeGroups[1], nodeCount: 1 })), identity);
    expect(shrunk.problems).toEqual([expect.stringMatching(/^nodeGroups\[1\]\.nodeCount: cluster "analytics-dev": node group "core": `pulumi up` fails halfway .*can only decrease the node group type of \['TASK', 'GATEWAY'\]/)]);
  });

  test("the spec's tags are the acknowledgements: the one named change passes", async () => {
    const identity = "emr-clusters/dev/acked";
    h.emulator.state.seedCluster({ name: "analytics-dev", tags: [{ Key: IDENTITY_TAG, Value: identity }], groups: [{ name: "master", type: "MASTER", count: 1 }, { name: "core", type: "CORE", count: 2 }] });
    const planned = spec((s) => {
      s.nodeGroups.push({ ...s.nodeGroups[1], nodeGroupType: "TASK", nodeGroupName: "burst", nodeCount: 25 });
      s.tags = { "emr-guard:ack-scale-out": "burst:0->25" };
    });
    expect(plannedCluster(planned).inputs.tags).toMatchObject({ "emr-guard:ack-scale-out": "burst:0->25" });
    expect((await liveProblems(h.client, "cn-hangzhou", planned, identity)).problems).toEqual([]);
  });
});

describe("runLiveChecks inside a Pulumi program (mocks)", () => {
  const saved = { ...process.env };
  afterAll(() => {
    process.env = saved;
  });

  test("the identity comes from the component's URN; a refused change rejects with every problem", async () => {
    const pulumi = await import("@pulumi/pulumi");
    const { runLiveChecks } = await import("../../components/live-checks");
    pulumi.runtime.setMocks({ newResource: (a) => ({ id: `${a.name}-id`, state: a.inputs }), call: (a) => a.inputs }, "emr-clusters", "dev", true);
    h.emulator.state.seedCluster({ name: "analytics-dev", tags: [{ Key: IDENTITY_TAG, Value: "emr-clusters/dev/from-urn" }], groups: [{ name: "master", type: "MASTER", count: 1 }, { name: "core", type: "CORE", count: 3 }] });
    process.env = { ...saved, EMR_LIVE_CHECKS: "auto", ALIBABA_CLOUD_ACCESS_KEY_ID: "LTAI-emulator-test", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "emulator-test-secret-do-not-use", EMR_ENDPOINT: h.emulator.endpoint, EMR_PROTOCOL: "http" };
    const resource = new pulumi.ComponentResource("emr:index:Cluster", "from-urn", {});
    const run = runLiveChecks(spec(), resource, { region: "cn-hangzhou" });
    await expect(run).rejects.toThrow('EMR cluster "analytics-dev" does not fit the live service:\n  - nodeGroups[1].nodeCount: cluster "analytics-dev": node group "core": `pulumi up` fails halfway before any write call');
    const other = new pulumi.ComponentResource("emr:index:Cluster", "not-live", {});
    await expect(runLiveChecks(spec(), other, { region: "cn-hangzhou" })).resolves.toBeUndefined();
  });
});
