// The incremental copy index: articles go in one at a time and come back with their matches among the
// articles already in. Candidates come from an inverted index over sampled shingles (no pair is compared
// unless it shares keys), then each candidate is verified exactly. A plain value (typed arrays, a Map,
// objects; structuredClone-able): profiles of about 2 bytes per word, a digest map and posting lists
// of a few dozen keys per article; no texts.

import type { Article, CopyKind } from "../model/index.js";
import { compare, type Checks, type Comparable } from "./compare.js";
import {
  MAX_CANDIDATES,
  MAX_POSTING,
  MIN_COPY_WORDS,
  MIN_SHARED_SKELETON_KEYS,
  MIN_SHARED_WORD_KEYS,
  MIN_SKELETON_KEY_SHARE,
  MIN_WORD_KEY_SHARE,
} from "./options.js";
import { FEW_KEYS } from "./index-options.js";
import { addSlot, createPostings, forEachSlot, type Postings } from "./postings.js";
import { profileArticle, type CopyProfile } from "./profile.js";
import { indexKeys, wordShingles } from "./shingles.js";

/** A profile as indexed, with how many keys of each view it holds (to judge shared-key counts). */
export interface IndexedProfile extends CopyProfile {
  wordKeys: number;
  skeletonKeys: number;
}

export interface CopyIndex {
  /**
   * Indexed articles' profiles, by slot (insertion order). A partial index (loaded by a store for one
   * batch) holds only the slots its posting lists name, sparse, and their codes only where verified.
   */
  profiles: IndexedProfile[];
  /** Normalised-text digest → first slot with that text (a partial index: the digests looked up). */
  byDigest: Map<number, number>;
  /** Key → slots of the articles holding it (at most MAX_POSTING per key; a partial index: whole lists of some keys). */
  postings: Postings;
}

/** A copy relation between a new article and an indexed one. */
export interface CopyMatch {
  /** The indexed article's id. */
  article: string;
  /** Its slot in the index. */
  slot: number;
  kind: CopyKind;
  similarity: number;
}

export function createCopyIndex(): CopyIndex {
  return { profiles: [], byDigest: new Map(), postings: createPostings() };
}

/**
 * Word and skeleton keys share one table: the low bit says which view a key is from. Sampled hashes
 * have their low bits zero (rates ≥ 8), so dropping three bits loses nothing and keeps keys in 31 bits.
 */
function wordKey(hash: number): number {
  return (hash >>> 3) << 1;
}

function skeletonKey(hash: number): number {
  return ((hash >>> 3) << 1) | 1;
}

/** True when `shared` keys are enough, in number and as a share of the smaller of two key sets. */
function enough(shared: number, min: number, share: number, keysA: number, keysB: number): boolean {
  const fewer = Math.min(keysA, keysB);
  if (fewer < FEW_KEYS) return shared >= 1;
  return shared >= min && shared >= fewer * share;
}

export interface Candidate extends Checks {
  slot: number;
  total: number;
}

/** Candidates with enough shared keys, most shared first (ties: earlier slot), at most MAX_CANDIDATES. */
function candidates(index: CopyIndex, self: IndexedProfile, counts: Map<number, number>): Candidate[] {
  const out: Candidate[] = [];
  for (const [slot, packed] of counts) {
    const other = index.profiles[slot];
    const shared = packed & 0xffff;
    const sharedSkeleton = packed >>> 16;
    const words = enough(shared, MIN_SHARED_WORD_KEYS, MIN_WORD_KEY_SHARE, self.wordKeys, other.wordKeys);
    const spin = enough(sharedSkeleton, MIN_SHARED_SKELETON_KEYS, MIN_SKELETON_KEY_SHARE, self.skeletonKeys, other.skeletonKeys);
    if (words || spin) out.push({ slot, words, spin, total: shared + sharedSkeleton });
  }
  out.sort((x, y) => y.total - x.total || x.slot - y.slot);
  return out.slice(0, MAX_CANDIDATES);
}

/**
 * An article as the index sees it, computed without the index (the per-article work a corpus stores once):
 * its profile and its index keys (word keys even, skeleton keys odd). A text too short to be a copy has none.
 */
export interface CopySignature {
  profile: IndexedProfile;
  keys: number[];
  /** The word shingles, when just computed (verification recomputes them when absent). */
  shingles?: Uint32Array;
}

