/**
 * The call gates (one set, from the seed's API table and guardrails.json) and the change rules built on them: every
 * caller judges EMR API calls here, the offline check a call plan's, the live gate the live plan's, EmrClient its own.
 */
export * from "./names";
export { changeFinding, describeCall, stepPlan, type GateContext } from "./finding";
export { gateCall, acksOfCall } from "./gate";
export { checkClusterTotal, countedSize, countedTotal } from "./total";
export { judgeCallPlan, type ChangeResult } from "./judge";
export { checkCallPlans, changeFindings, type JudgedCluster, type UsedResource } from "./plan-rules";
export { parseRetireEntries, type RetireEntry } from "./retire";
export { judgeResourceReplacement, type ResourceSides } from "./resources";
