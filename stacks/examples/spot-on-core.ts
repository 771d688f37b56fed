// breaks: emr-spot-and-auto-scaling-task-only
// Spot instances on the CORE group, which holds HDFS data.
import { exampleCluster } from "./lib/base";

exampleCluster("spot-core", (args) => {
  args.nodeGroups[1].spotStrategy = "SpotAsPriceGo";
});
