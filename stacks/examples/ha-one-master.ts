// breaks: emr-deploy-mode-masters
// An HA cluster with a single MASTER node: no standby to switch to.
import { exampleCluster } from "./lib/base";

exampleCluster("ha-one-master", (args) => {
  args.nodeGroups[0].nodeCount = 1;
});
