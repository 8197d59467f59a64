// The databases the store and ingest tests run against: SQLite always (a temporary file), PostgreSQL
// when STORYDESK_TEST_PG names a database (.ci/run sets it), each test in a schema of its own there.
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { openStore, type Store } from "../src/store/index.js";

export interface Target {
  name: "sqlite" | "postgres";
  /** A fresh, empty corpus location. */
  fresh(): Promise<string>;
}

const dir = mkdtempSync(join(tmpdir(), "storydesk-store-"));
let n = 0;

const sqlite: Target = {
  name: "sqlite",
  fresh: async () => join(dir, `corpus-${++n}.db`),
};

function postgres(url: string): Target {
  return {
    name: "postgres",
    async fresh() {
      const schema = `t_${process.pid}_${++n}_${Math.random().toString(36).slice(2, 8)}`;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`CREATE SCHEMA ${schema}`);
      await client.end();
      const u = new URL(url);
      u.searchParams.set("options", `-c search_path=${schema}`);
      return u.toString();
    },
  };
}

export const TARGETS: Target[] = process.env.STORYDESK_TEST_PG ? [sqlite, postgres(process.env.STORYDESK_TEST_PG)] : [sqlite];
export const TMP = dir;

/** Opens the corpus at `location` for `fn` and closes it after, whatever happens. */
export async function withStore<T>(location: string, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(location);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/**
 * Checks that the desk's entity rows say what the stored outputs say: each story's rows are its output's
 * entities (name, lower-case name, type, mentions), and a story without an output has none.
 */
export async function assertEntitiesMatchOutputs(store: Store): Promise<void> {
  const outputs = await store.db.selectFrom("story_outputs").select(["story", "json"]).execute();
  const rows = await store.db.selectFrom("story_entities").select(["story", "name", "lname", "type", "mentions"]).execute();
  const line = (story: unknown, e: { name: string; type: string; mentions: number }) => `${Number(story)} ${e.name} ${e.name.toLowerCase()} ${e.type} ${Number(e.mentions)}`;
  const want = outputs.flatMap((o) => (JSON.parse(o.json) as { entities: { name: string; type: string; mentions: number }[] }).entities.map((e) => line(o.story, e))).sort();
  const have = rows.map((r) => {
    assert.equal(r.lname, r.name.toLowerCase());
    return line(r.story, r);
  }).sort();
  assert.ok(want.length > 0);
  assert.deepEqual(have, want);
}
