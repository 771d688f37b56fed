/** Every policy of the pack, in the order they are listed to users. Kept apart from index.ts so tests can import it. */
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { autoScalingIgnoreChangesPolicy, autoScalingMaxCapacityPolicy, clusterTotalNodesAckPolicy, nodeGroupCreationCapPolicy, nodeGroupSizeAckPolicy, subscriptionDurationAckPolicy } from "./capacity";
import { bootstrapScriptsPolicy, namesPolicy, productionHaPolicy, productionKerberosPolicy } from "./hygiene";
import { haExternalMetastorePolicy, hiveMetastoreTypePolicy, metastorePasswordSourcePolicy, metastoreRdsSameVpcPolicy, sparkMetastorePolicy } from "./metastore";
import { securityGroupExternalPolicy, securityGroupNormalPolicy } from "./network";
import { deletionProtectionPolicy, protectOptionPolicy } from "./protection";
import { ossHdfsRootUriPolicy, subscriptionAutoRenewPolicy } from "./provider";
import { applicationExclusionPolicy, deployModeMastersPolicy, haZookeeperPolicy, nodeGroupRolesPolicy, taskOnlyFeaturesPolicy, vswitchIdsPolicy } from "./topology";

export const ALL_POLICIES: readonly (ResourceValidationPolicy | StackValidationPolicy)[] = [
  // capacity
  nodeGroupCreationCapPolicy,
  nodeGroupSizeAckPolicy,
  clusterTotalNodesAckPolicy,
  autoScalingMaxCapacityPolicy,
  autoScalingIgnoreChangesPolicy,
  subscriptionDurationAckPolicy,
  // protection
  deletionProtectionPolicy,
  protectOptionPolicy,
  // network
  securityGroupNormalPolicy,
  securityGroupExternalPolicy,
  // metastore
  hiveMetastoreTypePolicy,
  sparkMetastorePolicy,
  haExternalMetastorePolicy,
  metastoreRdsSameVpcPolicy,
  metastorePasswordSourcePolicy,
  // topology
  deployModeMastersPolicy,
  haZookeeperPolicy,
  nodeGroupRolesPolicy,
  taskOnlyFeaturesPolicy,
  vswitchIdsPolicy,
  applicationExclusionPolicy,
  // hygiene
  namesPolicy,
  bootstrapScriptsPolicy,
  productionKerberosPolicy,
  productionHaPolicy,
  // provider
  ossHdfsRootUriPolicy,
  subscriptionAutoRenewPolicy,
];
