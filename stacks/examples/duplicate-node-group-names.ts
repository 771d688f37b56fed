// breaks: emr-node-group-names-unique
// Two node groups named "task": the provider matches node groups by name.
import { exampleCluster, group } from "./lib/base";

exampleCluster("twin-groups", (args) => {
  args.nodeGroups.push(group("TASK", "task", 2));
});
