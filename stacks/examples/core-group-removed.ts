// breaks: emr-core-group
// The CORE group removed: a cluster needs at least one CORE node.
import { exampleCluster } from "./lib/base";

exampleCluster("no-core", (args) => {
  args.nodeGroups = args.nodeGroups.filter((g: { nodeGroupType: string }) => g.nodeGroupType !== "CORE");
});
