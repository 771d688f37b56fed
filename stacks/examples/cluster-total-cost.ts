// breaks: emr-cluster-total-nodes-ack
// Four acknowledged 30-node TASK groups: 128 nodes in total, above the 100-node cost threshold without a cost acknowledgement.
import { exampleCluster, group } from "./lib/base";

exampleCluster("total-cost", (args) => {
  for (const n of [1, 2, 3, 4]) args.nodeGroups.push(group("TASK", `batch${n}`, 30));
});
