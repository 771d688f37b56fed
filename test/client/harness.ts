/** Test wiring: an emulator on an ephemeral loopback port and a client sharing its virtual clock. */
import { createEmrClient, EmrInputError, type EmrClient, type InputProblem } from "../../client/index";
import { seededRandom, VirtualClock } from "../emulator/clock";
import { startEmulator, TEST_KEYS, type Emulator, type EmulatorOptions } from "../emulator/server";

export interface Harness {
  emulator: Emulator;
  clock: VirtualClock;
  client: EmrClient;
  /** Another client on the same emulator (e.g. another region, page size, endpoint). */
  makeClient(opts?: { regionId?: string; pageSize?: number; endpoint?: string }): EmrClient;
}

export async function startHarness(opts: Omit<EmulatorOptions, "clock"> = {}): Promise<Harness> {
  const clock = new VirtualClock();
  const emulator = await startEmulator({ ...opts, clock });
  const makeClient = (o: { regionId?: string; pageSize?: number; endpoint?: string } = {}) =>
    createEmrClient({ regionId: o.regionId ?? "cn-hangzhou", endpoint: o.endpoint ?? emulator.endpoint, protocol: "http", credentials: TEST_KEYS, clock, random: seededRandom(7), pageSize: o.pageSize });
  return { emulator, clock, client: makeClient(), makeClient };
}

/** A RunCluster request that the emulator accepts. */
export function runClusterRequest(name: string, overrides: Record<string, unknown> = {}) {
  const group = (NodeGroupName: string, NodeGroupType: string, NodeCount: number) => ({
    NodeGroupName, NodeGroupType, NodeCount, InstanceTypes: ["ecs.g7.xlarge"], VSwitchIds: ["vsw-1"],
    SystemDisk: { Category: "cloud_essd", Size: 120 }, DataDisks: [{ Category: "cloud_essd", Size: 80, Count: 1 }],
  });
  return {
    ClusterName: name, ClusterType: "DATALAKE", ReleaseVersion: "EMR-5.16.0", DeletionProtection: true,
    Applications: [{ ApplicationName: "HADOOP-COMMON" }, { ApplicationName: "HDFS" }, { ApplicationName: "YARN" }],
    NodeGroups: [group("master", "MASTER", 1), group("core", "CORE", 3), group("task", "TASK", 2)],
    NodeAttributes: { VpcId: "vpc-1", ZoneId: "cn-hangzhou-i", SecurityGroupId: "sg-1" },
    ...overrides,
  };
}

/** The write actions of the API: what a refused call must never have sent. */
export const WRITE_ACTIONS = ["RunCluster", "UpdateClusterAttribute", "CreateNodeGroup", "IncreaseNodes", "DecreaseNodes", "PutAutoScalingPolicy", "RemoveAutoScalingPolicy"];

/** The write actions the emulator received since `mark` (an index into its request log). */
export const writesSince = (h: Harness, mark: number) => h.emulator.requests.slice(mark).filter((r) => WRITE_ACTIONS.includes(r.action)).map((r) => r.action);

/** Runs a write that must be refused: returns the problems, and asserts that no write reached the emulator. */
export async function refusedWithoutWrite(h: Harness, call: () => Promise<unknown>): Promise<InputProblem[]> {
  const mark = h.emulator.requests.length;
  const e = await call().then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(EmrInputError);
  expect(writesSince(h, mark)).toEqual([]);
  return e instanceof EmrInputError ? e.problems : [];
}

/** Runs a write that must pass: asserts that exactly `action` was sent, returns the call's result. */
export async function sentOnly<T>(h: Harness, call: () => Promise<T>, action: string): Promise<T> {
  const mark = h.emulator.requests.length;
  const result = await call();
  expect(writesSince(h, mark)).toEqual([action]);
  return result;
}
