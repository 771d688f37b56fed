// breaks: nothing
// A 40-node CORE group whose tags (and with them its acknowledgement) are not known at preview: the pack cannot tell
// yet, so it does not report a violation (it did before issue 17).
import * as alicloud from "@pulumi/alicloud";
import { exampleCluster } from "./lib/base";

const owner = new alicloud.ecs.SecurityGroup("tags-owner-sg", { vpcId: "vpc-bp1exampleplaceholder", securityGroupType: "normal" });

exampleCluster("unknown-tags", (args) => {
  args.nodeGroups[1].nodeCount = 40;
  args.tags = owner.id.apply(() => ({ example: "true", "emr-guard:ack-node-count": "40" }));
});
