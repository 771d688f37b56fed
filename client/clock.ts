/**
 * Time as the client sees it. Every wait in the client (retry back-off, polling, scale-in spacing) goes through a
 * Clock, so tests can drive it with a virtual clock instead of sleeping for real minutes.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** A source of numbers in [0, 1); injectable so jitter is deterministic in tests. */
export type Random = () => number;
