// emr-guardrails policy pack, built from policies/*.ts by `npm run build:pack` (esbuild). Do not edit: change
// the TypeScript sources and rebuild; `npm test` fails while this file is stale.
// sources: sha256 098a1c4e8621f98d4b8630504ddfdc7700d3832dc2e85258f4d0c67be28f880d
"use strict";

// index.ts
var import_policy2 = require("@pulumi/policy");

// cluster-type.ts
var import_policy = require("@pulumi/policy");
var import_pulumi = require("@pulumi/pulumi");

// rules/domain.ts
var CLUSTER_TYPES_WITHOUT_GATEWAY = ["DATALAKE", "OLAP", "DATASERVING"];
var MUTUALLY_EXCLUSIVE_APPLICATIONS = [
  ["SPARK2", "SPARK3"],
  ["HDFS", "OSS-HDFS"],
  ["STARROCKS2", "STARROCKS3"]
];
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
var HA_REQUIRED_APPLICATIONS = ["ZOOKEEPER"];
var MASTER_NODES = { NORMAL: 1, HA: 3 };
var DEFAULT_LIMITS = {
  maxNodesPerGroupAtCreate: 50,
  nodeGroupAckThreshold: 30,
  scaleOutAckThreshold: 20,
  maxScaleOutPerCall: 50,
  maxScaleInPerCall: 10,
  clusterNodesCostAckThreshold: 100,
  maxAutoScalingCapacity: 100,
  subscriptionMonthsAckThreshold: 12
};
var ACK_TAGS = {
  /** Largest node-group size acknowledged, e.g. "40". */
  nodeCount: "emr-guard:ack-node-count",
  /** Largest scale-out (nodes added in one update) acknowledged, e.g. "30". */
  scaleOut: "emr-guard:ack-scale-out",
  /** Largest cluster total acknowledged for cost, e.g. "150". */
  clusterNodes: "emr-guard:ack-cluster-nodes",
  /** Longest subscription acknowledged, in months, e.g. "24". */
  subscriptionMonths: "emr-guard:ack-subscription-months",
  /** Scaling a TASK group to 0 nodes, value "true". */
  taskGroupToZero: "emr-guard:ack-task-to-zero"
};
var DEFAULT_PRODUCTION_STACK_PATTERNS = ["prod", "prod-*", "production", "*-prod", "prd"];
var TYPES = {
  cluster: "alicloud:emrv2/cluster:Cluster",
  securityGroup: "alicloud:ecs/securityGroup:SecurityGroup",
  rdsInstance: "alicloud:rds/instance:Instance"
};

// rules/types.ts
var UNKNOWN = /* @__PURE__ */ Symbol.for("emr-guard.unknown");
var isUnknown = (v) => v === UNKNOWN;
var OutcomeBuilder = class {
  constructor(rule) {
    this.rule = rule;
  }
  rule;
  findings = [];
  unknownPaths = [];
  applicable = false;
  /** Marks the rule as applicable to this resource. */
  applies() {
    this.applicable = true;
    return this;
  }
  fail(path, message, fix) {
    this.applicable = true;
    this.findings.push({ rule: this.rule, path, message, fix });
    return this;
  }
  unknown(path) {
    this.applicable = true;
    this.unknownPaths.push(path);
    return this;
  }
  build() {
    if (this.findings.length) return { kind: "non-compliant", findings: this.findings };
    if (this.unknownPaths.length) return { kind: "unknown", paths: this.unknownPaths };
    return this.applicable ? { kind: "compliant" } : { kind: "not-applicable" };
  }
};

