// Story outputs are rebuilt on a schedule: a story of up to REBUILD_ALWAYS articles whenever an ingest
// touches it, a larger one once it has grown by a quarter since its output was built (so an ingest slice
// costs the same however large the corpus's stories have grown). A brief from the corpus never shows a
// lagging output: it assembles such a story afresh. SQLite always, PostgreSQL when STORYDESK_TEST_PG is set.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { sql } from "kysely";
import { briefFromStore, ingest } from "../src/corpus/index.js";
import { readInputs } from "../src/read/index.js";
import { openStore } from "../src/store/index.js";
import * as q from "../src/store/queries.js";
import { outputBatch, outputsOf, type Assembler } from "../src/corpus/outputs.js";
import { writeCorpus } from "./ingest-corpus.js";
import { assertEntitiesMatchOutputs, TARGETS, TMP } from "./store-targets.js";

const NOW = new Date(0);
const generated = await readInputs([writeCorpus(join(TMP, "rebuild"), 120, 11).dir]);

for (const target of TARGETS) {
  test(`${target.name}: a touched story is rebuilt at once up to ${q.REBUILD_ALWAYS} articles, a larger one once grown by a quarter`, async () => {
    const store = await openStore(await target.fresh());
    try {
      const stories = [
        { no: 1, members: 5, built: 5 }, // small: always
        { no: 2, members: 1000, built: 850 }, // grown by 18%: waits
        { no: 3, members: 1250, built: 1000 }, // grown by 25%: due
        { no: 4, members: 300, built: 0 }, // never built: due
        { no: 5, members: q.REBUILD_ALWAYS, built: q.REBUILD_ALWAYS }, // at the bound: always
      ];
      for (const s of stories) {
        await store.db.insertInto("stories").values({ no: s.no, key: `k${s.no}`, size: 1, members: s.members, terms: 0, norm2: 0, merged_into: null, dirty: 1, built: s.built }).execute();
      }
      const due = await q.transaction(store.db, (trx) => q.claimDirtyStories(trx, store.dialect, 10));
      assert.deepEqual(due.map((s) => s.no), [1, 3, 4, 5]);
      assert.equal(await q.waiting(store.db, "stories"), 4);
      assert.deepEqual((await q.staleStories(store.db, [1, 2, 3, 4, 5])).sort(), [1, 2, 3, 4, 5]);
      // Building an output records the article count it was built at and clears the mark.
      await q.transaction(store.db, (trx) => q.writeOutputs(trx, [], [3]));
      const row = await store.db.selectFrom("stories").select(["dirty", "built"]).where("no", "=", 3).executeTakeFirstOrThrow();
      assert.deepEqual({ dirty: Number(row.dirty), built: Number(row.built) }, { dirty: 0, built: 1250 });
      // Only story 2 is still touched and not due: the queue counts as idle.
      await store.db.updateTable("stories").set({ dirty: 0 }).where("no", "in", [1, 4, 5]).execute();
      assert.equal(await q.anyDirtyStory(store.db), false);
      assert.deepEqual(await q.staleStories(store.db, [1, 2, 3, 4, 5]), [2]);
    } finally {
      await store.close();
    }
  });

  test(`${target.name}: a brief from the corpus assembles a story whose stored output lags, and leaves the store as it was`, async () => {
    const store = await openStore(await target.fresh());
    try {
      // In two ingests, so that stories rebuilt in the second keep, change and drop entities of the first.
      await ingest(store, generated.documents.slice(0, 60), { batchSize: 20 });
      await ingest(store, generated.documents, { batchSize: 20 });
      // Each story counts its articles, copies included; a story merged away counts none.
      const counted = await store.db.selectFrom("articles").select(["story", (eb) => eb.fn.countAll().as("n")]).where("story", "is not", null).groupBy("story").execute();
      const members = await store.db.selectFrom("stories").select(["no", "members"]).where("members", ">", 0).execute();
      assert.deepEqual(
        new Map(members.map((m) => [Number(m.no), Number(m.members)])),
        new Map(counted.map((c) => [Number(c.story), Number(c.n)])),
      );
      assert.ok(counted.some((c) => Number(c.n) > 1));
      // Stories rebuilt many times over (batches of 20) keep entity rows that match their outputs.
      await assertEntitiesMatchOutputs(store);
      const before = await briefFromStore(store, {}, { now: NOW });
      // A large story's output waiting for growth: its stored JSON is behind (here: stale on purpose).
      const biggest = await store.db.selectFrom("story_outputs").select(["story", "json"]).orderBy("size", "desc").limit(1).executeTakeFirstOrThrow();
      const stale = { ...JSON.parse(biggest.json), title: "an output built before its newest articles", summary: [] };
      await store.db.updateTable("story_outputs").set({ json: JSON.stringify(stale) }).where("story", "=", biggest.story).execute();
      await store.db.updateTable("stories").set({ dirty: 1, members: sql`built` }).where("no", "=", biggest.story).execute();
      assert.deepEqual(await briefFromStore(store, {}, { now: NOW }), before);
      const kept = await store.db.selectFrom("story_outputs").select("json").where("story", "=", biggest.story).executeTakeFirstOrThrow();
      assert.equal(JSON.parse(kept.json).title, stale.title);
    } finally {
      await store.close();
    }
  });

  test(`${target.name}: story outputs assembled in parts on other threads are the outputs assembled on one`, async () => {
    const store = await openStore(await target.fresh());
    try {
      await ingest(store, generated.documents, { batchSize: 20 });
      const stored = async () => ({
        outputs: (await store.db.selectFrom("story_outputs").selectAll().orderBy("story").execute()).map((o) => ({ ...o, story: Number(o.story), first_seq: Number(o.first_seq) })),
        dirty: Number((await store.db.selectFrom("stories").select((eb) => eb.fn.countAll().as("n")).where("dirty", "=", 1).executeTakeFirstOrThrow()).n),
      });
      const before = await stored();
      assert.equal(before.dirty, 0);
      // Every story touched again, then rebuilt in batches cut in three parts, two of them "elsewhere":
      // rows cross as they would to a thread (a structured clone), assembled by the same function.
      await store.db.updateTable("stories").set({ dirty: 1, built: 0 }).where("merged_into", "is", null).execute();
      await store.db.deleteFrom("story_outputs").execute();
      const sent: number[][] = [];
      const assembler: Assembler = {
        parallel: 2,
        outputs: async (rows) => {
          sent.push(rows.headers.map(([no]) => no));
          return outputsOf(structuredClone(rows));
        },
      };
      let rebuilt = 0;
      for (let n = await outputBatch(store, assembler, 50, 40); n > 0; n = await outputBatch(store, assembler, 50, 40)) rebuilt += n;
      assert.equal(rebuilt, before.outputs.length);
      assert.ok(sent.length > 2 && sent.every((nos) => nos.length > 0));
      assert.deepEqual(await stored(), before);
      await assertEntitiesMatchOutputs(store);
    } finally {
      await store.close();
    }
  });
}
