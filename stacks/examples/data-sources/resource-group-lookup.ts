// Puts a compliant cluster in a resource group looked up as the provider's emrv2.Cluster example does
// (resourcemanager.getResourceGroups({ status: "OK" }), then ids[0]), and its zone from getZones (zones[0].id).
import * as alicloud from "@pulumi/alicloud";
import { compliantArgs } from "../lib/base";

const resourceGroups = alicloud.resourcemanager.getResourceGroups({ status: "OK" });
const zones = alicloud.getZones({ availableInstanceType: "ecs.g7.2xlarge" });

const securityGroup = new alicloud.ecs.SecurityGroup("rg-lookup-sg", { vpcId: "vpc-bp1exampleplaceholder", securityGroupType: "normal" });
const args = compliantArgs("rg-lookup", securityGroup.id);
args.resourceGroupId = resourceGroups.then((rg) => rg.ids[0]);
args.nodeAttributes = [{ ...args.nodeAttributes[0], zoneId: zones.then((z) => z.zones[0].id) }];
export const cluster = new alicloud.emrv2.Cluster("rg-lookup", args, { protect: true }).id;
