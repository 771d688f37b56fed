/**
 * Cluster-level change rules: each judges one ClusterChange (diff.ts) and returns an outcome in the shared
 * vocabulary. Scaling, auto-scaling and deletion protection call the step-level functions (steps.ts).
 */
import { ackValue, hasAck, renderAck, type AckRef } from "./acks";
import type { ClusterChange, GroupChange } from "./diff";
import { summarizePolicy } from "./policy";
import { compareValues, countedSize } from "./snapshot";
import { CHANGE_RULES, changeFinding, checkAutoScalingChange, checkClusterTotal, checkDeletionProtectionChange, checkScaleInStep, checkScaleOutStep, stepPlan } from "./steps";
import { ChangeOutcomeBuilder, onUpdate, type ChangeRule } from "./types";
import { NEW_GROUP_INSTEAD, notAppliedRule, replacementRule } from "./field-rules";
import { UNKNOWN } from "../types";
import { isKnown, type Field } from "../view";


const knownCount = (v: Field<number>): v is number => isKnown(v);
const countPath = (g: GroupChange) => `${g.path}.nodeCount`;

/** The groups' counts before/after; an unknown one is recorded on `out`. Malformed counts are the end-state rules' findings. */
function counts(g: GroupChange, out: ChangeOutcomeBuilder): { from: number; to: number } | undefined {
  const from = g.status === "added" || g.status === "renamed" ? 0 : g.before?.nodeCount;
  const to = g.after?.nodeCount;
  if (from === UNKNOWN || to === UNKNOWN) return void out.unknown(countPath(g));
  return knownCount(from) && knownCount(to) ? { from, to } : undefined;
}

export const scaleOutRule: ChangeRule = {
  name: CHANGE_RULES.scaleOut,
  description: "Checks whether every scale-out (also a new group's first nodes) adds at most 50 nodes in one update, above 20 only with the acknowledgement of that change, never to a MASTER group.",
  level: "mandatory",
  check(change, { limits }) {
    return onUpdate(change, (out) => {
      for (const g of change.groups.filter((x) => x.status !== "removed")) {
        const c = counts(g, out);
        if (c) out.add(checkScaleOutStep({ cluster: change.cluster, group: g.name, groupType: g.type, from: c.from, to: c.to, newGroup: g.status !== "kept", path: countPath(g) }, { limits, acks: change.acks }));
      }
    });
  },
};

export const clusterTotalRule: ChangeRule = {
  name: CHANGE_RULES.clusterTotal,
  description: "Checks whether a change that grows the cluster above 100 nodes in total (auto-scaling groups at max(nodeCount, MaxCapacity)) carries the cost acknowledgement of the new total.",
  level: "mandatory",
  check(change, { limits }) {
    return onUpdate(change, (out) => {
      const total = (side: "before" | "after") => {
        const list = change[side]?.nodeGroups;
        if (!Array.isArray(list)) return undefined;
        let sum = 0;
        for (const g of list) {
          const n = countedSize(g, (p) => summarizePolicy(p).maxCapacity);
          if (n === UNKNOWN) return void out.unknown(`${g.path}.nodeCount (${side})`);
          if (knownCount(n)) sum += n;
        }
        return sum;
      };
      const before = total("before");
      const after = total("after");
      if (before !== undefined && after !== undefined) out.add(checkClusterTotal({ cluster: change.cluster, totalBefore: before, totalAfter: after }, { limits, acks: change.acks }));
    });
  },
};

export const scaleInRule: ChangeRule = {
  name: CHANGE_RULES.scaleIn,
  description: "Checks whether every scale-in shrinks a TASK or GATEWAY group by at most 10 nodes in one update, never Subscription nodes, to 0 only with the acknowledgement of that change.",
  level: "mandatory",
  check(change, { limits }) {
    return onUpdate(change, (out) => {
      for (const g of change.groups.filter((x) => x.status === "kept")) {
        const c = counts(g, out);
        const paymentType = g.before?.paymentType;
        if (c) out.add(checkScaleInStep({ cluster: change.cluster, group: g.name, groupType: g.type, paymentType: isKnown(paymentType) ? paymentType : undefined, from: c.from, to: c.to, path: countPath(g) }, { limits, acks: change.acks }));
      }
    });
  },
};

