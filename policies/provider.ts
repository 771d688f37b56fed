/** What the provider and the EMR API need at creation: OSS-HDFS root storage, subscription auto-renewal. */
import { clusterPolicy } from "./cluster-policy";
import { ossHdfsRootUri, subscriptionAutoRenewDuration } from "./rules/provider";

export const ossHdfsRootUriPolicy = clusterPolicy(ossHdfsRootUri);
export const subscriptionAutoRenewPolicy = clusterPolicy(subscriptionAutoRenewDuration);
