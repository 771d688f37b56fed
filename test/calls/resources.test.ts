/**
 * Replacements of what a cluster depends on (policies/rules/gates/resources.ts): a ForceNew field edited replaces the
 * resource (a protected one fails the preview), but an Optional+Computed ForceNew field the program leaves out is no
 * diff for the provider, so nothing is replaced (as for the cluster's Computed fields in the call plan).
 */
import { judgeResourceReplacement, type ResourceSides } from "../../policies/rules/gates";

const RDS = "alicloud:rds/instance:Instance";
const ACCOUNT = "alicloud:rds/rdsAccount:RdsAccount";
const SG = "alicloud:ecs/securityGroup:SecurityGroup";

const recorded = { engine: "MySQL", engineVersion: "8.0", zoneId: "cn-hangzhou-i", vswitchId: "vsw-1", vpcId: "vpc-1" };

function sides(type: string, before: Record<string, unknown>, after: Record<string, unknown>): ResourceSides {
  return { urn: `urn:pulumi:prod::emr::${type}::meta`, type, name: "meta", before, after, replaceOnChanges: [], protect: true };
}

const judged = (r: ResourceSides) => {
  const { findings, unknown } = judgeResourceReplacement(r);
  return { messages: findings.map((f) => f.message), unknown };
};

describe("a ForceNew field of the RDS metastore", () => {
  test("failing: zoneId edited on the protected instance: the preview fails", () => {
    const { messages } = judged(sides(RDS, recorded, { ...recorded, zoneId: "cn-hangzhou-j" }));
    expect(messages).toEqual([expect.stringMatching(/alicloud:rds\/instance:Instance "meta": zoneId "cn-hangzhou-i" -> "cn-hangzhou-j" \(ForceNew in the provider \(resource_alicloud_db_instance\.go:107\)\) replaces it, and it is protected/)]);
  });

  test("passing: zoneId and vpcId left out of the program (Optional+Computed): the provider keeps them, no replacement", () => {
    const { zoneId: _z, vpcId: _v, ...program } = recorded;
    expect(judged(sides(RDS, recorded, program))).toEqual({ messages: [], unknown: [] });
  });

  test("failing: vswitchId left out (Optional, not Computed): the provider plans it away, a replacement", () => {
    const { vswitchId: _s, ...program } = recorded;
    expect(judged(sides(RDS, recorded, program)).messages).toEqual([expect.stringContaining('vswitchId "vsw-1" -> (not set)')]);
  });
});

test("the account's deprecated aliases (name beside accountName) are Optional+Computed: left out, nothing", () => {
  const before = { accountName: "hive", name: "hive", dbInstanceId: "rm-1", instanceId: "rm-1", accountType: "Normal" };
  expect(judged(sides(ACCOUNT, before, { accountName: "hive", dbInstanceId: "rm-1" }))).toEqual({ messages: [], unknown: [] });
  expect(judged(sides(ACCOUNT, before, { accountName: "hive2", dbInstanceId: "rm-1" })).messages).toEqual([expect.stringContaining('accountName "hive" -> "hive2"')]);
});

test("the security group's type left out keeps it; written as another type, it replaces the group", () => {
  const before = { securityGroupType: "normal", vpcId: "vpc-1" };
  expect(judged(sides(SG, before, { vpcId: "vpc-1" }))).toEqual({ messages: [], unknown: [] });
  expect(judged(sides(SG, before, { securityGroupType: "enterprise", vpcId: "vpc-1" })).messages).toHaveLength(1);
});
