// The exact reference for the copy benchmark's recall: every pair of documents that compare() calls a
// copy, found without calling compare() on all n²/2 pairs, and without missing one.
//
// Why nothing is missed: compare() calls two texts exact only when their digests are equal, and anything
// else only when at least one sentence pair aligns (compare.ts, sentenceMatch). Two sentences align only
// if, when both hold names or numbers, those have Dice ≥ SENTENCE_MIN_ANCHORS, and otherwise (one side
// without any) their content words have Dice ≥ SENTENCE_MIN_SIMILARITY or their skeleton trigrams Dice ≥
// SKELETON_MIN_UNANCHORED. Each of those is an exact similarity join over all sentences of all documents
// (prefix filtering, below); every sentence pair a join yields is checked with sentenceMatch itself, and
// compare() runs on every document pair holding an aligned sentence pair or sharing a digest. Every other
// pair gets null from compare(), as comparing it would show; test/copies-allpairs.test.ts checks that the
// two agree pair for pair.
//
// Prefix filtering: two sets with Dice ≥ t have Jaccard ≥ J = t / (2 − t), so they share at least
// ⌈J·|X|⌉ elements of X (and ⌈J·|Y|⌉ of Y); with every set's elements in one global order (rarest first),
// two such sets share an element within the first |X| − ⌈J·|X|⌉ + 1 elements of X and the first
// |Y| − ⌈J·|Y|⌉ + 1 of Y. Only those prefixes are indexed and probed, so common words and trigrams do
// not make candidates on their own.

import { compare, sentenceMatch, sentencesOf, type Checks, type Comparable, type SentenceView, type Verdict } from "../src/copies/compare.js";
import { SENTENCE_MIN_ANCHORS, SENTENCE_MIN_SIMILARITY, SKELETON_MIN_UNANCHORED } from "../src/copies/options.js";

export interface CopyPair {
  /** The earlier document (its index in the input). */
  a: number;
  b: number;
  verdict: Verdict;
}

export interface AllPairs {
  /** Every pair compare(docs[b], docs[a]) calls a copy, a < b, sorted. */
  pairs: CopyPair[];
  /** Document pairs compare() was run on (those holding an aligned sentence pair or sharing a digest). */
  compared: number;
}

interface Sentence {
  doc: number;
  view: SentenceView;
}

/** Elements of all sets by rank, rarest first (ties by value): each set as sorted ranks. */
function rankElements(sets: Uint32Array[]): Int32Array[] {
  let total = 0;
  for (const set of sets) total += set.length;
  const all = new Float64Array(total);
  let n = 0;
  for (const set of sets) for (const e of set) all[n++] = e;
  all.sort();
  // (count, value) packed in one double (count · 2^32 + value, exact below 2^53), sorted: the global order.
  const packed: number[] = [];
  for (let i = 0; i < total; ) {
    let j = i;
    while (j < total && all[j] === all[i]) j++;
    packed.push((j - i) * 2 ** 32 + all[i]);
    i = j;
  }
  const order = Float64Array.from(packed).sort();
  const rank = new Map<number, number>();
  order.forEach((p, r) => rank.set(p % 2 ** 32, r));
  return sets.map((set) => Int32Array.from(set, (e) => rank.get(e)!).sort());
}

/**
 * Whether sorted sets x and y, first meeting at x[k] = y[p] (nothing rarer shared), share at least `need`
 * elements; stops as soon as what is left of either cannot make up the difference.
 */
function reaches(x: Int32Array, k: number, y: Int32Array, p: number, need: number): boolean {
  let shared = 1;
  for (let i = k + 1, j = p + 1; i < x.length && j < y.length; ) {
    if (shared >= need) return true;
    if (shared + Math.min(x.length - i, y.length - j) < need) return false;
    if (x[i] < y[j]) i++;
    else if (x[i] > y[j]) j++;
    else (shared++, i++, j++);
  }
  return shared >= need;
}

/**
 * Calls `visit(s, t)` for every pair of sentences of different documents whose sets have Dice ≥ t. With `oneBare`, only pairs where at least one
 * sentence has no names or numbers.
 *
 * Sets are taken smallest first, so each is probed against smaller or equal ones only: a set Y of m
 * elements matching a larger X of n (Dice ≥ t) shares at least t(n + m)/2 ≥ t·m elements with it, so Y
 * need only be indexed under its first m − ⌈t·m⌉ + 1 elements; X probes with its first n − ⌈J·n⌉ + 1, as
 * it must share ⌈J·n⌉ of its own. Lists hold sets in size order, so those too small for the set probing
 * (m < J·n) are skipped for good from the head of each list. And where two sets first meet (X's k-th
 * element, Y's p-th), they can share at most 1 + min(n − k − 1, m − p − 1) elements: every element
 * rarer than that one is in the prefixes already probed. Each pair left is counted out (its own Dice ≥ t)
 * before `visit`.
 */
