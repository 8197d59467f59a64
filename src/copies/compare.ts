// Verifies one candidate pair: exact, near, partial, spun, or not a copy, with the evidence.
// Both texts' sentences are aligned in order (the chain of sentence pairs that are similar by their
// words or by their skeleton: function words, names and numbers in place, content words as slots), and
// each aligned pair is verbatim, edited (most words kept) or reworded (only the skeleton kept). The kind
// then says how the copy was made, whatever tool made it:
//   near     both texts almost wholly aligned, of like length, and almost all of it verbatim (a headline,
//            a figure, a sentence in or out);
//   spun     a good share of the aligned sentences edited or reworded, names and numbers kept in order;
//            cut short or not;
//   partial  verbatim or lightly edited sentences making up a good part of one text's words (a roundup,
//            a cut, added paragraphs).
// Nothing here knows a synonym list: a spinner shows as edits spread across the sentences.

import type { CopyKind, SpanMatch } from "../model/index.js";
import {
  EDITED_MIN_WORDS,
  MIN_ANCHORS_TO_JUDGE,
  MIN_ANCHOR_ORDER,
  MIN_EVIDENCE_WORDS,
  NEAR_MAX_CHANGED,
  NEAR_MAX_CHANGED_SHARE,
  NEAR_MAX_UNALIGNED,
  NEAR_MAX_UNALIGNED_SHARE,
  NEAR_MIN_LENGTH_RATIO,
  PARTIAL_MIN_ANCHORS,
  PARTIAL_MIN_COVER,
  PARTIAL_MIN_SENTENCES,
  SENTENCE_MIN_ANCHORS,
  SENTENCE_MIN_SIMILARITY,
  SKELETON_MIN_UNANCHORED,
  SPUN_MIN_CHANGED_SHARE,
  SPUN_MIN_COVER,
  SPUN_MIN_SENTENCES_CHANGED,
  EDITOR_MIN_ADDED,
  EDITOR_MIN_ADDED_SHARE,
} from "./options.js";
import { HASH_MASK, QUOTED, TokenClass, isAnchor, tokenClass, type CopyProfile } from "./profile.js";
import { anchorSequence, intersectionSize, mostlyQuoted, sentenceGrams, sortedUnique } from "./shingles.js";

/** One sentence as alignment sees it, or null when it cannot show copying (too short, mostly quotation). */
export interface SentenceView {
  /** Hash of all its words: equal hashes are the same sentence. */
  hash: number;
  /** Its content words, names and numbers (codes), distinct and sorted. */
  words: Uint32Array;
  /** Its skeleton trigrams, distinct and sorted. */
  grams: Uint32Array;
  /** Its names and numbers, distinct and sorted. */
  anchors: Uint32Array;
}

/** A profile with its views, each computed the first time a comparison needs it. */
export interface Comparable {
  profile: CopyProfile;
  /** Word shingles, when the caller has them (unused here; kept so the index can pass what it computed). */
  shingles?: Uint32Array;
  sentences?: (SentenceView | null)[];
  anchors?: Uint16Array;
}

export interface Verdict {
  kind: CopyKind;
  similarity: number;
}

/** A verdict with the aligned sentence pairs: `a`, `b` are sentence indexes of the two compared texts. */
export interface Alignment extends Verdict {
  pairs: { a: number; b: number; match: SpanMatch }[];
}

