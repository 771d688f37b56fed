/**
 * The spec's `acknowledgements`: sign-offs the policy pack reads from the cluster's `emr-guard:ack-*` tags.
 * Each change acknowledgement names the one change it approves ("core:40->65"), so a leftover one approves nothing
 * else and the change-aware check reports it as stale. Tag values are comma-separated entries.
 */
import { z } from "zod";
import { ackEntryProblem, type NamedChangeAck } from "../policies/rules/change/acks";
import { ACK_TAGS } from "../policies/rules/domain";

/**
 * A non-empty list of entries of one kind, checked by the rules' own parser (a note after "@" makes an entry new: a
 * re-approval); the old forms (a number, `true`) are refused with the new one.
 */
function entries(kind: NamedChangeAck, example: string, oldForm: string) {
  const error = `expected a list of entries like ["${example}"], one per approved change (${oldForm} approved every later change too and is no longer accepted)`;
  const entry = z.string().superRefine((v, ctx) => {
    const problem = ackEntryProblem(kind, v);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
  return z.array(entry, { error }).min(1);
}

export const acknowledgementsSchema = z.strictObject({
  /** Largest node-group size signed off, e.g. 40. */
  nodeCount: z.number().int().positive().optional(),
  /** Largest cluster total signed off for cost (auto-scaling maxima included), e.g. 150. */
  clusterNodes: z.number().int().positive().optional(),
  /** Longest subscription signed off, in months, e.g. 24. */
  subscriptionMonths: z.number().int().positive().optional(),
  /** Each scale-out above the threshold in one update: `"<group>:<from>-><to>"`, e.g. `["core:40->65"]`. */
  scaleOut: entries("scaleOut", "core:40->65", "a number").optional(),
  /** Each scale-in (DecreaseNodes: the service picks the nodes): `"<group>:<from>-><to>"`, e.g. `["task:25->15"]`. */
  scaleIn: entries("scaleIn", "task:25->15", "a number").optional(),
  /** Each group scaled to 0: `"<group>:<from>->0"`, e.g. `["task:6->0"]`. */
  taskGroupToZero: entries("taskToZero", "task:6->0", "true").optional(),
  /** A payment-type switch: `"<from>-><to>"`, e.g. `"PayAsYouGo->Subscription"`. */
  paymentSwitch: z.string().superRefine((v, ctx) => {
    const problem = ackEntryProblem("paymentSwitch", v);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }).optional(),
  /** This cluster is one of several a plan creates; the tag carries the cluster's name. */
  newCluster: z.boolean().optional(),
  /** Each removed or replaced auto-scaling policy: `"<group>:remove"` or `"<group>:replace:<8 hex>"` (the check prints it). */
  autoScaling: entries("autoScaling", "task:replace:1a2b3c4d", "a standing flag").optional(),
  /** One change's added monthly cost, as the check prints it with a price book: `"+<whole amount> <currency>"`, e.g. `"+5480 CNY"`. */
  monthlyCost: z.string().superRefine((v, ctx) => {
    const problem = ackEntryProblem("monthlyCost", v);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }).optional(),
});
export type AcknowledgementsSpec = z.output<typeof acknowledgementsSchema>;

/** `acknowledgements` as the `emr-guard:ack-*` tags the policy pack and the change-aware check read. */
export function acknowledgementTags(ack: AcknowledgementsSpec, clusterName: string): Record<string, string> {
  const tags: Record<string, string> = {};
  if (ack.nodeCount !== undefined) tags[ACK_TAGS.nodeCount] = String(ack.nodeCount);
  if (ack.clusterNodes !== undefined) tags[ACK_TAGS.clusterNodes] = String(ack.clusterNodes);
  if (ack.subscriptionMonths !== undefined) tags[ACK_TAGS.subscriptionMonths] = String(ack.subscriptionMonths);
  if (ack.scaleOut) tags[ACK_TAGS.scaleOut] = ack.scaleOut.join(",");
  if (ack.scaleIn) tags[ACK_TAGS.scaleIn] = ack.scaleIn.join(",");
  if (ack.taskGroupToZero) tags[ACK_TAGS.taskGroupToZero] = ack.taskGroupToZero.join(",");
  if (ack.paymentSwitch) tags[ACK_TAGS.paymentSwitch] = ack.paymentSwitch;
  if (ack.newCluster) tags[ACK_TAGS.newCluster] = clusterName;
  if (ack.autoScaling) tags[ACK_TAGS.autoScaling] = ack.autoScaling.join(",");
  if (ack.monthlyCost) tags[ACK_TAGS.monthlyCost] = ack.monthlyCost;
  return tags;
}
