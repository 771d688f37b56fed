import * as pulumi from "@pulumi/pulumi";
import { deepMerge } from "../../components/merge";
import type { EmrClusterArgs } from "../../components/args";
import { PRESETS } from "../../components/presets";
import { buildClusterSpec } from "../../components/validate";

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

describe("EmrClusterArgs: overrides of a preset type-check as deeply as deepMerge merges", () => {
  // These are checked by `tsc --noEmit` (npm test): a wrong override is a compile error, a right one is not.
  const network = { vpcId: "vpc-bp1test0001", zoneId: "cn-hangzhou-i", keyPairName: "emr-admin" };
  const overrides: EmrClusterArgs = {
    preset: "datalake-ha",
    clusterName: "lakehouse-prod",
    storage: { ossHdfsRootUri: "oss://lake-test.cn-hangzhou.oss-dls.aliyuncs.com/" },
    nodeAttributes: network,
    nodeGroups: [
      { nodeGroupName: "master", vswitchIds: ["vsw-bp1test0001"] },
      { nodeGroupName: "core", vswitchIds: ["vsw-bp1test0001"], nodeCount: 6, systemDisk: { size: 200 } },
      { nodeGroupName: "task", remove: true },
    ],
    subscriptionConfig: { paymentDuration: 24 },
    acknowledgements: { subscriptionMonths: 24 },
    bootstrapScripts: null,
  };

  test("one field of one node group, remove: true and null give the merged, valid spec", () => {
    const spec = buildClusterSpec("lakehouse", overrides);
    expect(spec.nodeGroups.map((g) => [g.nodeGroupName, g.nodeCount, g.systemDisk])).toEqual([
      ["master", 3, { category: "cloud_essd", size: 120 }],
      ["core", 6, { category: "cloud_essd", size: 200 }],
    ]);
    expect(spec.subscriptionConfig?.paymentDuration).toBe(24);
  });

  test("wrong overrides are compile errors", () => {
    // @ts-expect-error a node count is a number
    const wrongType: EmrClusterArgs = { preset: "datalake-ha", nodeGroups: [{ nodeGroupName: "core", nodeCount: "6" }] };
    // @ts-expect-error a node group override names its group
    const unnamed: EmrClusterArgs = { preset: "datalake-ha", nodeGroups: [{ nodeCount: 6 }] };
    // @ts-expect-error without a preset the spec is whole
    const partial: EmrClusterArgs = { clusterName: "lakehouse-prod" };
    // @ts-expect-error no such field
    const unknownField: EmrClusterArgs = { preset: "datalake-ha", storage: { rootUri: "oss://x" } };
    expect([wrongType, unnamed, partial, unknownField]).toHaveLength(4);
  });
});
