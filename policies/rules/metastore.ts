/** The Hive metastore: its type must be set, Spark's must match Hive's, and HA keeps it outside the cluster. */
import { METASTORE } from "./domain";
import { OutcomeBuilder, UNKNOWN } from "./types";
import type { ClusterRule } from "./rule";
import { knownApplications, MALFORMED, type ClusterView, type ConfigItemView, type Field } from "./view";

interface Lookup {
  /** Every `hive.metastore.type` item of the application in the file: every one counts, not the first. */
  items: { value: Field<string>; path: string }[];
  /** Whether an item's application, file or key is not known yet (it might be one more such item). */
  unknownItems: boolean;
}

/** Finds the `hive.metastore.type` items of an application in a config file. */
function metastoreItems(view: ClusterView, applicationName: string, configFileName: string): Lookup {
  if (view.applicationConfigs === UNKNOWN) return { items: [], unknownItems: true };
  if (!Array.isArray(view.applicationConfigs)) return { items: [], unknownItems: false };
  const found = view.applicationConfigs.filter((i) => matches(i, applicationName, configFileName));
  const unknownItems = view.applicationConfigs.some((i) => i.configItemKey === UNKNOWN || i.applicationName === UNKNOWN || i.configFileName === UNKNOWN);
  return { items: found.map((i) => ({ value: i.configItemValue, path: `${i.path}.configItemValue` })), unknownItems };
}

function matches(item: ConfigItemView, applicationName: string, configFileName: string): boolean {
  return item.applicationName === applicationName && item.configFileName === configFileName && item.configItemKey === METASTORE.key;
}

/**
 * The one value the items agree on: a string, UNKNOWN when one is not known yet, or "conflict" when two known items
 * differ (which the rule owning the file reports), undefined when there is no item.
 */
function agreedValue(lookup: Lookup): string | typeof UNKNOWN | "conflict" | undefined {
  const values = new Set(lookup.items.map((i) => i.value));
  const known = [...values].filter((v): v is string => typeof v === "string");
  if (new Set(known).size > 1) return "conflict";
  if (values.has(UNKNOWN) || (!lookup.items.length && lookup.unknownItems)) return UNKNOWN;
  return known[0];
}

/** Two items of one application and file with different known values: EMR would get both, and which wins is not ours to guess. */
function conflict(lookup: Lookup, app: string, file: string, out: OutcomeBuilder): void {
  const known = lookup.items.filter((i) => typeof i.value === "string");
  if (new Set(known.map((i) => i.value)).size < 2) return;
  const listed = known.map((i) => `${JSON.stringify(i.value)} (${i.path.replace(/\.configItemValue$/, "")})`).join(", ");
  out.fail(known[1].path, `${app} sets ${METASTORE.key} in ${file} ${known.length} times with different values: ${listed}`, `keep one item with the value you mean, e.g. only ${JSON.stringify(known[0].value)}`);
}

/** USER_RDS: the JDBC connection items must be in HIVE's hivemetastore-site.xml, each with a value, or the metastore has nothing to connect to. */
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
  for (const item of items) {
    if (!(Object.values(METASTORE.jdbc) as unknown[]).includes(item.configItemKey)) continue;
    if (item.configItemValue === UNKNOWN || (typeof item.configItemValue === "string" && item.configItemValue.trim() !== "")) continue;
    out.fail(
      `${item.path}.configItemValue`,
      `${METASTORE.key} is USER_RDS but ${String(item.configItemKey)} is ${typeof item.configItemValue === "string" ? "empty" : "not text"}: the metastore cannot connect`,
      item.configItemKey === METASTORE.jdbc.url ? 'set it to the RDS instance\'s JDBC URL, e.g. "jdbc:mysql://rm-bp1example.mysql.rds.aliyuncs.com:3306/hivemeta"' : `set it from the RDS account (its ${item.configItemKey === METASTORE.jdbc.userName ? "name, e.g. \"hive\"" : "password, a Pulumi secret"}), or use metastore: { type: "USER_RDS" } in the EmrCluster spec`,
    );
  }
}

const hiveExample = `{ applicationName: "HIVE", configFileName: "${METASTORE.hive.configFileName}", configItemKey: "${METASTORE.key}", configItemValue: "DLF" }`;

