// groupStories: the batch wrapper around the story index.
//
// A batch knows all its articles up front, so document frequencies are counted over every original first
// and no article is weighed with rough IDFs. (A second pass moving each article to its closest final
// centroid was tried: it changed nothing measurable on ECB+ dev and doubled the stage's cost.)
// Copies never vote: they would pull a story's centroid toward one outlet's wording. They join their
// original's story at the end.

import type { Article, Copy } from "../model/index.js";
import { originalOf } from "./copies.js";
import type { StoryOptions } from "./options.js";
import { createStoryIndex, placeVector, rootOf, type StoryIndex } from "./story-index.js";
import { articleTerms, type ArticleTerms } from "./terms.js";
import { countDocument, weigh } from "./vector.js";

/** Groups articles into stories: ids per story, biggest story first, ids in input order. Deterministic. */
export function groupStories(articles: Article[], copies: Copy[], options: Partial<StoryOptions> = {}): string[][] {
  const index = createStoryIndex(options);
  const original = originalOf(articles, copies);
  return groupByTerms(articles.map((a) => a.id), original, (i) => articleTerms(articles[i], index.options), index);
}

/**
 * groupStories over terms computed beforehand (`termsOf(i)` is asked only for originals): counts the
 * originals' document frequencies, places each original in order, and puts copies with their original.
 * A corpus ingest runs the same steps batch by batch over a store (src/corpus/stories.ts).
 */
export function groupByTerms(
  ids: readonly string[],
  original: ReadonlyMap<string, string>,
  termsOf: (i: number) => ArticleTerms,
  index: StoryIndex,
): string[][] {
  const originals: number[] = [];
  ids.forEach((id, i) => {
    if (!original.has(id)) originals.push(i);
  });
  const terms = originals.map(termsOf);
  for (const t of terms) countDocument(index.freq, t);
  const vectors = terms.map((t) => weigh(t, index.freq, index.options));
  const placed = originals.map((i, k) => [ids[i], placeVector(index, vectors[k], ids[i])] as const);
  // Resolved once all are placed: a later article may have merged an earlier one's story into another.
  const storyOf = new Map(placed.map(([id, story]) => [id, rootOf(index, story)] as const));

  const groups = new Map<number, string[]>();
  for (const id of ids) {
    const story = storyOf.get(original.get(id) ?? id)!;
    const members = groups.get(story);
    if (members) members.push(id);
    else groups.set(story, [id]);
  }
  // Map order is first appearance, and the sort is stable: equal sizes keep it.
  return [...groups.values()].sort((a, b) => b.length - a.length);
}
