/**
 * A virtual clock shared by the emulator and the client under test: `sleep` advances time at once, so a
 * 15-minute cluster creation or a 30 s back-off costs no real time.
 */
import type { Clock } from "../../client/clock";

export class VirtualClock implements Clock {
  private t: number;
  /** Total virtual time slept, for assertions ("the client waited 7.5 s"). */
  slept = 0;

  constructor(start = Date.UTC(2026, 0, 1)) {
    this.t = start;
  }

  now(): number {
    return this.t;
  }

  advance(ms: number): void {
    this.t += ms;
  }

  async sleep(ms: number): Promise<void> {
    this.t += ms;
    this.slept += ms;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** A seeded PRNG (mulberry32): deterministic "random" faults and jitter. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
