// breaks: emr-ha-external-metastore
// An HA cluster keeping the Hive metastore on its master nodes (LOCAL).
import { exampleCluster, metastoreItem, ossHdfsRoot } from "./lib/base";

exampleCluster("ha-local-meta", (args) => {
  args.applicationConfigs = [
    ossHdfsRoot,
    metastoreItem("HIVE", "hivemetastore-site.xml", "hive.metastore.type", "LOCAL"),
    metastoreItem("SPARK3", "hive-site.xml", "hive.metastore.type", "LOCAL"),
  ];
});
