// breaks: emr-node-group-creation-cap
// A CORE group of 60 nodes at creation (cap 50) without an acknowledgement: one violation, for its one fix.
import { exampleCluster } from "./lib/base";

exampleCluster("node-group-cap", (args) => {
  args.nodeGroups[1].nodeCount = 60;
});
