/**
 * What the provider and the EMR API need or refuse at creation that no other policy checks: OSS-HDFS root storage,
 * subscription renewal and payment, and every value outside the provider's own schema (its enums, ranges and
 * patterns, which it refuses at preview: the offline check has no provider, so the pack says it instead).
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { clusterPolicy } from "./cluster-policy";
import { sharedProps } from "./props";
import { PROVIDER_SCHEMA } from "./rules/provider-schema";
import { checkProviderSchema, providerSchemaValues } from "./rules/provider-schema-check";
import { ossHdfsRootUri, subscriptionAutoPayOrder, subscriptionAutoRenewDuration } from "./rules/provider";
import { TYPES } from "./rules/index";

export const ossHdfsRootUriPolicy = clusterPolicy(ossHdfsRootUri);
export const subscriptionAutoRenewPolicy = clusterPolicy(subscriptionAutoRenewDuration);
export const subscriptionAutoPayOrderPolicy = clusterPolicy(subscriptionAutoPayOrder);

/** The RDS metastore's resources and security groups, checked against the same table as the cluster. */
const supportingTypes = Object.keys(PROVIDER_SCHEMA).filter((type) => type !== TYPES.cluster);

export const providerSchemaPolicy: ResourceValidationPolicy = clusterPolicy(providerSchemaValues, {
  otherTypes: {
    types: supportingTypes,
    validate: (args, reportViolation) => {
      for (const p of checkProviderSchema(args.type, sharedProps(args.urn, args.props)).problems) reportViolation(`${p.path}: ${p.message}. Fix: ${p.fix}.`, args.urn);
    },
  },
});
