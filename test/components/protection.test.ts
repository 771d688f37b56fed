/**
 * Protection as the engine sees it: the resource options (protect, retainOnDelete, replaceOnChanges, ignoreChanges,
 * dependsOn, customTimeouts) are on the RegisterResource request, not on what mocks receive, so these tests read
 * them through the capture module that the offline check uses, plus the two options it does not record.
 */
import { devSpec, haSpec } from "../helpers/specs";

let capture: typeof import("../../check/program/capture");
let components: typeof import("../../components");
let recorder: import("../../check/program/capture").Capture;
/** retainOnDelete and replaceOnChanges by resource name, read from the same RegisterResource requests. */
const lifecycle = new Map<string, { retainOnDelete: boolean | undefined; replaceOnChanges: string[] }>();

beforeAll(async () => {
  const pulumi = await import("@pulumi/pulumi");
  pulumi.runtime.setMocks({ newResource: (a) => ({ id: `${a.name}-id`, state: a.inputs }), call: (a) => a.inputs }, "emr-clusters", "prod", false);
  capture = await import("../../check/program/capture");
  const settings = await import("@pulumi/pulumi/runtime/settings");
  recorder = capture.startCapture(settings);
  type Request = { getName(): string; getRetainondelete(): boolean | undefined; getReplaceonchangesList(): string[] };
  const monitor = settings.getMonitor() as unknown as { registerResource(req: Request, cb: unknown): unknown };
  const register = monitor.registerResource;
  monitor.registerResource = function (this: unknown, req: Request, cb: unknown) {
    lifecycle.set(req.getName(), { retainOnDelete: req.getRetainondelete(), replaceOnChanges: req.getReplaceonchangesList() });
    return register.call(this, req, cb);
  };
  components = await import("../../components");
});

async function capturedOf(name: string, type: string): Promise<import("../../check/program/capture").CapturedResource> {
  for (let i = 0; i < 50; i++) {
    const found = recorder.resources.find((r: any) => r.name === name && r.type === type);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`${type} ${name} not captured`);
}

const CLUSTER = "alicloud:emrv2/cluster:Cluster";

test("the cluster carries protect, retainOnDelete, deletionProtection and long custom timeouts", async () => {
  new components.EmrCluster("prot", devSpec());
  const cluster = await capturedOf("prot", CLUSTER);
  expect(cluster.protect).toBe(true);
  expect(lifecycle.get("prot")?.retainOnDelete).toBe(true);
  expect(cluster.inputs.deletionProtection).toBe(true);
  expect(cluster.customTimeouts).toEqual({ create: "45m", update: "60m", delete: "30m" });
  expect(cluster.parent).toBe("urn:pulumi:prod::emr-clusters::emr:index:Cluster::prot");
});

test("the security group the component creates is retained with the cluster (retiring a cluster deletes nothing it uses)", async () => {
  new components.EmrCluster("protsg", devSpec());
  await capturedOf("protsg-sg", "alicloud:ecs/securityGroup:SecurityGroup");
  expect(lifecycle.get("protsg-sg")?.retainOnDelete).toBe(true);
});

test("securityMode and resourceGroupId are replace-only, so protect refuses an edit the provider would never apply", async () => {
  new components.EmrCluster("replace", devSpec());
  await capturedOf("replace", CLUSTER);
  expect(lifecycle.get("replace")?.replaceOnChanges).toEqual(["securityMode", "resourceGroupId"]);
});

test("the cluster carries its identity tag <project>/<stack>/<resource name>", async () => {
  new components.EmrCluster("ident", devSpec());
  const cluster = await capturedOf("ident", CLUSTER);
  expect(cluster.inputs.tags).toEqual({ "emr-guard:identity": "emr-clusters/prod/ident" });
});

test("the RDS metastore instance and database are protected and retained; the cluster waits for the account's privilege", async () => {
  new components.EmrCluster("protha", haSpec());
  const cluster = await capturedOf("protha", CLUSTER);
  const rds = await capturedOf("protha-metastore", "alicloud:rds/instance:Instance");
  const db = await capturedOf("protha-metastore-db", "alicloud:rds/database:Database");
  const privilege = await capturedOf("protha-metastore-privilege", "alicloud:rds/accountPrivilege:AccountPrivilege");
  expect([rds.protect, lifecycle.get("protha-metastore")?.retainOnDelete]).toEqual([true, true]);
  expect([db.protect, lifecycle.get("protha-metastore-db")?.retainOnDelete]).toEqual([true, true]);
  expect(cluster.dependencies).toContain(privilege.urn);
  expect(cluster.ignoreChanges).toEqual(["nodeGroups[2].nodeCount"]);
});

test("the RDS metastore's account and privilege are retained too: retiring the cluster sends no DeleteAccount or RevokeAccountPrivilege", async () => {
  new components.EmrCluster("protacct", haSpec());
  await capturedOf("protacct-metastore-account", "alicloud:rds/rdsAccount:RdsAccount");
  await capturedOf("protacct-metastore-privilege", "alicloud:rds/accountPrivilege:AccountPrivilege");
  expect([lifecycle.get("protacct-metastore-account")?.retainOnDelete, lifecycle.get("protacct-metastore-privilege")?.retainOnDelete]).toEqual([true, true]);
});

test("protect: false is an explicit option (the pack flags it); retainOnDelete stays", async () => {
  new components.EmrCluster("unprot", devSpec(), { protect: false });
  const cluster = await capturedOf("unprot", CLUSTER);
  expect(cluster.protect).toBe(false);
  expect(lifecycle.get("unprot")?.retainOnDelete).toBe(true);
});
