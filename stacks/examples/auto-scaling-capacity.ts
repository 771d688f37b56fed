// breaks: emr-auto-scaling-max-capacity
// An auto-scaling policy allowed to grow to 300 nodes (cap 100).
import { exampleCluster } from "./lib/base";

exampleCluster(
  "scaling-cap",
  (args) => {
    args.nodeGroups[2].autoScalingPolicy = { constraints: { minCapacity: 2, maxCapacity: 300 } };
  },
  { opts: { ignoreChanges: ["nodeGroups[2].nodeCount"] } },
);
