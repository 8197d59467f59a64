// Stories (articles about one matter) and the events inside each story.
import type { Article, ArticleFacts, Copy, StoryEvent } from "../model/index.js";

/** Groups articles into stories; returns article ids per story. */
export function groupStories(articles: Article[], copies: Copy[]): string[][] {
  throw new Error("not implemented: groupStories");
}

/** Splits one story's articles into events (ids left for the caller to assign). */
export function splitEvents(articles: Article[], facts: ReadonlyMap<string, ArticleFacts>, copies: Copy[]): Omit<StoryEvent, "id">[] {
  throw new Error("not implemented: splitEvents");
}
