// breaks: emr-subscription-config
// A Subscription cluster without a subscriptionConfig: the API needs the duration.
import { exampleCluster } from "./lib/base";

exampleCluster("no-subscription-config", (args) => {
  args.paymentType = "Subscription";
});
