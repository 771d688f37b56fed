// breaks: emr-subscription-auto-pay-order
// A Subscription cluster whose subscriptionConfig leaves autoPayOrder out: the provider sends false, so the order
// that creates the cluster would wait unpaid (its documented default, true, never applies).
import { exampleCluster } from "./lib/base";

exampleCluster("unpaid-order", (args) => {
  args.paymentType = "Subscription";
  args.subscriptionConfig = { paymentDuration: 12, paymentDurationUnit: "Month" };
});
