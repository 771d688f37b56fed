/**
 * Fault injection: scripted faults for exact tests (`script`), and a seeded random rate for soak tests.
 * A fault can strike before the request is applied or after (the write happened, but the reply is lost).
 */
import { seededRandom } from "./clock";

export type Fault =
  | { kind: "throttle" }
  | { kind: "concurrent" }
  | { kind: "error5xx"; phase: "before" | "after" }
  | { kind: "drop"; phase: "before" | "after" }
  | { kind: "slow"; ms: number };

export interface RandomFaults {
  /** Share of requests that get a fault, 0–1. */
  rate: number;
  /** Which faults to draw from, equally likely. */
  kinds: Fault["kind"][];
  /** Only these actions get random faults (e.g. the writes). All when absent. */
  actions?: string[];
  seed?: number;
  slowMs?: number;
}

export class FaultInjector {
  private readonly queue: { fault: Fault; action?: string }[] = [];
  private random?: { cfg: RandomFaults; next: () => number };
  /** What was injected, per kind, for reports. */
  readonly injected: Record<string, number> = {};

  /** Queue faults for the next matching requests, in order. */
  script(faults: Fault[], action?: string): void {
    for (const fault of faults) this.queue.push({ fault, action });
  }

  setRandom(cfg: RandomFaults | undefined): void {
    this.random = cfg ? { cfg, next: seededRandom(cfg.seed ?? 1) } : undefined;
  }

  clear(): void {
    this.queue.length = 0;
    this.random = undefined;
  }

  /** The fault for this request, if any. */
  next(action: string): Fault | undefined {
    const i = this.queue.findIndex((q) => !q.action || q.action === action);
    let fault: Fault | undefined = i >= 0 ? this.queue.splice(i, 1)[0].fault : undefined;
    const r = this.random;
    if (!fault && r && (!r.cfg.actions || r.cfg.actions.includes(action)) && r.next() < r.cfg.rate) {
      const kind = r.cfg.kinds[Math.floor(r.next() * r.cfg.kinds.length)];
      const phase = r.next() < 0.5 ? "before" : "after";
      fault = kind === "error5xx" || kind === "drop" ? { kind, phase } : kind === "slow" ? { kind, ms: r.cfg.slowMs ?? 5 } : { kind };
    }
    if (fault) {
      const key = "phase" in fault ? `${fault.kind}-${fault.phase}` : fault.kind;
      this.injected[key] = (this.injected[key] ?? 0) + 1;
    }
    return fault;
  }
}
