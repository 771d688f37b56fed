/**
 * The cluster's security group must be a normal one: EMR refuses enterprise security groups at creation. A stack
 * policy, so the group can be found through the cluster's propertyDependencies even while its ID is unknown.
 */
import type { StackValidationPolicy } from "@pulumi/policy";
import { otherPolicy } from "./rules/catalog";
import { TYPES, UNKNOWN } from "./rules/index";
import { clustersOf, derivedOfType, propsOf } from "./stack-graph";

export const securityGroupNormalPolicy: StackValidationPolicy = {
  name: "emr-security-group-normal",
  description: "Checks whether the security group an EMR cluster uses, when created in the stack, is a normal (not enterprise) security group.",
  enforcementLevel: otherPolicy("emr-security-group-normal").level,
  validateStack: (args, reportViolation) => {
    for (const { resource } of clustersOf(args.resources)) {
      for (const sg of derivedOfType(resource, "nodeAttributes", TYPES.securityGroup)) {
        const type = propsOf(sg).securityGroupType;
        if (type === UNKNOWN || type === undefined || type === "normal") continue;
        reportViolation(
          `nodeAttributes[0].securityGroupId: cluster "${resource.name}" uses security group "${sg.name}" of type ${JSON.stringify(type)}; EMR accepts only normal security groups and creation would fail. Fix: set securityGroupType: "normal" on "${sg.name}", or use another normal group.`,
          resource.urn,
        );
      }
    }
  },
};

export const securityGroupExternalPolicy: StackValidationPolicy = {
  name: "emr-security-group-external",
  description: "Checks whether the security group of an EMR cluster can be verified in the stack; an external one must be checked to be a normal group by hand.",
  enforcementLevel: otherPolicy("emr-security-group-external").level,
  validateStack: (args, reportViolation) => {
    for (const { resource, view } of clustersOf(args.resources)) {
      if (derivedOfType(resource, "nodeAttributes", TYPES.securityGroup).length) continue;
      const id = view.securityGroupId;
      const what = typeof id === "string" ? `security group ${id}` : "its security group";
      reportViolation(
        `nodeAttributes[0].securityGroupId: cluster "${resource.name}" uses ${what}, which is not created in this stack, so the pack cannot see its type. Fix: make sure it is a normal security group (EMR refuses enterprise ones), or let EmrCluster create one.`,
        resource.urn,
      );
    }
  },
};
