// breaks: emr-cluster-total-nodes-ack
// A TASK group whose auto-scaling policy is not known at preview, beside groups that already count 106 nodes: the
// known part alone is above the 100-node cost threshold, so the unknown group does not hide it.
import * as alicloud from "@pulumi/alicloud";
import { exampleCluster, group } from "./lib/base";

const marker = new alicloud.ecs.SecurityGroup("scaling-marker-sg", { vpcId: "vpc-bp1exampleplaceholder", securityGroupType: "normal" });

exampleCluster("total-partly-unknown", (args) => {
  args.tags["emr-guard:ack-node-count"] = "98";
  args.nodeGroups.push(group("TASK", "batch", 98));
  args.nodeGroups[2].autoScalingPolicy = marker.id.apply(() => ({ constraints: { minCapacity: 2, maxCapacity: 10 } }));
});
