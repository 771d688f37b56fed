/**
 * The vocabulary of the call plan: what one `pulumi up` makes the alicloud provider send to the EMR API for one
 * cluster, in order, and what it refuses, never applies or replaces. The seed's safety rules (002) are rules about
 * these calls, so the gates judge them (gates/), never a diff of inputs.
 */
import type { SkippedIgnore } from "./ignore-changes";

/** The EMR write actions the provider sends for an emrv2 Cluster (reads are left out: they change nothing). */
export const WRITE_ACTIONS = [
  "RunCluster",
  "TagResources",
  "UntagResources",
  "UpdateClusterAttribute",
  "UpdateClusterPaymentType",
  "PutAutoScalingPolicy",
  "RemoveAutoScalingPolicy",
  "IncreaseNodesDiskSize",
  "CreateNodeGroup",
  "UpdateNodeGroupPaymentType",
  "IncreaseNodes",
  "DecreaseNodes",
  "DeleteNodeGroup",
  "CreateScript",
  "UpdateScript",
  "DeleteScript",
  "DeleteCluster",
] as const;
export type WriteAction = (typeof WRITE_ACTIONS)[number];

/** A count the model knows only as a range: the live size of an auto-scaled group is not known offline. */
export interface CountRange {
  min: number;
  max: number;
}

export interface EmrCall {
  action: WriteAction;
  /** The node group the call is about, by name. */
  group?: string;
  /**
   * The request's parameters that gates and readers need, in the API's names: IncreaseNodeCount, DecreaseNodeCount,
   * NodeGroup (CreateNodeGroup), DeletionProtection, ClusterName, PaymentType, Tags, TagKeys, ... A count known only
   * as a range is in `range` instead, and its parameter is absent.
   */
  params: Record<string, unknown>;
  range?: CountRange;
  /** For IncreaseNodes/DecreaseNodes: the group's live count before the call (absent when it is a range). */
  from?: number;
  /** IncreaseNodes of a group this update creates (its first nodes, after CreateNodeGroup). */
  newGroup?: true;
  /** For PutAutoScalingPolicy: the policy it replaces as a whole (absent: the group had none). */
  replaces?: unknown;
  /**
   * The provider builds this call while iterating a Go map (its node groups by name), so its order among the calls of
   * the same phase is any order; the calls are listed by group name.
   */
  anyOrder?: true;
  /**
   * Maybe sent: the live count is unknown offline (see `range`), or the call belongs to a group the provider may meet
   * only after the group whose refusal stops the update (Go map order).
   */
  possible?: true;
  /** The live group's type and payment (not sent; what the gates judge): the cluster's real group, not the program's. */
  groupType?: string;
  groupPayment?: string;
  /** Why the provider sends it, in the program's terms: `nodeGroups[1].nodeCount 6 -> 8`. */
  because: string;
  /** The program path the call comes from (`nodeGroups[1].nodeCount`), when the plan was built from a program. */
  path?: string;
}

/** An error the provider returns during `pulumi up`: the calls listed before it in the plan were already sent. */
export interface ApplyRefusal {
  /** Which of the provider's refusals (provider.ts PROVIDER_REFUSALS). */
  kind: string;
  /** The provider's error text (from its source). */
  message: string;
  /** Where the provider refuses, `file:line` in the modelled provider version. */
  source: string;
  /** The program path that causes it. */
  path: string;
  /** The node group, when the refusal is about one. */
  group?: string;
}

/** Why `pulumi preview` itself fails: nothing is sent. */
export interface PreviewError {
  kind: "protected-replacement" | "protected-delete" | "provider-check";
  message: string;
  path: string;
}

/** A field edit the provider makes no call for: the program says one thing, the cluster keeps another. */
export interface NotApplied {
  path: string;
  group?: string;
  before: unknown;
  after: unknown;
  /** What to do instead. */
  instead: string;
  /** Whether it changes is not known offline (a secret recorded as ciphertext, a value known after apply). */
  unknown?: true;
}

/** A change that makes Pulumi replace the resource (delete + create). */
export interface Replacement {
  path: string;
  before: unknown;
  after: unknown;
  /** `provider`: a ForceNew field of the provider's schema; `option`: the resource's replaceOnChanges. */
  by: "provider" | "option";
  /** Not known offline (a value known only after apply): the replacement may or may not happen. */
  unknown?: true;
}

/** Where the model's "current" node counts come from. */
export type LiveSource =
  /** The EMR API, just now (the live gate, `emr-check --live`). */
  | "api"
  /** A state recorded right after `pulumi refresh` (or a preview run with --refresh). */
  | "refreshed-state"
  /** A recorded state: auto-scaled groups may have moved since (their counts are ranges). */
  | "recorded-state";

export type Operation = "create" | "update" | "same" | "replace" | "delete" | "retain";

export interface CallPlan {
  /** The Pulumi resource name (or the cluster name / ID for live callers). */
  cluster: string;
  urn?: string;
  operation: Operation;
  /** The write calls in the order the provider sends them; with a refusal, only those sent (or maybe sent) before it. */
  calls: EmrCall[];
  /**
   * The errors that stop `pulumi up` halfway, after the calls above were sent; empty: the update completes. More than
   * one: the provider stops at the first it meets, which depends on Go map order.
   */
  refusals: ApplyRefusal[];
  /** Why `pulumi preview` fails (nothing sent). */
  previewErrors: PreviewError[];
  notApplied: NotApplied[];
  replacements: Replacement[];
  /** ignoreChanges paths the engine does not apply (it plans the program's value there); absent when none. */
  ignoreSkipped?: SkippedIgnore[];
  /** What the model could not know (preview unknowns), as program paths. */
  unknown: string[];
  liveSource: LiveSource;
  /** Groups whose live count the model could not know and that a node-group change would resize. */
  unknownLiveCounts: { group: string; path: string; target: number; range: CountRange }[];
  /**
   * The cluster's size before and after (auto-scaled groups at max(count, MaxCapacity)), for the cost threshold;
   * undefined where not known.
   */
  size: { before?: number; after?: number };
  /** The node groups the recorded state knows, by name (a live group outside them was made outside the program). */
  recordedGroups: string[];
}
