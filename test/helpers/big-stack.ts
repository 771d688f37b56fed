/**
 * The stack the pack's cost is measured on (issue 12's goal, policies/README.md): 999 resources, 333 HA clusters each
 * with its security group and RDS metastore instance, as the CLI sends them to a pack (URNs, dependencies and
 * propertyDependencies included).
 */
import type { AnalyzerResourceInput } from "../../check/pack/pack-runner";
import { buildUrn } from "../../policies/engine";
import { haClusterProps } from "./cluster-props";

export function clusterStack(clusters = 333): AnalyzerResourceInput[] {
  const out: AnalyzerResourceInput[] = [];
  for (let c = 0; c < clusters; c++) {
    const urn = (type: string, name: string) => buildUrn({ stack: "prod", project: "emr-clusters", type, name });
    const sg = { type: "alicloud:ecs/securityGroup:SecurityGroup", name: `sg-${c}`, urn: urn("alicloud:ecs/securityGroup:SecurityGroup", `sg-${c}`), properties: { vpcId: "vpc-bp1bench", securityGroupType: "normal", securityGroupName: `lake-${c}-emr` } };
    const rds = { type: "alicloud:rds/instance:Instance", name: `rds-${c}`, urn: urn("alicloud:rds/instance:Instance", `rds-${c}`), properties: { engine: "MySQL", engineVersion: "5.7", instanceType: "mysql.n2.medium.2c", instanceStorage: 50, vpcId: "vpc-bp1bench", vswitchId: "vsw-bp1bench", securityGroupIds: ["sg-bp1bench"] } };
    const props = { ...haClusterProps(), clusterName: `lake-${c}` };
    const cluster = {
      type: "alicloud:emrv2/cluster:Cluster", name: `lake-${c}`, urn: urn("alicloud:emrv2/cluster:Cluster", `lake-${c}`), properties: props, protect: true,
      ignoreChanges: ["nodeGroups[2].nodeCount"], dependencies: [sg.urn, rds.urn], propertyDependencies: { nodeAttributes: [sg.urn], applicationConfigs: [rds.urn] },
    };
    out.push(sg, rds, cluster);
  }
  return out;
}
