// breaks: emr-auto-scaling-ignore-changes
// An auto-scaled TASK group whose nodeCount is not ignored: every deploy would undo the scaling (advisory).
import { exampleCluster } from "./lib/base";

exampleCluster("scaling-drift", (args) => {
  args.nodeGroups[2].autoScalingPolicy = { constraints: { minCapacity: 2, maxCapacity: 20 } };
});
