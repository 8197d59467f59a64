// groupStories: the batch wrapper around the story index.
//
// A batch knows all its articles up front, so it does better than the online index alone:
//  1. document frequencies are counted over every original first, so no article is weighed with rough IDFs;
//  2. after the single pass, each article moves to the centroid it is now closest to (early articles chose
//     among the few stories that existed when they came), and the centroids are rebuilt once.
// Copies never vote: they would pull a story's centroid toward one outlet's wording. They join their
// original's story at the end.

import type { Article, Copy } from "../model/index.js";
import { originalOf } from "./copies.js";
import type { StoryOptions } from "./options.js";
import { bestStory, createStoryIndex, joinStory, openStory, placeVector, type StoryIndex } from "./story-index.js";
import { articleTerms } from "./terms.js";
import { countDocument, weigh, type TermVector } from "./vector.js";

/** Groups articles into stories: ids per story, biggest story first, ids in input order. Deterministic. */
export function groupStories(articles: Article[], copies: Copy[], options: Partial<StoryOptions> = {}): string[][] {
  const index = createStoryIndex(options);
  const original = originalOf(articles, copies);
  const originals = articles.filter((a) => !original.has(a.id));

  const terms = originals.map((a) => articleTerms(a, index.options));
  for (const t of terms) countDocument(index.freq, t);
  const vectors = terms.map((t) => weigh(t, index.freq, index.options.topTerms, index.options.idfPseudoDocs));
  const firstPass = vectors.map((v, i) => placeVector(index, v, originals[i].id));
  const final = reassigned(index, vectors, firstPass);
  const storyOf = new Map(originals.map((a, i) => [a.id, final[i]] as const));

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

/** One refinement step: every article goes to its closest final centroid (never to none: its own is there). */
function reassigned(index: StoryIndex, vectors: TermVector[], assignment: number[]): number[] {
  const moved = vectors.map((v, i) => {
    const best = bestStory(index, v);
    return best.story >= 0 ? best.story : assignment[i];
  });
  return rebuild(index, vectors, moved);
}

/** Replaces the index's stories with the given assignment, renumbered in order of first member. */
function rebuild(index: StoryIndex, vectors: TermVector[], assignment: number[]): number[] {
  const ids = index.stories.map((s) => s.id);
  index.stories = [];
  index.postings = {};
  const renumber = new Map<number, number>();
  return assignment.map((old, i) => {
    let story = renumber.get(old);
    if (story === undefined) renumber.set(old, (story = openStory(index, ids[old])));
    joinStory(index, story, vectors[i]);
    return story;
  });
}
