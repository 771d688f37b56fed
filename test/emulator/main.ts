/**
 * `npm run emulator`: the EMR API emulator on 127.0.0.1 with the real clock, for trying the client and
 * `npm run status` by hand. Port 18777 unless PORT is set (PORT=0: any free port); demo clusters unless SEED=0.
 * It prints the `export` lines that point `npm run status` at it; Ctrl-C (SIGINT) or SIGTERM stops it. DEMO_STATE=<file>
 * also writes the stack export that records the adoptable demo clusters (adopt-demo.ts), for `npm run drift`.
 */
import * as fs from "fs";
import { demoStackExport, seedAdoptDemo } from "./adopt-demo";
import { DEMO_REGION, seedDemo } from "./demo";
import { startEmulator, TEST_KEYS } from "./server";

export const DEFAULT_PORT = 18777;

/** The shell lines that make `npm run status` talk to the emulator at `endpoint` (host:port). */
export function exportLines(endpoint: string): string[] {
  return [
    `export EMR_ENDPOINT=${endpoint}`,
    "export EMR_PROTOCOL=http",
    `export ALIBABA_CLOUD_ACCESS_KEY_ID=${TEST_KEYS.accessKeyId}`,
    `export ALIBABA_CLOUD_ACCESS_KEY_SECRET=${TEST_KEYS.accessKeySecret}`,
    `export ALIBABA_CLOUD_REGION_ID=${DEMO_REGION}`,
  ];
}

export function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === "") return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number 0-65535 (0 = any free port), got "${raw}"`);
  return port;
}

async function main(): Promise<number | undefined> {
  let port: number;
  try {
    port = parsePort(process.env.PORT);
  } catch (e) {
    console.error(`emulator: ${(e as Error).message}`);
    return 2;
  }
  const emulator = await startEmulator({ port, timings: { creationMs: 60_000, scalingMs: 30_000 } }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === "EADDRINUSE") console.error(`emulator: port ${port} is in use (another emulator?). Stop it, or start this one with PORT=<free port>.`);
    else console.error(`emulator: ${e.message}`);
    return undefined;
  });
  if (!emulator) return 2;
  const adoptable = process.env.SEED === "0" ? {} : seedAdoptDemo(emulator.state, DEMO_REGION);
  const demo = process.env.SEED === "0" ? {} : { ...seedDemo(emulator.state), ...adoptable };
  // DEMO_STATE=<file>: the stack export emr-drift compares the adoptable demo clusters with (README, "emr-drift").
  if (process.env.DEMO_STATE && Object.keys(adoptable).length) fs.writeFileSync(process.env.DEMO_STATE, JSON.stringify(demoStackExport(adoptable), null, 2));
  const lines = [
    `EMR API emulator listening on http://${emulator.endpoint} (Ctrl-C stops it)`,
    "In another shell, paste these lines, then run `npm run status`:",
    ...exportLines(emulator.endpoint),
    ...(Object.keys(demo).length ? [`Demo clusters in ${DEMO_REGION}: ${Object.entries(demo).map(([name, id]) => `${name} (${id})`).join(", ")}`] : []),
  ];
  console.log(lines.join("\n"));
  const stop = () => void emulator.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return undefined;
}

if (require.main === module) {
  void main().then((code) => {
    if (code !== undefined) process.exit(code);
  });
}
