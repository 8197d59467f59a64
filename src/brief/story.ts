// Step 3 of the pipeline, the per-story work: one story's articles, copies and facts in, its Story out
// (events, merged entities, quotes, timeline, summary, disagreements). The batch path calls it for every
// story; a corpus ingest calls it only for the stories an ingest touched.

import type { Article, ArticleFacts, Copy, Entity, Quote, Story, StoryMaterial } from "../model/index.js";
import { digest, normalizeForCompare } from "../text/tokens.js";
import { mergeEntities, speakerEntity } from "../facts/index.js";
import { foldName } from "../facts/names.js";
import { eventActors, explainPlacements, splitEvents } from "../stories/index.js";
import { buildTimeline } from "../timeline/index.js";
import { summarize } from "../summary/index.js";
import { findDisagreements } from "../disagreements/index.js";
import { independentSentences } from "./independent.js";

/**
 * The most articles a story's briefing reads. A story of thousands of articles (a year of one matter) is
 * still listed whole, with its voices counted over all of them; its events, entities, quotes, timeline,
 * summary and disagreements are worked out from this many of them, so one story's work and memory stay
 * bounded however large it grows (about 0.1 MB and 1 ms per article read, measured at 1,600 articles).
 */
export const BRIEFING_ARTICLES = 500;

/** What choosing a story's title, id and read articles needs of each member. */
export type StoryMember = Pick<Article, "id" | "title" | "published">;

/**
 * The members a briefing reads: all of them up to BRIEFING_ARTICLES; past that, the
 * most recent originals first (by date, the undated as the oldest, then the later in input order), copies
 * only when originals run short. Returned as ids, in the members' order.
 */
export function briefingMembers(members: readonly StoryMember[], families: ReadonlyMap<string, string>): string[] {
  if (members.length <= BRIEFING_ARTICLES) return members.map((m) => m.id);
  const ranked = members.map((m, position) => ({ m, position, original: families.get(m.id) === m.id }));
  ranked.sort(
    (x, y) =>
      Number(y.original) - Number(x.original) ||
      (y.m.published ?? "").localeCompare(x.m.published ?? "") ||
      y.position - x.position,
  );
  const read = new Set(ranked.slice(0, BRIEFING_ARTICLES).map((r) => r.m.id));
  return members.filter((m) => read.has(m.id)).map((m) => m.id);
}

/**
 * The Story of `members` (in input order). `available` holds at least the members its briefing reads
 * (briefingMembers), whole; `copies` are the members' own copy relations (a copy points inside its story);
 * `facts` holds those of the articles read; `families` maps every member to its family's original.
 */
export function assembleStory(
  members: readonly StoryMember[],
  available: readonly Article[],
  copies: Copy[],
  facts: ReadonlyMap<string, ArticleFacts>,
  families: ReadonlyMap<string, string>,
): Story {
  const byId = new Map(available.map((a) => [a.id, a] as const));
  const articles = briefingMembers(members, families).map((id) => byId.get(id)!);
  const partial = articles.length < members.length;
  const read = new Set(articles.map((a) => a.id));
  // A copy whose original is not read speaks for itself.
  if (partial) copies = copies.filter((c) => read.has(c.copy) && read.has(c.of));
  const storyFacts = new Map(articles.map((a) => [a.id, facts.get(a.id)!] as const));
  const id = storyId(members, families);
  const sentences = independentSentences(articles, copies);
  const counted = countedFacts(sentences, storyFacts);
  // Copies add no mentions, but a spelling only a copy uses is an alias of its entity.
  const entities = mergeEntities(counted, [...storyFacts.values()]);
  // An event's actors are named as the story's merged entities are, so the two lists agree.
  const split = splitEvents(articles, storyFacts, copies);
  const places = new Set(split.flatMap((e) => (e.place ? [foldName(e.place)] : [])));
  const events = split.map((e, i) => ({ id: `${id}-e${i + 1}`, ...e, actors: eventActors(e.articles, entities, places) }));
  const material: StoryMaterial = { articles, sentences, facts: storyFacts, events };
  return {
    id,
    title: storyTitle(members, families, articles[0]),
    articles: members.map((a) => a.id),
    ...(partial ? { read: articles.length } : {}),
    voices: new Set(members.map((a) => families.get(a.id))).size,
    events,
    entities,
    quotes: quotesOf(counted, entities),
    timeline: buildTimeline(material),
    summary: summarize(material),
    disagreements: findDisagreements(material),
    placements: explainPlacements(articles, copies, storyFacts),
  };
}

/** The facts of the sentences that count: copies add no mentions, quotes or dates of their own. */
function countedFacts(refs: StoryMaterial["sentences"], facts: ReadonlyMap<string, ArticleFacts>): ArticleFacts[] {
  const counted = new Map<string, Set<number>>();
  for (const ref of refs) {
    const set = counted.get(ref.article.id) ?? new Set<number>();
    set.add(ref.sentence.i);
    counted.set(ref.article.id, set);
  }
  return [...counted].map(([id, sentences]) => {
    const f = facts.get(id)!;
    return {
      article: id,
      mentions: f.mentions.filter((m) => sentences.has(m.sentence)),
      quotes: f.quotes.filter((q) => sentences.has(q.sentence)),
      times: f.times.filter((t) => sentences.has(t.sentence)),
    };
  });
}

/** Quotes with speakers mapped to merged entity names; one quote reported by several sources is listed once. */
function quotesOf(facts: ArticleFacts[], entities: Entity[]): Quote[] {
  // A story has few distinct speakers: resolve each name once.
  const resolved = new Map<string, string>();
  const entityName = (speaker: string): string => {
    let name = resolved.get(speaker);
    if (name === undefined) resolved.set(speaker, (name = speakerEntity(entities, speaker)?.name ?? speaker));
    return name;
  };
  const seen = new Set<string>();
  const quotes: Quote[] = [];
  for (const f of facts) {
    for (const q of f.quotes) {
      const key = normalizeForCompare(q.text);
      if (seen.has(key)) continue;
      seen.add(key);
      quotes.push({ text: q.text, speaker: q.speaker ? entityName(q.speaker) : null, article: f.article, sentence: q.sentence });
    }
  }
  return quotes;
}

/**
 * A story's id hashes the id of the article that opened it (its first independent article in the order
 * articles came), so an id once written holds: later articles, and stories merged into it, leave it be.
 */
export function storyId(articles: readonly StoryMember[], families: ReadonlyMap<string, string>): string {
  const opener = articles.find((a) => families.get(a.id) === a.id) ?? articles[0];
  return `s-${digest(opener.id, 10)}`;
}

/** The title of the story's earliest independent article with a title (else the first read's opening). */
function storyTitle(members: readonly StoryMember[], families: ReadonlyMap<string, string>, first: Article): string {
  const originals = members.filter((a) => families.get(a.id) === a.id);
  const dated = [...originals].sort((a, b) => (a.published ?? "9999").localeCompare(b.published ?? "9999"));
  const withTitle = dated.find((a) => a.title) ?? members.find((a) => a.title);
  return withTitle?.title ?? first.sentences[0]?.text.slice(0, 120) ?? "Untitled story";
}