/** The sentences of a text as alignment sees them (computed once per Comparable). */
export function sentencesOf(c: Comparable): (SentenceView | null)[] {
  if (c.sentences) return c.sentences;
  const { codes, sentenceEnds } = c.profile;
  const grams = sentenceGrams(c.profile);
  const out: (SentenceView | null)[] = [];
  let start = 0;
  sentenceEnds.forEach((end, s) => {
    if (!grams[s] || end - start < MIN_EVIDENCE_WORDS || mostlyQuoted(codes, start, end)) out.push(null);
    else {
      let hash = 0x811c9dc5;
      const words: number[] = [];
      const anchors: number[] = [];
      for (let i = start; i < end; i++) {
        // Words by their hash alone: whether a capitalised word reads as a name depends on the rest of its
        // article, and a copy of part of an article may see it otherwise.
        const word = codes[i] & HASH_MASK;
        hash = Math.imul(hash ^ word, 0x01000193);
        if (tokenClass(codes[i]) !== TokenClass.Stop) words.push(word);
        if (isAnchor(codes[i])) anchors.push(codes[i] & ~QUOTED);
      }
      out.push({ hash, words: sortedUnique(Uint32Array.from(words)), grams: grams[s]!, anchors: sortedUnique(Uint32Array.from(anchors)) });
    }
    start = end;
  });
  return (c.sentences = out);
}

function dice(x: Uint32Array, y: Uint32Array): number {
  return x.length + y.length ? (2 * intersectionSize(x, y)) / (x.length + y.length) : 0;
}

interface Pair {
  a: number;
  b: number;
  match: SpanMatch;
  weight: number;
}

/**
 * Whether two sentences align, how (verbatim, edited, reworded) and how closely; null when they do not.
 * Two sentences that both hold names or numbers must share half of them (a template line about other
 * people does not align), and then align on Dice ≥ SENTENCE_MIN_SIMILARITY of their content words, names
 * and numbers or of their skeleton trigrams; without names or numbers on both sides, a skeleton (common
 * to many sentences) must match closer, SKELETON_MIN_UNANCHORED.
 */
export function sentenceMatch(s: SentenceView, t: SentenceView): { match: SpanMatch; weight: number } | null {
  const anchored = s.anchors.length > 0 && t.anchors.length > 0;
  if (anchored && dice(s.anchors, t.anchors) < SENTENCE_MIN_ANCHORS) return null;
  const words = dice(s.words, t.words);
  const skeleton = dice(s.grams, t.grams);
  const grams = anchored || skeleton >= SKELETON_MIN_UNANCHORED ? skeleton : 0;
  const weight = Math.max(words, grams);
  if (weight < SENTENCE_MIN_SIMILARITY) return null;
  return { match: s.hash === t.hash ? "verbatim" : words >= EDITED_MIN_WORDS ? "edited" : "reworded", weight };
}

/**
 * Sentence pairs that align (sentenceMatch); candidates found through shared words and trigrams. Words
 * and trigrams are distinct within a sentence, so counting the keys a pair shares gives both Dice values
 * exactly: a pair whose better one is below SENTENCE_MIN_SIMILARITY cannot align and is not looked at.
 */
function similarPairs(a: (SentenceView | null)[], b: (SentenceView | null)[]): Pair[] {
  const where = new Map<number, number[]>();
  const post = (key: number, j: number) => {
    const list = where.get(key);
    if (!list) where.set(key, [j]);
    else if (list.at(-1) !== j) list.push(j);
  };
  b.forEach((s, j) => {
    if (!s) return;
    for (const w of s.words) post(w, j);
    // Trigrams live in another key space than word codes (16-bit): shift them out of its way.
    for (const g of s.grams) post(g * 2 + 0x20000, j);
  });
  const sharedWords = new Uint16Array(b.length);
  const sharedGrams = new Uint16Array(b.length);
  const met: number[] = [];
  const pairs: Pair[] = [];
  a.forEach((s, i) => {
    if (!s) return;
    met.length = 0;
    for (const w of s.words) {
      for (const j of where.get(w) ?? []) if (sharedWords[j]++ === 0) met.push(j);
    }
    for (const g of s.grams) {
      for (const j of where.get(g * 2 + 0x20000) ?? []) if (sharedGrams[j]++ === 0 && sharedWords[j] === 0) met.push(j);
    }
    for (const j of met) {
      const t = b[j]!;
      const words = (2 * sharedWords[j]) / (s.words.length + t.words.length);
      const grams = (2 * sharedGrams[j]) / (s.grams.length + t.grams.length);
      sharedWords[j] = sharedGrams[j] = 0;
      if (Math.max(words, grams) < SENTENCE_MIN_SIMILARITY) continue;
      const found = sentenceMatch(s, t);
      if (found) pairs.push({ a: i, b: j, ...found });
    }
  });
  return pairs.sort((x, y) => x.a - y.a || x.b - y.b);
}

