/**
 * The rules for what the provider and the EMR API need at creation (policies/rules/provider.ts): a compliant case,
 * numbered non-compliant cases (one change each) and preview unknowns, on hand-written cluster props; and their
 * policies in the pack's list, mandatory.
 */
import { ALL_POLICIES } from "../../policies/pack";
import { MANDATORY_RULES, policyEntry, ruleContext, runRule, UNKNOWN, type Outcome } from "../../policies/rules";
import { ossHdfsRootUri, subscriptionAutoRenewDuration } from "../../policies/rules/provider";
import { devClusterProps, haClusterProps } from "../helpers/cluster-props";

type Props = Record<string, any>;

const run = (rule: typeof ossHdfsRootUri, props: unknown): Outcome => runRule(rule, props, ruleContext());
const withRoot = (props: Props, change: Props | null): Props => ({
  ...props,
  applicationConfigs: props.applicationConfigs.flatMap((c: Props) => (c.configItemKey !== "OSS_ROOT_URI" ? [c] : change ? [{ ...c, ...change }] : [])),
});

describe("emr-oss-hdfs-root-uri: OSS-HDFS has its root storage directory (OSS-HDFS / common.conf / OSS_ROOT_URI)", () => {
  const rule = ossHdfsRootUri;
  test("compliant: oss://<bucket>.<region>.oss-dls.aliyuncs.com/", () => expect(run(rule, haClusterProps())).toEqual({ kind: "compliant" }));
  test("not applicable: HDFS, no OSS-HDFS", () => expect(run(rule, devClusterProps())).toEqual({ kind: "not-applicable" }));
  test("non-compliant 1: no OSS_ROOT_URI item", () => {
    expect(run(rule, withRoot(haClusterProps(), null))).toEqual({
      kind: "non-compliant",
      findings: [
        {
          rule: "emr-oss-hdfs-root-uri",
          path: "applicationConfigs",
          message: "OSS-HDFS is installed without its root storage directory: the cluster has no usable default filesystem",
          fix: 'create a bucket with OSS-HDFS enabled, then set storage.ossHdfsRootUri in the EmrCluster spec (or an applicationConfigs item OSS-HDFS / common.conf / OSS_ROOT_URI), for example "oss://lakehouse-prod.cn-hangzhou.oss-dls.aliyuncs.com/"',
        },
      ],
    });
  });
  test("non-compliant 2: a plain OSS path, not the bucket's OSS-HDFS endpoint", () => {
    const outcome = run(rule, withRoot(haClusterProps(), { configItemValue: "oss://lake/warehouse" }));
    expect(outcome.kind === "non-compliant" && outcome.findings.map((f) => [f.path, f.message])).toEqual([
      ["applicationConfigs[2].configItemValue", 'OSS_ROOT_URI is "oss://lake/warehouse", not an OSS-HDFS bucket endpoint'],
    ]);
  });
  test("non-compliant 3: the item in another file", () => {
    const outcome = run(rule, withRoot(haClusterProps(), { configFileName: "core-site.xml" }));
    expect(outcome.kind === "non-compliant" && outcome.findings.map((f) => f.path)).toEqual(["applicationConfigs[2].configFileName"]);
  });
  test("unknown: the bucket is a preview unknown", () => {
    expect(run(rule, withRoot(haClusterProps(), { configItemValue: UNKNOWN }))).toEqual({ kind: "unknown", paths: ["applicationConfigs[2].configItemValue"] });
  });
});

