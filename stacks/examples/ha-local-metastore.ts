// breaks: emr-ha-external-metastore
// An HA cluster keeping the Hive metastore on its master nodes (LOCAL).
import { exampleCluster, metastoreItem } from "./lib/base";

exampleCluster("ha-local-meta", (args) => {
  args.applicationConfigs = [
    metastoreItem("HIVE", "hivemetastore-site.xml", "hive.metastore.type", "LOCAL"),
    metastoreItem("SPARK3", "hive-site.xml", "hive.metastore.type", "LOCAL"),
  ];
});
