// The pipeline: documents in, one Brief out. Each stage is called here and nowhere else.
//
//   SourceDocument ─► buildArticle ─► findCopies ─► extractFacts ─► groupStories ─► per story:
//   splitEvents, mergeEntities, quotes, buildTimeline, summarize, findDisagreements ─► Brief

import type {
  Article, ArticleFacts, Brief, Copy, Entity, InputError, Quote, SourceDocument, Story, StoryMaterial,
} from "../model/index.js";
import { BRIEF_SCHEMA } from "../model/index.js";
import { buildArticle } from "../text/article.js";
import { digest, normalizeForCompare } from "../text/tokens.js";
import { findCopies } from "../copies/index.js";
import { extractFacts, mergeEntities, speakerEntity } from "../facts/index.js";
import { groupStories, splitEvents } from "../stories/index.js";
import { buildTimeline } from "../timeline/index.js";
import { summarize } from "../summary/index.js";
import { findDisagreements } from "../disagreements/index.js";
import { familyOf, independentSentences } from "./independent.js";

export interface BriefOptions {
  /** The time written into Brief.generated (tests pin it for stable output). */
  now?: Date;
}

export function briefDocuments(documents: SourceDocument[], readErrors: InputError[] = [], options: BriefOptions = {}): Brief {
  const errors = [...readErrors];
  const articles = uniqueIds(buildArticles(documents, errors));
  const copies = findCopies(articles);
  const facts = new Map(articles.map((a) => [a.id, extractFacts(a)] as const));
  const byId = new Map(articles.map((a) => [a.id, a]));
  const families = familyOf(articles, copies);
  const copyOf = new Map(copies.map((c) => [c.copy, c] as const));

  const stories = groupStories(articles, copies).map((ids) => {
    const members = ids.map((id) => byId.get(id)!);
    // Copies point inside their story (a copy joins its original's story), so the story's own are enough.
    const storyCopies = members.flatMap((a) => copyOf.get(a.id) ?? []);
    const story = assembleStory(members, storyCopies, facts, families);
    // Each article is in one story: its facts are not needed again, and a large batch should not hold them.
    for (const id of ids) facts.delete(id);
    return story;
  });
  return {
    schema: BRIEF_SCHEMA,
    generated: (options.now ?? new Date()).toISOString(),
    articles,
    copies,
    stories,
    errors,
  };
}

function buildArticles(documents: SourceDocument[], errors: InputError[]): Article[] {
  const articles: Article[] = [];
  for (const doc of documents) {
    const article = buildArticle(doc);
    if (article.sentences.length === 0) {
      errors.push({ code: "empty", path: doc.path, message: `${doc.path}: no article text left after removing the header and boilerplate` });
      continue;
    }
    articles.push(article);
  }
  return articles;
}

/** Ids come from content, so two inputs with the same source and text collide: the later gets a suffix. */
function uniqueIds(articles: Article[]): Article[] {
  const seen = new Map<string, number>();
  return articles.map((a) => {
    const n = seen.get(a.id) ?? 0;
    seen.set(a.id, n + 1);
    return n === 0 ? a : { ...a, id: `${a.id}-${n + 1}` };
  });
}

function assembleStory(
  articles: Article[],
  copies: Copy[],
  facts: ReadonlyMap<string, ArticleFacts>,
  families: ReadonlyMap<string, string>,
): Story {
  const storyFacts = new Map(articles.map((a) => [a.id, facts.get(a.id)!] as const));
  const id = storyId(articles);
  const events = splitEvents(articles, storyFacts, copies).map((e, i) => ({ ...e, id: `${id}-e${i + 1}` }));
  const material: StoryMaterial = { articles, sentences: independentSentences(articles, copies), facts: storyFacts, events };
  const counted = countedFacts(material);
  const entities = mergeEntities(counted);
  return {
    id,
    title: storyTitle(articles, families),
    articles: articles.map((a) => a.id),
    voices: new Set(articles.map((a) => families.get(a.id))).size,
    events,
    entities,
    quotes: quotesOf(counted, entities),
    timeline: buildTimeline(material),
    summary: summarize(material),
    disagreements: findDisagreements(material),
  };
}

/** The facts of the sentences that count: copies add no mentions, quotes or dates of their own. */
function countedFacts(material: StoryMaterial): ArticleFacts[] {
  const counted = new Map<string, Set<number>>();
  for (const ref of material.sentences) {
    const set = counted.get(ref.article.id) ?? new Set<number>();
    set.add(ref.sentence.i);
    counted.set(ref.article.id, set);
  }
  return [...counted].map(([id, sentences]) => {
    const f = material.facts.get(id)!;
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

function storyId(articles: Article[]): string {
  return `s-${digest(articles.map((a) => a.id).join(","), 10)}`;
}

/** The title of the story's earliest independent article with a title. */
function storyTitle(articles: Article[], families: ReadonlyMap<string, string>): string {
  const originals = articles.filter((a) => families.get(a.id) === a.id);
  const dated = [...originals].sort((a, b) => (a.published ?? "9999").localeCompare(b.published ?? "9999"));
  const withTitle = dated.find((a) => a.title) ?? articles.find((a) => a.title);
  return withTitle?.title ?? articles[0].sentences[0]?.text.slice(0, 120) ?? "Untitled story";
}
