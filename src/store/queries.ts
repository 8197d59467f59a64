// The typed queries of a corpus, for both dialects. The corpus driver (src/corpus/) calls these and
// nothing else; every list parameter is chunked, every write runs inside the caller's transaction.

import { sql, type Kysely, type Transaction } from "kysely";
import type BetterSqlite3 from "better-sqlite3";
import { matchesQuery, type Dialect } from "./dialect.js";
import type { ArticlesTable, Database, SignaturesTable, StoriesTable, StoryOutputsTable } from "./schema.js";
import { ARTICLE_COLUMNS, chunks, termFromRow, termToRow, type ProfileFields } from "./codec.js";

export type Q = Kysely<Database> | Transaction<Database>;

// --- SQLite without the query builder ---------------------------------------------------------------------
// On SQLite the hot statements of an ingest run straight on the connection, each prepared once: building
// and compiling a query (Kysely) cost more than SQLite took to run it. SQLite has one connection, so such a
// statement runs inside the transaction Kysely opened. PostgreSQL keeps the Kysely path.

const RAW = new WeakMap<object, BetterSqlite3.Database>();
const STATEMENTS = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

export function registerRaw(db: Q, sqlite: BetterSqlite3.Database): void {
  RAW.set(db, sqlite);
}

/** A prepared statement on the SQLite connection behind `db`, or undefined on PostgreSQL. */
function raw(db: Q, text: string): BetterSqlite3.Statement | undefined {
  const sqlite = RAW.get(db);
  if (!sqlite) return undefined;
  let cache = STATEMENTS.get(sqlite);
  if (!cache) STATEMENTS.set(sqlite, (cache = new Map()));
  let stmt = cache.get(text);
  if (!stmt) cache.set(text, (stmt = sqlite.prepare(text)));
  return stmt;
}

/** Runs `fn` in one transaction (on SQLite, raw statements inside it join it). */
export async function transaction<T>(db: Kysely<Database>, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  const sqlite = RAW.get(db);
  return db.transaction().execute((trx) => {
    if (sqlite) RAW.set(trx, sqlite);
    return fn(trx);
  });
}

