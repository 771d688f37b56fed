/**
 * The security groups of a cluster must be normal ones: EMR refuses enterprise security groups at creation. Stack
 * policies, so a group can be found through the cluster's propertyDependencies even while its ID is unknown: the
 * cluster's own group (nodeAttributes) and the extra groups of its node groups (additionalSecurityGroupIds).
 */
import { policyHeader } from "./cluster-policy";
import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { TYPES, UNKNOWN } from "./rules/index";
import { clustersOf, derivedFrom, derivedOfType, propsOf } from "./stack-graph";

/** The node groups that list additional security groups: their path and label, and the IDs written as text. */
function groupsWithAdditional(resource: PolicyResource): { path: string; label: string; ids: unknown[] }[] {
  const groups = propsOf(resource).nodeGroups;
  if (!Array.isArray(groups)) return [];
  return groups.flatMap((g, i) => {
    const ids = g !== null && typeof g === "object" ? (g as Record<string, unknown>).additionalSecurityGroupIds : undefined;
    if (!Array.isArray(ids) || !ids.length) return [];
    const name = (g as Record<string, unknown>).nodeGroupName;
    return [{ path: `nodeGroups[${i}].additionalSecurityGroupIds`, label: typeof name === "string" ? `node group "${name}"` : `nodeGroups[${i}]`, ids }];
  });
}

/** The security groups of the stack a node group's additionalSecurityGroupIds were derived from (directly). */
function additionalGroupsInStack(resource: PolicyResource): PolicyResource[] {
  return derivedFrom(resource, "nodeGroups").filter((r) => r.type === TYPES.securityGroup);
}

const notNormal = (sg: PolicyResource): unknown => {
  const type = propsOf(sg).securityGroupType;
  return type === UNKNOWN || type === undefined || type === "normal" ? undefined : type;
};

export const securityGroupNormalPolicy: StackValidationPolicy = {
  ...policyHeader("emr-security-group-normal"),
  validateStack: (args, reportViolation) => {
    for (const { resource } of clustersOf(args.resources)) {
      for (const sg of derivedOfType(resource, "nodeAttributes", TYPES.securityGroup)) {
        const type = notNormal(sg);
        if (type === undefined) continue;
        reportViolation(
          `nodeAttributes[0].securityGroupId: cluster "${resource.name}" uses security group "${sg.name}" of type ${JSON.stringify(type)}; EMR accepts only normal security groups and creation would fail. Fix: set securityGroupType: "normal" on "${sg.name}", or use another normal group.`,
          resource.urn,
        );
      }
      const listing = groupsWithAdditional(resource);
      for (const sg of additionalGroupsInStack(resource)) {
        const type = notNormal(sg);
        if (type === undefined) continue;
        // The props say which groups list extra security groups, not which ID is which while IDs are unknown.
        const where = listing.length === 1 ? listing[0] : undefined;
        const who = where ? where.label : listing.length ? `one of ${listing.map((l) => l.label).join(", ")}` : "a node group";
        reportViolation(
          `${where ? where.path : "nodeGroups[].additionalSecurityGroupIds"}: cluster "${resource.name}": ${who} lists security group "${sg.name}" of type ${JSON.stringify(type)} in additionalSecurityGroupIds; EMR accepts only normal security groups and creation would fail. Fix: set securityGroupType: "normal" on "${sg.name}", or list a normal group instead.`,
          resource.urn,
        );
      }
    }
  },
};

export const securityGroupExternalPolicy: StackValidationPolicy = {
  ...policyHeader("emr-security-group-external"),
  validateStack: (args, reportViolation) => {
    for (const { resource, view } of clustersOf(args.resources)) {
      if (!derivedOfType(resource, "nodeAttributes", TYPES.securityGroup).length) {
        const id = view.securityGroupId;
        const what = typeof id === "string" ? `security group ${id}` : "its security group";
        reportViolation(
          `nodeAttributes[0].securityGroupId: cluster "${resource.name}" uses ${what}, which is not created in this stack, so the pack cannot see its type. Fix: make sure it is a normal security group (EMR refuses enterprise ones), or let EmrCluster create one.`,
          resource.urn,
        );
      }
      // Extra groups written as IDs, with none of them derived from a group of the stack: none can be verified.
      if (additionalGroupsInStack(resource).length) continue;
      for (const g of groupsWithAdditional(resource)) {
        const ids = g.ids.filter((id): id is string => typeof id === "string");
        if (!ids.length) continue;
        reportViolation(
          `${g.path}: cluster "${resource.name}": ${g.label} lists security group${ids.length > 1 ? "s" : ""} ${ids.join(", ")}, not created in this stack, so the pack cannot see ${ids.length > 1 ? "their" : "its"} type. Fix: make sure ${ids.length > 1 ? "they are" : "it is"} normal (EMR refuses enterprise ones), or create ${ids.length > 1 ? "them" : "it"} in the stack.`,
          resource.urn,
        );
      }
    }
  },
};
