/**
 * Acknowledgements of changes (the brief's formats). Each entry approves ONE named change: its value carries the
 * change (`core:40->65`), so an entry left on the cluster approves nothing later and is reported as stale. An entry
 * already in the recorded state approved an earlier update: it is SPENT and approves nothing now; to approve the same
 * change again, write the entry anew with a note after `@` (`task:6->0@2026-12-02`), which makes it a new entry.
 * Parsing never throws: an entry in an old or wrong form is kept as `malformed`, with the reason and the right form.
 */
import { createHash } from "node:crypto";
import { ACK_TAGS, PAYMENT_TYPES, TAG_RULES } from "../domain";
import { isUnknown } from "../types";

/** Every acknowledgement tag a change rule reads. */
export const CHANGE_ACK_TAGS = {
  nodeCount: ACK_TAGS.nodeCount,
  clusterNodes: ACK_TAGS.clusterNodes,
  subscriptionMonths: ACK_TAGS.subscriptionMonths,
  scaleOut: ACK_TAGS.scaleOut,
  scaleIn: ACK_TAGS.scaleIn,
  taskToZero: ACK_TAGS.taskGroupToZero,
  paymentSwitch: ACK_TAGS.paymentSwitch,
  newCluster: ACK_TAGS.newCluster,
  autoScaling: ACK_TAGS.autoScaling,
  monthlyCost: ACK_TAGS.monthlyCost,
} as const;
export type ChangeAckKind = keyof typeof CHANGE_ACK_TAGS;

/** Kinds whose entries name one change (the numeric ones state an end state and are never stale). */
export const NAMED_CHANGE_ACKS = ["scaleOut", "scaleIn", "taskToZero", "paymentSwitch", "newCluster", "autoScaling", "monthlyCost"] as const;
export type NamedChangeAck = (typeof NAMED_CHANGE_ACKS)[number];

/** The acknowledgement that would approve a finding: the tag and the exact entry to add. */
export interface AckRef {
  kind: ChangeAckKind;
  value: string;
}

export interface MalformedAck {
  tag: string;
  entry: string;
  reason: string;
  /** A right entry of this tag. */
  example: string;
}

export interface Acks {
  /** The cluster's tags are not known yet (a preview unknown): an acknowledgement can be neither found nor missed. */
  unknown: boolean;
  /** End-state acknowledgements: the largest group / cluster total signed off. */
  nodeCount?: number;
  clusterNodes?: number;
  subscriptionMonths?: number;
  /**
   * Named-change entries: `value` in canonical form (the change it names), `entry` as written (with its `@` note),
   * `spent` when the same entry was already in the recorded state (it approved an earlier update).
   */
  entries: { kind: NamedChangeAck; value: string; entry: string; spent: boolean }[];
  malformed: MalformedAck[];
}

const GROUP = "([\\p{L}\\p{N}_-]+)";
const FORMS: Record<NamedChangeAck, { re: RegExp; example: string; canonical: (m: RegExpMatchArray) => string | undefined }> = {
  scaleOut: { re: new RegExp(`^${GROUP}:(\\d+)\\s*->\\s*(\\d+)$`, "u"), example: "core:40->65", canonical: (m) => (Number(m[3]) > Number(m[2]) ? ackValue.scaleOut(m[1], Number(m[2]), Number(m[3])) : undefined) },
  scaleIn: { re: new RegExp(`^${GROUP}:(\\d+)\\s*->\\s*([1-9]\\d*)$`, "u"), example: "task:25->15", canonical: (m) => (Number(m[3]) < Number(m[2]) ? ackValue.scaleIn(m[1], Number(m[2]), Number(m[3])) : undefined) },
  taskToZero: { re: new RegExp(`^${GROUP}:(\\d+)\\s*->\\s*0$`, "u"), example: "task:6->0", canonical: (m) => ackValue.taskToZero(m[1], Number(m[2])) },
  paymentSwitch: { re: /^(PayAsYouGo|Subscription)\s*->\s*(PayAsYouGo|Subscription)$/, example: "PayAsYouGo->Subscription", canonical: (m) => (m[1] !== m[2] ? ackValue.paymentSwitch(m[1], m[2]) : undefined) },
  // A cluster name, within what one tag value can hold.
  newCluster: { re: new RegExp(`^([\\p{L}\\p{N}_-]{1,${TAG_RULES.maxValueLength}})$`, "u"), example: "analytics-prod", canonical: (m) => m[1] },
  autoScaling: { re: new RegExp(`^${GROUP}:(remove|replace:[0-9a-f]{8})$`, "u"), example: "task:remove or task:replace:1a2b3c4d", canonical: (m) => `${m[1]}:${m[2]}` },
  monthlyCost: { re: /^\+(\d+)\s*([A-Z]{3})$/, example: "+5480 CNY", canonical: (m) => ackValue.monthlyCost(Number(m[1]), m[2]) },
};

