// breaks: emr-application-exclusion
// HDFS and OSS-HDFS installed together.
import { exampleCluster } from "./lib/base";

exampleCluster("two-hdfs", (args) => {
  args.applications.push("HDFS");
});
