// The Article Extraction Benchmark's metric, shared by the evaluations that score text against AEB bodies.
// Tokens are Python's Unicode \w runs, an article's shingles its 4-grams of tokens (a text under 4 tokens
// is one shingle) as a multiset; per page TP/FP/FN are multiset overlaps, normalised so every page weighs
// the same; precision and recall are means over pages, F1 the harmonic mean of the two means.

// Python's Unicode \w: letters, digits and the underscore (JavaScript's \w is ASCII-only even with /u).
const TOKEN = /[\p{L}\p{N}_]+/gu;

export function shingles(text: string): Map<string, number> {
  const tokens = text.match(TOKEN) ?? [];
  const counts = new Map<string, number>();
  if (tokens.length < 4) return tokens.length ? counts.set(tokens.join(" "), 1) : counts;
  for (let i = 0; i + 4 <= tokens.length; i++) {
    const key = `${tokens[i]} ${tokens[i + 1]} ${tokens[i + 2]} ${tokens[i + 3]}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export interface PageCounts {
  tp: number;
  fp: number;
  fn: number;
}

export function aebCounts(predicted: string, truth: string): PageCounts {
  const p = shingles(predicted);
  const t = shingles(truth);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, n] of t) {
    const hit = Math.min(n, p.get(key) ?? 0);
    tp += hit;
    fn += n - hit;
  }
  for (const [key, n] of p) fp += n - Math.min(n, t.get(key) ?? 0);
  return { tp, fp, fn };
}

export function aebScore(pages: PageCounts[]): { p: number; r: number; f1: number } {
  const ps: number[] = [];
  const rs: number[] = [];
  for (const { tp, fp, fn } of pages) {
    // Normalised per page so every page weighs the same; 1 when nothing is wrong.
    if (fp === 0 && fn === 0) {
      ps.push(1);
      rs.push(1);
      continue;
    }
    if (tp + fp > 0) ps.push(tp / (tp + fp));
    if (tp + fn > 0) rs.push(tp / (tp + fn));
  }
  const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);
  const p = mean(ps);
  const r = mean(rs);
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}
