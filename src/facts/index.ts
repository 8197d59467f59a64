// Facts: entity mentions, quotes with speakers, and time expressions resolved against the article date.
import type { Article, ArticleFacts, Entity } from "../model/index.js";

export function extractFacts(article: Article): ArticleFacts {
  throw new Error("not implemented: extractFacts");
}

/** Merges the mentions of several articles (one story) into entities. */
export function mergeEntities(facts: ArticleFacts[]): Entity[] {
  throw new Error("not implemented: mergeEntities");
}