describe("emr-subscription-auto-renew: autoRenew comes with autoRenewDuration (the provider sends 0 otherwise)", () => {
  const rule = subscriptionAutoRenewDuration;
  const renewing = { paymentDuration: 12, paymentDurationUnit: "Month", autoRenew: true };
  test("compliant: autoRenew with a 1-month renewal, on the cluster and a group", () => {
    const sub = { ...renewing, autoRenewDuration: 1, autoRenewDurationUnit: "Month" };
    const props = haClusterProps();
    props.subscriptionConfig = sub;
    props.nodeGroups[0] = { ...props.nodeGroups[0], paymentType: "Subscription", subscriptionConfig: sub };
    expect(run(rule, props)).toEqual({ kind: "compliant" });
  });
  test("not applicable: no auto-renewal", () => expect(run(rule, haClusterProps())).toEqual({ kind: "not-applicable" }));
  test("non-compliant 1: the cluster renews with no duration", () => {
    const outcome = run(rule, { ...haClusterProps(), subscriptionConfig: renewing });
    expect(outcome.kind === "non-compliant" && outcome.findings.map((f) => [f.path, f.message])).toEqual([
      ["subscriptionConfig.autoRenewDuration", "the cluster renews automatically with no renewal duration: the provider sends 0"],
    ]);
  });
  test("non-compliant 2: a node group renews with no duration", () => {
    const props = haClusterProps();
    props.nodeGroups[1] = { ...props.nodeGroups[1], paymentType: "Subscription", subscriptionConfig: renewing };
    const outcome = run(rule, props);
    expect(outcome.kind === "non-compliant" && outcome.findings.map((f) => [f.path, f.message])).toEqual([
      ["nodeGroups[1].subscriptionConfig.autoRenewDuration", 'node group "core" (nodeGroups[1]) renews automatically with no renewal duration: the provider sends 0'],
    ]);
  });
  test('non-compliant 3: autoRenew written as the string "true" renews as true does (the provider reads it with strconv.ParseBool)', () => {
    const outcome = run(rule, { ...haClusterProps(), subscriptionConfig: { ...renewing, autoRenew: "true" } });
    expect(outcome.kind === "non-compliant" && outcome.findings.map((f) => f.path)).toEqual(["subscriptionConfig.autoRenewDuration"]);
  });
  test.each(["True", "TRUE", "t", "1"])('non-compliant 4: autoRenew written as "%s" renews too (strconv.ParseBool reads it as true)', (written) => {
    const outcome = run(rule, { ...haClusterProps(), subscriptionConfig: { ...renewing, autoRenew: written } });
    expect(outcome.kind === "non-compliant" && outcome.findings.map((f) => f.path)).toEqual(["subscriptionConfig.autoRenewDuration"]);
  });
  test.each(["False", "0", "f"])('not applicable: autoRenew written as "%s" (read as false)', (written) =>
    expect(run(rule, { ...haClusterProps(), subscriptionConfig: { ...renewing, autoRenew: written } })).toEqual({ kind: "not-applicable" }));
  test('malformed: "yes" is no boolean to the provider, and the rule does not read it as one', () =>
    expect(run(rule, { ...haClusterProps(), subscriptionConfig: { ...renewing, autoRenew: "yes" } }).kind).not.toBe("compliant"));
  test('not applicable: autoRenew written as the string "false"', () =>
    expect(run(rule, { ...haClusterProps(), subscriptionConfig: { ...renewing, autoRenew: "false" } })).toEqual({ kind: "not-applicable" }));
  test("unknown: autoRenew not known in preview", () => {
    expect(run(rule, { ...haClusterProps(), subscriptionConfig: { ...renewing, autoRenew: UNKNOWN } })).toEqual({ kind: "unknown", paths: ["subscriptionConfig.autoRenew"] });
  });
});

test("both are validity rules, in the component's list and in the pack as mandatory policies", () => {
  expect([policyEntry(ossHdfsRootUri.name).kind, policyEntry(subscriptionAutoRenewDuration.name).kind]).toEqual(["validity", "validity"]);
  expect(MANDATORY_RULES).toEqual(expect.arrayContaining([ossHdfsRootUri, subscriptionAutoRenewDuration]));
  const policies = ALL_POLICIES.filter((p) => p.name === "emr-oss-hdfs-root-uri" || p.name === "emr-subscription-auto-renew");
  expect(policies.map((p) => [p.name, p.enforcementLevel])).toEqual([
    ["emr-oss-hdfs-root-uri", "mandatory"],
    ["emr-subscription-auto-renew", "mandatory"],
  ]);
});
