// What `storydesk extract` produces: articles as the pipeline starts from them, with the metadata evidence.
import type { Article, Evidence, InputError, MetaField } from "./article.js";

export const EXTRACT_SCHEMA = "storydesk/extract@1";

/** An Article (the `articles[]` shape of brief@1) plus the page metadata the briefing does not print. */
export interface ExtractedArticle extends Article {
  /** All authors in order (`source.author` holds the first). */
  authors: string[];
  /** Primary language subtag ("en", "de"), or null when unknown. */
  language: string | null;
  /** Last-modified date, YYYY-MM-DD, kept apart from `published`; null when unknown. */
  modified: string | null;
  /** When a crawler captured the page (a WARC record's date, ISO 8601): an upper bound for `published`. */
  captured: string | null;
  /** For each metadata field found, where it came from. */
  evidence: Partial<Record<MetaField, Evidence>>;
}

/** The whole output of one extract run (storydesk/extract@1). */
export interface Extraction {
  schema: typeof EXTRACT_SCHEMA;
  articles: ExtractedArticle[];
  errors: InputError[];
}
