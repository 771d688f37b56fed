/** Hive metastore guardrails: per resource (type set, Spark = Hive, HA external) and per stack (RDS VPC, password). */
import type { StackValidationPolicy } from "@pulumi/policy";
import { clusterPolicy, policyHeader } from "./cluster-policy";
import { TYPES, checkJdbcPasswordSource, checkMetastoreRdsVpc, METASTORE } from "./rules/index";
import { haExternalMetastore, hiveMetastoreType, sparkMetastoreMatchesHive } from "./rules/metastore";
import { clustersOf, derivedFrom, derivedOfType, propsOf, vpcRef } from "./stack-graph";

export const hiveMetastoreTypePolicy = clusterPolicy(hiveMetastoreType);
export const sparkMetastorePolicy = clusterPolicy(sparkMetastoreMatchesHive);
export const haExternalMetastorePolicy = clusterPolicy(haExternalMetastore);

export const metastoreRdsSameVpcPolicy: StackValidationPolicy = {
  ...policyHeader("emr-metastore-rds-same-vpc"),
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
  ...policyHeader("emr-metastore-password-source"),
  validateStack: (args, reportViolation) => {
    for (const { resource, view } of clustersOf(args.resources)) {
      const source = { applicationConfigsDependsOn: derivedFrom(resource, "applicationConfigs").map((r) => r.urn), builtByComponent: resource.parent?.type === TYPES.component };
      for (const p of checkJdbcPasswordSource(view, source)) reportViolation(`${p.path}: cluster "${resource.name}": ${p.message}. Fix: ${p.fix}.`, resource.urn);
    }
  },
};
