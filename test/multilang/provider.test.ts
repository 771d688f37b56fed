/**
 * The multi-language package in process, as the engine drives it: the schema Pulumi infers from the façade's
 * TypeScript args (getSchema), and construct() under mocks compared with EmrCluster used from TypeScript.
 */
import * as pulumi from "@pulumi/pulumi";
import { PAYMENT_TYPES, SECURITY_MODES } from "../../policies/rules/domain";
import { refType, sourcePluginDir, TOKEN, type PackageSchema, type SchemaProperty } from "./plugin-dir";

let multilang: typeof import("../../multilang");
let components: typeof import("../../components");
let recorder: import("../../check/program/capture").Capture;
let provider: import("../../multilang").EmrComponentProvider;
let schema: PackageSchema;

const NETWORK = { vpcId: "vpc-bp1test0001", zoneId: "cn-hangzhou-i", vswitchId: "vsw-bp1test0001", keyPairName: "emr-admin" };

beforeAll(async () => {
  pulumi.runtime.setMocks({ newResource: (a) => ({ id: `${a.name}-id`, state: a.inputs }), call: (a) => a.inputs }, "emr-clusters", "prod", false);
  recorder = (await import("../../check/program/capture")).startCapture(await import("@pulumi/pulumi/runtime/settings"));
  multilang = await import("../../multilang");
  components = await import("../../components");
  provider = new multilang.EmrComponentProvider(sourcePluginDir());
  schema = JSON.parse(await provider.getSchema());
}, 60_000);

const resource = () => schema.resources[TOKEN];

describe("getSchema: the package schema inferred from the façade's args", () => {
  test("one resource, emr:index:EmrClusterComponent, with these inputs and outputs", () => {
    expect(schema.name).toBe("emr");
    expect(Object.keys(schema.resources)).toEqual([TOKEN]);
    expect(Object.keys(resource().inputProperties)).toEqual([
      "preset", "clusterName", "vpcId", "zoneId", "vswitchId", "keyPairName", "securityGroupId", "nodeGroups", "applications",
      "ossHdfsRootUri", "paymentType", "subscriptionMonths", "securityMode", "externalMetastore", "tags", "deletionProtection", "protect",
    ]);
    expect(resource().requiredInputs).toEqual(["clusterName", "keyPairName", "preset", "vpcId", "vswitchId", "zoneId"]);
    expect(Object.keys(resource().properties)).toEqual(["clusterId", "clusterName", "securityGroupId", "consoleUrl", "metastoreInstanceId"]);
  });

  test("every input, output and property of a nested type is documented", () => {
    const undocumented = [
      ...Object.entries(resource().inputProperties).map(([k, p]) => [`inputs.${k}`, p] as const),
      ...Object.entries(resource().properties).map(([k, p]) => [`outputs.${k}`, p] as const),
      ...Object.entries(schema.types).flatMap(([t, def]) => Object.entries(def.properties ?? {}).map(([k, p]) => [`${t}.${k}`, p] as const)),
    ].filter(([, p]) => !p.description?.trim());
    expect(undocumented.map(([path]) => path)).toEqual([]);
  });

  test("the preset, payment type and security mode are enums of exactly the component's values", () => {
    const values = (name: string) => refType(schema, resource().inputProperties[name])?.enum?.map((e) => e.value);
    expect(values("preset")).toEqual(components.PRESET_NAMES);
    expect(values("paymentType")).toEqual([...PAYMENT_TYPES]);
    expect(values("securityMode")).toEqual([...SECURITY_MODES]);
  });

  test("the metastore password is secret, and it is the only secret", () => {
    const secrets = Object.entries(schema.types).flatMap(([t, def]) =>
      Object.entries(def.properties ?? {}).filter(([, p]) => p.secret).map(([k]) => `${t}.${k}`),
    );
    expect(secrets).toEqual(["emr:index:ExternalMetastore.password"]);
    expect(Object.values(resource().inputProperties).filter((p: SchemaProperty) => p.secret)).toEqual([]);
  });

  test("structural inputs are plain (validated at preview); IDs and the password are Inputs", () => {
    const inputs = resource().inputProperties;
    const plain = Object.keys(inputs).filter((k) => inputs[k].plain);
    expect(plain).toEqual(["preset", "clusterName", "nodeGroups", "applications", "ossHdfsRootUri", "paymentType", "subscriptionMonths", "securityMode", "externalMetastore", "tags", "deletionProtection", "protect"]);
    expect(schema.types["emr:index:ExternalMetastore"].properties!.password.plain).toBeUndefined();
  });
});

/** The custom resources registered since `from`, as the engine sees them (name, inputs, protection, options). */
async function customResourcesSince(from: number) {
  let last = -1;
  for (let stable = 0; stable < 5; stable = recorder.resources.length === last ? stable + 1 : 0) {
    last = recorder.resources.length;
    await new Promise((r) => setTimeout(r, 2));
  }
  return recorder.resources
    .slice(from)
    .filter((r) => r.custom)
    .map((r) => ({ type: r.type, name: r.name, protect: r.protect, ignoreChanges: r.ignoreChanges, customTimeouts: r.customTimeouts, inputs: r.inputs }));
}

/** The OSS-HDFS root storage directory the datalake-ha preset needs. */
const ROOT_URI = "oss://lake-prod.cn-hangzhou.oss-dls.aliyuncs.com/";
const rootOf = (preset: string) => (preset === "datalake-ha" ? { ossHdfsRootUri: ROOT_URI } : {});

