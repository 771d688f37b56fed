/** Every policy of the pack, in the order they are listed to users. Kept apart from index.ts so tests can import it. */
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { autoScalingBoundsPolicy, autoScalingIgnoreChangesPolicy, autoScalingMaxCapacityPolicy, clusterTotalNodesAckPolicy, nodeGroupSizePolicy, subscriptionConfigPolicy, subscriptionDurationAckPolicy } from "./capacity";
import { bootstrapScriptsPolicy, clusterNamesUniquePolicy, namesPolicy, productionHaPolicy, productionKerberosPolicy, tagsPolicy } from "./hygiene";
import { haExternalMetastorePolicy, hiveMetastoreTypePolicy, metastorePasswordSourcePolicy, metastoreRdsSameVpcPolicy, sparkMetastorePolicy } from "./metastore";
import { securityGroupExternalPolicy, securityGroupNormalPolicy } from "./network";
import { deletionProtectionPolicy, protectOptionPolicy } from "./protection";
import { ossHdfsRootUriPolicy, providerSchemaPolicy, subscriptionAutoPayOrderPolicy, subscriptionAutoRenewPolicy } from "./provider";
import { applicationExclusionPolicy, coreGroupPolicy, deployModeMastersPolicy, haZookeeperPolicy, internalApplicationsPolicy, nodeGroupNamesUniquePolicy, nodeGroupRolesPolicy, taskOnlyFeaturesPolicy, vswitchIdsPolicy } from "./topology";

export const ALL_POLICIES: readonly (ResourceValidationPolicy | StackValidationPolicy)[] = [
  // capacity
  nodeGroupSizePolicy,
  clusterTotalNodesAckPolicy,
  autoScalingMaxCapacityPolicy,
  autoScalingIgnoreChangesPolicy,
  autoScalingBoundsPolicy,
  subscriptionDurationAckPolicy,
  subscriptionConfigPolicy,
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
  coreGroupPolicy,
  nodeGroupRolesPolicy,
  nodeGroupNamesUniquePolicy,
  taskOnlyFeaturesPolicy,
  vswitchIdsPolicy,
  applicationExclusionPolicy,
  internalApplicationsPolicy,
  // hygiene
  namesPolicy,
  tagsPolicy,
  bootstrapScriptsPolicy,
  productionKerberosPolicy,
  productionHaPolicy,
  clusterNamesUniquePolicy,
  // provider
  ossHdfsRootUriPolicy,
  subscriptionAutoRenewPolicy,
  subscriptionAutoPayOrderPolicy,
  providerSchemaPolicy,
];
