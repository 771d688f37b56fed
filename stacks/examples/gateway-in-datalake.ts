// breaks: emr-node-group-roles
// A GATEWAY group in a DATALAKE cluster of EMR-5.9.0: DATALAKE accepts gateway groups from EMR-5.10.1.
import { exampleCluster, group } from "./lib/base";

exampleCluster("datalake-gateway", (args) => {
  args.releaseVersion = "EMR-5.9.0";
  args.nodeGroups.push(group("GATEWAY", "gateway", 1));
});
