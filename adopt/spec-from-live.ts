/**
 * The live cluster (the provider's inputs, read back whole: client/provider-shape.ts) as a cluster spec: the
 * component's sugar taken back out of the provider's fields (the metastore and OSS-HDFS config items, the identity
 * tag, the node groups' inherited payment), and every value the spec has no field for set aside, named, never
 * dropped silently. A metastore password is never read (the client redacts it): the spec names the secret config key
 * that holds it, and the user sets it with `pulumi config set --secret`.
 */
import { clusterSpecSchema } from "../components/spec";
import { formatPath } from "../components/validate";
import { isPlainObject } from "../components/merge";
import { IDENTITY_TAG, METASTORE } from "../policies/rules/domain";
import { OSS_HDFS_ROOT } from "../policies/rules/provider";
import { isSecretValue } from "../policies/rules/change/secret";

type Obj = Record<string, unknown>;

/** A live value the spec cannot state: the program leaves it as it is on the cluster, and never manages it. */
export interface Gap {
  path: string;
  value: unknown;
  why: string;
}

/** A secret the spec refers to by a config key: the command to set it (the value itself is never read). */
export interface SecretSetting {
  configKey: string;
  what: string;
  command: string;
}

export interface LiveSpec {
  /** The whole spec in stack-config form (the metastore password as `passwordConfigKey`). */
  spec: Obj;
  gaps: Gap[];
  secrets: SecretSetting[];
  /** The identity tag the cluster carries, if any (the component writes its own). */
  identityTag?: string;
}

const SPARK_APPS: readonly string[] = METASTORE.spark.applicationNames;
const isHiveType = (c: Obj) => c.applicationName === METASTORE.hive.applicationName && c.configFileName === METASTORE.hive.configFileName && c.configItemKey === METASTORE.key;
const isSparkType = (c: Obj) => SPARK_APPS.includes(String(c.applicationName)) && c.configFileName === METASTORE.spark.configFileName && c.configItemKey === METASTORE.key;
const isJdbc = (c: Obj, key: string) => c.applicationName === METASTORE.hive.applicationName && c.configFileName === METASTORE.hive.configFileName && c.configItemKey === key;
const isOssRoot = (c: Obj) => c.applicationName === OSS_HDFS_ROOT.applicationName && c.configFileName === OSS_HDFS_ROOT.configFileName && c.configItemKey === OSS_HDFS_ROOT.configItemKey;

/** `lakehouse` → `lakehouseMetastorePassword`: the secret config key of one cluster's metastore password. */
export const passwordConfigKey = (entryName: string): string => `${entryName.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase())}MetastorePassword`;

/** The metastore items as the spec's `metastore` (the component generates them back, identical), or undefined. */
function metastoreOf(configs: Obj[], entryName: string, secrets: SecretSetting[]): { metastore?: Obj; used: Obj[] } {
  const hive = configs.find(isHiveType);
  const sparks = configs.filter(isSparkType);
  const type = hive?.configItemValue ?? sparks[0]?.configItemValue;
  // The component writes one type for HIVE and every Spark application; mixed types stay plain config items.
  if (typeof type !== "string" || sparks.some((s) => s.configItemValue !== type)) return { used: [] };
  if (type !== "USER_RDS") return { metastore: { type }, used: [...(hive ? [hive] : []), ...sparks] };
  const [url, user, password] = [METASTORE.jdbc.url, METASTORE.jdbc.userName, METASTORE.jdbc.password].map((k) => configs.find((c) => isJdbc(c, k)));
  // USER_RDS without its JDBC items would make the component create an RDS instance: keep the items as they are.
  if (!url || !user || !password || typeof url.configItemValue !== "string" || typeof user.configItemValue !== "string") return { used: [] };
  const key = passwordConfigKey(entryName);
  secrets.push({ configKey: `emr:${key}`, what: `the Hive metastore's JDBC password (${METASTORE.jdbc.password}); emr-adopt never reads it`, command: `pulumi config set --secret emr:${key}` });
  return {
    metastore: { type, external: { connectionUrl: url.configItemValue, userName: user.configItemValue, passwordConfigKey: key } },
    used: [...(hive ? [hive] : []), ...sparks, url, user, password],
  };
}

