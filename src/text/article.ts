// Builds an Article from a SourceDocument: header metadata, cleaning, sentences, a content id.
import type { Article, SourceDocument } from "../model/index.js";
import { cleanBody, hostOf } from "./clean.js";
import { normalizeDate } from "./dates.js";
import { splitSentences } from "./sentences.js";
import { digest } from "./tokens.js";

function nonEmpty(s: string | undefined): string | null {
  const t = s?.trim();
  return t ? t : null;
}

/**
 * Turns a decoded document into a clean Article. Header metadata wins over what the body says.
 * The id hashes the outlet, title and clean text, so the same article gets the same id on every run;
 * with no outlet known, the path stands in for it so that two identical files stay two articles.
 * Pure.
 */
export function buildArticle(doc: SourceDocument): Article {
  const metaTitle = nonEmpty(doc.meta.title);
  const cleaned = cleanBody(doc.body, metaTitle ? { title: metaTitle } : {});
  const url = nonEmpty(doc.meta.url);
  const title = metaTitle ?? cleaned.title;
  const metaDate = nonEmpty(doc.meta.date);
  const name = nonEmpty(doc.meta.source) ?? cleaned.sourceName ?? (url ? hostOf(url) : null);
  const text = cleaned.paragraphs.join("\n\n");
  return {
    id: digest(`${name ?? url ?? doc.path}\n${title ?? ""}\n${text}`),
    source: { path: doc.path, name, url, agency: cleaned.agency, author: nonEmpty(doc.meta.authors?.[0] ?? doc.meta.author) ?? cleaned.author },
    title,
    published: (metaDate ? normalizeDate(metaDate) : null) ?? cleaned.date,
    dateline: cleaned.dateline,
    text,
    sentences: splitSentences(text),
  };
}
