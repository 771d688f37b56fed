// breaks: emr-node-group-roles
// A GATEWAY group in a DATALAKE cluster, which refuses it.
import { exampleCluster, group } from "./lib/base";

exampleCluster("datalake-gateway", (args) => {
  args.nodeGroups.push(group("GATEWAY", "gateway", 1));
});
