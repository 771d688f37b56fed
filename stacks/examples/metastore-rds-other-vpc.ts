// breaks: emr-metastore-rds-same-vpc
// A USER_RDS metastore on an ApsaraDB RDS instance created in another VPC.
import * as alicloud from "@pulumi/alicloud";
import * as pulumi from "@pulumi/pulumi";
import { exampleCluster, metastoreItem, ossHdfsRoot } from "./lib/base";

const rds = new alicloud.rds.Instance("far-metastore", {
  engine: "MySQL",
  engineVersion: "5.7",
  instanceType: "mysql.n2.medium.2c",
  instanceStorage: 50,
  vpcId: "vpc-bp1otherplaceholder",
  vswitchId: "vsw-bp1otherplaceholder",
});
const password = new alicloud.rds.RdsAccount("far-metastore-account", { dbInstanceId: rds.id, accountName: "hive", accountPassword: pulumi.secret("Generated0Example1") });

exampleCluster("far-metastore", (args) => {
  args.applicationConfigs = [
    ossHdfsRoot,
    metastoreItem("HIVE", "hivemetastore-site.xml", "hive.metastore.type", "USER_RDS"),
    metastoreItem("HIVE", "hivemetastore-site.xml", "javax.jdo.option.ConnectionURL", pulumi.interpolate`jdbc:mysql://${rds.connectionString}:3306/hivemeta`),
    metastoreItem("HIVE", "hivemetastore-site.xml", "javax.jdo.option.ConnectionUserName", password.accountName),
    metastoreItem("HIVE", "hivemetastore-site.xml", "javax.jdo.option.ConnectionPassword", password.accountPassword.apply((p) => p ?? "")),
    metastoreItem("SPARK3", "hive-site.xml", "hive.metastore.type", "USER_RDS"),
  ];
});
