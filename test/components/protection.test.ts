/**
 * Protection as the engine sees it: the resource options (protect, ignoreChanges, customTimeouts) are on the
 * RegisterResource request, not on what mocks receive, so these tests read them through the capture module that
 * the offline check uses.
 */
import { devSpec, haSpec } from "../helpers/specs";

let capture: typeof import("../../check/capture");
let components: typeof import("../../components");
let recorder: import("../../check/capture").Capture;

beforeAll(async () => {
  const pulumi = await import("@pulumi/pulumi");
  pulumi.runtime.setMocks({ newResource: (a) => ({ id: `${a.name}-id`, state: a.inputs }), call: (a) => a.inputs }, "emr-clusters", "prod", false);
  capture = await import("../../check/capture");
  recorder = capture.startCapture();
  components = await import("../../components");
});

async function capturedOf(name: string, type: string): Promise<import("../../check/capture").CapturedResource> {
  for (let i = 0; i < 50; i++) {
    const found = recorder.resources.find((r: any) => r.name === name && r.type === type);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`${type} ${name} not captured`);
}

test("the cluster carries protect, deletionProtection and long custom timeouts", async () => {
  new components.EmrCluster("prot", devSpec());
  const cluster = await capturedOf("prot", "alicloud:emrv2/cluster:Cluster");
  expect(cluster.protect).toBe(true);
  expect(cluster.inputs.deletionProtection).toBe(true);
  expect(cluster.customTimeouts).toEqual({ create: "45m", update: "60m", delete: "30m" });
  expect(cluster.parent).toBe("urn:pulumi:prod::emr-clusters::emr:index:Cluster::prot");
});

test("the RDS metastore instance is protected too", async () => {
  new components.EmrCluster("protha", haSpec());
  const rds = await capturedOf("protha-metastore", "alicloud:rds/instance:Instance");
  expect(rds.protect).toBe(true);
  const cluster = await capturedOf("protha", "alicloud:emrv2/cluster:Cluster");
  expect(cluster.ignoreChanges).toEqual(["nodeGroups[2].nodeCount"]);
});

test("protect: false is an explicit option (the pack flags it)", async () => {
  new components.EmrCluster("unprot", devSpec(), { protect: false });
  const cluster = await capturedOf("unprot", "alicloud:emrv2/cluster:Cluster");
  expect(cluster.protect).toBe(false);
});
