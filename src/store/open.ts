// Opening a corpus: connect, recognise the database as storydesk's, migrate it to this version.

import { sql } from "kysely";
import { connect, dialectOf, tableNames, type ConnectOptions, type Dialect } from "./dialect.js";
import { MIGRATIONS, SCHEMA_VERSION } from "./migrations.js";
import type { Database } from "./schema.js";
import type { Kysely } from "kysely";
import type BetterSqlite3 from "better-sqlite3";
import { registerRaw } from "./queries.js";

export const APPLICATION = "storydesk";

export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /** SQLite only: the connection itself, for the hot queries run without a query builder (queries.ts). */
  sqlite?: BetterSqlite3.Database;
  /** The file or connection string, without a password. */
  location: string;
  close(): Promise<void>;
}

/** A database storydesk cannot use, with a message a user can act on. */
export class StoreError extends Error {
  constructor(
    readonly code: "not-storydesk" | "newer-version" | "unreachable",
    message: string,
  ) {
    super(message);
    this.name = "StoreError";
  }
}

/** Hides the password of a connection string. */
export function describeLocation(location: string): string {
  return location.replace(/(\/\/[^:/@]+:)[^@]*@/, "$1***@");
}

/**
 * Opens (creating when new) the corpus at `location`: a SQLite file path, or a postgres:// URL.
 * Runs the migrations the database lacks. Throws StoreError for a database of a newer storydesk or one
 * that is not storydesk's.
 */
export async function openStore(location: string, options: ConnectOptions = {}): Promise<Store> {
  const dialect = dialectOf(location);
  const shown = describeLocation(location);
  let connection: ReturnType<typeof connect> | undefined;
  try {
    connection = connect(location, dialect, options);
    await migrate(connection.db, dialect, shown);
  } catch (e) {
    await connection?.close().catch(() => {});
    if (e instanceof StoreError) throw e;
    const message = (e as Error).message;
    if (/not a database|file is encrypted/i.test(message)) {
      throw new StoreError("not-storydesk", `${shown} is not a storydesk database (not a SQLite database at all)`);
    }
    throw new StoreError("unreachable", `cannot open ${shown}: ${message}`);
  }
  if (connection.sqlite) registerRaw(connection.db, connection.sqlite);
  return { db: connection.db, dialect, location: shown, sqlite: connection.sqlite, close: connection.close };
}

async function readVersion(db: Kysely<Database>, dialect: Dialect, shown: string): Promise<number> {
  const tables = await tableNames(db, dialect);
  if (!tables.includes("storydesk_meta")) {
    if (tables.length > 0) {
      throw new StoreError("not-storydesk", `${shown} is not a storydesk database: it holds other tables (${tables.slice(0, 3).join(", ")}) and no storydesk_meta`);
    }
    return 0;
  }
  const rows = await db.selectFrom("storydesk_meta").select(["key", "value"]).execute();
  const meta = new Map(rows.map((r) => [r.key, r.value]));
  if (meta.get("application") !== APPLICATION) {
    throw new StoreError("not-storydesk", `${shown} is not a storydesk database (storydesk_meta names ${meta.get("application") ?? "no application"})`);
  }
  const version = Number(meta.get("schema_version"));
  if (!Number.isInteger(version) || version > SCHEMA_VERSION) {
    throw new StoreError(
      "newer-version",
      `${shown} was written by a newer storydesk (schema version ${meta.get("schema_version")}; this one knows up to ${SCHEMA_VERSION}): upgrade storydesk to use it`,
    );
  }
  return version;
}

async function migrate(db: Kysely<Database>, dialect: Dialect, shown: string): Promise<void> {
  if ((await readVersion(db, dialect, shown)) === SCHEMA_VERSION) return;
  await db.transaction().execute(async (trx) => {
    // Several processes may open a new corpus at once: one migrates, the others wait and find it done.
    if (dialect === "postgres") await sql`SELECT pg_advisory_xact_lock(7358001)`.execute(trx);
    else await sql`SELECT 1`.execute(trx);
    const tables = await tableNames(trx, dialect);
    if (!tables.includes("storydesk_meta")) {
      await sql`CREATE TABLE storydesk_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`.execute(trx);
      await trx.insertInto("storydesk_meta").values([{ key: "application", value: APPLICATION }, { key: "schema_version", value: "0" }]).execute();
    }
    const current = Number((await trx.selectFrom("storydesk_meta").select("value").where("key", "=", "schema_version").executeTakeFirstOrThrow()).value);
    for (const m of MIGRATIONS) {
      if (m.version <= current) continue;
      for (const statement of m.statements[dialect]) await sql.raw(statement).execute(trx);
      await trx.updateTable("storydesk_meta").set({ value: String(m.version) }).where("key", "=", "schema_version").execute();
    }
  });
}
