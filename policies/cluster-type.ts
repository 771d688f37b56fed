/**
 * The emrv2 cluster's resource type as a class, for the SDK's `validateResourceOfType`, without depending on
 * @pulumi/alicloud. The SDK reads the class's static `__pulumiType` (as on every generated resource class) and, for
 * a policy bound to it, skips every other resource type before it deserializes their properties: a plain
 * `validateResource` that checks `args.type` itself pays that for every resource of the stack, for every policy.
 * Never instantiated.
 */
import { validateResourceOfType, type ReportViolation, type ResourceValidation, type ResourceValidationArgs } from "@pulumi/policy";
import { CustomResource } from "@pulumi/pulumi";
import { TYPES } from "./rules/index";

export class EmrClusterResource extends CustomResource {
  static readonly __pulumiType = TYPES.cluster;

  constructor(name: string, args: Record<string, unknown>) {
    super(TYPES.cluster, name, args);
  }
}

/** A `validateResource` for emrv2 clusters only; the SDK does not even deserialize other resources for it. */
export function forClusters(validate: (args: ResourceValidationArgs, reportViolation: ReportViolation) => void): ResourceValidation {
  return validateResourceOfType(EmrClusterResource, (_props, args, reportViolation) => validate(args, reportViolation));
}
