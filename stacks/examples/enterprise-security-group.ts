// breaks: emr-security-group-normal
// The cluster uses an enterprise security group created in the same stack (its ID is unknown during preview).
import { exampleCluster } from "./lib/base";

exampleCluster("enterprise-sg", () => undefined, { securityGroup: { vpcId: "vpc-bp1exampleplaceholder", securityGroupType: "enterprise" } });
