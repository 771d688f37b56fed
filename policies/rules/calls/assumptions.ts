/**
 * What the call model assumes where the cloud cannot be known offline, written down once. A plan lists the ones its
 * calls rest on, and the report prints them beside the calls.
 */
import type { CallPlan } from "./types";

export const ASSUMPTIONS = {
  createdGroupEmpty:
    "CreateNodeGroup carries the group's NodeCount and the provider then sends IncreaseNodes by the same count (2483-2660); the model assumes the service creates the group empty, so the group ends with its count (if the service honoured NodeCount it would get twice as many; the provider's own tests only add groups with 0 nodes)",
  untagEditedKeys:
    "the provider untags an edited key in a `Tags` parameter and swallows the answer (service_alicloud_emr.go 509-527); the model assumes the service removes the key",
  liveIsRecorded:
    "offline, a group's live count is the one the state recorded (an auto-scaled group's is a range); a group resized by hand since is not known",
  resizeWithinTenMinutes:
    "each resize is waited for at most 2 x 5 minutes (2747-2811): a slower one fails `pulumi up` while it goes on in the cloud",
  goMapOrder:
    "calls the provider builds while iterating its node groups (a Go map) are sent in any order among themselves",
} as const;
export type AssumptionId = keyof typeof ASSUMPTIONS;

/** The assumptions a plan's calls rest on. */
export function assumptionsOf(plan: CallPlan): AssumptionId[] {
  const ids = new Set<AssumptionId>();
  for (const c of plan.calls) {
    if (c.action === "CreateNodeGroup" && typeof (c.params.NodeGroup as Record<string, unknown> | undefined)?.NodeCount === "number" && (c.params.NodeGroup as Record<string, number>).NodeCount > 0) ids.add("createdGroupEmpty");
    if (c.action === "UntagResources" && Array.isArray(c.params.EditedValues) && c.params.EditedValues.length) ids.add("untagEditedKeys");
    if ((c.action === "IncreaseNodes" || c.action === "DecreaseNodes") && plan.liveSource !== "api") ids.add("liveIsRecorded");
    if (c.action === "IncreaseNodes" || c.action === "DecreaseNodes") ids.add("resizeWithinTenMinutes");
  }
  if (plan.calls.filter((c) => c.anyOrder).length > 1) ids.add("goMapOrder");
  return [...ids];
}