async function inChunks<T, R>(items: readonly T[], run: (part: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (const part of chunks(items)) out.push(...(await run(part)));
  return out;
}

// --- counters --------------------------------------------------------------------------------------------

export async function counter(db: Q, key: string): Promise<number> {
  const row = await db.selectFrom("ingest_state").select("value").where("key", "=", key).executeTakeFirst();
  return row ? Number(row.value) : 0;
}

export async function setCounter(db: Q, key: string, value: number): Promise<void> {
  await db.insertInto("ingest_state").values({ key, value }).onConflict((oc) => oc.column("key").doUpdateSet({ value })).execute();
}

// --- step 1: prepared articles ------------------------------------------------------------------------------

export async function existingIds(db: Q, ids: string[]): Promise<Set<string>> {
  const rows = await inChunks(ids, (part) => db.selectFrom("articles").select("id").where("id", "in", part).execute());
  return new Set(rows.map((r) => r.id));
}

export async function nextSeq(db: Q): Promise<number> {
  const row = await db.selectFrom("articles").select((eb) => eb.fn.max("seq").as("m")).executeTakeFirst();
  return row?.m == null ? 1 : Number(row.m) + 1;
}

/** Advisory lock keys (PostgreSQL): numbering new articles, and the one assigning process. */
export const RESERVE_LOCK = 7358002;
export const ASSIGN_LOCK = 7358003;

/**
 * Reserves `n` sequence numbers (in the caller's transaction): after every stored article and every
 * number a queued batch holds. On PostgreSQL the transaction holds a lock until it ends, so concurrent
 * writers take consecutive ranges.
 */
export async function reserveSeqs(db: Q, dialect: Dialect, n: number): Promise<number> {
  if (dialect === "postgres") await sql`SELECT pg_advisory_xact_lock(${RESERVE_LOCK})`.execute(db);
  const first = Math.max(await nextSeq(db), await counter(db, "next_seq"));
  await setCounter(db, "next_seq", first + n);
  return first;
}

/** Stored articles among the ids: their numbers and how far their assignment got. */
export async function storedIds(db: Q, ids: string[]): Promise<Map<string, { seq: number; status: number }>> {
  const rows = await inChunks(ids, (part) =>
    db.selectFrom("articles as a").innerJoin("article_progress as p", "p.seq", "a.seq").select(["a.id", "a.seq", "p.status"]).where("a.id", "in", part).execute(),
  );
  return new Map(rows.map((r) => [r.id, { seq: Number(r.seq), status: r.status }]));
}

/** Removes prepared, unassigned articles (a queued batch found an earlier copy of the same article). */
export async function deletePrepared(db: Q, seqs: number[]): Promise<void> {
  for (const part of chunks(seqs)) {
    const unassigned = (await db.selectFrom("article_progress").select("seq").where("seq", "in", part).where("status", "=", 0).execute()).map((r) => r.seq);
    if (unassigned.length === 0) continue;
    await db.deleteFrom("signatures").where("seq", "in", unassigned).execute();
    await db.deleteFrom("article_progress").where("seq", "in", unassigned).execute();
    await db.deleteFrom("articles").where("seq", "in", unassigned).execute();
  }
}

// --- queued batches ---------------------------------------------------------------------------------------

export async function insertBatches(db: Q, rows: { no: number; round: number; first_seq: number; size: number; docs: string }[]): Promise<void> {
  for (const r of rows) await db.insertInto("ingest_batches").values({ ...r, prepared: 0 }).execute();
}

/** A queued batch, locked until the caller's transaction ends (PostgreSQL); null when gone. */
export async function lockBatch(db: Q, dialect: Dialect, no: number): Promise<{ round: number; first_seq: number; size: number; docs: string | null; prepared: number } | null> {
  if (dialect === "postgres") {
    const r = await sql<{ round: string; first_seq: string; size: number; docs: string | null; prepared: number }>`
      SELECT round, first_seq, size, docs, prepared FROM ingest_batches WHERE no = ${no} FOR UPDATE`.execute(db);
    const row = r.rows[0];
    return row ? { ...row, round: Number(row.round), first_seq: Number(row.first_seq) } : null;
  }
  const row = await db.selectFrom("ingest_batches").select(["round", "first_seq", "size", "docs", "prepared"]).where("no", "=", no).executeTakeFirst();
  return row ? { ...row, round: Number(row.round), first_seq: Number(row.first_seq) } : null;
}

export async function markPrepared(db: Q, no: number): Promise<void> {
  await db.updateTable("ingest_batches").set({ prepared: 1, docs: null }).where("no", "=", no).execute();
}

/** The oldest round still queued: whether all its batches are prepared, and the number after its last seq. */
export async function oldestRound(db: Q): Promise<{ round: number; ready: boolean; end: number } | null> {
  const first = await db.selectFrom("ingest_batches").select((eb) => eb.fn.min("round").as("r")).executeTakeFirst();
  if (first?.r == null) return null;
  const round = Number(first.r);
  const rows = await db.selectFrom("ingest_batches").select(["first_seq", "size", "prepared"]).where("round", "=", round).execute();
  return {
    round,
    ready: rows.every((r) => r.prepared === 1),
    end: Math.max(...rows.map((r) => Number(r.first_seq) + r.size)),
  };
}

export async function deleteRound(db: Q, round: number): Promise<void> {
  await db.deleteFrom("ingest_batches").where("round", "=", round).execute();
}

export async function unpreparedBatches(db: Q): Promise<number[]> {
  const rows = await db.selectFrom("ingest_batches").select("no").where("prepared", "=", 0).orderBy("no").execute();
  return rows.map((r) => Number(r.no));
}

const ARTICLE_INSERT_COLUMNS = [
  "seq", "id", "path", "source_name", "source_url", "agency", "author", "title", "published", "dateline", "text", "sentences", "facts",
  "family", "story", "ingested",
] as const satisfies readonly (keyof ArticlesTable)[];
const SIGNATURE_COLUMNS = [
  "seq", "digest", "chars", "codes", "sentence_ends", "keys", "word_keys", "skeleton_keys", "terms",
] as const satisfies readonly (keyof SignaturesTable)[];
const insertSql = (table: string, columns: readonly string[]) =>
  `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`;

export async function insertArticles(db: Q, articles: ArticlesTable[], signatures: SignaturesTable[]): Promise<void> {
  const a = raw(db, insertSql("articles", ARTICLE_INSERT_COLUMNS));
  if (a) {
    for (const row of articles) a.run(ARTICLE_INSERT_COLUMNS.map((c) => row[c]));
    const s = raw(db, insertSql("signatures", SIGNATURE_COLUMNS))!;
    for (const row of signatures) s.run(SIGNATURE_COLUMNS.map((c) => row[c]));
    const p = raw(db, "INSERT INTO article_progress (seq, status, voter) VALUES (?, 0, 0)")!;
    for (const row of articles) p.run(row.seq);
    return;
  }
  // Rows are wide (texts): a few hundred per statement keeps every dialect's parameter limit far away.
  for (const part of chunks(articles, 200)) await db.insertInto("articles").values(part).execute();
  for (const part of chunks(signatures, 500)) await db.insertInto("signatures").values(part).execute();
  for (const part of chunks(articles, 2000)) await db.insertInto("article_progress").values(part.map((r) => ({ seq: r.seq, status: 0, voter: 0 }))).execute();
}

export async function countArticles(db: Q): Promise<number> {
  const row = await db.selectFrom("articles").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}

// --- step 2a: copies ----------------------------------------------------------------------------------------

export interface PendingSignature extends ProfileFields {
  seq: number;
  keys: Uint8Array;
}

/** The next articles waiting for copy assignment, in ingest order, with their signatures. */
export async function pendingSignatures(db: Q, limit: number, below = Number.MAX_SAFE_INTEGER): Promise<PendingSignature[]> {
  return db
    .selectFrom("article_progress as p")
    .innerJoin("articles as a", "a.seq", "p.seq")
    .innerJoin("signatures as s", "s.seq", "p.seq")
    .select(["a.seq", "a.id", "a.published", "s.chars", "s.digest", "s.codes", "s.sentence_ends", "s.keys", "s.word_keys", "s.skeleton_keys"])
    .where("p.status", "=", 0)
    .where("p.seq", "<", below)
    .orderBy("p.seq")
    .limit(limit)
    .execute();
}

export async function digestSlots(db: Q, digests: number[]): Promise<Map<number, number>> {
  const rows = await inChunks(digests, (part) => db.selectFrom("copy_digests").select(["digest", "slot"]).where("digest", "in", part).execute());
  return new Map(rows.map((r) => [Number(r.digest), Number(r.slot)]));
}

export interface PostingRow {
  key: number;
  slot: number;
  word_keys: number;
  skeleton_keys: number;
}

/**
 * Whole posting lists of the keys, with the key counts of the slots they name. A list is the key's rows in
 * copy_postings, then those in copy_postings_recent: every recent slot is newer than every merged one, so
 * each list comes in slot order.
 */
export async function postingsOf(db: Q, keys: number[]): Promise<PostingRow[]> {
  // On SQLite the key counts come from their covering index (migration 7): the signature row holds them
  // behind its blobs, and reading them there walked overflow pages for every candidate. They are read
  // once per slot named: a batch's postings name each slot about five times, and joining them row by row
  // took twice as long as the postings themselves (at 100,000 articles, 221–394 ms against 110–125).
  const merged = raw(db, "SELECT key, slot FROM copy_postings WHERE key IN (SELECT value FROM json_each(?))");
  const recent = raw(db, "SELECT key, slot FROM copy_postings_recent WHERE key IN (SELECT value FROM json_each(?))");
  if (merged && recent) {
    const postings = await inChunks(keys, async (part) => {
      const json = JSON.stringify(part);
      return [...(merged.all(json) as { key: number; slot: number }[]), ...(recent.all(json) as { key: number; slot: number }[])];
    });
    const counts = raw(db, "SELECT seq, word_keys, skeleton_keys FROM signatures INDEXED BY signatures_key_counts WHERE seq IN (SELECT value FROM json_each(?))")!;
    const bySlot = new Map<number, { word_keys: number; skeleton_keys: number }>();
    const slots = [...new Set(postings.map((p) => p.slot))];
    for (const part of chunks(slots)) for (const r of counts.all(JSON.stringify(part)) as { seq: number; word_keys: number; skeleton_keys: number }[]) bySlot.set(r.seq, r);
    return postings.flatMap(({ key, slot }) => {
      const c = bySlot.get(slot);
      return c ? [{ key, slot, word_keys: c.word_keys, skeleton_keys: c.skeleton_keys }] : [];
    });
  }
  const lists = (table: "copy_postings" | "copy_postings_recent", part: number[]) =>
    db
      .selectFrom(`${table} as p`)
      .innerJoin("signatures as s", "s.seq", "p.slot")
      .select(["p.key", "p.slot", "s.word_keys", "s.skeleton_keys"])
      .where("p.key", "in", part)
      .execute();
  return inChunks(keys, async (part) => [...(await lists("copy_postings", part)), ...(await lists("copy_postings_recent", part))]);
}

/** Full copy profiles (codes) of indexed slots, for verification. */
export async function profilesOf(db: Q, slots: number[]): Promise<(ProfileFields & { seq: number })[]> {
  return inChunks(slots, (part) =>
    db
      .selectFrom("articles as a")
      .innerJoin("signatures as s", "s.seq", "a.seq")
      .select(["a.seq", "a.id", "a.published", "s.chars", "s.digest", "s.codes", "s.sentence_ends", "s.word_keys", "s.skeleton_keys"])
      .where("a.seq", "in", part)
      .execute(),
  );
}

export interface FamilyMemberRow {
  seq: number;
  id: string;
  published: string | null;
  chars: number;
  /** The agency credited, if any: without dates it decides a family's original. */
  agency: string | null;
  family: string;
  story: number | null;
}

export async function familiesOfSlots(db: Q, slots: number[]): Promise<string[]> {
  const rows = await inChunks(slots, (part) => db.selectFrom("articles").select("family").where("seq", "in", part).execute());
  return [...new Set(rows.map((r) => r.family))];
}

export async function familyMembers(db: Q, families: string[]): Promise<FamilyMemberRow[]> {
  return inChunks(families, (part) =>
    db
      .selectFrom("articles as a")
      .innerJoin("signatures as s", "s.seq", "a.seq")
      .select(["a.seq", "a.id", "a.published", "s.chars", "a.agency", "a.family", "a.story"])
      .where("a.family", "in", part)
      .execute(),
  );
}

export async function edgesOf(db: Q, slots: number[]): Promise<{ a: number; b: number; kind: string; similarity: number }[]> {
  const rows = await inChunks(slots, (part) =>
    db.selectFrom("copy_edges").select(["a", "b", "kind", "similarity"]).where((eb) => eb.or([eb("a", "in", part), eb("b", "in", part)])).execute(),
  );
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(`${r.a},${r.b}`) && seen.add(`${r.a},${r.b}`)).map((r) => ({ ...r, a: Number(r.a), b: Number(r.b) }));
}

