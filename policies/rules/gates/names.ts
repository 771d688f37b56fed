/**
 * The change rules' names: every verdict about a `pulumi up` (a call plan) carries one of these. Each judges one
 * concern across every caller: the offline check (`--state`, `--plan`), the live gate and EmrClient's writes. What
 * each checks, its level and its fix are its entry in the rule catalog (catalog/changes.ts).
 */
export const CHANGE_RULES = {
  creation: "emr-change-creation",
  scaleOut: "emr-change-scale-out",
  scaleIn: "emr-change-scale-in",
  clusterTotal: "emr-change-cluster-total",
  liveCounts: "emr-change-live-counts",
  autoScaling: "emr-change-auto-scaling",
  deletionProtection: "emr-change-deletion-protection",
  groupRemoval: "emr-change-group-removal",
  diskSize: "emr-change-disk-size",
  paymentSwitch: "emr-change-payment-switch",
  securityMode: "emr-change-security-mode",
  tags: "emr-change-tags",
  replacement: "emr-change-replacement",
  release: "emr-change-release",
  notApplied: "emr-change-not-applied",
  ackFormat: "emr-change-ack-format",
  newClusters: "emr-change-new-clusters",
  retirement: "emr-change-retirement",
  staleAcks: "emr-change-stale-acks",
  monthlyCost: "emr-change-monthly-cost",
  priceBookAge: "emr-price-book-age",
} as const;
export type ChangeRuleName = (typeof CHANGE_RULES)[keyof typeof CHANGE_RULES];
