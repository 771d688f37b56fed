// breaks: nothing
// A PayAsYouGo cluster that still carries a 36-month subscriptionConfig from an earlier draft: it buys nothing, so
// the subscription-length acknowledgement does not apply (it did before issue 17).
import { exampleCluster } from "./lib/base";

exampleCluster("left-over-subscription", (args) => {
  args.subscriptionConfig = { paymentDuration: 36, paymentDurationUnit: "Month", autoPayOrder: true };
});
