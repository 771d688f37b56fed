/** Capacity guardrails: node-count caps and acknowledgements, auto-scaling, subscription length. */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { clusterPolicy } from "./cluster-policy";
import { forClusters } from "./cluster-type";
import { autoScalingMaxCapacity, clusterTotalNodesAck, nodeGroupCreationCap, nodeGroupSizeAck, subscriptionDurationAck } from "./rules/capacity";
import { clusterView } from "./rules/view";
import { sharedProps } from "./props";

export const nodeGroupCreationCapPolicy = clusterPolicy(nodeGroupCreationCap, { enforcementLevel: "mandatory", limits: ["maxNodesPerGroupAtCreate"] });
export const nodeGroupSizeAckPolicy = clusterPolicy(nodeGroupSizeAck, { enforcementLevel: "mandatory", limits: ["nodeGroupAckThreshold"] });
export const clusterTotalNodesAckPolicy = clusterPolicy(clusterTotalNodesAck, { enforcementLevel: "mandatory", limits: ["clusterNodesCostAckThreshold"] });
export const autoScalingMaxCapacityPolicy = clusterPolicy(autoScalingMaxCapacity, { enforcementLevel: "mandatory", limits: ["maxAutoScalingCapacity"] });
export const subscriptionDurationAckPolicy = clusterPolicy(subscriptionDurationAck, { enforcementLevel: "mandatory", limits: ["subscriptionMonthsAckThreshold"] });

/**
 * The provider reads nodeCount back from the live count, so a group with an auto-scaling policy needs
 * `ignoreChanges: ["nodeGroups[<i>].nodeCount"]`, or every deploy undoes the scaling.
 */
export const autoScalingIgnoreChangesPolicy: ResourceValidationPolicy = {
  name: "emr-auto-scaling-ignore-changes",
  description: "Checks whether every auto-scaled node group's nodeCount is in the resource's ignoreChanges option.",
  enforcementLevel: "advisory",
  validateResource: forClusters((args, reportViolation) => {
    const view = clusterView(sharedProps(args.urn, args.props));
    if (!Array.isArray(view.nodeGroups)) return;
    const ignored = new Set(args.opts.ignoreChanges ?? []);
    for (const g of view.nodeGroups) {
      const path = `${g.path}.nodeCount`;
      if (g.autoScaling === true && !ignored.has(path)) {
        reportViolation(`${path}: ${g.label} has an auto-scaling policy but its nodeCount is not ignored; every deploy would scale it back. Fix: add "${path}" to the resource's ignoreChanges option (EmrCluster does this).`, args.urn);
      }
    }
  }),
};
