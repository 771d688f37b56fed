/** The Hive metastore: its type must be set, Spark's must match Hive's, and HA keeps it outside the cluster. */
import { METASTORE } from "./domain";
import { OutcomeBuilder, UNKNOWN } from "./types";
import type { ClusterRule } from "./rule";
import { knownApplications, MALFORMED, type ClusterView, type ConfigItemView, type Field } from "./view";

type ItemLookup = { value: Field<string>; path: string } | "unknown" | undefined;

/** Finds the `hive.metastore.type` item of an application in a config file. */
function metastoreItem(view: ClusterView, applicationName: string, configFileName: string): ItemLookup {
  if (view.applicationConfigs === UNKNOWN) return "unknown";
  if (!Array.isArray(view.applicationConfigs)) return undefined;
  let sawUnknown = false;
  for (const item of view.applicationConfigs) {
    if (item.configItemKey === UNKNOWN || item.applicationName === UNKNOWN) sawUnknown = true;
    if (matches(item, applicationName, configFileName)) return { value: item.configItemValue, path: `${item.path}.configItemValue` };
  }
  return sawUnknown ? "unknown" : undefined;
}

function matches(item: ConfigItemView, applicationName: string, configFileName: string): boolean {
  return item.applicationName === applicationName && item.configFileName === configFileName && item.configItemKey === METASTORE.key;
}

/** USER_RDS: the JDBC connection items must be in HIVE's hivemetastore-site.xml, or the metastore has nothing to connect to. */
function missingJdbcItems(view: ClusterView, out: OutcomeBuilder): void {
  if (!Array.isArray(view.applicationConfigs)) return;
  const items = view.applicationConfigs.filter((i) => i.applicationName === METASTORE.hive.applicationName && i.configFileName === METASTORE.hive.configFileName);
  if (view.applicationConfigs.some((i) => i.configItemKey === UNKNOWN || i.applicationName === UNKNOWN || i.configFileName === UNKNOWN)) return void out.unknown("applicationConfigs");
  const missing = Object.values(METASTORE.jdbc).filter((key) => !items.some((i) => i.configItemKey === key));
  if (missing.length) {
    out.fail(
      "applicationConfigs",
      `${METASTORE.key} is USER_RDS but ${missing.join(", ")} ${missing.length > 1 ? "are" : "is"} not set in ${METASTORE.hive.configFileName}: the metastore has no database to connect to`,
      `add { applicationName: "HIVE", configFileName: "${METASTORE.hive.configFileName}", configItemKey: "${missing[0]}", configItemValue: ... } for each, or metastore: { type: "USER_RDS" } in the EmrCluster spec (it creates the RDS and the items)`,
    );
  }
}

const hiveExample = `{ applicationName: "HIVE", configFileName: "${METASTORE.hive.configFileName}", configItemKey: "${METASTORE.key}", configItemValue: "DLF" }`;

export const hiveMetastoreType: ClusterRule = {
  name: "emr-hive-metastore-type",
  description: `Checks whether a cluster with HIVE sets ${METASTORE.key} in ${METASTORE.hive.configFileName} to LOCAL, USER_RDS or DLF, and USER_RDS with its JDBC connection items (URL, user name, password).`,
  kind: "validity",
  check(view) {
    const out = new OutcomeBuilder(this.name);
    if (view.applications === UNKNOWN) return out.unknown("applications").build();
    if (!knownApplications(view).includes(METASTORE.hive.applicationName)) return out.build();
    out.applies();
    if (view.applicationConfigs === MALFORMED) return out.fail("applicationConfigs", "applicationConfigs is not a list", `write it as a list, e.g. [${hiveExample}]`).build();
    const item = metastoreItem(view, METASTORE.hive.applicationName, METASTORE.hive.configFileName);
    if (item === "unknown") return out.unknown("applicationConfigs").build();
    if (!item) {
      return out.fail("applicationConfigs", `HIVE is installed but ${METASTORE.key} is not set in ${METASTORE.hive.configFileName}; the API fails with "ApplicationConfigs missing item"`, `add ${hiveExample} (or metastore: { type: "DLF" } in the EmrCluster spec)`).build();
    }
    if (item.value === UNKNOWN) return out.unknown(item.path).build();
    if (!(METASTORE.types as readonly unknown[]).includes(item.value)) {
      out.fail(item.path, `${METASTORE.key} is ${JSON.stringify(item.value)}; EMR knows ${METASTORE.types.join(", ")}`, 'use "USER_RDS" (ApsaraDB RDS), "DLF" (Data Lake Formation) or, for NORMAL clusters only, "LOCAL"');
    }
    if (item.value === "USER_RDS") missingJdbcItems(view, out);
    return out.build();
  },
};

