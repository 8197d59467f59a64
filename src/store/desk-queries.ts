// The desk's read queries (storydesk serve, storydesk export): story lists with filters, one story with
// its articles and copies, articles, entities, search. Both dialects through Kysely, every value bound as a
// parameter. Each request reads through an index: story_outputs by id, size or recency; articles by id,
// story or source; story_entities (written with each story output) by name; full-text search by its index.

import { sql, type Expression, type RawBuilder, type SqlBool } from "kysely";
import { matchesQuery, startsWith, type Dialect } from "./dialect.js";
import type { Q } from "./queries.js";
import { articleFromRow, chunks } from "./codec.js";
import type { Article } from "../model/index.js";

export type StorySort = "recent" | "size";

export interface StoryFilter {
  /** YYYY-MM-DD (or YYYY-MM, YYYY): stories whose articles' dates reach into the range. */
  since?: string;
  until?: string;
  /** An entity's name, exactly as stories list it. */
  entity?: string;
  /** An outlet's name (source.name), exactly. */
  source?: string;
  /** Words that must all occur in one of the story's articles. */
  q?: string;
}

export interface StoryListFilter extends StoryFilter {
  sort: StorySort;
  limit: number;
  offset: number;
}

export interface StoryCard {
  id: string;
  title: string;
  size: number;
  first_date: string | null;
  last_date: string | null;
  /** Independent voices: copy families among its articles. */
  voices: number;
}

/** Story outputs matching the filter's conditions (date range, entity, source, words). */
function matching(db: Q, dialect: Dialect, f: StoryFilter) {
  let base = db.selectFrom("story_outputs as o");
  if (f.since) base = base.where("o.last_date", ">=", f.since);
  // "2024-05" must keep "2024-05-31": compare against the range's last possible string.
  if (f.until) base = base.where("o.first_date", "<=", `${f.until}\uffff`);
  if (f.entity) {
    const entity = f.entity;
    base = base.where("o.story", "in", (eb) => eb.selectFrom("story_entities").select("story").where("lname", "=", entity.toLowerCase()).where("name", "=", entity));
  }
  if (f.source) {
    const source = f.source;
    base = base.where("o.story", "in", (eb) =>
      eb.selectFrom("articles").select("story").where("source_name", "=", source).where("story", "is not", null),
    );
  }
  if (f.q) {
    const text = f.q;
    base = base.where(({ ref }) => storiesMatching(dialect, ref("o.story"), text));
  }
  return base;
}

