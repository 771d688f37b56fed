/** Protected deletion: deletionProtection (with a remediation) and the Pulumi protect option. */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { clusterPolicy, policyHeader } from "./cluster-policy";
import { forClusters } from "./cluster-type";
import { TYPES, checkProtectOption } from "./rules/index";
import { deletionProtection } from "./rules/protection";

export const deletionProtectionPolicy = clusterPolicy(deletionProtection, {
  // At level "remediate" the pack turns deletionProtection on instead of failing.
  remediateResource: (args) => {
    if (args.type !== TYPES.cluster || args.props.deletionProtection === true) return undefined;
    return { ...args.props, deletionProtection: true };
  },
});

export const protectOptionPolicy: ResourceValidationPolicy = {
  ...policyHeader("emr-protect-option"),
  validateResource: forClusters((args, reportViolation) => {
    for (const f of checkProtectOption(args.opts.protect)) reportViolation(`${f.path}: ${f.message}. Fix: ${f.fix}.`, args.urn);
  }),
};
