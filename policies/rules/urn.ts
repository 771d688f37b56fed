/** Pulumi URNs (`urn:pulumi:<stack>::<project>::<type>::<name>`), read by the pack and the offline check alike. */

/** The stack name of a URN; undefined when it is not a URN. */
export function stackOfUrn(urn: string): string | undefined {
  return /^urn:pulumi:([^:]+)::/.exec(urn)?.[1];
}
