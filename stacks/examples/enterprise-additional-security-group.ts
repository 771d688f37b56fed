// breaks: emr-security-group-normal
// The cluster's own security group is normal, but a node group lists an enterprise one (created in the same stack)
// in additionalSecurityGroupIds.
import * as alicloud from "@pulumi/alicloud";
import { exampleCluster } from "./lib/base";

const extra = new alicloud.ecs.SecurityGroup("extra-sg", { vpcId: "vpc-bp1exampleplaceholder", securityGroupType: "enterprise" });

exampleCluster("extra-sg", (args) => {
  args.nodeGroups[2].additionalSecurityGroupIds = [extra.id];
});
