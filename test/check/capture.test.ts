/**
 * The capture module reads internal API of @pulumi/pulumi (the mock monitor's RegisterResource requests): this
 * test pins what it must see, so an SDK upgrade that changes it fails here first.
 */
import * as alicloud from "@pulumi/alicloud";
import * as pulumi from "@pulumi/pulumi";
import { captureProgram, setupPreviewCapture } from "../helpers/capture-program";

beforeAll(() => setupPreviewCapture("dev"));

test("records type, name, URN, parent, options, dependencies and inputs with unknowns, as a preview sends them", async () => {
  const resources = await captureProgram(() => {
    const parent = new pulumi.ComponentResource("test:index:Parent", "p");
    const sg = new alicloud.ecs.SecurityGroup("sg", { vpcId: "vpc-1", securityGroupType: "normal" }, { parent });
    new alicloud.emrv2.Cluster(
      "c",
      {
        clusterName: "c",
        clusterType: "DATALAKE",
        releaseVersion: "EMR-5.16.0",
        applications: ["HDFS"],
        nodeAttributes: [{ vpcId: "vpc-1", zoneId: "z", securityGroupId: sg.id, keyPairName: "kp", ramRole: "r" }],
        nodeGroups: [],
        tags: { owner: pulumi.secret("team-a") },
      },
      { parent, protect: true, ignoreChanges: ["nodeGroups[0].nodeCount"], customTimeouts: { create: "45m" } },
    );
  });
  expect(resources.map((r) => [r.type, r.name])).toEqual([
    ["test:index:Parent", "p"],
    ["alicloud:ecs/securityGroup:SecurityGroup", "sg"],
    ["alicloud:emrv2/cluster:Cluster", "c"],
  ]);
  const cluster = resources[2];
  const sgUrn = "urn:pulumi:dev::emr-clusters::test:index:Parent$alicloud:ecs/securityGroup:SecurityGroup::sg";
  expect(cluster).toMatchObject({
    urn: "urn:pulumi:dev::emr-clusters::test:index:Parent$alicloud:emrv2/cluster:Cluster::c",
    parent: "urn:pulumi:dev::emr-clusters::test:index:Parent::p",
    custom: true,
    protect: true,
    ignoreChanges: ["nodeGroups[0].nodeCount"],
    dependencies: [sgUrn],
    propertyDependencies: expect.objectContaining({ nodeAttributes: [sgUrn] }),
    customTimeouts: { create: "45m", update: "", delete: "" },
  });
  // The security group's ID is not known in preview: the engine's unknown sentinel, exactly as the CLI forwards it.
  expect(cluster.inputs.nodeAttributes[0].securityGroupId).toBe("04da6b54-80e4-46f7-96ec-b56ff0331ba9");
  // Secrets travel wrapped in the Struct; the policy SDK unwraps them.
  expect(cluster.inputs.tags.owner).toEqual({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: "team-a" });
  expect((cluster.properties as import("google-protobuf/google/protobuf/struct_pb").Struct).toJavaScript()).toEqual(cluster.inputs);
});
