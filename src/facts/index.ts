// Facts: entity mentions, quotes with speakers, and time expressions resolved against the article date.
import type { Article, ArticleFacts } from "../model/index.js";
import { findTimes } from "./dates.js";
import { findMentions } from "./mentions.js";
import { findQuotes } from "./quotes.js";

export { mergeEntities, speakerEntity } from "./merge.js";
export { findMentions } from "./mentions.js";
export { findQuotes } from "./quotes.js";

/** Everything the facts stage finds in one article. Pure. */
export function extractFacts(article: Article): ArticleFacts {
  const mentions = findMentions(article);
  return { article: article.id, mentions, quotes: findQuotes(article, mentions), times: findTimes(article) };
}
