/**
 * `npm run emulator`: the EMR API emulator on 127.0.0.1 with the real clock, for trying the client and
 * `npm run status` by hand. PORT picks the port (default: any free one); SEED=1 adds a running cluster.
 */
import { startEmulator, TEST_KEYS } from "./server";

async function main(): Promise<void> {
  const emulator = await startEmulator({ port: Number(process.env.PORT ?? 0), timings: { creationMs: 60_000, scalingMs: 30_000 } });
  if (process.env.SEED === "1") {
    emulator.state.seedCluster({ name: "demo", groups: [{ name: "master", type: "MASTER", count: 1 }, { name: "core", type: "CORE", count: 3 }, { name: "task", type: "TASK", count: 4 }] });
  }
  const lines = [
    `EMR API emulator listening on http://${emulator.endpoint}`,
    `  AccessKeyId:     ${TEST_KEYS.accessKeyId}`,
    `  AccessKeySecret: ${TEST_KEYS.accessKeySecret}`,
    "Use it:",
    `  EMR_ENDPOINT=${emulator.endpoint} EMR_PROTOCOL=http ALIBABA_CLOUD_ACCESS_KEY_ID=${TEST_KEYS.accessKeyId} ALIBABA_CLOUD_ACCESS_KEY_SECRET=${TEST_KEYS.accessKeySecret} npm run status -- --region cn-hangzhou`,
  ];
  console.log(lines.join("\n"));
  const stop = () => void emulator.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

void main();
