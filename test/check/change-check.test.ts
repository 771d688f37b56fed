/** The change section of the offline check (check/change/change-check.ts): the release checklist by payment type, emr:retire read strictly. */
import { judgeChanges, retireEntries } from "../../check/change/change-check";
import { UsageError } from "../../check/errors";
import { clusterPlanArgs, type ResourcePair } from "../../check/change/pairs";
import { DEFAULT_LIMITS, TYPES } from "../../policies/rules/domain";

const urn = "urn:pulumi:prod::p::alicloud:emrv2/cluster:Cluster::lake";
const removed = (paymentType: string): ResourcePair => {
  const inputs = { clusterName: "lake-prod", paymentType, deletionProtection: true, nodeGroups: [] };
  return { urn, type: TYPES.cluster, name: "lake", recorded: { urn, type: TYPES.cluster, name: "lake", inputs, outputs: inputs, id: "c-0123456789abcdef", protect: false, retainOnDelete: true, dependencies: [], propertyDependencies: [] } };
};
const judge = (pair: ResourcePair, retire: { name: string; clusterId: string }[], regionId?: string) =>
  judgeChanges({ source: "state", file: "s.json", pairs: [pair], clusterArgs: (p) => clusterPlanArgs(p, false), retire, limits: DEFAULT_LIMITS, ...(regionId ? { regionId } : {}) });
const retire = [{ name: "lake", clusterId: "c-0123456789abcdef" }];

describe("a removed cluster with a valid emr:retire entry gets the release checklist of its payment type", () => {
  test("Subscription: release its ECS instances first, then it goes within 15 minutes, with a refund", () => {
    const [entry] = judge(removed("Subscription"), retire, "cn-hangzhou").clusters;
    expect(entry.verdicts).toEqual([]);
    expect(entry.releaseChecklist).toEqual([
      "Release checklist (by a person, in the EMR console; nothing in this project releases a cluster):",
      "Release: not possible now:",
      "  - its state is not known offline (`emr-status --cluster c-0123456789abcdef` shows it); a Subscription cluster is released only while Running (or Idle), Startup Failed",
      "  - deletion protection is on",
      "  - its ECS instances were not counted; all must be released first",
      "To release it, by hand in the console:",
      '  1. Log on to https://emr.console.aliyun.com/, click EMR on ECS, select the region cn-hangzhou and the resource group, and find the cluster "lake-prod" (c-0123456789abcdef).',
      '  2. On its Basic Information tab, turn Deletion Protection off (if it is managed by Pulumi, retire it from the program first: see "Retiring a cluster" in the README).',
      "  3. Release every ECS instance of the cluster in the ECS console (a stopped instance that is not released blocks the release); tasks still running on an instance fail.",
      "  4. The cluster is then released automatically within 15 minutes; follow the refund under Expenses > Orders in the EMR console.",
      "Before you do:",
      "  - Data on the cluster (HDFS, local disks) cannot be recovered after the release: copy what you need first.",
      "  - A Hive metastore on RDS (USER_RDS) or DLF survives the release; a LOCAL metastore on the master goes with it.",
      "  - Releasing the ECS instances before the subscription expires refunds the unused time.",
    ]);
  });
  test("pay-as-you-go: released in the console while Initializing, Running or Idle", () => {
    const [entry] = judge(removed("PayAsYouGo"), retire).clusters;
    expect(entry.releaseChecklist?.[2]).toBe("  - its state is not known offline (`emr-status --cluster c-0123456789abcdef` shows it); a pay-as-you-go cluster is released only while Initializing, Running (or Idle)");
  });
  test("no checklist without the entry, nor when the entry names another cluster ID", () => {
    const none = judge(removed("PayAsYouGo"), []);
    expect([none.clusters[0].releaseChecklist, none.summary.mandatory]).toEqual([undefined, 1]);
    const other = judge(removed("PayAsYouGo"), [{ name: "lake", clusterId: "c-ffffffffffffffff" }]);
    expect([other.clusters[0].releaseChecklist, other.clusters[0].verdicts.map((v) => v.message)]).toEqual([undefined, ['cluster "lake": emr:retire names cluster c-ffffffffffffffff for "lake", but the state records c-0123456789abcdef']]);
  });
});

test("emr:retire is read strictly: a bad entry is exit 2 naming the file, the entry and a right example", () => {
  expect(retireEntries({ "emr:retire": JSON.stringify([{ name: "lake", clusterId: "c-0123456789abcdef" }]) }, "Pulumi.prod.yaml")).toEqual(retire);
  expect(() => retireEntries({ "emr:retire": JSON.stringify([{ name: "lake" }]) }, "Pulumi.prod.yaml")).toThrow(
    new UsageError('Pulumi.prod.yaml: emr:retire[0]: needs clusterId (c-...); e.g. emr:retire: [{ name: "analytics", clusterId: "c-1234567890abcdef" }]'),
  );
});
