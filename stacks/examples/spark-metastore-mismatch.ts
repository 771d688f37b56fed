// breaks: emr-spark-metastore-matches-hive
// SPARK3 on another metastore than HIVE: Spark would not see Hive's tables.
import { exampleCluster, metastoreItem } from "./lib/base";

exampleCluster("spark-mismatch", (args) => {
  args.applicationConfigs[1] = metastoreItem("SPARK3", "hive-site.xml", "hive.metastore.type", "USER_RDS");
});
