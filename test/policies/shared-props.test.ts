/**
 * The pack reads each resource's props once per Analyze/AnalyzeStack call and shares the plain copy across its
 * policies (policies/props.ts). The copy must never outlive the call: the same URN with other props, in the next
 * call, gets its own verdicts. Through the real analyzer server, as the CLI runs the pack.
 */
import * as path from "path";
import { policyConfigFor, startPolicyPack, type Diagnostic, type RunningPack } from "../../check/pack/pack-runner";
import { SECRET_SIG, SIG_KEY } from "../../policies/engine";
import { plainProps } from "../../policies/props";
import { UNKNOWN } from "../../policies/rules";
import { haClusterProps } from "../helpers/cluster-props";

const CLUSTER = "alicloud:emrv2/cluster:Cluster";
const URN = `urn:pulumi:prod::emr-clusters::${CLUSTER}::same`;
const cluster = (props: Record<string, unknown>) => ({ type: CLUSTER, name: "same", urn: URN, properties: props, protect: true, ignoreChanges: ["nodeGroups[2].nodeCount"] });
const compliant = haClusterProps();
const oversized = (() => {
  const p = haClusterProps();
  p.nodeGroups[1] = { ...p.nodeGroups[1], nodeCount: 60 };
  return p;
})();
const names = (ds: Diagnostic[]) => ds.map((d) => d.policyName).sort();
const OVERSIZED = ["emr-cluster-total-nodes-ack", "emr-node-group-creation-cap"];

// Only these start the pack (pack-process.ts refuses a bundle older than its sources); the in-process tests below do not.
describe("through the analyzer server, as the CLI runs the pack", () => {
  let pack: RunningPack;

  beforeAll(async () => {
    pack = await startPolicyPack({ packDir: path.join(__dirname, "../../policies") });
    await pack.configure(policyConfigFor((await pack.info()).policies));
  }, 60000);
  afterAll(async () => pack?.close());

  test("Analyze: the same URN with other props, one call after the other, gets its own verdicts", async () => {
    expect(names(await pack.analyze(cluster(compliant)))).toEqual([]);
    expect(names(await pack.analyze(cluster(oversized)))).toEqual(OVERSIZED);
    expect(names(await pack.analyze(cluster(compliant)))).toEqual([]);
  });

  test("Analyze: the same URN with other props in concurrent calls gets its own verdicts", async () => {
    const results = await Promise.all([compliant, oversized, compliant, oversized].map((p) => pack.analyze(cluster(p))));
    expect(results.map(names)).toEqual([[], OVERSIZED, [], OVERSIZED]);
  });

  test("AnalyzeStack: the same URN in consecutive stacks with other props gets its own verdicts", async () => {
    const sgUrn = "urn:pulumi:prod::emr-clusters::alicloud:ecs/securityGroup:SecurityGroup::sg";
    const sg = (type: string) => ({ type: "alicloud:ecs/securityGroup:SecurityGroup", name: "sg", urn: sgUrn, properties: { vpcId: "vpc-bp1test0001", securityGroupType: type } });
    const withSg = { ...cluster(compliant), dependencies: [sgUrn], propertyDependencies: { nodeAttributes: [sgUrn] } };
    expect(names(await pack.analyzeStack([sg("normal"), withSg]))).toEqual([]);
    expect(names(await pack.analyzeStack([sg("enterprise"), withSg]))).toEqual(["emr-security-group-normal"]);
    expect(names(await pack.analyzeStack([sg("normal"), withSg]))).toEqual([]);
  });
});

describe("plainProps: what the rules read", () => {
  test("the engine's unknown sentinels become UNKNOWN, at any depth; everything else is copied as is", () => {
    const input = { a: "04da6b54-80e4-46f7-96ec-b56ff0331ba9", b: [1, "dd056dcd-154b-4c76-9bd3-c8f88648b5ff", null], c: { d: true, e: "x" } };
    expect(plainProps(input)).toEqual({ a: UNKNOWN, b: [1, UNKNOWN, null], c: { d: true, e: "x" } });
  });

  test("through an object that throws on a read (the SDK's proxy on an unknown), the value becomes UNKNOWN", () => {
    const unknownRead = Object.assign(new Error("string value at .a can't be known during preview"), { unknownTypeSentinel: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" });
    const proxy = new Proxy({ a: 1, b: 2 }, { get: (t, k) => (k === "a" ? (() => { throw unknownRead; })() : Reflect.get(t, k)) });
    expect(plainProps(proxy)).toEqual({ a: UNKNOWN, b: 2 });
  });
});

describe("one deserialization of a request's properties for all the policies of the call (policies/sdk-deserialize.ts)", () => {
  test("the SDK's deserializeProperties is shared per request Struct; another request is deserialized afresh", () => {
    const { shareDeserializedProperties } = require("../../policies/sdk-deserialize") as typeof import("../../policies/sdk-deserialize");
    const sdk = require("@pulumi/policy/deserialize") as { deserializeProperties(s: object, proxySecrets: boolean): Record<string, unknown> };
    const { Struct } = require("google-protobuf/google/protobuf/struct_pb") as typeof import("google-protobuf/google/protobuf/struct_pb");
    expect(shareDeserializedProperties()).toBe(true);
    expect(shareDeserializedProperties()).toBe(true); // idempotent: never wrapped twice
    const request = Struct.fromJavaScript({ clusterName: "a", nodeGroups: [{ nodeCount: 3 }] });
    const first = sdk.deserializeProperties(request, false);
    expect(sdk.deserializeProperties(request, false)).toBe(first);
    expect(first).toEqual({ clusterName: "a", nodeGroups: [{ nodeCount: 3 }] });
    const other = sdk.deserializeProperties(Struct.fromJavaScript({ clusterName: "b" }), false);
    expect(other).not.toBe(first);
    expect(other).toEqual({ clusterName: "b" });
  });

  // The SDK deserializes with proxySecrets false for Analyze/AnalyzeStack (secrets unwrapped to plain values, what the
  // rules read) and true for Remediate (secrets kept as Secret objects, so the properties a remediation hands back are
  // serialized with their secrets still secret). One cache for both would give one caller the other's copy.
  test("the copy is kept per proxySecrets: Analyze's unwraps secrets, Remediate's keeps them secret, whichever comes first", async () => {
    const { shareDeserializedProperties } = require("../../policies/sdk-deserialize") as typeof import("../../policies/sdk-deserialize");
    const sdk = require("@pulumi/policy/deserialize") as { deserializeProperties(s: object, proxySecrets: boolean): unknown; serializeProperties(o: unknown): Promise<unknown> };
    const { Struct } = require("google-protobuf/google/protobuf/struct_pb") as typeof import("google-protobuf/google/protobuf/struct_pb");
    expect(shareDeserializedProperties()).toBe(true);
    const secret = { [SIG_KEY]: SECRET_SIG, value: "S3cret-Pass" };
    const item = (value: unknown) => ({ applicationConfigs: [{ configItemKey: "javax.jdo.option.ConnectionPassword", configItemValue: value }] });
    for (const order of [[false, true], [true, false]]) {
      const request = Struct.fromJavaScript(item(secret) as never);
      const copies = new Map(order.map((proxySecrets) => [proxySecrets, sdk.deserializeProperties(request, proxySecrets)]));
      expect([order, await sdk.serializeProperties(copies.get(false)), await sdk.serializeProperties(copies.get(true))]).toEqual([order, item("S3cret-Pass"), item(secret)]);
    }
  });
});
