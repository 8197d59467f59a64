// HTML → article: a page's body as blocks and its metadata with evidence. Pure: a string in, values out.
import type { DocumentMeta } from "../model/index.js";
import { extractBody, type Block } from "./body.js";
import { detach, parseHtml } from "./dom.js";
import { limitNesting } from "./nesting.js";
import { DEFAULT_PAGE_LIMITS, Deadline, PageTooComplex, type PageLimits } from "./limits.js";
import { extractMetadata } from "./metadata.js";

export type { Block, BlockKind } from "./body.js";
export { DEFAULT_PAGE_LIMITS, type PageLimits } from "./limits.js";
export { limitNesting, MAX_MARKUP_DEPTH } from "./nesting.js";

export interface PageContext {
  /** The URL the page came from (a WARC target URI, a feed link): evidence for dates and the outlet. */
  url?: string;
  /** Capture time (ISO 8601) of a crawled page: the publication date cannot be later. */
  captured?: string;
  limits?: Partial<PageLimits>;
}

export interface ExtractedPage {
  blocks: Block[];
  meta: DocumentMeta;
}

/** Why a page gave no article: over a limit. (An empty body is not an error here; the reader decides.) */
export interface PageRefusal {
  refused: "too-complex";
  message: string;
}

/** A copy of a metadata value with every string detached from the page (see detach). */
function detachAll<T>(value: T): T {
  if (typeof value === "string") return detach(value) as T;
  if (Array.isArray(value)) return value.map(detachAll) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, detachAll(v)])) as T;
  }
  return value;
}

/** Extracts one page. Never throws: a page over a limit comes back as a refusal. */
export function extractPage(html: string, context: PageContext = {}): ExtractedPage | PageRefusal {
  const limits: PageLimits = { ...DEFAULT_PAGE_LIMITS, ...context.limits };
  const deadline = new Deadline(limits.maxMillis);
  const doc = parseHtml(limitNesting(html), limits);
  if (doc.overLimit) return { refused: "too-complex", message: `the page has more than ${limits.maxNodes} elements` };
  try {
    const meta = extractMetadata(doc, { url: context.url, captured: context.captured, deadline });
    const blocks = extractBody(doc, { title: meta.title, deadline });
    // The page's HTML must not outlive the page: nothing handed on may be a view into it.
    return { blocks: blocks.map((b) => ({ kind: b.kind, text: detach(b.text) })), meta: detachAll(meta) };
  } catch (err) {
    if (err instanceof PageTooComplex) return { refused: "too-complex", message: err.message };
    throw err;
  }
}
