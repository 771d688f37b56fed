// breaks: emr-provider-schema
// Values the alicloud provider's schema refuses at preview (a local_disk system disk, autoRenewDuration 10) or
// silently changes (a bid price of 0.5 is sent as 0), and a CORE count of -1.
import { exampleCluster } from "./lib/base";

exampleCluster("provider-schema", (args) => {
  args.paymentType = "Subscription";
  args.subscriptionConfig = { paymentDuration: 12, paymentDurationUnit: "Month", autoRenew: true, autoRenewDuration: 10, autoRenewDurationUnit: "Month", autoPayOrder: true };
  args.nodeGroups[1].systemDisk = { category: "local_disk", size: 120 };
  args.nodeGroups[1].nodeCount = -1;
  args.nodeGroups[2].spotStrategy = "SpotWithPriceLimit";
  args.nodeGroups[2].spotBidPrices = [{ instanceType: "ecs.g7.2xlarge", bidPrice: 0.5 }];
});