export interface CopyBatchWrite {
  seqs: number[];
  /** New postings, written to copy_postings_recent. */
  postings: { key: number; slot: number }[];
  /** Move copy_postings_recent into copy_postings after this batch's postings. */
  mergePostings: boolean;
  digests: { digest: number; slot: number }[];
  /** Slots indexed with no keys of their own (exact reprints). */
  keyless: number[];
  edges: { a: number; b: number; kind: string; similarity: number }[];
  /** Members of the families recomputed: their copy rows are replaced, their family set. */
  members: { seq: number; id: string; family: string; story: number | null }[];
  copies: { copy: string; of: string; kind: string; similarity: number; copy_seq: number }[];
}

export async function writeCopyBatch(db: Q, w: CopyBatchWrite): Promise<void> {
  const posting = raw(db, "INSERT INTO copy_postings_recent (key, slot) VALUES (?, ?)");
  if (posting) {
    for (const p of w.postings) posting.run(p.key, p.slot);
    const digest = raw(db, "INSERT INTO copy_digests (digest, slot) VALUES (?, ?)")!;
    for (const d of w.digests) digest.run(d.digest, d.slot);
  } else {
    for (const part of chunks(w.postings, 5000)) await db.insertInto("copy_postings_recent").values(part).execute();
    for (const part of chunks(w.digests, 5000)) await db.insertInto("copy_digests").values(part).execute();
  }
  if (w.mergePostings) {
    // In key order, so each page of the large index is written once for all the rows it takes.
    await sql`INSERT INTO copy_postings (key, slot) SELECT key, slot FROM copy_postings_recent ORDER BY key, slot`.execute(db);
    await db.deleteFrom("copy_postings_recent").execute();
  }
  for (const part of chunks(w.keyless)) await db.updateTable("signatures").set({ word_keys: 0, skeleton_keys: 0 }).where("seq", "in", part).execute();
  for (const part of chunks(w.edges, 2000)) await db.insertInto("copy_edges").values(part).execute();
  const ids = w.members.map((m) => m.id);
  for (const part of chunks(ids)) await db.deleteFrom("copies").where("copy", "in", part).execute();
  for (const part of chunks(w.copies, 2000)) await db.insertInto("copies").values(part).execute();
  const family = raw(db, "UPDATE articles SET family = ? WHERE seq = ? AND family != ?");
  if (family) for (const m of w.members) family.run(m.family, m.seq, m.family);
  else {
    // One statement per chunk, not one per family: on PostgreSQL every statement is a round trip.
    for (const part of chunks(w.members, 5000)) {
      await sql`UPDATE articles AS a SET family = m.family
        FROM (SELECT unnest(${part.map((m) => m.seq)}::bigint[]) AS seq, unnest(${part.map((m) => m.family)}::text[]) AS family) AS m
        WHERE a.seq = m.seq AND a.family <> m.family`.execute(db);
    }
  }
  // Stories holding a member whose copy relation may have changed are recomputed.
  const stories = [...new Set(w.members.flatMap((m) => (m.story === null ? [] : [m.story])))];
  for (const part of chunks(stories)) await db.updateTable("stories").set({ dirty: 1 }).where("no", "in", part).execute();
  await setStatus(db, w.seqs, 1);
}

