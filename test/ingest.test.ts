// Incremental ingest: a corpus built in one or several ingests briefs as `storydesk brief` does on the same
// files; re-ingesting changes nothing; a briefing can be narrowed to a story, dates or words. SQLite always,
// PostgreSQL when STORYDESK_TEST_PG is set.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { briefDocuments } from "../src/brief/assemble.js";
import { briefFromStore, ingest } from "../src/corpus/index.js";
import type { Brief, SourceDocument } from "../src/model/index.js";
import { readInputs } from "../src/read/index.js";
import type { Store } from "../src/store/index.js";
import { contractErrors, runCli } from "./helpers.js";
import { writeCorpus } from "./ingest-corpus.js";
import { TARGETS, TMP, withStore } from "./store-targets.js";

const NOW = new Date(0);
const examples = await readInputs(["examples/"]);
const generated = await readInputs([writeCorpus(join(TMP, "generated"), 360, 5).dir]);

/** Stories as sets of article ids, in a canonical order. */
function partition(brief: Brief): string[] {
  return brief.stories.map((s) => [...s.articles].sort().join(" ")).sort();
}

async function counts(store: Store): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of ["articles", "signatures", "copy_postings", "copy_edges", "copies", "stories", "story_terms", "story_outputs", "story_df"] as const) {
    const r = await store.db.selectFrom(table).select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
    out[table] = Number(r.n);
  }
  // Where a posting sits (merged or recent) depends on batch boundaries; the two tables hold one index.
  const recent = await store.db.selectFrom("copy_postings_recent").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow();
  out.copy_postings += Number(recent.n);
  return out;
}

for (const target of TARGETS) {
  test(`${target.name}: one ingest of the examples briefs exactly as storydesk brief does on the files`, async () => {
    const expected = briefDocuments(examples.documents, [], { now: NOW });
    const got = await withStore(await target.fresh(), async (store) => {
      const summary = await ingest(store, examples.documents, { batchSize: 5 });
      assert.equal(summary.added, expected.articles.length);
      return briefFromStore(store, {}, { now: NOW });
    });
    assert.deepEqual(contractErrors(got), []);
    assert.deepEqual(got, { ...expected, errors: [] });
  });

  test(`${target.name}: a corpus built in several ingests has the stories and copies of one brief over all the files`, async () => {
    const docs = generated.documents;
    const expected = briefDocuments(docs, [], { now: NOW });
    const location = await target.fresh();
    const parts: SourceDocument[][] = [docs.slice(0, 100), docs.slice(100, 230), docs.slice(230)];
    // Batches of 5 merge the recent copy postings into the main table every 200 articles (src/corpus/copies.ts).
    for (const part of parts) await withStore(location, (store) => ingest(store, part, { batchSize: 5 }));
    await withStore(location, async (store) => {
      const rows = async (table: "copy_postings" | "copy_postings_recent") =>
        Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
      assert.ok((await rows("copy_postings")) > 0 && (await rows("copy_postings_recent")) > 0, "lookups read both posting tables");
      const got = await briefFromStore(store, {}, { now: NOW });
      assert.deepEqual(contractErrors(got), []);
      assert.deepEqual(got.articles.map((a) => a.id), expected.articles.map((a) => a.id));
      assert.deepEqual(got.copies, expected.copies);
      const merges = await store.db.selectFrom("story_merges").selectAll().execute();
      assert.deepEqual(merges, [], "no merge was needed, so the stories must match one by one");
      assert.deepEqual(partition(got), partition(expected));
    });
  });

  test(`${target.name}: ingesting the same input again stores nothing and changes nothing`, async () => {
    const location = await target.fresh();
    await withStore(location, (store) => ingest(store, generated.documents.slice(0, 120), { batchSize: 50 }));
    const before = await withStore(location, async (store) => ({ counts: await counts(store), brief: await briefFromStore(store, {}, { now: NOW }) }));
    const summary = await withStore(location, (store) => ingest(store, generated.documents.slice(0, 120), { batchSize: 50 }));
    assert.equal(summary.added, 0);
    assert.equal(summary.duplicates, 120);
    assert.equal(summary.storiesUpdated, 0);
    const after = await withStore(location, async (store) => ({ counts: await counts(store), brief: await briefFromStore(store, {}, { now: NOW }) }));
    assert.deepEqual(after, before);
  });

  test(`${target.name}: preparing on worker threads stores the corpus that one thread stores, duplicates across batches included`, async () => {
    // Each batch of 30 repeats two articles of the batch before it, which is still being stored when the
    // next one is prepared.
    const docs = generated.documents.slice(0, 150).flatMap((d, i, all) => (i % 30 === 0 && i > 0 ? [all[i - 1], all[i - 5], d] : [d]));
    const built = async (threads: number) =>
      withStore(await target.fresh(), async (store) => {
        const summary = await ingest(store, docs, { batchSize: 30, threads, now: () => NOW });
        return { summary: { ...summary, seconds: 0 }, counts: await counts(store), brief: await briefFromStore(store, {}, { now: NOW }) };
      });
    const one = await built(0);
    assert.equal(one.summary.added, 150);
    assert.equal(one.summary.duplicates, docs.length - 150);
    assert.deepEqual(await built(2), one);
  });

  test(`${target.name}: a briefing from the corpus narrows to one story, a date range or words`, async () => {
    await withStore(await target.fresh(), async (store) => {
      await ingest(store, examples.documents);
      const all = await briefFromStore(store);
      assert.equal(all.stories.length, briefDocuments(examples.documents).stories.length);
      const summit = all.stories.find((s) => s.title.includes("Geneva"))!;
      const one = await briefFromStore(store, { story: summit.id });
      assert.deepEqual(one.stories.map((s) => s.id), [summit.id]);
      assert.deepEqual(one.articles.map((a) => a.id), all.articles.filter((a) => summit.articles.includes(a.id)).map((a) => a.id));
      assert.ok(one.copies.every((c) => summit.articles.includes(c.copy)));
      assert.deepEqual(contractErrors(one), []);
      // The follow-up in March 2023 belongs to the summit story only.
      const march = await briefFromStore(store, { since: "2023-03-01", until: "2023-03-31" });
      assert.deepEqual(march.stories.map((s) => s.id), [summit.id]);
      const none = await briefFromStore(store, { since: "2030-01-01" });
      assert.equal(none.stories.length, 0);
      const petrov = await briefFromStore(store, { query: "Petrov commas" });
      assert.deepEqual(petrov.stories.map((s) => s.id), [summit.id]);
      const other = all.stories.find((s) => s.id !== summit.id)!;
      const otherWords = all.articles.find((a) => a.id === other.articles[0])!.title!.split(" ").slice(0, 2).join(" ");
      assert.ok((await briefFromStore(store, { query: otherWords })).stories.some((s) => s.id === other.id));
    });
  });
}

