// The two views of a profile. Word shingles see reprints, edits and excerpts. The skeleton (stopwords,
// names and numbers kept, each run of other words reduced to one placeholder) sees through spinning:
// a spinner swaps content words for synonyms but keeps the names, the numbers, most function words and
// the sentence order, and an independent writer does not reproduce those in the same pattern.

import {
  MAX_ANCHORS,
  MIN_SENTENCE_SKELETON,
  QUOTED_SENTENCE,
  SENTENCE_GRAM,
  SKELETON_KEY_RATE,
  SKELETON_SHINGLE,
  WORD_KEY_RATE,
  WORD_SHINGLE,
} from "./options.js";
import { HASH_MASK, QUOTED, TokenClass, isAnchor, tokenClass, type CopyProfile } from "./profile.js";

/** Stands for a run of content words in the skeleton (no real token has class Content with hash 0). */
const PLACEHOLDER = TokenClass.Content << 14;

/** Murmur3's finaliser: spreads a combined hash so that `hash % rate` samples evenly. */
function avalanche(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function gramHash(values: ArrayLike<number>, start: number, n: number, mask: number): number {
  let h = 0x811c9dc5;
  for (let k = start; k < start + n; k++) h = Math.imul(h ^ (values[k] & mask), 0x01000193);
  return avalanche(h);
}

/** The distinct shingles, sorted, without QUOTED_SHINGLE. */
export function sortedUnique(values: Uint32Array): Uint32Array {
  const sorted = values.slice().sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (sorted[i] !== QUOTED_SHINGLE && (n === 0 || sorted[i] !== sorted[n - 1])) sorted[n++] = sorted[i];
  }
  return sorted.subarray(0, n);
}

/** Size of the intersection of two sorted, duplicate-free arrays. */
export function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] < b[j]) i++;
    else if (a[i] > b[j]) j++;
    else (n++, i++, j++);
  }
  return n;
}

/** Stands in the shingle sequence for a shingle that is mostly quotation. */
export const QUOTED_SHINGLE = 0;

/**
 * Word shingles in text order (shingle i starts at token i); a text shorter than one shingle is one
 * shingle. Shingles mostly inside quotation marks are QUOTED_SHINGLE: outlets share quotes without
 * copying each other, so quotes never count as shared text.
 */
export function wordShingles(codes: Uint16Array): Uint32Array {
  if (codes.length === 0) return new Uint32Array(0);
  const n = Math.min(WORD_SHINGLE, codes.length);
  const out = new Uint32Array(codes.length - n + 1);
  let quoted = 0;
  for (let k = 0; k < n - 1; k++) if (codes[k] & QUOTED) quoted++;
  for (let i = 0; i < out.length; i++) {
    if (codes[i + n - 1] & QUOTED) quoted++;
    out[i] = quoted * 2 > n ? QUOTED_SHINGLE : gramHash(codes, i, n, HASH_MASK) || 1;
    if (codes[i] & QUOTED) quoted--;
  }
  return out;
}

interface Skeleton {
  tokens: Uint16Array;
  /** Skeleton index where each sentence ends (exclusive), parallel to CopyProfile.sentenceEnds. */
  ends: Uint16Array;
}

export function skeletonOf(profile: CopyProfile): Skeleton {
  const { codes, sentenceEnds } = profile;
  const tokens = new Uint16Array(codes.length);
  const ends = new Uint16Array(sentenceEnds.length);
  let n = 0;
  let start = 0;
  for (let s = 0; s < sentenceEnds.length; s++) {
    for (let i = start; i < sentenceEnds[s]; i++) {
      const code = tokenClass(codes[i]) === TokenClass.Content ? PLACEHOLDER : codes[i] & ~QUOTED;
      // Collapse content runs: spinners often turn one word into two ("help" → "lend a hand").
      if (code === PLACEHOLDER && n > start && tokens[n - 1] === PLACEHOLDER) continue;
      tokens[n++] = code;
    }
    ends[s] = n;
    start = sentenceEnds[s];
  }
  return { tokens: tokens.subarray(0, n), ends };
}

/** Keys under which an article is indexed and looked up: sampled word shingles and anchored skeleton shingles. */
export interface IndexKeys {
  word: number[];
  skeleton: number[];
}

export function indexKeys(profile: CopyProfile, shingles: Uint32Array): IndexKeys {
  const word: number[] = [];
  for (const h of shingles) if (h !== QUOTED_SHINGLE && h % WORD_KEY_RATE === 0) word.push(h);
  const skeleton: number[] = [];
  const { tokens } = skeletonOf(profile);
  for (let i = 0; i + SKELETON_SHINGLE <= tokens.length; i++) {
    // Pure function-word patterns ("* of the * in the") occur in every article: only anchored ones are keys.
    let anchored = false;
    for (let k = i; k < i + SKELETON_SHINGLE && !anchored; k++) anchored = isAnchor(tokens[k]);
    if (!anchored) continue;
    const h = gramHash(tokens, i, SKELETON_SHINGLE, 0xffff);
    if (h % SKELETON_KEY_RATE === 0) skeleton.push(h);
  }
  return { word: [...new Set(word)], skeleton: [...new Set(skeleton)] };
}

/** True when most words of tokens [start, end) are inside quotation marks. */
export function mostlyQuoted(codes: Uint16Array, start: number, end: number): boolean {
  let quoted = 0;
  for (let i = start; i < end; i++) if (codes[i] & QUOTED) quoted++;
  return quoted > (end - start) * QUOTED_SENTENCE;
}

/**
 * Per sentence, the set of skeleton n-grams, or null for a sentence that cannot prove a copy: too short
 * (its pattern matches anything) or mostly quotation (independent reports share quotes).
 */
export function sentenceGrams(profile: CopyProfile): (Uint32Array | null)[] {
  const { tokens, ends } = skeletonOf(profile);
  const out: (Uint32Array | null)[] = [];
  let start = 0;
  let tokenStart = 0;
  for (let s = 0; s < ends.length; s++) {
    const end = ends[s];
    const tokenEnd = profile.sentenceEnds[s];
    if (end - start < MIN_SENTENCE_SKELETON || mostlyQuoted(profile.codes, tokenStart, tokenEnd)) out.push(null);
    else {
      const grams = new Uint32Array(end - start - SENTENCE_GRAM + 1);
      for (let i = 0; i < grams.length; i++) grams[i] = gramHash(tokens, start + i, SENTENCE_GRAM, 0xffff);
      out.push(sortedUnique(grams));
    }
    start = end;
    tokenStart = tokenEnd;
  }
  return out;
}

/** The first MAX_ANCHORS names and numbers, in text order. */
export function anchorSequence(codes: Uint16Array): Uint16Array {
  const out: number[] = [];
  for (let i = 0; i < codes.length && out.length < MAX_ANCHORS; i++) if (isAnchor(codes[i])) out.push(codes[i] & ~QUOTED);
  return Uint16Array.from(out);
}
