/**
 * The README's recipe, end to end, as a user runs it: `npm run emulator` in one shell (a real child process),
 * its printed `export` lines pasted into another, then `npm run status`. Nothing of the test's own environment
 * leaks in (HOME points nowhere, no credentials but the printed ones).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_PORT, exportLines, parsePort } from "./main";

const ROOT = join(__dirname, "..", "..");
const TSX = join(ROOT, "node_modules", ".bin", "tsx");
const BASE_ENV = { PATH: process.env.PATH ?? "", HOME: "/nonexistent" };

function runTsx(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(TSX, args, { cwd: ROOT, env });
    let out = "", err = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (err += c));
    child.on("close", (code) => resolve({ code, out, err }));
  });
}

/** Starts `npm run emulator`'s program and resolves with its banner once the export lines are printed. */
function startEmulatorProcess(env: Record<string, string>): Promise<{ child: ChildProcess; banner: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ["test/emulator/main.ts"], { cwd: ROOT, env });
    let banner = "";
    child.stdout.on("data", (c) => {
      banner += c;
      if (/ALIBABA_CLOUD_REGION_ID=.*\n[\s\S]*Demo clusters/.test(banner)) resolve({ child, banner });
    });
    child.on("exit", (code) => reject(new Error(`emulator exited early (${code}): ${banner}`)));
  });
}

/** What pasting `export K=V` lines into a shell does. */
const parseExports = (text: string) => Object.fromEntries([...text.matchAll(/^export (\w+)=(\S+)$/gm)].map((m) => [m[1], m[2]]));

describe("README recipe: npm run emulator, paste its export lines, npm run status", () => {
  let emulator: ChildProcess;
  let banner: string;
  beforeAll(async () => {
    ({ child: emulator, banner } = await startEmulatorProcess({ ...BASE_ENV, PORT: "0" }));
  }, 20_000);
  afterAll(() => {
    if (emulator.exitCode === null) emulator.kill("SIGKILL");
  });

  it("prints exactly the export lines for its address, and the demo clusters", () => {
    const endpoint = banner.match(/listening on http:\/\/(127\.0\.0\.1:\d+) \(Ctrl-C stops it\)/)?.[1];
    expect(endpoint).toBeDefined();
    expect(banner).toContain(exportLines(endpoint ?? "").join("\n"));
    expect(banner).toMatch(/Demo clusters in cn-hangzhou: demo-dev \(c-[0-9a-f]{16}\), demo-prod \(c-[0-9a-f]{16}\), demo-failed \(c-[0-9a-f]{16}\), demo-old \(c-[0-9a-f]{16}\)/);
  });

  it("npm run status with only those lines lists the demo clusters; --cluster by name explains one", async () => {
    const env = { ...BASE_ENV, ...parseExports(banner) };
    const list = await runTsx(["client/status-cli.ts"], env);
    expect(list).toMatchObject({ code: 0, err: "" });
    for (const name of ["demo-dev", "demo-prod", "demo-failed", "demo-old"]) expect(list.out).toContain(name);
    const failed = await runTsx(["client/status-cli.ts", "--cluster", "demo-failed"], env);
    expect(failed.code).toBe(0);
    expect(failed.out).toContain("START_FAILED: failed to start (the console says Startup Failed): OutOfStock: The requested resource ecs.g7.xlarge is sold out in cn-hangzhou-i.");
  }, 30_000);

  it("SIGTERM stops it (exit 0, port closed)", async () => {
    const exited = new Promise<number | null>((resolve) => emulator.on("exit", (code) => resolve(code)));
    emulator.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});

describe("the documented defaults", () => {
  it("port 18777 unless PORT is set; a bad PORT is refused", () => {
    expect(DEFAULT_PORT).toBe(18777);
    expect(parsePort(undefined)).toBe(18777);
    expect(parsePort("0")).toBe(0);
    expect(() => parsePort("http")).toThrow('PORT must be a port number 0-65535 (0 = any free port), got "http"');
  });

  it("the README shows the export lines the emulator prints on its default port", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    for (const line of exportLines(`127.0.0.1:${DEFAULT_PORT}`)) expect(readme).toContain(line);
  });
});