/**
 * The heaviest chain of pairs in text order on both sides (each index non-decreasing, so a sentence
 * merged or split by the copier can pair with two of the other side): a Fenwick tree of best chain
 * weight by `b`, pairs taken in (a, b) order.
 */
function chain(pairs: Pair[], sizeB: number): Pair[] {
  const best = new Float64Array(sizeB + 1);
  const at = new Int32Array(sizeB + 1).fill(-1);
  const score = new Float64Array(pairs.length);
  const back = new Int32Array(pairs.length);
  pairs.forEach((p, k) => {
    let bestScore = 0;
    let from = -1;
    for (let j = p.b + 1; j > 0; j -= j & -j) if (best[j] > bestScore) (bestScore = best[j]), (from = at[j]);
    score[k] = bestScore + p.weight;
    back[k] = from;
    for (let j = p.b + 1; j <= sizeB; j += j & -j) if (score[k] > best[j]) (best[j] = score[k]), (at[j] = k);
  });
  let k = -1;
  score.forEach((s, i) => {
    if (k < 0 || s > score[k]) k = i;
  });
  const out: Pair[] = [];
  for (; k >= 0; k = back[k]) out.push(pairs[k]);
  return out.reverse();
}

/**
 * Whether the names and numbers of the shorter text recur in the same order in the longer (LCS share
 * at least MIN_ANCHOR_ORDER). Texts with too few anchors to judge agree by default.
 */
function anchorsAgree(a: Comparable, b: Comparable): boolean {
  const anchorsA = (a.anchors ??= anchorSequence(a.profile.codes));
  const anchorsB = (b.anchors ??= anchorSequence(b.profile.codes));
  const [short, long] = anchorsA.length <= anchorsB.length ? [anchorsA, anchorsB] : [anchorsB, anchorsA];
  if (short.length < MIN_ANCHORS_TO_JUDGE) return true;
  let prev = new Uint16Array(long.length + 1);
  let row = new Uint16Array(long.length + 1);
  for (let i = 1; i <= short.length; i++) {
    for (let j = 1; j <= long.length; j++) {
      row[j] = short[i - 1] === long[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], row[j - 1]);
    }
    [prev, row] = [row, prev];
  }
  return prev[long.length] >= short.length * MIN_ANCHOR_ORDER;
}

const distinct = (values: number[]) => new Set(values).size;

/** Share of a profile's words in the given sentences. */
function wordShare(profile: CopyProfile, sentences: number[]): number {
  const { sentenceEnds, codes } = profile;
  let words = 0;
  for (const s of new Set(sentences)) words += sentenceEnds[s] - (s > 0 ? sentenceEnds[s - 1] : 0);
  return codes.length ? words / codes.length : 0;
}

/** Token range [start, end) of sentences [from, to] of a profile. */
function tokenSpan(profile: CopyProfile, from: number, to: number): [number, number] {
  return [from > 0 ? profile.sentenceEnds[from - 1] : 0, profile.sentenceEnds[to]];
}

/** Longest blocks compared word by word (a merged run of sentences); longer ones are left out. */
const MAX_BLOCK_TOKENS = 400;

/**
 * What the changes between two aligned texts are: content words swapped for others where the other
 * text has something else in their place (a spinner's substitutions, whatever its word list), or added
 * and cut with nothing in their place (an editor's clauses, cuts and additions). Moved words (found
 * anywhere in the other text) and function words count as neither. Changed pairs are
 * grouped into blocks of sentences the chain ties together (a sentence merged or split), and each block
 * is diffed word by word (longest common subsequence). Returns [swapped, added or cut].
 */