/** Sets the assignment status of articles (one cached statement per row on SQLite). */
async function setStatus(db: Q, seqs: number[], status: number): Promise<void> {
  const stmt = raw(db, "UPDATE article_progress SET status = ? WHERE seq = ?");
  if (stmt) {
    for (const seq of seqs) stmt.run(status, seq);
    return;
  }
  for (const part of chunks(seqs)) await db.updateTable("article_progress").set({ status }).where("seq", "in", part).execute();
}

// --- step 2b: stories ---------------------------------------------------------------------------------------

export async function pendingForCounting(db: Q, limit: number, below = Number.MAX_SAFE_INTEGER): Promise<{ seq: number; id: string; family: string; terms: Uint8Array }[]> {
  return db
    .selectFrom("article_progress as p")
    .innerJoin("articles as a", "a.seq", "p.seq")
    .innerJoin("signatures as s", "s.seq", "p.seq")
    .select(["a.seq", "a.id", "a.family", "s.terms"])
    .where("p.status", "=", 1)
    .where("p.seq", "<", below)
    .orderBy("p.seq")
    .limit(limit)
    .execute();
}

/** Of these families, those with a member already in a story. */
export async function placedFamilies(db: Q, families: string[]): Promise<Set<string>> {
  const rows = await inChunks(families, (part) =>
    db.selectFrom("articles").select("family").distinct().where("family", "in", part).where("story", "is not", null).execute(),
  );
  return new Set(rows.map((r) => r.family));
}

/** Marks articles counted (status 2), `voters` those whose terms were counted. */
export async function markCounted(db: Q, seqs: number[], voters: number[]): Promise<void> {
  const voter = raw(db, "UPDATE article_progress SET voter = 1 WHERE seq = ?");
  if (voter) for (const seq of voters) voter.run(seq);
  else for (const part of chunks(voters)) await db.updateTable("article_progress").set({ voter: 1 }).where("seq", "in", part).execute();
  await setStatus(db, seqs, 2);
}

/** Adds counted documents to the document frequencies (`df`: term → documents added) and sets the total. */
export async function addFrequencies(db: Q, df: Map<number, number>, docs: number): Promise<void> {
  const rows = [...df].map(([term, n]) => ({ term: termToRow(term), df: n }));
  const upsert = raw(db, "INSERT INTO story_df (term, df) VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET df = story_df.df + excluded.df");
  if (upsert) for (const r of rows) upsert.run(r.term, r.df);
  else {
    for (const part of chunks(rows, 5000)) {
      await db
        .insertInto("story_df")
        .values(part)
        .onConflict((oc) => oc.column("term").doUpdateSet({ df: sql`story_df.df + excluded.df` }))
        .execute();
    }
  }
  await setCounter(db, "docs", docs);
}

export async function pendingVoters(db: Q, limit: number, below = Number.MAX_SAFE_INTEGER): Promise<{ seq: number; id: string; terms: Uint8Array }[]> {
  return db
    .selectFrom("article_progress as p")
    .innerJoin("articles as a", "a.seq", "p.seq")
    .innerJoin("signatures as s", "s.seq", "p.seq")
    .select(["a.seq", "a.id", "s.terms"])
    .where("p.status", "=", 2)
    .where("p.voter", "=", 1)
    .where("p.seq", "<", below)
    .orderBy("p.seq")
    .limit(limit)
    .execute();
}

export async function documentFrequencies(db: Q, terms: number[]): Promise<Map<number, number>> {
  const rows = await inChunks(terms.map(termToRow), (part) => db.selectFrom("story_df").select(["term", "df"]).where("term", "in", part).execute());
  return new Map(rows.map((r) => [termFromRow(r.term), Number(r.df)]));
}

export interface WindowRow {
  term: number;
  story: number;
  weight: number;
  added: number;
}

