/**
 * What the alicloud emrv2 provider and the EMR API need at creation that the provider does not check itself
 * (reference alicloud-emrv2-provider-facts.md, "Third reading"). Both are validity rules: the component refuses
 * them, and the pack catches a cluster written by hand.
 */
import { paysBySubscription, subscriptionsOf } from "./payment";
import { OutcomeBuilder, UNKNOWN } from "./types";
import type { ClusterRule } from "./rule";
import { isKnown, knownApplications, nodeGroupsOf, type ClusterView, type Field, type SubscriptionView } from "./view";

/**
 * The root storage directory of an OSS-HDFS cluster. ASSUMPTION (not verifiable offline): the item names are those
 * of Alibaba's own cluster templates (application config OSS-HDFS / common.conf / OSS_ROOT_URI), and the bucket must
 * have the OSS-HDFS service enabled before the cluster is created. This is the one place these names are written.
 */
export const OSS_HDFS_ROOT = {
  applicationName: "OSS-HDFS",
  configFileName: "common.conf",
  configItemKey: "OSS_ROOT_URI",
  /** `oss://<bucket>.<region>.oss-dls.aliyuncs.com/`: the bucket's OSS-HDFS endpoint. */
  pattern: /^oss:\/\/[a-z0-9][a-z0-9-]{1,61}[a-z0-9]\.[a-z0-9-]+\.oss-dls\.aliyuncs\.com\/?$/,
  example: "oss://lakehouse-prod.cn-hangzhou.oss-dls.aliyuncs.com/",
} as const;

export const ossHdfsRootUri: ClusterRule = {
  name: "emr-oss-hdfs-root-uri",
  check(view) {
    const out = new OutcomeBuilder(this.name);
    if (view.applications === UNKNOWN) return out.unknown("applications").build();
    if (!knownApplications(view).includes(OSS_HDFS_ROOT.applicationName)) return out.build();
    out.applies();
    if (view.applicationConfigs === UNKNOWN) return out.unknown("applicationConfigs").build();
    const items = Array.isArray(view.applicationConfigs) ? view.applicationConfigs : [];
    if (items.some((c) => c.configItemKey === UNKNOWN || c.applicationName === UNKNOWN)) return out.unknown("applicationConfigs").build();
    const root = items.find((c) => c.applicationName === OSS_HDFS_ROOT.applicationName && c.configItemKey === OSS_HDFS_ROOT.configItemKey);
    const fix = `create a bucket with OSS-HDFS enabled, then set storage.ossHdfsRootUri in the EmrCluster spec (or an applicationConfigs item ${OSS_HDFS_ROOT.applicationName} / ${OSS_HDFS_ROOT.configFileName} / ${OSS_HDFS_ROOT.configItemKey}), for example "${OSS_HDFS_ROOT.example}"`;
    if (!root) return out.fail("applicationConfigs", "OSS-HDFS is installed without its root storage directory: the cluster has no usable default filesystem", fix).build();
    if (root.configItemValue === UNKNOWN) return out.unknown(`${root.path}.configItemValue`).build();
    if (root.configFileName !== OSS_HDFS_ROOT.configFileName) {
      out.fail(`${root.path}.configFileName`, `${OSS_HDFS_ROOT.configItemKey} is in "${String(root.configFileName)}"`, `put it in "${OSS_HDFS_ROOT.configFileName}"`);
    }
    if (!isKnown(root.configItemValue) || !OSS_HDFS_ROOT.pattern.test(root.configItemValue)) {
      out.fail(`${root.path}.configItemValue`, `${OSS_HDFS_ROOT.configItemKey} is ${JSON.stringify(root.configItemValue)}, not an OSS-HDFS bucket endpoint`, fix);
    }
    return out.build();
  },
};

/** `autoRenew: true` with no renewal duration: the provider sends AutoRenewDuration 0 and an empty unit. */
function checkRenewal(subscription: Field<SubscriptionView>, path: string, what: string, out: OutcomeBuilder): void {
  if (subscription === UNKNOWN) return void out.unknown(path);
  if (!isKnown(subscription)) return;
  const renewal = subscription;
  if (renewal.autoRenew === UNKNOWN) return void out.unknown(`${path}.autoRenew`);
  if (renewal.autoRenew !== true) return;
  out.applies();
  // A duration that is written but outside the provider's list (0, 10) is emr-provider-schema's.
  if (renewal.autoRenewDuration === UNKNOWN) out.unknown(`${path}.autoRenewDuration`);
  else if (renewal.autoRenewDuration === undefined) {
    out.fail(`${path}.autoRenewDuration`, `${what} renews automatically with no renewal duration: the provider sends 0`, "set autoRenewDuration: 1 and autoRenewDurationUnit: \"Month\" (the EmrCluster component does this by default)");
  }
}

export const subscriptionAutoRenewDuration: ClusterRule = {
  name: "emr-subscription-auto-renew",
  check(view: ClusterView) {
    const out = new OutcomeBuilder(this.name);
    checkRenewal(view.subscription, "subscriptionConfig", "the cluster", out);
    for (const g of nodeGroupsOf(view, out)) checkRenewal(g.subscription, `${g.path}.subscriptionConfig`, g.label, out);
    return out.build();
  },
};

/**
 * `autoPayOrder` left out of a Subscription's subscriptionConfig is SENT AS false: the provider's "unset means true"
 * branch (resource_alicloud_emrv2_cluster.go:938-942 for the cluster, 1081-1085 for a node group) never runs, because
 * the SDK hands it every key of the block, unset ones as their zero value (reference alicloud-emrv2-update-calls.md,
 * "Create and its Check"). The API then leaves the order unpaid: the cluster's creation, or a group's later
 * IncreaseNodes, waits on a payment nobody makes. Mandatory: the written intent (the provider's docs say the default is
 * true) and the value sent disagree, the failure shows only at apply, and the fix is one explicit line (true, or
 * false for someone who pays each order by hand). EmrCluster always writes it.
 */
export const subscriptionAutoPayOrder: ClusterRule = {
  name: "emr-subscription-auto-pay-order",
  check(view: ClusterView) {
    const out = new OutcomeBuilder(this.name);
    for (const owner of subscriptionsOf(view, out)) {
      const { path, what, subscription } = owner;
      if (subscription === undefined || !paysBySubscription(owner, out)) continue;
      if (subscription === UNKNOWN) {
        out.unknown(path);
        continue;
      }
      if (!isKnown(subscription)) continue; // emr-subscription-config reports a config that is not an object
      out.applies();
      if (subscription.autoPayOrder === UNKNOWN) out.unknown(`${path}.autoPayOrder`);
      else if (subscription.autoPayOrder === undefined) {
        const order = owner.path === "subscriptionConfig" ? "the order that creates the cluster" : "the orders of its creation and later scale-outs";
        out.fail(`${path}.autoPayOrder`, `${what} is Subscription and its subscriptionConfig leaves autoPayOrder out: the provider sends false (not its documented default, true), so ${order} would wait unpaid`, "set autoPayOrder: true (or false if you pay each order yourself); EmrCluster sets true unless told otherwise");
      }
    }
    return out.build();
  },
};
