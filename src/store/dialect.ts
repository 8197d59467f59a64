// What differs between the two databases, in one place: connecting, pragmas, list parameters, search.

import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { Kysely, PostgresDialect, SqliteDialect, sql, type Expression, type RawBuilder, type SqlBool } from "kysely";
import type { Database } from "./schema.js";
import { BACKSTOP_PAGES, startCheckpoints } from "./checkpoints.js";

export type Dialect = "sqlite" | "postgres";

/** True for a PostgreSQL connection string; anything else is a SQLite file (":memory:" too). */
export function dialectOf(location: string): Dialect {
  return /^postgres(ql)?:\/\//i.test(location) ? "postgres" : "sqlite";
}

export interface Connection {
  db: Kysely<Database>;
  /** The SQLite handle itself (one connection: a statement run on it joins Kysely's open transaction). */
  sqlite?: BetterSqlite3.Database;
  close(): Promise<void>;
}

/**
 * better-sqlite3 with each statement prepared once: Kysely asks SQLite to prepare every query it runs,
 * and preparing cost more than running for most of an ingest's statements. Bounded, oldest dropped.
 */
export function cachedStatements(database: BetterSqlite3.Database, limit = 500): { prepare(sql: string): BetterSqlite3.Statement; close(): void } {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    prepare(text: string) {
      let stmt = cache.get(text);
      if (stmt === undefined) {
        stmt = database.prepare(text);
        cache.set(text, stmt);
        if (cache.size > limit) cache.delete(cache.keys().next().value!);
      }
      return stmt;
    },
    close: () => database.close(),
  };
}

/** How to connect, beyond the location. */
export interface ConnectOptions {
  /**
   * PostgreSQL: most connections this process opens. An ingest or a worker runs its queries one after
   * another, so a few suffice; a server answers requests side by side and wants more (storydesk serve --pool).
   */
  poolSize?: number;
}

export const DEFAULT_POOL_SIZE = 4;

export function connect(location: string, dialect: Dialect, options: ConnectOptions = {}): Connection {
  if (dialect === "postgres") {
    // BIGINT (counts, sequence numbers, digests) as numbers: every value storydesk writes fits in 53 bits.
    const types = {
      getTypeParser: (oid: number, format?: string) =>
        oid === 20 ? (v: string) => Number(v) : (pg.types.getTypeParser as (o: number, f?: string) => unknown)(oid, format),
    };
    const pool = new pg.Pool({ connectionString: location, max: options.poolSize ?? DEFAULT_POOL_SIZE, types: types as pg.CustomTypesConfig });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, close: () => db.destroy() };
  }
  const database = new BetterSqlite3(location);
  // WAL: a killed process loses no committed transaction; NORMAL sync is safe against process crashes.
  database.pragma("journal_mode = WAL");
  database.pragma("synchronous = NORMAL");
  database.pragma("busy_timeout = 10000");
  database.pragma("cache_size = -65536");
  // Temporary b-trees (sorts, DISTINCT, materialised subqueries) spill past their cache to a temporary
  // file. In memory (temp_store = MEMORY) a large one would grow the process without bound, and an
  // ingest's memory must not grow with the corpus.
  database.pragma("temp_store = FILE");
  // A file is checkpointed by a thread of its own (checkpoints.ts); this connection checkpoints only past
  // a backstop. (In memory there is no log to checkpoint.)
  const checkpoints = location === ":memory:" || location === "" ? null : startCheckpoints(location);
  database.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  // JavaScript's lowercase, as storydesk writes lowercase columns: SQLite's lower() folds ASCII only.
  database.function("storydesk_lower", { deterministic: true }, (s: unknown) => (typeof s === "string" ? s.toLowerCase() : s));
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cachedStatements(database) }) });
  return {
    db,
    sqlite: database,
    close: async () => {
      await checkpoints?.stop();
      await db.destroy();
    },
  };
}

/** Whether any table exists (to tell an empty database from one that is not storydesk's). */
export async function tableNames(db: Kysely<Database>, dialect: Dialect): Promise<string[]> {
  const q =
    dialect === "postgres"
      ? sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()`
      : sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`;
  return (await q.execute(db)).rows.map((r) => r.name);
}

/**
 * Full-text match of an article (by seq) against the words of `query`, all of them required:
 * FTS5 on SQLite (each word quoted, so no query syntax leaks in), plainto_tsquery on PostgreSQL.
 */
export function matchesQuery(dialect: Dialect, seq: Expression<number>, query: string): RawBuilder<SqlBool> {
  if (dialect === "postgres") {
    return sql<SqlBool>`${seq} IN (SELECT seq FROM article_search WHERE search @@ plainto_tsquery('simple', ${query}))`;
  }
  const words = query.match(/[\p{L}\p{N}]+/gu) ?? [];
  const fts = words.map((w) => `"${w}"`).join(" ") || '""';
  return sql<SqlBool>`${seq} IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ${fts})`;
}

/**
 * `column` starts with `prefix`, as a condition an index on the column answers. PostgreSQL's
 * text_pattern_ops index answers LIKE; SQLite's LIKE ignores case and no plain index answers it (it scanned
 * 4 million entity rows, 20–48 s, at 300,000 articles), but a range of the column's bytes does.
 */
export function startsWith(dialect: Dialect, column: Expression<string>, prefix: string): RawBuilder<SqlBool> {
  if (dialect === "postgres") return sql<SqlBool>`${column} LIKE ${`${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} ESCAPE '\\'`;
  // U+10FFFF is the largest code point: every string with the prefix sorts below prefix + U+10FFFF.
  return sql<SqlBool>`(${column} >= ${prefix} AND ${column} < ${`${prefix}\u{10FFFF}`})`;
}
