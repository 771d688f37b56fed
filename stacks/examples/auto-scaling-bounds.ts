// breaks: emr-auto-scaling-bounds
// An auto-scaled TASK group whose nodeCount (1) is below its minCapacity (2).
import { exampleCluster } from "./lib/base";

exampleCluster(
  "scaling-bounds",
  (args) => {
    args.nodeGroups[2].nodeCount = 1;
    args.nodeGroups[2].autoScalingPolicy = { constraints: { minCapacity: 2, maxCapacity: 20 } };
  },
  { opts: { ignoreChanges: ["nodeGroups[*].nodeCount"] } },
);
