/**
 * The engine's encodings (policies/engine.ts) against the SDK's own values, and every reader of them in the pack
 * and the offline check: a sentinel, a secret or a URN one caller reads differently fails here.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import * as rpc from "@pulumi/pulumi/runtime/rpc";
import { rootPulumiStackTypeName } from "@pulumi/pulumi/runtime/stack";
import * as proxy from "@pulumi/policy/proxy";
import { loadAudit } from "../../check/audit/audit-document";
import { loadRecordedState } from "../../check/change/change-check";
import { decodeValue, readPreview, readStackResources, urnName } from "../../check/change/documents";
import { SECRET_PLACEHOLDER } from "../../check/inputs/stack-config";
import type { CapturedResource } from "../../check/program/capture";
import { stackExport } from "../../check/record/record-state";
import { display } from "../../check/report/values";
import { refusalDiagnostics } from "../../check/run-check";
import { identityFromUrn } from "../../components/live-checks";
import { buildUrn, isEncodedSecret, isUnknownSentinel, nameOfUrn, parseUrn, SECRET_SIG, SIG_KEY, STACK_TYPE, stackOfUrn, stackRootUrn, UNKNOWN_SENTINEL, UNKNOWN_SENTINELS } from "../../policies/engine";
import { plainProps } from "../../policies/props";
import { isSecretValue } from "../../policies/rules/change";
import { TYPES } from "../../policies/rules/domain";
import { UNKNOWN } from "../../policies/rules/types";

/** The SDK's own list: every `unknown<Type>Value` export of @pulumi/policy's proxy (what the pack's SDK throws on). */
const SDK_SENTINELS = Object.entries(proxy)
  .filter(([k, v]) => /^unknown\w+Value$/.test(k) && typeof v === "string")
  .map(([, v]) => v as string)
  .sort();

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "engine-encodings-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function tempDocument(doc: unknown): string {
  const file = path.join(dir, "state.json");
  fs.writeFileSync(file, JSON.stringify(doc));
  return file;
}

describe("unknown sentinels", () => {
  test("are exactly the SDK's seven, and the Node SDK's untyped unknown is the string one", () => {
    expect(SDK_SENTINELS).toHaveLength(7);
    expect(Object.values(UNKNOWN_SENTINELS).sort()).toEqual(SDK_SENTINELS);
    expect(UNKNOWN_SENTINEL).toBe(rpc.unknownValue);
  });

  test.each(SDK_SENTINELS)("%s decodes as unknown in the pack's reader and in every reader of the check", (s) => {
    expect(isUnknownSentinel(s)).toBe(true);
    expect(plainProps({ nested: [{ v: s }] })).toEqual({ nested: [{ v: UNKNOWN }] });
    expect(decodeValue({ nested: [{ v: s }] })).toEqual({ nested: [{ v: UNKNOWN }] });
    expect(display(s)).toBe("(known after apply)");
  });

  test("a string that only looks like one stays a string", () => {
    const near = UNKNOWN_SENTINEL.toUpperCase();
    expect([isUnknownSentinel(near), plainProps(near), decodeValue(near), display(near)]).toEqual([false, near, near, near]);
  });
});

describe("secrets", () => {
  const requestSecret = { [rpc.specialSigKey]: rpc.specialSecretSig, value: "S3cret-Pass" };
  const recordedSecret = { [rpc.specialSigKey]: rpc.specialSecretSig, ciphertext: "v1:c2FsdA==:Q2lwaGVy" };

  test("the signature key and the secret signature are the SDK's", () => {
    expect([SIG_KEY, SECRET_SIG]).toEqual([rpc.specialSigKey, rpc.specialSecretSig]);
  });

  test("a secret is a secret to every reader of the check, and never shows its value", () => {
    expect([isEncodedSecret(requestSecret), isEncodedSecret(recordedSecret)]).toEqual([true, true]);
    expect(display(requestSecret)).toBe("[secret]");
    expect(isSecretValue(decodeValue(recordedSecret))).toBe(true);
    const urn = buildUrn({ stack: "prod", project: "p", type: TYPES.cluster, name: "lake" });
    const file = tempDocument({ version: 3, deployment: { resources: [{ urn, type: TYPES.cluster, custom: true, id: "c-1", inputs: { pw: recordedSecret }, outputs: { pw: recordedSecret } }] } });
    expect(loadAudit(file).resources[0].inputs).toEqual({ pw: SECRET_PLACEHOLDER });
    // The program's mocks get a reference to the recorded secret (its resource's URN), never the ciphertext.
    const mocked = loadRecordedState(file).existing(TYPES.cluster, "lake")?.state;
    expect(mocked).toEqual({ pw: `\u{E000}emr-check:recorded-secret:${urn}` });
    expect(JSON.stringify(mocked)).not.toContain("Q2lwaGVy");
  });

  test("another signed value (an asset) is not taken for a secret", () => {
    const asset = { [rpc.specialSigKey]: rpc.specialAssetSig, path: "./a.txt" };
    expect([isEncodedSecret(asset), display(asset)]).toEqual([false, JSON.stringify(asset)]);
  });
});

