// breaks: emr-node-group-creation-cap
// A CORE group of 40 nodes: under the creation cap, above the acknowledgement threshold, and acknowledged only up to 35.
import { exampleCluster } from "./lib/base";

exampleCluster("size-ack", (args) => {
  args.nodeGroups[1].nodeCount = 40;
  args.tags["emr-guard:ack-node-count"] = "35";
});
