/**
 * The call model's ignoreChanges (policies/rules/calls/ignore-changes.ts) against the engine's own code for it (the
 * sdk's ParsePropertyPath and PropertyPath.Reset at v3.274.1, built as engine/toolchain/ignore-changes): the named
 * cases of the fast tier, then random states, programs and paths, all in one run of the filter.
 */
import { execFileSync } from "node:child_process";
import fc from "fast-check";
import { ensureToolchain } from "../../engine/toolchain";
import { applyIgnoreChanges } from "../../policies/rules/calls/ignore-changes";
import { IGNORE_CHANGES_CASES } from "../helpers/ignore-changes-cases";

type Json = Record<string, unknown>;
interface Request { old: Json; next: Json; paths: string[] }
interface Answer { planned: Json; skipped: string[] }

let filter: string;
beforeAll(async () => {
  filter = (await ensureToolchain()).ignoreChanges;
}, 3_600_000);

/** One run of the engine's code over every request. */
const engineAnswers = (requests: Request[]): Answer[] => JSON.parse(execFileSync(filter, { input: JSON.stringify(requests), encoding: "utf8", maxBuffer: 256 * 1024 * 1024 }));
/** JSON with keys sorted (Go writes a map's keys in order; the model keeps the program's order). */
const same = (v: unknown): string => JSON.stringify(v, (_k, x: unknown) => (x !== null && typeof x === "object" && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x));
const modelAnswer = (r: Request): Answer => {
  const { planned, skipped } = applyIgnoreChanges(r.next, r.old, r.paths);
  return { planned, skipped: skipped.map((s) => s.path) };
};

test("the fast tier's named cases: the engine's answer is the one written down", () => {
  const answers = engineAnswers(IGNORE_CHANGES_CASES.map(({ old, next, paths }) => ({ old, next, paths })));
  expect(answers).toEqual(IGNORE_CHANGES_CASES.map(({ planned, skipped }) => ({ planned, skipped })));
});

// Values shaped like a cluster's inputs, with few keys so that state and program often share (and miss) paths.
const KEYS = ["nodeGroups", "nodeCount", "tags", "sub", "a", "b"] as const;
const leaf = fc.oneof(fc.integer({ min: 0, max: 50 }), fc.constantFrom("x", "y", "PayAsYouGo"), fc.boolean());
const { value } = fc.letrec<{ value: unknown; map: Json }>((tie) => ({
  value: fc.oneof({ depthSize: "small", withCrossShrink: true }, leaf, tie("map"), fc.array(tie("value"), { maxLength: 4 })),
  map: fc.dictionary(fc.constantFrom(...KEYS), tie("value"), { maxKeys: 4 }),
}));
const map = value.filter((v): v is Json => v !== null && typeof v === "object" && !Array.isArray(v));
const segment = fc.oneof(
  fc.constantFrom(...KEYS).map((k) => `.${k}`),
  fc.integer({ min: -1, max: 4 }).map((i) => `[${i}]`),
  fc.constantFrom("[*]", ".*", '["*"]', '["a"]', '["a.b"]', ".[0]", "[+1]"),
);
const path = fc.oneof(
  { weight: 9, arbitrary: fc.tuple(fc.constantFrom(...KEYS), fc.array(segment, { maxLength: 4 })).map(([head, rest]) => head + rest.join("")) },
  { weight: 1, arbitrary: fc.constantFrom("", ".a", "a.", "a[", "a[x]", 'a["k', "nodeGroups[2].nodeCount") },
);
const request = fc.record({ old: map, next: map, paths: fc.array(path, { minLength: 1, maxLength: 3 }) });

test("random states, programs and paths: the model plans what the engine plans and skips what it skips", () => {
  const requests = fc.sample(request, { numRuns: 5000, seed: 20261202 });
  const answers = engineAnswers(requests);
  const differing = requests.map((r, i) => ({ r, engine: answers[i], model: modelAnswer(r) })).filter((x) => same(x.engine) !== same(x.model));
  if (process.env.SHOW_DIFF) console.log(differing.length, JSON.stringify(differing.slice(0, 6).map((d) => [d.r, d.engine, d.model])));
  expect(differing.slice(0, 3)).toEqual([]);
  // The sample reaches the engine's branches: resets that apply, paths skipped, values deleted.
  expect(answers.filter((a) => a.skipped.length > 0).length).toBeGreaterThan(500);
  expect(answers.filter((a, i) => a.skipped.length < requests[i].paths.length && same(a.planned) !== same(requests[i].next)).length).toBeGreaterThan(500);
});
