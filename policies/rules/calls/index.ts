/**
 * The call plan: what one `pulumi up` makes the alicloud provider send to the EMR API for a cluster (a pure model of
 * its Create/Update/Delete, provider.ts names the version), and what it refuses, never applies or replaces.
 */
export * from "./types";
export { MODELLED_PROVIDER, PROVIDER_REFUSALS, NOT_APPLIED_CLUSTER_FIELDS, NEW_GROUP_INSTEAD, FORCE_NEW_CLUSTER_FIELDS } from "./provider";
export { applyIgnoreChanges, parsePropertyPath, type SkippedIgnore } from "./ignore-changes";
export { liveFromApi, liveFromState, policyRange, type LiveGroup, type LiveState } from "./sides";
export { planClusterCalls, runClusterCall, type PlanArgs, type ProgramCluster, type RecordedCluster } from "./plan";
export { ASSUMPTIONS, assumptionsOf, type AssumptionId } from "./assumptions";
