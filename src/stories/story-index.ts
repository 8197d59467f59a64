// The incremental story index: single-pass clustering of article vectors against story centroids.
//
// Why this shape: news arrives one article at a time and a story is "whatever the new article is most
// like", so online clustering against centroids fits, and it needs no all-pairs work. Candidate stories
// come from an inverted index (term → stories whose centroid holds it), and the dot product is summed
// while reading the postings, so an article only ever meets stories it shares terms with. The state is a
// plain value (records and arrays) so a store can save and load it between runs.

import type { Article } from "../model/index.js";
import { STORY_DEFAULTS, type StoryOptions } from "./options.js";
import { articleTerms } from "./terms.js";
import { countDocument, weigh, type DocFrequencies, type TermVector } from "./vector.js";

export interface StoryEntry {
  /** The id of the article that opened the story. */
  id: string;
  size: number;
  /** Sum of the member vectors, pruned to the heaviest terms; cosine uses it with `norm2`. */
  centroid: Record<number, number>;
  /** How many terms `centroid` holds (counting keys of a large record is slow). */
  terms: number;
  norm2: number;
  /**
   * The story this one was merged into, or null. A merged story keeps its centroid: articles like it
   * still find it, and join the story it was merged into (see rootOf).
   */
  mergedInto: number | null;
}

/** Two stories found to be one: `from` (a story id) lives on as part of `into`. */
export interface StoryMerge {
  from: string;
  into: string;
}

export interface StoryIndex {
  options: StoryOptions;
  /** Document frequencies (a partial index: those of the terms it will weigh). */
  freq: DocFrequencies;
  /**
   * Stories by number. A partial index (loaded by a store for one batch) is sparse: the stories its
   * posting lists name, with the centroid weights of those terms, and the full centroid of any story an
   * article is about to join (see joinStory).
   */
  stories: StoryEntry[];
  /**
   * Term → numbers of the stories whose centroid holds it, most recently added last. A partial index
   * holds the tail of each list it needs (at least `postingScan` entries, as bestStory reads no more).
   */
  postings: Record<number, number[]>;
  /** Merges in the order they happened. */
  merges: StoryMerge[];
}

export function createStoryIndex(options: Partial<StoryOptions> = {}): StoryIndex {
  return { options: { ...STORY_DEFAULTS, ...options }, freq: { docs: 0, df: {} }, stories: [], postings: {}, merges: [] };
}

/** The story a story number belongs to now: itself, or the story it was merged into. */
export function rootOf(index: StoryIndex, story: number): number {
  for (let steps = 0; index.stories[story].mergedInto !== null; steps++) {
    // A merge joins two different stories, so no chain comes back; a stored cycle must not hang the caller.
    if (steps > index.stories.length) throw new Error(`the merges of story ${story} form a cycle`);
    story = index.stories[story].mergedInto!;
  }
  return story;
}

/**
 * Adds one article (an original: copies go with their original, see groupStories) and returns the id of
 * the story it joined or opened. Document frequencies grow as articles come, so early articles are
 * weighed with rough ones; groupStories counts the whole batch first.
 */
export function addToStoryIndex(index: StoryIndex, article: Article): string {
  const terms = articleTerms(article, index.options);
  countDocument(index.freq, terms);
  const vector = weigh(terms, index.freq, index.options);
  return index.stories[rootOf(index, placeVector(index, vector, article.id))].id;
}

/**
 * Joins the closest story when it is close enough, else opens a new one; returns the story number. The
 * closest centroid may be a story's merged part: the article joins the story the part is in. An article
 * close to two stories shows they are one: the younger is merged into the older, whose id lives on.
 */
export function placeVector(index: StoryIndex, vector: TermVector, articleId: string): number {
  const best = bestStory(index, vector);
  if (best.cosine < index.options.joinThreshold) {
    const story = openStory(index, articleId);
    joinStory(index, story, vector);
    return story;
  }
  if (best.other >= 0 && mergesWith(index, rootOf(index, best.other), best.otherCosine)) {
    mergeStories(index, rootOf(index, best.story), rootOf(index, best.other));
  }
  const story = rootOf(index, best.story);
  joinStory(index, story, vector);
  return story;
}

/**
 * Whether an article joining one story at least this close (cosine) to `other` (a story number, not a
 * merged part) shows the two are one: at mergeThreshold, or at mergeLoneThreshold when `other` holds a
 * single article (a lone report opened too early, before the reports that tie it in had come).
 */
