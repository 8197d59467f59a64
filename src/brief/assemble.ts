// The pipeline: documents in, one Brief out, in three steps cut at the seams a corpus ingest uses too.
//
//   1. per article (prepare.ts): buildArticle, extractFacts, copy signature, story terms
//   2. assignment, which needs the whole corpus: the copy index (lookup, verify, index) and copy families,
//      then the story index (originals vote, copies follow their original), then the user's pins
//   3. per story (story.ts): splitEvents, mergeEntities, quotes, buildTimeline, summarize, findDisagreements
//
// Here all state is in memory and every step runs over the whole batch; src/corpus/ runs the same stage
// functions batch by batch over state kept in a store, and redoes step 3 only for the stories it touched.

import type { Article, Brief, InputError, SourceDocument } from "../model/index.js";
import { BRIEF_SCHEMA } from "../model/index.js";
import { explainCopies, findCopies } from "../copies/index.js";
import { extractFacts } from "../facts/index.js";
import { articleTerms, createStoryIndex, groupByTerms } from "../stories/index.js";
import { applyPins, type Pin } from "../stories/pins.js";
import { articleOf } from "./prepare.js";
import { assembleStory } from "./story.js";
import { familyOf } from "./independent.js";

export interface BriefOptions {
  /** The time written into Brief.generated (tests pin it for stable output). */
  now?: Date;
  /** A user's corrections to the stories, applied after assignment (src/stories/pins.ts). */
  pins?: readonly Pin[];
}

export function briefDocuments(documents: SourceDocument[], readErrors: InputError[] = [], options: BriefOptions = {}): Brief {
  const errors = [...readErrors];
  const articles = uniqueIds(buildArticles(documents, errors));
  const copies = findCopies(articles);
  const facts = new Map(articles.map((a) => [a.id, extractFacts(a)] as const));
  const byId = new Map(articles.map((a) => [a.id, a]));
  const families = familyOf(articles, copies);
  const copyOf = new Map(copies.map((c) => [c.copy, c] as const));

  const index = createStoryIndex();
  const original = new Map(copies.map((c) => [c.copy, c.of] as const));
  const grouped = groupByTerms(articles.map((a) => a.id), original, (i) => articleTerms(articles[i], index.options), index);
  const groups = applyPins(grouped, options.pins ?? []);
  const position = new Map(articles.map((a, i) => [a.id, i] as const));
  const stories = groups.map((ids) => {
    // In input order, which a pinned article moved from another story would break.
    const members = ids.map((id) => byId.get(id)!).sort((a, b) => position.get(a.id)! - position.get(b.id)!);
    // A copy joins its original's story, so the story's own copies are enough; a pin may still part a copy
    // from its original, and then it speaks for itself there.
    const inStory = new Set(ids);
    const storyCopies = members.flatMap((a) => copyOf.get(a.id) ?? []).filter((c) => inStory.has(c.of));
    const story = assembleStory(members, members, storyCopies, facts, families);
    // Each article is in one story: its facts are not needed again, and a large batch should not hold them.
    for (const id of ids) facts.delete(id);
    return story;
  });
  return {
    schema: BRIEF_SCHEMA,
    generated: (options.now ?? new Date()).toISOString(),
    articles,
    copies: explainCopies(copies, articles),
    stories,
    errors,
  };
}

function buildArticles(documents: SourceDocument[], errors: InputError[]): Article[] {
  const articles: Article[] = [];
  for (const doc of documents) {
    const article = articleOf(doc);
    if ("code" in article) errors.push(article);
    else articles.push(article);
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
