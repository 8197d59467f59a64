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

/** Words a sentence needs to count as evidence of copying: "All rights reserved." proves nothing. */
export const MIN_EVIDENCE_WORDS = 8;

/** A sentence is "mostly quotation" above this share of quoted words; it never proves a copy. */
export const QUOTED_SENTENCE = 0.5;

/** Skeleton tokens a sentence needs to be compared at all (shorter ones match anything). */
export const MIN_SENTENCE_SKELETON = 5;

/**
 * Dice similarity, of their content words, names and numbers or of their skeleton trigrams, from which
 * two sentences are aligned as the same sentence.
 */
export const SENTENCE_MIN_SIMILARITY = 0.5;

/** Dice of their names and numbers two sentences that both have some need to be aligned. */
export const SENTENCE_MIN_ANCHORS = 0.5;

/** Dice of skeleton trigrams from which two sentences without names or numbers on both sides are aligned. */
export const SKELETON_MIN_UNANCHORED = 0.7;

/** Dice of content words, names and numbers from which an aligned, non-identical pair is "edited" (else "reworded"). */
export const EDITED_MIN_WORDS = 0.7;

/** Unaligned sentences either text may have and still be the same article (near): a sentence in or out… */
export const NEAR_MAX_UNALIGNED = 1;

/** …or this share of the longer text's sentences. */
export const NEAR_MAX_UNALIGNED_SHARE = 0.25;

/** Length (in words) of the shorter text, as a share of the longer, for the two to be the same article. */
export const NEAR_MIN_LENGTH_RATIO = 0.7;

/** Aligned pairs that are not verbatim a near copy may have (a new headline, a corrected figure)… */
export const NEAR_MAX_CHANGED = 2;

/** …or this share of the aligned pairs. */
export const NEAR_MAX_CHANGED_SHARE = 0.2;

/** Share of aligned pairs edited or reworded from which the copy is spun: spinners touch most sentences. */
export const SPUN_MIN_CHANGED_SHARE = 0.35;

/** Edited or reworded pairs a spun copy needs: one changed sentence is an edit, not a spin. */
export const SPUN_MIN_SENTENCES_CHANGED = 2;

/**
 * Share of the changed content words that are added or cut (nothing in their place) rather than swapped,
 * above which a text changed throughout is a copy-edited version (near or partial), not a spin: spinners
 * swap words one for one in place; editors add clauses and cut.
 */
export const EDITOR_MIN_ADDED_SHARE = 0.5;

/** Content words added or cut a copy-edited version needs: a spinner's stray word or two is no edit. */
export const EDITOR_MIN_ADDED = 5;

/** Share of one text's sentences a spun copy aligns (a spun copy cut short covers the copy, not the original). */
export const SPUN_MIN_COVER = 0.6;

/** Share of one text's words in sentences aligned and kept (verbatim or edited) for a partial copy. */
export const PARTIAL_MIN_COVER = 0.35;

/** Kept sentences a partial copy needs: one shared sentence is a coincidence or a stock line, not a copy. */
export const PARTIAL_MIN_SENTENCES = 2;

/** Names and numbers shared by the kept sentence pairs of a partial copy: template lines and boilerplate hold none. */
export const PARTIAL_MIN_ANCHORS = 3;

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
