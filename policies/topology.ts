/** Topology: masters per deploy mode, ZooKeeper, CORE present, node roles and names, applications, VSwitches. */
import { clusterPolicy } from "./cluster-policy";
import { applicationExclusion, coreGroupPresent, deployModeMasters, haZookeeper, internalApplications, nodeGroupNamesUnique, nodeGroupRoles, taskOnlyFeatures, vswitchIdsRequired } from "./rules/topology";

export const deployModeMastersPolicy = clusterPolicy(deployModeMasters);
export const haZookeeperPolicy = clusterPolicy(haZookeeper);
export const coreGroupPolicy = clusterPolicy(coreGroupPresent);
export const nodeGroupRolesPolicy = clusterPolicy(nodeGroupRoles);
export const nodeGroupNamesUniquePolicy = clusterPolicy(nodeGroupNamesUnique);
export const taskOnlyFeaturesPolicy = clusterPolicy(taskOnlyFeatures);
export const vswitchIdsPolicy = clusterPolicy(vswitchIdsRequired);
export const applicationExclusionPolicy = clusterPolicy(applicationExclusion);
export const internalApplicationsPolicy = clusterPolicy(internalApplications);
