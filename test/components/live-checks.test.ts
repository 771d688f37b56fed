/**
 * The component's live checks against the EMR API emulator: preflight (release and instance types offered) and the
 * safe-scaling gate (changes against the live RunningNodeCount of an existing cluster, found by name).
 */
import { liveChecksEnabled, liveProblems } from "../../components/live-checks";
import { checkSpec } from "../../components/validate";
import type { ClusterSpec } from "../../components/spec";
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

describe("when live checks run", () => {
  test("auto: only with credentials, never when EMR_LIVE_CHECKS=off (the offline check sets it)", () => {
    const creds = { ALIBABA_CLOUD_ACCESS_KEY_ID: "ak", ALIBABA_CLOUD_ACCESS_KEY_SECRET: "sk" };
    expect(liveChecksEnabled("auto", { ...creds })).toBe(true);
    expect(liveChecksEnabled("auto", { ...creds, EMR_LIVE_CHECKS: "off" })).toBe(false);
    expect(liveChecksEnabled("off", { ...creds })).toBe(false);
    expect(liveChecksEnabled("auto", { HOME: "/nonexistent" })).toBe(false);
  });
});

describe("preflight", () => {
  test("a new cluster with an offered release and instance types: no problem", async () => {
    expect(await liveProblems(h.client, "cn-hangzhou", spec())).toEqual([]);
  });
  test("an unknown release version is refused with the valid ones", async () => {
    const problems = await liveProblems(h.client, "cn-hangzhou", spec((s) => (s.releaseVersion = "EMR-9.9.9")));
    expect(problems).toEqual([expect.stringMatching(/^releaseVersion: EMR-9\.9\.9 is not offered for DATALAKE in cn-hangzhou; valid: EMR-/)]);
  });
});

describe("safe-scaling gate on an existing cluster", () => {
  test("a CORE scale-in and a TASK release of more than 10 nodes are refused, with the steps", async () => {
    h.emulator.state.seedCluster({ name: "gate-live", groups: [{ name: "master", type: "MASTER", count: 1 }, { name: "core", type: "CORE", count: 2 }, { name: "task", type: "TASK", count: 30 }] });
    const planned = spec((s) => {
      s.clusterName = "gate-live";
      s.nodeGroups[1] = { ...s.nodeGroups[1], nodeCount: 1 };
      s.nodeGroups.push({ ...s.nodeGroups[1], nodeGroupType: "TASK", nodeGroupName: "task", nodeCount: 5 });
    });
    const problems = await liveProblems(h.client, "cn-hangzhou", planned);
    expect(problems).toEqual([
      "nodeGroups[1] (core).nodeCount: a CORE group is never scaled in (2 -> 1): only TASK groups are; keep nodeCount at 2; shrink a TASK group instead",
      "nodeGroups[2] (task).nodeCount: scale-in of 25 nodes (30 -> 5) exceeds 10 nodes per update: the provider would release them all in one DecreaseNodes call; step it: 30 -> 20 -> 10 -> 5, one update each, at least 120 s apart",
    ]);
  });
});
