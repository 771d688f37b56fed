/** Protected deletion: deletionProtection on the cluster, and the Pulumi protect option on the resource. */
import { OutcomeBuilder, UNKNOWN } from "./types";
import type { ClusterRule } from "./rule";
import { MALFORMED } from "./view";

export const deletionProtection: ClusterRule = {
  name: "emr-deletion-protection",
  description: "Checks whether the cluster has deletionProtection set to true.",
  kind: "guardrail",
  check(view) {
    const out = new OutcomeBuilder(this.name);
    if (view.deletionProtection === UNKNOWN) return out.unknown("deletionProtection").build();
    out.applies();
    if (view.deletionProtection !== true) {
      const now = view.deletionProtection === MALFORMED ? "not a boolean" : view.deletionProtection === undefined ? "not set (the API's default is false)" : "false";
      out.fail("deletionProtection", `deletionProtection is ${now}: DeleteCluster would release the cluster and its data`, "set deletionProtection: true; turning it off is only ever a separate, reviewed change");
    }
    return out.build();
  },
};

/** The Pulumi `protect` option: `pulumi destroy` and replacements fail on a protected resource. */
export function checkProtectOption(protect: boolean | undefined): { path: string; message: string; fix: string }[] {
  if (protect === true) return [];
  return [
    {
      path: "(resource options).protect",
      message: "the cluster does not carry the Pulumi protect option: `pulumi destroy` or a replacing change would delete it",
      fix: "pass { protect: true } in the resource options (EmrCluster sets it unless protect: false)",
    },
  ];
}
