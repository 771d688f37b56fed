// breaks: emr-core-group
// An HDFS cluster without its CORE group: HDFS keeps its data on CORE nodes.
import { exampleCluster } from "./lib/base";

exampleCluster("no-core", (args) => {
  args.applications = args.applications.map((a: string) => (a === "OSS-HDFS" ? "HDFS" : a));
  args.applicationConfigs = args.applicationConfigs.filter((c: { applicationName: string }) => c.applicationName !== "OSS-HDFS");
  args.nodeGroups = args.nodeGroups.filter((g: { nodeGroupType: string }) => g.nodeGroupType !== "CORE");
});
