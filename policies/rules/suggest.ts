/** "Did you mean": the closest known word to a misspelled one, for error messages. */

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/** Whether the parts of `word` (split at - _ . :) appear in `candidate`'s parts, in order: a shortened name. */
function shortened(word: string, candidate: string): boolean {
  const parts = (s: string) => s.split(/[-_.:]/).filter(Boolean);
  const want = parts(word);
  let at = 0;
  for (const part of parts(candidate)) if (part === want[at]) at++;
  return want.length > 1 && at === want.length;
}

/** The closest of `known` to `word` when it is close enough to be a typo (a prefix or a shortened form), else undefined. */
export function closest(word: string, known: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: { word: string; d: number } | undefined;
  for (const k of known) {
    const candidate = k.toLowerCase();
    const d = (candidate.startsWith(lower) && lower.length >= 3) || shortened(lower, candidate) ? 0.5 : distance(lower, candidate);
    if (!best || d < best.d) best = { word: k, d };
  }
  return best && best.d <= Math.max(2, Math.floor(word.length / 3)) ? best.word : undefined;
}

/** ` (did you mean x?)`, or nothing. */
export function didYouMean(word: string, known: readonly string[]): string {
  const c = closest(word, known);
  return c ? ` (did you mean ${c}?)` : "";
}
