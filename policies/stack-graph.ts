/**
 * Reading the resource graph a stack policy gets: which resources a cluster's property was derived from
 * (propertyDependencies), and what a VPC reference resolves to. This is how the pack resolves IDs that are unknown
 * during preview (a security group or RDS instance created in the same stack).
 */
import type { PolicyResource } from "@pulumi/policy";
import { isKnown, TYPES, type ClusterView, type VpcRef } from "./rules/index";
import { sharedProps, sharedView } from "./props";

export const VPC_TYPE = "alicloud:vpc/network:Network";

export interface ClusterNode {
  resource: PolicyResource;
  view: ClusterView;
}

export function clustersOf(resources: readonly PolicyResource[]): ClusterNode[] {
  return resources.filter((r) => r.type === TYPES.cluster).map((resource) => ({ resource, view: sharedView(resource.urn, resource.props) }));
}

/** The resources a top-level property of `resource` was derived from. */
export function derivedFrom(resource: PolicyResource, property: string): PolicyResource[] {
  return resource.propertyDependencies?.[property] ?? [];
}

/** Resources of `type` that `property` was derived from, directly or through one intermediate resource. */
export function derivedOfType(resource: PolicyResource, property: string, type: string): PolicyResource[] {
  const found = new Map<string, PolicyResource>();
  for (const dep of derivedFrom(resource, property)) {
    if (dep.type === type) found.set(dep.urn, dep);
    for (const second of dep.dependencies ?? []) if (second.type === type) found.set(second.urn, second);
  }
  return [...found.values()];
}

/** A VPC reference from a known ID, or from the VPC resources the property was derived from. */
export function vpcRef(resource: PolicyResource, property: string, id: unknown): VpcRef {
  if (typeof id === "string" && isKnown(id)) return { id };
  return { fromUrns: derivedOfType(resource, property, VPC_TYPE).map((r) => r.urn) };
}

/** A resource's props as plain data (unknowns as the rules' marker). */
export function propsOf(resource: PolicyResource): Record<string, unknown> {
  const p = sharedProps(resource.urn, resource.props);
  return p !== null && typeof p === "object" ? (p as Record<string, unknown>) : {};
}
