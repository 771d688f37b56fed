// emr-guardrails policy pack, built from policies/*.ts by `npm run build:pack` (esbuild). Do not edit: change
// the TypeScript sources and rebuild; `npm test` fails while this file is stale.
// sources: sha256 886bec4eda3d8feb614421debdc230ae3f7a8ba20f2d9af75b5b2c159160dd35
"use strict";

// index.ts
var import_policy2 = require("@pulumi/policy");

// cluster-type.ts
var import_policy = require("@pulumi/policy");
var import_pulumi = require("@pulumi/pulumi");

// rules/provider-schema.ts
var oneOf = (values, source) => ({ kind: "oneOf", values, source });
var intOneOf = (values, source) => ({ kind: "intOneOf", values, source });
var intRange = (min, max, source) => ({ kind: "intRange", min, max, source });
var bool = (source) => ({ kind: "boolean", source });
var EMR = "resource_alicloud_emrv2_cluster.go";
var DURATIONS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 24, 36, 48, 60];
var EMR_CLUSTER_SCHEMA = {
  paymentType: oneOf(["PayAsYouGo", "Subscription"], `${EMR}:46`),
  "subscriptionConfig.paymentDurationUnit": oneOf(["Month", "Year"], `${EMR}:57`),
  "subscriptionConfig.paymentDuration": intOneOf(DURATIONS, `${EMR}:62`),
  "subscriptionConfig.autoRenewDurationUnit": oneOf(["Month", "Year"], `${EMR}:75`),
  "subscriptionConfig.autoRenewDuration": intOneOf(DURATIONS, `${EMR}:80`),
  "subscriptionConfig.autoRenew": bool(`${EMR}:65`),
  "subscriptionConfig.autoPayOrder": bool(`${EMR}:69`),
  deletionProtection: bool(`${EMR}:107`),
  "nodeAttributes.dataDiskEncrypted": bool(`${EMR}:202`),
  "nodeAttributes.systemDiskEncrypted": bool(`${EMR}:215`),
  clusterType: oneOf(["DATALAKE", "OLAP", "DATAFLOW", "DATASERVING", "CUSTOM"], `${EMR}:90`),
  deployMode: oneOf(["NORMAL", "HA"], `${EMR}:115`),
  securityMode: oneOf(["NORMAL", "KERBEROS"], `${EMR}:121`),
  "applicationConfigs[].configScope": oneOf(["CLUSTER", "NODE_GROUP"], `${EMR}:154`),
  "nodeGroups[].nodeGroupType": oneOf(["MASTER", "CORE", "TASK", "GATEWAY", "MASTER-EXTEND"], `${EMR}:237`),
  "nodeGroups[].paymentType": oneOf(["PayAsYouGo", "Subscription"], `${EMR}:247`),
  "nodeGroups[].deploymentSetStrategy": oneOf(["NONE", "CLUSTER", "NODE_GROUP"], `${EMR}:253`),
  "nodeGroups[].nodeResizeStrategy": oneOf(["PRIORITY", "COST_OPTIMIZED"], `${EMR}:259`),
  "nodeGroups[].subscriptionConfig.paymentDurationUnit": oneOf(["Month", "Year"], `${EMR}:270`),
  "nodeGroups[].subscriptionConfig.paymentDuration": intOneOf(DURATIONS, `${EMR}:275`),
  "nodeGroups[].subscriptionConfig.autoRenewDurationUnit": oneOf(["Month", "Year"], `${EMR}:288`),
  "nodeGroups[].subscriptionConfig.autoRenewDuration": intOneOf(DURATIONS, `${EMR}:293`),
  "nodeGroups[].subscriptionConfig.autoRenew": bool(`${EMR}:278`),
  "nodeGroups[].subscriptionConfig.autoPayOrder": bool(`${EMR}:282`),
  "nodeGroups[].withPublicIp": bool(`${EMR}:346`),
  "nodeGroups[].gracefulShutdown": bool(`${EMR}:423`),
  "nodeGroups[].spotInstanceRemedy": bool(`${EMR}:428`),
  "nodeGroups[].spotStrategy": oneOf(["NoSpot", "SpotWithPriceLimit", "SpotAsPriceGo"], `${EMR}:322`),
  "nodeGroups[].spotBidPrices[].bidPrice": { kind: "integer", source: `${EMR}:334`, alternative: 'use spotStrategy "SpotAsPriceGo" (up to the pay-as-you-go price)' },
  "nodeGroups[].nodeCount": { kind: "integer", min: 0, source: `${EMR}:361` },
  "nodeGroups[].systemDisk.category": oneOf(["cloud_essd", "cloud_efficiency", "cloud_ssd"], `${EMR}:373`),
  "nodeGroups[].systemDisk.performanceLevel": oneOf(["PL0", "PL1", "PL2", "PL3"], `${EMR}:383`),
  "nodeGroups[].dataDisks[].category": oneOf(["cloud_efficiency", "cloud_ssd", "cloud_essd", "cloud", "local_hdd_pro", "local_disk", "local_ssd_pro"], `${EMR}:402`),
  "nodeGroups[].dataDisks[].performanceLevel": oneOf(["PL0", "PL1", "PL2", "PL3"], `${EMR}:412`),
  "nodeGroups[].autoScalingPolicy.scalingRules[].triggerType": oneOf(["TIME_TRIGGER", "METRICS_TRIGGER"], `${EMR}:471`),
  "nodeGroups[].autoScalingPolicy.scalingRules[].activityType": oneOf(["SCALE_OUT", "SCALE_IN"], `${EMR}:476`),
  "nodeGroups[].autoScalingPolicy.scalingRules[].adjustmentType": oneOf(["CHANGE_IN_CAPACITY", "EXACT_CAPACITY"], `${EMR}:481`),
  "nodeGroups[].autoScalingPolicy.scalingRules[].adjustmentValue": intRange(1, 5e3, `${EMR}:486`),
  "nodeGroups[].autoScalingPolicy.scalingRules[].timeTrigger.launchExpirationTime": intRange(0, 3600, `${EMR}:512`),
  "nodeGroups[].autoScalingPolicy.scalingRules[].timeTrigger.recurrenceType": oneOf(["MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY"], `${EMR}:517`),
  "nodeGroups[].autoScalingPolicy.scalingRules[].metricsTrigger.timeWindow": intRange(30, 1800, `${EMR}:535`),
  "nodeGroups[].autoScalingPolicy.scalingRules[].metricsTrigger.evaluationCount": intRange(1, 5, `${EMR}:540`),
  "nodeGroups[].autoScalingPolicy.scalingRules[].metricsTrigger.coolDownInterval": intRange(0, 10800, `${EMR}:545`),
  "nodeGroups[].autoScalingPolicy.scalingRules[].metricsTrigger.conditionLogicOperator": oneOf(["And", "Or"], `${EMR}:550`),
  "nodeGroups[].autoScalingPolicy.scalingRules[].metricsTrigger.conditions[].statistics": oneOf(["MAX", "MIN", "AVG"], `${EMR}:580`),
  "nodeGroups[].autoScalingPolicy.scalingRules[].metricsTrigger.conditions[].comparisonOperator": oneOf(["EQ", "NE", "GT", "LT", "GE", "LE"], `${EMR}:585`),
  "nodeGroups[].autoScalingPolicy.constraints.maxCapacity": intRange(0, 2e3, `${EMR}:625`),
  "nodeGroups[].autoScalingPolicy.constraints.minCapacity": intRange(0, 2e3, `${EMR}:630`),
  "bootstrapScripts[].executionMoment": oneOf(["BEFORE_INSTALL", "AFTER_STARTED", "BEFORE_START"], `${EMR}:851`),
  "bootstrapScripts[].executionFailStrategy": oneOf(["FAILED_CONTINUE", "FAILED_BLOCK"], `${EMR}:856`),
  "bootstrapScripts[].nodeSelector.nodeSelectType": oneOf(["CLUSTER", "NODE_GROUP", "NODE"], `${EMR}:867`)
};
var RDS = "resource_alicloud_db_instance.go";
var RDS_INSTANCE_SCHEMA = {
  instanceChargeType: oneOf(["Postpaid", "Prepaid", "Serverless"], `${RDS}:68`),
  period: intOneOf([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 24, 36], `${RDS}:74`),
  autoRenewPeriod: intRange(1, 12, `${RDS}:92`),
  instanceName: { kind: "length", min: 2, max: 256, source: `${RDS}:142` },
  dbInstanceStorageType: oneOf(["local_ssd", "cloud_ssd", "cloud_essd", "cloud_essd2", "cloud_essd3", "general_essd"], `${RDS}:346`),
  category: oneOf(["Basic", "HighAvailability", "AlwaysOn", "Finance", "cluster", "serverless_basic", "serverless_standard", "serverless_ha"], `${RDS}:571`)
};
var ACCOUNT_NAME = {
  kind: "pattern",
  pattern: /^[a-z][a-z0-9_]{0,61}[a-z0-9]$/,
  rule: "lower-case letters, digits and _, a letter first and a letter or digit last, 2-63 characters",
  example: "hive"
};
var RDS_ACCOUNT_SCHEMA = {
  accountName: { ...ACCOUNT_NAME, source: "resource_alicloud_rds_account.go:50" },
  name: { ...ACCOUNT_NAME, source: "resource_alicloud_rds_account.go:58" },
  accountType: oneOf(["Normal", "Super", "Sysadmin"], "resource_alicloud_rds_account.go:82")
};
var DATABASE_NAME = {
  kind: "pattern",
  pattern: /^[a-z][a-z0-9_-]*[a-z0-9]$/,
  rule: "lower-case letters, digits, _ and -, a letter first and a letter or digit last",
  example: "hivemeta"
};
var RDS_DATABASE_SCHEMA = {
  dataBaseName: { ...DATABASE_NAME, source: "resource_alicloud_db_database.go:42" },
  name: { ...DATABASE_NAME, source: "resource_alicloud_db_database.go:54" }
};
var RDS_ACCOUNT_PRIVILEGE_SCHEMA = {
  privilege: oneOf(["ReadOnly", "ReadWrite", "DDLOnly", "DMLOnly", "DBOwner"], "resource_alicloud_db_account_privilege.go:41")
};
var SECURITY_GROUP_SCHEMA = {
  innerAccessPolicy: oneOf(["Accept", "Drop"], "resource_alicloud_security_group.go:43"),
  securityGroupType: oneOf(["normal", "enterprise"], "resource_alicloud_security_group.go:64")
};
var PROVIDER_SCHEMA = {
  "alicloud:emrv2/cluster:Cluster": EMR_CLUSTER_SCHEMA,
  "alicloud:rds/instance:Instance": RDS_INSTANCE_SCHEMA,
  "alicloud:rds/rdsAccount:RdsAccount": RDS_ACCOUNT_SCHEMA,
  "alicloud:rds/database:Database": RDS_DATABASE_SCHEMA,
  "alicloud:rds/accountPrivilege:AccountPrivilege": RDS_ACCOUNT_PRIVILEGE_SCHEMA,
  "alicloud:ecs/securityGroup:SecurityGroup": SECURITY_GROUP_SCHEMA
};

// rules/domain.ts
var CLUSTER_TYPES = EMR_CLUSTER_SCHEMA.clusterType.values;
var DEPLOY_MODES = EMR_CLUSTER_SCHEMA.deployMode.values;
var SECURITY_MODES = EMR_CLUSTER_SCHEMA.securityMode.values;
var PAYMENT_TYPES = EMR_CLUSTER_SCHEMA.paymentType.values;
var PAYMENT_DURATIONS_MONTHS = EMR_CLUSTER_SCHEMA["subscriptionConfig.paymentDuration"].values;
var PAYMENT_DURATIONS = {
  Month: PAYMENT_DURATIONS_MONTHS,
  Year: [1, 2, 3, 4, 5]
};
var MONTHS_PER_UNIT = { Month: 1, Year: 12 };
var NODE_GROUP_TYPES = EMR_CLUSTER_SCHEMA["nodeGroups[].nodeGroupType"].values;
var GATEWAY_SINCE_RELEASE = {
  DATALAKE: "EMR-5.10.1",
  DATAFLOW: "EMR-5.10.1",
  CUSTOM: "EMR-5.17.1"
};
function compareReleases(a, b) {
  const parse = (v) => /^EMR-(\d+)\.(\d+)\.(\d+)$/.exec(v)?.slice(1).map(Number);
  const [x, y] = [parse(a), parse(b)];
  if (!x || !y) return void 0;
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  return 0;
}
var SPOT_STRATEGIES = EMR_CLUSTER_SCHEMA["nodeGroups[].spotStrategy"].values;
var CONFIG_SCOPES = EMR_CLUSTER_SCHEMA["applicationConfigs[].configScope"].values;
var CORE_DATA_APPLICATIONS = ["HDFS"];
var MUTUALLY_EXCLUSIVE_APPLICATIONS = [
  ["SPARK2", "SPARK3"],
  ["HDFS", "OSS-HDFS"],
  ["STARROCKS2", "STARROCKS3"]
];
var INTERNAL_APPLICATIONS = ["METASTORE", "MYSQL", "KERBEROS"];
var METASTORE = {
  key: "hive.metastore.type",
  hive: { applicationName: "HIVE", configFileName: "hivemetastore-site.xml" },
  /** Spark reads the metastore type from hive-site.xml; applies to whichever Spark application is installed. */
  spark: { applicationNames: ["SPARK3", "SPARK2"], configFileName: "hive-site.xml" },
  types: ["LOCAL", "USER_RDS", "DLF"],
  /** Metastore types that keep the metadata outside the cluster (required in HA mode). */
  externalTypes: ["USER_RDS", "DLF"],
  /**
   * JDBC items of a USER_RDS metastore (file hivemetastore-site.xml). These names are the seed's statement
   * (no public emrv2 example uses them): keep them here so they are easy to correct.
   */
  jdbc: {
    url: "javax.jdo.option.ConnectionURL",
    userName: "javax.jdo.option.ConnectionUserName",
    password: "javax.jdo.option.ConnectionPassword"
  }
};
var AUTO_SCALING = {
  maxCapacityLimit: EMR_CLUSTER_SCHEMA["nodeGroups[].autoScalingPolicy.constraints.maxCapacity"].max,
  defaultMaxCapacity: 2e3,
  defaultMinCapacity: 0
};
var TAG_RULES = {
  maxTags: 20,
  maxKeyLength: 128,
  maxValueLength: 128,
  /** Key prefixes reserved for Alibaba Cloud (compared case-insensitively). */
  reservedKeyPrefixes: ["aliyun", "acs:"],
  /** Neither keys nor values may contain these. */
  forbiddenFragments: ["http://", "https://"]
};
var NAME_LIMITS = { clusterName: 64, nodeGroupName: 128, description: 1024 };
var HA_REQUIRED_APPLICATIONS = ["ZOOKEEPER"];
var MASTER_NODES = { NORMAL: 1, HA: 3 };
var SCALE_IN_BATCH_INTERVAL_SECONDS = 120;
var SCALE_IN_GROUP_TYPES = ["TASK"];
var DEFAULT_LIMITS = {
  maxNodesPerGroupAtCreate: 50,
  nodeGroupAckThreshold: 30,
  scaleOutAckThreshold: 20,
  maxScaleOutPerCall: 50,
  maxScaleInPerCall: 10,
  clusterNodesCostAckThreshold: 100,
  maxAutoScalingCapacity: 100,
  subscriptionMonthsAckThreshold: 12,
  // No source sets these two: they are the organisation's to choose (guardrails.json states them); these defaults
  // are this project's starting point, not facts about prices.
  monthlyCostAckThreshold: 5e3,
  priceBookMaxAgeDays: 30
};
var ACK_TAGS = {
  /** Largest node-group size acknowledged, e.g. "40". */
  nodeCount: "emr-guard:ack-node-count",
  /** One scale-out above the threshold in one update, "<group>:<from>-><to>", e.g. "core:40->65". */
  scaleOut: "emr-guard:ack-scale-out",
  /** Largest cluster total acknowledged for cost, e.g. "150". */
  clusterNodes: "emr-guard:ack-cluster-nodes",
  /** Longest subscription acknowledged, in months, e.g. "24". */
  subscriptionMonths: "emr-guard:ack-subscription-months",
  /** One scale-in of a TASK group, "<group>:<from>-><to>", e.g. "task:25->15": the provider lets the service pick the nodes. */
  scaleIn: "emr-guard:ack-scale-in",
  /** One TASK group emptied, "<group>:<from>->0", e.g. "task:6->0" (the old standing "true" is refused). */
  taskGroupToZero: "emr-guard:ack-task-to-zero",
  /** A payment-type switch, "<from>-><to>", e.g. "PayAsYouGo->Subscription". */
  paymentSwitch: "emr-guard:ack-payment-switch",
  /** One of several clusters a plan creates: the cluster's name, e.g. "lakehouse-prod". */
  newCluster: "emr-guard:ack-new-cluster",
  /** A removed or replaced auto-scaling policy: "<group>:remove" or "<group>:replace:<8 hex of the new policy>". */
  autoScaling: "emr-guard:ack-auto-scaling",
  /** One change's added monthly cost, "+<whole amount> <currency>" as the check prints it, e.g. "+5480 CNY". */
  monthlyCost: "emr-guard:ack-monthly-cost"
};
var DEFAULT_PRODUCTION_STACK_PATTERNS = ["prod", "prod-*", "production", "*-prod", "prd"];
var TYPES = {
  cluster: "alicloud:emrv2/cluster:Cluster",
  /** The EmrCluster component (components/cluster.ts), the parent of the clusters it builds. */
  component: "emr:index:Cluster",
  securityGroup: "alicloud:ecs/securityGroup:SecurityGroup",
  rdsInstance: "alicloud:rds/instance:Instance"
};

