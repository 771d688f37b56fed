// breaks: emr-node-group-creation-cap, emr-node-group-size-ack
// A CORE group of 60 nodes at creation (cap 50), without an acknowledgement (threshold 30).
import { exampleCluster } from "./lib/base";

exampleCluster("node-group-cap", (args) => {
  args.nodeGroups[1].nodeCount = 60;
});
