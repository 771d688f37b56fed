/**
 * Retry rules (reference/emr-planning-rules.md, "API behaviour the client must respect"):
 * - only Throttling is retried by itself: 3 retries after 5–10 s (jittered), then 30 s apart while it persists,
 *   up to `maxRetries` in all; every other error goes to the caller unchanged;
 * - a write whose outcome is unknown (no response, 5xx) is re-sent only after checking it was not applied
 *   (see client.ts, `safeWrite`).
 */
import type { Clock, Random } from "./clock";
import { isThrottling } from "./errors";

export interface RetryPolicy {
  /** Retries of a throttled call in all (the first 3 jittered 5–10 s, the rest 30 s apart). Defaults to 6. */
  maxThrottlingRetries: number;
  /** Re-sends of a write whose outcome was unknown, each after a check that it was not applied. Defaults to 5. */
  maxAmbiguousRetries: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxThrottlingRetries: 6, maxAmbiguousRetries: 5 };

const JITTERED_RETRIES = 3;

/** The wait before retry number `retry` (1-based). */
export function throttlingDelayMs(retry: number, random: Random): number {
  return retry <= JITTERED_RETRIES ? 5000 + Math.floor(random() * 5000) : 30_000;
}

/** Runs `fn`, retrying it only while it fails with Throttling. */
export async function withThrottlingRetry<T>(fn: () => Promise<T>, clock: Clock, random: Random, policy: RetryPolicy): Promise<T> {
  for (let retry = 1; ; retry++) {
    try {
      return await fn();
    } catch (e) {
      if (!isThrottling(e) || retry > policy.maxThrottlingRetries) throw e;
      await clock.sleep(throttlingDelayMs(retry, random));
    }
  }
}