// rules/size.ts
function scalingCeiling(maxCapacity) {
  return maxCapacity ?? AUTO_SCALING.defaultMaxCapacity;
}
function groupWeight(count, ceiling) {
  return ceiling === void 0 ? count : Math.max(count, ceiling);
}

// rules/types.ts
var UNKNOWN = /* @__PURE__ */ Symbol.for("emr-guard.unknown");
var isUnknown = (v) => v === UNKNOWN;
var OutcomeCollector = class {
  findings = [];
  unknownPaths = [];
  applicable = false;
  /** Marks the rule as applicable to this resource. */
  applies() {
    this.applicable = true;
    return this;
  }
  record(finding) {
    this.applicable = true;
    this.findings.push(finding);
    return this;
  }
  unknown(path) {
    this.applicable = true;
    this.unknownPaths.push(path);
    return this;
  }
  build() {
    if (this.findings.length) return { kind: "non-compliant", findings: this.findings };
    if (this.unknownPaths.length) return { kind: "unknown", paths: [...new Set(this.unknownPaths)] };
    return this.applicable ? { kind: "compliant" } : { kind: "not-applicable" };
  }
};
var OutcomeBuilder = class extends OutcomeCollector {
  constructor(rule) {
    super();
    this.rule = rule;
  }
  rule;
  fail(path, message, fix) {
    return this.record({ rule: this.rule, path, message, fix });
  }
};

// rules/read.ts
var MALFORMED = /* @__PURE__ */ Symbol.for("emr-guard.malformed");
function isKnown(v) {
  return v !== void 0 && v !== UNKNOWN && v !== MALFORMED;
}
function absentOrUnknown(v) {
  if (v === void 0 || v === null) return void 0;
  return isUnknown(v) ? UNKNOWN : "present";
}
function readString(v) {
  const a = absentOrUnknown(v);
  if (a !== "present") return a;
  return typeof v === "string" ? v : MALFORMED;
}
function readNumber(v) {
  const a = absentOrUnknown(v);
  if (a !== "present") return a;
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && /^\d+$/.test(v)) return Number(v);
  return MALFORMED;
}
function readCount(v) {
  const n = readNumber(v);
  return typeof n === "number" && (!Number.isInteger(n) || n < 0) ? MALFORMED : n;
}
var PARSE_BOOL = {
  "1": true,
  t: true,
  T: true,
  TRUE: true,
  true: true,
  True: true,
  "0": false,
  f: false,
  F: false,
  FALSE: false,
  false: false,
  False: false
};
function readBool(v) {
  const a = absentOrUnknown(v);
  if (a !== "present") return a;
  if (typeof v === "boolean") return v;
  return typeof v === "string" && Object.hasOwn(PARSE_BOOL, v) ? PARSE_BOOL[v] : MALFORMED;
}
function readList(v) {
  const a = absentOrUnknown(v);
  if (a !== "present") return a;
  return Array.isArray(v) ? v : MALFORMED;
}

// rules/view.ts
function record(v) {
  if (isUnknown(v)) return UNKNOWN;
  return v !== null && typeof v === "object" && !Array.isArray(v) ? v : void 0;
}
function groupView(raw, index) {
  const path = `nodeGroups[${index}]`;
  const g = record(raw);
  if (!g || isUnknown(g)) {
    const f = isUnknown(g) ? UNKNOWN : MALFORMED;
    return { index, path, label: `node group ${path}`, type: f, name: f, nodeCount: f, vswitchIds: f, spotStrategy: f, autoScaling: f, minCapacity: f, maxCapacity: f, paymentType: f, subscription: f };
  }
  const name = readString(g.nodeGroupName);
  const policy = g.autoScalingPolicy;
  const policyRecord = record(policy);
  const constraints = policyRecord && !isUnknown(policyRecord) ? record(policyRecord.constraints) : policyRecord;
  return {
    index,
    path,
    label: isKnown(name) ? `node group "${name}" (${path})` : `node group ${path}`,
    type: readString(g.nodeGroupType),
    name,
    nodeCount: readCount(g.nodeCount),
    vswitchIds: readList(g.vswitchIds),
    spotStrategy: readString(g.spotStrategy),
    autoScaling: policy === void 0 || policy === null ? false : isUnknown(policy) ? UNKNOWN : policyRecord ? true : MALFORMED,
    minCapacity: constraints === void 0 ? void 0 : isUnknown(constraints) ? UNKNOWN : readCount(constraints.minCapacity),
    maxCapacity: constraints === void 0 ? void 0 : isUnknown(constraints) ? UNKNOWN : readCount(constraints.maxCapacity),
    paymentType: readString(g.paymentType),
    subscription: subscriptionView(g.subscriptionConfig)
  };
}
function subscriptionView(raw) {
  if (raw === void 0 || raw === null) return void 0;
  const s = record(raw);
  if (s === void 0) return MALFORMED;
  if (isUnknown(s)) return UNKNOWN;
  return { duration: readNumber(s.paymentDuration), unit: readString(s.paymentDurationUnit), autoRenew: readBool(s.autoRenew), autoRenewDuration: readNumber(s.autoRenewDuration), autoPayOrder: readBool(s.autoPayOrder) };
}
function mapList(v, each) {
  const l = readList(v);
  return Array.isArray(l) ? l.map(each) : l;
}
function clusterView(props) {
  const p = record(props);
  const get = (k) => p && !isUnknown(p) ? p[k] : p;
  const attrsRaw = get("nodeAttributes");
  const attrs = record(Array.isArray(attrsRaw) ? attrsRaw[0] : attrsRaw);
  const attr = (k) => attrs && !isUnknown(attrs) ? readString(attrs[k]) : attrs;
  const tags = record(get("tags"));
  return {
    props,
    clusterName: readString(get("clusterName")),
    clusterType: readString(get("clusterType")),
    releaseVersion: readString(get("releaseVersion")),
    deployMode: readString(get("deployMode")) ?? "NORMAL",
    securityMode: readString(get("securityMode")) ?? "NORMAL",
    paymentType: readString(get("paymentType")) ?? "PayAsYouGo",
    subscription: subscriptionView(get("subscriptionConfig")),
    deletionProtection: readBool(get("deletionProtection")),
    applications: mapList(get("applications"), (a) => readString(a)),
    applicationConfigs: mapList(get("applicationConfigs"), (raw, index) => {
      const c = record(raw);
      const f = (k) => c && !isUnknown(c) ? readString(c[k]) : c === void 0 ? MALFORMED : UNKNOWN;
      return {
        index,
        path: `applicationConfigs[${index}]`,
        applicationName: f("applicationName"),
        configFileName: f("configFileName"),
        configItemKey: f("configItemKey"),
        configItemValue: f("configItemValue")
      };
    }),
    nodeGroups: mapList(get("nodeGroups"), groupView),
    bootstrapScripts: mapList(get("bootstrapScripts"), (raw, index) => {
      const s = record(raw);
      const f = (k) => s && !isUnknown(s) ? readString(s[k]) : s === void 0 ? MALFORMED : UNKNOWN;
      return { index, path: `bootstrapScripts[${index}]`, scriptName: f("scriptName"), scriptPath: f("scriptPath") };
    }),
    tags: tags === void 0 && get("tags") !== void 0 && get("tags") !== null ? MALFORMED : tags,
    vpcId: attr("vpcId"),
    securityGroupId: attr("securityGroupId")
  };
}
function knownApplications(view) {
  return Array.isArray(view.applications) ? view.applications.filter(isKnown).map((a) => a.toUpperCase()) : [];
}
function ackNumber(view, key) {
  if (view.tags === UNKNOWN) return UNKNOWN;
  if (!isKnown(view.tags)) return 0;
  const v = view.tags[key];
  if (isUnknown(v)) return UNKNOWN;
  const n = typeof v === "number" ? v : typeof v === "string" && /^\d+$/.test(v.trim()) ? Number(v) : NaN;
  return Number.isFinite(n) ? n : 0;
}
function nodeGroupsOf(view, out) {
  if (view.nodeGroups === UNKNOWN) out.unknown("nodeGroups");
  else if (view.nodeGroups === MALFORMED) out.fail("nodeGroups", "nodeGroups is not a list", 'write nodeGroups as a list, e.g. [{ nodeGroupType: "MASTER", ... }]');
  return Array.isArray(view.nodeGroups) ? view.nodeGroups : [];
}

// rules/auto-scaling.ts
function maxNodesOf(g, out) {
  if (g.autoScaling === UNKNOWN) {
    out.unknown(`${g.path}.autoScalingPolicy`);
    return UNKNOWN;
  }
  if (g.autoScaling !== true) return void 0;
  const path = `${g.path}.autoScalingPolicy.constraints.maxCapacity`;
  if (g.maxCapacity === UNKNOWN) {
    out.unknown(path);
    return UNKNOWN;
  }
  if (g.maxCapacity === MALFORMED) {
    out.unknown(path);
    return UNKNOWN;
  }
  return scalingCeiling(g.maxCapacity);
}
var autoScalingBounds = {
  name: "emr-auto-scaling-bounds",
  check(view) {
    const out = new OutcomeBuilder(this.name);
    for (const g of nodeGroupsOf(view, out)) {
      if (g.autoScaling === MALFORMED) {
        out.fail(`${g.path}.autoScalingPolicy`, `${g.label} has an autoScalingPolicy that is not an object`, "write it as { constraints: { minCapacity: 2, maxCapacity: 40 }, scalingRules: [...] }");
        continue;
      }
      const max = maxNodesOf(g, out);
      if (max === void 0) continue;
      const minPath = `${g.path}.autoScalingPolicy.constraints.minCapacity`;
      if (g.minCapacity === UNKNOWN || g.minCapacity === MALFORMED) out.unknown(minPath);
      if (max === UNKNOWN || g.minCapacity === UNKNOWN || g.minCapacity === MALFORMED) continue;
      out.applies();
      const min = g.minCapacity ?? AUTO_SCALING.defaultMinCapacity;
      if (min > max) {
        out.fail(minPath, `${g.label} has minCapacity ${min} above maxCapacity ${max}`, `set minCapacity at most ${max}, e.g. { minCapacity: ${Math.min(2, max)}, maxCapacity: ${max} }`);
        continue;
      }
      if (isKnown(g.nodeCount) && (g.nodeCount < min || g.nodeCount > max)) {
        out.fail(`${g.path}.nodeCount`, `${g.label} has nodeCount ${g.nodeCount}, outside its auto-scaling bounds [${min}, ${max}]`, `set nodeCount between ${min} and ${max}, e.g. ${Math.max(min, Math.min(max, g.nodeCount))}`);
      }
    }
    return out.build();
  }
};
var SEGMENT = /(?:^|\.)([A-Za-z_$][\w$]*|\*)|\[(\d+|\*)\]|\["((?:[^"\\]|\\.)*)"\]/y;
function propertyPathSegments(path) {
  const out = [];
  let at = 0;
  while (at < path.length) {
    SEGMENT.lastIndex = at;
    const m = SEGMENT.exec(path);
    if (!m) return void 0;
    out.push(m[1] ?? m[2] ?? JSON.parse(`"${m[3]}"`));
    at = SEGMENT.lastIndex;
  }
  return out.length ? out : void 0;
}
function ignoreChangesCovers(paths, target) {
  const want = propertyPathSegments(target);
  if (!want) return false;
  return paths.some((p) => {
    const have = propertyPathSegments(p);
    return !!have && have.length <= want.length && have.every((seg, i) => seg === "*" || seg === want[i]);
  });
}

// rules/capacity.ts
function countOf(g, out) {
  if (isKnown(g.nodeCount)) return g.nodeCount;
  if (g.nodeCount === UNKNOWN || g.nodeCount === MALFORMED) out.unknown(`${g.path}.nodeCount`);
  return void 0;
}
function aboveCap(g, n, cap) {
  return {
    path: `${g.path}.nodeCount`,
    message: `${n} nodes is above the ${cap}-node cap for a node group at creation`,
    fix: `create it with at most ${cap} and grow it in steps (the change-aware check and the live gate hold each step to the limits in guardrails.json), or use auto scaling`
  };
}
var nodeGroupSize = {
  name: "emr-node-group-creation-cap",
  check(view, { limits }) {
    const out = new OutcomeBuilder(this.name);
    const cap = limits.maxNodesPerGroupAtCreate;
    const threshold2 = limits.nodeGroupAckThreshold;
    for (const g of nodeGroupsOf(view, out)) {
      const n = countOf(g, out);
      if (n === void 0) continue;
      out.applies();
      if (n <= Math.min(cap, threshold2)) continue;
      const ack = ackNumber(view, ACK_TAGS.nodeCount);
      if (ack === UNKNOWN) {
        out.unknown(`tags[${JSON.stringify(ACK_TAGS.nodeCount)}]`);
        continue;
      }
      if (n <= ack) continue;
      const acked = ack ? `; acknowledged: ${ack}` : "";
      const tag = `the tag ${ACK_TAGS.nodeCount}: "${n}" (acknowledgements.nodeCount: ${n} in the EmrCluster spec)`;
      if (n > cap) {
        const f = aboveCap(g, n, cap);
        out.fail(f.path, `${f.message}, without an acknowledgement that it was reached by steps (${g.label}${acked})`, `${f.fix}; sign off a size reached by steps with ${tag}`);
      } else {
        out.fail(`${g.path}.nodeCount`, `${n} nodes is above the ${threshold2}-node acknowledgement threshold without an acknowledgement (${g.label}${acked})`, `acknowledge it with ${tag}, or stay at ${threshold2} or fewer`);
      }
    }
    return out.build();
  }
};
var clusterTotalNodesAck = {
  name: "emr-cluster-total-nodes-ack",
  check(view, { limits }) {
    const out = new OutcomeBuilder(this.name);
    let known = 0;
    let complete2 = true;
    let scaled = false;
    for (const g of nodeGroupsOf(view, out)) {
      const n = countOf(g, out);
      const max = maxNodesOf(g, out);
      if (max !== void 0) scaled = true;
      if (n === void 0 || max === UNKNOWN) complete2 = false;
      known += groupWeight(n ?? 0, typeof max === "number" ? max : void 0);
    }
    if (!Array.isArray(view.nodeGroups)) return out.build();
    const threshold2 = limits.clusterNodesCostAckThreshold;
    const ack = known > threshold2 ? ackNumber(view, ACK_TAGS.clusterNodes) : 0;
    if (ack === UNKNOWN) return out.unknown(`tags[${JSON.stringify(ACK_TAGS.clusterNodes)}]`).build();
    if (known > threshold2 && known > ack) {
      const total = complete2 ? `${known}` : `at least ${known}`;
      out.fail(
        "nodeGroups",
        `the cluster may have ${total} nodes in total${scaled ? " (auto-scaled groups counted at their MaxCapacity)" : ""}${complete2 ? "" : ", counting only the groups known yet"}, above the ${threshold2}-node cost threshold, without a cost acknowledgement${ack ? ` (acknowledged: ${ack})` : ""}`,
        `acknowledge the cost with the tag ${ACK_TAGS.clusterNodes}: "${known}" (acknowledgements.clusterNodes: ${known})${complete2 ? "" : " or more, once the other groups are known"}, or reduce the node groups or their maxCapacity`
      );
    } else if (complete2) out.applies();
    return out.build();
  }
};
var autoScalingMaxCapacity = {
  name: "emr-auto-scaling-max-capacity",
  check(view, { limits }) {
    const out = new OutcomeBuilder(this.name);
    nodeGroupsOf(view, out).forEach((g) => {
      const path = `${g.path}.autoScalingPolicy.constraints.maxCapacity`;
      const max = maxNodesOf(g, out);
      if (max === void 0 || max === UNKNOWN) return;
      out.applies();
      if (!isKnown(g.maxCapacity)) {
        out.fail(path, `${g.label} has an auto-scaling policy without maxCapacity: the API then allows up to ${max} nodes, above the auto-scaling cap of ${limits.maxAutoScalingCapacity}`, `state constraints.maxCapacity, at most ${limits.maxAutoScalingCapacity}, e.g. { minCapacity: 2, maxCapacity: ${Math.max(2, Math.min(40, limits.maxAutoScalingCapacity))} }`);
      } else if (max > limits.maxAutoScalingCapacity) {
        out.fail(path, `MaxCapacity ${max} exceeds the auto-scaling cap of ${limits.maxAutoScalingCapacity} (${g.label})`, `set maxCapacity to ${limits.maxAutoScalingCapacity} or less, e.g. ${Math.min(40, limits.maxAutoScalingCapacity)}`);
      }
    });
    return out.build();
  }
};

