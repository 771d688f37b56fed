// breaks: emr-auto-scaling-max-capacity
// An auto-scaling policy with no maxCapacity: the API then lets the group grow to 2000 nodes (cap 100). The cost of
// 2006 nodes is acknowledged; the cap is not.
import { exampleCluster } from "./lib/base";

exampleCluster(
  "scaling-cap",
  (args) => {
    args.nodeGroups[2].autoScalingPolicy = { constraints: { minCapacity: 2 } };
    args.tags = { ...args.tags, "emr-guard:ack-cluster-nodes": "2006" };
  },
  { opts: { ignoreChanges: ["nodeGroups[2].nodeCount"] } },
);
