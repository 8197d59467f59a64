// Every threshold of copy detection, in one place. Calibrated on hand-written fixtures, ECB+ `dev`
// (independent reports of the same event: the hard negatives) and synthetic reprints/spins.

/** Words per shingle in the word view. Five words rarely repeat by chance outside quotes and boilerplate. */
export const WORD_SHINGLE = 5;

/** Skeleton tokens per indexing key in the spin-robust view (content-word runs count as one token). */
export const SKELETON_SHINGLE = 6;

/** Skeleton tokens per n-gram when comparing two sentences. */
export const SENTENCE_GRAM = 3;

/**
 * One word shingle in WORD_KEY_RATE becomes an index key (chosen by hash, so two copies pick the same
 * ones). Sparser keys keep the index small; excerpts of ~60 words still get a few keys.
 */
export const WORD_KEY_RATE = 8;

/** Same for anchored skeleton shingles (those holding a name or a number). */
export const SKELETON_KEY_RATE = 8;

/**
 * A key shared by more articles than this is boilerplate (or a huge reprint family, whose early members
 * already represent it): later articles are no longer added to its posting list.
 */
export const MAX_POSTING = 16;

/** Shared word keys that make an indexed article a candidate. */
export const MIN_SHARED_WORD_KEYS = 2;

/** Shared skeleton keys that make an indexed article a candidate for the spin check. */
export const MIN_SHARED_SKELETON_KEYS = 2;

/**
 * Shared word keys must also be this share of the smaller article's word keys, or the word check is
 * skipped: a pair sharing one sentence (a quote, a boilerplate line) is never verified. Below the
 * partial containment, as sampled counts are noisy.
 */
export const MIN_WORD_KEY_SHARE = 0.2;

/** Same for skeleton keys and the spin check (spun pairs share half or more of them; others rarely a third). */
export const MIN_SKELETON_KEY_SHARE = 0.3;

/** Candidates verified per new article, most shared keys first. Bounds the cost on big families. */
export const MAX_CANDIDATES = 12;

/** Word-shingle Jaccard from which two texts are near copies (light edits, a paragraph in or out). */
export const NEAR_MIN_JACCARD = 0.5;

/**
 * Share of the shorter text's shingles found in the longer one for a partial copy. Low on purpose (a
 * reprinted half plus the copier's own long sentences); the sentence test below does the real work.
 * It keeps spun copies, whose surviving word runs cover some sentences, out of `partial`.
 */
export const PARTIAL_MIN_CONTAINMENT = 0.3;

/**
 * Share of the shorter text's sentences (long enough and not mostly quotation) found copied in the longer one
 * for a partial copy. Counted in sentences, not shingles, so one long sentence does not weigh more.
 */
export const PARTIAL_MIN_SHARE = 0.4;

/**
 * Copied sentences (COVERED_SENTENCE covered by shared shingles, long enough, not mostly quotation) a
 * partial copy needs: one shared sentence is a coincidence or a stock line, not a copy.
 */
export const PARTIAL_MIN_SENTENCES = 2;

/** Shared names and numbers in the copied sentences of a partial copy: template lines and boilerplate hold none. */
export const PARTIAL_MIN_ANCHORS = 3;

/** Coverage by shared shingles from which a sentence counts as copied. */
export const COVERED_SENTENCE = 0.7;

/** Words a sentence needs to count as evidence of copying: "All rights reserved." proves nothing. */
export const MIN_EVIDENCE_WORDS = 8;

/** A sentence is "mostly quotation" above this share of quoted words; it never proves a copy. */
export const QUOTED_SENTENCE = 0.5;

/** Skeleton tokens a sentence needs to be compared at all (shorter ones match anything). */
export const MIN_SENTENCE_SKELETON = 5;

/** Dice similarity of skeleton n-grams from which two sentences are the same sentence reworded. */
export const SENTENCE_MIN_SIMILARITY = 0.5;

/** Share of the shorter text's eligible sentences aligned, in order, for a spun copy. */
export const SPUN_MIN_ALIGNED = 0.6;

/**
 * A pair that is both partial and spun counts as spun when fewer than this share of its aligned
 * sentences are verbatim: an excerpt aligns too, but all of it verbatim.
 */
export const SPUN_MAX_VERBATIM = 0.6;

/** Aligned sentences needed for a spun copy, so that two short items never qualify by luck. */
export const SPUN_MIN_SENTENCES = 3;

/**
 * Share of the shorter text's names and numbers that must recur in the same order in the longer (LCS)
 * for a near or spun copy: reprints and spins keep them, template stories about other events do not.
 */
export const MIN_ANCHOR_ORDER = 0.6;

/** Names and numbers a text needs before their order is judged at all. */
export const MIN_ANCHORS_TO_JUDGE = 3;

/** Words an article needs to be a copy or to have one: shorter items are bylines and captions. */
export const MIN_COPY_WORDS = 12;

/** Tokens read per article: longer texts are cut, which bounds the cost per article (and fits 16 bits). */
export const MAX_TOKENS = 20000;

/** Names and numbers compared for order (the first ones): bounds the quadratic order check. */
export const MAX_ANCHORS = 300;
