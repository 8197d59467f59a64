// The article model: what readers produce and every later stage reads.

/** Metadata found in the input itself (a text file's header lines, a feed item's fields). All optional. */
export interface DocumentMeta {
  title?: string;
  /** As written in the input; normalised to YYYY-MM-DD by the article builder when it can be. */
  date?: string;
  /** Outlet name or domain ("Daily Ledger", "example.com"). */
  source?: string;
  url?: string;
  author?: string;
}

/** One decoded input document, before cleaning: what a reader hands to the pipeline. */
export interface SourceDocument {
  /** The input's path as the user gave it (or path + "#item" for a container format). */
  path: string;
  /** Decoded text with the metadata header removed. */
  body: string;
  meta: DocumentMeta;
}

export interface Sentence {
  /** Index of the sentence in its article, from 0. */
  i: number;
  text: string;
  /** Character offsets into Article.text: text === article.text.slice(start, end). */
  start: number;
  end: number;
  /** Index of the paragraph the sentence belongs to, from 0. */
  paragraph: number;
}

export interface ArticleSource {
  /** The input file's path as given on the command line (plus "#n" inside container formats). */
  path: string;
  /** The outlet: header `source:`, a `Source: example.com` credit line, or the URL's host. */
  name: string | null;
  url: string | null;
  /** A wire agency credited in the text ("AFP", "Reuters", "AP"), or null. */
  agency: string | null;
  author: string | null;
}

export interface Article {
  /** Stable id derived from content (see text/article.ts). */
  id: string;
  source: ArticleSource;
  title: string | null;
  /** Publication date, YYYY-MM-DD, or null when unknown. */
  published: string | null;
  /** A dateline that opened the body ("NEW DELHI"), without its dash, or null. */
  dateline: string | null;
  /** The clean body: no title, no header, no boilerplate. Paragraphs separated by "\n\n". */
  text: string;
  sentences: Sentence[];
}

/** A per-item input problem. Readers return these instead of throwing so a batch goes on. */
export interface InputError {
  code: "not-found" | "unreadable" | "binary" | "empty" | "too-large" | "unsupported" | "too-many";
  path: string;
  message: string;
}
