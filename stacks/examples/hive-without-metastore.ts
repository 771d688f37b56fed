// breaks: emr-hive-metastore-type, emr-spark-metastore-matches-hive
// HIVE and SPARK3 installed without any hive.metastore.type item: the API fails with "ApplicationConfigs missing item".
import { exampleCluster, ossHdfsRoot } from "./lib/base";

exampleCluster("no-metastore", (args) => {
  args.applicationConfigs = [ossHdfsRoot];
});