function changeProfile(a: Comparable, b: Comparable, pairs: Pair[]): [number, number] {
  let swapped = 0;
  let added = 0;
  const codesA = a.profile.codes;
  const codesB = b.profile.codes;
  const word = (codes: Uint16Array, k: number) => codes[k] & HASH_MASK;
  // Words each text holds anywhere: a word "added" that the other text has elsewhere was moved (a
  // sentence merged, a clause brought forward), not written anew.
  const inA = new Set<number>();
  const inB = new Set<number>();
  for (let k = 0; k < codesA.length; k++) inA.add(word(codesA, k));
  for (let k = 0; k < codesB.length; k++) inB.add(word(codesB, k));
  for (let i = 0; i < pairs.length; ) {
    let j = i + 1;
    while (j < pairs.length && (pairs[j].a === pairs[j - 1].a || pairs[j].b === pairs[j - 1].b)) j++;
    const block = pairs.slice(i, j);
    i = j;
    if (block.every((p) => p.match === "verbatim")) continue;
    const [startA, endA] = tokenSpan(a.profile, block[0].a, block.at(-1)!.a);
    const [startB, endB] = tokenSpan(b.profile, Math.min(...block.map((p) => p.b)), Math.max(...block.map((p) => p.b)));
    const n = endA - startA;
    const m = endB - startB;
    if (n === 0 || m === 0 || n > MAX_BLOCK_TOKENS || m > MAX_BLOCK_TOKENS) continue;
    // LCS table over the block's words, then walked back into gaps between common words.
    const lcs = new Uint16Array((n + 1) * (m + 1));
    for (let x = n - 1; x >= 0; x--) {
      for (let y = m - 1; y >= 0; y--) {
        lcs[x * (m + 1) + y] =
          word(codesA, startA + x) === word(codesB, startB + y) ? lcs[(x + 1) * (m + 1) + y + 1] + 1 : Math.max(lcs[(x + 1) * (m + 1) + y], lcs[x * (m + 1) + y + 1]);
      }
    }
    // Per gap between common words: content words on each side, and those the other text lacks entirely.
    let gapA = 0;
    let gapB = 0;
    let newA = 0;
    let newB = 0;
    const close = () => {
      if (gapA > 0 && gapB > 0) swapped += Math.max(gapA, gapB);
      else added += newA + newB;
      gapA = gapB = newA = newB = 0;
    };
    const content = (codes: Uint16Array, k: number) => tokenClass(codes[k]) !== TokenClass.Stop;
    let x = 0;
    let y = 0;
    while (x < n || y < m) {
      if (x < n && y < m && word(codesA, startA + x) === word(codesB, startB + y)) {
        close();
        x++;
        y++;
      } else if (y >= m || (x < n && lcs[(x + 1) * (m + 1) + y] >= lcs[x * (m + 1) + y + 1])) {
        if (content(codesA, startA + x)) (gapA++, (newA += inB.has(word(codesA, startA + x)) ? 0 : 1));
        x++;
      } else {
        if (content(codesB, startB + y)) (gapB++, (newB += inA.has(word(codesB, startB + y)) ? 0 : 1));
        y++;
      }
    }
    close();
  }
  return [swapped, added];
}

