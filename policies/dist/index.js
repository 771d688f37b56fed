// emr-guardrails policy pack, built from policies/*.ts by `npm run build:pack` (esbuild). Do not edit: change
// the TypeScript sources and rebuild; `npm test` fails while this file is stale.
// sources: sha256 613da7f817bc4e88d82d10cdf1027fec80849cc8965039441ddaa188bb790ffe
"use strict";

// index.ts
var import_policy2 = require("@pulumi/policy");

// cluster-type.ts
var import_policy = require("@pulumi/policy");
var import_pulumi = require("@pulumi/pulumi");

// rules/domain.ts
var PAYMENT_DURATIONS_MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 24, 36, 48, 60];
var PAYMENT_DURATIONS = {
  Month: PAYMENT_DURATIONS_MONTHS,
  Year: [1, 2, 3, 4, 5]
};
var MONTHS_PER_UNIT = { Month: 1, Year: 12 };
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
var AUTO_SCALING = { maxCapacityLimit: 2e3, defaultMaxCapacity: 2e3, defaultMinCapacity: 0 };
var TAG_RULES = {
  maxTags: 20,
  maxKeyLength: 128,
  maxValueLength: 128,
  /** Key prefixes reserved for Alibaba Cloud (compared case-insensitively). */
  reservedKeyPrefixes: ["aliyun", "acs:"],
  /** Neither keys nor values may contain these. */
  forbiddenFragments: ["http://", "https://"]
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
  autoScaling: "emr-guard:ack-auto-scaling"
};
var DEFAULT_PRODUCTION_STACK_PATTERNS = ["prod", "prod-*", "production", "*-prod", "prd"];
var TYPES = {
  cluster: "alicloud:emrv2/cluster:Cluster",
  /** The EmrCluster component (components/cluster.ts), the parent of the clusters it builds. */
  component: "emr:index:Cluster",
  securityGroup: "alicloud:ecs/securityGroup:SecurityGroup",
  rdsInstance: "alicloud:rds/instance:Instance"
};

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
    return { index, path, label: `node group ${path}`, type: f, name: f, nodeCount: f, vswitchIds: f, spotStrategy: f, autoScaling: f, minCapacity: f, maxCapacity: f, paymentType: f, subscription: f };
  }
  const name = str(g.nodeGroupName);
  const policy = g.autoScalingPolicy;
  const policyRecord = record(policy);
  const constraints = policyRecord && !isUnknown(policyRecord) ? record(policyRecord.constraints) : policyRecord;
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
    minCapacity: constraints === void 0 ? void 0 : isUnknown(constraints) ? UNKNOWN : num(constraints.minCapacity),
    maxCapacity: constraints === void 0 ? void 0 : isUnknown(constraints) ? UNKNOWN : num(constraints.maxCapacity),
    paymentType: str(g.paymentType),
    subscription: subscriptionView(g.subscriptionConfig)
  };
}
function subscriptionView(raw) {
  if (raw === void 0 || raw === null) return void 0;
  const s = record(raw);
  if (s === void 0) return MALFORMED;
  if (isUnknown(s)) return UNKNOWN;
  return { duration: num(s.paymentDuration), unit: str(s.paymentDurationUnit), autoRenew: bool(s.autoRenew), autoRenewDuration: num(s.autoRenewDuration) };
}
function mapList(v, each) {
  const l = list(v);
  return Array.isArray(l) ? l.map(each) : l;
}
function clusterView(props) {
  const p = record(props);
  const get = (k) => p && !isUnknown(p) ? p[k] : p;
  const attrsRaw = get("nodeAttributes");
  const attrs = record(Array.isArray(attrsRaw) ? attrsRaw[0] : attrsRaw);
  const attr = (k) => attrs && !isUnknown(attrs) ? str(attrs[k]) : attrs;
  const tags = record(get("tags"));
  return {
    clusterName: str(get("clusterName")),
    clusterType: str(get("clusterType")),
    releaseVersion: str(get("releaseVersion")),
    deployMode: str(get("deployMode")) ?? "NORMAL",
    securityMode: str(get("securityMode")) ?? "NORMAL",
    paymentType: str(get("paymentType")) ?? "PayAsYouGo",
    subscription: subscriptionView(get("subscriptionConfig")),
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
    out.fail(path, `${g.label} has a maxCapacity that is not a whole number`, "set constraints.maxCapacity to a whole number, e.g. 40");
    return UNKNOWN;
  }
  return g.maxCapacity ?? AUTO_SCALING.defaultMaxCapacity;
}
var autoScalingBounds = {
  name: "emr-auto-scaling-bounds",
  description: `Checks whether every auto-scaling policy has 0 <= minCapacity <= maxCapacity <= ${AUTO_SCALING.maxCapacityLimit} and its group's nodeCount within [minCapacity, maxCapacity].`,
  kind: "validity",
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
      if (g.minCapacity === UNKNOWN) out.unknown(minPath);
      if (g.minCapacity === MALFORMED) out.fail(minPath, `${g.label} has a minCapacity that is not a whole number`, "set constraints.minCapacity to a whole number, e.g. 2");
      if (max === UNKNOWN || g.minCapacity === UNKNOWN || g.minCapacity === MALFORMED) continue;
      out.applies();
      const min = g.minCapacity ?? AUTO_SCALING.defaultMinCapacity;
      if (max > AUTO_SCALING.maxCapacityLimit) {
        out.fail(`${g.path}.autoScalingPolicy.constraints.maxCapacity`, `${g.label} has maxCapacity ${max}; the API accepts at most ${AUTO_SCALING.maxCapacityLimit}`, "set maxCapacity to the most nodes the group may reach, e.g. 40");
      }
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
  if (g.nodeCount === UNKNOWN) out.unknown(`${g.path}.nodeCount`);
  else if (g.nodeCount === MALFORMED) out.fail(`${g.path}.nodeCount`, `${g.label} has a nodeCount that is not a whole number`, "set nodeCount to a number, e.g. 3");
  else if (isKnown(g.nodeCount)) return g.nodeCount;
  return void 0;
}
var nodeGroupCreationCap = {
  name: "emr-node-group-creation-cap",
  description: "Checks whether every node group has at most the per-group cap of nodes at creation (default 50), unless its size is acknowledged as reached by steps; its step properties are the change-aware check's and the live gate's.",
  kind: "guardrail",
  limits: ["maxNodesPerGroupAtCreate", "maxScaleOutPerCall", "scaleOutAckThreshold", "maxScaleInPerCall"],
  check(view, { limits }) {
    const out = new OutcomeBuilder(this.name);
    const ack = tagNumber(view, ACK_TAGS.nodeCount) ?? 0;
    nodeGroupsOf(view, out).forEach((g) => {
      const n = countOf(g, out);
      if (n === void 0) return;
      out.applies();
      if (n > limits.maxNodesPerGroupAtCreate && n > ack) {
        out.fail(
          `${g.path}.nodeCount`,
          `${n} exceeds the ${limits.maxNodesPerGroupAtCreate}-node cap for a node group at creation (${g.label})`,
          `create it with at most ${limits.maxNodesPerGroupAtCreate} and grow it in steps of at most ${limits.maxScaleOutPerCall}, or use auto scaling; a size reached by steps is signed off with the tag ${ACK_TAGS.nodeCount}: "${n}" (acknowledgements.nodeCount: ${n})`
        );
      }
    });
    return out.build();
  }
};
var nodeGroupSizeAck = {
  name: "emr-node-group-size-ack",
  description: `Checks whether every node group above the acknowledgement threshold (default 30 nodes) carries the tag ${ACK_TAGS.nodeCount} covering its size.`,
  kind: "guardrail",
  limits: ["nodeGroupAckThreshold"],
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
  description: `Checks whether a cluster that may grow above the cost threshold (default 100 nodes in total, each auto-scaled group counted at its MaxCapacity) carries the tag ${ACK_TAGS.clusterNodes} covering its total.`,
  kind: "guardrail",
  limits: ["clusterNodesCostAckThreshold"],
  check(view, { limits }) {
    const out = new OutcomeBuilder(this.name);
    let total = 0;
    let complete = true;
    let scaled = false;
    nodeGroupsOf(view, out).forEach((g) => {
      const n = countOf(g, out);
      const max = maxNodesOf(g, out);
      if (max !== void 0) scaled = true;
      if (n === void 0 || max === UNKNOWN) complete = false;
      else total += Math.max(n, max ?? 0);
    });
    const ack = tagNumber(view, ACK_TAGS.clusterNodes) ?? 0;
    if (total > limits.clusterNodesCostAckThreshold && total > ack) {
      out.fail(
        "nodeGroups",
        `the cluster may have ${total} nodes in total${scaled ? " (auto-scaled groups counted at their MaxCapacity)" : ""}, above the ${limits.clusterNodesCostAckThreshold}-node cost threshold, without a cost acknowledgement${ack ? ` (acknowledged: ${ack})` : ""}`,
        `acknowledge the cost with the tag ${ACK_TAGS.clusterNodes}: "${total}" (acknowledgements.clusterNodes: ${total}), or reduce the node groups or their maxCapacity`
      );
    } else if (complete && Array.isArray(view.nodeGroups)) out.applies();
    return out.build();
  }
};
var autoScalingMaxCapacity = {
  name: "emr-auto-scaling-max-capacity",
  description: `Checks whether every auto-scaling policy states a MaxCapacity of at most the cap (default 100; without one the API uses ${AUTO_SCALING.defaultMaxCapacity}).`,
  kind: "guardrail",
  limits: ["maxAutoScalingCapacity"],
  check(view, { limits }) {
    const out = new OutcomeBuilder(this.name);
    nodeGroupsOf(view, out).forEach((g) => {
      const path = `${g.path}.autoScalingPolicy.constraints.maxCapacity`;
      const max = maxNodesOf(g, out);
      if (max === void 0 || max === UNKNOWN) return;
      out.applies();
      if (!isKnown(g.maxCapacity)) {
        out.fail(path, `${g.label} has an auto-scaling policy without maxCapacity: the API then allows up to ${max} nodes, above the auto-scaling cap of ${limits.maxAutoScalingCapacity}`, `state constraints.maxCapacity, at most ${limits.maxAutoScalingCapacity}, e.g. { minCapacity: 2, maxCapacity: 40 }`);
      } else if (max > limits.maxAutoScalingCapacity) {
        out.fail(path, `MaxCapacity ${max} exceeds the auto-scaling cap of ${limits.maxAutoScalingCapacity} (${g.label})`, `set maxCapacity to ${limits.maxAutoScalingCapacity} or less, e.g. 40`);
      }
    });
    return out.build();
  }
};