/** The newest `size` entries of each term's posting list (stories whose centroid holds the term). */
export async function postingWindows(db: Q, dialect: Dialect, terms: number[], size: number): Promise<WindowRow[]> {
  const rows = await inChunks(terms.map(termToRow), async (part) => {
    const list = dialect === "postgres" ? sql`SELECT unnest(${part}::integer[]) AS term` : sql`SELECT value AS term FROM json_each(${JSON.stringify(part)})`;
    const q = sql<WindowRow>`
      WITH t AS (${list}),
      c AS MATERIALIZED (
        SELECT t.term, coalesce((SELECT x.added FROM story_terms x WHERE x.term = t.term ORDER BY x.added DESC LIMIT 1 OFFSET ${size - 1}), -1) AS cutoff
        FROM t)
      SELECT s.term, s.story, s.weight, s.added FROM c JOIN story_terms s ON s.term = c.term AND s.added >= c.cutoff`;
    return (await q.execute(db)).rows;
  });
  return rows.map((r) => ({ term: termFromRow(Number(r.term)), story: Number(r.story), weight: r.weight, added: Number(r.added) }));
}

/** The `size` entries of a term's posting list just older than `before` (its `added`), newest first. */
export async function postingTail(db: Q, term: number, before: number, size: number): Promise<WindowRow[]> {
  const stmt = raw(db, "SELECT story, weight, added FROM story_terms WHERE term = ? AND added < ? ORDER BY added DESC LIMIT ?");
  const rows = stmt
    ? (stmt.all(termToRow(term), before, size) as { story: number; weight: number; added: number }[])
    : await db
        .selectFrom("story_terms")
        .select(["story", "weight", "added"])
        .where("term", "=", termToRow(term))
        .where("added", "<", before)
        .orderBy("added", "desc")
        .limit(size)
        .execute();
  return rows.map((r) => ({ term, story: Number(r.story), weight: r.weight, added: Number(r.added) }));
}

export async function storiesOf(db: Q, nos: number[]): Promise<Omit<StoriesTable, "dirty" | "built" | "members">[]> {
  const rows = await inChunks(nos, (part) =>
    db.selectFrom("stories").select(["no", "key", "size", "terms", "norm2", "merged_into"]).where("no", "in", part).execute(),
  );
  return rows.map((r) => ({ ...r, no: Number(r.no), merged_into: r.merged_into === null ? null : Number(r.merged_into) }));
}

export async function centroidOf(db: Q, no: number): Promise<{ term: number; weight: number }[]> {
  const rows = await db.selectFrom("story_terms").select(["term", "weight"]).where("story", "=", no).execute();
  return rows.map((r) => ({ term: termFromRow(r.term), weight: r.weight }));
}

export interface PlacementWrite {
  stories: Omit<StoriesTable, "merged_into" | "dirty" | "built" | "members">[];
  /** Centroid terms written: `added` set for a term new to the story's centroid (its place in the term's list). */
  terms: { story: number; term: number; weight: number; added: number | null }[];
  removed: { story: number; term: number }[];
  members: Map<number, number[]>;
  /** Stories an article showed to be one, merged after the members are written. */
  merges: StoryMergeWrite[];
  at: string;
  nextStory: number;
  nextAdded: number;
}

/** Story `from` lives on as part of story `into`; `reason` is kept with the recorded merge. */
export interface StoryMergeWrite {
  from: number;
  into: number;
  reason: string;
}

/** Counts placements (and follower writes) so a process can tell whether its caches still hold. */
async function bumpPlacements(db: Q): Promise<number> {
  const next = (await counter(db, "placements")) + 1;
  await setCounter(db, "placements", next);
  return next;
}

/** Writes a placement; returns the corpus's placement count after it. */
export async function writePlacements(db: Q, w: PlacementWrite): Promise<number> {
  for (const part of chunks(w.stories, 2000)) {
    await db
      .insertInto("stories")
      .values(part.map((s) => ({ ...s, dirty: 1 })))
      .onConflict((oc) =>
        oc.column("no").doUpdateSet({ size: sql`excluded.size`, terms: sql`excluded.terms`, norm2: sql`excluded.norm2`, dirty: 1 }),
      )
      .execute();
  }
  const fresh = w.terms.filter((t) => t.added !== null).map((t) => ({ story: t.story, term: termToRow(t.term), weight: t.weight, added: t.added! }));
  const known = w.terms.filter((t) => t.added === null).map((t) => ({ story: t.story, term: termToRow(t.term), weight: t.weight, added: 0 }));
  const remove = raw(db, "DELETE FROM story_terms WHERE story = ? AND term = ?");
  if (remove) {
    for (const r of w.removed) remove.run(r.story, termToRow(r.term));
    const add = raw(db, "INSERT INTO story_terms (story, term, weight, added) VALUES (?, ?, ?, ?) ON CONFLICT (story, term) DO UPDATE SET weight = excluded.weight, added = excluded.added")!;
    for (const t of fresh) add.run(t.story, t.term, t.weight, t.added);
    const reweigh = raw(db, "INSERT INTO story_terms (story, term, weight, added) VALUES (?, ?, ?, 0) ON CONFLICT (story, term) DO UPDATE SET weight = excluded.weight")!;
    for (const t of known) reweigh.run(t.story, t.term, t.weight);
    await writeMembers(db, w.members);
    await writeMerges(db, w.merges, w.at);
    await setCounter(db, "next_story", w.nextStory);
    await setCounter(db, "next_added", w.nextAdded);
    return bumpPlacements(db);
  }
  for (const part of chunks(w.removed, 5000)) {
    await sql`DELETE FROM story_terms AS s
      USING (SELECT unnest(${part.map((r) => r.story)}::bigint[]) AS story, unnest(${part.map((r) => termToRow(r.term))}::integer[]) AS term) AS r
      WHERE s.story = r.story AND s.term = r.term`.execute(db);
  }
  for (const part of chunks(fresh, 5000)) {
    await db
      .insertInto("story_terms")
      .values(part)
      .onConflict((oc) => oc.columns(["story", "term"]).doUpdateSet({ weight: sql`excluded.weight`, added: sql`excluded.added` }))
      .execute();
  }
  for (const part of chunks(known, 5000)) {
    await db
      .insertInto("story_terms")
      .values(part)
      .onConflict((oc) => oc.columns(["story", "term"]).doUpdateSet({ weight: sql`excluded.weight` }))
      .execute();
  }
  await writeMembers(db, w.members);
  await writeMerges(db, w.merges, w.at);
  await setCounter(db, "next_story", w.nextStory);
  await setCounter(db, "next_added", w.nextAdded);
  return bumpPlacements(db);
}

