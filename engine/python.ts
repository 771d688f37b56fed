/**
 * The engine tier's Python environment: a venv with exactly the pins of engine/python/requirements.txt (pulumi 3.270.0,
 * the PyPI release of our @pulumi/pulumi, its dependencies, setuptools), created on first use with `python3 -m venv`
 * and pip from PyPI into the engine cache, `${XDG_CACHE_HOME:-$HOME/.cache}/emr-as-code/engine/python-<key>/`. The
 * key is a hash of the requirements file and the interpreter (`sys.version`, its prefix), so a changed pin or Python
 * builds a new environment. Python programs run in it under the SDK's own language runtime server
 * (test/engine/program_server.py), not pulumi-language-python, which the Go module proxy does not serve.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { cacheKey, cacheRoot, pruneOtherKeys, runStep } from "./cache";

export const REQUIREMENTS = resolve(__dirname, "python/requirements.txt");

export interface PythonEnv {
  dir: string;
  /** The venv's interpreter: run programs and pip with it (its absolute path needs no PATH). */
  python: string;
  /** Milliseconds spent creating it, or undefined when the cached environment was reused. */
  builtMs?: number;
}

/** Written last: a folder without it is a creation that did not finish, and is made anew. */
const READY = "emr-engine-ready";

function interpreterOf(): string {
  try {
    return execFileSync("python3", ["-c", "import sys; print(sys.version); print(sys.base_prefix)"], { encoding: "utf8" }).trim();
  } catch {
    throw new Error("the engine tier's Python programs need python3 >= 3.10 with venv (`python3 -c ...` failed); install it and reach PyPI");
  }
}

export async function ensurePythonEnv(log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Promise<PythonEnv> {
  const root = cacheRoot();
  const dir = join(root, `python-${cacheKey([interpreterOf(), readFileSync(REQUIREMENTS)])}`);
  const python = join(dir, "bin/python");
  if (existsSync(join(dir, READY))) {
    log(`engine python: environment cached (${dir})`);
    return { dir, python };
  }
  log(`engine python: creating ${dir} (python3 -m venv, then pip install -r engine/python/requirements.txt from PyPI)`);
  const started = Date.now();
  rmSync(dir, { recursive: true, force: true });
  // A venv is not relocatable (its scripts name its folder), so it is made in place; READY marks it complete.
  const still = "engine python: ... still installing";
  await runStep("python3", ["-m", "venv", dir], { still, log });
  // --no-deps: the file pins every package; `pip check` then fails on a dependency it does not pin.
  await runStep(python, ["-m", "pip", "install", "--no-input", "--disable-pip-version-check", "--no-deps", "-r", REQUIREMENTS], { still, log });
  await runStep(python, ["-m", "pip", "check", "--disable-pip-version-check"], { still, log });
  writeFileSync(join(dir, READY), "");
  pruneOtherKeys(root, "python", dir);
  const builtMs = Date.now() - started;
  log(`engine python: created in ${(builtMs / 1000).toFixed(0)} s -> ${dir}`);
  return { dir, python, builtMs };
}
