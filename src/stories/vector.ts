// TF-IDF article vectors, cut to their top terms and scaled to unit length.

import type { StoryOptions } from "./options.js";
import type { ArticleTerms } from "./terms.js";

/** A sparse unit vector, heaviest term first. Terms are hash32 ids. */
export interface TermVector {
  terms: number[];
  weights: number[];
}

/** Document frequencies: how many articles hold each term, out of `docs`. Plain, so it serialises. */
export interface DocFrequencies {
  docs: number;
  df: Record<number, number>;
}

export function countDocument(freq: DocFrequencies, terms: ArticleTerms): void {
  freq.docs++;
  for (const t of terms.terms) freq.df[t] = (freq.df[t] ?? 0) + 1;
}

/**
 * Sublinear TF (a word repeated ten times is not ten times the topic) times smoothed IDF times the
 * name/number boost; only the `topK` heaviest terms are kept.
 */
export function weigh(terms: ArticleTerms, freq: DocFrequencies, options: StoryOptions): TermVector {
  const n = terms.terms.length;
  const weight = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const idf = Math.log((freq.docs + options.idfPseudoDocs + 1) / ((freq.df[terms.terms[i]] ?? 0) + 1)) + 1;
    weight[i] = (1 + Math.log(terms.raw[i])) * idf * terms.boost[i];
  }
  const keep = heaviest(weight, terms.terms, options.topTerms);
  let norm = 0;
  for (const i of keep) norm += weight[i] * weight[i];
  norm = Math.sqrt(norm) || 1;
  return { terms: keep.map((i) => terms.terms[i]), weights: keep.map((i) => weight[i] / norm) };
}

/**
 * Indices of the k largest weights, heaviest first; equal weights ordered by term id so the same input
 * always gives the same vector. A native numeric sort finds the cut, so only the kept few are sorted
 * with a comparator.
 */
function heaviest(weight: Float64Array, terms: number[], k: number): number[] {
  if (weight.length === 0) return [];
  const sorted = weight.slice().sort();
  const cut = sorted[Math.max(0, sorted.length - k)];
  const above: number[] = [];
  for (let i = 0; i < weight.length; i++) if (weight[i] >= cut) above.push(i);
  above.sort((a, b) => weight[b] - weight[a] || terms[a] - terms[b]);
  return above.length > k ? above.slice(0, k) : above;
}