async function writeMembers(db: Q, members: Map<number, number[]>): Promise<void> {
  const stmt = raw(db, "UPDATE articles SET story = ? WHERE seq = ?");
  if (stmt) {
    for (const [story, seqs] of members) for (const seq of seqs) stmt.run(story, seq);
    const count = raw(db, "UPDATE stories SET members = members + ? WHERE no = ?")!;
    for (const [story, seqs] of members) count.run(seqs.length, story);
    await setStatus(db, [...members.values()].flat(), 3);
    return;
  }
  const counts = [...members].map(([story, seqs]) => ({ story, n: seqs.length }));
  for (const part of chunks(counts, 5000)) {
    await sql`UPDATE stories AS s SET members = s.members + c.n
      FROM (SELECT unnest(${part.map((c) => c.story)}::bigint[]) AS story, unnest(${part.map((c) => c.n)}::integer[]) AS n) AS c
      WHERE s.no = c.story`.execute(db);
  }
  const pairs = [...members].flatMap(([story, seqs]) => seqs.map((seq) => ({ story, seq })));
  for (const part of chunks(pairs, 5000)) {
    await sql`UPDATE articles AS a SET story = m.story
      FROM (SELECT unnest(${part.map((p) => p.seq)}::bigint[]) AS seq, unnest(${part.map((p) => p.story)}::bigint[]) AS story) AS m
      WHERE a.seq = m.seq`.execute(db);
  }
  await setStatus(db, [...members.values()].flat(), 3);
}

export async function pendingFollowers(db: Q, limit: number, below = Number.MAX_SAFE_INTEGER): Promise<{ seq: number; id: string; family: string }[]> {
  return db
    .selectFrom("article_progress as p")
    .innerJoin("articles as a", "a.seq", "p.seq")
    .select(["a.seq", "a.id", "a.family"])
    .where("p.status", "=", 2)
    .where("p.voter", "=", 0)
    .where("p.seq", "<", below)
    .orderBy("p.seq")
    .limit(limit)
    .execute();
}

export async function placedMembers(db: Q, families: string[]): Promise<{ seq: number; id: string; family: string; story: number }[]> {
  const rows = await inChunks(families, (part) =>
    db.selectFrom("articles").select(["seq", "id", "family", "story"]).where("family", "in", part).where("story", "is not", null).execute(),
  );
  return rows.map((r) => ({ ...r, seq: Number(r.seq), story: Number(r.story) }));
}

export interface FollowWrite {
  members: Map<number, number[]>;
  /** Stories opened for followers with no placed family member (an original that could not vote). */
  opened: { no: number; key: string }[];
  merges: StoryMergeWrite[];
  nextStory: number;
  at: string;
}

/** Writes followers and merges; returns the corpus's placement count after it. */
export async function writeFollowers(db: Q, w: FollowWrite): Promise<number> {
  for (const s of w.opened) await db.insertInto("stories").values({ no: s.no, key: s.key, size: 0, terms: 0, norm2: 0, merged_into: null, dirty: 1 }).execute();
  await writeMerges(db, w.merges, w.at);
  const touched = [...w.members.keys()];
  for (const part of chunks(touched)) await db.updateTable("stories").set({ dirty: 1 }).where("no", "in", part).execute();
  await writeMembers(db, w.members);
  await setCounter(db, "next_story", w.nextStory);
  return bumpPlacements(db);
}

/** Moves each merged story's articles to the story it joins, and records the merge. */
async function writeMerges(db: Q, merges: StoryMergeWrite[], at: string): Promise<void> {
  for (const m of merges) {
    await db.updateTable("articles").set({ story: m.into }).where("story", "=", m.from).execute();
    await db
      .updateTable("stories")
      .set((eb) => ({ dirty: 1, members: sql`members + ${eb.selectFrom("stories as f").select("f.members").where("f.no", "=", m.from)}` }))
      .where("no", "=", m.into)
      .execute();
    await db.updateTable("stories").set({ merged_into: m.into, dirty: 0, members: 0 }).where("no", "=", m.from).execute();
    await deleteOutputs(db, [m.from]);
    await db.insertInto("story_merges").values({ from_story: m.from, into_story: m.into, reason: m.reason, at }).execute();
  }
}

// --- step 3: per-story outputs ------------------------------------------------------------------------------

/**
 * Which touched stories are rebuilt now. Rebuilding a story reads all its articles, so rebuilding each
 * story an ingest touches would cost a slice more the larger the corpus's stories grow. A story of up to
 * `REBUILD_ALWAYS` articles (copies count: they are read too) is rebuilt whenever it changes; a larger one
 * once it has grown by a quarter since its output was built, so each article pays for about five rebuilds
 * of its story, whatever its size, and a large story's output leaves out at most a fifth of its newest
 * articles. A brief from the corpus assembles such a story afresh (corpus/brief.ts).
 */
export const REBUILD_ALWAYS = 20;

function rebuildDue() {
  return sql<boolean>`(members <= ${REBUILD_ALWAYS} OR members * 4 >= built * 5)`;
}

