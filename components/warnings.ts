/**
 * Advice that does not block a preview (planning rule "data disks": schema warning). Local-disk categories only
 * exist on local-storage instance families (d-series big-data, i-series local SSD); older families reject some
 * disk category/count combinations, which the API reports only at creation. An auto-scaling policy without rules
 * never scales; a root storage directory without OSS-HDFS is not used.
 */
import type { ClusterSpec } from "./spec";

const LOCAL_DISK_CATEGORIES = new Set(["local_hdd_pro", "local_disk"]);
const LOCAL_STORAGE_FAMILY = /^ecs\.(d\d|i\d)/;
/** Families before the 6th generation, where some data-disk combinations are refused. */
const OLD_FAMILY = /^ecs\.[a-z]+[1-5][a-z]*\./;

export function specWarnings(spec: ClusterSpec): string[] {
  const warnings: string[] = [];
  spec.nodeGroups.forEach((group, i) => {
    const categories = [...group.dataDisks, group.systemDisk].map((d) => d.category);
    const local = categories.some((c) => LOCAL_DISK_CATEGORIES.has(c));
    const nonLocalTypes = group.instanceTypes.filter((t) => !LOCAL_STORAGE_FAMILY.test(t));
    if (local && nonLocalTypes.length) {
      warnings.push(`nodeGroups[${i}] (${group.nodeGroupName}): local disks need a local-storage family (ecs.d2s, ecs.i4, ...); ${nonLocalTypes.join(", ")} will be refused at creation`);
    }
    if (group.autoScalingPolicy && group.autoScalingPolicy.scalingRules.length === 0) {
      warnings.push(`nodeGroups[${i}] (${group.nodeGroupName}): the auto-scaling policy has no scaling rules, so it never scales; add a METRICS_TRIGGER or TIME_TRIGGER rule to autoScalingPolicy.scalingRules`);
    }
    const old = group.instanceTypes.filter((t) => OLD_FAMILY.test(t));
    if (old.length) {
      warnings.push(`nodeGroups[${i}] (${group.nodeGroupName}): ${old.join(", ")} is an older family that rejects some data-disk category/count combinations; check with ListInstanceTypes or prefer ecs.g7/r7/c7`);
    }
  });
  if (spec.storage.ossHdfsRootUri !== undefined && !spec.applications.includes("OSS-HDFS")) {
    warnings.push('storage.ossHdfsRootUri is set but OSS-HDFS is not in applications, so it is not used; add "OSS-HDFS" (instead of HDFS) or remove storage');
  }
  return warnings;
}
