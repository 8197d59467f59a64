// The HTML page reader: one page's bytes → its article (decoded as a browser would, extracted by src/html).
import type { InputError, InputFormat, SourceDocument } from "../model/index.js";
import { sizeInWords } from "./bytes.js";
import { decodeMarkup, looksBinaryMarkup } from "./decode.js";
import { inputErrors } from "./errors.js";
import type { ReadLimits } from "./limits.js";
import { MetaFiller, pageBody } from "./page.js";

export interface PageSource {
  /** The HTTP Content-Type the page was served with (WARC). */
  contentType?: string | null;
  /** Where the page came from (WARC-Target-URI) and when it was captured (WARC-Date). */
  url?: string;
  captured?: string;
  /** The container the page came in ("warc"); "html" for a page file. */
  format?: InputFormat;
}

/** One page into its document, or why it cannot be used. Never throws. */
export function readHtmlPage(path: string, bytes: Uint8Array, limits: ReadLimits, source: PageSource = {}): SourceDocument | InputError {
  if (bytes.length > limits.maxPageBytes) {
    return inputErrors.overLimit(path, `the page is ${sizeInWords(bytes.length)}, over the ${sizeInWords(limits.maxPageBytes)} limit for one page`, "maxPageBytes");
  }
  if (looksBinaryMarkup(bytes)) return inputErrors.binary(path, "an HTML page");
  const { text } = decodeMarkup(bytes, { contentType: source.contentType });
  const page = pageBody(text, { url: source.url, captured: source.captured });
  if ("refused" in page) return inputErrors.tooComplex(path, page.refused);
  const meta = page.meta;
  if (source.format === "warc") {
    const fill = new MetaFiller(meta, "warc");
    fill.vouch("url", source.url, "WARC-Target-URI");
    fill.set("url", source.url, "WARC-Target-URI");
    if (source.captured && !meta.captured) meta.captured = source.captured;
  }
  if (!page.body.trim()) return inputErrors.empty(path, "no article paragraphs were found in the page");
  return { path, body: page.body, meta, format: source.format ?? "html" };
}
