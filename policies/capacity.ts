/** Capacity guardrails: node-count caps and acknowledgements, auto-scaling, subscription length. */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { clusterPolicy, policyHeader } from "./cluster-policy";
import { forClusters } from "./cluster-type";
import { autoScalingBounds } from "./rules/auto-scaling";
import { autoScalingMaxCapacity, clusterTotalNodesAck, nodeGroupSize } from "./rules/capacity";
import { ignoreChangesCovers } from "./rules/index";
import { subscriptionConfigValid, subscriptionDurationAck } from "./rules/payment";
import { sharedView } from "./props";

export const nodeGroupSizePolicy = clusterPolicy(nodeGroupSize);
export const clusterTotalNodesAckPolicy = clusterPolicy(clusterTotalNodesAck);
export const autoScalingMaxCapacityPolicy = clusterPolicy(autoScalingMaxCapacity);
export const autoScalingBoundsPolicy = clusterPolicy(autoScalingBounds);
export const subscriptionDurationAckPolicy = clusterPolicy(subscriptionDurationAck);
export const subscriptionConfigPolicy = clusterPolicy(subscriptionConfigValid);

/**
 * The provider reads nodeCount back from the live count, so a group with an auto-scaling policy needs
 * `ignoreChanges: ["nodeGroups[<i>].nodeCount"]` (or a path covering it: `nodeGroups[*].nodeCount`, `nodeGroups`),
 * or every deploy undoes the scaling.
 */
export const autoScalingIgnoreChangesPolicy: ResourceValidationPolicy = {
  ...policyHeader("emr-auto-scaling-ignore-changes"),
  validateResource: forClusters((args, reportViolation) => {
    const view = sharedView(args.urn, args.props);
    if (!Array.isArray(view.nodeGroups)) return;
    const ignored = args.opts.ignoreChanges ?? [];
    for (const g of view.nodeGroups) {
      const path = `${g.path}.nodeCount`;
      if (g.autoScaling === true && !ignoreChangesCovers(ignored, path)) {
        reportViolation(`${path}: ${g.label} has an auto-scaling policy but its nodeCount is not ignored; every deploy would scale it back. Fix: add "${path}" to the resource's ignoreChanges option (EmrCluster does this).`, args.urn);
      }
    }
  }),
};