// rules/catalog/capacity.ts
var threshold = (d, key) => `${key}, default ${d[key]}`;
var UNITS = Object.keys(PAYMENT_DURATIONS);
var DURATIONS_TEXT = UNITS.map((u) => `${u}: ${PAYMENT_DURATIONS[u].join(", ")}`).join("; ");
var YEAR_TEXT = `a Year counts as ${MONTHS_PER_UNIT.Year} months`;
function capacityRules(d) {
  const t = (key) => threshold(d, key);
  return [
    {
      name: "emr-node-group-creation-cap",
      kind: "guardrail",
      level: "mandatory",
      judges: `nodeGroups[].nodeCount and the tag ${ACK_TAGS.nodeCount}`,
      description: `Checks whether every node group above the acknowledgement threshold (${t("nodeGroupAckThreshold")}) carries the tag ${ACK_TAGS.nodeCount} covering its size; above the cap at creation (${t("maxNodesPerGroupAtCreate")}) that tag states the size was reached by steps.`,
      fix: `stay at or below the threshold, or sign off the size with the tag ${ACK_TAGS.nodeCount} (acknowledgements.nodeCount in the EmrCluster spec); a group above the cap is created at the cap and grown in steps, or given auto scaling`,
      note: "A policy sees only the planned end state, never whether a group is created or was grown to its size in steps: the change rules hold each creation and each step to the cap (emr-change-creation, emr-change-scale-out). One violation per group, for its one fix.",
      limits: ["maxNodesPerGroupAtCreate", "nodeGroupAckThreshold"],
      hosts: ["maxScaleOutPerCall", "scaleOutAckThreshold", "maxScaleInPerCall"]
    },
    {
      name: "emr-cluster-total-nodes-ack",
      kind: "guardrail",
      level: "mandatory",
      judges: `nodeGroups[].nodeCount, nodeGroups[].autoScalingPolicy.constraints.maxCapacity and the tag ${ACK_TAGS.clusterNodes}`,
      description: `Checks whether a cluster that may grow above the cost threshold (${t("clusterNodesCostAckThreshold")} nodes in total, each auto-scaled group counted at its MaxCapacity) carries the tag ${ACK_TAGS.clusterNodes} covering its total.`,
      fix: `sign off the total with the tag ${ACK_TAGS.clusterNodes} (acknowledgements.clusterNodes), or reduce the node groups or their maxCapacity`,
      note: `An auto-scaled group counts at the larger of its nodeCount and its MaxCapacity (the API's ${AUTO_SCALING.defaultMaxCapacity} when the policy states none). A group that cannot be counted yet makes the total unknown, unless the known part already exceeds the threshold.`,
      limits: ["clusterNodesCostAckThreshold"],
      // The cost rules of the change-aware check (policies/rules/cost) read these two with a price book (--prices).
      hosts: ["monthlyCostAckThreshold", "priceBookMaxAgeDays"]
    },
    {
      name: "emr-auto-scaling-max-capacity",
      kind: "guardrail",
      level: "mandatory",
      judges: "nodeGroups[].autoScalingPolicy.constraints.maxCapacity",
      description: `Checks whether every auto-scaling policy states a MaxCapacity of at most the cap (${t("maxAutoScalingCapacity")}; without one the API uses ${AUTO_SCALING.defaultMaxCapacity}).`,
      fix: "state constraints.maxCapacity in every auto-scaling policy, at most the cap",
      limits: ["maxAutoScalingCapacity"]
    },
    {
      name: "emr-auto-scaling-ignore-changes",
      kind: "guardrail",
      level: "advisory",
      judges: "nodeGroups[].autoScalingPolicy and the resource option ignoreChanges",
      description: "Checks whether every auto-scaled node group's nodeCount is in the resource's ignoreChanges option (nodeGroups[i].nodeCount, or a path covering it: nodeGroups[*].nodeCount, nodeGroups[i], nodeGroups[*], nodeGroups).",
      fix: `add "nodeGroups[<i>].nodeCount" to the resource's ignoreChanges option (EmrCluster does this)`,
      note: "The provider reads nodeCount back from the live count, so without it every deploy scales the group back to the program's count."
    },
    {
      name: "emr-auto-scaling-bounds",
      kind: "validity",
      level: "mandatory",
      judges: "nodeGroups[].autoScalingPolicy.constraints and nodeGroups[].nodeCount",
      description: "Checks whether every auto-scaling policy has minCapacity <= maxCapacity (their range is the provider's: emr-provider-schema) and its group's nodeCount within [minCapacity, maxCapacity].",
      fix: "set minCapacity at most maxCapacity, and nodeCount between them"
    },
    {
      name: "emr-subscription-duration-ack",
      kind: "guardrail",
      level: "mandatory",
      judges: `paymentType, subscriptionConfig (cluster and node groups) and the tag ${ACK_TAGS.subscriptionMonths}`,
      description: `Checks whether a Subscription (cluster or node group) longer than the threshold (${t("subscriptionMonthsAckThreshold")} months; ${YEAR_TEXT}) carries the tag ${ACK_TAGS.subscriptionMonths} covering it.`,
      fix: `sign off the length with the tag ${ACK_TAGS.subscriptionMonths} (acknowledgements.subscriptionMonths), or subscribe for fewer months`,
      note: "A subscriptionConfig left on a PayAsYouGo cluster or group buys nothing and is not held to it.",
      limits: ["subscriptionMonthsAckThreshold"]
    },
    {
      name: "emr-subscription-config",
      kind: "validity",
      level: "mandatory",
      judges: "paymentType and subscriptionConfig (cluster and node groups)",
      description: `Checks whether every Subscription (cluster or node group) has a subscriptionConfig with a paymentDuration and paymentDurationUnit, and a duration the API accepts for its unit (${DURATIONS_TEXT}).`,
      fix: 'add subscriptionConfig: { paymentDuration, paymentDurationUnit: "Month" or "Year" } with a duration of that unit'
    },
    {
      name: "emr-deletion-protection",
      kind: "guardrail",
      level: "mandatory",
      judges: "deletionProtection",
      description: "Checks whether the cluster has deletionProtection set to true.",
      fix: "keep deletionProtection: true (EmrCluster sets it); nothing in this project turns it off: to release a cluster, retire it (emr:retire) and turn protection off in the EMR console, as the release checklist says",
      remediation: true
    },
    {
      name: "emr-protect-option",
      kind: "guardrail",
      level: "mandatory",
      judges: "the resource option protect",
      description: "Checks whether the cluster carries the Pulumi protect resource option, so pulumi destroy fails on it.",
      fix: "pass { protect: true } in the resource options (EmrCluster sets it unless protect: false)"
    }
  ];
}

// rules/gates/names.ts
var CHANGE_RULES = {
  creation: "emr-change-creation",
  scaleOut: "emr-change-scale-out",
  scaleIn: "emr-change-scale-in",
  clusterTotal: "emr-change-cluster-total",
  liveCounts: "emr-change-live-counts",
  autoScaling: "emr-change-auto-scaling",
  deletionProtection: "emr-change-deletion-protection",
  groupRemoval: "emr-change-group-removal",
  diskSize: "emr-change-disk-size",
  paymentSwitch: "emr-change-payment-switch",
  securityMode: "emr-change-security-mode",
  tags: "emr-change-tags",
  replacement: "emr-change-replacement",
  release: "emr-change-release",
  notApplied: "emr-change-not-applied",
  ackFormat: "emr-change-ack-format",
  newClusters: "emr-change-new-clusters",
  retirement: "emr-change-retirement",
  staleAcks: "emr-change-stale-acks",
  monthlyCost: "emr-change-monthly-cost",
  priceBookAge: "emr-price-book-age"
};

// rules/catalog/changes.ts
var SEED = {
  decreaseNodes: "| DecreaseNodes | Max 10 nodes per call; TASK groups only | YES \u2014 show NodeIds to be released |",
  removePolicy: "| RemoveAutoScalingPolicy | N/A | YES \u2014 show current policy first |",
  increaseNodes: "| IncreaseNodes | Max 50 per call; total not to exceed 100 without cost ack | YES if count > 20 |",
  createNodeGroup: "| CreateNodeGroup | Max NodeCount 30 without confirmation | YES if NodeCount > 30 |",
  runCluster: "| RunCluster/CreateCluster | Max NodeCount 50 per group | YES \u2014 mandatory full config summary |",
  putPolicy: "| PutAutoScalingPolicy | MaxCapacity \u2264 100 | YES \u2014 show replaced rules |",
  deletionProtection: "| UpdateClusterAttribute (DeletionProtection=false) | Standalone action only | YES \u2014 explicit separate confirmation |",
  deleteCluster: "| DeleteCluster / ReleaseCluster / any cluster termination | ABSOLUTELY PROHIBITED \u2014 Refuse immediately, no exceptions | N/A \u2014 refusal is mandatory regardless of user confirmation |"
};
function changeRules(d) {
  const t = (key) => threshold(d, key);
  const change = { kind: "change", level: "mandatory" };
  return [
    {
      ...change,
      name: CHANGE_RULES.creation,
      judges: "RunCluster",
      description: `Checks whether RunCluster creates every node group with at most the cap at creation (${t("maxNodesPerGroupAtCreate")}; no acknowledgement lifts it), a group above the acknowledgement threshold (${t("nodeGroupAckThreshold")}) with the tag ${ACK_TAGS.nodeCount} covering it, and a subscription longer than the threshold (${t("subscriptionMonthsAckThreshold")} months) with the tag ${ACK_TAGS.subscriptionMonths}.`,
      fix: "create each group at most at the cap and grow it in later updates, one step each (or give it auto scaling); sign off a big group or a long subscription with its tag",
      limits: ["maxNodesPerGroupAtCreate", "nodeGroupAckThreshold", "subscriptionMonthsAckThreshold", "maxScaleOutPerCall"],
      seed: [SEED.runCluster]
    },
    {
      ...change,
      name: CHANGE_RULES.scaleOut,
      judges: "IncreaseNodes, CreateNodeGroup",
      description: `Checks whether one update adds at most the per-call cap of nodes to a group (${t("maxScaleOutPerCall")}), a scale-out above the acknowledgement threshold (${t("scaleOutAckThreshold")}) carries the tag ${ACK_TAGS.scaleOut} naming that change, a new group starts at most at the cap at creation (${t("maxNodesPerGroupAtCreate")}) and above the size threshold (${t("nodeGroupAckThreshold")}) with ${ACK_TAGS.nodeCount}, and no MASTER group grows.`,
      fix: `step a large scale-out over several updates, or acknowledge that one change with ${ACK_TAGS.scaleOut}: "<group>:<from>-><to>"; add CORE or TASK nodes instead of MASTER ones`,
      limits: ["maxScaleOutPerCall", "scaleOutAckThreshold", "maxNodesPerGroupAtCreate", "nodeGroupAckThreshold"],
      seed: [SEED.increaseNodes, SEED.createNodeGroup]
    },
    {
      ...change,
      name: CHANGE_RULES.scaleIn,
      judges: "DecreaseNodes",
      description: `Checks whether DecreaseNodes shrinks only a ${SCALE_IN_GROUP_TYPES.join("/")} group of the live cluster, never Subscription nodes, at most the per-call cap (${t("maxScaleInPerCall")}), and only with the acknowledgement of that change (${ACK_TAGS.scaleIn}, or ${ACK_TAGS.taskGroupToZero} to empty a group).`,
      fix: `step it, one update per step at least ${SCALE_IN_BATCH_INTERVAL_SECONDS} s apart, each acknowledged with the value the check prints; a count cannot empty a group (the API takes one only below the active nodes): release the last node by its ID; keep CORE, MASTER and Subscription groups at their size`,
      note: "The provider sends a count and lets the service pick the nodes: the acknowledgement is the confirmation the seed asks for (EmrClient names the nodes instead).",
      limits: ["maxScaleInPerCall"],
      seed: [SEED.decreaseNodes]
    },
    {
      ...change,
      name: CHANGE_RULES.clusterTotal,
      judges: "the cluster's total before and after an update (IncreaseNodes, CreateNodeGroup, auto-scaling capacity)",
      description: `Checks whether a change that grows the cluster above the cost threshold (${t("clusterNodesCostAckThreshold")} nodes in total, each auto-scaled group at the larger of its count and its MaxCapacity) carries the tag ${ACK_TAGS.clusterNodes} covering the new total.`,
      fix: `sign off the new total with ${ACK_TAGS.clusterNodes}, or keep the total at or below the threshold`,
      note: `A policy without MaxCapacity counts at the API's default, ${AUTO_SCALING.defaultMaxCapacity}.`,
      limits: ["clusterNodesCostAckThreshold"],
      seed: [SEED.increaseNodes]
    },
    {
      ...change,
      name: CHANGE_RULES.liveCounts,
      judges: "IncreaseNodes, DecreaseNodes of an auto-scaled group (from its live count)",
      description: "Checks whether a node-group change on a cluster with an auto-scaled group is judged with that group's live count, since the provider resizes it back to its recorded count.",
      fix: "refresh first (`pulumi refresh`, then `emr-check --state <file> --refreshed`) or run with the live API (`--live`); deploy with `pulumi up --refresh`"
    },
    {
      ...change,
      name: CHANGE_RULES.autoScaling,
      judges: "PutAutoScalingPolicy, RemoveAutoScalingPolicy",
      description: `Checks whether PutAutoScalingPolicy keeps MaxCapacity within the cap (${t("maxAutoScalingCapacity")}) and replaces an existing policy only with the acknowledgement of that policy, and RemoveAutoScalingPolicy runs only with the acknowledgement of that removal (${ACK_TAGS.autoScaling}).`,
      fix: `acknowledge the removal or the new policy with ${ACK_TAGS.autoScaling} (the check prints the exact value, which names the new policy), or keep the old policy`,
      limits: ["maxAutoScalingCapacity"],
      seed: [SEED.putPolicy, SEED.removePolicy]
    },
    {
      ...change,
      name: CHANGE_RULES.deletionProtection,
      judges: "UpdateClusterAttribute (DeletionProtection=false)",
      description: "Checks whether UpdateClusterAttribute turns deletion protection off only as the only change of its update: no other call, and no edit the provider stops at.",
      fix: "apply the other changes first; then turn deletion protection off alone, in its own update (or not at all)",
      seed: [SEED.deletionProtection]
    },
    {
      ...change,
      name: CHANGE_RULES.groupRemoval,
      judges: "DeleteNodeGroup (a node group leaving the program)",
      description: "Checks whether a node group leaves the program only once it has no running nodes (the provider stops the update otherwise), and says so when a group made outside the program is deleted once empty.",
      fix: `step the group down to 1 node (each step acknowledged), release the last nodes by their IDs, then remove it in a later update; a group that is not ${SCALE_IN_GROUP_TYPES.join("/")} cannot be emptied: keep it`
    },
    {
      ...change,
      name: CHANGE_RULES.diskSize,
      judges: "IncreaseNodesDiskSize",
      description: "Checks whether a data disk only grows (the provider stops the update at a smaller size, after its earlier calls).",
      fix: "keep the data disk at its size or larger; for smaller disks, add a new node group and move the work there"
    },
    {
      ...change,
      name: CHANGE_RULES.paymentSwitch,
      judges: "UpdateClusterPaymentType, UpdateNodeGroupPaymentType",
      description: `Checks whether a payment switch is PayAsYouGo -> Subscription, with MASTER and CORE switching in the same update, acknowledged with ${ACK_TAGS.paymentSwitch} (a commitment longer than the threshold, ${t("subscriptionMonthsAckThreshold")} months, with ${ACK_TAGS.subscriptionMonths}), and never Subscription -> PayAsYouGo.`,
      fix: `acknowledge the switch with ${ACK_TAGS.paymentSwitch}: "PayAsYouGo->Subscription" and switch MASTER and CORE together; a Subscription cluster never goes back`,
      limits: ["subscriptionMonthsAckThreshold"]
    },
    {
      ...change,
      name: CHANGE_RULES.securityMode,
      judges: "securityMode edits (the provider sends no call for them)",
      description: "Checks whether the security mode is never downgraded KERBEROS -> NORMAL.",
      fix: 'keep securityMode "KERBEROS"'
    },
    {
      ...change,
      name: CHANGE_RULES.tags,
      judges: "TagResources, UntagResources",
      description: "Checks whether no tag's value is edited in place: the provider writes the new value, then untags the key, so the tag ends up removed while the state says it is set.",
      fix: "change a tag's value in two updates: remove the key in one, add it with the new value in the next"
    },
    {
      ...change,
      name: CHANGE_RULES.replacement,
      judges: "a replacement (DeleteCluster then RunCluster): ForceNew fields and replaceOnChanges paths, of the cluster and of its security group and metastore resources",
      description: "Checks whether no change replaces the cluster or a resource it uses (a ForceNew field or a replaceOnChanges path): on a protected resource the preview fails, otherwise the data on it is lost.",
      fix: "keep the field as recorded; to move on, create a new cluster next to this one (another resource name), migrate, then retire the old one (emr:retire)"
    },
    {
      ...change,
      name: CHANGE_RULES.release,
      judges: "DeleteCluster",
      description: "Checks whether no update calls DeleteCluster: a cluster leaves the program only with retainOnDelete, and is released by a person in the console.",
      fix: "keep the cluster in the program, or retire it: retainOnDelete (EmrCluster sets it), its emr:retire entry, then remove it; release it in the EMR console with the checklist",
      seed: [SEED.deleteCluster]
    },
    {
      ...change,
      name: CHANGE_RULES.notApplied,
      level: "advisory",
      judges: "edits of fields the provider applies only at creation",
      description: "Checks whether every edited field is one the provider applies after creation (security mode, resource group, application configs, a group's disks, instance types, network and spot settings never reach the cluster).",
      fix: "make the change the way each finding says (the console, a new node group, a new cluster), and keep the program in step with it"
    },
    {
      ...change,
      name: CHANGE_RULES.ackFormat,
      judges: "the acknowledgement tags (emr-guard:ack-*)",
      description: `Checks whether every acknowledgement entry is in its form (e.g. ${ACK_TAGS.taskGroupToZero} "task:6->0", no longer "true").`,
      fix: "write the entry that names the change (the check prints the exact value a change needs)"
    },
    {
      ...change,
      name: CHANGE_RULES.newClusters,
      judges: "RunCluster of several clusters in one plan",
      description: `Checks whether a plan that creates several clusters carries a new-cluster acknowledgement (${ACK_TAGS.newCluster}) for each.`,
      fix: `acknowledge each new cluster with ${ACK_TAGS.newCluster}: "<clusterName>" (acknowledgements.newCluster: true), or create one cluster per update`
    },
    {
      ...change,
      name: CHANGE_RULES.retirement,
      judges: "a cluster leaving the program (emr:retire, retainOnDelete on it and on what it uses)",
      description: "Checks whether a cluster leaves the program only with its retirement entry (emr:retire, with the cluster ID the state records) and with retainOnDelete on it and on everything it still uses.",
      fix: "add emr:retire: [{ name, clusterId }] to the stack config and give the cluster and what it uses retainOnDelete; release it later in the EMR console with the checklist"
    },
    {
      ...change,
      name: CHANGE_RULES.staleAcks,
      level: "advisory",
      judges: "acknowledgement tags and emr:retire entries",
      description: "Checks whether every acknowledgement names a change of this plan (an entry left over, or spent by an earlier update, approves nothing).",
      fix: "remove the entry; write a new one for the change it should approve"
    },
    {
      ...change,
      name: CHANGE_RULES.monthlyCost,
      judges: "a cluster's monthly cost before and after the change, at a price book's prices (--prices)",
      description: `Checks whether a change that adds more than the threshold (${t("monthlyCostAckThreshold")}, in the price book's currency) to a cluster's monthly cost carries the tag ${ACK_TAGS.monthlyCost} naming that amount.`,
      fix: `acknowledge the amount the check prints with the tag ${ACK_TAGS.monthlyCost} (acknowledgements.monthlyCost), or make the change smaller`,
      note: "Judged only with a price book. Auto-scaled groups count from MinCapacity to MaxCapacity and the larger delta is judged; a delta whose unpriced parts differ between before and after is not known (no verdict), never 0.",
      limits: ["monthlyCostAckThreshold"]
    },
    {
      ...change,
      name: CHANGE_RULES.priceBookAge,
      level: "advisory",
      judges: "the price book's readAt dates (--prices)",
      description: `Checks whether the price book's oldest price was read at most the limit ago (${t("priceBookMaxAgeDays")} days).`,
      fix: "rebuild the book: emr-prices build --stack <stack> --output <file>",
      limits: ["priceBookMaxAgeDays"]
    }
  ];
}