// rules/catalog.ts
var ENFORCEMENT_LEVELS = ["advisory", "mandatory", "remediate", "disabled"];
var OTHER_POLICIES = [
  { name: "emr-auto-scaling-ignore-changes", kind: "guardrail", level: "advisory", limits: [], productionStacks: false },
  { name: "emr-protect-option", kind: "guardrail", level: "mandatory", limits: [], productionStacks: false },
  { name: "emr-security-group-normal", kind: "guardrail", level: "mandatory", limits: [], productionStacks: false },
  { name: "emr-security-group-external", kind: "guardrail", level: "advisory", limits: [], productionStacks: false },
  { name: "emr-metastore-rds-same-vpc", kind: "validity", level: "mandatory", limits: [], productionStacks: false },
  { name: "emr-metastore-password-source", kind: "guardrail", level: "advisory", limits: [], productionStacks: false },
  { name: "emr-cluster-names-unique", kind: "validity", level: "mandatory", limits: [], productionStacks: false }
];
function entryOf(rule) {
  return { name: rule.name, kind: rule.kind, level: rule.level ?? "mandatory", limits: rule.limits ?? [], productionStacks: rule.productionStacks ?? false };
}
function catalogOf(rules) {
  return [...rules.map(entryOf), ...OTHER_POLICIES];
}
function otherPolicy(name) {
  const entry = OTHER_POLICIES.find((p) => p.name === name);
  if (!entry) throw new Error(`no catalog entry for policy ${name}`);
  return entry;
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
  return checkName(value, path, { what: "cluster name", pattern: CLUSTER_NAME, max: 64, allowed: 'English or Chinese letters, digits, "_" and "-", starting with a letter', example: "lakehouse-prod" });
}
function checkNodeGroupName(value, path = "nodeGroupName") {
  return checkName(value, path, { what: "node group name", pattern: NODE_GROUP_NAME, max: 128, allowed: 'English or Chinese letters, digits, "_" and "-" (a digit may come first)', example: "1st_task" });
}
var namesAndDescriptions = {
  name: TEXT_RULE,
  description: "Checks whether the cluster name (an English or Chinese letter first, at most 64 characters) and node group names use only English or Chinese letters, digits, _ and -.",
  kind: "validity",
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
  kind: "validity",
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
  description: `Checks whether the cluster has at most ${TAG_RULES.maxTags} tags, no key with a reserved prefix (${TAG_RULES.reservedKeyPrefixes.join(", ")}) and no http:// or https:// in keys or values.`,
  kind: "validity",
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
function productionRule(name, description, field, want, why, fix) {
  return {
    name,
    description,
    kind: "guardrail",
    level: "advisory",
    productionStacks: true,
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
}
var hiveExample = `{ applicationName: "HIVE", configFileName: "${METASTORE.hive.configFileName}", configItemKey: "${METASTORE.key}", configItemValue: "DLF" }`;
var hiveMetastoreType = {
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
    if (!METASTORE.types.includes(item.value)) {
      out.fail(item.path, `${METASTORE.key} is ${JSON.stringify(item.value)}; EMR knows ${METASTORE.types.join(", ")}`, 'use "USER_RDS" (ApsaraDB RDS), "DLF" (Data Lake Formation) or, for NORMAL clusters only, "LOCAL"');
    }
    if (item.value === "USER_RDS") missingJdbcItems(view, out);
    return out.build();
  }
};
var sparkMetastoreMatchesHive = {
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
  description: "Checks whether an HA cluster with HIVE or Spark keeps its metastore outside the cluster (USER_RDS or DLF, never LOCAL), in hivemetastore-site.xml and in Spark's hive-site.xml.",
  kind: "validity",
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
      const item = metastoreItem(view, app, file);
      if (item === "unknown") out.unknown("applicationConfigs");
      else if (!item) continue;
      else if (item.value === UNKNOWN) out.unknown(item.path);
      else if (!METASTORE.externalTypes.includes(item.value)) {
        out.fail(item.path, `HA cluster with ${app} uses ${METASTORE.key} ${String(item.value)} in ${file}; a metastore on the master nodes is lost with them`, `use "USER_RDS" (ApsaraDB RDS in the cluster's VPC) or "DLF"; metastore: { type: "USER_RDS" } in the EmrCluster spec creates the RDS`);
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

// rules/payment.ts
var UNITS = Object.keys(PAYMENT_DURATIONS);
var isUnit = (u) => UNITS.includes(u);
function subscriptionsOf(view, out) {
  const cluster = { path: "subscriptionConfig", what: "the cluster", paymentType: view.paymentType, subscription: view.subscription };
  return [cluster, ...nodeGroupsOf(view, out).map((g) => ({ path: `${g.path}.subscriptionConfig`, what: g.label, paymentType: g.paymentType, subscription: g.subscription }))];
}
var subscriptionConfigValid = {
  name: "emr-subscription-config",
  description: "Checks whether every Subscription (cluster or node group) has a subscriptionConfig whose paymentDuration is valid for its unit (Month: 1-9, 12, 24, 36, 48, 60; Year: 1-5).",
  kind: "validity",
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
      if (!isUnit(unit)) {
        out.fail(`${path}.paymentDurationUnit`, `${what} has paymentDurationUnit ${JSON.stringify(unit ?? null)}; the API knows ${UNITS.join(" and ")}`, 'set paymentDurationUnit: "Month" (or "Year")');
        continue;
      }
      if (!isKnown(duration) || !PAYMENT_DURATIONS[unit].includes(duration)) {
        out.fail(`${path}.paymentDuration`, `${what} has paymentDuration ${JSON.stringify(duration ?? null)} ${unit}; valid are ${PAYMENT_DURATIONS[unit].join(", ")}`, `use one of them, e.g. ${unit === "Year" ? 1 : 12}`);
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
  description: `Checks whether a Subscription longer than the threshold (default 12 months; a Year counts 12) carries the tag ${ACK_TAGS.subscriptionMonths} covering it.`,
  kind: "guardrail",
  limits: ["subscriptionMonthsAckThreshold"],
  check(view, { limits }) {
    const out = new OutcomeBuilder(this.name);
    const ack = tagNumber(view, ACK_TAGS.subscriptionMonths) ?? 0;
    for (const { path, what, subscription } of subscriptionsOf(view, out)) {
      const months = subscriptionMonths(subscription);
      if (subscription === UNKNOWN || months === void 0 && isKnown(subscription) && (subscription.duration === UNKNOWN || subscription.unit === UNKNOWN)) {
        out.unknown(`${path}.paymentDuration`);
        continue;
      }
      if (months === void 0) continue;
      out.applies();
      if (months > limits.subscriptionMonthsAckThreshold && months > ack) {
        out.fail(`${path}.paymentDuration`, `a ${months}-month subscription (${what}) is longer than ${limits.subscriptionMonthsAckThreshold} months without a cost acknowledgement`, `acknowledge it with the tag ${ACK_TAGS.subscriptionMonths}: "${months}" (acknowledgements.subscriptionMonths: ${months}), or subscribe for ${limits.subscriptionMonthsAckThreshold} months`);
      }
    }
    return out.build();
  }
};

// rules/protection.ts
var deletionProtection = {
  name: "emr-deletion-protection",
  description: "Checks whether the cluster has deletionProtection set to true.",
  kind: "guardrail",
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
  kind: "validity",
  description: `Checks whether a cluster with OSS-HDFS sets its root storage directory (${OSS_HDFS_ROOT.applicationName} ${OSS_HDFS_ROOT.configFileName} ${OSS_HDFS_ROOT.configItemKey}) to an OSS-HDFS bucket.`,
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
  else if (!isKnown(renewal.autoRenewDuration) || renewal.autoRenewDuration < 1) {
    out.fail(`${path}.autoRenewDuration`, `${what} renews automatically with no renewal duration: the provider sends 0`, 'set autoRenewDuration: 1 and autoRenewDurationUnit: "Month" (the EmrCluster component does this by default)');
  }
}
var subscriptionAutoRenewDuration = {
  name: "emr-subscription-auto-renew",
  kind: "validity",
  description: "Checks whether every subscriptionConfig with autoRenew also sets autoRenewDuration (the provider sends 0 otherwise).",
  check(view) {
    const out = new OutcomeBuilder(this.name);
    checkRenewal(view.subscription, "subscriptionConfig", "the cluster", out);
    for (const g of nodeGroupsOf(view, out)) checkRenewal(g.subscription, `${g.path}.subscriptionConfig`, g.label, out);
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
  description: "Checks whether the cluster has one MASTER group with 3 nodes in HA mode, or 1 node in NORMAL mode.",
  kind: "validity",
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
  kind: "validity",
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
  description: "Checks whether MASTER-EXTEND groups appear only in HA clusters, and GATEWAY groups only in DATALAKE/DATAFLOW from EMR-5.10.1 and CUSTOM from EMR-5.17.1.",
  kind: "validity",
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
  description: "Checks whether Spot instances and auto-scaling policies are used only on TASK groups.",
  kind: "validity",
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
  kind: "validity",
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
  kind: "validity",
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
  description: "Checks whether the cluster has a CORE group and every CORE group has at least one node (assumption: EMR clusters keep HDFS/compute on at least one CORE node).",
  kind: "validity",
  check(view) {
    const out = new OutcomeBuilder(this.name);
    const groups = nodeGroupsOf(view, out);
    if (!Array.isArray(view.nodeGroups)) return out.build();
    if (groups.some((g) => g.type === UNKNOWN)) return out.unknown("nodeGroups").build();
    out.applies();
    const cores = groups.filter((g) => g.type === "CORE");
    if (!cores.length) out.fail("nodeGroups", "the cluster has no CORE group (was it removed or merged away?)", 'keep one group with nodeGroupType "CORE" and nodeCount of at least 1, e.g. { nodeGroupType: "CORE", nodeGroupName: "core", nodeCount: 2, ... }');
    for (const g of cores) {
      if (g.nodeCount === UNKNOWN) out.unknown(`${g.path}.nodeCount`);
      else if (g.nodeCount === 0) out.fail(`${g.path}.nodeCount`, `${g.label} is a CORE group with 0 nodes`, "give it at least 1 node, e.g. nodeCount: 2");
    }
    return out.build();
  }
};
var nodeGroupNamesUnique = {
  name: "emr-node-group-names-unique",
  description: "Checks whether every node group of the cluster has its own nodeGroupName (the provider matches groups by name).",
  kind: "validity",
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
  description: `Checks whether the cluster lists no internal application (${INTERNAL_APPLICATIONS.join(", ")}): the provider filters them out when reading back, so every preview would replace the cluster.`,
  kind: "validity",
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
  nodeGroupCreationCap,
  nodeGroupSizeAck,
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
  subscriptionAutoRenewDuration
];
var ADVISORY_RULES = [productionKerberos, productionHa];
var ALL_RULES = [...MANDATORY_RULES, ...ADVISORY_RULES];
var VALIDITY_RULES = ALL_RULES.filter((r) => r.kind === "validity");
var POLICY_CATALOG = catalogOf(ALL_RULES);
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
var LIMIT_DESCRIPTIONS = {
  maxNodesPerGroupAtCreate: "Most nodes a node group may have at creation.",
  nodeGroupAckThreshold: "Node groups above this size need the emr-guard:ack-node-count tag.",
  scaleOutAckThreshold: "A scale-out above this many nodes in one update needs the emr-guard:ack-scale-out tag naming it (the change-aware check, the live gate and EmrClient read this).",
  maxScaleOutPerCall: "Most nodes one update may add to a node group (the change-aware check, the live gate and EmrClient read this).",
  maxScaleInPerCall: "Most nodes one update may release from a TASK group (the change-aware check, the live gate and EmrClient read this).",
  clusterNodesCostAckThreshold: "Clusters above this many nodes in total need the emr-guard:ack-cluster-nodes tag.",
  maxAutoScalingCapacity: "Highest auto-scaling MaxCapacity.",
  subscriptionMonthsAckThreshold: "Subscriptions longer than this many months need the emr-guard:ack-subscription-months tag."
};
function configSchemaFor(options) {
  const properties = {};
  for (const key of options.limits) {
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
function contextFor(args) {
  const config = args.getConfig() ?? {};
  const { productionStacks, ...limits } = config;
  return ruleContext(limits, { stackName: stackOfUrn(args.urn), productionStacks });
}
function clusterPolicy(rule, options = {}) {
  const entry = entryOf(rule);
  const enforcementLevel = entry.level;
  return {
    name: rule.name,
    description: rule.description,
    enforcementLevel,
    configSchema: configSchemaFor(entry),
    validateResource: forClusters((args, reportViolation) => {
      const outcome = runRuleOnView(rule, sharedView(args.urn, args.props), contextFor(args));
      if (outcome.kind === "non-compliant") {
        for (const f of outcome.findings) reportViolation(`${f.path}: ${f.message}. Fix: ${f.fix}.`, args.urn);
      }
    }),
    ...options.remediateResource ? { remediateResource: options.remediateResource } : {}
  };
}

// capacity.ts
var nodeGroupCreationCapPolicy = clusterPolicy(nodeGroupCreationCap);
var nodeGroupSizeAckPolicy = clusterPolicy(nodeGroupSizeAck);
var clusterTotalNodesAckPolicy = clusterPolicy(clusterTotalNodesAck);
var autoScalingMaxCapacityPolicy = clusterPolicy(autoScalingMaxCapacity);
var autoScalingBoundsPolicy = clusterPolicy(autoScalingBounds);
var subscriptionDurationAckPolicy = clusterPolicy(subscriptionDurationAck);
var subscriptionConfigPolicy = clusterPolicy(subscriptionConfigValid);
var autoScalingIgnoreChangesPolicy = {
  name: "emr-auto-scaling-ignore-changes",
  description: "Checks whether every auto-scaled node group's nodeCount is in the resource's ignoreChanges option.",
  enforcementLevel: otherPolicy("emr-auto-scaling-ignore-changes").level,
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
  name: CLUSTER_NAMES_UNIQUE,
  description: "Checks whether every EMR cluster of the stack has its own clusterName.",
  enforcementLevel: otherPolicy(CLUSTER_NAMES_UNIQUE).level,
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
  name: "emr-metastore-rds-same-vpc",
  description: "Checks whether the ApsaraDB RDS instance of a USER_RDS Hive metastore, when in the stack, is in the cluster's VPC.",
  enforcementLevel: otherPolicy("emr-metastore-rds-same-vpc").level,
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
  description: `Checks whether the Hive metastore JDBC password (${METASTORE.jdbc.password}) of a cluster written without EmrCluster is derived from a resource of the stack (the pack cannot tell a secret from a literal).`,
  enforcementLevel: otherPolicy("emr-metastore-password-source").level,
  validateStack: (args, reportViolation) => {
    for (const { resource, view } of clustersOf(args.resources)) {
      const source = { applicationConfigsDependsOn: derivedFrom(resource, "applicationConfigs").map((r) => r.urn), builtByComponent: resource.parent?.type === TYPES.component };
      for (const p of checkJdbcPasswordSource(view, source)) reportViolation(`${p.path}: cluster "${resource.name}": ${p.message}. Fix: ${p.fix}.`, resource.urn);
    }
  }
};

// network.ts
var securityGroupNormalPolicy = {
  name: "emr-security-group-normal",
  description: "Checks whether the security group an EMR cluster uses, when created in the stack, is a normal (not enterprise) security group.",
  enforcementLevel: otherPolicy("emr-security-group-normal").level,
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
  enforcementLevel: otherPolicy("emr-security-group-external").level,
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
  // At level "remediate" the pack turns deletionProtection on instead of failing.
  remediateResource: (args) => {
    if (args.type !== TYPES.cluster || args.props.deletionProtection === true) return void 0;
    return { ...args.props, deletionProtection: true };
  }
});
var protectOptionPolicy = {
  name: "emr-protect-option",
  description: "Checks whether the cluster carries the Pulumi protect resource option, so pulumi destroy fails on it.",
  enforcementLevel: otherPolicy("emr-protect-option").level,
  validateResource: forClusters((args, reportViolation) => {
    for (const f of checkProtectOption(args.opts.protect)) reportViolation(`${f.path}: ${f.message}. Fix: ${f.fix}.`, args.urn);
  })
};

// provider.ts
var ossHdfsRootUriPolicy = clusterPolicy(ossHdfsRootUri);
var subscriptionAutoRenewPolicy = clusterPolicy(subscriptionAutoRenewDuration);

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
  nodeGroupCreationCapPolicy,
  nodeGroupSizeAckPolicy,
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
  subscriptionAutoRenewPolicy
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
