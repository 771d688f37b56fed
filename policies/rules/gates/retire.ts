/** `emr:retire`: the stack config's list of clusters leaving the program on purpose, each with the ID it had. */

/** One entry: the Pulumi resource name and the cluster ID it had. */
export interface RetireEntry {
  name: string;
  clusterId: string;
}

/** Reads `emr:retire` (a list of { name, clusterId }); problems name the entry and the field, with a right example. */
export function parseRetireEntries(raw: unknown): { entries: RetireEntry[]; problems: string[] } {
  const example = 'emr:retire: [{ name: "analytics", clusterId: "c-1234567890abcdef" }]';
  if (raw === undefined || raw === null) return { entries: [], problems: [] };
  if (!Array.isArray(raw)) return { entries: [], problems: [`emr:retire must be a list, e.g. ${example}`] };
  const entries: RetireEntry[] = [];
  const problems: string[] = [];
  raw.forEach((e, i) => {
    const r = e !== null && typeof e === "object" && !Array.isArray(e) ? (e as Record<string, unknown>) : {};
    const bad = [typeof r.name === "string" && r.name.length > 0 ? "" : "name (the Pulumi resource name)", typeof r.clusterId === "string" && /^c-[0-9a-z]+$/.test(r.clusterId) ? "" : "clusterId (c-...)"].filter(Boolean);
    const extra = Object.keys(r).filter((k) => k !== "name" && k !== "clusterId");
    if (bad.length || extra.length) problems.push(`emr:retire[${i}]: ${[...bad.map((b) => `needs ${b}`), ...extra.map((k) => `unknown key "${k}"`)].join(", ")}; e.g. ${example}`);
    else entries.push({ name: String(r.name), clusterId: String(r.clusterId) });
  });
  return { entries, problems };
}
