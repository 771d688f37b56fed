// breaks: emr-provider-schema
// A USER_RDS metastore whose RDS account and database names end in "_": the provider's patterns refuse them.
import * as alicloud from "@pulumi/alicloud";
import * as pulumi from "@pulumi/pulumi";
import { exampleCluster, metastoreItem, ossHdfsRoot } from "./lib/base";

const rds = new alicloud.rds.Instance("names-metastore", {
  engine: "MySQL",
  engineVersion: "5.7",
  instanceType: "mysql.n2.medium.2c",
  instanceStorage: 50,
  vpcId: "vpc-bp1exampleplaceholder",
  vswitchId: "vsw-bp1exampleplaceholder",
});
const database = new alicloud.rds.Database("names-metastore-db", { instanceId: rds.id, dataBaseName: "hivemeta_" });
const account = new alicloud.rds.RdsAccount("names-metastore-account", { dbInstanceId: rds.id, accountName: "hive_", accountPassword: pulumi.secret("Generated0Example1") });

exampleCluster("rds-names", (args) => {
  args.applicationConfigs = [
    ossHdfsRoot,
    metastoreItem("HIVE", "hivemetastore-site.xml", "hive.metastore.type", "USER_RDS"),
    metastoreItem("HIVE", "hivemetastore-site.xml", "javax.jdo.option.ConnectionURL", pulumi.interpolate`jdbc:mysql://${rds.connectionString}:3306/${database.dataBaseName}`),
    metastoreItem("HIVE", "hivemetastore-site.xml", "javax.jdo.option.ConnectionUserName", account.accountName),
    metastoreItem("HIVE", "hivemetastore-site.xml", "javax.jdo.option.ConnectionPassword", account.accountPassword.apply((p) => p ?? "")),
    metastoreItem("SPARK3", "hive-site.xml", "hive.metastore.type", "USER_RDS"),
  ];
});
