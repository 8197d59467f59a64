// One article's facts as `storydesk facts` shows them: mentions tied to the article's own entities,
// quotes and reported claims tied to their speaker's entity, time expressions in TIMEX3 form.
import type { Article, ArticleFactsView, FactsQuote } from "../model/index.js";
import { findClaims } from "./claims.js";
import { extractFacts } from "./index.js";
import { groupEntities } from "./merge.js";
import { findTimexes } from "./timex.js";

/** The facts of one article, self-contained: every offset counts into `text`. Pure. */
export function articleFactsView(article: Article): ArticleFactsView {
  const facts = extractFacts(article);
  const { entities, entityOf } = groupEntities([facts]);
  const mentions = facts.mentions.map((m) => ({
    start: m.start, end: m.end, text: article.text.slice(m.start, m.end), name: m.name, type: m.type, role: m.role,
    sentence: m.sentence, entity: entityOf.get(m.name)!,
  }));
  const quotes: FactsQuote[] = facts.quotes.map((q) => ({
    start: q.start!, end: q.end!, text: q.text, sentence: q.sentence,
    speaker: q.speaker === null ? null : (entityOf.get(q.speaker) ?? null),
    attribution: q.attribution ?? "none", partial: q.partial ?? false,
  }));
  const claims = findClaims(article, facts.mentions).map((c) => ({
    start: c.start, end: c.end, text: c.text, sentence: c.sentence,
    speaker: c.speaker === null ? null : (entityOf.get(c.speaker) ?? null), attribution: c.attribution,
  }));
  return {
    id: article.id, path: article.source.path, title: article.title, published: article.published, text: article.text,
    mentions,
    entities: entities.map((e) => ({ name: e.name, type: e.type, aliases: e.aliases, mentions: e.mentions, role: e.role })),
    quotes,
    claims,
    times: findTimexes(article),
  };
}