export const groupRemovalRule: ChangeRule = {
  name: CHANGE_RULES.groupRemoval,
  description: "Checks whether a node group is removed or renamed only once it has no nodes (the provider's DeleteNodeGroup fails while nodes run).",
  level: "mandatory",
  check(change, { limits }) {
    return onUpdate(change, (out) => {
      for (const g of change.groups.filter((x) => x.status === "removed" || x.status === "renamed")) {
        const old = g.before;
        const n = old?.nodeCount;
        const oldName = g.renamedFrom ?? g.name;
        const path = g.status === "renamed" ? `${g.path}.nodeGroupName` : g.path;
        if (n === UNKNOWN) {
          out.unknown(path);
          continue;
        }
        out.applies();
        if (n === undefined || !knownCount(n) || n === 0) continue;
        const count = n;
        const what = g.status === "renamed" ? `node group "${oldName}" (${g.type}) is renamed to "${g.name}" while it has ${count} nodes: the provider deletes and re-creates it, and the delete fails while nodes run` : `node group "${oldName}" (${g.type}) is removed while it has ${count} nodes: the provider's DeleteNodeGroup fails while nodes run`;
        const shrinkable = g.type === "TASK" || g.type === "GATEWAY";
        const toZero = ackValue.taskToZero(oldName, Math.min(count, limits.maxScaleInPerCall));
        const fix = g.status === "renamed"
          ? `keep the name "${oldName}"; for other settings ${NEW_GROUP_INSTEAD}`
          : shrinkable
            ? `step it to 0 first (${stepPlan(count, 0, limits.maxScaleInPerCall)}, the last step acknowledged with "${toZero}" in emr-guard:ack-task-to-zero), then remove it in a later update`
            : `a ${g.type} group is never scaled in, so it cannot be emptied: keep it`;
        out.add([changeFinding(CHANGE_RULES.groupRemoval, { cluster: change.cluster, group: oldName, path }, what, fix)]);
      }
    });
  },
};

/** PayAsYouGo → Subscription acknowledged; Subscription → PayAsYouGo refused (the provider only converts the other way). */
function paymentSwitch(change: ClusterChange, out: ChangeOutcomeBuilder, path: string, from: Field<string>, to: Field<string>, group?: string) {
  if (from === UNKNOWN || to === UNKNOWN) return void out.unknown(path);
  if (!isKnown(from) || !isKnown(to)) return;
  out.applies();
  if (from === to) return;
  const whose = group ? `node group "${group}": ` : "";
  const where = { cluster: change.cluster, group, path };
  if (from === "Subscription") {
    return void out.add([changeFinding(CHANGE_RULES.paymentSwitch, where, `${whose}paymentType ${from} → ${to}: the provider only converts PayAsYouGo → Subscription`, `keep paymentType "${from}"`)]);
  }
  const ack: AckRef = { kind: "paymentSwitch", value: ackValue.paymentSwitch(from, to) };
  if (!hasAck(change.acks, ack)) out.add([changeFinding(CHANGE_RULES.paymentSwitch, where, `${whose}paymentType ${from} → ${to} changes what the cluster costs and commits to a subscription`, `acknowledge this switch with ${renderAck(ack)}, or keep paymentType "${from}"`, ack)]);
}

export const paymentSwitchRule: ChangeRule = {
  name: CHANGE_RULES.paymentSwitch,
  description: "Checks whether a payment-type switch is PayAsYouGo → Subscription with the acknowledgement of that switch (never Subscription → PayAsYouGo).",
  level: "mandatory",
  check(change) {
    return onUpdate(change, (out, before, after) => {
      paymentSwitch(change, out, "paymentType", before.paymentType, after.paymentType);
      for (const g of change.groups.filter((x) => x.status === "kept")) paymentSwitch(change, out, `${g.path}.paymentType`, g.before?.paymentType, g.after?.paymentType, g.name);
    });
  },
};

