/** Hygiene guardrails: names, bootstrap scripts, production posture. */
import { clusterPolicy } from "./cluster-policy";
import { bootstrapScriptsFromOss, namesAndDescriptions, productionHa, productionKerberos } from "./rules/hygiene";

export const namesPolicy = clusterPolicy(namesAndDescriptions, { enforcementLevel: "mandatory" });
export const bootstrapScriptsPolicy = clusterPolicy(bootstrapScriptsFromOss, { enforcementLevel: "mandatory" });
export const productionKerberosPolicy = clusterPolicy(productionKerberos, { enforcementLevel: "advisory", productionStacks: true });
export const productionHaPolicy = clusterPolicy(productionHa, { enforcementLevel: "advisory", productionStacks: true });
