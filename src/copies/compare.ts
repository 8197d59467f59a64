// Verifies one candidate pair with exact measures: exact, near, partial, spun, or not a copy.

import type { CopyKind } from "../model/index.js";
import {
  COVERED_SENTENCE,
  NEAR_MIN_JACCARD,
  MIN_ANCHORS_TO_JUDGE,
  MIN_ANCHOR_ORDER,
  MIN_EVIDENCE_WORDS,
  PARTIAL_MIN_ANCHORS,
  PARTIAL_MIN_CONTAINMENT,
  PARTIAL_MIN_SHARE,
  PARTIAL_MIN_SENTENCES,
  SENTENCE_MIN_SIMILARITY,
  SPUN_MAX_VERBATIM,
  SPUN_MIN_ALIGNED,
  SPUN_MIN_SENTENCES,
  WORD_SHINGLE,
} from "./options.js";
import { isAnchor, type CopyProfile } from "./profile.js";
import { anchorSequence, intersectionSize, mostlyQuoted, sentenceGrams, sortedUnique, wordShingles } from "./shingles.js";

/** A profile with its views, each computed the first time a comparison needs it. */
export interface Comparable {
  profile: CopyProfile;
  shingles?: Uint32Array;
  shingleSet?: Uint32Array;
  grams?: (Uint32Array | null)[];
  anchors?: Uint16Array;
}

export interface Verdict {
  kind: CopyKind;
  similarity: number;
}

function shinglesOf(c: Comparable): Uint32Array {
  return (c.shingles ??= wordShingles(c.profile.codes));
}

function shingleSetOf(c: Comparable): Uint32Array {
  return (c.shingleSet ??= sortedUnique(shinglesOf(c)));
}

function has(sorted: Uint32Array, value: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] === value) return true;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/**
 * Sentences of `c` that can show copying (long enough, not mostly quotation), how many of them are at
 * least COVERED_SENTENCE covered by shingles found in `other`, and the shared names and numbers in them.
 */
function copiedSentences(c: Comparable, other: Uint32Array): { copied: number; counted: number; anchors: number } {
  const { codes, sentenceEnds } = c.profile;
  const covered = new Uint8Array(codes.length);
  const shingles = shinglesOf(c);
  const span = Math.min(WORD_SHINGLE, codes.length);
  for (let i = 0; i < shingles.length; i++) if (has(other, shingles[i])) covered.fill(1, i, i + span);
  let copied = 0;
  let counted = 0;
  let anchors = 0;
  let start = 0;
  for (const end of sentenceEnds) {
    if (end - start >= MIN_EVIDENCE_WORDS && !mostlyQuoted(codes, start, end)) {
      counted++;
      let hits = 0;
      for (let i = start; i < end; i++) hits += covered[i];
      if (hits >= (end - start) * COVERED_SENTENCE) {
        copied++;
        for (let i = start; i < end; i++) if (covered[i] && isAnchor(codes[i])) anchors++;
      }
    }
    start = end;
  }
  return { copied, counted, anchors };
}

/** What the word view found: near, partial (with its count of verbatim sentences), or nothing. */
interface WordEvidence extends Verdict {
  copied: number;
}

/** Word-view verdict: near (high Jaccard) or partial (a good part of the shorter text inside the longer). */
function compareWords(a: Comparable, b: Comparable): WordEvidence | null {
  const setA = shingleSetOf(a);
  const setB = shingleSetOf(b);
  const shared = intersectionSize(setA, setB);
  if (shared === 0) return null;
  const jaccard = shared / (setA.length + setB.length - shared);
  // Near copies keep the names and numbers; a template story about another event does not.
  if (jaccard >= NEAR_MIN_JACCARD) return anchorsAgree(a, b) ? { kind: "near", similarity: jaccard, copied: 0 } : null;
  const [small, large] = setA.length <= setB.length ? [a, setB] : [b, setA];
  const containment = shared / shingleSetOf(small).length;
  if (containment < PARTIAL_MIN_CONTAINMENT) return null;
  const { copied, counted, anchors } = copiedSentences(small, large);
  if (copied < PARTIAL_MIN_SENTENCES || copied < counted * PARTIAL_MIN_SHARE) return null;
  // Copied news names someone or something; template and boilerplate sentences do not.
  if (anchors < PARTIAL_MIN_ANCHORS) return null;
  // For a partial copy the telling number is how much of the shorter text the longer one holds.
  return { kind: "partial", similarity: containment, copied };
}

