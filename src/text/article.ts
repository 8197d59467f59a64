// Builds an Article from a SourceDocument: header metadata, cleaning, sentences, a content id.
import type { Article, SourceDocument } from "../model/index.js";

/** Turns a decoded document into a clean Article. Pure. */
export function buildArticle(doc: SourceDocument): Article {
  throw new Error("not implemented: buildArticle");
}
