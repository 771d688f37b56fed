/**
 * What a consumer writes in its own repository: a program that imports EmrCluster, a preset and the façade from
 * the installed package, run under Pulumi mocks. It prints every registration (type, name, protect) as JSON.
 * Kept as text: it imports the package by its published name, which resolves only in the scratch project.
 */
export const CONSUMER_PROGRAM = `
import * as pulumi from "@pulumi/pulumi";
import { getMonitor } from "@pulumi/pulumi/runtime/settings";
import { EmrCluster, PRESETS } from "@emr-as-code/components";
import { EmrClusterComponent, Preset } from "@emr-as-code/components/multilang";

pulumi.runtime.setMocks({ newResource: (a) => ({ id: a.name + "-id", state: a.inputs }), call: (a) => a.inputs }, "consumer", "dev", false);

// The resource options (protect) are on the monitor's RegisterResource request, not on what mocks receive.
interface Request { getType(): string; getName(): string; getProtect(): boolean | undefined }
const seen: [string, string, boolean][] = [];
const monitor = getMonitor() as unknown as { registerResource(req: Request, cb: unknown): void };
const original = monitor.registerResource.bind(monitor);
monitor.registerResource = (req, cb) => {
  seen.push([req.getType(), req.getName(), req.getProtect() ?? false]);
  original(req, cb);
};

async function settled(): Promise<void> {
  for (let stable = 0, last = -1; stable < 5; stable = seen.length === last ? stable + 1 : 0) {
    last = seen.length;
    await new Promise((r) => setTimeout(r, 2));
  }
}

async function main(): Promise<void> {
  const network = { vpcId: "vpc-1", zoneId: "cn-hangzhou-i", keyPairName: "kp" };
  const lake = new EmrCluster("lake", {
    preset: "dev-normal",
    clusterName: "lake-dev",
    nodeAttributes: network,
    nodeGroups: PRESETS["dev-normal"].nodeGroups!.map((g) => ({ ...g, vswitchIds: ["vsw-1"] })),
  });
  await new Promise((r) => lake.clusterId.apply(r));
  await settled();
  const facade = new EmrClusterComponent("facade", { preset: Preset.DevNormal, clusterName: "facade-dev", vswitchId: "vsw-1", ...network });
  await new Promise((r) => facade.clusterId.apply(r));
  await settled();
  process.stdout.write(JSON.stringify(seen));
}
main();
`;

export const CONSUMER_TSCONFIG = {
  compilerOptions: { target: "es2022", module: "node16", moduleResolution: "node16", strict: true, skipLibCheck: true, outDir: "dist", types: ["node"] },
  files: ["index.ts"],
};

/** Run inside the installed plugin directory: the schema the plugin serves, from the package's .d.ts files. */
export const PLUGIN_SCHEMA_SCRIPT = `
const { EmrComponentProvider } = require("@emr-as-code/components/multilang");
new EmrComponentProvider(process.cwd()).getSchema().then((s) => process.stdout.write(s));
`;