// rules/payment.ts
var UNITS2 = Object.keys(PAYMENT_DURATIONS);
var isUnit = (u) => UNITS2.includes(u);
function subscriptionsOf(view, out) {
  const cluster = { path: "subscriptionConfig", what: "the cluster", paymentType: view.paymentType, effectivePayment: view.paymentType, subscription: view.subscription };
  return [
    cluster,
    ...nodeGroupsOf(view, out).map((g) => ({ path: `${g.path}.subscriptionConfig`, what: g.label, paymentType: g.paymentType, effectivePayment: g.paymentType ?? view.paymentType, subscription: g.subscription }))
  ];
}
function paysBySubscription(owner, out) {
  if (owner.effectivePayment === UNKNOWN) out.unknown(owner.path.replace(/subscriptionConfig$/, "paymentType"));
  return owner.effectivePayment === "Subscription";
}
var PROVIDER_DURATIONS = EMR_CLUSTER_SCHEMA["subscriptionConfig.paymentDuration"].values;
var subscriptionConfigValid = {
  name: "emr-subscription-config",
  check(view) {
    const out = new OutcomeBuilder(this.name);
    for (const { path, what, paymentType, subscription } of subscriptionsOf(view, out)) {
      if (subscription === UNKNOWN) {
        out.unknown(path);
        continue;
      }
      if (subscription === void 0) {
        if (paymentType === "Subscription") out.fail(path, `${what} is Subscription without a subscriptionConfig: the API needs its duration`, 'add subscriptionConfig: { paymentDuration: 12, paymentDurationUnit: "Month" }');
        else if (paymentType === UNKNOWN) out.unknown(path.replace(/subscriptionConfig$/, "paymentType"));
        continue;
      }
      if (!isKnown(subscription)) {
        out.fail(path, `${what} has a subscriptionConfig that is not an object`, 'write it as { paymentDuration: 12, paymentDurationUnit: "Month" }');
        continue;
      }
      out.applies();
      const { duration, unit } = subscription;
      if (unit === UNKNOWN || duration === UNKNOWN) {
        out.unknown(path);
        continue;
      }
      if (unit === void 0) out.fail(`${path}.paymentDurationUnit`, `${what} has a subscriptionConfig without paymentDurationUnit, which the provider requires`, 'set paymentDurationUnit: "Month" (or "Year")');
      if (duration === void 0) out.fail(`${path}.paymentDuration`, `${what} has a subscriptionConfig without paymentDuration, which the provider requires`, "set paymentDuration, e.g. 12");
      if (!isUnit(unit) || !isKnown(duration) || !PROVIDER_DURATIONS.includes(duration)) continue;
      if (!PAYMENT_DURATIONS[unit].includes(duration)) {
        out.fail(`${path}.paymentDuration`, `${what} has paymentDuration ${duration} ${unit}; for ${unit} the API accepts ${PAYMENT_DURATIONS[unit].join(", ")}`, `use one of them, e.g. ${unit === "Year" ? 1 : 12}, or paymentDurationUnit "Month"`);
      }
    }
    return out.build();
  }
};
function subscriptionMonths(subscription) {
  if (!isKnown(subscription) || !isKnown(subscription.duration)) return void 0;
  const unit = subscription.unit ?? "Month";
  return isUnit(unit) ? subscription.duration * MONTHS_PER_UNIT[unit] : void 0;
}
var subscriptionDurationAck = {
  name: "emr-subscription-duration-ack",
  check(view, { limits }) {
    const out = new OutcomeBuilder(this.name);
    for (const owner of subscriptionsOf(view, out)) {
      const { path, what, subscription } = owner;
      if (subscription === void 0 || !paysBySubscription(owner, out)) continue;
      const months = subscriptionMonths(subscription);
      if (subscription === UNKNOWN || months === void 0 && isKnown(subscription) && (subscription.duration === UNKNOWN || subscription.unit === UNKNOWN)) {
        out.unknown(`${path}.paymentDuration`);
        continue;
      }
      if (months === void 0) continue;
      out.applies();
      if (months <= limits.subscriptionMonthsAckThreshold) continue;
      const ack = ackNumber(view, ACK_TAGS.subscriptionMonths);
      if (ack === UNKNOWN) out.unknown(`tags[${JSON.stringify(ACK_TAGS.subscriptionMonths)}]`);
      else if (months > ack) {
        out.fail(`${path}.paymentDuration`, `a ${months}-month subscription (${what}) is longer than ${limits.subscriptionMonthsAckThreshold} months without a cost acknowledgement${ack ? ` (acknowledged: ${ack})` : ""}`, `acknowledge it with the tag ${ACK_TAGS.subscriptionMonths}: "${months}" (acknowledgements.subscriptionMonths: ${months}), or subscribe for ${limits.subscriptionMonthsAckThreshold} months`);
      }
    }
    return out.build();
  }
};

// rules/provider.ts
var OSS_HDFS_ROOT = {
  applicationName: "OSS-HDFS",
  configFileName: "common.conf",
  configItemKey: "OSS_ROOT_URI",
  /** `oss://<bucket>.<region>.oss-dls.aliyuncs.com/`: the bucket's OSS-HDFS endpoint. */
  pattern: /^oss:\/\/[a-z0-9][a-z0-9-]{1,61}[a-z0-9]\.[a-z0-9-]+\.oss-dls\.aliyuncs\.com\/?$/,
  example: "oss://lakehouse-prod.cn-hangzhou.oss-dls.aliyuncs.com/"
};
var ossHdfsRootUri = {
  name: "emr-oss-hdfs-root-uri",
  check(view) {
    const out = new OutcomeBuilder(this.name);
    if (view.applications === UNKNOWN) return out.unknown("applications").build();
    if (!knownApplications(view).includes(OSS_HDFS_ROOT.applicationName)) return out.build();
    out.applies();
    if (view.applicationConfigs === UNKNOWN) return out.unknown("applicationConfigs").build();
    const items = Array.isArray(view.applicationConfigs) ? view.applicationConfigs : [];
    if (items.some((c) => c.configItemKey === UNKNOWN || c.applicationName === UNKNOWN)) return out.unknown("applicationConfigs").build();
    const root = items.find((c) => c.applicationName === OSS_HDFS_ROOT.applicationName && c.configItemKey === OSS_HDFS_ROOT.configItemKey);
    const fix = `create a bucket with OSS-HDFS enabled, then set storage.ossHdfsRootUri in the EmrCluster spec (or an applicationConfigs item ${OSS_HDFS_ROOT.applicationName} / ${OSS_HDFS_ROOT.configFileName} / ${OSS_HDFS_ROOT.configItemKey}), for example "${OSS_HDFS_ROOT.example}"`;
    if (!root) return out.fail("applicationConfigs", "OSS-HDFS is installed without its root storage directory: the cluster has no usable default filesystem", fix).build();
    if (root.configItemValue === UNKNOWN) return out.unknown(`${root.path}.configItemValue`).build();
    if (root.configFileName !== OSS_HDFS_ROOT.configFileName) {
      out.fail(`${root.path}.configFileName`, `${OSS_HDFS_ROOT.configItemKey} is in "${String(root.configFileName)}"`, `put it in "${OSS_HDFS_ROOT.configFileName}"`);
    }
    if (!isKnown(root.configItemValue) || !OSS_HDFS_ROOT.pattern.test(root.configItemValue)) {
      out.fail(`${root.path}.configItemValue`, `${OSS_HDFS_ROOT.configItemKey} is ${JSON.stringify(root.configItemValue)}, not an OSS-HDFS bucket endpoint`, fix);
    }
    return out.build();
  }
};
function checkRenewal(subscription, path, what, out) {
  if (subscription === UNKNOWN) return void out.unknown(path);
  if (!isKnown(subscription)) return;
  const renewal = subscription;
  if (renewal.autoRenew === UNKNOWN) return void out.unknown(`${path}.autoRenew`);
  if (renewal.autoRenew !== true) return;
  out.applies();
  if (renewal.autoRenewDuration === UNKNOWN) out.unknown(`${path}.autoRenewDuration`);
  else if (renewal.autoRenewDuration === void 0) {
    out.fail(`${path}.autoRenewDuration`, `${what} renews automatically with no renewal duration: the provider sends 0`, 'set autoRenewDuration: 1 and autoRenewDurationUnit: "Month" (the EmrCluster component does this by default)');
  }
}
var subscriptionAutoRenewDuration = {
  name: "emr-subscription-auto-renew",
  check(view) {
    const out = new OutcomeBuilder(this.name);
    checkRenewal(view.subscription, "subscriptionConfig", "the cluster", out);
    for (const g of nodeGroupsOf(view, out)) checkRenewal(g.subscription, `${g.path}.subscriptionConfig`, g.label, out);
    return out.build();
  }
};
var subscriptionAutoPayOrder = {
  name: "emr-subscription-auto-pay-order",
  check(view) {
    const out = new OutcomeBuilder(this.name);
    for (const owner of subscriptionsOf(view, out)) {
      const { path, what, subscription } = owner;
      if (subscription === void 0 || !paysBySubscription(owner, out)) continue;
      if (subscription === UNKNOWN) {
        out.unknown(path);
        continue;
      }
      if (!isKnown(subscription)) continue;
      out.applies();
      if (subscription.autoPayOrder === UNKNOWN) out.unknown(`${path}.autoPayOrder`);
      else if (subscription.autoPayOrder === void 0) {
        const order = owner.path === "subscriptionConfig" ? "the order that creates the cluster" : "the orders of its creation and later scale-outs";
        out.fail(`${path}.autoPayOrder`, `${what} is Subscription and its subscriptionConfig leaves autoPayOrder out: the provider sends false (not its documented default, true), so ${order} would wait unpaid`, "set autoPayOrder: true (or false if you pay each order yourself); EmrCluster sets true unless told otherwise");
      }
    }
    return out.build();
  }
};

// rules/catalog/hygiene.ts
var TAG_COUNT_TEXT = `at most ${TAG_RULES.maxTags} tags`;
var production = `production stacks (productionStacks, default ${DEFAULT_PRODUCTION_STACK_PATTERNS.join(", ")})`;
function hygieneRules() {
  return [
    {
      name: "emr-names-and-descriptions",
      kind: "validity",
      level: "mandatory",
      judges: "clusterName and nodeGroups[].nodeGroupName",
      description: `Checks whether the cluster name (an English or Chinese letter first, at most ${NAME_LIMITS.clusterName} characters) and node group names (a digit may come first, at most ${NAME_LIMITS.nodeGroupName}) use only English or Chinese letters, digits, _ and -.`,
      fix: `rename with English or Chinese letters, digits, "_" and "-", e.g. "lakehouse-prod" (never rename a deployed cluster's Pulumi resource)`
    },
    {
      name: "emr-tags",
      kind: "validity",
      level: "mandatory",
      judges: "tags",
      description: `Checks whether the cluster has ${TAG_COUNT_TEXT} (acknowledgement and identity tags included), no key with a reserved prefix (${TAG_RULES.reservedKeyPrefixes.join(", ")}), no ${TAG_RULES.forbiddenFragments.join(" or ")} in keys or values, and keys and values of at most ${TAG_RULES.maxKeyLength} characters.`,
      fix: "drop tags you do not need, choose another key, leave URLs out of tags",
      note: "These are Alibaba Cloud's general tag rules (an assumption: EMR's own page does not state them)."
    },
    {
      name: "emr-bootstrap-scripts-oss",
      kind: "validity",
      level: "mandatory",
      judges: "bootstrapScripts[].scriptPath",
      description: "Checks whether every bootstrap script is read from an oss:// path (never a remote URL or a local path).",
      fix: 'upload the script to your own OSS bucket and use its oss:// path, e.g. "oss://my-bucket/bootstrap/init.sh"'
    },
    {
      name: "emr-production-kerberos",
      kind: "guardrail",
      level: "advisory",
      judges: "securityMode, on production stacks",
      description: `Checks whether clusters on ${production} use securityMode KERBEROS (never downgraded to NORMAL).`,
      fix: 'set securityMode: "KERBEROS" when the cluster is created (the provider never applies a later change)',
      productionStacks: true
    },
    {
      name: "emr-production-ha",
      kind: "guardrail",
      level: "advisory",
      judges: "deployMode, on production stacks",
      description: `Checks whether clusters on ${production} use deployMode HA.`,
      fix: 'set deployMode: "HA" with 3 MASTER nodes and ZOOKEEPER (the datalake-ha preset)',
      productionStacks: true
    },
    {
      name: "emr-cluster-names-unique",
      kind: "validity",
      level: "mandatory",
      judges: "clusterName of every cluster of the stack",
      description: "Checks whether every EMR cluster of the stack has its own clusterName.",
      fix: "give each cluster its own clusterName (the stack program refuses duplicates too)"
    },
    {
      name: "emr-oss-hdfs-root-uri",
      kind: "validity",
      level: "mandatory",
      judges: `applications and the applicationConfigs item ${OSS_HDFS_ROOT.applicationName} / ${OSS_HDFS_ROOT.configFileName} / ${OSS_HDFS_ROOT.configItemKey}`,
      description: `Checks whether a cluster with OSS-HDFS sets its root storage directory (${OSS_HDFS_ROOT.applicationName} ${OSS_HDFS_ROOT.configFileName} ${OSS_HDFS_ROOT.configItemKey}) to an OSS-HDFS bucket.`,
      fix: `create a bucket with OSS-HDFS enabled, then set storage.ossHdfsRootUri in the EmrCluster spec, e.g. "${OSS_HDFS_ROOT.example}"`,
      note: "The item names are those of Alibaba's own cluster templates (an assumption, not verifiable offline)."
    },
    {
      name: "emr-subscription-auto-renew",
      kind: "validity",
      level: "mandatory",
      judges: "subscriptionConfig.autoRenew and autoRenewDuration (cluster and node groups)",
      description: "Checks whether every subscriptionConfig with autoRenew also sets autoRenewDuration (the provider sends 0 otherwise).",
      fix: 'set autoRenewDuration and autoRenewDurationUnit, e.g. 1 "Month" (EmrCluster does by default)'
    },
    {
      name: "emr-subscription-auto-pay-order",
      kind: "validity",
      level: "mandatory",
      judges: "subscriptionConfig.autoPayOrder of every Subscription (cluster and node groups)",
      description: "Checks whether every Subscription's subscriptionConfig (cluster or node group) states autoPayOrder (the provider sends false when it is left out, leaving the order unpaid).",
      fix: "set autoPayOrder: true (or false if you pay each order yourself); EmrCluster sets true unless told otherwise"
    },
    {
      name: "emr-provider-schema",
      kind: "validity",
      level: "mandatory",
      judges: "the cluster's enum, range, pattern, whole-number and boolean fields, and those of the stack's RDS instances, databases, accounts, privileges and security groups",
      description: `Checks whether every enum, range, pattern, whole-number and boolean field of the cluster (${Object.keys(EMR_CLUSTER_SCHEMA).length} fields) and of the RDS instances, databases, accounts, privileges and security groups of the stack holds a value the alicloud provider's schema accepts (it refuses the others at preview, or truncates a fraction).`,
      fix: "use a value the provider accepts (each finding names the field's values or range and the provider's source line)",
      note: "One table, rules/provider-schema.ts, read from the provider's source with file:line per entry; the EmrCluster schema reads it too."
    }
  ];
}

