// Workers: three `storydesk worker` processes sharing one queued ingest of a PostgreSQL corpus end with the
// corpus one process's ingest builds from the same inputs: the same articles, copies and stories, nothing
// twice. Runs when STORYDESK_TEST_PG names a database (.ci/run sets it).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { briefFromStore, ingest } from "../src/corpus/index.js";
import { readInputs } from "../src/read/index.js";
import { openStore, type Store } from "../src/store/index.js";
import { ROOT, runCli } from "./helpers.js";
import { writeCorpus } from "./ingest-corpus.js";
import { TARGETS, TMP } from "./store-targets.js";

const CLI = join(ROOT, "bin", "storydesk.js");
const pg = TARGETS.find((t) => t.name === "postgres");
const SIZE = 1500;
const BATCH = "40";

function worker(db: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, "worker", "--db", db, "--exit-when-idle"], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("exit", (code) => resolve({ code, stderr }));
  });
}

async function snapshot(store: Store) {
  const brief = await briefFromStore(store, {}, { now: new Date(0) });
  const rows: Record<string, number> = {};
  for (const table of ["articles", "signatures", "copy_postings", "copy_edges", "copies", "stories", "story_terms", "story_outputs", "story_df", "story_merges", "ingest_batches"] as const) {
    rows[table] = Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
  }
  // Where a posting sits (merged or recent) depends on batch boundaries; the two tables hold one index.
  rows.copy_postings += Number((await store.db.selectFrom("copy_postings_recent").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
  const unfinished = await store.db.selectFrom("article_progress").select("seq").where("status", "<", 3).execute();
  return { brief, rows, unfinished: unfinished.length };
}

test(`postgres: three workers sharing a queued ingest of ${SIZE} articles end with the corpus one process builds`, { skip: !pg, timeout: 240_000 }, async () => {
  const { dir, files } = writeCorpus(join(TMP, "worker-corpus"), SIZE, 7);
  // Some late articles also come first under other names: the earlier one must win, whichever worker
  // stores its batch first.
  const dups = join(TMP, "worker-dups");
  mkdirSync(dups, { recursive: true });
  files.slice(-60).forEach((f, i) => copyFileSync(f, join(dups, `${String(i).padStart(3, "0")}.txt`)));
  const inputs = [dups, dir, join(ROOT, "examples")];

  const single = await pg!.fresh();
  const docs = await readInputs(inputs);
  const one = await openStore(single);
  await ingest(one, docs.documents, { batchSize: Number(BATCH) });
  const want = await snapshot(one);
  await one.close();

  const shared = await pg!.fresh();
  const queued = runCli(["ingest", ...inputs, "--db", shared, "--queue", "--batch", BATCH]);
  assert.equal(queued.code, 0, queued.stderr);
  assert.match(queued.stderr, /queued in \d+ batches/);
  const runs = await Promise.all([worker(shared), worker(shared), worker(shared)]);
  for (const r of runs) assert.equal(r.code, 0, r.stderr);
  // The work was shared: more than one worker prepared batches.
  const busy = runs.filter((r) => /prepared [1-9]\d* batches/.test(r.stderr)).length;
  assert.ok(busy >= 2, runs.map((r) => r.stderr).join("\n"));

  const store = await openStore(shared);
  const got = await snapshot(store);
  await store.close();
  assert.equal(got.unfinished, 0);
  assert.deepEqual(got.rows, want.rows);
  const ids = got.brief.articles.map((a) => a.id);
  assert.equal(new Set(ids).size, ids.length, "an article is stored twice");
  assert.deepEqual(got.brief, want.brief);
});

test("storydesk ingest --queue refuses a SQLite corpus: workers need PostgreSQL", () => {
  const r = runCli(["ingest", "examples/water-summit", "--db", join(TMP, "queue.db"), "--queue"]);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /postgres/);
});
