/** Hive metastore guardrails: per resource (type set, Spark = Hive, HA external) and per stack (RDS VPC, password). */
import type { StackValidationPolicy } from "@pulumi/policy";
import { clusterPolicy } from "./cluster-policy";
import { otherPolicy } from "./rules/catalog";
import { TYPES, checkJdbcPasswordSource, checkMetastoreRdsVpc, METASTORE } from "./rules/index";
import { haExternalMetastore, hiveMetastoreType, sparkMetastoreMatchesHive } from "./rules/metastore";
import { clustersOf, derivedFrom, derivedOfType, propsOf, vpcRef } from "./stack-graph";

export const hiveMetastoreTypePolicy = clusterPolicy(hiveMetastoreType);
export const sparkMetastorePolicy = clusterPolicy(sparkMetastoreMatchesHive);
export const haExternalMetastorePolicy = clusterPolicy(haExternalMetastore);

export const metastoreRdsSameVpcPolicy: StackValidationPolicy = {
  name: "emr-metastore-rds-same-vpc",
  description: "Checks whether the ApsaraDB RDS instance of a USER_RDS Hive metastore, when in the stack, is in the cluster's VPC.",
  enforcementLevel: otherPolicy("emr-metastore-rds-same-vpc").level,
  validateStack: (args, reportViolation) => {
    for (const { resource, view } of clustersOf(args.resources)) {
      const instances = derivedOfType(resource, "applicationConfigs", TYPES.rdsInstance);
      if (!instances.length) continue;
      const attrs = propsOf(resource).nodeAttributes;
      const clusterVpcId = Array.isArray(attrs) && attrs[0] && typeof attrs[0] === "object" ? (attrs[0] as Record<string, unknown>).vpcId : view.vpcId;
      const problems = checkMetastoreRdsVpc(
        vpcRef(resource, "nodeAttributes", clusterVpcId),
        instances.map((i) => ({ name: i.name, vpc: vpcRef(i, "vpcId", propsOf(i).vpcId) })),
      );
      for (const p of problems) reportViolation(`${p.path}: cluster "${resource.name}": ${p.message}. Fix: ${p.fix}.`, resource.urn);
    }
  },
};

export const metastorePasswordSourcePolicy: StackValidationPolicy = {
  name: "emr-metastore-password-source",
  description: `Checks whether the Hive metastore JDBC password (${METASTORE.jdbc.password}) of a cluster written without EmrCluster is derived from a resource of the stack (the pack cannot tell a secret from a literal).`,
  enforcementLevel: otherPolicy("emr-metastore-password-source").level,
  validateStack: (args, reportViolation) => {
    for (const { resource, view } of clustersOf(args.resources)) {
      const source = { applicationConfigsDependsOn: derivedFrom(resource, "applicationConfigs").map((r) => r.urn), builtByComponent: resource.parent?.type === TYPES.component };
      for (const p of checkJdbcPasswordSource(view, source)) reportViolation(`${p.path}: cluster "${resource.name}": ${p.message}. Fix: ${p.fix}.`, resource.urn);
    }
  },
};
