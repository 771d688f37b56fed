/** Subscriptions: a valid subscriptionConfig wherever Subscription is chosen (validity), and its length (guardrail). */
import { ACK_TAGS, MONTHS_PER_UNIT, PAYMENT_DURATIONS, type PaymentDurationUnit } from "./domain";
import { EMR_CLUSTER_SCHEMA } from "./provider-schema";
import { OutcomeBuilder, UNKNOWN } from "./types";
import type { ClusterRule } from "./rule";
import { ackNumber, isKnown, nodeGroupsOf, type ClusterView, type Field, type SubscriptionView } from "./view";

const UNITS = Object.keys(PAYMENT_DURATIONS) as PaymentDurationUnit[];
const isUnit = (u: unknown): u is PaymentDurationUnit => (UNITS as unknown[]).includes(u);

export interface SubscriptionOwner {
  path: string;
  what: string;
  /** As written (a node group's own paymentType, undefined when it has none). */
  paymentType: Field<string>;
  /** What it pays: a node group without its own paymentType pays as the cluster does. */
  effectivePayment: Field<string>;
  subscription: Field<SubscriptionView>;
}

/** A subscription's owners: the cluster, then each node group, with the path of their subscriptionConfig. */
export function subscriptionsOf(view: ClusterView, out: OutcomeBuilder): SubscriptionOwner[] {
  const cluster: SubscriptionOwner = { path: "subscriptionConfig", what: "the cluster", paymentType: view.paymentType, effectivePayment: view.paymentType, subscription: view.subscription };
  return [
    cluster,
    ...nodeGroupsOf(view, out).map((g): SubscriptionOwner => ({ path: `${g.path}.subscriptionConfig`, what: g.label, paymentType: g.paymentType, effectivePayment: g.paymentType ?? view.paymentType, subscription: g.subscription })),
  ];
}

/** Whether an owner pays by Subscription: true, false, or UNKNOWN (recorded on `out` at its paymentType). */
export function paysBySubscription(owner: SubscriptionOwner, out: OutcomeBuilder): boolean {
  if (owner.effectivePayment === UNKNOWN) out.unknown(owner.path.replace(/subscriptionConfig$/, "paymentType"));
  return owner.effectivePayment === "Subscription";
}

/** Durations the provider's schema accepts at all (emr-provider-schema reports the others). */
const PROVIDER_DURATIONS: readonly number[] = EMR_CLUSTER_SCHEMA["subscriptionConfig.paymentDuration"].values;

export const subscriptionConfigValid: ClusterRule = {
  name: "emr-subscription-config",
  check(view) {
    const out = new OutcomeBuilder(this.name);
    for (const { path, what, paymentType, subscription } of subscriptionsOf(view, out)) {
      if (subscription === UNKNOWN) {
        out.unknown(path);
        continue;
      }
      if (subscription === undefined) {
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
      if (unit === undefined) out.fail(`${path}.paymentDurationUnit`, `${what} has a subscriptionConfig without paymentDurationUnit, which the provider requires`, 'set paymentDurationUnit: "Month" (or "Year")');
      if (duration === undefined) out.fail(`${path}.paymentDuration`, `${what} has a subscriptionConfig without paymentDuration, which the provider requires`, "set paymentDuration, e.g. 12");
      // Values outside the provider's own lists are emr-provider-schema's; the API narrows a Year to 1-5.
      if (!isUnit(unit) || !isKnown(duration) || !PROVIDER_DURATIONS.includes(duration)) continue;
      if (!PAYMENT_DURATIONS[unit].includes(duration)) {
        out.fail(`${path}.paymentDuration`, `${what} has paymentDuration ${duration} ${unit}; for ${unit} the API accepts ${PAYMENT_DURATIONS[unit].join(", ")}`, `use one of them, e.g. ${unit === "Year" ? 1 : 12}, or paymentDurationUnit "Month"`);
      }
    }
    return out.build();
  },
};

/** The length of a subscription in months (Year counts 12), or undefined when it cannot be counted. */
export function subscriptionMonths(subscription: Field<SubscriptionView>): number | undefined {
  if (!isKnown(subscription) || !isKnown(subscription.duration)) return undefined;
  const unit = subscription.unit ?? "Month";
  return isUnit(unit) ? subscription.duration * MONTHS_PER_UNIT[unit] : undefined;
}

export const subscriptionDurationAck: ClusterRule = {
  name: "emr-subscription-duration-ack",
  check(view, { limits }) {
    const out = new OutcomeBuilder(this.name);
    for (const owner of subscriptionsOf(view, out)) {
      const { path, what, subscription } = owner;
      if (subscription === undefined || !paysBySubscription(owner, out)) continue;
      const months = subscriptionMonths(subscription);
      if (subscription === UNKNOWN || (months === undefined && isKnown(subscription) && (subscription.duration === UNKNOWN || subscription.unit === UNKNOWN))) {
        out.unknown(`${path}.paymentDuration`);
        continue;
      }
      if (months === undefined) continue; // emr-subscription-config reports a malformed config
      out.applies();
      if (months <= limits.subscriptionMonthsAckThreshold) continue;
      const ack = ackNumber(view, ACK_TAGS.subscriptionMonths);
      if (ack === UNKNOWN) out.unknown(`tags[${JSON.stringify(ACK_TAGS.subscriptionMonths)}]`);
      else if (months > ack) {
        out.fail(`${path}.paymentDuration`, `a ${months}-month subscription (${what}) is longer than ${limits.subscriptionMonthsAckThreshold} months without a cost acknowledgement${ack ? ` (acknowledged: ${ack})` : ""}`, `acknowledge it with the tag ${ACK_TAGS.subscriptionMonths}: "${months}" (acknowledgements.subscriptionMonths: ${months}), or subscribe for ${limits.subscriptionMonthsAckThreshold} months`);
      }
    }
    return out.build();
  },
};