// rules/catalog/limits.ts
var CHANGE_READERS = "the change-aware check, the live gate and EmrClient read this";
var LIMIT_DESCRIPTIONS = {
  maxNodesPerGroupAtCreate: "Most nodes a node group may have at creation.",
  nodeGroupAckThreshold: `Node groups above this size need the ${ACK_TAGS.nodeCount} tag covering it.`,
  scaleOutAckThreshold: `A scale-out above this many nodes in one update needs the ${ACK_TAGS.scaleOut} tag naming it (${CHANGE_READERS}).`,
  maxScaleOutPerCall: `Most nodes one update may add to a node group (${CHANGE_READERS}).`,
  maxScaleInPerCall: `Most nodes one update may release from a ${SCALE_IN_GROUP_TYPES.join("/")} group (${CHANGE_READERS}).`,
  clusterNodesCostAckThreshold: `Clusters above this many nodes in total need the ${ACK_TAGS.clusterNodes} tag.`,
  maxAutoScalingCapacity: "Highest auto-scaling MaxCapacity.",
  subscriptionMonthsAckThreshold: `Subscriptions longer than this many months need the ${ACK_TAGS.subscriptionMonths} tag.`,
  monthlyCostAckThreshold: `A change that adds more than this to a cluster's monthly cost (in the price book's currency) needs the ${ACK_TAGS.monthlyCost} tag naming the amount (the change-aware check reads this, with --prices).`,
  priceBookMaxAgeDays: "A price book older than this many days (its oldest price) is reported, advisory (the check reads this, with --prices)."
};
var PRODUCTION_STACKS_DESCRIPTION = "Stack names treated as production (* is a wildcard).";

// rules/catalog/topology.ts
var exclusive = MUTUALLY_EXCLUSIVE_APPLICATIONS.map((set) => set.join("/")).join(", ");
var gateways = Object.entries(GATEWAY_SINCE_RELEASE).map(([type, release]) => `${type} from ${release}`).join(", ");
function topologyRules() {
  return [
    {
      name: "emr-security-group-normal",
      kind: "guardrail",
      level: "mandatory",
      judges: `the ${TYPES.securityGroup} resources a cluster uses (nodeAttributes.securityGroupId, nodeGroups[].additionalSecurityGroupIds), through property dependencies`,
      description: "Checks whether every security group an EMR cluster uses (its own, and its node groups' additionalSecurityGroupIds), when created in the stack, is a normal (not enterprise) security group.",
      fix: 'set securityGroupType: "normal" on the group, or use another normal group (EMR refuses enterprise groups at creation)'
    },
    {
      name: "emr-security-group-external",
      kind: "guardrail",
      level: "advisory",
      judges: "nodeAttributes.securityGroupId and nodeGroups[].additionalSecurityGroupIds written as IDs",
      description: "Checks whether the security groups of an EMR cluster can be verified in the stack; an external one must be checked to be a normal group by hand.",
      fix: "make sure the group is a normal security group (EMR refuses enterprise ones), or create it in the stack (EmrCluster creates one)"
    },
    {
      name: "emr-hive-metastore-type",
      kind: "validity",
      level: "mandatory",
      judges: `applications and the applicationConfigs items of ${METASTORE.hive.configFileName}`,
      description: `Checks whether a cluster with HIVE sets ${METASTORE.key} in ${METASTORE.hive.configFileName} once (or always to the same value) to ${METASTORE.types.slice(0, -1).join(", ")} or ${METASTORE.types[METASTORE.types.length - 1]}, and USER_RDS with its JDBC connection items (URL, user name, password), none empty.`,
      fix: "use metastore: { type: ... } in the EmrCluster spec, or add the applicationConfigs item (and for USER_RDS the javax.jdo.option.Connection* items) by hand"
    },
    {
      name: "emr-spark-metastore-matches-hive",
      kind: "validity",
      level: "mandatory",
      judges: `applications and the applicationConfigs items of ${METASTORE.spark.configFileName}`,
      description: `Checks whether a cluster with Spark sets ${METASTORE.key} in ${METASTORE.spark.configFileName} once (or always to the same value), equal to HIVE's.`,
      fix: `set Spark's ${METASTORE.key} to HIVE's value (EmrCluster writes both from one metastore setting)`
    },
    {
      name: "emr-ha-external-metastore",
      kind: "validity",
      level: "mandatory",
      judges: `deployMode, applications and every ${METASTORE.key} item`,
      description: `Checks whether an HA cluster with HIVE or Spark keeps its metastore outside the cluster (${METASTORE.externalTypes.join(" or ")}, never LOCAL) in every ${METASTORE.key} item of ${METASTORE.hive.configFileName} and Spark's ${METASTORE.spark.configFileName}.`,
      fix: `use "USER_RDS" (ApsaraDB RDS in the cluster's VPC) or "DLF"; metastore: { type: "USER_RDS" } in the EmrCluster spec creates the RDS`
    },
    {
      name: "emr-metastore-rds-same-vpc",
      kind: "validity",
      level: "mandatory",
      judges: `the ${TYPES.rdsInstance} a USER_RDS metastore's items derive from, and nodeAttributes.vpcId`,
      description: "Checks whether the ApsaraDB RDS instance of a USER_RDS Hive metastore, when in the stack, is in the cluster's VPC.",
      fix: "create the RDS instance in the cluster's VPC (its vpcId and a vswitchId of that VPC)"
    },
    {
      name: "emr-metastore-password-source",
      kind: "guardrail",
      level: "advisory",
      judges: `the ${METASTORE.jdbc.password} item of a cluster written without EmrCluster, and its property dependencies`,
      description: `Checks whether the Hive metastore JDBC password (${METASTORE.jdbc.password}) of a cluster written without EmrCluster is derived from a resource of the stack (the pack cannot tell a secret from a literal).`,
      fix: 'build the cluster with EmrCluster (metastore: { type: "USER_RDS" } generates the password; metastore.external.password takes a Pulumi secret), and never commit a password in plain text',
      note: "Policies receive secrets unwrapped (@pulumi/policy 1.21, pulumi/pulumi-policy#241), so the EmrCluster component refuses a plain-text password and this policy is silent for clusters it built."
    },
    {
      name: "emr-deploy-mode-masters",
      kind: "validity",
      level: "mandatory",
      judges: "deployMode and the MASTER group's nodeCount",
      description: `Checks whether the cluster has one MASTER group with ${MASTER_NODES.HA} nodes in HA mode, or ${MASTER_NODES.NORMAL} node in NORMAL mode.`,
      fix: `declare one MASTER group with nodeCount ${MASTER_NODES.HA} (HA) or ${MASTER_NODES.NORMAL} (NORMAL)`
    },
    {
      name: "emr-ha-zookeeper",
      kind: "validity",
      level: "mandatory",
      judges: "deployMode and applications",
      description: `Checks whether an HA cluster installs ${HA_REQUIRED_APPLICATIONS.join(", ")} (master standby switching).`,
      fix: `add ${HA_REQUIRED_APPLICATIONS.map((a) => `"${a}"`).join(", ")} to applications`
    },
    {
      name: "emr-core-group",
      kind: "validity",
      level: "mandatory",
      judges: "applications and the CORE groups' nodeCount",
      description: `Checks whether a cluster that installs an application storing its data on CORE nodes (${CORE_DATA_APPLICATIONS.join(", ")}) has a CORE group, and whether every CORE group has at least one node.`,
      fix: "add a CORE group with at least one node, or leave HDFS out (OSS-HDFS keeps the data in OSS)",
      note: "A cluster without HDFS needs no CORE group (the provider's own test cluster: OLAP, ZOOKEEPER only, one MASTER group)."
    },
    {
      name: "emr-node-group-roles",
      kind: "validity",
      level: "mandatory",
      judges: "nodeGroups[].nodeGroupType, deployMode, clusterType and releaseVersion",
      description: `Checks whether MASTER-EXTEND groups appear only in HA clusters, and GATEWAY groups only in ${gateways}.`,
      fix: 'use deployMode "HA" for MASTER-EXTEND; for GATEWAY a release from the one named, or a gateway environment deployed for the cluster',
      note: "Releases are compared as numbers; OLAP and DATASERVING clusters use a separately deployed gateway environment."
    },
    {
      name: "emr-node-group-names-unique",
      kind: "validity",
      level: "mandatory",
      judges: "nodeGroups[].nodeGroupName",
      description: "Checks whether every node group of the cluster has its own nodeGroupName (the provider matches groups by name).",
      fix: "give each node group its own name"
    },
    {
      name: "emr-spot-and-auto-scaling-task-only",
      kind: "validity",
      level: "mandatory",
      judges: "nodeGroups[].nodeGroupType, spotStrategy and autoScalingPolicy",
      description: "Checks whether Spot instances and auto-scaling policies are used only on TASK groups.",
      fix: "put Spot capacity and auto scaling in a TASK group"
    },
    {
      name: "emr-vswitch-ids",
      kind: "validity",
      level: "mandatory",
      judges: "nodeGroups[].vswitchIds",
      description: "Checks whether every node group lists its VSwitchIds (else the API fails with InvalidParameter: VSwitchIds is not valid).",
      fix: "list the VSwitch(es) of the cluster's zone on every node group (EmrCluster takes them from emr:network)"
    },
    {
      name: "emr-application-exclusion",
      kind: "validity",
      level: "mandatory",
      judges: "applications",
      description: `Checks whether the cluster installs at most one of each of ${exclusive}.`,
      fix: "keep one application of each pair"
    },
    {
      name: "emr-internal-applications",
      kind: "validity",
      level: "mandatory",
      judges: "applications",
      description: `Checks whether the cluster lists no internal application (${INTERNAL_APPLICATIONS.join(", ")}): the provider filters them out when reading back, so every preview would replace the cluster.`,
      fix: 'remove them from applications (a Hive metastore is set with hive.metastore.type, Kerberos with securityMode: "KERBEROS")'
    }
  ];
}

// rules/catalog/index.ts
var ENFORCEMENT_LEVELS = ["advisory", "mandatory", "remediate", "disabled"];
var RULES_DOCUMENT = "policies/README.md";
function complete(r) {
  return {
    ...r,
    limits: r.limits ?? [],
    hosts: r.hosts ?? [],
    productionStacks: r.productionStacks ?? false,
    remediation: r.remediation ?? false,
    seed: r.seed ?? [],
    anchor: `${RULES_DOCUMENT}#${r.name}`
  };
}
function buildCatalog(defaults = DEFAULT_LIMITS) {
  return [...capacityRules(defaults), ...topologyRules(), ...hygieneRules(), ...changeRules(defaults)].map(complete);
}
var isPolicy = (e) => e.kind !== "change";
var isChangeRule = (e) => e.kind === "change";
var RULE_CATALOG = buildCatalog();
var POLICY_CATALOG = RULE_CATALOG.filter(isPolicy);
var CHANGE_CATALOG = RULE_CATALOG.filter(isChangeRule);
function policyEntry(name) {
  const entry = POLICY_CATALOG.find((e) => e.name === name);
  if (!entry) throw new Error(`no catalog entry for policy ${name}`);
  return entry;
}
function propertiesOf(entry) {
  return [...entry.limits, ...entry.hosts];
}
function propertyInfo(entry) {
  const keys = entry.kind === "change" ? entry.limits : propertiesOf(entry);
  const out = keys.map((key) => ({ key, type: "integer", default: DEFAULT_LIMITS[key], description: LIMIT_DESCRIPTIONS[key] }));
  if (entry.productionStacks) out.push({ key: "productionStacks", type: "array", default: DEFAULT_PRODUCTION_STACK_PATTERNS, description: PRODUCTION_STACKS_DESCRIPTION });
  return out;
}

// rules/guardrail-config.ts
var LEVELS = ENFORCEMENT_LEVELS.join(", ");

