import { checkSpec } from "../../components/validate";
import { specWarnings } from "../../components/warnings";
import { devSpec, haSpec } from "../helpers/specs";

describe("specWarnings: data-disk advice that does not block", () => {
  const group = (change: Record<string, unknown>) => {
    const spec = devSpec();
    return { ...spec, nodeGroups: [spec.nodeGroups[0], { ...spec.nodeGroups[1], ...change }] };
  };
  test("a current family with cloud disks gets no warning", () => expect(specWarnings(checkSpec(devSpec()).spec!)).toEqual([]));
  test("local disks on a non-local-storage family are warned about", () => {
    const spec = checkSpec(group({ dataDisks: [{ category: "local_hdd_pro", size: 5500, count: 4 }] })).spec!;
    expect(specWarnings(spec)).toEqual([expect.stringMatching(/^nodeGroups\[1\] \(core\): local disks need a local-storage family .*ecs\.g7\.xlarge/)]);
  });
  test("an older family is warned about", () => {
    const spec = checkSpec(group({ instanceTypes: ["ecs.g5.xlarge"] })).spec!;
    expect(specWarnings(spec)).toEqual([expect.stringMatching(/ecs\.g5\.xlarge is an older family/)]);
  });
});

describe("specWarnings: settings that would do nothing", () => {
  test("an auto-scaling policy without scaling rules is warned about (it never scales)", () => {
    expect(specWarnings(checkSpec(haSpec()).spec!)).toEqual([]);
    const spec = haSpec();
    const task = { ...spec.nodeGroups[2], autoScalingPolicy: { constraints: { maxCapacity: 40 }, scalingRules: [] } };
    expect(specWarnings(checkSpec({ ...spec, nodeGroups: [spec.nodeGroups[0], spec.nodeGroups[1], task] }).spec!)).toEqual(["nodeGroups[2] (task): the auto-scaling policy has no scaling rules, so it never scales; add a METRICS_TRIGGER or TIME_TRIGGER rule to autoScalingPolicy.scalingRules"]);
  });
  test("a root storage directory without OSS-HDFS is warned about", () => {
    const spec = checkSpec({ ...devSpec(), storage: { ossHdfsRootUri: "oss://lake.cn-hangzhou.oss-dls.aliyuncs.com/" } }).spec!;
    expect(specWarnings(spec)).toEqual([expect.stringMatching(/^storage\.ossHdfsRootUri is set but OSS-HDFS is not in applications/)]);
  });
});
