import { checkSpec } from "../../components/validate";
import { specWarnings } from "../../components/warnings";
import { devSpec } from "../helpers/specs";

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
