/** Auto scaling: the bounds of a policy (validity), the most nodes it may reach, and the ignoreChanges it needs. */
import { AUTO_SCALING } from "./domain";
import { scalingCeiling } from "./size";
import { OutcomeBuilder, UNKNOWN, type Unknown } from "./types";
import type { ClusterRule } from "./rule";
import { isKnown, MALFORMED, nodeGroupsOf, type GroupView } from "./view";

/**
 * The most nodes an auto-scaled group may reach (size.ts: its MaxCapacity, or the API's default when it states none).
 * `undefined` when the group has no auto-scaling policy; UNKNOWN (recorded on `out`) when it cannot be told yet.
 */
export function maxNodesOf(g: GroupView, out: OutcomeBuilder): number | Unknown | undefined {
  if (g.autoScaling === UNKNOWN) {
    out.unknown(`${g.path}.autoScalingPolicy`);
    return UNKNOWN;
  }
  if (g.autoScaling !== true) return undefined;
  const path = `${g.path}.autoScalingPolicy.constraints.maxCapacity`;
  if (g.maxCapacity === UNKNOWN) {
    out.unknown(path);
    return UNKNOWN;
  }
  if (g.maxCapacity === MALFORMED) {
    out.unknown(path); // not a whole number of at least 0: emr-provider-schema reports it, the counting rules cannot tell
    return UNKNOWN;
  }
  return scalingCeiling(g.maxCapacity);
}

export const autoScalingBounds: ClusterRule = {
  name: "emr-auto-scaling-bounds",
  check(view) {
    const out = new OutcomeBuilder(this.name);
    for (const g of nodeGroupsOf(view, out)) {
      if (g.autoScaling === MALFORMED) {
        out.fail(`${g.path}.autoScalingPolicy`, `${g.label} has an autoScalingPolicy that is not an object`, "write it as { constraints: { minCapacity: 2, maxCapacity: 40 }, scalingRules: [...] }");
        continue;
      }
      const max = maxNodesOf(g, out);
      if (max === undefined) continue;
      const minPath = `${g.path}.autoScalingPolicy.constraints.minCapacity`;
      // A capacity that is no whole number of at least 0 is emr-provider-schema's to report; here it cannot be judged.
      if (g.minCapacity === UNKNOWN || g.minCapacity === MALFORMED) out.unknown(minPath);
      if (max === UNKNOWN || g.minCapacity === UNKNOWN || g.minCapacity === MALFORMED) continue;
      out.applies();
      const min = g.minCapacity ?? AUTO_SCALING.defaultMinCapacity;
      if (min > max) {
        out.fail(minPath, `${g.label} has minCapacity ${min} above maxCapacity ${max}`, `set minCapacity at most ${max}, e.g. { minCapacity: ${Math.min(2, max)}, maxCapacity: ${max} }`);
        continue;
      }
      if (isKnown(g.nodeCount) && (g.nodeCount < min || g.nodeCount > max)) {
        out.fail(`${g.path}.nodeCount`, `${g.label} has nodeCount ${g.nodeCount}, outside its auto-scaling bounds [${min}, ${max}]`, `set nodeCount between ${min} and ${max}, e.g. ${Math.max(min, Math.min(max, g.nodeCount))}`);
      }
    }
    return out.build();
  },
};

/** One step of a Pulumi property path: a key, an index, or the wildcard `*`. */
const SEGMENT = /(?:^|\.)([A-Za-z_$][\w$]*|\*)|\[(\d+|\*)\]|\["((?:[^"\\]|\\.)*)"\]/y;

/** `nodeGroups[2].nodeCount` → ["nodeGroups", "2", "nodeCount"]; undefined when it is not a property path. */
export function propertyPathSegments(path: string): string[] | undefined {
  const out: string[] = [];
  let at = 0;
  while (at < path.length) {
    SEGMENT.lastIndex = at;
    const m = SEGMENT.exec(path);
    if (!m) return undefined;
    out.push(m[1] ?? m[2] ?? JSON.parse(`"${m[3]}"`));
    at = SEGMENT.lastIndex;
  }
  return out.length ? out : undefined;
}

/**
 * Whether one of the `ignoreChanges` paths covers `target`: the path itself, a parent of it (`nodeGroups`,
 * `nodeGroups[2]`), or either with wildcards (`nodeGroups[*]`, `nodeGroups[*].nodeCount`), as Pulumi reads them.
 */
export function ignoreChangesCovers(paths: readonly string[], target: string): boolean {
  const want = propertyPathSegments(target);
  if (!want) return false;
  return paths.some((p) => {
    const have = propertyPathSegments(p);
    return !!have && have.length <= want.length && have.every((seg, i) => seg === "*" || seg === want[i]);
  });
}