export const hiveMetastoreType: ClusterRule = {
  name: "emr-hive-metastore-type",
  check(view) {
    const out = new OutcomeBuilder(this.name);
    if (view.applications === UNKNOWN) return out.unknown("applications").build();
    if (!knownApplications(view).includes(METASTORE.hive.applicationName)) return out.build();
    out.applies();
    if (view.applicationConfigs === MALFORMED) return out.fail("applicationConfigs", "applicationConfigs is not a list", `write it as a list, e.g. [${hiveExample}]`).build();
    const { applicationName: app, configFileName: file } = METASTORE.hive;
    const lookup = metastoreItems(view, app, file);
    if (!lookup.items.length) {
      if (lookup.unknownItems) return out.unknown("applicationConfigs").build();
      return out.fail("applicationConfigs", `HIVE is installed but ${METASTORE.key} is not set in ${file}; the API fails with "ApplicationConfigs missing item"`, `add ${hiveExample} (or metastore: { type: "DLF" } in the EmrCluster spec)`).build();
    }
    for (const item of lookup.items) {
      if (item.value === UNKNOWN) out.unknown(item.path);
      else if (!(METASTORE.types as readonly unknown[]).includes(item.value)) {
        out.fail(item.path, `${METASTORE.key} is ${JSON.stringify(item.value ?? null)}; EMR knows ${METASTORE.types.join(", ")}`, 'use "USER_RDS" (ApsaraDB RDS), "DLF" (Data Lake Formation) or, for NORMAL clusters only, "LOCAL"');
      }
    }
    conflict(lookup, app, file, out);
    if (agreedValue(lookup) === "USER_RDS") missingJdbcItems(view, out);
    return out.build();
  },
};

export const sparkMetastoreMatchesHive: ClusterRule = {
  name: "emr-spark-metastore-matches-hive",
  check(view) {
    const out = new OutcomeBuilder(this.name);
    if (view.applications === UNKNOWN) return out.unknown("applications").build();
    const apps = knownApplications(view);
    const sparks = METASTORE.spark.applicationNames.filter((s) => apps.includes(s));
    if (!sparks.length) return out.build();
    out.applies();
    const hive = apps.includes(METASTORE.hive.applicationName) ? agreedValue(metastoreItems(view, METASTORE.hive.applicationName, METASTORE.hive.configFileName)) : undefined;
    for (const spark of sparks) {
      const file = METASTORE.spark.configFileName;
      const lookup = metastoreItems(view, spark, file);
      const example = `{ applicationName: "${spark}", configFileName: "${file}", configItemKey: "${METASTORE.key}", configItemValue: <HIVE's value> }`;
      if (!lookup.items.length) {
        if (lookup.unknownItems) out.unknown("applicationConfigs");
        else out.fail("applicationConfigs", `${spark} is installed but ${METASTORE.key} is not set in its ${file}`, `add ${example}`);
        continue;
      }
      conflict(lookup, spark, file, out);
      // HIVE's own conflict is emr-hive-metastore-type's; with it there is no one value to match.
      if (hive === "conflict" || hive === undefined) continue;
      for (const item of lookup.items) {
        if (item.value === UNKNOWN || hive === UNKNOWN) out.unknown(item.path);
        else if (item.value !== hive) {
          out.fail(item.path, `${spark} uses metastore ${String(item.value)} but HIVE uses ${hive}; Spark would not see Hive's tables`, `set ${spark}'s ${METASTORE.key} to "${hive}"`);
        }
      }
    }
    return out.build();
  },
};

export const haExternalMetastore: ClusterRule = {
  name: "emr-ha-external-metastore",
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
      const lookup = metastoreItems(view, app, file);
      // A missing item is emr-hive-metastore-type's / emr-spark-metastore-matches-hive's; an unknown one may be LOCAL.
      if (lookup.unknownItems) out.unknown("applicationConfigs");
      for (const item of lookup.items) {
        if (item.value === UNKNOWN) out.unknown(item.path);
        else if (!(METASTORE.externalTypes as readonly unknown[]).includes(item.value)) {
          out.fail(item.path, `HA cluster with ${app} uses ${METASTORE.key} ${String(item.value)} in ${file}; a metastore on the master nodes is lost with them`, 'use "USER_RDS" (ApsaraDB RDS in the cluster\'s VPC) or "DLF"; metastore: { type: "USER_RDS" } in the EmrCluster spec creates the RDS');
        }
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