export const securityModeRule: ChangeRule = {
  name: CHANGE_RULES.securityMode,
  description: "Checks whether the security mode is never downgraded KERBEROS → NORMAL.",
  level: "mandatory",
  check(change) {
    return onUpdate(change, (out, before, after) => {
      const from = before.securityMode;
      const to = after.securityMode;
      if (from === UNKNOWN || to === UNKNOWN) return void out.unknown("securityMode");
      out.applies();
      if (from === "KERBEROS" && to === "NORMAL") {
        out.add([changeFinding(CHANGE_RULES.securityMode, { cluster: change.cluster, path: "securityMode" }, "securityMode KERBEROS → NORMAL: a security downgrade is never made (and the provider would not apply it: the cluster stays KERBEROS)", 'keep securityMode "KERBEROS"')]);
      }
    });
  },
};

export const deletionProtectionRule: ChangeRule = {
  name: CHANGE_RULES.deletionProtection,
  description: "Checks whether deletionProtection goes true → false only as the sole change to the cluster.",
  level: "mandatory",
  check(change, { limits }) {
    return onUpdate(change, (out, b, a) => {
      const before = b.deletionProtection;
      const after = a.deletionProtection;
      if (after === UNKNOWN) return void out.unknown("deletionProtection");
      const others = [
        ...change.fields.filter((f) => f.path !== "deletionProtection").map((f) => f.path),
        ...change.groups.filter((g) => g.status !== "kept").map((g) => `${g.path} (${g.status})`),
      ];
      out.add(checkDeletionProtectionChange({ cluster: change.cluster, before, after, otherChangedPaths: others }, { limits, acks: change.acks }));
    });
  },
};

export const autoScalingRule: ChangeRule = {
  name: CHANGE_RULES.autoScaling,
  description: "Checks whether an auto-scaling policy keeps MaxCapacity within the cap and is removed or replaced only with the acknowledgement of that change.",
  level: "mandatory",
  check(change, { limits }) {
    return onUpdate(change, (out) => {
      for (const g of change.groups.filter((x) => x.status !== "removed")) {
        const before = g.status === "kept" ? g.before?.autoScalingPolicy : undefined;
        const after = g.after?.autoScalingPolicy;
        const path = `${g.path}.autoScalingPolicy`;
        if (before === undefined && after === undefined) continue;
        if (compareValues(before, after) === "unknown") out.unknown(path);
        out.add(checkAutoScalingChange({ cluster: change.cluster, group: g.name, before, after, path }, { limits, acks: change.acks }));
      }
    });
  },
};

export const ackFormatRule: ChangeRule = {
  name: CHANGE_RULES.ackFormat,
  description: "Checks whether every acknowledgement entry is in its form (e.g. ack-task-to-zero \"task:6->0\", no longer \"true\").",
  level: "mandatory",
  check(change) {
    const out = new ChangeOutcomeBuilder(false).applies();
    if (change.kind === "remove") return { kind: "not-applicable" };
    for (const m of change.acks.malformed) {
      out.add([changeFinding(CHANGE_RULES.ackFormat, { cluster: change.cluster, path: `tags["${m.tag}"]` }, `the acknowledgement ${m.tag}: "${m.entry}" approves nothing: ${m.reason}`, `write the entry that names the change, e.g. ${m.tag}: "${m.example}" (the check prints the exact value a change needs)`)]);
    }
    return out.build();
  },
};

export const CLUSTER_CHANGE_RULES: readonly ChangeRule[] = [
  scaleOutRule, clusterTotalRule, scaleInRule, groupRemovalRule, paymentSwitchRule, securityModeRule,
  deletionProtectionRule, autoScalingRule, replacementRule, notAppliedRule, ackFormatRule,
];