/** The copy relation between two texts with its aligned sentences, or null. Exact copies have no pairs here. */
export function align(a: Comparable, b: Comparable): Alignment | null {
  const sa = sentencesOf(a);
  const sb = sentencesOf(b);
  const pairs = chain(similarPairs(sa, sb), sb.length);
  if (pairs.length === 0) return null;
  const eligibleA = sa.filter(Boolean).length;
  const eligibleB = sb.filter(Boolean).length;
  const coveredA = distinct(pairs.map((p) => p.a));
  const coveredB = distinct(pairs.map((p) => p.b));
  const high = Math.max(coveredA / eligibleA, coveredB / eligibleB);
  const changed = pairs.filter((p) => p.match !== "verbatim").length;
  const kept = pairs.filter((p) => p.match !== "reworded");
  const unaligned = Math.max(eligibleA - coveredA, eligibleB - coveredB);
  const similarity = (coveredA + coveredB) / (eligibleA + eligibleB);
  const out = (kind: CopyKind, sim: number): Alignment => ({ kind, similarity: sim, pairs: pairs.map(({ a, b, match }) => ({ a, b, match })) });
  // The same article: nearly every sentence of both aligned, and no much shorter text (a cut, whose few
  // sentences that can show copying may all align).
  const [shorter, longer] = [a.profile.codes.length, b.profile.codes.length].sort((x, y) => x - y);
  const sameArticle =
    unaligned <= Math.max(NEAR_MAX_UNALIGNED, Math.max(eligibleA, eligibleB) * NEAR_MAX_UNALIGNED_SHARE) && shorter >= longer * NEAR_MIN_LENGTH_RATIO;
  // Mostly changed sentences in order, names and numbers kept: spun, whole or cut short; unless the
  // changes are mostly words added and cut rather than swapped (a copy-edited version of the text).
  const spunShape = changed >= SPUN_MIN_SENTENCES_CHANGED && changed >= pairs.length * SPUN_MIN_CHANGED_SHARE && high >= SPUN_MIN_COVER;
  let edited: boolean | undefined;
  const editorial = () => {
    if (edited === undefined) {
      const [swapped, added] = changeProfile(a, b, pairs);
      edited = added >= EDITOR_MIN_ADDED && added > (swapped + added) * EDITOR_MIN_ADDED_SHARE;
    }
    return edited;
  };
  if (spunShape && anchorsAgree(a, b) && !editorial()) return out("spun", similarity);
  // The same article (nearly every sentence of both aligned) is near or spun, never partial.
  if (sameArticle && anchorsAgree(a, b)) {
    // Near copies are mostly verbatim: at most NEAR_MAX_CHANGED pairs changed (never more than half), or a small share.
    const nearChanged = Math.max(pairs.length * NEAR_MAX_CHANGED_SHARE, Math.min(NEAR_MAX_CHANGED, pairs.length / 2));
    if (changed <= nearChanged || editorial()) return out("near", similarity);
    if (changed >= SPUN_MIN_SENTENCES_CHANGED) return out("spun", similarity);
  }
  // Copied news names someone or something; template and boilerplate sentences do not.
  const anchors = kept.reduce((n, p) => n + intersectionSize(sa[p.a]!.anchors, sb[p.b]!.anchors), 0);
  // How much of a text the kept sentences make up, in words: quotations and short lines count in the
  // whole, so two shared wire lines in a story of its own are not a substantial part of it.
  const keptShare = Math.max(wordShare(a.profile, kept.map((p) => p.a)), wordShare(b.profile, kept.map((p) => p.b)));
  if (kept.length >= PARTIAL_MIN_SENTENCES && keptShare >= PARTIAL_MIN_COVER && anchors >= PARTIAL_MIN_ANCHORS) return out("partial", keptShare);
  return null;
}

/** Which views are worth checking for a pair (the index decides from the keys the pair shares). */
export interface Checks {
  words: boolean;
  spin: boolean;
}

/** The copy relation between two articles, or null. Alignment serves both views, so `checks` only gates. */
export function compare(a: Comparable, b: Comparable, checks: Checks): Verdict | null {
  if (a.profile.digest === b.profile.digest) return { kind: "exact", similarity: 1 };
  if (!checks.words && !checks.spin) return null;
  const found = align(a, b);
  return found && { kind: found.kind, similarity: Math.round(found.similarity * 1000) / 1000 };
}
