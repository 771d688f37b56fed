/**
 * ignoreChanges cases with the engine's answer (read in pulumi sdk v3.274.1 properties_path.go, Reset): shared by
 * the fast tier (our model) and the engine tier (the engine's Go code on the same inputs).
 */
type Json = Record<string, unknown>;

export interface IgnoreChangesCase {
  name: string;
  /** The recorded inputs (the state). */
  old: Json;
  /** The program's inputs. */
  next: Json;
  paths: string[];
  /** What the provider is given. */
  planned: Json;
  /** The paths the engine could not reset. */
  skipped: string[];
}

const groups = (...counts: number[]) => ({ nodeGroups: counts.map((nodeCount, i) => ({ nodeGroupName: `g${i}`, nodeCount })) });

export const IGNORE_CHANGES_CASES: IgnoreChangesCase[] = [
  { name: "an existing group's count is the state's", old: groups(1, 6, 2), next: groups(1, 8, 9), paths: ["nodeGroups[2].nodeCount"], planned: groups(1, 8, 2), skipped: [] },
  { name: "a group added at the ignored index keeps the program's count (skipped)", old: groups(1, 6), next: groups(1, 6, 2), paths: ["nodeGroups[2].nodeCount"], planned: groups(1, 6, 2), skipped: ["nodeGroups[2].nodeCount"] },
  { name: "a group removed at the ignored index: nothing to reset (skipped)", old: groups(1, 6, 2), next: groups(1, 6), paths: ["nodeGroups[2].nodeCount"], planned: groups(1, 6), skipped: ["nodeGroups[2].nodeCount"] },
  { name: "an index neither side has, on the way to a field: skipped", old: groups(1), next: groups(1), paths: ["nodeGroups[5].nodeCount"], planned: groups(1), skipped: ["nodeGroups[5].nodeCount"] },
  { name: "a whole list element at an index neither side has: nothing to do", old: groups(1), next: groups(1), paths: ["nodeGroups[5]"], planned: groups(1), skipped: [] },
  { name: "a leaf key the state lacks is deleted from the program's inputs", old: { a: 1 }, next: { a: 1, description: "new" }, paths: ["description"], planned: { a: 1 }, skipped: [] },
  { name: "[*] over lists of different lengths resets what both share, then fails", old: groups(1, 6), next: groups(3, 8, 9), paths: ["nodeGroups[*].nodeCount"], planned: groups(1, 6, 9), skipped: ["nodeGroups[*].nodeCount"] },
  { name: "[*] over lists of the same length resets every element", old: groups(1, 6, 2), next: groups(3, 8, 9), paths: ["nodeGroups[*].nodeCount"], planned: groups(1, 6, 2), skipped: [] },
  { name: "a map only the program has, a key below it: deleted (the state has none)", old: { a: 1 }, next: { a: 1, sub: { autoRenew: true, x: 1 } }, paths: ["sub.autoRenew"], planned: { a: 1, sub: { x: 1 } }, skipped: [] },
  { name: "a map the state has and the program lacks, a key below it: skipped", old: { sub: { autoRenew: true } }, next: {}, paths: ["sub.autoRenew"], planned: {}, skipped: ["sub.autoRenew"] },
  { name: "a map key under * : the state's map replaces the program's", old: { tags: { a: "1", b: "2" } }, next: { tags: { a: "9", c: "3" } }, paths: ["tags.*"], planned: { tags: { a: "1", b: "2" } }, skipped: [] },
  { name: "a quoted key", old: { tags: { "emr-guard:ack": "x" } }, next: { tags: { "emr-guard:ack": "y" } }, paths: ['tags["emr-guard:ack"]'], planned: { tags: { "emr-guard:ack": "x" } }, skipped: [] },
  { name: "a negative index is a failure", old: groups(1), next: groups(2), paths: ["nodeGroups[-1].nodeCount"], planned: groups(2), skipped: ["nodeGroups[-1].nodeCount"] },
  { name: "an empty path is a failure", old: { a: 1 }, next: { a: 2 }, paths: [""], planned: { a: 2 }, skipped: [""] },
  { name: "unparsable: dropped, the program's value stands", old: { a: 1 }, next: { a: 2 }, paths: ["a["], planned: { a: 2 }, skipped: ["a["] },
];
