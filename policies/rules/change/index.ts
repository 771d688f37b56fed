/**
 * Change-aware rules (day 2): pure functions over a cluster's before/after. Step-level functions (steps.ts) for the
 * live gate and the API client; diffCluster (diff.ts) + checkChangePlan (plan.ts) for a plan or a recorded state.
 */
export * from "./types";
export * from "./acks";
export * from "./policy";
export * from "./secret";
export * from "./steps";
export { clusterSnapshot, compareValues, type ClusterSnapshot, type Comparison, type GroupSnapshot } from "./snapshot";
export * from "./diff";
export { CLUSTER_CHANGE_RULES } from "./rules";
export { NOT_APPLIED_CLUSTER_FIELDS, NOT_APPLIED_GROUP_FIELDS, REPLACING_FIELDS, replacingPaths } from "./field-rules";
export * from "./plan";
export { describeChange } from "./describe";