// rules/hygiene.ts
var LETTER = String.raw`A-Za-z\p{Script=Han}`;
var CLUSTER_NAME = new RegExp(`^[${LETTER}][${LETTER}0-9_-]*$`, "u");
var NODE_GROUP_NAME = new RegExp(`^[${LETTER}0-9_-]+$`, "u");
var TEXT_RULE = "emr-names-and-descriptions";
function checkName(value, path, rule) {
  const fail = (message) => [{ rule: TEXT_RULE, path, message, fix: `use ${rule.allowed}, at most ${rule.max} characters, e.g. "${rule.example}"` }];
  if (value === UNKNOWN) return [];
  if (typeof value !== "string" || value.length === 0) return fail(`${rule.what} is missing or not text`);
  if (value.length > rule.max) return fail(`${rule.what} "${value.slice(0, 20)}\u2026" has ${value.length} characters; at most ${rule.max}`);
  if (!rule.pattern.test(value)) return fail(`${rule.what} ${JSON.stringify(value)} is not made of ${rule.allowed}`);
  return [];
}
function checkClusterName(value, path = "clusterName") {
  return checkName(value, path, { what: "cluster name", pattern: CLUSTER_NAME, max: NAME_LIMITS.clusterName, allowed: 'English or Chinese letters, digits, "_" and "-", starting with a letter', example: "lakehouse-prod" });
}
function checkNodeGroupName(value, path = "nodeGroupName") {
  return checkName(value, path, { what: "node group name", pattern: NODE_GROUP_NAME, max: NAME_LIMITS.nodeGroupName, allowed: 'English or Chinese letters, digits, "_" and "-" (a digit may come first)', example: "1st_task" });
}
var namesAndDescriptions = {
  name: TEXT_RULE,
  check(view) {
    const out = new OutcomeBuilder(this.name);
    if (view.clusterName === UNKNOWN) out.unknown("clusterName");
    else out.applies();
    for (const f of checkClusterName(view.clusterName === MALFORMED ? 0 : view.clusterName)) out.fail(f.path, f.message, f.fix);
    if (Array.isArray(view.nodeGroups)) {
      for (const g of view.nodeGroups) {
        for (const f of checkNodeGroupName(g.name === MALFORMED ? 0 : g.name, `${g.path}.nodeGroupName`)) out.fail(f.path, f.message, f.fix);
      }
    }
    return out.build();
  }
};
var bootstrapScriptsFromOss = {
  name: "emr-bootstrap-scripts-oss",
  check(view) {
    const out = new OutcomeBuilder(this.name);
    if (view.bootstrapScripts === UNKNOWN) return out.unknown("bootstrapScripts").build();
    if (!Array.isArray(view.bootstrapScripts)) return out.build();
    for (const s of view.bootstrapScripts) {
      const path = `${s.path}.scriptPath`;
      if (s.scriptPath === UNKNOWN) {
        out.unknown(path);
        continue;
      }
      out.applies();
      if (!isKnown(s.scriptPath) || !/^oss:\/\/[a-z0-9][a-z0-9-]{1,62}\/\S+$/.test(s.scriptPath)) {
        out.fail(path, `bootstrap script ${isKnown(s.scriptName) ? `"${s.scriptName}" ` : ""}is read from ${JSON.stringify(s.scriptPath ?? null)}; scripts run as root on every node, so they come only from your own OSS bucket`, 'upload it and use an oss:// path, e.g. "oss://my-bucket/bootstrap/init.sh"');
      }
    }
    return out.build();
  }
};
var tagsValid = {
  name: "emr-tags",
  check(view) {
    const out = new OutcomeBuilder(this.name);
    if (view.tags === UNKNOWN) return out.unknown("tags").build();
    if (view.tags === MALFORMED) return out.fail("tags", "tags is not a map of key to value", 'write tags as { team: "data-platform" }').build();
    if (view.tags === void 0) return out.build();
    out.applies();
    const entries = Object.entries(view.tags);
    if (entries.length > TAG_RULES.maxTags) {
      out.fail("tags", `the cluster has ${entries.length} tags; Alibaba Cloud allows at most ${TAG_RULES.maxTags} (acknowledgement and identity tags included)`, `keep at most ${TAG_RULES.maxTags} tags`);
    }
    for (const [key, value] of entries) {
      const path = `tags[${JSON.stringify(key)}]`;
      const reserved = TAG_RULES.reservedKeyPrefixes.find((p) => key.toLowerCase().startsWith(p));
      if (reserved) out.fail(path, `tag key ${JSON.stringify(key)} starts with "${reserved}", which Alibaba Cloud reserves`, 'choose another key, e.g. "team"');
      if (key.length > TAG_RULES.maxKeyLength) out.fail(path, `tag key "${key.slice(0, 20)}\u2026" has ${key.length} characters; at most ${TAG_RULES.maxKeyLength}`, "shorten it");
      if (typeof value === "string" && value.length > TAG_RULES.maxValueLength) out.fail(path, `the value of tag ${JSON.stringify(key)} has ${value.length} characters; at most ${TAG_RULES.maxValueLength}`, "shorten it");
      for (const [part, text] of [["key", key], ["value", value]]) {
        const fragment = typeof text === "string" ? TAG_RULES.forbiddenFragments.find((f) => text.toLowerCase().includes(f)) : void 0;
        if (fragment) out.fail(path, `the ${part} of tag ${JSON.stringify(key)} contains "${fragment}", which Alibaba Cloud refuses in tags`, 'leave URLs out of tags, e.g. { docs: "wiki-emr-lakehouse" }');
      }
    }
    return out.build();
  }
};
var CLUSTER_NAMES_UNIQUE = "emr-cluster-names-unique";
function checkClusterNamesUnique(clusters) {
  const first = /* @__PURE__ */ new Map();
  const problems = [];
  clusters.forEach((c, index) => {
    if (typeof c.clusterName !== "string") return;
    const owner = first.get(c.clusterName);
    if (owner === void 0) first.set(c.clusterName, c.resource);
    else problems.push({ rule: CLUSTER_NAMES_UNIQUE, index, path: "clusterName", message: `cluster "${c.resource}" has the same clusterName "${c.clusterName}" as cluster "${owner}" in this stack`, fix: `give each cluster its own clusterName, e.g. "${c.clusterName}-2"` });
  });
  return problems;
}
function isProductionStack(stackName, patterns = DEFAULT_PRODUCTION_STACK_PATTERNS) {
  if (!stackName) return false;
  return patterns.some((p) => new RegExp(`^${p.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`).test(stackName));
}
function productionRule(name, field, want, why, fix) {
  return {
    name,
    check(view, ctx) {
      const out = new OutcomeBuilder(this.name);
      if (!isProductionStack(ctx.stackName, ctx.productionStacks)) return out.build();
      const value = view[field];
      if (value === UNKNOWN) return out.unknown(field).build();
      out.applies();
      if (value !== want) out.fail(field, `${field} is ${String(value)} on production stack "${ctx.stackName}"; ${why}`, fix);
      return out.build();
    }
  };
}
var productionKerberos = productionRule(
  "emr-production-kerberos",
  "securityMode",
  "KERBEROS",
  "production clusters authenticate with Kerberos, and a KERBEROS cluster is never switched back to NORMAL",
  'set securityMode: "KERBEROS"; note the provider makes no API call when securityMode changes after creation'
);
var productionHa = productionRule(
  "emr-production-ha",
  "deployMode",
  "HA",
  "production clusters need master failover",
  'set deployMode: "HA" with 3 MASTER nodes and ZOOKEEPER (the datalake-ha preset)'
);

// rules/metastore.ts
function metastoreItems(view, applicationName, configFileName) {
  if (view.applicationConfigs === UNKNOWN) return { items: [], unknownItems: true };
  if (!Array.isArray(view.applicationConfigs)) return { items: [], unknownItems: false };
  const found = view.applicationConfigs.filter((i) => matches(i, applicationName, configFileName));
  const unknownItems = view.applicationConfigs.some((i) => i.configItemKey === UNKNOWN || i.applicationName === UNKNOWN || i.configFileName === UNKNOWN);
  return { items: found.map((i) => ({ value: i.configItemValue, path: `${i.path}.configItemValue` })), unknownItems };
}
function matches(item, applicationName, configFileName) {
  return item.applicationName === applicationName && item.configFileName === configFileName && item.configItemKey === METASTORE.key;
}
function agreedValue(lookup) {
  const values = new Set(lookup.items.map((i) => i.value));
  const known = [...values].filter((v) => typeof v === "string");
  if (new Set(known).size > 1) return "conflict";
  if (values.has(UNKNOWN) || !lookup.items.length && lookup.unknownItems) return UNKNOWN;
  return known[0];
}
function conflict(lookup, app, file, out) {
  const known = lookup.items.filter((i) => typeof i.value === "string");
  if (new Set(known.map((i) => i.value)).size < 2) return;
  const listed2 = known.map((i) => `${JSON.stringify(i.value)} (${i.path.replace(/\.configItemValue$/, "")})`).join(", ");
  out.fail(known[1].path, `${app} sets ${METASTORE.key} in ${file} ${known.length} times with different values: ${listed2}`, `keep one item with the value you mean, e.g. only ${JSON.stringify(known[0].value)}`);
}
function missingJdbcItems(view, out) {
  if (!Array.isArray(view.applicationConfigs)) return;
  const items = view.applicationConfigs.filter((i) => i.applicationName === METASTORE.hive.applicationName && i.configFileName === METASTORE.hive.configFileName);
  if (view.applicationConfigs.some((i) => i.configItemKey === UNKNOWN || i.applicationName === UNKNOWN || i.configFileName === UNKNOWN)) return void out.unknown("applicationConfigs");
  const missing = Object.values(METASTORE.jdbc).filter((key) => !items.some((i) => i.configItemKey === key));
  if (missing.length) {
    out.fail(
      "applicationConfigs",
      `${METASTORE.key} is USER_RDS but ${missing.join(", ")} ${missing.length > 1 ? "are" : "is"} not set in ${METASTORE.hive.configFileName}: the metastore has no database to connect to`,
      `add { applicationName: "HIVE", configFileName: "${METASTORE.hive.configFileName}", configItemKey: "${missing[0]}", configItemValue: ... } for each, or metastore: { type: "USER_RDS" } in the EmrCluster spec (it creates the RDS and the items)`
    );
  }
  for (const item of items) {
    if (!Object.values(METASTORE.jdbc).includes(item.configItemKey)) continue;
    if (item.configItemValue === UNKNOWN || typeof item.configItemValue === "string" && item.configItemValue.trim() !== "") continue;
    out.fail(
      `${item.path}.configItemValue`,
      `${METASTORE.key} is USER_RDS but ${String(item.configItemKey)} is ${typeof item.configItemValue === "string" ? "empty" : "not text"}: the metastore cannot connect`,
      item.configItemKey === METASTORE.jdbc.url ? `set it to the RDS instance's JDBC URL, e.g. "jdbc:mysql://rm-bp1example.mysql.rds.aliyuncs.com:3306/hivemeta"` : `set it from the RDS account (its ${item.configItemKey === METASTORE.jdbc.userName ? 'name, e.g. "hive"' : "password, a Pulumi secret"}), or use metastore: { type: "USER_RDS" } in the EmrCluster spec`
    );
  }
}
var hiveExample = `{ applicationName: "HIVE", configFileName: "${METASTORE.hive.configFileName}", configItemKey: "${METASTORE.key}", configItemValue: "DLF" }`;
var hiveMetastoreType = {
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
      else if (!METASTORE.types.includes(item.value)) {
        out.fail(item.path, `${METASTORE.key} is ${JSON.stringify(item.value ?? null)}; EMR knows ${METASTORE.types.join(", ")}`, 'use "USER_RDS" (ApsaraDB RDS), "DLF" (Data Lake Formation) or, for NORMAL clusters only, "LOCAL"');
      }
    }
    conflict(lookup, app, file, out);
    if (agreedValue(lookup) === "USER_RDS") missingJdbcItems(view, out);
    return out.build();
  }
};
var sparkMetastoreMatchesHive = {
  name: "emr-spark-metastore-matches-hive",
  check(view) {
    const out = new OutcomeBuilder(this.name);
    if (view.applications === UNKNOWN) return out.unknown("applications").build();
    const apps = knownApplications(view);
    const sparks = METASTORE.spark.applicationNames.filter((s) => apps.includes(s));
    if (!sparks.length) return out.build();
    out.applies();
    const hive = apps.includes(METASTORE.hive.applicationName) ? agreedValue(metastoreItems(view, METASTORE.hive.applicationName, METASTORE.hive.configFileName)) : void 0;
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
      if (hive === "conflict" || hive === void 0) continue;
      for (const item of lookup.items) {
        if (item.value === UNKNOWN || hive === UNKNOWN) out.unknown(item.path);
        else if (item.value !== hive) {
          out.fail(item.path, `${spark} uses metastore ${String(item.value)} but HIVE uses ${hive}; Spark would not see Hive's tables`, `set ${spark}'s ${METASTORE.key} to "${hive}"`);
        }
      }
    }
    return out.build();
  }
};
var haExternalMetastore = {
  name: "emr-ha-external-metastore",
  check(view) {
    const out = new OutcomeBuilder(this.name);
    if (view.deployMode === UNKNOWN) return out.unknown("deployMode").build();
    if (view.deployMode !== "HA") return out.build();
    if (view.applications === UNKNOWN) return out.unknown("applications").build();
    const apps = knownApplications(view);
    const users = [
      ...apps.includes(METASTORE.hive.applicationName) ? [{ app: METASTORE.hive.applicationName, file: METASTORE.hive.configFileName }] : [],
      ...METASTORE.spark.applicationNames.filter((s) => apps.includes(s)).map((app) => ({ app, file: METASTORE.spark.configFileName }))
    ];
    if (!users.length) return out.build();
    out.applies();
    for (const { app, file } of users) {
      const lookup = metastoreItems(view, app, file);
      if (lookup.unknownItems) out.unknown("applicationConfigs");
      for (const item of lookup.items) {
        if (item.value === UNKNOWN) out.unknown(item.path);
        else if (!METASTORE.externalTypes.includes(item.value)) {
          out.fail(item.path, `HA cluster with ${app} uses ${METASTORE.key} ${String(item.value)} in ${file}; a metastore on the master nodes is lost with them`, `use "USER_RDS" (ApsaraDB RDS in the cluster's VPC) or "DLF"; metastore: { type: "USER_RDS" } in the EmrCluster spec creates the RDS`);
        }
      }
    }
    return out.build();
  }
};
function jdbcPasswordItem(view) {
  if (!Array.isArray(view.applicationConfigs)) return void 0;
  return view.applicationConfigs.find((i) => i.configItemKey === METASTORE.jdbc.password);
}
function checkJdbcPasswordSource(view, source) {
  const item = jdbcPasswordItem(view);
  if (!item || item.configItemValue === UNKNOWN || source.applicationConfigsDependsOn.length > 0 || source.builtByComponent) return [];
  return [
    {
      path: `${item.path}.configItemValue`,
      message: `the Hive metastore JDBC password (${METASTORE.jdbc.password}) of this hand-written cluster is derived from no resource of the stack: a literal in the program, or a secret the pack cannot tell from one`,
      fix: 'build the cluster with EmrCluster (metastore: { type: "USER_RDS" } generates the password; metastore.external.password takes config.requireSecret after `pulumi config set --secret`), and never commit a password in plain text'
    }
  ];
}
function sameVpc(a, b) {
  if (a.id !== void 0 && b.id !== void 0) return a.id === b.id;
  if (a.fromUrns?.length && b.fromUrns?.length) return a.fromUrns.some((u) => b.fromUrns.includes(u)) ? true : void 0;
  return void 0;
}
function checkMetastoreRdsVpc(clusterVpc, instances) {
  const describe = (v) => v.id ?? `the VPC of ${v.fromUrns?.join(", ")}`;
  return instances.filter((i) => sameVpc(clusterVpc, i.vpc) === false).map((i) => ({
    path: "applicationConfigs",
    message: `the Hive metastore's RDS instance "${i.name}" is in VPC ${describe(i.vpc)}, the cluster in ${describe(clusterVpc)}; the metastore would not be reachable`,
    fix: `create the RDS instance in the cluster's VPC (its vpcId and a vswitchId of that VPC)`
  }));
}

// rules/protection.ts
var deletionProtection = {
  name: "emr-deletion-protection",
  check(view) {
    const out = new OutcomeBuilder(this.name);
    if (view.deletionProtection === UNKNOWN) return out.unknown("deletionProtection").build();
    out.applies();
    if (view.deletionProtection !== true) {
      const now = view.deletionProtection === MALFORMED ? "not a boolean" : view.deletionProtection === void 0 ? "not set (the API's default is false)" : "false";
      out.fail("deletionProtection", `deletionProtection is ${now}: DeleteCluster would release the cluster and its data`, 'keep deletionProtection: true: nothing in this project turns it off. To release a cluster, retire it from the program (emr:retire, see "Retiring a cluster" in the README) and turn protection off in the EMR console, as the release checklist says');
    }
    return out.build();
  }
};
function checkProtectOption(protect) {
  if (protect === true) return [];
  return [
    {
      path: "(resource options).protect",
      message: "the cluster does not carry the Pulumi protect option: `pulumi destroy` or a replacing change would delete it",
      fix: "pass { protect: true } in the resource options (EmrCluster sets it unless protect: false)"
    }
  ];
}

