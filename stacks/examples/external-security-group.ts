// breaks: emr-security-group-external
// The cluster uses a security group from outside the stack: its type cannot be checked (advisory).
import { exampleCluster } from "./lib/base";

exampleCluster("external-sg", () => undefined, { securityGroup: false });