export function mergesWith(index: StoryIndex, other: number, cosine: number): boolean {
  const o = index.options;
  return cosine >= o.mergeThreshold || (index.stories[other].size <= 1 && cosine >= o.mergeLoneThreshold);
}

/** Merges the younger of two stories into the older, and records it. */
export function mergeStories(index: StoryIndex, a: number, b: number): void {
  const [into, from] = a < b ? [a, b] : [b, a];
  index.stories[from].mergedInto = into;
  index.merges.push({ from: index.stories[from].id, into: index.stories[into].id });
}

// Dot products are summed in a reusable buffer indexed by story number (only the touched slots are read
// and cleared), because a Map per article was the stage's hottest spot. Single-threaded JS makes this safe.
let dots = new Float64Array(1024);

/**
 * The story part whose centroid is most similar to the vector (story -1, cosine 0 when none shares a
 * term), and the most similar part of any other story (`other`, -1 when none).
 */
export function bestStory(index: StoryIndex, vector: TermVector): { story: number; cosine: number; other: number; otherCosine: number } {
  if (dots.length < index.stories.length) dots = new Float64Array(2 * index.stories.length);
  const touched: number[] = [];
  const scan = index.options.postingScan;
  for (let i = 0; i < vector.terms.length; i++) {
    const term = vector.terms[i];
    const list = index.postings[term];
    if (!list) continue;
    const w = vector.weights[i];
    for (let j = Math.max(0, list.length - scan); j < list.length; j++) {
      const s = list[j];
      if (dots[s] === 0) touched.push(s);
      dots[s] += w * index.stories[s].centroid[term];
    }
  }
  let best = { story: -1, cosine: 0 };
  for (const s of touched) {
    const cosine = (dots[s] /= Math.sqrt(index.stories[s].norm2));
    if (cosine > best.cosine || (cosine === best.cosine && s < best.story)) best = { story: s, cosine };
  }
  // Only a part close enough to merge is worth asking which story it belongs to.
  const mergeFloor = Math.min(index.options.mergeThreshold, index.options.mergeLoneThreshold);
  let other = { story: -1, cosine: 0 };
  const root = best.story >= 0 ? rootOf(index, best.story) : -1;
  for (const s of touched) {
    const cosine = dots[s];
    dots[s] = 0;
    if (cosine < mergeFloor || s === best.story || rootOf(index, s) === root) continue;
    if (cosine > other.cosine || (cosine === other.cosine && s < other.story)) other = { story: s, cosine };
  }
  return { ...best, other: other.story, otherCosine: other.cosine };
}

/** Opens an empty story; its number is the next one unless given (a store numbers stories corpus-wide). */
export function openStory(index: StoryIndex, id: string, story = index.stories.length): number {
  index.stories[story] = { id, size: 0, centroid: {}, terms: 0, norm2: 0, mergedInto: null };
  return story;
}

export function joinStory(index: StoryIndex, story: number, vector: TermVector): void {
  const entry = index.stories[story];
  entry.size++;
  for (let i = 0; i < vector.terms.length; i++) {
    const term = vector.terms[i];
    const old = entry.centroid[term];
    if (old === undefined) {
      (index.postings[term] ??= []).push(story);
      entry.terms++;
    }
    const next = (old ?? 0) + vector.weights[i];
    entry.centroid[term] = next;
    entry.norm2 += next * next - (old ?? 0) * (old ?? 0);
  }
  if (entry.terms > 2 * index.options.centroidTerms) pruneCentroid(index, story);
}

/** Keeps a big story's centroid to its heaviest terms: the light ones barely move a cosine. */
function pruneCentroid(index: StoryIndex, story: number): void {
  const entry = index.stories[story];
  const ranked = Object.keys(entry.centroid)
    .map(Number)
    .sort((a, b) => entry.centroid[b] - entry.centroid[a] || a - b);
  for (const term of ranked.slice(index.options.centroidTerms)) {
    delete entry.centroid[term];
    // A partial index (a store's slice for one batch) may not hold this list, or the story in it.
    const list = index.postings[term];
    const at = list ? list.indexOf(story) : -1;
    if (at >= 0) list.splice(at, 1);
    if (list?.length === 0) delete index.postings[term];
  }
  entry.terms = Math.min(ranked.length, index.options.centroidTerms);
  entry.norm2 = 0;
  for (const term of ranked.slice(0, entry.terms)) entry.norm2 += entry.centroid[term] ** 2;
}
