/**
 * A defensive, typed view of an `alicloud:emrv2/cluster:Cluster`'s inputs. Policies receive whatever a program
 * wrote (missing lists, nulls, strings where numbers belong) and, during preview, unknown values; the rules read
 * this view instead of raw props, so none of them has to guard against malformed input on its own and none can
 * throw. Malformed fields become findings of the rule that needs them.
 */
import { UNKNOWN, isUnknown, type OutcomeBuilder, type Unknown } from "./types";
import { isKnown, MALFORMED, readBool as bool, readCount, readList as list, readNumber as num, readString as str, type Field } from "./read";

export { isKnown, MALFORMED, type Field, type Malformed } from "./read";

function record(v: unknown): Record<string, unknown> | Unknown | undefined {
  if (isUnknown(v)) return UNKNOWN;
  return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** A subscriptionConfig: its duration and unit as written. */
export interface SubscriptionView {
  duration: Field<number>;
  unit: Field<string>;
  autoRenew: Field<boolean>;
  autoRenewDuration: Field<number>;
  autoPayOrder: Field<boolean>;
}

export interface GroupView {
  index: number;
  /** `nodeGroups[2]` */
  path: string;
  /** `node group "core" (nodeGroups[2])`, for messages. */
  label: string;
  type: Field<string>;
  name: Field<string>;
  nodeCount: Field<number>;
  vswitchIds: Field<unknown[]>;
  spotStrategy: Field<string>;
  /** True when the group has an autoScalingPolicy object. */
  autoScaling: Field<boolean>;
  minCapacity: Field<number>;
  maxCapacity: Field<number>;
  paymentType: Field<string>;
  subscription: Field<SubscriptionView>;
}

export interface ConfigItemView {
  index: number;
  path: string;
  applicationName: Field<string>;
  configFileName: Field<string>;
  configItemKey: Field<string>;
  configItemValue: Field<string>;
}

export interface ScriptView {
  index: number;
  path: string;
  scriptName: Field<string>;
  scriptPath: Field<string>;
}

export interface ClusterView {
  /** The plain inputs the view was built from, for rules that walk them by path (emr-provider-schema). */
  props: unknown;
  clusterName: Field<string>;
  clusterType: Field<string>;
  releaseVersion: Field<string>;
  deployMode: Field<string>;
  securityMode: Field<string>;
  paymentType: Field<string>;
  subscription: Field<SubscriptionView>;
  deletionProtection: Field<boolean>;
  applications: Field<Field<string>[]>;
  applicationConfigs: Field<ConfigItemView[]>;
  nodeGroups: Field<GroupView[]>;
  bootstrapScripts: Field<ScriptView[]>;
  tags: Field<Record<string, unknown>>;
  vpcId: Field<string>;
  securityGroupId: Field<string>;
}

function groupView(raw: unknown, index: number): GroupView {
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
    nodeCount: readCount(g.nodeCount),
    vswitchIds: list(g.vswitchIds),
    spotStrategy: str(g.spotStrategy),
    autoScaling: policy === undefined || policy === null ? false : isUnknown(policy) ? UNKNOWN : policyRecord ? true : MALFORMED,
    minCapacity: constraints === undefined ? undefined : isUnknown(constraints) ? UNKNOWN : readCount(constraints.minCapacity),
    maxCapacity: constraints === undefined ? undefined : isUnknown(constraints) ? UNKNOWN : readCount(constraints.maxCapacity),
    paymentType: str(g.paymentType),
    subscription: subscriptionView(g.subscriptionConfig),
  };
}

function subscriptionView(raw: unknown): Field<SubscriptionView> {
  if (raw === undefined || raw === null) return undefined;
  const s = record(raw);
  if (s === undefined) return MALFORMED;
  if (isUnknown(s)) return UNKNOWN;
  return { duration: num(s.paymentDuration), unit: str(s.paymentDurationUnit), autoRenew: bool(s.autoRenew), autoRenewDuration: num(s.autoRenewDuration), autoPayOrder: bool(s.autoPayOrder) };
}

function mapList<T>(v: unknown, each: (raw: unknown, index: number) => T): Field<T[]> {
  const l = list(v);
  return Array.isArray(l) ? l.map(each) : l;
}

/** Builds the view of a cluster's inputs. Never throws. */
export function clusterView(props: unknown): ClusterView {
  const p = record(props);
  const get = (k: string): unknown => (p && !isUnknown(p) ? p[k] : p);
  // The provider models nodeAttributes as a list of one object; accept a bare object too.
  const attrsRaw = get("nodeAttributes");
  const attrs = record(Array.isArray(attrsRaw) ? attrsRaw[0] : attrsRaw);
  const attr = (k: string) => (attrs && !isUnknown(attrs) ? str(attrs[k]) : attrs);
  const tags = record(get("tags"));
  return {
    props,
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
      const f = (k: string) => (c && !isUnknown(c) ? str(c[k]) : c === undefined ? MALFORMED : UNKNOWN);
      return {
        index,
        path: `applicationConfigs[${index}]`,
        applicationName: f("applicationName"),
        configFileName: f("configFileName"),
        configItemKey: f("configItemKey"),
        configItemValue: f("configItemValue"),
      };
    }),
    nodeGroups: mapList(get("nodeGroups"), groupView),
    bootstrapScripts: mapList(get("bootstrapScripts"), (raw, index) => {
      const s = record(raw);
      const f = (k: string) => (s && !isUnknown(s) ? str(s[k]) : s === undefined ? MALFORMED : UNKNOWN);
      return { index, path: `bootstrapScripts[${index}]`, scriptName: f("scriptName"), scriptPath: f("scriptPath") };
    }),
    tags: tags === undefined && get("tags") !== undefined && get("tags") !== null ? MALFORMED : tags,
    vpcId: attr("vpcId"),
    securityGroupId: attr("securityGroupId"),
  };
}

/** Upper-cased application names that are known (unknown entries are left out). */
export function knownApplications(view: ClusterView): string[] {
  return Array.isArray(view.applications) ? view.applications.filter(isKnown).map((a) => a.toUpperCase()) : [];
}

/**
 * The number an acknowledgement tag signs off: 0 without the tag (or with a value that is no number), UNKNOWN while
 * the tags or that tag's value are preview unknowns (an acknowledgement may be there: the rule cannot tell yet).
 */
export function ackNumber(view: ClusterView, key: string): number | Unknown {
  if (view.tags === UNKNOWN) return UNKNOWN;
  if (!isKnown(view.tags)) return 0;
  const v = view.tags[key];
  if (isUnknown(v)) return UNKNOWN;
  const n = typeof v === "number" ? v : typeof v === "string" && /^\d+$/.test(v.trim()) ? Number(v) : NaN;
  return Number.isFinite(n) ? n : 0;
}

/** The node groups to walk; a list that is unknown or malformed is recorded on `out` once. */
export function nodeGroupsOf(view: ClusterView, out: OutcomeBuilder): GroupView[] {
  if (view.nodeGroups === UNKNOWN) out.unknown("nodeGroups");
  else if (view.nodeGroups === MALFORMED) out.fail("nodeGroups", "nodeGroups is not a list", 'write nodeGroups as a list, e.g. [{ nodeGroupType: "MASTER", ... }]');
  return Array.isArray(view.nodeGroups) ? view.nodeGroups : [];
}