/**
 * The next touched stories due for a rebuild, oldest first, with their article counts; inside the caller's
 * transaction. On PostgreSQL their rows stay locked until it ends and stories another transaction holds
 * are skipped, so concurrent workers claim different stories, and an assignment touching a claimed story
 * waits for the output.
 */
export async function claimDirtyStories(db: Q, dialect: Dialect, limit: number): Promise<{ no: number; members: number }[]> {
  let query = db.selectFrom("stories").select(["no", "members"]).where("dirty", "=", 1).where("merged_into", "is", null).where(rebuildDue()).orderBy("no").limit(limit);
  if (dialect === "postgres") query = query.forUpdate().skipLocked();
  return (await query.execute()).map((r) => ({ no: Number(r.no), members: Number(r.members) }));
}

export async function anyDirtyStory(db: Q): Promise<boolean> {
  return (await db.selectFrom("stories").select("no").where("dirty", "=", 1).where("merged_into", "is", null).where(rebuildDue()).limit(1).execute()).length > 0;
}

/** Those of `nos` whose stored output is behind their articles (touched and not yet rebuilt). */
export async function staleStories(db: Q, nos: number[]): Promise<number[]> {
  const rows = await inChunks(nos, (part) => db.selectFrom("stories").select("no").where("dirty", "=", 1).where("no", "in", part).execute());
  return rows.map((r) => Number(r.no));
}

export type MemberRow = Pick<ArticlesTable, (typeof ARTICLE_COLUMNS)[number] | "seq" | "facts" | "family">;

/** What choosing a story's title, id and read articles needs of a member (a covering index on SQLite). */
export type MemberHeaderRow = Pick<ArticlesTable, "seq" | "id" | "title" | "published" | "family">;

/** The members of several stories in one query, by story, each in ingest order: their headers only. */
export async function memberHeadersOfStories(db: Q, nos: number[]): Promise<Map<number, MemberHeaderRow[]>> {
  const rows = await inChunks(nos, (part) =>
    db.selectFrom("articles").select(["seq", "id", "title", "published", "family", "story"]).where("story", "in", part).execute(),
  );
  const out = new Map<number, MemberHeaderRow[]>(nos.map((no) => [no, []]));
  for (const { story, ...r } of rows) out.get(Number(story))?.push({ ...r, seq: Number(r.seq) });
  for (const list of out.values()) list.sort((a, b) => a.seq - b.seq);
  return out;
}

/** Whole articles with their facts, by number. */
export async function membersBySeq(db: Q, seqs: number[]): Promise<MemberRow[]> {
  const rows = await inChunks(seqs, (part) => db.selectFrom("articles").select([...ARTICLE_COLUMNS, "seq", "facts", "family"]).where("seq", "in", part).execute());
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}

/** A stored copy relation, as the stories' assembly reads it. */
export interface CopyRow {
  copy: string;
  of: string;
  kind: string;
  similarity: number;
  copy_seq: number;
}

export async function copiesOf(db: Q, ids: string[]): Promise<CopyRow[]> {
  const rows = await inChunks(ids, (part) => db.selectFrom("copies").select(["copy", "of", "kind", "similarity", "copy_seq"]).where("copy", "in", part).execute());
  return rows.map((r) => ({ ...r, copy_seq: Number(r.copy_seq) })).sort((a, b) => a.copy_seq - b.copy_seq);
}

/** An entity of a story's briefing, as the desk lists it. */
export interface OutputEntity {
  name: string;
  type: string;
  mentions: number;
}

/** One story's saved briefing (a row of story_outputs) and its entities (rows of story_entities). */
export type OutputWrite = StoryOutputsTable & { entities: OutputEntity[] };

/** Saves the outputs of a batch of stories; `done` are the stories recomputed (one with no articles left loses its output). */
export async function writeOutputs(db: Q, outputs: OutputWrite[], done: number[]): Promise<void> {
  const put = raw(
    db,
    `INSERT INTO story_outputs (story, id, title, size, first_seq, first_date, last_date, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (story) DO UPDATE SET id = excluded.id, title = excluded.title, size = excluded.size, first_seq = excluded.first_seq,
       first_date = excluded.first_date, last_date = excluded.last_date, json = excluded.json`,
  );
  const written = new Set(outputs.map((o) => o.story));
  const empty = done.filter((no) => !written.has(no));
  if (put) {
    for (const o of outputs) {
      put.run(o.story, o.id, o.title, o.size, o.first_seq, o.first_date, o.last_date, o.json);
      updateEntities(db, o.story, o.entities);
    }
    const clean = raw(db, "UPDATE stories SET dirty = 0, built = members WHERE no = ?")!;
    for (const no of done) clean.run(no);
    await deleteOutputs(db, empty);
    return;
  }
  for (const part of chunks(outputs, 200)) {
    await db
      .insertInto("story_outputs")
      .values(part.map(({ entities: _e, ...row }) => row))
      .onConflict((oc) =>
        oc.column("story").doUpdateSet({
          id: sql`excluded.id`, title: sql`excluded.title`, size: sql`excluded.size`, first_seq: sql`excluded.first_seq`,
          first_date: sql`excluded.first_date`, last_date: sql`excluded.last_date`, json: sql`excluded.json`,
        }),
      )
      .execute();
  }
  // On PostgreSQL a story's rows are replaced in two statements per chunk; a round trip costs more there.
  for (const part of chunks(done)) await db.deleteFrom("story_entities").where("story", "in", part).execute();
  const rows = outputs.flatMap((o) => o.entities.map((e) => ({ story: o.story, name: e.name, lname: e.name.toLowerCase(), type: e.type, mentions: e.mentions })));
  for (const part of chunks(rows, 2000)) await db.insertInto("story_entities").values(part).execute();
  for (const part of chunks(done)) await db.updateTable("stories").set({ dirty: 0, built: sql`members` }).where("no", "in", part).execute();
  await deleteOutputs(db, empty);
}

