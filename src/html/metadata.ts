// Page metadata: PLACEHOLDER to be replaced (title, authors, dates, site name, language, canonical URL, evidence).
import type { DocumentMeta } from "../model/index.js";
import type { HtmlDocument } from "./dom.js";
import { textOf } from "./dom.js";
import type { Deadline } from "./limits.js";

export interface MetadataContext {
  /** The URL the page was fetched from, when known (a WARC record's target URI, a feed item's link). */
  url?: string;
  /** When the page was captured (ISO 8601): an upper bound for its publication date. */
  captured?: string;
  deadline: Deadline;
}

export function extractMetadata(doc: HtmlDocument, context: MetadataContext): DocumentMeta {
  const title = doc.byTag("title")[0];
  return { ...(title ? { title: textOf(title) } : {}), ...(context.url ? { url: context.url } : {}) };
}
