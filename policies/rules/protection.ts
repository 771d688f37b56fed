/** Protected deletion: deletionProtection on the cluster, and the Pulumi protect option on the resource. */
import { OutcomeBuilder, UNKNOWN } from "./types";
import type { ClusterRule } from "./rule";
import { MALFORMED } from "./view";

export const deletionProtection: ClusterRule = {
  name: "emr-deletion-protection",
  check(view) {
    const out = new OutcomeBuilder(this.name);
    if (view.deletionProtection === UNKNOWN) return out.unknown("deletionProtection").build();
    out.applies();
    if (view.deletionProtection !== true) {
      const now = view.deletionProtection === MALFORMED ? "not a boolean" : view.deletionProtection === undefined ? "not set (the API's default is false)" : "false";
      out.fail("deletionProtection", `deletionProtection is ${now}: DeleteCluster would release the cluster and its data`, "keep deletionProtection: true: nothing in this project turns it off. To release a cluster, retire it from the program (emr:retire, see \"Retiring a cluster\" in the README) and turn protection off in the EMR console, as the release checklist says");
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