/** Removes stories' outputs with their entity rows (a story merged away, or left with no article). */
async function deleteOutputs(db: Q, nos: number[]): Promise<void> {
  for (const part of chunks(nos)) {
    await db.deleteFrom("story_outputs").where("story", "in", part).execute();
    await db.deleteFrom("story_entities").where("story", "in", part).execute();
  }
}

/**
 * SQLite: brings a story's entity rows to `entities`, touching only what changed. A rebuilt story keeps
 * most of its entities, often with new mention counts: an update of the count leaves the three indexes be,
 * where replacing every row rewrote them all.
 */
function updateEntities(db: Q, story: number, entities: OutputEntity[]): void {
  const rows = raw(db, "SELECT rowid AS id, name, type, mentions FROM story_entities WHERE story = ?")!.all(story) as { id: number; name: string; type: string; mentions: number }[];
  const key = (e: { name: string; type: string }) => `${e.name}\u0000${e.type}`;
  const old = new Map<string, { id: number; mentions: number }[]>();
  for (const r of rows) {
    const list = old.get(key(r));
    if (list) list.push(r);
    else old.set(key(r), [r]);
  }
  const count = raw(db, "UPDATE story_entities SET mentions = ? WHERE rowid = ?")!;
  const add = raw(db, "INSERT INTO story_entities (story, name, lname, type, mentions) VALUES (?, ?, ?, ?, ?)")!;
  for (const e of entities) {
    const kept = old.get(key(e))?.pop();
    if (!kept) add.run(story, e.name, e.name.toLowerCase(), e.type, e.mentions);
    else if (kept.mentions !== e.mentions) count.run(e.mentions, kept.id);
  }
  const drop = raw(db, "DELETE FROM story_entities WHERE rowid = ?")!;
  for (const list of old.values()) for (const r of list) drop.run(r.id);
}

// --- reading a briefing ---------------------------------------------------------------------------------

export interface BriefFilter {
  /** A story id as a briefing shows it (s-…), or the stable key of a story (the id of its first article). */
  story?: string;
  /** YYYY-MM-DD (or YYYY-MM, YYYY): stories with an article published on or after / on or before it. */
  since?: string;
  until?: string;
  /** Words that must all occur in one of the story's articles (full-text search). */
  query?: string;
}

/** Story outputs matching the filter, biggest first, ties by first appearance. */
export async function selectOutputs(db: Q, dialect: Dialect, f: BriefFilter): Promise<{ story: number; json: string }[]> {
  let query = db.selectFrom("story_outputs as o").select(["o.story", "o.json"]);
  if (f.story) {
    const story = f.story;
    query = query.where((eb) =>
      eb.or([eb("o.id", "=", story), eb("o.story", "in", eb.selectFrom("stories").select("no").where("key", "=", story))]),
    );
  }
  if (f.since || f.until) {
    const since = f.since;
    const until = f.until ? `${f.until}\uffff` : undefined;
    query = query.where("o.story", "in", (eb) => {
      let sub = eb.selectFrom("articles").select("story").where("published", "is not", null);
      if (since) sub = sub.where("published", ">=", since);
      if (until) sub = sub.where("published", "<=", until);
      return sub;
    });
  }
  if (f.query) {
    const text = f.query;
    query = query.where("o.story", "in", (eb) =>
      eb.selectFrom("articles as m").select("m.story").where(({ ref }) => matchesQuery(dialect, ref("m.seq"), text)),
    );
  }
  const rows = await query.orderBy("o.size", "desc").orderBy("o.first_seq").execute();
  return rows.map((r) => ({ story: Number(r.story), json: r.json }));
}

/** The articles of the given stories (all placed articles when `stories` is null), in ingest order. */
export async function articlesOfStories(db: Q, stories: number[] | null): Promise<Pick<ArticlesTable, (typeof ARTICLE_COLUMNS)[number]>[]> {
  if (stories === null) {
    return db.selectFrom("articles").select([...ARTICLE_COLUMNS]).where("story", "is not", null).orderBy("seq").execute();
  }
  const rows = await inChunks(stories, (part) =>
    db.selectFrom("articles").select([...ARTICLE_COLUMNS, "seq"]).where("story", "in", part).execute(),
  );
  return rows.sort((a, b) => Number(a.seq) - Number(b.seq));
}

export async function allCopies(db: Q): Promise<{ copy: string; of: string; kind: string; similarity: number }[]> {
  return db.selectFrom("copies").select(["copy", "of", "kind", "similarity"]).orderBy("copy_seq").execute();
}

/** How many rows wait for each assignment step (for progress and time left). */
export async function waiting(db: Q, phase: "copies" | "count" | "place" | "follow" | "stories"): Promise<number> {
  if (phase === "stories") {
    const r = await db.selectFrom("stories").select((eb) => eb.fn.countAll().as("n")).where("dirty", "=", 1).where("merged_into", "is", null).where(rebuildDue()).executeTakeFirstOrThrow();
    return Number(r.n);
  }
  let query = db.selectFrom("article_progress").select((eb) => eb.fn.countAll().as("n"));
  if (phase === "copies") query = query.where("status", "=", 0);
  if (phase === "count") query = query.where("status", "=", 1);
  if (phase === "place") query = query.where("status", "=", 2).where("voter", "=", 1);
  if (phase === "follow") query = query.where("status", "=", 2).where("voter", "=", 0);
  return Number((await query.executeTakeFirstOrThrow()).n);
}
