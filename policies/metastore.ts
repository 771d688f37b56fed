/** Hive metastore guardrails: per resource (type set, Spark = Hive, HA external) and per stack (RDS VPC, password). */
import type { StackValidationPolicy } from "@pulumi/policy";
import { clusterPolicy } from "./cluster-policy";
import { TYPES, checkJdbcPasswordSource, checkMetastoreRdsVpc, METASTORE } from "./rules/index";
import { haExternalMetastore, hiveMetastoreType, sparkMetastoreMatchesHive } from "./rules/metastore";
import { clustersOf, derivedFrom, derivedOfType, propsOf, vpcRef } from "./stack-graph";

export const hiveMetastoreTypePolicy = clusterPolicy(hiveMetastoreType, { enforcementLevel: "mandatory" });
export const sparkMetastorePolicy = clusterPolicy(sparkMetastoreMatchesHive, { enforcementLevel: "mandatory" });
export const haExternalMetastorePolicy = clusterPolicy(haExternalMetastore, { enforcementLevel: "mandatory" });

export const metastoreRdsSameVpcPolicy: StackValidationPolicy = {
  name: "emr-metastore-rds-same-vpc",
  description: "Checks whether the ApsaraDB RDS instance of a USER_RDS Hive metastore, when in the stack, is in the cluster's VPC.",
  enforcementLevel: "mandatory",
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
  description: `Checks whether the Hive metastore JDBC password (${METASTORE.jdbc.password}) is derived from a resource or a secret, not written into the program as a literal.`,
  enforcementLevel: "advisory",
  validateStack: (args, reportViolation) => {
    for (const { resource, view } of clustersOf(args.resources)) {
      const deps = derivedFrom(resource, "applicationConfigs").map((r) => r.urn);
      for (const p of checkJdbcPasswordSource(view, deps)) reportViolation(`${p.path}: cluster "${resource.name}": ${p.message}. Fix: ${p.fix}.`, resource.urn);
    }
  },
};