/** A node group without what the component derives: the cluster's payment and subscription, inherited. */
function groupSpec(g: Obj, cluster: Obj): Obj {
  const { subscriptionConfig, paymentType, ...rest } = g;
  const spot = rest.spotStrategy !== undefined && rest.spotStrategy !== "NoSpot";
  const inherited = spot ? "PayAsYouGo" : cluster.paymentType;
  const sameTerm = JSON.stringify(subscriptionConfig) === JSON.stringify(cluster.subscriptionConfig);
  return { ...rest, ...(paymentType !== inherited ? { paymentType } : {}), ...(subscriptionConfig !== undefined && !sameTerm ? { subscriptionConfig } : {}) };
}

/** Removes each key zod calls unknown, as a gap: the spec has no field for it. */
function setAsideUnknownKeys(spec: Obj, gaps: Gap[]): void {
  for (let round = 0; round < 10; round++) {
    const parsed = clusterSpecSchema.safeParse(spec);
    const unknown = parsed.success ? [] : parsed.error.issues.filter((i) => i.code === "unrecognized_keys");
    if (!unknown.length) return;
    for (const issue of unknown) {
      let node: unknown = spec;
      for (const seg of issue.path) node = (node as Record<PropertyKey, unknown>)[seg as PropertyKey];
      // The stack config names the metastore password by its secret config key (stacks/program.ts resolves it).
      const keys = issue.code === "unrecognized_keys" ? issue.keys.filter((k) => !(k === "passwordConfigKey" && formatPath(issue.path) === "metastore.external")) : [];
      if (!keys.length) return;
      for (const key of keys) {
        const owner = node as Obj;
        gaps.push({ path: formatPath([...issue.path, key]), value: owner[key], why: "the cluster spec has no field for it: the program leaves it as the cluster has it" });
        delete owner[key];
      }
    }
  }
}

/** `props`: liveClusterProps of the cluster; `extra`: what the reads found that has no provider field at all. */
export function specFromLive(props: Obj, entryName: string, extra: Gap[] = []): LiveSpec {
  const gaps: Gap[] = [...extra];
  const secrets: SecretSetting[] = [];
  const configs = (Array.isArray(props.applicationConfigs) ? props.applicationConfigs : []).filter(isPlainObject);
  const { metastore, used } = metastoreOf(configs, entryName, secrets);
  const oss = configs.find(isOssRoot);
  const plain = configs.filter((c) => !used.includes(c) && c !== oss);
  for (const c of plain.filter((x) => isSecretValue(x.configItemValue))) {
    gaps.push({ path: `applicationConfigs[${c.applicationName}/${c.configFileName}/${c.configItemKey}]`, value: "[secret]", why: "a secret config item other than the metastore password: the spec would have to hold it in plain text, so it is left as the cluster has it" });
  }
  const tags = isPlainObject(props.tags) ? { ...props.tags } : {};
  const identityTag = typeof tags[IDENTITY_TAG] === "string" ? String(tags[IDENTITY_TAG]) : undefined;
  delete tags[IDENTITY_TAG];
  const attrs = Array.isArray(props.nodeAttributes) && isPlainObject(props.nodeAttributes[0]) ? props.nodeAttributes[0] : {};
  const spec: Obj = {
    clusterName: props.clusterName, clusterType: props.clusterType, releaseVersion: props.releaseVersion, deployMode: props.deployMode,
    securityMode: props.securityMode ?? "NORMAL", paymentType: props.paymentType,
    ...(props.subscriptionConfig ? { subscriptionConfig: props.subscriptionConfig } : {}),
    applications: props.applications,
    applicationConfigs: plain.filter((c) => !isSecretValue(c.configItemValue)),
    storage: oss ? { ossHdfsRootUri: oss.configItemValue } : {},
    ...(metastore ? { metastore } : {}),
    nodeAttributes: attrs,
    nodeGroups: (Array.isArray(props.nodeGroups) ? props.nodeGroups : []).filter(isPlainObject).map((g) => groupSpec(g, props)),
    bootstrapScripts: props.bootstrapScripts ?? [],
    tags,
    ...(props.resourceGroupId ? { resourceGroupId: props.resourceGroupId } : {}),
    deletionProtection: props.deletionProtection,
    ...(props.logCollectStrategy ? { logCollectStrategy: props.logCollectStrategy } : {}),
  };
  setAsideUnknownKeys(spec, gaps);
  return { spec, gaps, secrets, ...(identityTag ? { identityTag } : {}) };
}
