import * as pulumi from "@pulumi/pulumi";
import { deepMerge } from "../../components/merge";
import { PRESETS } from "../../components/presets";

describe("deepMerge: the user's values win, presets fill the rest", () => {
  test("merges objects key by key", () => {
    expect(deepMerge({ a: 1, b: { c: 2, d: 3 } }, { b: { d: 4 } })).toEqual({ a: 1, b: { c: 2, d: 4 } });
  });

  test("null removes a preset value", () => {
    expect(deepMerge({ a: 1, subscriptionConfig: { paymentDuration: 12 } }, { subscriptionConfig: null })).toEqual({ a: 1 });
  });

  test("plain lists are replaced, not concatenated", () => {
    expect(deepMerge({ applications: ["HDFS", "YARN"] }, { applications: ["HIVE"] })).toEqual({ applications: ["HIVE"] });
  });

  test("nodeGroups merge by nodeGroupName; new groups are appended; remove: true drops one", () => {
    const merged = deepMerge<{ nodeGroups: { nodeGroupName: string; nodeCount: number; instanceTypes?: string[] }[] }>(PRESETS["datalake-ha"], {
      nodeGroups: [
        { nodeGroupName: "core", nodeCount: 6 },
        { nodeGroupName: "task", remove: true },
        { nodeGroupName: "gpu", nodeCount: 1 },
      ],
    });
    expect(merged.nodeGroups.map((g) => [g.nodeGroupName, g.nodeCount])).toEqual([
      ["master", 3],
      ["core", 6],
      ["gpu", 1],
    ]);
    expect(merged.nodeGroups[1].instanceTypes).toEqual(["ecs.g7.4xlarge"]);
  });

  test("a metastore of another type replaces the preset's whole object", () => {
    const merged = deepMerge({ metastore: { type: "USER_RDS", rds: { storageGiB: 100 } } }, { metastore: { type: "DLF" } });
    expect(merged).toEqual({ metastore: { type: "DLF" } });
  });

  test("pulumi Outputs are values, not objects to merge", () => {
    const vpc = pulumi.output("vpc-1");
    const merged = deepMerge<{ nodeAttributes: { vpcId: unknown; zoneId: string } }>({ nodeAttributes: { vpcId: "vpc-0", zoneId: "z" } }, { nodeAttributes: { vpcId: vpc } });
    expect(merged.nodeAttributes.vpcId).toBe(vpc);
    expect(merged.nodeAttributes.zoneId).toBe("z");
  });

  test("does not mutate its inputs", () => {
    const base = { nodeGroups: [{ nodeGroupName: "core", nodeCount: 2 }] };
    deepMerge(base, { nodeGroups: [{ nodeGroupName: "core", nodeCount: 9 }] });
    expect(base.nodeGroups[0].nodeCount).toBe(2);
  });
});
