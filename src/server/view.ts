// Pure shaping of rows into what the API returns: sources grouped by copy family, an article's sentences.
import type { ArticleCard, ArticleRow } from "../store/desk-queries.js";
import type { BriefCopy, Sentence } from "../model/index.js";

export interface FamilyGroup {
  original: string;
  articles: string[];
  sources: string[];
}

/**
 * The story's articles grouped by copy family (the original first), biggest family first, ties in
 * ingest order. Their count is the story's independent voices.
 */
export function groupFamilies(articles: ArticleCard[]): FamilyGroup[] {
  const groups = new Map<string, FamilyGroup>();
  for (const a of articles) {
    let g = groups.get(a.family);
    if (!g) groups.set(a.family, (g = { original: a.family, articles: [], sources: [] }));
    if (a.id === a.family) g.articles.unshift(a.id);
    else g.articles.push(a.id);
    const name = a.source_name ?? a.agency;
    if (name && !g.sources.includes(name)) g.sources.push(name);
  }
  return [...groups.values()].sort((x, y) => y.articles.length - x.articles.length);
}

/** The sentences of a stored article: [start, end, paragraph] spans over its text. */
export function sentencesOf(row: Pick<ArticleRow, "text" | "sentences">): Sentence[] {
  const spans = JSON.parse(row.sentences) as [number, number, number][];
  return spans.map(([start, end, paragraph], i) => ({ i, text: row.text.slice(start, end), start, end, paragraph }));
}

export function articleDetail(row: ArticleRow, copy: BriefCopy | undefined) {
  return {
    id: row.id,
    title: row.title,
    source: { path: row.path, name: row.source_name, url: row.source_url, agency: row.agency, author: row.author },
    published: row.published,
    dateline: row.dateline,
    text: row.text,
    sentences: sentencesOf(row),
    family: row.family,
    copy_of: copy ?? null,
    story: row.story_id && row.story_title !== null ? { id: row.story_id, title: row.story_title } : null,
  };
}
