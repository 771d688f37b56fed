import { preflightCluster, type PreflightSpec } from "../../client/preflight";
import { startHarness, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.emulator.close());

const spec = (overrides: Partial<PreflightSpec> = {}): PreflightSpec => ({
  regionId: "cn-hangzhou", clusterType: "DATALAKE", releaseVersion: "EMR-5.16.0", zoneId: "cn-hangzhou-i", paymentType: "PayAsYouGo", deployMode: "NORMAL",
  nodeGroups: [
    { nodeGroupName: "master", nodeGroupType: "MASTER", instanceTypes: ["ecs.g7.xlarge"] },
    { nodeGroupName: "core", nodeGroupType: "CORE", instanceTypes: ["ecs.g7.2xlarge"] },
    { nodeGroupName: "task", nodeGroupType: "TASK", instanceTypes: ["ecs.c7.2xlarge"] },
  ],
  ...overrides,
});

describe("preflightCluster", () => {
  it("finds nothing wrong with offered choices", async () => {
    expect(await preflightCluster(h.client, spec())).toEqual([]);
  });

  it("lists the valid release versions", async () => {
    expect(await preflightCluster(h.client, spec({ releaseVersion: "EMR-9.9.9" }))).toEqual([
      { path: "releaseVersion", message: "EMR-9.9.9 is not offered for DATALAKE in cn-hangzhou; valid: EMR-5.16.0, EMR-5.15.1" },
    ]);
  });

  it("lists the valid instance types per node-group type, one look-up per type", async () => {
    const before = h.emulator.calls.ListInstanceTypes ?? 0;
    const problems = await preflightCluster(h.client, spec({ nodeGroups: [
      { nodeGroupName: "core", nodeGroupType: "CORE", instanceTypes: ["ecs.g7.xlarge", "ecs.c7.2xlarge"] },
      { nodeGroupName: "core-2", nodeGroupType: "CORE", instanceTypes: ["ecs.g5.xlarge"] },
    ] }));
    expect(problems).toEqual([
      { path: "nodeGroups[0].instanceTypes[1]", message: "ecs.c7.2xlarge is not offered for CORE node groups (core) of DATALAKE in zone cn-hangzhou-i; valid: ecs.g7.xlarge, ecs.g7.2xlarge, ecs.d2s.5xlarge" },
      { path: "nodeGroups[1].instanceTypes[0]", message: "ecs.g5.xlarge is not offered for CORE node groups (core-2) of DATALAKE in zone cn-hangzhou-i; valid: ecs.g7.xlarge, ecs.g7.2xlarge, ecs.d2s.5xlarge" },
    ]);
    expect(h.emulator.calls.ListInstanceTypes - before).toBe(1);
  });
});
