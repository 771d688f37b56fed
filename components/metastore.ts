/**
 * The Hive metastore on ApsaraDB RDS for MySQL (`USER_RDS`): instance, database, account with a generated password,
 * all in the cluster's VPC and reachable through the cluster's security group. Protected like the cluster: losing
 * the metastore loses every table definition. The instance and database carry `protect`, and every resource a
 * running cluster uses (instance, database, account, privilege) carries `retainOnDelete`, so no Pulumi operation
 * deletes them: a metastore leaving the program with its cluster is dropped from state and keeps serving it.
 */
import * as rds from "@pulumi/alicloud/rds";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import type { z } from "zod";
import type { rdsMetastoreSchema } from "./spec";

export type RdsMetastoreOptions = z.output<typeof rdsMetastoreSchema>;

export interface RdsMetastoreArgs {
  clusterName: string;
  vpcId: pulumi.Input<string>;
  zoneId: pulumi.Input<string>;
  vswitchId: pulumi.Input<string>;
  securityGroupId: pulumi.Input<string>;
  subscription: boolean;
  options: RdsMetastoreOptions;
  protect: boolean;
}

export interface RdsMetastore {
  instance: rds.Instance;
  database: rds.Database;
  account: rds.RdsAccount;
  /** The account's rights on the database: the cluster depends on it, since it initialises the schema at creation. */
  privilege: rds.AccountPrivilege;
  /** The JDBC settings EMR gets in hivemetastore-site.xml; `url` is `jdbc:mysql://<host>:<port>/<db>?...`, `password` a secret. */
  jdbc: { url: pulumi.Output<string>; userName: pulumi.Output<string>; password: pulumi.Output<string> };
}

export function createRdsMetastore(name: string, parent: pulumi.Resource, args: RdsMetastoreArgs): RdsMetastore {
  const { options } = args;
  // Letters and digits only: the password travels through JSON and XML config files on the nodes.
  const password = new random.RandomPassword(
    `${name}-metastore-password`,
    { length: 24, special: false, minUpper: 2, minLower: 2, minNumeric: 2 },
    { parent },
  );
  const instance = new rds.Instance(
    `${name}-metastore`,
    {
      engine: "MySQL",
      engineVersion: options.engineVersion,
      instanceType: options.instanceType,
      category: options.category,
      instanceStorage: options.storageGiB,
      dbInstanceStorageType: options.storageType,
      instanceName: `${args.clusterName}-hive-metastore`,
      instanceChargeType: args.subscription ? "Prepaid" : "Postpaid",
      // The provider honours deletionProtection only on Postpaid instances (on Prepaid it reads back false: a
      // permanent diff); a Prepaid metastore relies on protect + retainOnDelete.
      ...(args.subscription ? { period: 12, autoRenew: true } : { deletionProtection: true }),
      vpcId: args.vpcId,
      vswitchId: args.vswitchId,
      zoneId: args.zoneId,
      securityGroupIds: [args.securityGroupId],
    },
    // Its network is fixed at creation: vswitchId and zoneId are ForceNew in the provider, so following an edit of
    // the node groups' vSwitches (which the provider never applies to the cluster either) would replace the metastore.
    { parent, protect: args.protect, retainOnDelete: true, ignoreChanges: ["vswitchId", "zoneId"] },
  );
  const database = new rds.Database(
    `${name}-metastore-db`,
    { instanceId: instance.id, dataBaseName: options.databaseName, characterSet: "utf8mb4" },
    { parent, protect: args.protect, retainOnDelete: true },
  );
  const account = new rds.RdsAccount(
    `${name}-metastore-account`,
    { dbInstanceId: instance.id, accountName: options.accountName, accountPassword: password.result, accountType: "Normal" },
    // Deleting it (DeleteAccount) would cut the running cluster off its metastore.
    { parent, retainOnDelete: true },
  );
  const privilege = new rds.AccountPrivilege(
    `${name}-metastore-privilege`,
    { instanceId: instance.id, accountName: account.accountName, privilege: "ReadWrite", dbNames: [database.dataBaseName] },
    // Deleting it (RevokeAccountPrivilege) would take the metastore's rights away under the running cluster.
    { parent, retainOnDelete: true },
  );
  return {
    instance,
    database,
    account,
    privilege,
    jdbc: {
      url: pulumi.interpolate`jdbc:mysql://${instance.connectionString}:${instance.port}/${database.dataBaseName}?createDatabaseIfNotExist=true&characterEncoding=UTF-8`,
      userName: account.accountName,
      password: pulumi.secret(password.result),
    },
  };
}
