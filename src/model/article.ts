// The article model: what readers produce and every later stage reads.

/** Where a metadata value was found, so a reader of the output can judge it. */
export type EvidenceKind =
  | "header" // a text file's header line
  | "json-ld" // schema.org JSON-LD in the page
  | "meta" // a <meta> tag (Open Graph, Dublin Core, article:*, citation_*, …) or <link rel>
  | "time" // a <time datetime> element, or markup itemprop / class naming a date
  | "url" // a pattern in the URL (/2021/05/14/)
  | "text" // visible text of the page (a byline, "Published 14 May 2021")
  | "html" // the document itself (<title>, <html lang>)
  | "feed" // a feed item's field
  | "jsonl" // a crawler record's field
  | "warc" // a WARC record header (target URI, capture date)
  | "detected"; // inferred from the text (language identification)

export interface Evidence {
  kind: EvidenceKind;
  /** The exact place: "meta[property=article:published_time]", "NewsArticle.datePublished", "/2021/05/14/". */
  detail: string;
}

/** Metadata fields that carry evidence. */
export type MetaField = "title" | "date" | "modified" | "authors" | "source" | "url" | "language";

/** Metadata found in the input itself (a text file's header lines, a page's markup, a feed item's fields). All optional. */
export interface DocumentMeta {
  title?: string;
  /** Publication date as written in the input; normalised to YYYY-MM-DD by the article builder when it can be. */
  date?: string;
  /** Last-modified date, kept apart from the publication date. */
  modified?: string;
  /** Outlet name or domain ("Daily Ledger", "example.com"). */
  source?: string;
  /** The article's canonical URL when known, else the URL it was fetched from. */
  url?: string;
  /** Authors in order; `author` is kept for the single-author header line of text files. */
  authors?: string[];
  author?: string;
  /** BCP 47 primary language subtag ("en", "de", "zh"). */
  language?: string;
  /** When a crawler captured the page (a WARC record's date): an upper bound for the publication date. */
  captured?: string;
  /** For each field found, where it came from. */
  evidence?: Partial<Record<MetaField, Evidence>>;
}

/** The input formats storydesk reads. */
export type InputFormat = "text" | "html" | "feed" | "jsonl" | "warc";

/** One decoded input document, before cleaning: what a reader hands to the pipeline. */
export interface SourceDocument {
  /** The input's path as the user gave it (or path + "#item" for a container format). */
  path: string;
  /** Decoded text with the metadata header removed; for web formats, the extracted paragraphs joined by blank lines. */
  body: string;
  meta: DocumentMeta;
  /** The format it was read from (text when absent). */
  format?: InputFormat;
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
  code:
    | "not-found" | "unreadable" | "binary" | "empty" | "too-large" | "unsupported" | "too-many"
    /** The content is not what its format promises: a feed that is not XML, a truncated gzip, a broken WARC record. */
    | "malformed"
    /** A page over a per-page limit (nodes, nesting, time): refused so one hostile page cannot stall the batch. */
    | "too-complex";
  path: string;
  message: string;
}
