/**
 * What a price book must price for a set of stacks: exactly the instance types, disks, EMR fees and RDS classes and
 * storage their clusters and metastores use, with the payment types they use them at, per region. Read from the
 * resources the programs register (provider-shaped inputs, as the cost model reads them).
 */
import { TYPES } from "../policies/rules/domain";
import { diskKey } from "../policies/rules/cost";

export type Payment = "PayAsYouGo" | "Subscription";

export interface DiskNeed {
  category: string;
  performanceLevel?: string;
  /** A size the stacks use (the largest): the API prices a disk of a size; the book keeps the price per GB. */
  size: number;
  payments: Set<Payment>;
}

export interface RdsNeed {
  engine: string;
  engineVersion: string;
  /** The RDS edition (`HighAvailability`, `Basic`): BSS calls it Series. */
  series: string;
  payments: Set<Payment>;
}

export interface RegionNeeds {
  instances: Map<string, Set<Payment>>;
  disks: Map<string, DiskNeed>;
  rdsClasses: Map<string, RdsNeed>;
  rdsStorage: Map<string, RdsNeed & { size: number }>;
}

const rec = (v: unknown): Record<string, unknown> => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const str = (v: unknown): string | undefined => (typeof v === "string" && v.length > 0 ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
const payment = (v: unknown, fallback: Payment): Payment => (v === "Subscription" ? "Subscription" : v === "PayAsYouGo" ? "PayAsYouGo" : fallback);

export const emptyNeeds = (): RegionNeeds => ({ instances: new Map(), disks: new Map(), rdsClasses: new Map(), rdsStorage: new Map() });

const addTo = <K>(map: Map<K, Set<Payment>>, key: K, p: Payment) => map.set(key, (map.get(key) ?? new Set<Payment>()).add(p));

function addDisk(needs: RegionNeeds, raw: unknown, p: Payment): void {
  const d = rec(Array.isArray(raw) ? raw[0] : raw);
  const category = str(d.category);
  const size = num(d.size);
  if (!category || size === undefined) return;
  const key = diskKey(category, str(d.performanceLevel));
  const need = needs.disks.get(key) ?? { category, ...(str(d.performanceLevel) ? { performanceLevel: str(d.performanceLevel) } : {}), size, payments: new Set<Payment>() };
  need.size = Math.max(need.size, size);
  need.payments.add(p);
  needs.disks.set(key, need);
}

/** Adds what one resource uses (a cluster or an RDS instance; other types use nothing priced here). */
export function addNeeds(needs: RegionNeeds, type: string, inputs: Record<string, unknown>): void {
  if (type === TYPES.cluster) {
    const clusterPayment = payment(inputs.paymentType, "PayAsYouGo");
    for (const raw of Array.isArray(inputs.nodeGroups) ? inputs.nodeGroups : []) {
      const g = rec(raw);
      const p = payment(g.paymentType, clusterPayment);
      for (const t of Array.isArray(g.instanceTypes) ? g.instanceTypes : []) if (typeof t === "string") addTo(needs.instances, t, p);
      addDisk(needs, g.systemDisk, p);
      for (const d of Array.isArray(g.dataDisks) ? g.dataDisks : []) addDisk(needs, d, p);
    }
  } else if (type === TYPES.rdsInstance) {
    const cls = str(inputs.instanceType);
    const p: Payment = inputs.instanceChargeType === "Prepaid" ? "Subscription" : "PayAsYouGo";
    const base = { engine: str(inputs.engine) ?? "MySQL", engineVersion: str(inputs.engineVersion) ?? "", series: str(inputs.category) ?? "HighAvailability" };
    if (cls) needs.rdsClasses.set(cls, { ...base, payments: (needs.rdsClasses.get(cls)?.payments ?? new Set<Payment>()).add(p) });
    const size = num(inputs.instanceStorage);
    const storageType = str(inputs.dbInstanceStorageType) ?? "local_ssd";
    if (size !== undefined) {
      const old = needs.rdsStorage.get(storageType);
      needs.rdsStorage.set(storageType, { ...base, size: Math.max(size, old?.size ?? 0), payments: (old?.payments ?? new Set<Payment>()).add(p) });
    }
  }
}
