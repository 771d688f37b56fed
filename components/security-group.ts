/**
 * The cluster's security group when the user does not bring one. EMR accepts only a **normal** security group
 * (an enterprise one fails creation), so the type is set explicitly rather than left to the provider's default.
 */
import * as ecs from "@pulumi/alicloud/ecs";
import * as pulumi from "@pulumi/pulumi";

export function createSecurityGroup(name: string, parent: pulumi.Resource, vpcId: pulumi.Input<string>, clusterName: string): ecs.SecurityGroup {
  return new ecs.SecurityGroup(
    `${name}-sg`,
    {
      vpcId,
      securityGroupType: "normal",
      securityGroupName: `${clusterName}-emr`,
      description: `EMR cluster ${clusterName} (managed by emr-as-code)`,
      innerAccessPolicy: "Accept",
    },
    // The cluster's nodes use it until the cluster is released; a delete would hang on DependencyViolation.
    { parent, retainOnDelete: true },
  );
}