function join(sentences: Sentence[], setOf: (s: SentenceView) => Uint32Array, t: number, oneBare: boolean, visit: (s: Sentence, t: Sentence) => void): void {
  const jaccard = t / (2 - t);
  const items = sentences.filter(({ view }) => setOf(view).length > 0);
  items.sort((x, y) => setOf(x.view).length - setOf(y.view).length);
  const ranked = rankElements(items.map(({ view }) => setOf(view)));
  const size = Int32Array.from(ranked, (x) => x.length);
  // Prefix lengths: what a set of n elements must share at least (a hair under, to stay exact) sets them.
  const prefix = (n: number, share: number) => n - Math.max(1, Math.ceil(share * n - 1e-9)) + 1;
  let elements = 0;
  for (const x of ranked) for (const e of x) elements = Math.max(elements, e + 1);
  // Posting lists of indexed prefixes, as (set, position) pairs, per class: bare sentences, then
  // sentences with names or numbers.
  const lists: number[][] = Array.from({ length: 2 * elements }, () => []);
  const heads = new Int32Array(2 * elements);
  const bare = Uint8Array.from(items, ({ view }) => (view.anchors.length === 0 ? 0 : 1));
  const seen = new Int32Array(items.length).fill(-1);
  for (let i = 0; i < items.length; i++) {
    const x = ranked[i];
    const n = x.length;
    const doc = items[i].doc;
    const classes = oneBare && bare[i] === 1 ? 1 : 2;
    for (let k = 0; k < prefix(n, jaccard); k++) {
      for (let c = 0; c < classes; c++) {
        const key = 2 * x[k] + c;
        const list = lists[key];
        let head = heads[key];
        while (head < list.length && size[list[head]] < jaccard * n - 1e-9) head += 2;
        heads[key] = head;
        for (let q = head; q < list.length; q += 2) {
          const j = list[q];
          if (seen[j] === i) continue;
          seen[j] = i;
          const m = size[j];
          const need = (t * (n + m)) / 2 - 1e-9;
          if (items[j].doc === doc || !reaches(x, k, ranked[j], list[q + 1], need)) continue;
          visit(items[i], items[j]);
        }
      }
    }
    for (let k = 0; k < prefix(n, t); k++) lists[2 * x[k] + bare[i]].push(i, k);
  }
}

/** Every copy pair among `docs` by compare() (the newer document first, as the index calls it). */
export function allCopyPairs(docs: Comparable[], checks: Checks): AllPairs {
  const sentences: Sentence[] = [];
  docs.forEach((doc, d) => {
    for (const view of sentencesOf(doc)) if (view) sentences.push({ doc: d, view });
  });
  const n = docs.length;
  const candidates = new Set<number>();
  const pair = (a: number, b: number) => candidates.add(Math.min(a, b) * n + Math.max(a, b));
  const visit = (s: Sentence, t: Sentence) => {
    if (!candidates.has(Math.min(s.doc, t.doc) * n + Math.max(s.doc, t.doc)) && sentenceMatch(s.view, t.view)) pair(s.doc, t.doc);
  };
  // Both with names or numbers: those must agree. One side without: words or a close skeleton.
  join(sentences, (v) => v.anchors, SENTENCE_MIN_ANCHORS, false, visit);
  join(sentences, (v) => v.words, SENTENCE_MIN_SIMILARITY, true, visit);
  join(sentences, (v) => v.grams, Math.max(SENTENCE_MIN_SIMILARITY, SKELETON_MIN_UNANCHORED), true, visit);
  // Exact copies: the same digest, whatever their sentences.
  const byDigest = new Map<number, number[]>();
  docs.forEach((doc, d) => (byDigest.get(doc.profile.digest) ?? byDigest.set(doc.profile.digest, []).get(doc.profile.digest)!).push(d));
  for (const group of byDigest.values()) for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) pair(group[i], group[j]);
  const pairs: CopyPair[] = [];
  for (const key of [...candidates].sort((x, y) => x - y)) {
    const a = Math.floor(key / n);
    const b = key % n;
    const verdict = compare(docs[b], docs[a], checks);
    if (verdict) pairs.push({ a, b, verdict });
  }
  return { pairs, compared: candidates.size };
}