/** The exact entry values, in one place: the rules compare with them and the messages print them. */
export const ackValue = {
  scaleOut: (group: string, from: number, to: number) => `${group}:${from}->${to}`,
  scaleIn: (group: string, from: number, to: number) => `${group}:${from}->${to}`,
  taskToZero: (group: string, from: number) => `${group}:${from}->0`,
  paymentSwitch: (from: string, to: string) => `${from}->${to}`,
  newCluster: (clusterName: string) => clusterName,
  autoScalingRemove: (group: string) => `${group}:remove`,
  autoScalingReplace: (group: string, fingerprint: string) => `${group}:replace:${fingerprint}`,
  /** A change's added monthly cost, in whole units of the price book's currency (rounded up). */
  monthlyCost: (amount: number, currency: string) => `+${Math.ceil(Math.round(amount * 100) / 100)} ${currency}`,
};

/** The EmrCluster spec field that sets each tag. */
const SPEC_FIELD: Record<ChangeAckKind, (value: string) => string> = {
  nodeCount: (v) => `acknowledgements.nodeCount: ${v}`,
  clusterNodes: (v) => `acknowledgements.clusterNodes: ${v}`,
  subscriptionMonths: (v) => `acknowledgements.subscriptionMonths: ${v}`,
  scaleOut: (v) => `acknowledgements.scaleOut: ["${v}"]`,
  scaleIn: (v) => `acknowledgements.scaleIn: ["${v}"]`,
  taskToZero: (v) => `acknowledgements.taskGroupToZero: ["${v}"]`,
  paymentSwitch: (v) => `acknowledgements.paymentSwitch: "${v}"`,
  newCluster: () => "acknowledgements.newCluster: true",
  autoScaling: (v) => `acknowledgements.autoScaling: ["${v}"]`,
  monthlyCost: (v) => `acknowledgements.monthlyCost: "${v}"`,
};

/** How to add an acknowledgement, with its exact value: `the tag emr-guard:ack-scale-out: "core:40->65" (...)`. */
export function renderAck(ack: AckRef): string {
  const tag = CHANGE_ACK_TAGS[ack.kind];
  // A cluster has one cost change per update: its tag holds one entry.
  const entries = (NAMED_CHANGE_ACKS as readonly string[]).includes(ack.kind) && ack.kind !== "monthlyCost" ? ", one comma-separated entry among others" : "";
  return `the tag ${tag}: "${ack.value}"${entries} (${SPEC_FIELD[ack.kind](ack.value)} in the EmrCluster spec)`;
}

function entriesOf(v: unknown): string[] {
  if (typeof v === "number") return [String(v)];
  return typeof v === "string" ? v.split(",").map((e) => e.trim()).filter((e) => e.length > 0) : [];
}

function endStateNumber(v: unknown, tag: string, malformed: MalformedAck[]): number | undefined {
  const entries = entriesOf(v);
  if (v === undefined || v === null) return undefined;
  if (entries.length === 1 && /^\d+$/.test(entries[0])) return Number(entries[0]);
  malformed.push({ tag, entry: String(v), reason: "it is not one whole number", example: "40" });
  return undefined;
}

/**
 * Whether one entry is in the form of its kind (a note after "@" allowed), with the example to show when it is not:
 * the component's schema checks the spec's acknowledgements with this, so the two never disagree.
 */
