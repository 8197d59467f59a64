// `storydesk extract`: what the readers and the cleaner make of each input item, before any cross-article
// work. The same buildArticle the briefing uses, so extract shows exactly what a brief starts from.
import type { ExtractedArticle, InputError, SourceDocument } from "../model/index.js";
import { readDocuments, type ReadLimits } from "../read/index.js";
import { buildArticle } from "../text/article.js";
import { normalizeDate } from "../text/dates.js";

/** An article with its page metadata and evidence. Pure. */
export function describeArticle(doc: SourceDocument): ExtractedArticle {
  const article = buildArticle(doc);
  const { meta } = doc;
  const authors = meta.authors?.length ? meta.authors : article.source.author ? [article.source.author] : [];
  return {
    ...article,
    authors,
    language: meta.language ?? null,
    modified: meta.modified ? normalizeDate(meta.modified) : null,
    captured: meta.captured ?? null,
    evidence: meta.evidence ?? {},
  };
}

/** Streams the articles of files and folders, one item at a time, with per-item errors in line. */
export async function* extractArticles(paths: string[], limits: Partial<ReadLimits> = {}): AsyncGenerator<ExtractedArticle | InputError> {
  for await (const item of readDocuments(paths, limits)) yield "code" in item ? item : describeArticle(item);
}
