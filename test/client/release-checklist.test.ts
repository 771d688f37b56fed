/** The release checklist (seed: "E-MapReduce: Release a cluster"), pure: every state and payment type. */
import { formatReleaseChecklist, releaseChecklist, type ReleaseFacts } from "../../client/release-checklist";

const facts = (over: Partial<ReleaseFacts>): ReleaseFacts => ({ paymentType: "PayAsYouGo", clusterId: "c-0123456789abcdef", clusterName: "lake", state: "RUNNING", deletionProtection: false, ...over });

describe("releaseChecklist: pay-as-you-go is releasable while Initializing, Running or Idle, protection off", () => {
  it.each(["STARTING", "BOOTSTRAPPING", "RUNNING"])("%s, protection off: releasable now", (state) => {
    expect(releaseChecklist(facts({ state }))).toMatchObject({ releasableNow: true, blockers: [] });
  });
  it.each(["START_FAILED", "TERMINATE_FAILED", "TERMINATED_WITH_ERRORS"])("%s: not releasable (not a state the console releases from)", (state) => {
    expect(releaseChecklist(facts({ state })).blockers).toEqual([`its state is ${state}; a pay-as-you-go cluster is released only while Initializing, Running (or Idle)`]);
  });
  it("deletion protection on (or unknown) blocks, and the first step after opening the cluster turns it off in the console", () => {
    const c = releaseChecklist(facts({ deletionProtection: true, regionId: "cn-hangzhou" }));
    expect(c.blockers).toEqual(["deletion protection is on"]);
    expect(c.steps[0]).toBe('Log on to https://emr.console.aliyun.com/, click EMR on ECS, select the region cn-hangzhou and the resource group, and find the cluster "lake" (c-0123456789abcdef).');
    expect(c.steps[1]).toMatch(/^On its Basic Information tab, turn Deletion Protection off/);
    expect(releaseChecklist(facts({ deletionProtection: undefined })).blockers).toEqual(["deletion protection is not known to be off"]);
  });
});

describe("releaseChecklist: Subscription only in Running or Startup Failed, after all ECS instances are released", () => {
  const sub = (over: Partial<ReleaseFacts>) => releaseChecklist(facts({ paymentType: "Subscription", ecsInstancesLeft: 0, ...over }));
  it.each(["RUNNING", "START_FAILED"])("%s with 0 ECS instances: releasable now, within 15 minutes, with a refund", (state) => {
    const c = sub({ state });
    expect(c.releasableNow).toBe(true);
    expect(c.steps.join(" ")).toContain("released automatically within 15 minutes");
    expect(c.consequences).toContain("Releasing the ECS instances before the subscription expires refunds the unused time.");
  });
  it("instances left, or not counted, block it; so does STARTING", () => {
    expect(sub({ ecsInstancesLeft: 1 }).blockers).toEqual(["1 ECS instance remains; all must be released first (stopped ones too)"]);
    expect(sub({ ecsInstancesLeft: 4 }).blockers).toEqual(["4 ECS instances remain; all must be released first (stopped ones too)"]);
    expect(sub({ ecsInstancesLeft: undefined }).blockers).toEqual(["its ECS instances were not counted; all must be released first"]);
    expect(sub({ state: "STARTING" }).blockers).toEqual(["its state is STARTING; a Subscription cluster is released only while Running (or Idle), Startup Failed"]);
  });
});

describe("releaseChecklist: already going or gone", () => {
  it.each([["TERMINATED", "is already released"], ["TERMINATING", "is being released now"]])("%s: nothing to do", (state, what) => {
    expect(releaseChecklist(facts({ state }))).toEqual({ releasableNow: false, blockers: [`the cluster ${what} (${state})`], steps: [], consequences: [] });
  });
});

describe("the checklist names console steps only, never a command that deletes", () => {
  it("for every payment type and state", () => {
    for (const paymentType of ["PayAsYouGo", "Subscription", undefined]) {
      for (const state of ["STARTING", "BOOTSTRAPPING", "RUNNING", "START_FAILED", "TERMINATING", "TERMINATED", "TERMINATE_FAILED", "TERMINATED_WITH_ERRORS"]) {
        for (const deletionProtection of [true, false]) {
          const text = formatReleaseChecklist(releaseChecklist(facts({ paymentType, state, deletionProtection, ecsInstancesLeft: 2 }))).join("\n");
          expect(text).not.toMatch(/DeleteCluster|aliyun |UpdateClusterAttribute|curl |pulumi destroy/);
        }
      }
    }
  });
  it("formats the data-loss and metastore facts", () => {
    expect(formatReleaseChecklist(releaseChecklist(facts({})))).toEqual([
      "Release: possible now, in the console only (this tool never releases a cluster).",
      "To release it, by hand in the console:",
      '  1. Log on to https://emr.console.aliyun.com/, click EMR on ECS, select the region and the resource group, and find the cluster "lake" (c-0123456789abcdef).',
      "  2. Move the pointer over the more icon of the cluster and select Release (or, on Basic Information: All Operations > Cluster Operation > Release).",
      "  3. In the Release Cluster message, click OK.",
      "Before you do:",
      "  - Data on the cluster (HDFS, local disks) cannot be recovered after the release: copy what you need first.",
      "  - A Hive metastore on RDS (USER_RDS) or DLF survives the release; a LOCAL metastore on the master goes with it.",
    ]);
  });
});
