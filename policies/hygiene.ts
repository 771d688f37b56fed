/** Hygiene: names, tags, bootstrap scripts, production posture, and cluster names unique in the stack. */
import type { StackValidationPolicy } from "@pulumi/policy";
import { clusterPolicy, policyHeader } from "./cluster-policy";
import { checkClusterNamesUnique } from "./rules/index";
import { bootstrapScriptsFromOss, CLUSTER_NAMES_UNIQUE, namesAndDescriptions, productionHa, productionKerberos, tagsValid } from "./rules/hygiene";
import { clustersOf } from "./stack-graph";

export const namesPolicy = clusterPolicy(namesAndDescriptions);
export const tagsPolicy = clusterPolicy(tagsValid);
export const bootstrapScriptsPolicy = clusterPolicy(bootstrapScriptsFromOss);
export const productionKerberosPolicy = clusterPolicy(productionKerberos);
export const productionHaPolicy = clusterPolicy(productionHa);

export const clusterNamesUniquePolicy: StackValidationPolicy = {
  ...policyHeader(CLUSTER_NAMES_UNIQUE),
  validateStack: (args, reportViolation) => {
    const clusters = clustersOf(args.resources);
    const problems = checkClusterNamesUnique(clusters.map((c) => ({ resource: c.resource.name, clusterName: c.view.clusterName })));
    for (const p of problems) reportViolation(`${p.path}: ${p.message}. Fix: ${p.fix}.`, clusters[p.index].resource.urn);
  },
};