describe("URNs", () => {
  const child = { stack: "prod", project: "emr-clusters", parentTypes: [TYPES.component], type: TYPES.cluster, name: "lake" };
  const value = (o: pulumi.Output<string>) => new Promise<string>((resolve) => o.apply(resolve));

  test("a component child's URN round-trips through build and parse, its type chain included", () => {
    const urn = buildUrn(child);
    expect(urn).toBe("urn:pulumi:prod::emr-clusters::emr:index:Cluster$alicloud:emrv2/cluster:Cluster::lake");
    expect(parseUrn(urn)).toEqual({ stack: "prod", project: "emr-clusters", typeChain: [TYPES.component, TYPES.cluster], type: TYPES.cluster, name: "lake" });
  });

  test("the SDK builds the same URNs (createUrn, top level and under a component)", async () => {
    const parent = buildUrn({ stack: "prod", project: "emr-clusters", type: TYPES.component, name: "lake" });
    expect(await value(pulumi.createUrn("lake", TYPES.cluster, parent, "emr-clusters", "prod"))).toBe(buildUrn(child));
    expect(await value(pulumi.createUrn("raw", TYPES.cluster, undefined, "emr-clusters", "prod"))).toBe(buildUrn({ ...child, parentTypes: [], name: "raw" }));
  });

  test("a stack's own resource: the SDK's type and URN; record-state's export roots every top-level resource there", async () => {
    expect(STACK_TYPE).toBe(rootPulumiStackTypeName);
    const root = stackRootUrn("prod", "emr-clusters");
    expect(await value(pulumi.createUrn("emr-clusters-prod", rootPulumiStackTypeName, undefined, "emr-clusters", "prod"))).toBe(root);
    // What `emr-check record-state` writes, read back as the check reads a stack export.
    const captured = (urn: string, type: string, parent?: string): CapturedResource => ({ urn, type, name: "lake", parent, custom: type === TYPES.cluster, properties: {}, inputs: {}, retainOnDelete: false, replaceOnChanges: [], aliases: [] });
    const component = captured(buildUrn({ ...child, parentTypes: [], type: TYPES.component }), TYPES.component);
    const exported = stackExport("prod", "emr-clusters", [component, captured(buildUrn(child), TYPES.cluster, component.urn)], new Date(0));
    const [stack, ...resources] = readStackResources(JSON.stringify(exported), "state.json");
    expect([stack.urn, stack.type]).toEqual([root, STACK_TYPE]);
    expect(parseUrn(stack.urn)).toEqual({ stack: "prod", project: "emr-clusters", typeChain: [STACK_TYPE], type: STACK_TYPE, name: "emr-clusters-prod" });
    expect(resources.map((r) => r.parent)).toEqual([root, component.urn]);
  });

  test("a name is everything after the third `::`, as the engine reads it", () => {
    const urn = buildUrn({ stack: "dev", project: "p", type: "t:index:T", name: "a::b" });
    expect(parseUrn(urn)?.name).toBe("a::b");
    expect([nameOfUrn(urn), urnName(urn), identityFromUrn(urn)]).toEqual(["a::b", "a::b", "p/dev/a::b"]);
  });

  test("every caller reads a URN the same way: the pack, the audit, the documents, the live gate, the refusals", () => {
    const urn = buildUrn(child);
    expect([stackOfUrn(urn), nameOfUrn(urn), urnName(urn), identityFromUrn(urn)]).toEqual(["prod", "lake", "lake", "emr-clusters/prod/lake"]);
    const refused = refusalDiagnostics([{ name: "lake", clusterName: "lake", issues: [] }], "prod", "emr-clusters");
    expect(refused.resources[0].urn).toBe(urn);
    // A plan step without states is a cluster by its URN's type (the last of the chain).
    expect(readPreview(JSON.stringify({ steps: [{ op: "create", urn }] }), "plan.json").resources.filter((c) => c.type === TYPES.cluster).map((c) => c.name)).toEqual(["lake"]);
  });

  test("what is not a URN is refused by parse, and by the document readers", () => {
    for (const bad of ["", "urn:pulumi:a::b::c", "arn:aws:x::y::z::n", "urn:pulumi:"]) expect(parseUrn(bad)).toBeUndefined();
    expect(() => readPreview(JSON.stringify({ steps: [{ op: "create", urn: "urn:pulumi:a::b" }] }), "plan.json")).toThrow(/steps\[0\]\.urn: expected a Pulumi URN/);
  });
});