export function copySignature(article: Article): CopySignature {
  const plain = profileArticle(article);
  if (plain.codes.length < MIN_COPY_WORDS) return { profile: { ...plain, wordKeys: 0, skeletonKeys: 0 }, keys: [] };
  const shingles = wordShingles(plain.codes);
  const keys = indexKeys(plain, shingles);
  return {
    profile: { ...plain, wordKeys: keys.word.length, skeletonKeys: keys.skeleton.length },
    keys: [...keys.word.map(wordKey), ...keys.skeleton.map(skeletonKey)],
    shingles,
  };
}

/** Whether an index key is from the skeleton view (else the word view). */
export function isSkeletonKey(key: number): boolean {
  return (key & 1) === 1;
}

/** What the index holds on a new article before verification: its exact twin, or candidates to verify. */
export interface CopyLookup {
  twin: number | null;
  candidates: Candidate[];
}

/**
 * Step 1 of adding an article: the exact twin or the candidates, read from the posting lists and the key
 * counts of the profiles they name (codes are not read). A partial index (a corpus store loads only the
 * posting lists of the article's keys, the twin's digest and the profiles named) gives the same answer.
 */
export function lookupCopies(index: CopyIndex, sig: CopySignature): CopyLookup {
  if (sig.profile.codes.length < MIN_COPY_WORDS) return { twin: null, candidates: [] };
  const twin = index.byDigest.get(sig.profile.digest);
  if (twin !== undefined) return { twin, candidates: [] };
  const counts = new Map<number, number>();
  for (const key of sig.keys) {
    const packed = isSkeletonKey(key) ? 1 << 16 : 1;
    forEachSlot(index.postings, key, (slot) => counts.set(slot, (counts.get(slot) ?? 0) + packed));
  }
  return { twin: null, candidates: candidates(index, sig.profile, counts) };
}

/**
 * Where verification may keep the candidates it compared, by slot, with the sentence views it computed
 * (a store's ingest keeps the recent ones between batches: a family's first members are everyone's
 * candidates). A view is used while its profile is the one the index holds for the slot.
 */
export interface ComparableCache {
  get(slot: number): CandidateView | undefined;
  set(slot: number, view: CandidateView): unknown;
}

/** An indexed article as verification compares it. */
export interface CandidateView extends Comparable {
  profile: IndexedProfile;
}

/** Step 2: verifies the candidates exactly; needs the candidates' full profiles (codes) in the index. */
export function verifyCopies(index: CopyIndex, sig: CopySignature, lookup: CopyLookup, comparables?: ComparableCache): CopyMatch[] {
  if (lookup.twin !== null) return [{ article: index.profiles[lookup.twin].id, slot: lookup.twin, kind: "exact", similarity: 1 }];
  const self: Comparable = { profile: sig.profile, shingles: sig.shingles };
  const matches: CopyMatch[] = [];
  for (const c of lookup.candidates) {
    const other = index.profiles[c.slot];
    let view = comparables?.get(c.slot);
    if (!view || view.profile !== other) {
      view = { profile: other };
      comparables?.set(c.slot, view);
    }
    const verdict = compare(self, view, c);
    if (verdict) matches.push({ article: other.id, slot: c.slot, ...verdict });
  }
  return matches.sort((x, y) => x.slot - y.slot);
}

/**
 * Step 3: indexes the article at `slot` (after every slot already indexed). Returns the keys it was
 * posted under (a key whose list is full, MAX_POSTING, does not take it), which is what a store saves.
 */
export function indexCopySignature(index: CopyIndex, sig: CopySignature, slot: number, lookup: CopyLookup): number[] {
  if (lookup.twin !== null || sig.keys.length === 0) {
    // Too short to call a copy, or an exact reprint (its twin holds the keys): indexed for its slot only.
    const codes = lookup.twin !== null ? index.profiles[lookup.twin]?.codes ?? sig.profile.codes : sig.profile.codes;
    index.profiles[slot] = { ...sig.profile, codes, wordKeys: 0, skeletonKeys: 0 };
    return [];
  }
  index.profiles[slot] = sig.profile;
  index.byDigest.set(sig.profile.digest, slot);
  const posted: number[] = [];
  for (const k of sig.keys) if (addSlot(index.postings, k, slot, MAX_POSTING)) posted.push(k);
  return posted;
}

/** Indexes `article` and returns its copy relations to the articles indexed before it, by slot. */
export function addToCopyIndex(index: CopyIndex, article: Article): CopyMatch[] {
  const sig = copySignature(article);
  const lookup = lookupCopies(index, sig);
  const matches = verifyCopies(index, sig, lookup);
  indexCopySignature(index, sig, index.profiles.length, lookup);
  return matches;
}
