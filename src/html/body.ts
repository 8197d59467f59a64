// The article body of a page: PLACEHOLDER to be replaced by the real extraction heuristics.
import type { HtmlDocument } from "./dom.js";
import { textOf } from "./dom.js";
import type { Deadline } from "./limits.js";

export type BlockKind = "paragraph" | "heading" | "list-item" | "quote" | "preformatted";

/** One block of the article body, in reading order. */
export interface Block {
  kind: BlockKind;
  text: string;
}

export interface BodyOptions {
  /** The page's title when known: a heading repeating it is not part of the body. */
  title?: string;
  deadline: Deadline;
}

export function extractBody(doc: HtmlDocument, options: BodyOptions): Block[] {
  return doc.byTag("p").map((p) => ({ kind: "paragraph" as const, text: textOf(p) })).filter((b) => b.text && b.text !== options.title);
}
