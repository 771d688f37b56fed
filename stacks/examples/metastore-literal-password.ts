// breaks: emr-metastore-password-source
// The Hive metastore JDBC password written into the program as a literal (advisory).
import { exampleCluster, metastoreItem, ossHdfsRoot } from "./lib/base";

exampleCluster("literal-password", (args) => {
  args.applicationConfigs = [
    ossHdfsRoot,
    metastoreItem("HIVE", "hivemetastore-site.xml", "hive.metastore.type", "USER_RDS"),
    metastoreItem("HIVE", "hivemetastore-site.xml", "javax.jdo.option.ConnectionURL", "jdbc:mysql://rm-bp1placeholder.mysql.rds.aliyuncs.com:3306/hivemeta"),
    metastoreItem("HIVE", "hivemetastore-site.xml", "javax.jdo.option.ConnectionUserName", "hive"),
    metastoreItem("HIVE", "hivemetastore-site.xml", "javax.jdo.option.ConnectionPassword", "NotASecret123"),
    metastoreItem("SPARK3", "hive-site.xml", "hive.metastore.type", "USER_RDS"),
  ];
});
