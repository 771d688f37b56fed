/**
 * Acknowledgements of one write, given with the call (never a standing client setting), and the translation of the
 * gates' findings into the client's refusals. The gates themselves are policies/rules/gates (one set for all callers).
 */
import { DEFAULT_LIMITS, type GuardrailLimits } from "../../policies/rules/domain.js";
import { CHANGE_ACK_TAGS, parseAcks, renderAck, type AckRef, type Acks, type ChangeAckKind, type ChangeFinding } from "../../policies/rules/change/index.js";
import type { GateContext } from "../../policies/rules/gates/index.js";
import { EmrInputError, type InputProblem } from "../errors";

/**
 * The acknowledgements a write carries, by kind, with the exact values the refusal printed, e.g.
 * `{ scaleOut: ["core:40->65"] }`, `{ taskToZero: ["task:6->0"] }`, `{ autoScaling: ["task:replace:1a2b3c4d"] }`,
 * `{ clusterNodes: 120 }`, `{ nodeCount: 40 }`. Each entry approves that one change only.
 */
export type CallAcks = { nodeCount?: number; clusterNodes?: number; subscriptionMonths?: number } & { [K in Exclude<ChangeAckKind, "nodeCount" | "clusterNodes" | "subscriptionMonths">]?: string[] };

/** Options of a gated write. */
export interface WriteOptions {
  acknowledge?: CallAcks;
}

/** The call's acknowledgements as the cluster tags they stand for (`{ scaleOut: ["core:40->65"] }` → the ack-scale-out tag). */
export function ackTags(ack: CallAcks | undefined): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const [kind, value] of Object.entries(ack ?? {})) {
    if (value === undefined) continue;
    const tag = (CHANGE_ACK_TAGS as Record<string, string>)[kind];
    if (!tag) throw new EmrInputError([{ path: `acknowledge.${kind}`, message: "is not an acknowledgement kind", fix: `use one of ${Object.keys(CHANGE_ACK_TAGS).join(", ")}` }]);
    tags[tag] = Array.isArray(value) ? value.join(",") : String(value);
  }
  return tags;
}

/** The call's acknowledgements, parsed by the rules' own parser; a malformed one is refused (it is explicit input). */
export function callAcks(ack: CallAcks | undefined): Acks {
  const acks = parseAcks(ackTags(ack));
  const kindOf = (tag: string) => Object.entries(CHANGE_ACK_TAGS).find(([, t]) => t === tag)?.[0] ?? tag;
  if (acks.malformed.length) {
    throw new EmrInputError(acks.malformed.map((m) => ({ path: `acknowledge.${kindOf(m.tag)}`, message: `"${m.entry}": ${m.reason}`, fix: `e.g. "${m.example}"` })));
  }
  return acks;
}

/** What the gates are given for one write: the cluster (its name, for messages), the limits, the call's acknowledgements. */
export function gateContext(limits: GuardrailLimits | undefined, ack: CallAcks | undefined, cluster: string): GateContext {
  return { cluster, limits: limits ?? DEFAULT_LIMITS, acks: callAcks(ack) };
}

/** How to approve a change through the client: the option to pass with this very call. */
export function clientAck(ack: AckRef): string {
  const value = ack.kind === "nodeCount" || ack.kind === "clusterNodes" || ack.kind === "subscriptionMonths" ? ack.value : `["${ack.value}"]`;
  return `the option { acknowledge: { ${ack.kind}: ${value} } } on this call`;
}

/** Findings as the client's input problems; the fix names the call option instead of the cluster tag. */
export function toProblems(findings: ChangeFinding[]): InputProblem[] {
  return findings.map((f) => ({ path: f.path, message: f.message, fix: f.ack ? f.fix.replace(renderAck(f.ack), clientAck(f.ack)) : f.fix }));
}

/**
 * Refuses (before anything is sent) when the gates found something. `requestPath`: the request field a finding
 * about the group's count points at (the gates speak of `nodeGroups[name="..."].nodeCount`).
 */
export function refuseFindings(findings: ChangeFinding[], requestPath?: string): void {
  const at = (f: ChangeFinding) => (requestPath && /\.nodeCount$/.test(f.path) ? { ...f, path: requestPath } : f);
  if (findings.length) throw new EmrInputError(toProblems(findings.map(at)));
}
