// Step 1 of the pipeline, the per-article work: everything about an article that needs no other article.
// The batch path runs these functions as it goes; a corpus ingest runs prepareArticle once per new article
// and stores the result (src/corpus/), so assignment and the per-story work never redo it.

import type { Article, ArticleFacts, InputError, SourceDocument } from "../model/index.js";
import { buildArticle } from "../text/article.js";
import { copySignature, type CopySignature } from "../copies/index.js";
import { extractFacts } from "../facts/index.js";
import { articleTerms, STORY_DEFAULTS, type ArticleTerms, type StoryOptions } from "../stories/index.js";

/** An article with what the later steps need of it: facts, its copy signature, its story terms. */
export interface PreparedArticle {
  article: Article;
  facts: ArticleFacts;
  copy: CopySignature;
  terms: ArticleTerms;
}

/** The clean article, or an `empty` error when no text is left after the header and boilerplate. */
export function articleOf(doc: SourceDocument): Article | InputError {
  const article = buildArticle(doc);
  if (article.sentences.length > 0) return article;
  return { code: "empty", path: doc.path, message: `${doc.path}: no article text left after removing the header and boilerplate` };
}

export function prepareArticle(article: Article, storyOptions: StoryOptions = STORY_DEFAULTS): PreparedArticle {
  return { article, facts: extractFacts(article), copy: copySignature(article), terms: articleTerms(article, storyOptions) };
}
