/** Subscriptions: a valid subscriptionConfig wherever Subscription is chosen (validity), and its length (guardrail). */
import { ACK_TAGS, MONTHS_PER_UNIT, PAYMENT_DURATIONS, type PaymentDurationUnit } from "./domain";
import { OutcomeBuilder, UNKNOWN } from "./types";
import type { ClusterRule } from "./rule";
import { isKnown, nodeGroupsOf, tagNumber, type ClusterView, type Field, type SubscriptionView } from "./view";

const UNITS = Object.keys(PAYMENT_DURATIONS) as PaymentDurationUnit[];
const isUnit = (u: unknown): u is PaymentDurationUnit => (UNITS as unknown[]).includes(u);

interface Owner {
  path: string;
  what: string;
  paymentType: Field<string>;
  subscription: Field<SubscriptionView>;
}

/** A subscription's owners: the cluster, then each node group, with the path of their subscriptionConfig. */
function subscriptionsOf(view: ClusterView, out: OutcomeBuilder): Owner[] {
  const cluster: Owner = { path: "subscriptionConfig", what: "the cluster", paymentType: view.paymentType, subscription: view.subscription };
  return [cluster, ...nodeGroupsOf(view, out).map((g): Owner => ({ path: `${g.path}.subscriptionConfig`, what: g.label, paymentType: g.paymentType, subscription: g.subscription }))];
}

export const subscriptionConfigValid: ClusterRule = {
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
      if (!isUnit(unit)) {
        out.fail(`${path}.paymentDurationUnit`, `${what} has paymentDurationUnit ${JSON.stringify(unit ?? null)}; the API knows ${UNITS.join(" and ")}`, 'set paymentDurationUnit: "Month" (or "Year")');
        continue;
      }
      if (!isKnown(duration) || !PAYMENT_DURATIONS[unit].includes(duration)) {
        out.fail(`${path}.paymentDuration`, `${what} has paymentDuration ${JSON.stringify(duration ?? null)} ${unit}; valid are ${PAYMENT_DURATIONS[unit].join(", ")}`, `use one of them, e.g. ${unit === "Year" ? 1 : 12}`);
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
  description: `Checks whether a Subscription longer than the threshold (default 12 months; a Year counts 12) carries the tag ${ACK_TAGS.subscriptionMonths} covering it.`,
  kind: "guardrail",
  limits: ["subscriptionMonthsAckThreshold"],
  check(view, { limits }) {
    const out = new OutcomeBuilder(this.name);
    const ack = tagNumber(view, ACK_TAGS.subscriptionMonths) ?? 0;
    for (const { path, what, subscription } of subscriptionsOf(view, out)) {
      const months = subscriptionMonths(subscription);
      if (subscription === UNKNOWN || (months === undefined && isKnown(subscription) && (subscription.duration === UNKNOWN || subscription.unit === UNKNOWN))) {
        out.unknown(`${path}.paymentDuration`);
        continue;
      }
      if (months === undefined) continue; // emr-subscription-config reports a malformed config
      out.applies();
      if (months > limits.subscriptionMonthsAckThreshold && months > ack) {
        out.fail(`${path}.paymentDuration`, `a ${months}-month subscription (${what}) is longer than ${limits.subscriptionMonthsAckThreshold} months without a cost acknowledgement`, `acknowledge it with the tag ${ACK_TAGS.subscriptionMonths}: "${months}" (acknowledgements.subscriptionMonths: ${months}), or subscribe for ${limits.subscriptionMonthsAckThreshold} months`);
      }
    }
    return out.build();
  },
};