// rules/view.ts
var MALFORMED = /* @__PURE__ */ Symbol.for("emr-guard.malformed");
function isKnown(v) {
  return v !== void 0 && v !== UNKNOWN && v !== MALFORMED;
}
function record(v) {
  if (isUnknown(v)) return UNKNOWN;
  return v !== null && typeof v === "object" && !Array.isArray(v) ? v : void 0;
}
function str(v) {
  if (v === void 0 || v === null) return void 0;
  if (isUnknown(v)) return UNKNOWN;
  return typeof v === "string" ? v : MALFORMED;
}
function num(v) {
  if (v === void 0 || v === null) return void 0;
  if (isUnknown(v)) return UNKNOWN;
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && /^\d+$/.test(v)) return Number(v);
  return MALFORMED;
}
function bool(v) {
  if (v === void 0 || v === null) return void 0;
  if (isUnknown(v)) return UNKNOWN;
  if (typeof v === "boolean") return v;
  if (v === "true" || v === "false") return v === "true";
  return MALFORMED;
}
function list(v) {
  if (v === void 0 || v === null) return void 0;
  if (isUnknown(v)) return UNKNOWN;
  return Array.isArray(v) ? v : MALFORMED;
}
function groupView(raw, index) {
  const path = `nodeGroups[${index}]`;
  const g = record(raw);
  if (!g || isUnknown(g)) {
    const f = isUnknown(g) ? UNKNOWN : MALFORMED;
    return { index, path, label: `node group ${path}`, type: f, name: f, nodeCount: f, vswitchIds: f, spotStrategy: f, autoScaling: f, maxCapacity: f, paymentType: f, subscriptionMonths: f };
  }
  const name = str(g.nodeGroupName);
  const policy = g.autoScalingPolicy;
  const policyRecord = record(policy);
  const constraints = policyRecord && !isUnknown(policyRecord) ? record(policyRecord.constraints) : policyRecord;
  const subscription = record(g.subscriptionConfig);
  return {
    index,
    path,
    label: isKnown(name) ? `node group "${name}" (${path})` : `node group ${path}`,
    type: str(g.nodeGroupType),
    name,
    nodeCount: num(g.nodeCount),
    vswitchIds: list(g.vswitchIds),
    spotStrategy: str(g.spotStrategy),
    autoScaling: policy === void 0 || policy === null ? false : isUnknown(policy) ? UNKNOWN : policyRecord ? true : MALFORMED,
    maxCapacity: constraints === void 0 ? void 0 : isUnknown(constraints) ? UNKNOWN : num(constraints.maxCapacity),
    paymentType: str(g.paymentType),
    subscriptionMonths: subscription === void 0 ? void 0 : isUnknown(subscription) ? UNKNOWN : num(subscription.paymentDuration)
  };
}
function mapList(v, each) {
  const l = list(v);
  return Array.isArray(l) ? l.map(each) : l;
}
function clusterView(props) {
  const p = record(props);
  const get = (k) => p && !isUnknown(p) ? p[k] : p;
  const subscription = record(get("subscriptionConfig"));
  const attrsRaw = get("nodeAttributes");
  const attrs = record(Array.isArray(attrsRaw) ? attrsRaw[0] : attrsRaw);
  const attr = (k) => attrs && !isUnknown(attrs) ? str(attrs[k]) : attrs;
  const tags = record(get("tags"));
  return {
    clusterName: str(get("clusterName")),
    clusterType: str(get("clusterType")),
    deployMode: str(get("deployMode")) ?? "NORMAL",
    securityMode: str(get("securityMode")) ?? "NORMAL",
    paymentType: str(get("paymentType")) ?? "PayAsYouGo",
    subscriptionMonths: subscription === void 0 ? void 0 : isUnknown(subscription) ? UNKNOWN : num(subscription.paymentDuration),
    deletionProtection: bool(get("deletionProtection")),
    applications: mapList(get("applications"), (a) => str(a)),
    applicationConfigs: mapList(get("applicationConfigs"), (raw, index) => {
      const c = record(raw);
      const f = (k) => c && !isUnknown(c) ? str(c[k]) : c === void 0 ? MALFORMED : UNKNOWN;
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
      const f = (k) => s && !isUnknown(s) ? str(s[k]) : s === void 0 ? MALFORMED : UNKNOWN;
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
function tagNumber(view, key) {
  if (!isKnown(view.tags)) return void 0;
  const v = view.tags[key];
  const n = typeof v === "number" ? v : typeof v === "string" && /^\d+$/.test(v.trim()) ? Number(v) : NaN;
  return Number.isFinite(n) ? n : void 0;
}
function nodeGroupsOf(view, out) {
  if (view.nodeGroups === UNKNOWN) out.unknown("nodeGroups");
  else if (view.nodeGroups === MALFORMED) out.fail("nodeGroups", "nodeGroups is not a list", 'write nodeGroups as a list, e.g. [{ nodeGroupType: "MASTER", ... }]');
  return Array.isArray(view.nodeGroups) ? view.nodeGroups : [];
}

// rules/capacity.ts
function countOf(g, out) {
  if (g.nodeCount === UNKNOWN) out.unknown(`${g.path}.nodeCount`);
  else if (g.nodeCount === MALFORMED) out.fail(`${g.path}.nodeCount`, `${g.label} has a nodeCount that is not a whole number`, "set nodeCount to a number, e.g. 3");
  else if (isKnown(g.nodeCount)) return g.nodeCount;
  return void 0;
}
var nodeGroupCreationCap = {
  name: "emr-node-group-creation-cap",
  description: "Checks whether every node group has at most the per-group cap of nodes at creation (default 50).",
  check(view, { limits }) {
    const out = new OutcomeBuilder(this.name);
    nodeGroupsOf(view, out).forEach((g) => {
      const n = countOf(g, out);
      if (n === void 0) return;
      out.applies();
      if (n > limits.maxNodesPerGroupAtCreate) {
        out.fail(`${g.path}.nodeCount`, `${n} exceeds the ${limits.maxNodesPerGroupAtCreate}-node cap for a node group at creation (${g.label})`, `split into batches of at most ${limits.maxNodesPerGroupAtCreate} or use auto scaling`);
      }
    });
    return out.build();
  }
};
var nodeGroupSizeAck = {
  name: "emr-node-group-size-ack",
  description: `Checks whether every node group above the acknowledgement threshold (default 30 nodes) carries the tag ${ACK_TAGS.nodeCount} covering its size.`,
  check(view, { limits }) {
    const out = new OutcomeBuilder(this.name);
    const ack = tagNumber(view, ACK_TAGS.nodeCount) ?? 0;
    nodeGroupsOf(view, out).forEach((g) => {
      const n = countOf(g, out);
      if (n === void 0) return;
      out.applies();
      if (n > limits.nodeGroupAckThreshold && n > ack) {
        out.fail(
          `${g.path}.nodeCount`,
          `${n} nodes is above the ${limits.nodeGroupAckThreshold}-node threshold without an acknowledgement (${g.label}${ack ? `; acknowledged: ${ack}` : ""})`,
          `acknowledge it with the tag ${ACK_TAGS.nodeCount}: "${n}" (acknowledgements.nodeCount: ${n} in the EmrCluster spec), or stay at ${limits.nodeGroupAckThreshold} or fewer`
        );
      }
    });
    return out.build();
  }
};
var clusterTotalNodesAck = {
  name: "emr-cluster-total-nodes-ack",
  description: `Checks whether a cluster above the cost threshold (default 100 nodes in total) carries the tag ${ACK_TAGS.clusterNodes} covering its total.`,
  check(view, { limits }) {
    const out = new OutcomeBuilder(this.name);
    let total = 0;
    let complete = true;
    nodeGroupsOf(view, out).forEach((g) => {
      const n = countOf(g, out);
      if (n === void 0) complete = false;
      else total += n;
    });
    const ack = tagNumber(view, ACK_TAGS.clusterNodes) ?? 0;
    if (total > limits.clusterNodesCostAckThreshold && total > ack) {
      out.fail(
        "nodeGroups",
        `the cluster has ${total} nodes in total, above the ${limits.clusterNodesCostAckThreshold}-node cost threshold, without a cost acknowledgement${ack ? ` (acknowledged: ${ack})` : ""}`,
        `acknowledge the cost with the tag ${ACK_TAGS.clusterNodes}: "${total}" (acknowledgements.clusterNodes: ${total}), or reduce the node groups`
      );
    } else if (complete && Array.isArray(view.nodeGroups)) out.applies();
    return out.build();
  }
};
var autoScalingMaxCapacity = {
  name: "emr-auto-scaling-max-capacity",
  description: "Checks whether every auto-scaling policy's MaxCapacity is at most the cap (default 100).",
  check(view, { limits }) {
    const out = new OutcomeBuilder(this.name);
    nodeGroupsOf(view, out).forEach((g) => {
      const path = `${g.path}.autoScalingPolicy.constraints.maxCapacity`;
      if (g.maxCapacity === UNKNOWN) return void out.unknown(path);
      if (g.maxCapacity === MALFORMED) return void out.fail(path, `${g.label} has a MaxCapacity that is not a number`, "set constraints.maxCapacity to a whole number, e.g. 40");
      if (!isKnown(g.maxCapacity)) return;
      out.applies();
      if (g.maxCapacity > limits.maxAutoScalingCapacity) {
        out.fail(path, `MaxCapacity ${g.maxCapacity} exceeds the auto-scaling cap of ${limits.maxAutoScalingCapacity} (${g.label})`, `set maxCapacity to ${limits.maxAutoScalingCapacity} or less, e.g. 40`);
      }
    });
    return out.build();
  }
};
var subscriptionDurationAck = {
  name: "emr-subscription-duration-ack",
  description: `Checks whether a Subscription longer than the threshold (default 12 months) carries the tag ${ACK_TAGS.subscriptionMonths} covering it.`,
  check(view, { limits }) {
    const out = new OutcomeBuilder(this.name);
    const ack = tagNumber(view, ACK_TAGS.subscriptionMonths) ?? 0;
    const checkMonths = (months, path, what) => {
      if (months === UNKNOWN) return void out.unknown(path);
      if (months === MALFORMED) return void out.fail(path, `${what} has a paymentDuration that is not a number`, "set paymentDuration in months, e.g. 12");
      if (typeof months !== "number") return;
      out.applies();
      if (months > limits.subscriptionMonthsAckThreshold && months > ack) {
        out.fail(path, `a ${months}-month subscription (${what}) is longer than ${limits.subscriptionMonthsAckThreshold} months without a cost acknowledgement`, `acknowledge it with the tag ${ACK_TAGS.subscriptionMonths}: "${months}" (acknowledgements.subscriptionMonths: ${months}), or subscribe for ${limits.subscriptionMonthsAckThreshold} months`);
      }
    };
    checkMonths(view.subscriptionMonths, "subscriptionConfig.paymentDuration", "the cluster");
    nodeGroupsOf(view, out).forEach((g) => checkMonths(g.subscriptionMonths, `${g.path}.subscriptionConfig.paymentDuration`, g.label));
    return out.build();
  }
};

// rules/hygiene.ts
var NAME = new RegExp("^\\p{L}[\\p{L}\\p{N}_-]*$", "u");
var TEXT_RULE = "emr-names-and-descriptions";
function checkName(value, path, what, max, example) {
  const fail = (message) => [{ rule: TEXT_RULE, path, message, fix: `use letters (Chinese too), digits, "_" and "-", starting with a letter, at most ${max} characters, e.g. "${example}"` }];
  if (value === UNKNOWN) return [];
  if (typeof value !== "string" || value.length === 0) return fail(`${what} is missing or not text`);
  if (value.length > max) return fail(`${what} "${value.slice(0, 20)}\u2026" has ${value.length} characters; at most ${max}`);
  if (!NAME.test(value)) return fail(`${what} ${JSON.stringify(value)} has characters outside letters, digits, "_" and "-"`);
  return [];
}
function checkClusterName(value, path = "clusterName") {
  return checkName(value, path, "cluster name", 64, "lakehouse-prod");
}
function checkNodeGroupName(value, path = "nodeGroupName") {
  return checkName(value, path, "node group name", 128, "core");
}
var namesAndDescriptions = {
  name: TEXT_RULE,
  description: "Checks whether the cluster name and node group names use only letters, digits, _ and - (cluster names at most 64 characters).",
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
  description: "Checks whether every bootstrap script is read from an oss:// path (never a remote URL or a local path).",
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
function isProductionStack(stackName, patterns = DEFAULT_PRODUCTION_STACK_PATTERNS) {
  if (!stackName) return false;
  return patterns.some((p) => new RegExp(`^${p.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`).test(stackName));
}
function productionRule(name, description, field, want, why, fix) {
  return {
    name,
    description,
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
  "Checks whether clusters on production stacks use securityMode KERBEROS (never downgraded to NORMAL).",
  "securityMode",
  "KERBEROS",
  "production clusters authenticate with Kerberos, and a KERBEROS cluster is never switched back to NORMAL",
  'set securityMode: "KERBEROS"; note the provider makes no API call when securityMode changes after creation'
);
var productionHa = productionRule(
  "emr-production-ha",
  "Checks whether clusters on production stacks use deployMode HA.",
  "deployMode",
  "HA",
  "production clusters need master failover",
  'set deployMode: "HA" with 3 MASTER nodes and ZOOKEEPER (the datalake-ha preset)'
);

// rules/metastore.ts
function metastoreItem(view, applicationName, configFileName) {
  if (view.applicationConfigs === UNKNOWN) return "unknown";
  if (!Array.isArray(view.applicationConfigs)) return void 0;
  let sawUnknown = false;
  for (const item of view.applicationConfigs) {
    if (item.configItemKey === UNKNOWN || item.applicationName === UNKNOWN) sawUnknown = true;
    if (matches(item, applicationName, configFileName)) return { value: item.configItemValue, path: `${item.path}.configItemValue` };
  }
  return sawUnknown ? "unknown" : void 0;
}
function matches(item, applicationName, configFileName) {
  return item.applicationName === applicationName && item.configFileName === configFileName && item.configItemKey === METASTORE.key;
}
var hiveExample = `{ applicationName: "HIVE", configFileName: "${METASTORE.hive.configFileName}", configItemKey: "${METASTORE.key}", configItemValue: "DLF" }`;
var hiveMetastoreType = {
  name: "emr-hive-metastore-type",
  description: `Checks whether a cluster with HIVE sets ${METASTORE.key} in ${METASTORE.hive.configFileName} to LOCAL, USER_RDS or DLF.`,
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
    if (!METASTORE.types.includes(item.value)) {
      out.fail(item.path, `${METASTORE.key} is ${JSON.stringify(item.value)}; EMR knows ${METASTORE.types.join(", ")}`, 'use "USER_RDS" (ApsaraDB RDS), "DLF" (Data Lake Formation) or, for NORMAL clusters only, "LOCAL"');
    }
    return out.build();
  }
};
var sparkMetastoreMatchesHive = {
  name: "emr-spark-metastore-matches-hive",
  description: `Checks whether a cluster with Spark sets ${METASTORE.key} in ${METASTORE.spark.configFileName}, equal to HIVE's.`,
  check(view) {
    const out = new OutcomeBuilder(this.name);
    if (view.applications === UNKNOWN) return out.unknown("applications").build();
    const apps = knownApplications(view);
    const sparks = METASTORE.spark.applicationNames.filter((s) => apps.includes(s));
    if (!sparks.length) return out.build();
    out.applies();
    const hive = apps.includes(METASTORE.hive.applicationName) ? metastoreItem(view, METASTORE.hive.applicationName, METASTORE.hive.configFileName) : void 0;
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
      if (item.value === UNKNOWN || hive && hive.value === UNKNOWN) {
        out.unknown(item.path);
        continue;
      }
      if (hive && item.value !== hive.value) {
        out.fail(item.path, `${spark} uses metastore ${String(item.value)} but HIVE uses ${String(hive.value)}; Spark would not see Hive's tables`, `set ${spark}'s ${METASTORE.key} to "${String(hive.value)}"`);
      }
    }
    return out.build();
  }
};
var haExternalMetastore = {
  name: "emr-ha-external-metastore",
  description: "Checks whether an HA cluster with HIVE keeps its metastore outside the cluster (USER_RDS or DLF, never LOCAL).",
  check(view) {
    const out = new OutcomeBuilder(this.name);
    if (view.deployMode === UNKNOWN) return out.unknown("deployMode").build();
    if (view.deployMode !== "HA") return out.build();
    if (view.applications === UNKNOWN) return out.unknown("applications").build();
    if (!knownApplications(view).includes(METASTORE.hive.applicationName)) return out.build();
    out.applies();
    const item = metastoreItem(view, METASTORE.hive.applicationName, METASTORE.hive.configFileName);
    if (item === "unknown") return out.unknown("applicationConfigs").build();
    if (!item) return out.build();
    if (item.value === UNKNOWN) return out.unknown(item.path).build();
    if (!METASTORE.externalTypes.includes(item.value)) {
      out.fail(item.path, `HA cluster with HIVE uses ${METASTORE.key} ${String(item.value)}; a metastore on the master nodes is lost with them`, `use "USER_RDS" (ApsaraDB RDS in the cluster's VPC) or "DLF"; metastore: { type: "USER_RDS" } in the EmrCluster spec creates the RDS`);
    }
    return out.build();
  }
};
function jdbcPasswordItem(view) {
  if (!Array.isArray(view.applicationConfigs)) return void 0;
  return view.applicationConfigs.find((i) => i.configItemKey === METASTORE.jdbc.password);
}
function checkJdbcPasswordSource(view, applicationConfigsDependsOn) {
  const item = jdbcPasswordItem(view);
  if (!item || item.configItemValue === UNKNOWN || applicationConfigsDependsOn.length > 0) return [];
  return [
    {
      path: `${item.path}.configItemValue`,
      message: `the Hive metastore JDBC password (${METASTORE.jdbc.password}) is a literal in the program or its config, not derived from a resource of the stack`,
      fix: 'let the EmrCluster component generate it (metastore: { type: "USER_RDS" }), or read it with config.requireSecret after `pulumi config set --secret`, and never commit it in plain text'
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
  description: "Checks whether the cluster has deletionProtection set to true.",
  check(view) {
    const out = new OutcomeBuilder(this.name);
    if (view.deletionProtection === UNKNOWN) return out.unknown("deletionProtection").build();
    out.applies();
    if (view.deletionProtection !== true) {
      const now = view.deletionProtection === MALFORMED ? "not a boolean" : view.deletionProtection === void 0 ? "not set (the API's default is false)" : "false";
      out.fail("deletionProtection", `deletionProtection is ${now}: DeleteCluster would release the cluster and its data`, "set deletionProtection: true; turning it off is only ever a separate, reviewed change");
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

// rules/topology.ts
function deployModeOf(view, out) {
  if (view.deployMode === UNKNOWN) out.unknown("deployMode");
  return view.deployMode === "HA" || view.deployMode === "NORMAL" ? view.deployMode : void 0;
}
var deployModeMasters = {
  name: "emr-deploy-mode-masters",
  description: "Checks whether the cluster has one MASTER group with 3 nodes in HA mode, or 1 node in NORMAL mode.",
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
    else if (m.nodeCount !== want) {
      const why = mode === "HA" ? "HA mode needs 3 MASTER nodes for standby switching" : "NORMAL mode has 1 MASTER node";
      out.fail(`${m.path}.nodeCount`, `${m.label} has ${String(m.nodeCount)} nodes; ${why}`, mode === "HA" ? "set nodeCount to 3" : 'set nodeCount to 1, or use deployMode "HA" with 3 MASTER nodes for production');
    }
    return out.build();
  }
};
var haZookeeper = {
  name: "emr-ha-zookeeper",
  description: "Checks whether an HA cluster installs ZOOKEEPER (master standby switching).",
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
  description: "Checks whether MASTER-EXTEND groups appear only in HA clusters and GATEWAY groups only in cluster types that accept them.",
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
      if (g.type === "GATEWAY" && isKnown(view.clusterType) && CLUSTER_TYPES_WITHOUT_GATEWAY.includes(view.clusterType)) {
        out.fail(`${g.path}.nodeGroupType`, `${g.label} is a GATEWAY group, which ${view.clusterType} clusters do not accept`, "remove it, or submit jobs from a TASK group or the MASTER");
      }
    }
    return out.build();
  }
};
var taskOnlyFeatures = {
  name: "emr-spot-and-auto-scaling-task-only",
  description: "Checks whether Spot instances and auto-scaling policies are used only on TASK groups.",
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
  description: "Checks whether every node group lists its VSwitchIds (else the API fails with InvalidParameter: VSwitchIds is not valid).",
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
  description: "Checks whether the cluster installs at most one of SPARK2/SPARK3, HDFS/OSS-HDFS and STARROCKS2/STARROCKS3.",
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

// rules/index.ts
var MANDATORY_RULES = [
  nodeGroupCreationCap,
  nodeGroupSizeAck,
  clusterTotalNodesAck,
  autoScalingMaxCapacity,
  subscriptionDurationAck,
  deployModeMasters,
  haZookeeper,
  nodeGroupRoles,
  taskOnlyFeatures,
  vswitchIdsRequired,
  applicationExclusion,
  hiveMetastoreType,
  sparkMetastoreMatchesHive,
  haExternalMetastore,
  deletionProtection,
  namesAndDescriptions,
  bootstrapScriptsFromOss
];
var ADVISORY_RULES = [productionKerberos, productionHa];
var ALL_RULES = [...MANDATORY_RULES, ...ADVISORY_RULES];
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
function runRule(rule, props, ctx) {
  try {
    return rule.check(clusterView(props), ctx);
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

// props.ts
var PROXY_TARGET = "__getSpecialProxyTarget";
var UNKNOWN_SENTINELS = /* @__PURE__ */ new Set([
  "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
  // boolean
  "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
  // number
  "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
  // string (and the engine's untyped unknown)
  "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
  // array
  "030794c1-ac77-496b-92df-f27374a8bd58",
  // asset
  "e48ece36-62e2-4504-bad9-02848725956a",
  // archive
  "dd056dcd-154b-4c76-9bd3-c8f88648b5ff"
  // object
]);
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
  if (typeof value === "string") return UNKNOWN_SENTINELS.has(value) ? UNKNOWN : value;
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
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object" || Array.isArray(a) !== Array.isArray(b)) return false;
  const x = a;
  const y = b;
  const keys = Object.keys(x);
  const other = Object.keys(y);
  if (keys.length !== other.length) return false;
  for (let i = 0; i < keys.length; i++) if (keys[i] !== other[i] || !sameData(x[keys[i]], y[keys[i]])) return false;
  return true;
}
var shared = /* @__PURE__ */ new Map();
function sharedProps(urn, props) {
  const data = proxyTarget(props);
  if (data === void 0) return plainProps(props);
  const hit = shared.get(urn);
  if (hit && sameData(hit.data, data)) return hit.plain;
  const plain = copy(data);
  if (shared.size === 0) setImmediate(() => shared.clear());
  shared.set(urn, { data, plain });
  return plain;
}

// cluster-policy.ts
var LIMIT_DESCRIPTIONS = {
  maxNodesPerGroupAtCreate: "Most nodes a node group may have at creation.",
  nodeGroupAckThreshold: "Node groups above this size need the emr-guard:ack-node-count tag.",
  scaleOutAckThreshold: "Scale-outs above this many nodes need the emr-guard:ack-scale-out tag (checked by the safe-scaling gate).",
  maxScaleOutPerCall: "Most nodes one scale-out may add.",
  maxScaleInPerCall: "Most nodes one scale-in may release.",
  clusterNodesCostAckThreshold: "Clusters above this many nodes in total need the emr-guard:ack-cluster-nodes tag.",
  maxAutoScalingCapacity: "Highest auto-scaling MaxCapacity.",
  subscriptionMonthsAckThreshold: "Subscriptions longer than this many months need the emr-guard:ack-subscription-months tag."
};
function configSchemaFor(options) {
  const properties = {};
  for (const key of options.limits ?? []) {
    properties[key] = { type: "integer", minimum: 0, default: DEFAULT_LIMITS[key], description: LIMIT_DESCRIPTIONS[key] };
  }
  if (options.productionStacks) {
    properties.productionStacks = {
      type: "array",
      items: { type: "string" },
      default: [...DEFAULT_PRODUCTION_STACK_PATTERNS],
      description: "Stack names treated as production (* is a wildcard)."
    };
  }
  return Object.keys(properties).length ? { properties } : void 0;
}
function stackOfUrn(urn) {
  return /^urn:pulumi:([^:]+)::/.exec(urn)?.[1];
}
function contextFor(args) {
  const config = args.getConfig() ?? {};
  const { productionStacks, ...limits } = config;
  return ruleContext(limits, { stackName: stackOfUrn(args.urn), productionStacks });
}
function clusterPolicy(rule, options) {
  return {
    name: rule.name,
    description: rule.description,
    enforcementLevel: options.enforcementLevel,
    configSchema: configSchemaFor(options),
    validateResource: forClusters((args, reportViolation) => {
      const outcome = runRule(rule, sharedProps(args.urn, args.props), contextFor(args));
      if (outcome.kind === "non-compliant") {
        for (const f of outcome.findings) reportViolation(`${f.path}: ${f.message}. Fix: ${f.fix}.`, args.urn);
      }
    }),
    ...options.remediateResource ? { remediateResource: options.remediateResource } : {}
  };
}

// capacity.ts
var nodeGroupCreationCapPolicy = clusterPolicy(nodeGroupCreationCap, { enforcementLevel: "mandatory", limits: ["maxNodesPerGroupAtCreate"] });
var nodeGroupSizeAckPolicy = clusterPolicy(nodeGroupSizeAck, { enforcementLevel: "mandatory", limits: ["nodeGroupAckThreshold"] });
var clusterTotalNodesAckPolicy = clusterPolicy(clusterTotalNodesAck, { enforcementLevel: "mandatory", limits: ["clusterNodesCostAckThreshold"] });
var autoScalingMaxCapacityPolicy = clusterPolicy(autoScalingMaxCapacity, { enforcementLevel: "mandatory", limits: ["maxAutoScalingCapacity"] });
var subscriptionDurationAckPolicy = clusterPolicy(subscriptionDurationAck, { enforcementLevel: "mandatory", limits: ["subscriptionMonthsAckThreshold"] });
var autoScalingIgnoreChangesPolicy = {
  name: "emr-auto-scaling-ignore-changes",
  description: "Checks whether every auto-scaled node group's nodeCount is in the resource's ignoreChanges option.",
  enforcementLevel: "advisory",
  validateResource: forClusters((args, reportViolation) => {
    const view = clusterView(sharedProps(args.urn, args.props));
    if (!Array.isArray(view.nodeGroups)) return;
    const ignored = new Set(args.opts.ignoreChanges ?? []);
    for (const g of view.nodeGroups) {
      const path = `${g.path}.nodeCount`;
      if (g.autoScaling === true && !ignored.has(path)) {
        reportViolation(`${path}: ${g.label} has an auto-scaling policy but its nodeCount is not ignored; every deploy would scale it back. Fix: add "${path}" to the resource's ignoreChanges option (EmrCluster does this).`, args.urn);
      }
    }
  })
};

// hygiene.ts
var namesPolicy = clusterPolicy(namesAndDescriptions, { enforcementLevel: "mandatory" });
var bootstrapScriptsPolicy = clusterPolicy(bootstrapScriptsFromOss, { enforcementLevel: "mandatory" });
var productionKerberosPolicy = clusterPolicy(productionKerberos, { enforcementLevel: "advisory", productionStacks: true });
var productionHaPolicy = clusterPolicy(productionHa, { enforcementLevel: "advisory", productionStacks: true });

// stack-graph.ts
var VPC_TYPE = "alicloud:vpc/network:Network";
function clustersOf(resources) {
  return resources.filter((r) => r.type === TYPES.cluster).map((resource) => ({ resource, view: clusterView(sharedProps(resource.urn, resource.props)) }));
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

// metastore.ts
var hiveMetastoreTypePolicy = clusterPolicy(hiveMetastoreType, { enforcementLevel: "mandatory" });
var sparkMetastorePolicy = clusterPolicy(sparkMetastoreMatchesHive, { enforcementLevel: "mandatory" });
var haExternalMetastorePolicy = clusterPolicy(haExternalMetastore, { enforcementLevel: "mandatory" });
var metastoreRdsSameVpcPolicy = {
  name: "emr-metastore-rds-same-vpc",
  description: "Checks whether the ApsaraDB RDS instance of a USER_RDS Hive metastore, when in the stack, is in the cluster's VPC.",
  enforcementLevel: "mandatory",
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
  name: "emr-metastore-password-source",
  description: `Checks whether the Hive metastore JDBC password (${METASTORE.jdbc.password}) is derived from a resource or a secret, not written into the program as a literal.`,
  enforcementLevel: "advisory",
  validateStack: (args, reportViolation) => {
    for (const { resource, view } of clustersOf(args.resources)) {
      const deps = derivedFrom(resource, "applicationConfigs").map((r) => r.urn);
      for (const p of checkJdbcPasswordSource(view, deps)) reportViolation(`${p.path}: cluster "${resource.name}": ${p.message}. Fix: ${p.fix}.`, resource.urn);
    }
  }
};

// network.ts
var securityGroupNormalPolicy = {
  name: "emr-security-group-normal",
  description: "Checks whether the security group an EMR cluster uses, when created in the stack, is a normal (not enterprise) security group.",
  enforcementLevel: "mandatory",
  validateStack: (args, reportViolation) => {
    for (const { resource } of clustersOf(args.resources)) {
      for (const sg of derivedOfType(resource, "nodeAttributes", TYPES.securityGroup)) {
        const type = propsOf(sg).securityGroupType;
        if (type === UNKNOWN || type === void 0 || type === "normal") continue;
        reportViolation(
          `nodeAttributes[0].securityGroupId: cluster "${resource.name}" uses security group "${sg.name}" of type ${JSON.stringify(type)}; EMR accepts only normal security groups and creation would fail. Fix: set securityGroupType: "normal" on "${sg.name}", or use another normal group.`,
          resource.urn
        );
      }
    }
  }
};
var securityGroupExternalPolicy = {
  name: "emr-security-group-external",
  description: "Checks whether the security group of an EMR cluster can be verified in the stack; an external one must be checked to be a normal group by hand.",
  enforcementLevel: "advisory",
  validateStack: (args, reportViolation) => {
    for (const { resource, view } of clustersOf(args.resources)) {
      if (derivedOfType(resource, "nodeAttributes", TYPES.securityGroup).length) continue;
      const id = view.securityGroupId;
      const what = typeof id === "string" ? `security group ${id}` : "its security group";
      reportViolation(
        `nodeAttributes[0].securityGroupId: cluster "${resource.name}" uses ${what}, which is not created in this stack, so the pack cannot see its type. Fix: make sure it is a normal security group (EMR refuses enterprise ones), or let EmrCluster create one.`,
        resource.urn
      );
    }
  }
};

// protection.ts
var deletionProtectionPolicy = clusterPolicy(deletionProtection, {
  enforcementLevel: "mandatory",
  // At level "remediate" the pack turns deletionProtection on instead of failing.
  remediateResource: (args) => {
    if (args.type !== TYPES.cluster || args.props.deletionProtection === true) return void 0;
    return { ...args.props, deletionProtection: true };
  }
});
var protectOptionPolicy = {
  name: "emr-protect-option",
  description: "Checks whether the cluster carries the Pulumi protect resource option, so pulumi destroy fails on it.",
  enforcementLevel: "mandatory",
  validateResource: forClusters((args, reportViolation) => {
    for (const f of checkProtectOption(args.opts.protect)) reportViolation(`${f.path}: ${f.message}. Fix: ${f.fix}.`, args.urn);
  })
};

// topology.ts
var deployModeMastersPolicy = clusterPolicy(deployModeMasters, { enforcementLevel: "mandatory" });
var haZookeeperPolicy = clusterPolicy(haZookeeper, { enforcementLevel: "mandatory" });
var nodeGroupRolesPolicy = clusterPolicy(nodeGroupRoles, { enforcementLevel: "mandatory" });
var taskOnlyFeaturesPolicy = clusterPolicy(taskOnlyFeatures, { enforcementLevel: "mandatory" });
var vswitchIdsPolicy = clusterPolicy(vswitchIdsRequired, { enforcementLevel: "mandatory" });
var applicationExclusionPolicy = clusterPolicy(applicationExclusion, { enforcementLevel: "mandatory" });

// pack.ts
var ALL_POLICIES = [
  // capacity
  nodeGroupCreationCapPolicy,
  nodeGroupSizeAckPolicy,
  clusterTotalNodesAckPolicy,
  autoScalingMaxCapacityPolicy,
  autoScalingIgnoreChangesPolicy,
  subscriptionDurationAckPolicy,
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
  nodeGroupRolesPolicy,
  taskOnlyFeaturesPolicy,
  vswitchIdsPolicy,
  applicationExclusionPolicy,
  // hygiene
  namesPolicy,
  bootstrapScriptsPolicy,
  productionKerberosPolicy,
  productionHaPolicy
];

// index.ts
new import_policy2.PolicyPack("emr-guardrails", { policies: [...ALL_POLICIES] });
