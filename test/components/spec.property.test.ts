/**
 * Property-based: thousands of random specs, well-formed and malformed. The validator never throws anything but a
 * ClusterSpecError, and every rejection names a field path.
 */
import fc from "fast-check";
import { buildClusterSpec, checkSpec, ClusterSpecError, duplicateGroupNames } from "../../components/validate";
import { devSpec, haSpec } from "../helpers/specs";
import { CLUSTER_TYPES, DEPLOY_MODES, NODE_GROUP_TYPES } from "../../policies/rules/domain";

const junk = fc.oneof(fc.constant(null), fc.integer(), fc.string(), fc.boolean(), fc.constant(undefined), fc.object(), fc.array(fc.anything(), { maxLength: 3 }));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 8, arbitrary: arb }, { weight: 1, arbitrary: junk });

const disk = fc.record({ category: maybe(fc.constantFrom("cloud_essd", "cloud_ssd", "floppy")), size: maybe(fc.integer({ min: 0, max: 3000 })) });
const nodeGroup = fc.record(
  {
    nodeGroupType: maybe(fc.constantFrom(...NODE_GROUP_TYPES, "WORKER")),
    nodeGroupName: maybe(fc.oneof(fc.constantFrom("master", "core", "task", "gw"), fc.string({ maxLength: 140 }))),
    nodeCount: maybe(fc.integer({ min: -2, max: 120 })),
    instanceTypes: maybe(fc.array(fc.constantFrom("ecs.g7.xlarge", "ecs.r7.2xlarge"), { maxLength: 3 })),
    vswitchIds: maybe(fc.array(fc.constantFrom("vsw-bp1a", "vsw-bp1b"), { maxLength: 2 })),
    systemDisk: maybe(disk),
    dataDisks: maybe(fc.array(disk, { maxLength: 2 })),
    spotStrategy: fc.constantFrom("NoSpot", "SpotAsPriceGo", "Bid"),
    autoScalingPolicy: fc.record({ constraints: fc.record({ minCapacity: fc.integer({ min: 0, max: 10 }), maxCapacity: maybe(fc.integer({ min: 0, max: 300 })) }) }),
  },
  { requiredKeys: ["nodeGroupType", "nodeGroupName", "nodeCount", "instanceTypes", "systemDisk", "dataDisks"] },
);

const spec = fc.record(
  {
    clusterName: maybe(fc.oneof(fc.constantFrom("lake", "dev-1", "数据湖"), fc.string({ maxLength: 140 }))),
    clusterType: maybe(fc.constantFrom(...CLUSTER_TYPES, "HADOOP")),
    releaseVersion: maybe(fc.constantFrom("EMR-5.16.0", "EMR-3.0", "latest")),
    deployMode: maybe(fc.constantFrom(...DEPLOY_MODES, "MULTI")),
    paymentType: maybe(fc.constantFrom("PayAsYouGo", "Subscription", "Free")),
    subscriptionConfig: fc.record({ paymentDuration: maybe(fc.constantFrom(1, 6, 12, 24, 60, 13)) }),
    applications: maybe(fc.uniqueArray(fc.constantFrom("HADOOP-COMMON", "HDFS", "OSS-HDFS", "YARN", "HIVE", "SPARK2", "SPARK3", "ZOOKEEPER", "STARROCKS3", "hdfs"), { maxLength: 7 })),
    metastore: maybe(fc.record({ type: fc.constantFrom("LOCAL", "USER_RDS", "DLF", "RDS") })),
    nodeAttributes: maybe(fc.record({ vpcId: maybe(fc.constant("vpc-bp1a")), zoneId: maybe(fc.constant("cn-hangzhou-i")), keyPairName: maybe(fc.constant("kp")) })),
    nodeGroups: maybe(fc.array(nodeGroup, { maxLength: 5 })),
    bootstrapScripts: fc.array(fc.record({ scriptName: fc.constant("init"), scriptPath: fc.constantFrom("oss://b/i.sh", "https://x/i.sh", "/tmp/x") }), { maxLength: 2 }),
    deletionProtection: maybe(fc.boolean()),
    acknowledgements: fc.record({ nodeCount: fc.integer({ min: 1, max: 60 }) }, { requiredKeys: [] }),
    tags: fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), fc.string({ maxLength: 10 }), { maxKeys: 3 }),
  },
  { requiredKeys: [] },
);

/** A happy-path spec with one field changed to a random (valid or junk) value, so both outcomes are exercised. */
const FIELDS = ["clusterName", "clusterType", "deployMode", "paymentType", "applications", "metastore", "deletionProtection", "securityMode", "nodeGroups"] as const;
const mutatedHappy = fc
  .tuple(fc.constantFrom(devSpec, haSpec), fc.option(fc.tuple(fc.constantFrom(...FIELDS), fc.oneof(junk, fc.constantFrom("HA", "NORMAL", "DATALAKE", "LOCAL")))), fc.integer({ min: 0, max: 60 }))
  .map(([make, change, cores]) => {
    const base: Record<string, any> = make();
    base.nodeGroups = base.nodeGroups.map((g: any) => (g.nodeGroupType === "CORE" ? { ...g, nodeCount: cores } : g));
    if (change) base[change[0]] = change[1];
    return base;
  });

/** `nodeGroups[2].nodeCount`, `tags["odd key"]`, or several such paths joined with ", ". */
const QUOTED = String.raw`\["(?:[^"\\]|\\.)*"\]`;
const SEGMENT = String.raw`(\[\d+\]|${QUOTED})`;
const PATH = String.raw`([A-Za-z_][\w-]*|${QUOTED})${SEGMENT}*(\.[A-Za-z_][\w-]*${SEGMENT}*)*`;
const NAMES_A_FIELD = new RegExp(`^${PATH}(, ${PATH})*$`);

test("2,000+ random specs: no uncaught exception, every rejection names a field, and buildClusterSpec agrees with checkSpec", () => {
  let rejected = 0;
  let accepted = 0;
  fc.assert(
    fc.property(fc.oneof(spec, mutatedHappy), (input) => {
      const { spec: ok, issues } = checkSpec(input);
      if (ok) {
        accepted++;
        expect(issues).toEqual([]);
      } else {
        rejected++;
        expect(issues.length).toBeGreaterThan(0);
        for (const issue of issues) {
          expect(issue.path).toMatch(NAMES_A_FIELD);
          expect(issue.reason.length).toBeGreaterThan(5);
        }
      }
      // The component's entry point agrees: the same spec when checkSpec accepts, else a ClusterSpecError with its
      // issues (duplicate node group names are told first, alone: the other issues would name groups ambiguously).
      let built: unknown;
      let thrown: unknown;
      try {
        built = buildClusterSpec("prop", input as never);
      } catch (err) {
        thrown = err;
      }
      const duplicates = duplicateGroupNames(input as Record<string, unknown>);
      if (ok && !duplicates.length) {
        expect(thrown).toBeUndefined();
        expect(built).toEqual(ok);
      } else {
        expect(thrown).toBeInstanceOf(ClusterSpecError);
        expect((thrown as ClusterSpecError).issues).toEqual(duplicates.length ? duplicates : issues);
      }
    }),
    { numRuns: 2500, seed: 20261123 },
  );
  // The generator must exercise both sides, or the property says little.
  expect(accepted).toBeGreaterThan(0);
  expect(rejected).toBeGreaterThan(1000);
});