test("the CLI: storydesk ingest into a SQLite file, then storydesk brief --db writes the same briefing as storydesk brief on the files", () => {
  const db = join(TMP, "cli.db");
  const r = runCli(["ingest", "examples/water-summit", "--db", db]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /9 new articles/);
  const again = runCli(["ingest", "examples/", "--db", db]);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stderr, /[1-9]\d* new articles.*9 already there/);
  const fromDb = join(TMP, "from-db.json");
  const fromFiles = join(TMP, "from-files.json");
  assert.equal(runCli(["brief", "--db", db, "--format", "json", "--out", fromDb]).code, 0);
  assert.equal(runCli(["brief", "examples/", "--format", "json", "--out", fromFiles]).code, 0);
  const a = JSON.parse(readFileSync(fromDb, "utf8")) as Brief;
  const b = JSON.parse(readFileSync(fromFiles, "utf8")) as Brief;
  assert.deepEqual(partition(a), partition(b));
  // Two ingests add the articles in another order than one brief reads them: the same copies, listed otherwise.
  const byCopy = (x: Brief) => [...x.copies].sort((p, q) => p.copy.localeCompare(q.copy));
  assert.deepEqual(byCopy(a), byCopy(b));
  const md = runCli(["brief", "--db", db, "--query", "river data"]);
  assert.equal(md.code, 0, md.stderr);
  assert.match(md.stdout, /Geneva/);
  const wrong = runCli(["brief", "examples/", "--since", "2022-01-01"]);
  assert.notEqual(wrong.code, 0);
  assert.match(wrong.stderr, /--db/);
  const notOurs = runCli(["brief", "--db", join("examples", "README.md")]);
  assert.notEqual(notOurs.code, 0);
  assert.match(notOurs.stderr, /not a storydesk database/);
});
