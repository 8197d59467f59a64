// What the story-level stages (timeline, summary, disagreements) read: one story's articles and the
// sentences that count, with copies counted once.

import type { Article, Sentence } from "./article.js";
import type { StoryEvent } from "./brief.js";
import type { ArticleFacts } from "./findings.js";

/** One sentence that carries independent information (not a repeat of its copy family's original). */
export interface SentenceRef {
  article: Article;
  sentence: Sentence;
  /** The id of the article's copy-family original (the article's own id when it is no copy). */
  family: string;
}

export interface StoryMaterial {
  /** All the story's articles, in input order. */
  articles: Article[];
  /** Sentences that count, originals first, in article then sentence order. */
  sentences: SentenceRef[];
  facts: ReadonlyMap<string, ArticleFacts>;
  /** The story's events as far as these stages read them: when, and which articles. */
  events: Pick<StoryEvent, "id" | "title" | "date" | "precision" | "articles">[];
}