export function ackEntryProblem(kind: NamedChangeAck, entry: string): string | undefined {
  const m = entry.replace(/@[^@]*$/, "").trim().match(FORMS[kind].re);
  return m && FORMS[kind].canonical(m) !== undefined ? undefined : `expected an entry like "${FORMS[kind].example}"`;
}

/**
 * Reads the acknowledgements from a cluster's tags (after the change). `recorded`: the tags of the recorded state,
 * when there is one: an entry written there already approved an earlier update and is spent. Never throws.
 */
export function parseAcks(tags: unknown, recorded?: unknown): Acks {
  const acks: Acks = { unknown: false, entries: [], malformed: [] };
  if (isUnknown(tags)) return { ...acks, unknown: true };
  if (tags === null || typeof tags !== "object" || Array.isArray(tags)) return acks;
  const t = tags as Record<string, unknown>;
  const old = recorded !== null && typeof recorded === "object" && !Array.isArray(recorded) && !isUnknown(recorded) ? (recorded as Record<string, unknown>) : {};
  acks.nodeCount = endStateNumber(t[CHANGE_ACK_TAGS.nodeCount], CHANGE_ACK_TAGS.nodeCount, acks.malformed);
  acks.clusterNodes = endStateNumber(t[CHANGE_ACK_TAGS.clusterNodes], CHANGE_ACK_TAGS.clusterNodes, acks.malformed);
  acks.subscriptionMonths = endStateNumber(t[CHANGE_ACK_TAGS.subscriptionMonths], CHANGE_ACK_TAGS.subscriptionMonths, acks.malformed);
  for (const kind of NAMED_CHANGE_ACKS) {
    const tag = CHANGE_ACK_TAGS[kind];
    if (isUnknown(t[tag])) acks.unknown = true;
    const spentEntries = new Set(entriesOf(old[tag]));
    for (const entry of entriesOf(t[tag])) {
      // A note after "@" makes an entry new (a re-approval); it is not part of the change it names.
      const m = entry.replace(/@[^@]*$/, "").trim().match(FORMS[kind].re);
      const value = m ? FORMS[kind].canonical(m) : undefined;
      if (value !== undefined) acks.entries.push({ kind, value, entry, spent: spentEntries.has(entry) });
      else {
        const reason = entry === "true" ? `"true" approved every later change; an entry now names the one change it approves` : `it is not in the form ${FORMS[kind].example}`;
        acks.malformed.push({ tag, entry, reason, example: FORMS[kind].example });
      }
    }
  }
  return acks;
}

/** True when the acknowledgement is present and not spent (numeric ones cover any value up to theirs). */
export function hasAck(acks: Acks, ack: AckRef): boolean {
  if (ack.kind === "nodeCount" || ack.kind === "clusterNodes" || ack.kind === "subscriptionMonths") return (acks[ack.kind] ?? 0) >= Number(ack.value);
  return acks.entries.some((e) => e.kind === ack.kind && e.value === ack.value && !e.spent);
}

/** The spent entry that would have approved `ack` (it approved an earlier update), if any. */
export function spentAck(acks: Acks, ack: AckRef): string | undefined {
  return acks.entries.find((e) => e.kind === ack.kind && e.value === ack.value && e.spent)?.entry;
}

/** An empty set of acknowledgements (a caller that has none). */
export const NO_ACKS: Acks = Object.freeze({ unknown: false, entries: [], malformed: [] });

/** JSON with sorted keys, keys' first letter lower-cased (the API's `MaxCapacity` = the provider's `maxCapacity`), nulls dropped. */
export function canonicalJson(value: unknown): string {
  const norm = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(norm);
    if (v === null || typeof v !== "object") return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v).map(([k, x]) => [k.charAt(0).toLowerCase() + k.slice(1), x] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (x !== null && x !== undefined) out[k] = norm(x);
    }
    return out;
  };
  return JSON.stringify(norm(value)) ?? "null";
}

/** The fingerprint of an auto-scaling policy: 8 hex digits of the SHA-256 of its canonical JSON. */
export function policyFingerprint(policy: unknown): string {
  return createHash("sha256").update(canonicalJson(policy)).digest("hex").slice(0, 8);
}

export const isPaymentType = (v: unknown): v is (typeof PAYMENT_TYPES)[number] => (PAYMENT_TYPES as readonly unknown[]).includes(v);
