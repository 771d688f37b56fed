/**
 * A generated stack of about 1,000 resources: 20 HA clusters (EmrCluster, with their security group and RDS
 * metastore) and, around each, the network and rules a real landing zone has (VPC, VSwitches, SG rules).
 */
import * as alicloud from "@pulumi/alicloud";
import { EmrCluster } from "../../components/cluster";
import { haSpec } from "./specs";

export function bigStackProgram(clusters = 20, rulesPerCluster = 31, vswitchesPerCluster = 10): () => void {
  return () => {
    for (let c = 0; c < clusters; c++) {
      const vpc = new alicloud.vpc.Network(`vpc-${c}`, { cidrBlock: `10.${c}.0.0/16`, vpcName: `lake-${c}` });
      const vsws = Array.from({ length: vswitchesPerCluster }, (_, i) => new alicloud.vpc.Switch(`vsw-${c}-${i}`, { vpcId: vpc.id, cidrBlock: `10.${c}.${i}.0/24`, zoneId: "cn-hangzhou-i" }));
      const spec = haSpec();
      const lake = new EmrCluster(`lake-${c}`, {
        ...spec,
        clusterName: `lake-${c}`,
        securityMode: "KERBEROS",
        nodeAttributes: { ...spec.nodeAttributes, vpcId: vpc.id },
        nodeGroups: spec.nodeGroups.map((g) => ({ ...g, vswitchIds: [vsws[0].id] })),
      });
      for (let r = 0; r < rulesPerCluster; r++) {
        new alicloud.ecs.SecurityGroupRule(`rule-${c}-${r}`, { type: "ingress", ipProtocol: "tcp", portRange: `${8000 + r}/${8000 + r}`, securityGroupId: lake.securityGroupId, cidrIp: `10.${c}.0.0/16` });
      }
    }
  };
}
