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
import { addSlot, createPostings, forEachSlot, type Postings } from "./postings.js";
import { profileArticle, type CopyProfile } from "./profile.js";
import { indexKeys, wordShingles } from "./shingles.js";

/** A profile as indexed, with how many keys of each view it holds (to judge shared-key counts). */
export interface IndexedProfile extends CopyProfile {
  wordKeys: number;
  skeletonKeys: number;
}

export interface CopyIndex {
  /** Indexed articles' profiles, by slot (insertion order). */
  profiles: IndexedProfile[];
  /** Normalised-text digest → first slot with that text. */
  byDigest: Map<number, number>;
  /** Key → slots of the articles holding it (at most MAX_POSTING per key). */
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

/** Shared-key counts per slot, packed: word keys in the low 16 bits, skeleton keys above. */
function countSharedKeys(index: CopyIndex, word: number[], skeleton: number[]): Map<number, number> {
  const counts = new Map<number, number>();
  const countWord = (slot: number) => counts.set(slot, (counts.get(slot) ?? 0) + 1);
  const countSkeleton = (slot: number) => counts.set(slot, (counts.get(slot) ?? 0) + (1 << 16));
  for (const k of word) forEachSlot(index.postings, wordKey(k), countWord);
  for (const k of skeleton) forEachSlot(index.postings, skeletonKey(k), countSkeleton);
  return counts;
}

/** True when `shared` keys are enough, in number and as a share of the smaller of two key sets. */
function enough(shared: number, min: number, share: number, keysA: number, keysB: number): boolean {
  return shared >= min && shared >= Math.min(keysA, keysB) * share;
}

interface Candidate extends Checks {
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

/** Indexes `article` and returns its copy relations to the articles indexed before it, by slot. */
export function addToCopyIndex(index: CopyIndex, article: Article): CopyMatch[] {
  const slot = index.profiles.length;
  const plain = profileArticle(article);
  if (plain.codes.length < MIN_COPY_WORDS) {
    // Too short to call a copy ("Photo: Reuters", an empty body): indexed for its slot only.
    index.profiles.push({ ...plain, wordKeys: 0, skeletonKeys: 0 });
    return [];
  }
  const twin = index.byDigest.get(plain.digest);
  if (twin !== undefined) {
    // An exact reprint: it matches its first twin, and adds no keys (the twin already holds them).
    const first = index.profiles[twin];
    index.profiles.push({ ...plain, codes: first.codes, wordKeys: 0, skeletonKeys: 0 });
    return [{ article: first.id, slot: twin, kind: "exact", similarity: 1 }];
  }
  const shingles = wordShingles(plain.codes);
  const keys = indexKeys(plain, shingles);
  const profile: IndexedProfile = { ...plain, wordKeys: keys.word.length, skeletonKeys: keys.skeleton.length };
  const self: Comparable = { profile, shingles };
  const matches: CopyMatch[] = [];
  for (const c of candidates(index, profile, countSharedKeys(index, keys.word, keys.skeleton))) {
    const other = index.profiles[c.slot];
    const verdict = compare(self, { profile: other }, c);
    if (verdict) matches.push({ article: other.id, slot: c.slot, ...verdict });
  }
  index.profiles.push(profile);
  index.byDigest.set(profile.digest, slot);
  for (const k of keys.word) addSlot(index.postings, wordKey(k), slot, MAX_POSTING);
  for (const k of keys.skeleton) addSlot(index.postings, skeletonKey(k), slot, MAX_POSTING);
  return matches.sort((x, y) => x.slot - y.slot);
}
