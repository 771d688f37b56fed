/**
 * Every process an engine test starts carries one marker in its environment (the CLI passes its environment on to
 * the plugins it starts: the provider, the policy pack, the language hosts). Ending a test kills every process with
 * the marker, found in /proc, also those whose parent died first (a plugin of a killed CLI).
 */
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";

export const MARKER_VAR = "EMR_ENGINE_TEST_RUN";

export const newMarker = (): string => randomUUID();

export function markedPids(marker: string): number[] {
  const wanted = `${MARKER_VAR}=${marker}`;
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      if (readFileSync(`/proc/${pid}/environ`, "latin1").split("\0").includes(wanted)) pids.push(pid);
    } catch {
      // gone already, or not ours to read
    }
  }
  return pids;
}

/** SIGKILLs every marked process; returns how many there were. */
export function killMarked(marker: string): number {
  const pids = markedPids(marker);
  for (const pid of pids) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // exited meanwhile
    }
  }
  return pids.length;
}
