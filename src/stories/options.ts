// Every threshold of the stories stage, in one place, with the reason for its default.

export interface StoryOptions {
  /** Terms kept per article vector: bounds the cost of every comparison, and the tail is noise anyway. */
  topTerms: number;
  /** Cosine to a story's centroid needed to join it; below it the article opens a new story. */
  joinThreshold: number;
  /** A title occurrence counts this many body occurrences: headlines name the matter. */
  titleWeight: number;
  /** Occurrences in the first `leadSentences` sentences count this much: the lead says who, what, where. */
  leadWeight: number;
  leadSentences: number;
  /** Weight multiplier for capitalised words seen mid-sentence (names, places, organisations). */
  nameBoost: number;
  /** Weight multiplier for numbers (death tolls, magnitudes, sums): they pin one matter down. */
  numberBoost: number;
  /** Only the start of long bodies is read: identity lives in the first paragraphs, and it bounds the cost. */
  maxBodyChars: number;
  /** Terms kept per story centroid (pruned back to this when it grows to twice as many). */
  centroidTerms: number;
  /**
   * Stories looked at per posting list (the most recent ones). Rare, identifying terms have short lists
   * and are read whole; only generic terms get cut, so the cost stays flat as the corpus grows.
   */
  postingScan: number;
  /**
   * Articles assumed to exist beyond the batch when computing IDF. A small batch about one matter has that
   * matter's words in nearly every article, and plain IDF would treat them as noise; a background of
   * imagined unrelated articles keeps them weighty, and fades as the batch grows.
   */
  idfPseudoDocs: number;
  /**
   * An article this close to a second story as well as to the one it joins shows the two are one matter
   * (reports that came apart because of the order they arrived in): they merge, and the merge is recorded.
   */
  mergeThreshold: number;
  /** The same for a story of a single article: a lone report opened before the reports that tie it in. */
  mergeLoneThreshold: number;
}

export const STORY_DEFAULTS: Readonly<StoryOptions> = {
  topTerms: 30,
  joinThreshold: 0.18,
  titleWeight: 3,
  leadWeight: 2,
  leadSentences: 3,
  nameBoost: 2,
  numberBoost: 1.5,
  maxBodyChars: 2000,
  centroidTerms: 120,
  postingScan: 32,
  idfPseudoDocs: 50,
  mergeThreshold: 0.4,
  mergeLoneThreshold: 0.22,
};

// The events step keeps its own thresholds beside it.
export { EVENT_DEFAULTS, type EventOptions } from "./event-options.js";
