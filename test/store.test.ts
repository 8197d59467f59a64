// The store: a database is recognised as storydesk's, migrated on open, refused with a clear message when
// it is not storydesk's or is newer; the same holds on SQLite and (when configured) PostgreSQL.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "kysely";
import { openStore, SCHEMA_VERSION, StoreError } from "../src/store/index.js";
import { connect, tableNames } from "../src/store/dialect.js";
import { CHECKPOINT_EVERY_MS, START_AFTER_MS } from "../src/store/checkpoints.js";
import { TARGETS, TMP } from "./store-targets.js";
import * as q from "../src/store/queries.js";
import { entityStories, searchEntities } from "../src/store/desk-queries.js";

for (const target of TARGETS) {
  test(`${target.name}: a new corpus says it is storydesk's and at this schema version, and reopening keeps it`, async () => {
    const location = await target.fresh();
    const store = await openStore(location);
    const meta = Object.fromEntries((await store.db.selectFrom("storydesk_meta").selectAll().execute()).map((r) => [r.key, r.value]));
    assert.deepEqual(meta, { application: "storydesk", schema_version: String(SCHEMA_VERSION) });
    await store.db.insertInto("ingest_state").values({ key: "probe", value: 7 }).execute();
    await store.close();
    const again = await openStore(location);
    const row = await again.db.selectFrom("ingest_state").select("value").where("key", "=", "probe").executeTakeFirst();
    assert.equal(Number(row?.value), 7);
    await again.close();
  });

  test(`${target.name}: entities are found by the start of their name in any case, accents and LIKE's wildcards included`, async () => {
    const store = await openStore(await target.fresh());
    try {
      const names = ["Ölkonzern Nord", "Öland", "ÖLAND Ferries", "50% Club", "500 Group", "a_b Partners", "aXb Partners", "Olympia"];
      await q.transaction(store.db, (trx) =>
        q.writeOutputs(
          trx,
          names.map((name, i) => ({
            story: i + 1, id: `s-${i}`, title: name, size: 1, first_seq: i + 1, first_date: null, last_date: null, json: "{}",
            entities: [{ name, type: "organization", mentions: 1 }],
          })),
          names.map((_, i) => i + 1),
        ),
      );
      const found = async (prefix: string) => (await searchEntities(store.db, store.dialect, prefix, 20, 0, 1)).entities.map((e) => e.name).sort();
      assert.deepEqual(await found("öl"), ["Öland", "ÖLAND Ferries", "Ölkonzern Nord"].sort());
      assert.deepEqual(await found("ÖLA"), ["Öland", "ÖLAND Ferries"].sort());
      assert.deepEqual(await found("50%"), ["50% Club"]);
      assert.deepEqual(await found("a_"), ["a_b Partners"]);
      assert.deepEqual(await found("ol"), ["Olympia"]);
      assert.equal((await entityStories(store.db, "Öland", 10, 0)).total, 1);
      assert.equal((await entityStories(store.db, "öland", 10, 0)).total, 0, "an exact name is exact");
    } finally {
      await store.close();
    }
  });

  test(`${target.name}: a database written by a newer storydesk is refused, asking for an upgrade`, async () => {
    const location = await target.fresh();
    const store = await openStore(location);
    await store.db.updateTable("storydesk_meta").set({ value: String(SCHEMA_VERSION + 1) }).where("key", "=", "schema_version").execute();
    await store.close();
    await assert.rejects(openStore(location), (e: unknown) => {
      assert.ok(e instanceof StoreError);
      assert.equal(e.code, "newer-version");
      assert.match(e.message, /newer storydesk/);
      assert.match(e.message, /upgrade/);
      return true;
    });
  });

  test(`${target.name}: a database holding someone else's tables is refused and left untouched`, async () => {
    const location = await target.fresh();
    // Another application's database: one table of its own, no storydesk_meta.
    const other = connect(location, target.name);
    await sql.raw(`CREATE TABLE invoices (id INTEGER PRIMARY KEY, total INTEGER)`).execute(other.db);
    await other.close();
    await assert.rejects(openStore(location), (e: unknown) => e instanceof StoreError && e.code === "not-storydesk" && /invoices/.test(e.message));
    const after = connect(location, target.name);
    assert.deepEqual(await tableNames(after.db, target.name), ["invoices"]);
    await after.close();
  });
}

test("a file that is not a database at all is refused as not storydesk's", async () => {
  const path = join(TMP, "notes.db");
  writeFileSync(path, "these are my notes, not a database\n".repeat(100));
  await assert.rejects(openStore(path), (e: unknown) => e instanceof StoreError && e.code === "not-storydesk");
});

test("a postgres:// location that cannot be reached is reported, with its password hidden", async () => {
  await assert.rejects(openStore("postgres://me:secret@127.0.0.1:1/none"), (e: unknown) => {
    assert.ok(e instanceof StoreError);
    assert.doesNotMatch(e.message, /secret/);
    return true;
  });
});

test("a SQLite corpus open for a while is checkpointed by a thread of its own, and closes leaving no log", async () => {
  const path = join(TMP, "checkpointed.db");
  const store = await openStore(path);
  // About 8 MiB into the write-ahead log: under the writing connection's own threshold, so only the
  // checkpointing thread (started START_AFTER_MS after opening) copies it into the database file.
  store.sqlite!.exec("CREATE TABLE filler (x BLOB)");
  const insert = store.sqlite!.prepare("INSERT INTO filler VALUES (randomblob(4096))");
  store.sqlite!.transaction(() => {
    for (let i = 0; i < 2000; i++) insert.run();
  })();
  assert.ok(statSync(path).size < 1 << 20, "the pages are in the log, not yet in the file");
  const deadline = Date.now() + START_AFTER_MS + 3 * CHECKPOINT_EVERY_MS;
  while (statSync(path).size < 8 << 20 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  assert.ok(statSync(path).size >= 8 << 20, "checkpointed into the file while the store stayed open");
  await store.close();
  assert.equal(existsSync(`${path}-wal`), false);
});