// rules/provider-schema-check.ts
var isRecord = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
function asNumber(v) {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v);
  return void 0;
}
var shown = (v) => typeof v === "string" ? JSON.stringify(v) : typeof v === "number" ? String(v) : Array.isArray(v) ? "a list" : isRecord(v) ? "a map" : String(v);
var listed = (values) => values.map((v) => typeof v === "string" ? `"${v}"` : String(v)).join(", ");
function judge(entry, value) {
  const refuses = `the provider refuses anything else at preview (${entry.source})`;
  switch (entry.kind) {
    case "oneOf":
      if (typeof value === "string" && entry.values.includes(value)) return void 0;
      return { what: `accepted are ${listed(entry.values)}; ${refuses}`, fix: `use one of them, e.g. "${entry.values[0]}"` };
    case "intOneOf": {
      const n = asNumber(value);
      if (n !== void 0 && entry.values.includes(n)) return void 0;
      return { what: `accepted are ${listed(entry.values)}; ${refuses}`, fix: `use one of them, e.g. ${entry.values.find((v) => v > 0) ?? entry.values[0]}` };
    }
    case "intRange": {
      const n = asNumber(value);
      if (n !== void 0 && Number.isInteger(n) && n >= entry.min && n <= entry.max) return void 0;
      return { what: `accepted is a whole number from ${entry.min} to ${entry.max}; ${refuses}`, fix: `use a whole number from ${entry.min} to ${entry.max}` };
    }
    case "integer": {
      const n = asNumber(value);
      if (n !== void 0 && Number.isInteger(n) && n >= (entry.min ?? -Infinity)) return void 0;
      const fix = `write a whole number${entry.min !== void 0 ? ` of at least ${entry.min}` : ""}, e.g. ${Math.max(entry.min ?? 1, Math.ceil(n ?? 1), 1)}${entry.alternative ? `, or ${entry.alternative}` : ""}`;
      const field = `the provider's field is a whole number (${entry.source})`;
      if (n === void 0) return { what: field, fix };
      if (!Number.isInteger(n)) return { what: `${field} and the Pulumi bridge truncates a fraction: ${Math.trunc(n)} would be sent, not ${n}`, fix };
      return { what: `${field} with no range of its own; a count is at least ${entry.min}`, fix };
    }
    case "pattern":
      if (typeof value === "string" && entry.pattern.test(value)) return void 0;
      return { what: `the provider accepts ${entry.rule} (${entry.pattern.source}, ${entry.source})`, fix: `use such a name, e.g. "${entry.example}"` };
    case "boolean":
      if (isKnown(readBool(value))) return void 0;
      return { what: `the provider's field is a boolean and reads a string only as Go's strconv.ParseBool does (${entry.source})`, fix: "write true or false" };
    case "length":
      if (typeof value === "string" && value.length >= entry.min && value.length <= entry.max) return void 0;
      return { what: `the provider accepts ${entry.min} to ${entry.max} characters (${entry.source})`, fix: `write ${entry.min} to ${entry.max} characters` };
  }
}
function valuesAt(props, tablePath) {
  const segments = tablePath.split(/\.|(?=\[\])/).filter(Boolean);
  let at = [{ path: "", value: props }];
  for (const seg of segments) {
    const next = [];
    for (const { path, value } of at) {
      if (isUnknown(value)) next.push({ path, value });
      else if (seg === "[]") {
        if (Array.isArray(value)) value.forEach((item, i) => next.push({ path: `${path}[${i}]`, value: item }));
      } else if (isRecord(value)) next.push({ path: path ? `${path}.${seg}` : seg, value: value[seg] });
    }
    at = next;
  }
  return at.filter((v) => v.value !== void 0 && v.value !== null);
}
var fieldName = (path) => /([A-Za-z_$][\w$]*)(\[\d+\])?$/.exec(path)?.[1] ?? path;
function groupLabel(props, path) {
  const m = /^nodeGroups\[(\d+)\]/.exec(path);
  const groups = isRecord(props) ? props.nodeGroups : void 0;
  const group = m && Array.isArray(groups) ? groups[Number(m[1])] : void 0;
  return isRecord(group) && typeof group.nodeGroupName === "string" ? ` (node group "${group.nodeGroupName}")` : "";
}
function checkProviderSchema(type, props) {
  const table = PROVIDER_SCHEMA[type] ?? {};
  const result = { problems: [], unknown: [] };
  if (isUnknown(props)) return { problems: [], unknown: ["(inputs)"] };
  for (const [tablePath, entry] of Object.entries(table)) {
    for (const { path, value } of valuesAt(props, tablePath)) {
      if (isUnknown(value)) {
        result.unknown.push(path || tablePath);
        continue;
      }
      const wrong = judge(entry, value);
      if (wrong) result.problems.push({ path, message: `${fieldName(path)} is ${shown(value)}${groupLabel(props, path)}; ${wrong.what}`, fix: wrong.fix });
    }
  }
  return result;
}
var PROVIDER_SCHEMA_RULE = "emr-provider-schema";
var providerSchemaValues = {
  name: PROVIDER_SCHEMA_RULE,
  check(view) {
    const out = new OutcomeBuilder(this.name);
    const { problems, unknown } = checkProviderSchema("alicloud:emrv2/cluster:Cluster", view.props);
    out.applies();
    for (const p of problems) out.fail(p.path, p.message, p.fix);
    for (const u of unknown) out.unknown(u);
    return out.build();
  }
};

// rules/topology.ts
function deployModeOf(view, out) {
  if (view.deployMode === UNKNOWN) out.unknown("deployMode");
  return view.deployMode === "HA" || view.deployMode === "NORMAL" ? view.deployMode : void 0;
}
var deployModeMasters = {
  name: "emr-deploy-mode-masters",
  check(view) {
    const out = new OutcomeBuilder(this.name);
    const mode = deployModeOf(view, out);
    const groups = nodeGroupsOf(view, out);
    if (!mode || !Array.isArray(view.nodeGroups)) return out.build();
    out.applies();
    const want = MASTER_NODES[mode];
    if (groups.some((g) => g.type === UNKNOWN)) return out.unknown("nodeGroups").build();
    const masters = groups.filter((g) => g.type === "MASTER");
    if (masters.length !== 1) {
      return out.fail("nodeGroups", `the cluster has ${masters.length} MASTER groups; it needs exactly one`, `declare one group with nodeGroupType "MASTER" and nodeCount ${want}`).build();
    }
    const [m] = masters;
    if (m.nodeCount === UNKNOWN) out.unknown(`${m.path}.nodeCount`);
    else if (isKnown(m.nodeCount) && m.nodeCount !== want) {
      const why = mode === "HA" ? "HA mode needs 3 MASTER nodes for standby switching" : "NORMAL mode has 1 MASTER node";
      out.fail(`${m.path}.nodeCount`, `${m.label} has ${String(m.nodeCount)} nodes; ${why}`, mode === "HA" ? "set nodeCount to 3" : 'set nodeCount to 1, or use deployMode "HA" with 3 MASTER nodes for production');
    }
    return out.build();
  }
};
var haZookeeper = {
  name: "emr-ha-zookeeper",
  check(view) {
    const out = new OutcomeBuilder(this.name);
    if (deployModeOf(view, out) !== "HA") return out.build();
    if (view.applications === UNKNOWN) return out.unknown("applications").build();
    out.applies();
    const apps = knownApplications(view);
    for (const required of HA_REQUIRED_APPLICATIONS) {
      if (!apps.includes(required)) out.fail("applications", `HA mode without ${required}: the masters cannot switch over`, `add "${required}" to applications`);
    }
    return out.build();
  }
};
var nodeGroupRoles = {
  name: "emr-node-group-roles",
  check(view) {
    const out = new OutcomeBuilder(this.name);
    const mode = deployModeOf(view, out);
    for (const g of nodeGroupsOf(view, out)) {
      if (g.type === UNKNOWN) {
        out.unknown(`${g.path}.nodeGroupType`);
        continue;
      }
      out.applies();
      if (g.type === "MASTER-EXTEND" && mode === "NORMAL") {
        out.fail(`${g.path}.nodeGroupType`, `${g.label} is MASTER-EXTEND, which exists only in HA clusters`, 'use deployMode "HA", or make it a CORE or TASK group');
      }
      if (g.type === "GATEWAY") gatewayProblem(view, g.path, g.label, out);
    }
    return out.build();
  }
};
function gatewayProblem(view, path, label, out) {
  const typePath = `${path}.nodeGroupType`;
  if (view.clusterType === UNKNOWN) return void out.unknown("clusterType");
  if (!isKnown(view.clusterType)) return;
  const since = GATEWAY_SINCE_RELEASE[view.clusterType];
  if (!since) {
    out.fail(typePath, `${label} is a GATEWAY group, which ${view.clusterType} clusters do not accept: they use a separately deployed gateway environment`, `remove the group and submit jobs from a gateway environment deployed for the cluster (see "Gateway environment" in the EMR ${view.clusterType} docs)`);
    return;
  }
  if (view.releaseVersion === UNKNOWN) return void out.unknown("releaseVersion");
  const order = isKnown(view.releaseVersion) ? compareReleases(view.releaseVersion, since) : void 0;
  if (order === void 0) {
    out.fail("releaseVersion", `${label} is a GATEWAY group, accepted by ${view.clusterType} clusters from ${since}, but releaseVersion ${JSON.stringify(view.releaseVersion ?? null)} is not a release like EMR-5.16.0`, `set releaseVersion to ${since} or later, e.g. "EMR-5.17.1"`);
  } else if (order < 0) {
    out.fail(typePath, `${label} is a GATEWAY group; ${view.clusterType} clusters accept them from ${since}, this one is ${String(view.releaseVersion)}`, `use releaseVersion ${since} or later for a gateway group, or remove the group`);
  }
}
var taskOnlyFeatures = {
  name: "emr-spot-and-auto-scaling-task-only",
  check(view) {
    const out = new OutcomeBuilder(this.name);
    for (const g of nodeGroupsOf(view, out)) {
      if (g.type === UNKNOWN) {
        out.unknown(`${g.path}.nodeGroupType`);
        continue;
      }
      out.applies();
      if (g.type === "TASK") continue;
      if (isKnown(g.spotStrategy) && g.spotStrategy !== "NoSpot") {
        out.fail(`${g.path}.spotStrategy`, `${g.label} is ${String(g.type)} with spotStrategy ${g.spotStrategy}; Spot instances can be reclaimed, so only TASK groups may use them`, 'remove spotStrategy (or set "NoSpot"), and put Spot capacity in a TASK group');
      }
      if (g.autoScaling === true) {
        out.fail(`${g.path}.autoScalingPolicy`, `${g.label} is ${String(g.type)} with an auto-scaling policy; only TASK groups scale automatically`, "move the autoScalingPolicy to a TASK group");
      }
    }
    return out.build();
  }
};
var vswitchIdsRequired = {
  name: "emr-vswitch-ids",
  check(view) {
    const out = new OutcomeBuilder(this.name);
    for (const g of nodeGroupsOf(view, out)) {
      const path = `${g.path}.vswitchIds`;
      if (g.vswitchIds === UNKNOWN) out.unknown(path);
      else if (!Array.isArray(g.vswitchIds) || g.vswitchIds.length === 0) {
        out.fail(path, `${g.label} has no vswitchIds; EMR refuses it with "InvalidParameter: VSwitchIds is not valid"`, `list the VSwitch(es) of the cluster's zone, e.g. ["vsw-bp1example"]`);
      } else out.applies();
    }
    return out.build();
  }
};
var applicationExclusion = {
  name: "emr-application-exclusion",
  check(view) {
    const out = new OutcomeBuilder(this.name);
    if (view.applications === UNKNOWN) return out.unknown("applications").build();
    if (view.applications === MALFORMED) return out.fail("applications", "applications is not a list", 'write applications as a list, e.g. ["HADOOP-COMMON", "HDFS"]').build();
    const apps = knownApplications(view);
    out.applies();
    for (const set of MUTUALLY_EXCLUSIVE_APPLICATIONS) {
      const both = set.filter((a) => apps.includes(a));
      if (both.length > 1) out.fail("applications", `${both.join(" and ")} exclude each other`, `keep one of ${both.join(", ")}, e.g. "${both[both.length - 1]}"`);
    }
    return out.build();
  }
};
var coreGroupPresent = {
  name: "emr-core-group",
  check(view) {
    const out = new OutcomeBuilder(this.name);
    const groups = nodeGroupsOf(view, out);
    if (!Array.isArray(view.nodeGroups)) return out.build();
    if (groups.some((g) => g.type === UNKNOWN)) return out.unknown("nodeGroups").build();
    const cores = groups.filter((g) => g.type === "CORE");
    for (const g of cores) {
      out.applies();
      if (g.nodeCount === UNKNOWN) out.unknown(`${g.path}.nodeCount`);
      else if (g.nodeCount === 0) out.fail(`${g.path}.nodeCount`, `${g.label} is a CORE group with 0 nodes`, "give it at least 1 node, e.g. nodeCount: 2");
    }
    if (cores.length) return out.build();
    if (view.applications === UNKNOWN) return out.unknown("applications").build();
    const storing = knownApplications(view).filter((a) => CORE_DATA_APPLICATIONS.includes(a));
    if (!storing.length) return out.build();
    out.applies();
    out.fail(
      "nodeGroups",
      `the cluster installs ${storing.join(", ")}, which keeps its data on CORE nodes, but has no CORE group (was it removed or merged away?)`,
      'keep one group with nodeGroupType "CORE" and nodeCount of at least 1, e.g. { nodeGroupType: "CORE", nodeGroupName: "core", nodeCount: 2, ... }, or keep the data in OSS-HDFS instead of HDFS'
    );
    return out.build();
  }
};
var nodeGroupNamesUnique = {
  name: "emr-node-group-names-unique",
  check(view) {
    const out = new OutcomeBuilder(this.name);
    const seen = /* @__PURE__ */ new Map();
    for (const g of nodeGroupsOf(view, out)) {
      if (g.name === UNKNOWN) {
        out.unknown(`${g.path}.nodeGroupName`);
        continue;
      }
      if (!isKnown(g.name)) continue;
      out.applies();
      const first = seen.get(g.name);
      if (first) out.fail(`${g.path}.nodeGroupName`, `${g.path} has the same nodeGroupName "${g.name}" as ${first}; the provider matches node groups by name`, `give each group its own name, e.g. "${g.name}-2"`);
      else seen.set(g.name, g.path);
    }
    return out.build();
  }
};
var internalApplications = {
  name: "emr-internal-applications",
  check(view) {
    const out = new OutcomeBuilder(this.name);
    if (view.applications === UNKNOWN) return out.unknown("applications").build();
    if (!Array.isArray(view.applications)) return out.build();
    out.applies();
    view.applications.forEach((a, i) => {
      if (isKnown(a) && INTERNAL_APPLICATIONS.includes(a.toUpperCase())) {
        out.fail(`applications[${i}]`, `${a} is an internal application: EMR installs it itself and the provider never reads it back, so every preview would show a replacement of the cluster`, `remove "${a}" from applications (a Hive metastore is set with hive.metastore.type, Kerberos with securityMode: "KERBEROS")`);
      }
    });
    return out.build();
  }
};

// rules/index.ts
var MANDATORY_RULES = [
  nodeGroupSize,
  clusterTotalNodesAck,
  autoScalingMaxCapacity,
  autoScalingBounds,
  subscriptionDurationAck,
  subscriptionConfigValid,
  deployModeMasters,
  haZookeeper,
  coreGroupPresent,
  nodeGroupRoles,
  nodeGroupNamesUnique,
  taskOnlyFeatures,
  vswitchIdsRequired,
  applicationExclusion,
  internalApplications,
  hiveMetastoreType,
  sparkMetastoreMatchesHive,
  haExternalMetastore,
  deletionProtection,
  namesAndDescriptions,
  tagsValid,
  bootstrapScriptsFromOss,
  ossHdfsRootUri,
  subscriptionAutoRenewDuration,
  subscriptionAutoPayOrder,
  providerSchemaValues
];
var ADVISORY_RULES = [productionKerberos, productionHa];
var ALL_RULES = [...MANDATORY_RULES, ...ADVISORY_RULES];
var VALIDITY_RULES = ALL_RULES.filter((r) => policyEntry(r.name).kind === "validity");
function ruleContext(limits, context = {}) {
  return {
    limits: { ...DEFAULT_LIMITS, ...stripUndefined(limits ?? {}) },
    stackName: context.stackName,
    productionStacks: context.productionStacks ?? DEFAULT_PRODUCTION_STACK_PATTERNS
  };
}
function stripUndefined(o) {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== void 0));
}
function runRuleOnView(rule, view, ctx) {
  return runOn(rule, () => view, ctx);
}
function runOn(rule, view, ctx) {
  try {
    return rule.check(view(), ctx);
  } catch (err) {
    return { kind: "non-compliant", findings: [{ rule: rule.name, path: "(rule)", message: `the rule failed on this input: ${String(err)}`, fix: "report this as a bug of the emr-guardrails pack" }] };
  }
}

// cluster-type.ts
var EmrClusterResource = class extends import_pulumi.CustomResource {
  static __pulumiType = TYPES.cluster;
  constructor(name, args) {
    super(TYPES.cluster, name, args);
  }
};
function forClusters(validate) {
  return (0, import_policy.validateResourceOfType)(EmrClusterResource, (_props, args, reportViolation) => validate(args, reportViolation));
}

// engine.ts
var UNKNOWN_SENTINELS = {
  boolean: "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
  number: "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
  /** Also the untyped unknown the Node SDK writes for any output not known yet (rpc.js `unknownValue`). */
  string: "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
  array: "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
  asset: "030794c1-ac77-496b-92df-f27374a8bd58",
  archive: "e48ece36-62e2-4504-bad9-02848725956a",
  object: "dd056dcd-154b-4c76-9bd3-c8f88648b5ff"
};
var UNKNOWN_SENTINEL = UNKNOWN_SENTINELS.string;
var SENTINELS = new Set(Object.values(UNKNOWN_SENTINELS));
function isUnknownSentinel(v) {
  return typeof v === "string" && SENTINELS.has(v);
}
var URN_PREFIX = "urn:pulumi:";
var NAME_DELIMITER = "::";
var TYPE_DELIMITER = "$";
function parseUrn(urn) {
  if (!urn.startsWith(URN_PREFIX)) return void 0;
  const rest = urn.slice(URN_PREFIX.length);
  const parts = [];
  let from = 0;
  for (let i = 0; i < 3; i++) {
    const at = rest.indexOf(NAME_DELIMITER, from);
    if (at < 0) return void 0;
    parts.push(rest.slice(from, at));
    from = at + NAME_DELIMITER.length;
  }
  const [stack, project, qualifiedType] = parts;
  const typeChain = qualifiedType.split(TYPE_DELIMITER);
  return { stack, project, typeChain, type: typeChain[typeChain.length - 1], name: rest.slice(from) };
}
var stackOfUrn = (urn) => parseUrn(urn)?.stack;

