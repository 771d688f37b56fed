// breaks: emr-subscription-auto-renew
// A Subscription that renews automatically with no renewal duration: the provider sends AutoRenewDuration 0.
import { exampleCluster } from "./lib/base";

exampleCluster("renew-zero", (args) => {
  args.paymentType = "Subscription";
  args.subscriptionConfig = { paymentDuration: 12, paymentDurationUnit: "Month", autoRenew: true, autoPayOrder: true };
});
