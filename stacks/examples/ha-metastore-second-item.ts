// breaks: emr-ha-external-metastore, emr-hive-metastore-type
// An HA cluster with a second hive.metastore.type item for HIVE, LOCAL after DLF: every item counts, and two
// different values for one key are refused.
import { exampleCluster, metastoreItem } from "./lib/base";

exampleCluster("ha-second-item", (args) => {
  args.applicationConfigs.push(metastoreItem("HIVE", "hivemetastore-site.xml", "hive.metastore.type", "LOCAL"));
});
