// The baseline the stories evaluation compares against: plain TF-IDF vectors (title and text, log TF,
// IDF over the documents clustered) grouped by average-link agglomerative clustering. It sees every
// document at once and compares all pairs, which is fine for an evaluation of a few hundred documents and
// is exactly what the stories stage must not do; it is order-independent, so one run per split suffices.

import { contentWords } from "../src/text/tokens.js";

export interface BaselineDoc {
  id: string;
  title: string;
  text: string;
}

/** The merges of average-link clustering, most similar first; cut them at a threshold with `cutAt`. */
export interface Dendrogram {
  ids: string[];
  merges: { a: number; b: number; similarity: number }[];
}

export function averageLink(docs: BaselineDoc[]): Dendrogram {
  const vectors = tfidf(docs.map((d) => contentWords(`${d.title} ${d.text}`)));
  const n = docs.length;
  // sum[i][j]: the summed pairwise similarity between clusters i and j (average = sum / (size_i * size_j)).
  const sum = vectors.map((a) => vectors.map((b) => dot(a, b)));
  const size = new Array<number>(n).fill(1);
  const active = new Set(docs.map((_, i) => i));
  const merges: Dendrogram["merges"] = [];
  while (active.size > 1) {
    let best = { a: -1, b: -1, similarity: -1 };
    const list = [...active];
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const a = list[x];
        const b = list[y];
        const s = sum[a][b] / (size[a] * size[b]);
        if (s > best.similarity) best = { a, b, similarity: s };
      }
    }
    merges.push(best);
    // Cluster a absorbs b.
    for (const c of active) {
      sum[best.a][c] += sum[best.b][c];
      sum[c][best.a] = sum[best.a][c];
    }
    size[best.a] += size[best.b];
    active.delete(best.b);
  }
  return { ids: docs.map((d) => d.id), merges };
}

/** The clusters left after every merge at or above the threshold (average link never inverts). */
export function cutAt(tree: Dendrogram, threshold: number): string[][] {
  const parent = tree.ids.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  for (const m of tree.merges) {
    if (m.similarity < threshold) break;
    parent[root(m.b)] = root(m.a);
  }
  const groups = new Map<number, string[]>();
  tree.ids.forEach((id, i) => {
    const r = root(i);
    groups.set(r, [...(groups.get(r) ?? []), id]);
  });
  return [...groups.values()];
}

type Sparse = Map<string, number>;

function tfidf(docs: string[][]): Sparse[] {
  const df = new Map<string, number>();
  for (const words of docs) for (const w of new Set(words)) df.set(w, (df.get(w) ?? 0) + 1);
  return docs.map((words) => {
    const tf = new Map<string, number>();
    for (const w of words) tf.set(w, (tf.get(w) ?? 0) + 1);
    const v: Sparse = new Map();
    let norm = 0;
    for (const [w, n] of tf) {
      const x = (1 + Math.log(n)) * Math.log(docs.length / df.get(w)!);
      v.set(w, x);
      norm += x * x;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [w, x] of v) v.set(w, x / norm);
    return v;
  });
}

function dot(a: Sparse, b: Sparse): number {
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [w, x] of small) s += x * (large.get(w) ?? 0);
  return s;
}