/** How many stories match the filter. */
export async function countStories(db: Q, dialect: Dialect, f: StoryFilter): Promise<number> {
  const row = await matching(db, dialect, f).select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One page of the stories matching the filter. */
export async function storyPage(db: Q, dialect: Dialect, f: StoryListFilter): Promise<StoryCard[]> {
  const columns = ["o.story", "o.id", "o.title", "o.size", "o.first_date", "o.last_date", "o.first_seq"] as const;
  let page = matching(db, dialect, f).select([...columns]);
  page =
    f.sort === "size"
      ? page.orderBy("o.size", "desc").orderBy("o.first_seq")
      : // Undated stories last. SQLite sorts NULL lowest, so a plain DESC does it and keeps to the index;
        // PostgreSQL needs NULLS LAST, which its index (migrations 3 and 12) is built with.
        dialect === "sqlite"
        ? page.orderBy("o.last_date", "desc").orderBy("o.first_seq", "desc")
        : page.orderBy(sql`o.last_date desc nulls last`).orderBy("o.first_seq", "desc");
  // The page is cut before its voices are joined: joined first, a page deep in the list looked up the voices
  // of every story before it (2,000 lookups for offset 2,000).
  const rows = await db
    .selectFrom(page.limit(f.limit).offset(f.offset).as("p"))
    .leftJoin("story_cards as c", "c.story", "p.story")
    .select(["p.id", "p.title", "p.size", "p.first_date", "p.last_date", "p.first_seq", "c.voices"])
    .execute();
  // The outer query keeps no order of its own: restore the page's.
  const order = f.sort === "size"
    ? (a: (typeof rows)[number], b: (typeof rows)[number]) => b.size - a.size || Number(a.first_seq) - Number(b.first_seq)
    : (a: (typeof rows)[number], b: (typeof rows)[number]) =>
        (b.last_date ?? "").localeCompare(a.last_date ?? "") || Number(b.first_seq) - Number(a.first_seq);
  return rows
    .sort(order)
    .map((r) => ({ id: r.id, title: r.title, size: r.size, first_date: r.first_date, last_date: r.last_date, voices: Number(r.voices ?? 0) }));
}

/**
 * Whether a story has an article holding all the words of `query`. On SQLite the matching articles are
 * mapped to their stories through the (seq, story) index, named because the planner would rather look each
 * article up by its rowid, which reads the article's whole row, text included (5 times slower for a word in
 * 5,000 articles). The words are quoted as dialect.ts's matchesQuery quotes them, so no FTS syntax leaks in.
 */
function storiesMatching(dialect: Dialect, story: Expression<number>, query: string): RawBuilder<SqlBool> {
  if (dialect === "postgres") {
    return sql<SqlBool>`${story} IN (SELECT a.story FROM article_search AS s JOIN articles AS a ON a.seq = s.seq WHERE s.search @@ plainto_tsquery('simple', ${query}))`;
  }
  const words = query.match(/[\p{L}\p{N}]+/gu) ?? [];
  const fts = words.map((w) => `"${w}"`).join(" ") || '""';
  return sql<SqlBool>`${story} IN (SELECT story FROM articles INDEXED BY articles_seq_story WHERE seq IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ${fts}))`;
}

export interface StoryRow {
  story: number;
  id: string;
  title: string;
  size: number;
  first_date: string | null;
  last_date: string | null;
  json: string;
}

/** A story's number and output version, by id (s-…) or key, without reading its JSON; undefined when unknown. */
export async function storyVersion(db: Q, id: string): Promise<{ story: number; version: number } | undefined> {
  const byId = await db
    .selectFrom("story_outputs as o")
    .leftJoin("story_versions as v", "v.story", "o.story")
    .select(["o.story", "v.version"])
    .where("o.id", "=", id)
    .executeTakeFirst();
  const row =
    byId ??
    (await db
      .selectFrom("story_outputs as o")
      .innerJoin("stories as s", "s.no", "o.story")
      .leftJoin("story_versions as v", "v.story", "o.story")
      .select(["o.story", "v.version"])
      .where("s.key", "=", id)
      .executeTakeFirst());
  return row ? { story: Number(row.story), version: Number(row.version ?? 0) } : undefined;
}

/** A story output by its number. */
export async function storyByNo(db: Q, story: number): Promise<StoryRow | undefined> {
  const row = await db
    .selectFrom("story_outputs")
    .select(["story", "id", "title", "size", "first_date", "last_date", "json"])
    .where("story", "=", story)
    .executeTakeFirst();
  return row ? { ...row, story: Number(row.story) } : undefined;
}

export interface ArticleCard {
  id: string;
  title: string | null;
  source_name: string | null;
  source_url: string | null;
  agency: string | null;
  author: string | null;
  published: string | null;
  /** The id of its copy family's original. */
  family: string;
}

const CARD_COLUMNS = ["id", "title", "source_name", "source_url", "agency", "author", "published", "family"] as const;

/** The articles of a story, in ingest order, without their texts. */
export async function storyArticles(db: Q, story: number): Promise<ArticleCard[]> {
  return db.selectFrom("articles").select([...CARD_COLUMNS]).where("story", "=", story).orderBy("seq").execute();
}

export interface CopyRow {
  copy: string;
  of: string;
  kind: string;
  similarity: number;
}

/** The copy relations of the given articles (as copies), in ingest order. */
export async function copiesAmong(db: Q, ids: string[]): Promise<CopyRow[]> {
  const out: (CopyRow & { copy_seq: number })[] = [];
  for (const part of chunks(ids)) {
    out.push(...(await db.selectFrom("copies").select(["copy", "of", "kind", "similarity", "copy_seq"]).where("copy", "in", part).execute()));
  }
  return out.sort((a, b) => Number(a.copy_seq) - Number(b.copy_seq)).map(({ copy, of, kind, similarity }) => ({ copy, of, kind, similarity }));
}

export interface ArticleRow extends ArticleCard {
  path: string;
  dateline: string | null;
  text: string;
  /** JSON: [start, end, paragraph] per sentence. */
  sentences: string;
  /** The id of the story it belongs to (null while it is not placed yet). */
  story_id: string | null;
  story_title: string | null;
}

export async function articleById(db: Q, id: string): Promise<ArticleRow | undefined> {
  const row = await db
    .selectFrom("articles as a")
    .leftJoin("story_outputs as o", "o.story", "a.story")
    .select([
      "a.id", "a.title", "a.source_name", "a.source_url", "a.agency", "a.author", "a.published", "a.family",
      "a.path", "a.dateline", "a.text", "a.sentences", "o.id as story_id", "o.title as story_title",
    ])
    .where("a.id", "=", id)
    .executeTakeFirst();
  return row;
}

/** Whole articles (texts and sentences), for the copy evidence of a page; in no particular order. */
export async function articlesByIds(db: Q, ids: string[]): Promise<Article[]> {
  const out: Article[] = [];
  for (const part of chunks(ids)) {
    const rows = await db
      .selectFrom("articles")
      .select(["id", "path", "source_name", "source_url", "agency", "author", "title", "published", "dateline", "text", "sentences"])
      .where("id", "in", part)
      .execute();
    out.push(...rows.map(articleFromRow));
  }
  return out;
}

export interface EntityStories {
  name: string;
  type: string;
  mentions: number;
  /** Stories naming it, biggest first. */
  stories: { id: string; title: string; size: number }[];
  total: number;
}

/**
 * Entities whose name starts with `prefix` (any case), the most widespread first, each with its
 * biggest stories (up to `perEntity`).
 */
export async function searchEntities(db: Q, dialect: Dialect, prefix: string, limit: number, offset: number, perEntity: number): Promise<{ total: number; entities: EntityStories[] }> {
  const like = startsWith(dialect, sql.ref("lname"), prefix.toLowerCase());
  const total = await db
    .selectFrom("story_entities")
    .select((eb) => eb.fn.count<number>("name").distinct().as("n"))
    .where(like)
    .executeTakeFirstOrThrow();
  const names = await db
    .selectFrom("story_entities")
    .select((eb) => ["name", eb.fn.max("type").as("type"), eb.fn.count<number>("story").as("stories"), eb.fn.sum<number>("mentions").as("mentions")])
    .where(like)
    .groupBy("name")
    .orderBy("stories", "desc")
    .orderBy("name")
    .limit(limit)
    .offset(offset)
    .execute();
  const entities: EntityStories[] = [];
  for (const n of names) {
    const page = await entityStories(db, n.name, perEntity, 0);
    entities.push({ name: n.name, type: String(n.type), mentions: Number(n.mentions), stories: page.stories, total: Number(n.stories) });
  }
  return { total: Number(total.n), entities };
}

/** The stories naming an entity (exact name), biggest first. */
export async function entityStories(db: Q, name: string, limit: number, offset: number): Promise<{ total: number; type: string | null; mentions: number; stories: { id: string; title: string; size: number }[] }> {
  const summary = await db
    .selectFrom("story_entities")
    .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.max("type").as("type"), eb.fn.sum<number>("mentions").as("mentions")])
    .where("lname", "=", name.toLowerCase())
    .where("name", "=", name)
    .executeTakeFirstOrThrow();
  const stories = await db
    .selectFrom("story_entities as e")
    .innerJoin("story_outputs as o", "o.story", "e.story")
    .select(["o.id", "o.title", "o.size"])
    .where("e.lname", "=", name.toLowerCase())
    .where("e.name", "=", name)
    .orderBy("o.size", "desc")
    .orderBy("o.first_seq")
    .limit(limit)
    .offset(offset)
    .execute();
  return { total: Number(summary.n), type: summary.type == null ? null : String(summary.type), mentions: Number(summary.mentions ?? 0), stories };
}

export interface SearchHit {
  id: string;
  title: string | null;
  source_name: string | null;
  published: string | null;
  story_id: string | null;
  story_title: string | null;
}

/** Articles holding all the words of `q`, newest ingested first. */
export async function searchArticles(db: Q, dialect: Dialect, q: string, limit: number, offset: number): Promise<{ total: number; articles: SearchHit[] }> {
  const base = db.selectFrom("articles as a").where(({ ref }) => matchesQuery(dialect, ref("a.seq"), q));
  const total = await base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const rows = await base
    .leftJoin("story_outputs as o", "o.story", "a.story")
    .select(["a.id", "a.title", "a.source_name", "a.published", "o.id as story_id", "o.title as story_title"])
    .orderBy("a.seq", "desc")
    .limit(limit)
    .offset(offset)
    .execute();
  return { total: Number(total.n), articles: rows };
}