export const sparkMetastoreMatchesHive: ClusterRule = {
  name: "emr-spark-metastore-matches-hive",
  description: `Checks whether a cluster with Spark sets ${METASTORE.key} in ${METASTORE.spark.configFileName}, equal to HIVE's.`,
  kind: "validity",
  check(view) {
    const out = new OutcomeBuilder(this.name);
    if (view.applications === UNKNOWN) return out.unknown("applications").build();
    const apps = knownApplications(view);
    const sparks = METASTORE.spark.applicationNames.filter((s) => apps.includes(s));
    if (!sparks.length) return out.build();
    out.applies();
    const hive = apps.includes(METASTORE.hive.applicationName) ? metastoreItem(view, METASTORE.hive.applicationName, METASTORE.hive.configFileName) : undefined;
    for (const spark of sparks) {
      const item = metastoreItem(view, spark, METASTORE.spark.configFileName);
      const example = `{ applicationName: "${spark}", configFileName: "${METASTORE.spark.configFileName}", configItemKey: "${METASTORE.key}", configItemValue: <HIVE's value> }`;
      if (item === "unknown" || hive === "unknown") {
        out.unknown("applicationConfigs");
        continue;
      }
      if (!item) {
        out.fail("applicationConfigs", `${spark} is installed but ${METASTORE.key} is not set in its ${METASTORE.spark.configFileName}`, `add ${example}`);
        continue;
      }
      if (item.value === UNKNOWN || (hive && hive.value === UNKNOWN)) {
        out.unknown(item.path);
        continue;
      }
      if (hive && item.value !== hive.value) {
        out.fail(item.path, `${spark} uses metastore ${String(item.value)} but HIVE uses ${String(hive.value)}; Spark would not see Hive's tables`, `set ${spark}'s ${METASTORE.key} to "${String(hive.value)}"`);
      }
    }
    return out.build();
  },
};

export const haExternalMetastore: ClusterRule = {
  name: "emr-ha-external-metastore",
  description: "Checks whether an HA cluster with HIVE or Spark keeps its metastore outside the cluster (USER_RDS or DLF, never LOCAL), in hivemetastore-site.xml and in Spark's hive-site.xml.",
  kind: "validity",
  check(view) {
    const out = new OutcomeBuilder(this.name);
    if (view.deployMode === UNKNOWN) return out.unknown("deployMode").build();
    if (view.deployMode !== "HA") return out.build();
    if (view.applications === UNKNOWN) return out.unknown("applications").build();
    const apps = knownApplications(view);
    const users = [
      ...(apps.includes(METASTORE.hive.applicationName) ? [{ app: METASTORE.hive.applicationName, file: METASTORE.hive.configFileName }] : []),
      ...METASTORE.spark.applicationNames.filter((s) => apps.includes(s)).map((app) => ({ app, file: METASTORE.spark.configFileName })),
    ];
    if (!users.length) return out.build();
    out.applies();
    for (const { app, file } of users) {
      const item = metastoreItem(view, app, file);
      if (item === "unknown") out.unknown("applicationConfigs");
      else if (!item) continue; // emr-hive-metastore-type / emr-spark-metastore-matches-hive report the missing item
      else if (item.value === UNKNOWN) out.unknown(item.path);
      else if (!(METASTORE.externalTypes as readonly unknown[]).includes(item.value)) {
        out.fail(item.path, `HA cluster with ${app} uses ${METASTORE.key} ${String(item.value)} in ${file}; a metastore on the master nodes is lost with them`, 'use "USER_RDS" (ApsaraDB RDS in the cluster\'s VPC) or "DLF"; metastore: { type: "USER_RDS" } in the EmrCluster spec creates the RDS');
      }
    }
    return out.build();
  },
};