/**
 * Sentences of `a` matched, in order, to sentences of `b` with similar skeletons: the longest chain of
 * matching pairs with both indexes non-decreasing (a merged sentence may match two of the other side).
 */
function alignedSentences(a: (Uint32Array | null)[], b: (Uint32Array | null)[]): number {
  const where = new Map<number, number[]>();
  b.forEach((grams, j) => grams?.forEach((g) => (where.get(g) ?? where.set(g, []).get(g)!).push(j)));
  const counts = new Int32Array(b.length);
  const pairs: [number, number][] = [];
  a.forEach((grams, i) => {
    if (!grams) return;
    counts.fill(0);
    for (const g of grams) for (const j of where.get(g) ?? []) counts[j]++;
    // Within one sentence of `a`, later partners first, so the chain below uses each `a` sentence once.
    for (let j = b.length - 1; j >= 0; j--) {
      if (counts[j] > 0 && (2 * counts[j]) / (grams.length + b[j]!.length) >= SENTENCE_MIN_SIMILARITY) pairs.push([i, j]);
    }
  });
  // Longest non-decreasing subsequence of j (patience sorting).
  const tails: number[] = [];
  for (const [, j] of pairs) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (tails[mid] <= j) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = j;
  }
  return tails.length;
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

/** What the skeleton view found: a spun copy, with how many sentences it aligned. */
interface SpinEvidence extends Verdict {
  aligned: number;
}

/** Skeleton-view verdict: most sentences of the shorter text reworded in order, names and numbers kept. */
function compareSkeletons(a: Comparable, b: Comparable): SpinEvidence | null {
  const gramsA = (a.grams ??= sentenceGrams(a.profile));
  const gramsB = (b.grams ??= sentenceGrams(b.profile));
  const eligibleA = gramsA.filter(Boolean).length;
  const eligibleB = gramsB.filter(Boolean).length;
  const [first, second] = eligibleA <= eligibleB ? [gramsA, gramsB] : [gramsB, gramsA];
  const fewer = Math.min(eligibleA, eligibleB);
  if (fewer < SPUN_MIN_SENTENCES) return null;
  const aligned = alignedSentences(first, second);
  if (aligned < SPUN_MIN_SENTENCES || aligned < fewer * SPUN_MIN_ALIGNED) return null;
  if (!anchorsAgree(a, b)) return null;
  return { kind: "spun", similarity: (2 * aligned) / (eligibleA + eligibleB), aligned };
}

/** Which views are worth checking for a pair (the index decides from the keys the pair shares). */
export interface Checks {
  words: boolean;
  spin: boolean;
}

/**
 * The strongest copy relation between two articles, or null. A pair can look both partial (some
 * sentences verbatim) and spun (most sentences aligned): it is spun when most aligned sentences are
 * not verbatim, i.e. the rewording, not the copying, explains the match.
 */
export function compare(a: Comparable, b: Comparable, checks: Checks): Verdict | null {
  if (a.profile.digest === b.profile.digest) return { kind: "exact", similarity: 1 };
  const words = checks.words ? compareWords(a, b) : null;
  if (words?.kind === "near") return verdict(words);
  const spin = checks.spin ? compareSkeletons(a, b) : null;
  if (spin && (!words || words.copied < spin.aligned * SPUN_MAX_VERBATIM)) return verdict(spin);
  return words && verdict(words);
}

function verdict(v: Verdict): Verdict {
  return { kind: v.kind, similarity: v.similarity };
}
