// breaks: emr-subscription-duration-ack
// A 36-month subscription without a cost acknowledgement (threshold 12 months).
import { exampleCluster } from "./lib/base";

exampleCluster("long-subscription", (args) => {
  args.paymentType = "Subscription";
  args.subscriptionConfig = { paymentDuration: 36, paymentDurationUnit: "Month", autoPayOrder: true };
});