/** The JDBC password item of a USER_RDS metastore, if the cluster has one. */
export function jdbcPasswordItem(view: ClusterView): ConfigItemView | undefined {
  if (!Array.isArray(view.applicationConfigs)) return undefined;
  return view.applicationConfigs.find((i) => i.configItemKey === METASTORE.jdbc.password);
}

/**
 * Stack-level: where a USER_RDS metastore's JDBC password comes from. Policies get secrets unwrapped (@pulumi/policy
 * deserializes Analyze/AnalyzeStack properties without secrets; pulumi-policy#241), so a value alone cannot tell a
 * literal from `config.requireSecret`. What can be told: a value derived from a resource of the stack (a generated
 * password, an RDS account) is no literal, and a cluster built by the EmrCluster component got its password as a
 * secret Output (the component refuses a plain string). Only what is left is flagged: a hand-written cluster whose
 * password comes from no resource.
 */
export function checkJdbcPasswordSource(view: ClusterView, source: { applicationConfigsDependsOn: readonly string[]; builtByComponent: boolean }): { path: string; message: string; fix: string }[] {
  const item = jdbcPasswordItem(view);
  if (!item || item.configItemValue === UNKNOWN || source.applicationConfigsDependsOn.length > 0 || source.builtByComponent) return [];
  return [
    {
      path: `${item.path}.configItemValue`,
      message: `the Hive metastore JDBC password (${METASTORE.jdbc.password}) of this hand-written cluster is derived from no resource of the stack: a literal in the program, or a secret the pack cannot tell from one`,
      fix: 'build the cluster with EmrCluster (metastore: { type: "USER_RDS" } generates the password; metastore.external.password takes config.requireSecret after `pulumi config set --secret`), and never commit a password in plain text',
    },
  ];
}

/**
 * A VPC as a stack policy can know it: its ID when known, or, during preview, the URNs of the VPC resources the
 * value was derived from (two values derived from the same VPC resource are the same VPC).
 */
export interface VpcRef {
  id?: string;
  fromUrns?: readonly string[];
}

/** Same VPC: true, false, or undefined when it cannot be told yet. */
export function sameVpc(a: VpcRef, b: VpcRef): boolean | undefined {
  if (a.id !== undefined && b.id !== undefined) return a.id === b.id;
  if (a.fromUrns?.length && b.fromUrns?.length) return a.fromUrns.some((u) => b.fromUrns!.includes(u)) ? true : undefined;
  return undefined;
}

/** Stack-level: the RDS instances a USER_RDS metastore uses must be in the cluster's VPC. */
export function checkMetastoreRdsVpc(clusterVpc: VpcRef, instances: readonly { name: string; vpc: VpcRef }[]): { path: string; message: string; fix: string }[] {
  const describe = (v: VpcRef) => v.id ?? `the VPC of ${v.fromUrns?.join(", ")}`;
  return instances
    .filter((i) => sameVpc(clusterVpc, i.vpc) === false)
    .map((i) => ({
      path: "applicationConfigs",
      message: `the Hive metastore's RDS instance "${i.name}" is in VPC ${describe(i.vpc)}, the cluster in ${describe(clusterVpc)}; the metastore would not be reachable`,
      fix: `create the RDS instance in the cluster's VPC (its vpcId and a vswitchId of that VPC)`,
    }));
}
