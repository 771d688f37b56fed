// breaks: emr-vswitch-ids
// A TASK group without VSwitchIds: the API refuses it with "InvalidParameter: VSwitchIds is not valid".
import { exampleCluster } from "./lib/base";

exampleCluster("no-vswitch", (args) => {
  delete args.nodeGroups[2].vswitchIds;
});
