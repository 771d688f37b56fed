// Looks up its zone as the provider's own examples do (alicloud.getZones, then zones[0].id) and builds its network
// and a compliant cluster in it. Offline, the zone is a marked placeholder shaped like GetZonesResult.
import * as alicloud from "@pulumi/alicloud";
import { compliantArgs } from "../lib/base";

const zones = alicloud.getZones({ availableResourceCreation: "VSwitch", availableInstanceType: "ecs.g7.2xlarge" });
const zoneId = zones.then((z) => z.zones[0].id);

const network = new alicloud.vpc.Network("lookup", { vpcName: "emr-lookup", cidrBlock: "172.16.0.0/12" });
const vswitch = new alicloud.vpc.Switch("lookup", { vpcId: network.id, cidrBlock: "172.16.0.0/21", zoneId, vswitchName: "emr-lookup" });
const securityGroup = new alicloud.ecs.SecurityGroup("lookup-sg", { vpcId: network.id, securityGroupType: "normal" });

const args = compliantArgs("zones-lookup", securityGroup.id);
args.nodeAttributes = [{ ...args.nodeAttributes[0], vpcId: network.id, zoneId }];
args.nodeGroups = args.nodeGroups.map((g: Record<string, unknown>) => ({ ...g, vswitchIds: [vswitch.id] }));
export const cluster = new alicloud.emrv2.Cluster("zones-lookup", args, { protect: true }).id;