// props.ts
var PROXY_TARGET = "__getSpecialProxyTarget";
function isUnknownValueError(err) {
  return err instanceof Error && "unknownTypeSentinel" in err;
}
function read(container, key) {
  try {
    return copy(container[key]);
  } catch (err) {
    if (isUnknownValueError(err)) return UNKNOWN;
    throw err;
  }
}
function copy(value) {
  if (typeof value === "string") return isUnknownSentinel(value) ? UNKNOWN : value;
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return Array.from({ length: value.length }, (_, i) => read(value, i));
  const out = {};
  for (const key of Object.keys(value)) out[key] = read(value, key);
  return out;
}
function proxyTarget(value) {
  return value !== null && typeof value === "object" ? value[PROXY_TARGET] : void 0;
}
function plainProps(value) {
  return copy(proxyTarget(value) ?? value);
}
function sameData(a, b) {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  const x = a;
  const y = b;
  let keys = 0;
  for (const key in x) {
    keys++;
    if (!Object.prototype.hasOwnProperty.call(y, key) || !sameData(x[key], y[key])) return false;
  }
  for (const _ in y) keys--;
  return keys === 0;
}
var shared = /* @__PURE__ */ new Map();
function sharedEntry(urn, props) {
  const data = proxyTarget(props);
  if (data === void 0) return { data, plain: plainProps(props) };
  const hit = shared.get(urn);
  if (hit && sameData(hit.data, data)) return hit;
  const entry = { data, plain: copy(data) };
  if (shared.size === 0) setImmediate(() => shared.clear());
  shared.set(urn, entry);
  return entry;
}
function sharedProps(urn, props) {
  return sharedEntry(urn, props).plain;
}
function sharedView(urn, props) {
  const entry = sharedEntry(urn, props);
  return entry.view ??= clusterView(entry.plain);
}

// cluster-policy.ts
function configSchemaFor(entry) {
  const properties = {};
  for (const p of propertyInfo(entry)) {
    properties[p.key] = p.type === "integer" ? { type: "integer", minimum: 0, default: p.default, description: p.description } : { type: "array", items: { type: "string" }, default: [...p.default], description: p.description };
  }
  return Object.keys(properties).length ? { properties } : void 0;
}
function contextFor(args) {
  const config = args.getConfig() ?? {};
  const { productionStacks, ...limits } = config;
  return ruleContext(limits, { stackName: stackOfUrn(args.urn), productionStacks });
}
function clusterPolicy(rule, options = {}) {
  const entry = policyEntry(rule.name);
  const judgeCluster = (args, reportViolation) => {
    const outcome = runRuleOnView(rule, sharedView(args.urn, args.props), contextFor(args));
    if (outcome.kind === "non-compliant") {
      for (const f of outcome.findings) reportViolation(`${f.path}: ${f.message}. Fix: ${f.fix}.`, args.urn);
    }
  };
  const enforcementLevel = entry.level;
  return {
    name: rule.name,
    description: entry.description,
    enforcementLevel,
    configSchema: configSchemaFor(entry),
    validateResource: options.otherTypes ? withOtherTypes(judgeCluster, options.otherTypes) : forClusters(judgeCluster),
    ...options.remediateResource ? { remediateResource: options.remediateResource } : {}
  };
}
function withOtherTypes(judgeCluster, other) {
  return (args, reportViolation) => {
    if (args.type === TYPES.cluster) return judgeCluster(args, reportViolation);
    if (other.types.includes(args.type)) other.validate(args, reportViolation);
  };
}
function policyHeader(name) {
  const entry = policyEntry(name);
  return { name, description: entry.description, enforcementLevel: entry.level };
}

// capacity.ts
var nodeGroupSizePolicy = clusterPolicy(nodeGroupSize);
var clusterTotalNodesAckPolicy = clusterPolicy(clusterTotalNodesAck);
var autoScalingMaxCapacityPolicy = clusterPolicy(autoScalingMaxCapacity);
var autoScalingBoundsPolicy = clusterPolicy(autoScalingBounds);
var subscriptionDurationAckPolicy = clusterPolicy(subscriptionDurationAck);
var subscriptionConfigPolicy = clusterPolicy(subscriptionConfigValid);
var autoScalingIgnoreChangesPolicy = {
  ...policyHeader("emr-auto-scaling-ignore-changes"),
  validateResource: forClusters((args, reportViolation) => {
    const view = sharedView(args.urn, args.props);
    if (!Array.isArray(view.nodeGroups)) return;
    const ignored = args.opts.ignoreChanges ?? [];
    for (const g of view.nodeGroups) {
      const path = `${g.path}.nodeCount`;
      if (g.autoScaling === true && !ignoreChangesCovers(ignored, path)) {
        reportViolation(`${path}: ${g.label} has an auto-scaling policy but its nodeCount is not ignored; every deploy would scale it back. Fix: add "${path}" to the resource's ignoreChanges option (EmrCluster does this).`, args.urn);
      }
    }
  })
};

// stack-graph.ts
var VPC_TYPE = "alicloud:vpc/network:Network";
function clustersOf(resources) {
  return resources.filter((r) => r.type === TYPES.cluster).map((resource) => ({ resource, view: sharedView(resource.urn, resource.props) }));
}
function derivedFrom(resource, property) {
  return resource.propertyDependencies?.[property] ?? [];
}
function derivedOfType(resource, property, type) {
  const found = /* @__PURE__ */ new Map();
  for (const dep of derivedFrom(resource, property)) {
    if (dep.type === type) found.set(dep.urn, dep);
    for (const second of dep.dependencies ?? []) if (second.type === type) found.set(second.urn, second);
  }
  return [...found.values()];
}
function vpcRef(resource, property, id) {
  if (typeof id === "string" && isKnown(id)) return { id };
  return { fromUrns: derivedOfType(resource, property, VPC_TYPE).map((r) => r.urn) };
}
function propsOf(resource) {
  const p = sharedProps(resource.urn, resource.props);
  return p !== null && typeof p === "object" ? p : {};
}

// hygiene.ts
var namesPolicy = clusterPolicy(namesAndDescriptions);
var tagsPolicy = clusterPolicy(tagsValid);
var bootstrapScriptsPolicy = clusterPolicy(bootstrapScriptsFromOss);
var productionKerberosPolicy = clusterPolicy(productionKerberos);
var productionHaPolicy = clusterPolicy(productionHa);
var clusterNamesUniquePolicy = {
  ...policyHeader(CLUSTER_NAMES_UNIQUE),
  validateStack: (args, reportViolation) => {
    const clusters = clustersOf(args.resources);
    const problems = checkClusterNamesUnique(clusters.map((c) => ({ resource: c.resource.name, clusterName: c.view.clusterName })));
    for (const p of problems) reportViolation(`${p.path}: ${p.message}. Fix: ${p.fix}.`, clusters[p.index].resource.urn);
  }
};

// metastore.ts
var hiveMetastoreTypePolicy = clusterPolicy(hiveMetastoreType);
var sparkMetastorePolicy = clusterPolicy(sparkMetastoreMatchesHive);
var haExternalMetastorePolicy = clusterPolicy(haExternalMetastore);
var metastoreRdsSameVpcPolicy = {
  ...policyHeader("emr-metastore-rds-same-vpc"),
  validateStack: (args, reportViolation) => {
    for (const { resource, view } of clustersOf(args.resources)) {
      const instances = derivedOfType(resource, "applicationConfigs", TYPES.rdsInstance);
      if (!instances.length) continue;
      const attrs = propsOf(resource).nodeAttributes;
      const clusterVpcId = Array.isArray(attrs) && attrs[0] && typeof attrs[0] === "object" ? attrs[0].vpcId : view.vpcId;
      const problems = checkMetastoreRdsVpc(
        vpcRef(resource, "nodeAttributes", clusterVpcId),
        instances.map((i) => ({ name: i.name, vpc: vpcRef(i, "vpcId", propsOf(i).vpcId) }))
      );
      for (const p of problems) reportViolation(`${p.path}: cluster "${resource.name}": ${p.message}. Fix: ${p.fix}.`, resource.urn);
    }
  }
};
var metastorePasswordSourcePolicy = {
  ...policyHeader("emr-metastore-password-source"),
  validateStack: (args, reportViolation) => {
    for (const { resource, view } of clustersOf(args.resources)) {
      const source = { applicationConfigsDependsOn: derivedFrom(resource, "applicationConfigs").map((r) => r.urn), builtByComponent: resource.parent?.type === TYPES.component };
      for (const p of checkJdbcPasswordSource(view, source)) reportViolation(`${p.path}: cluster "${resource.name}": ${p.message}. Fix: ${p.fix}.`, resource.urn);
    }
  }
};

// network.ts
function groupsWithAdditional(resource) {
  const groups = propsOf(resource).nodeGroups;
  if (!Array.isArray(groups)) return [];
  return groups.flatMap((g, i) => {
    const ids = g !== null && typeof g === "object" ? g.additionalSecurityGroupIds : void 0;
    if (!Array.isArray(ids) || !ids.length) return [];
    const name = g.nodeGroupName;
    return [{ path: `nodeGroups[${i}].additionalSecurityGroupIds`, label: typeof name === "string" ? `node group "${name}"` : `nodeGroups[${i}]`, ids }];
  });
}
function additionalGroupsInStack(resource) {
  return derivedFrom(resource, "nodeGroups").filter((r) => r.type === TYPES.securityGroup);
}
var notNormal = (sg) => {
  const type = propsOf(sg).securityGroupType;
  return type === UNKNOWN || type === void 0 || type === "normal" ? void 0 : type;
};
var securityGroupNormalPolicy = {
  ...policyHeader("emr-security-group-normal"),
  validateStack: (args, reportViolation) => {
    for (const { resource } of clustersOf(args.resources)) {
      for (const sg of derivedOfType(resource, "nodeAttributes", TYPES.securityGroup)) {
        const type = notNormal(sg);
        if (type === void 0) continue;
        reportViolation(
          `nodeAttributes[0].securityGroupId: cluster "${resource.name}" uses security group "${sg.name}" of type ${JSON.stringify(type)}; EMR accepts only normal security groups and creation would fail. Fix: set securityGroupType: "normal" on "${sg.name}", or use another normal group.`,
          resource.urn
        );
      }
      const listing = groupsWithAdditional(resource);
      for (const sg of additionalGroupsInStack(resource)) {
        const type = notNormal(sg);
        if (type === void 0) continue;
        const where = listing.length === 1 ? listing[0] : void 0;
        const who = where ? where.label : listing.length ? `one of ${listing.map((l) => l.label).join(", ")}` : "a node group";
        reportViolation(
          `${where ? where.path : "nodeGroups[].additionalSecurityGroupIds"}: cluster "${resource.name}": ${who} lists security group "${sg.name}" of type ${JSON.stringify(type)} in additionalSecurityGroupIds; EMR accepts only normal security groups and creation would fail. Fix: set securityGroupType: "normal" on "${sg.name}", or list a normal group instead.`,
          resource.urn
        );
      }
    }
  }
};
var securityGroupExternalPolicy = {
  ...policyHeader("emr-security-group-external"),
  validateStack: (args, reportViolation) => {
    for (const { resource, view } of clustersOf(args.resources)) {
      if (!derivedOfType(resource, "nodeAttributes", TYPES.securityGroup).length) {
        const id = view.securityGroupId;
        const what = typeof id === "string" ? `security group ${id}` : "its security group";
        reportViolation(
          `nodeAttributes[0].securityGroupId: cluster "${resource.name}" uses ${what}, which is not created in this stack, so the pack cannot see its type. Fix: make sure it is a normal security group (EMR refuses enterprise ones), or let EmrCluster create one.`,
          resource.urn
        );
      }
      if (additionalGroupsInStack(resource).length) continue;
      for (const g of groupsWithAdditional(resource)) {
        const ids = g.ids.filter((id) => typeof id === "string");
        if (!ids.length) continue;
        reportViolation(
          `${g.path}: cluster "${resource.name}": ${g.label} lists security group${ids.length > 1 ? "s" : ""} ${ids.join(", ")}, not created in this stack, so the pack cannot see ${ids.length > 1 ? "their" : "its"} type. Fix: make sure ${ids.length > 1 ? "they are" : "it is"} normal (EMR refuses enterprise ones), or create ${ids.length > 1 ? "them" : "it"} in the stack.`,
          resource.urn
        );
      }
    }
  }
};

// protection.ts
var deletionProtectionPolicy = clusterPolicy(deletionProtection, {
  // At level "remediate" the pack turns deletionProtection on instead of failing.
  remediateResource: (args) => {
    if (args.type !== TYPES.cluster || args.props.deletionProtection === true) return void 0;
    return { ...args.props, deletionProtection: true };
  }
});
var protectOptionPolicy = {
  ...policyHeader("emr-protect-option"),
  validateResource: forClusters((args, reportViolation) => {
    for (const f of checkProtectOption(args.opts.protect)) reportViolation(`${f.path}: ${f.message}. Fix: ${f.fix}.`, args.urn);
  })
};

// provider.ts
var ossHdfsRootUriPolicy = clusterPolicy(ossHdfsRootUri);
var subscriptionAutoRenewPolicy = clusterPolicy(subscriptionAutoRenewDuration);
var subscriptionAutoPayOrderPolicy = clusterPolicy(subscriptionAutoPayOrder);
var supportingTypes = Object.keys(PROVIDER_SCHEMA).filter((type) => type !== TYPES.cluster);
var providerSchemaPolicy = clusterPolicy(providerSchemaValues, {
  otherTypes: {
    types: supportingTypes,
    validate: (args, reportViolation) => {
      for (const p of checkProviderSchema(args.type, sharedProps(args.urn, args.props)).problems) reportViolation(`${p.path}: ${p.message}. Fix: ${p.fix}.`, args.urn);
    }
  }
});

// topology.ts
var deployModeMastersPolicy = clusterPolicy(deployModeMasters);
var haZookeeperPolicy = clusterPolicy(haZookeeper);
var coreGroupPolicy = clusterPolicy(coreGroupPresent);
var nodeGroupRolesPolicy = clusterPolicy(nodeGroupRoles);
var nodeGroupNamesUniquePolicy = clusterPolicy(nodeGroupNamesUnique);
var taskOnlyFeaturesPolicy = clusterPolicy(taskOnlyFeatures);
var vswitchIdsPolicy = clusterPolicy(vswitchIdsRequired);
var applicationExclusionPolicy = clusterPolicy(applicationExclusion);
var internalApplicationsPolicy = clusterPolicy(internalApplications);

// pack.ts
var ALL_POLICIES = [
  // capacity
  nodeGroupSizePolicy,
  clusterTotalNodesAckPolicy,
  autoScalingMaxCapacityPolicy,
  autoScalingIgnoreChangesPolicy,
  autoScalingBoundsPolicy,
  subscriptionDurationAckPolicy,
  subscriptionConfigPolicy,
  // protection
  deletionProtectionPolicy,
  protectOptionPolicy,
  // network
  securityGroupNormalPolicy,
  securityGroupExternalPolicy,
  // metastore
  hiveMetastoreTypePolicy,
  sparkMetastorePolicy,
  haExternalMetastorePolicy,
  metastoreRdsSameVpcPolicy,
  metastorePasswordSourcePolicy,
  // topology
  deployModeMastersPolicy,
  haZookeeperPolicy,
  coreGroupPolicy,
  nodeGroupRolesPolicy,
  nodeGroupNamesUniquePolicy,
  taskOnlyFeaturesPolicy,
  vswitchIdsPolicy,
  applicationExclusionPolicy,
  internalApplicationsPolicy,
  // hygiene
  namesPolicy,
  tagsPolicy,
  bootstrapScriptsPolicy,
  productionKerberosPolicy,
  productionHaPolicy,
  clusterNamesUniquePolicy,
  // provider
  ossHdfsRootUriPolicy,
  subscriptionAutoRenewPolicy,
  subscriptionAutoPayOrderPolicy,
  providerSchemaPolicy
];

// sdk-deserialize.ts
var SHARED = /* @__PURE__ */ Symbol.for("emr-guardrails.shared-deserialize");
function shareDeserializedProperties() {
  let mod;
  try {
    mod = require("@pulumi/policy/deserialize");
  } catch {
    return false;
  }
  const original = mod.deserializeProperties;
  if (typeof original !== "function") return false;
  if (mod[SHARED]) return true;
  const byStruct = { plain: /* @__PURE__ */ new WeakMap(), secrets: /* @__PURE__ */ new WeakMap() };
  mod.deserializeProperties = (struct, proxySecrets) => {
    if (struct === null || typeof struct !== "object") return original(struct, proxySecrets);
    const cache = proxySecrets ? byStruct.secrets : byStruct.plain;
    if (!cache.has(struct)) cache.set(struct, original(struct, proxySecrets));
    return cache.get(struct);
  };
  mod[SHARED] = true;
  return true;
}

// index.ts
shareDeserializedProperties();
new import_policy2.PolicyPack("emr-guardrails", { policies: [...ALL_POLICIES] });
