// Queries of followed sources (storydesk follow / poll), one Kysely layer over SQLite and PostgreSQL.
// Every value (URLs, header values, error text from fetched content) goes in as a parameter.
import type { Kysely, Selectable, Transaction } from "kysely";
import type { Database, FollowedSourcesTable } from "./schema.js";

type Q = Kysely<Database> | Transaction<Database>;

export type FollowedSourceRow = Selectable<FollowedSourcesTable>;

/** Rows per statement when a list of keys goes in as parameters (well under both dialects' limits). */
const CHUNK = 500;

function chunks<T>(list: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/**
 * Follows URLs: new ones are due at once; one already followed keeps its state and takes the new interval
 * and item-pages setting. Returns the URLs that were new.
 */
export async function addSources(db: Q, urls: string[], every: number, itemPages: boolean, now: string): Promise<string[]> {
  if (!urls.length) return [];
  const known = new Set((await db.selectFrom("followed_sources").select("url").where("url", "in", urls).execute()).map((r) => r.url));
  const fresh = [...new Set(urls)].filter((u) => !known.has(u));
  if (fresh.length) {
    await db
      .insertInto("followed_sources")
      .values(fresh.map((url) => ({ url, every_seconds: every, item_pages: itemPages ? 1 : 0, added: now, next_due: now })))
      .onConflict((oc) => oc.column("url").doNothing())
      .execute();
  }
  if (known.size) {
    await db
      .updateTable("followed_sources")
      .set({ every_seconds: every, item_pages: itemPages ? 1 : 0 })
      .where("url", "in", [...known])
      .execute();
  }
  return fresh;
}

export async function listSources(db: Q): Promise<FollowedSourceRow[]> {
  return db.selectFrom("followed_sources").selectAll().orderBy("id").execute();
}

export async function sourceById(db: Q, id: number): Promise<FollowedSourceRow | undefined> {
  return db.selectFrom("followed_sources").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Stops following URLs (and forgets their seen items); returns the URLs that were followed. */
export async function removeSources(db: Q, urls: string[]): Promise<string[]> {
  if (!urls.length) return [];
  const rows = await db.selectFrom("followed_sources").select(["id", "url"]).where("url", "in", urls).execute();
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  await db.deleteFrom("followed_items").where("source", "in", ids).execute();
  await db.deleteFrom("followed_sources").where("id", "in", ids).execute();
  return rows.map((r) => r.url);
}

/** Sources due at `now`, most overdue first. */
export async function dueSources(db: Q, now: string, limit = 1000): Promise<FollowedSourceRow[]> {
  return db.selectFrom("followed_sources").selectAll().where("next_due", "<=", now).orderBy("next_due").orderBy("id").limit(limit).execute();
}

/** The earliest next poll of any source, or null when nothing is followed. */
export async function earliestDue(db: Q): Promise<string | null> {
  const r = await db.selectFrom("followed_sources").select((eb) => eb.fn.min("next_due").as("due")).executeTakeFirst();
  return (r?.due as string | null | undefined) ?? null;
}

/** What a poll changes on its source. */
export type PollRecord = Partial<
  Pick<FollowedSourceRow, "kind" | "etag" | "last_modified" | "last_ok" | "last_status" | "last_error" | "failures" | "last_added">
> & { next_due: string; last_polled: string; added?: number };

export async function recordPoll(db: Q, id: number, r: PollRecord): Promise<void> {
  const { added, ...fields } = r;
  await db
    .updateTable("followed_sources")
    .set((eb) => ({ ...fields, total_added: eb("total_added", "+", added ?? 0) }))
    .where("id", "=", id)
    .execute();
}

/** Of the given item keys, those already taken from the source. */
export async function seenKeys(db: Q, source: number, keys: string[]): Promise<Set<string>> {
  const seen = new Set<string>();
  for (const part of chunks([...new Set(keys)])) {
    const rows = await db.selectFrom("followed_items").select("key").where("source", "=", source).where("key", "in", part).execute();
    for (const r of rows) seen.add(r.key);
  }
  return seen;
}

/**
 * Records item keys as taken (or still present in the feed: their time is renewed) and forgets the keys of
 * this source not seen since `forgetBefore`, so the table stays about as large as the feeds themselves.
 */
export async function markSeen(db: Q, source: number, keys: string[], now: string, forgetBefore: string): Promise<void> {
  for (const part of chunks([...new Set(keys)])) {
    await db
      .insertInto("followed_items")
      .values(part.map((key) => ({ source, key, seen: now })))
      .onConflict((oc) => oc.columns(["source", "key"]).doUpdateSet({ seen: now }))
      .execute();
  }
  await db.deleteFrom("followed_items").where("source", "=", source).where("seen", "<", forgetBefore).execute();
}
