// Why each article is in its story: for every article, in story order, how it came in (it opened the
// story, it is like the articles before it, or it copies one of them), how alike, and the evidence: the
// key terms and names it shares with the story's earlier articles and the days since the latest of them.
//
// Explanations are worked out from the story's own articles, so the in-memory pipeline and a corpus
// (which writes a story's output long after its articles were placed, with other document frequencies)
// explain a story alike. That is also why the words are weighed without IDF: the corpus's document
// frequencies are not the story's to know. Names and numbers weigh more, as they do for placement.

import type { Article, ArticleFacts, Copy, StoryPlacement } from "../model/index.js";
import { dayRange } from "../model/partial-date.js";
import { originalOf } from "./copies.js";
import { STORY_DEFAULTS, type StoryOptions } from "./options.js";
import { keyTerms } from "./terms.js";

/** Shared terms and names shown per article: enough to see why, few enough to read. */
const SHOWN = 5;

export function explainPlacements(
  articles: readonly Article[],
  copies: readonly Copy[],
  facts: ReadonlyMap<string, ArticleFacts>,
  options: StoryOptions = STORY_DEFAULTS,
): StoryPlacement[] {
  const original = originalOf(articles, copies);
  // The sum of the earlier originals' unit vectors over key terms, and the names they mention.
  const earlier = new Map<string, number>();
  const earlierNames = new Map<string, string>();
  let latestDay: number | null = null;
  let originals = 0;
  return articles.map((article) => {
    const day = dayOf(article);
    const gapDays = day !== null && latestDay !== null ? day - latestDay : null;
    if (day !== null) latestDay = latestDay === null ? day : Math.max(latestDay, day);
    const of = original.get(article.id);
    if (of !== undefined) return { article: article.id, by: "copy", of, score: null, terms: [], names: [], gapDays };

    const terms = keyTerms(article, options);
    const norm = Math.sqrt(terms.reduce((s, t) => s + t.weight * t.weight, 0)) || 1;
    const names = namesOf(facts.get(article.id));
    let placement: StoryPlacement;
    if (originals === 0) placement = { article: article.id, by: "opened", of: null, score: null, terms: [], names: [], gapDays: null };
    else {
      const earlierNorm = Math.sqrt([...earlier.values()].reduce((s, w) => s + w * w, 0)) || 1;
      const shared = terms
        .map((t) => ({ term: t.term, part: ((t.weight / norm) * (earlier.get(t.term) ?? 0)) / earlierNorm }))
        .filter((t) => t.part > 0);
      const score = shared.reduce((s, t) => s + t.part, 0);
      shared.sort((a, b) => b.part - a.part || (a.term < b.term ? -1 : 1));
      placement = {
        article: article.id,
        by: "similar",
        of: null,
        score: Math.round(score * 1000) / 1000,
        terms: shown(shared.map((t) => t.term)),
        names: [...names].filter(([key]) => earlierNames.has(key)).slice(0, SHOWN).map(([key]) => earlierNames.get(key)!),
        gapDays,
      };
    }
    for (const t of terms) earlier.set(t.term, (earlier.get(t.term) ?? 0) + t.weight / norm);
    for (const [key, name] of names) if (!earlierNames.has(key)) earlierNames.set(key, name);
    originals++;
    return placement;
  });
}

/** The first few terms, a word left out when a name pair holding it is among them ("selje star", not also "star"). */
function shown(terms: string[]): string[] {
  const top = terms.slice(0, 2 * SHOWN);
  const inPairs = new Set(top.filter((t) => t.includes(" ")).flatMap((t) => t.split(" ")));
  return top.filter((t) => t.includes(" ") || !inPairs.has(t)).slice(0, SHOWN);
}

/** The article's day number when it is dated to the day. */
function dayOf(article: Article): number | null {
  const range = article.published ? dayRange(article.published.slice(0, 10)) : null;
  return range?.precision === "day" ? range.start : null;
}

/** Names of people, organisations and places the article mentions, most mentioned first (lowercased key → name). */
function namesOf(facts: ArticleFacts | undefined): Map<string, string> {
  const counts = new Map<string, { name: string; n: number }>();
  for (const m of facts?.mentions ?? []) {
    if (m.type === "other") continue;
    const key = m.name.toLowerCase();
    const entry = counts.get(key);
    if (entry) entry.n++;
    else counts.set(key, { name: m.name, n: 1 });
  }
  const ranked = [...counts].sort((a, b) => b[1].n - a[1].n || (a[0] < b[0] ? -1 : 1));
  return new Map(ranked.map(([key, { name }]) => [key, name]));
}
