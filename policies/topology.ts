/** Topology guardrails: masters per deploy mode, ZooKeeper, node roles, applications, VSwitches. */
import { clusterPolicy } from "./cluster-policy";
import { applicationExclusion, deployModeMasters, haZookeeper, nodeGroupRoles, taskOnlyFeatures, vswitchIdsRequired } from "./rules/topology";

export const deployModeMastersPolicy = clusterPolicy(deployModeMasters, { enforcementLevel: "mandatory" });
export const haZookeeperPolicy = clusterPolicy(haZookeeper, { enforcementLevel: "mandatory" });
export const nodeGroupRolesPolicy = clusterPolicy(nodeGroupRoles, { enforcementLevel: "mandatory" });
export const taskOnlyFeaturesPolicy = clusterPolicy(taskOnlyFeatures, { enforcementLevel: "mandatory" });
export const vswitchIdsPolicy = clusterPolicy(vswitchIdsRequired, { enforcementLevel: "mandatory" });
export const applicationExclusionPolicy = clusterPolicy(applicationExclusion, { enforcementLevel: "mandatory" });
