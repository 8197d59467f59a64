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
import { createStoryIndex, placeVector } from "./story-index.js";
import { articleTerms } from "./terms.js";
import { countDocument, weigh } from "./vector.js";

/** Groups articles into stories: ids per story, biggest story first, ids in input order. Deterministic. */
export function groupStories(articles: Article[], copies: Copy[], options: Partial<StoryOptions> = {}): string[][] {
  const index = createStoryIndex(options);
  const original = originalOf(articles, copies);
  const originals = articles.filter((a) => !original.has(a.id));

  const terms = originals.map((a) => articleTerms(a, index.options));
  for (const t of terms) countDocument(index.freq, t);
  const vectors = terms.map((t) => weigh(t, index.freq, index.options.topTerms, index.options.idfPseudoDocs));
  const assignment = vectors.map((v, i) => placeVector(index, v, originals[i].id));
  const storyOf = new Map(originals.map((a, i) => [a.id, assignment[i]] as const));

  const groups = new Map<number, string[]>();
  for (const a of articles) {
    const story = storyOf.get(original.get(a.id) ?? a.id)!;
    const ids = groups.get(story);
    if (ids) ids.push(a.id);
    else groups.set(story, [a.id]);
  }
  // Map order is first appearance, and the sort is stable: equal sizes keep it.
  return [...groups.values()].sort((a, b) => b.length - a.length);
}