/** The same cluster written in TypeScript: the preset with its node groups given the VSwitch. */
function typescriptArgs(preset: "dev-normal" | "datalake-ha", coreCount: number) {
  const groups = components.PRESETS[preset].nodeGroups!.map((g) => ({ ...g, vswitchIds: [NETWORK.vswitchId], ...(g.nodeGroupName === "core" ? { nodeCount: coreCount } : {}) }));
  const { vswitchId: _v, ...attrs } = NETWORK;
  return { preset, clusterName: "lake-prod", nodeAttributes: attrs, nodeGroups: groups, ...(preset === "datalake-ha" ? { storage: { ossHdfsRootUri: ROOT_URI } } : {}) };
}

describe("construct: the façade creates what EmrCluster creates from TypeScript", () => {
  test.each(["dev-normal", "datalake-ha"] as const)("%s: the same child resources, inputs and protection", async (preset) => {
    let start = recorder.resources.length;
    new components.EmrCluster("lake", typescriptArgs(preset, 4));
    const fromTypescript = await customResourcesSince(start);

    start = recorder.resources.length;
    const result = await provider.construct("lake", TOKEN, { preset, clusterName: "lake-prod", ...NETWORK, ...rootOf(preset), nodeGroups: [{ name: "core", nodeCount: 4 }] }, {});
    const fromFacade = await customResourcesSince(start);

    expect(fromFacade).toEqual(fromTypescript);
    expect(fromFacade.find((r) => r.type === "alicloud:emrv2/cluster:Cluster")).toMatchObject({ protect: true, inputs: { deletionProtection: true } });
    expect(Object.keys(result.state)).toEqual(["clusterId", "clusterName", "securityGroupId", "consoleUrl", "metastoreInstanceId"]);
    expect(await new Promise((r) => pulumi.output(result.urn).apply(r))).toBe("urn:pulumi:prod::emr-clusters::emr:index:EmrClusterComponent::lake");
  });

  test("datalake-ha: the RDS metastore is created and protected", async () => {
    const start = recorder.resources.length;
    await provider.construct("ha", TOKEN, { preset: "datalake-ha", clusterName: "ha-prod", ...NETWORK, ossHdfsRootUri: ROOT_URI }, {});
    const rds = (await customResourcesSince(start)).filter((r) => r.type === "alicloud:rds/instance:Instance");
    expect(rds.map((r) => [r.name, r.protect])).toEqual([["ha-metastore", true]]);
  });

  test("an external metastore's password reaches the cluster as a secret, never in plain text", async () => {
    const start = recorder.resources.length;
    const externalMetastore = { connectionUrl: "jdbc:mysql://rm-x.mysql.rds.aliyuncs.com:3306/hivemeta", userName: "hive", password: "S3cret-Pass" };
    await provider.construct("ext", TOKEN, { preset: "datalake-ha", clusterName: "ext-prod", ...NETWORK, ossHdfsRootUri: ROOT_URI, externalMetastore }, {});
    const [cluster] = (await customResourcesSince(start)).filter((r) => r.type === "alicloud:emrv2/cluster:Cluster");
    const password = cluster.inputs.applicationConfigs.find((c: { configItemKey: string }) => c.configItemKey === "javax.jdo.option.ConnectionPassword");
    expect(password.configItemValue).toEqual({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: "S3cret-Pass" });
    expect((await customResourcesSince(start)).filter((r) => r.type === "alicloud:rds/instance:Instance")).toEqual([]);
  });
});

describe("construct: bad input is refused before anything is registered", () => {
  test("an invalid cluster fails with EmrCluster's own message", () => {
    const bad = "bad name!";
    const fromTypescript = captureError(() => new components.EmrCluster("v1", { ...typescriptArgs("dev-normal", 2), clusterName: bad }));
    const fromFacade = captureError(() => new multilang.EmrClusterComponent("v2", { preset: multilang.Preset.DevNormal, clusterName: bad, ...NETWORK }));
    expect(fromFacade.message).toBe(fromTypescript.message);
    expect(fromFacade.message).toMatch(/^EMR cluster "bad name!" is not valid:\n {2}- clusterName: /);
  });

  test.each([
    ["an unknown preset", { preset: "big" }, "preset", 'preset "big" is unknown; use one of datalake-ha, dev-normal, olap-ha, dataflow-normal, dataserving-ha'],
    ["a node group the preset lacks", { nodeGroups: [{ name: "gpu" }] }, "nodeGroups[0].name", 'node group "gpu" is not in the dev-normal preset; use one of "master", "core"'],
    ["a cluster name from another resource's output", { clusterName: pulumi.output("late") }, "clusterName", "clusterName must be a plain value known at preview, not the output of another resource (the cluster's shape is validated before anything is registered)"],
  ])("%s is refused on its property", async (_label, change, propertyPath, reason) => {
    const start = recorder.resources.length;
    const failure = await provider.construct("refused", TOKEN, { preset: "dev-normal", clusterName: "x", ...NETWORK, ...change }, {}).catch((e) => e);
    expect(pulumi.InputPropertyError.isInstance(failure)).toBe(true);
    expect({ propertyPath: failure.propertyPath, reason: failure.reason }).toEqual({ propertyPath, reason });
    expect(await customResourcesSince(start)).toEqual([]);
  });
});

function captureError(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected an error");
}
