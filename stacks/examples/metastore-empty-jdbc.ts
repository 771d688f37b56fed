// breaks: emr-hive-metastore-type
// A USER_RDS metastore whose JDBC items are there but empty: the metastore has nothing to connect to.
import { exampleCluster, metastoreItem, ossHdfsRoot } from "./lib/base";

exampleCluster("empty-jdbc", (args) => {
  args.applicationConfigs = [
    ossHdfsRoot,
    metastoreItem("HIVE", "hivemetastore-site.xml", "hive.metastore.type", "USER_RDS"),
    metastoreItem("HIVE", "hivemetastore-site.xml", "javax.jdo.option.ConnectionURL", ""),
    metastoreItem("HIVE", "hivemetastore-site.xml", "javax.jdo.option.ConnectionUserName", ""),
    metastoreItem("SPARK3", "hive-site.xml", "hive.metastore.type", "USER_RDS"),
  ];
});
