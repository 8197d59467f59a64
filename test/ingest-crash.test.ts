// Durability: an ingest killed with SIGKILL at random moments, run again until it finishes, ends with the
// corpus an uninterrupted ingest builds: the same articles, copies and stories, nothing duplicated.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { briefFromStore } from "../src/corpus/index.js";
import { openStore } from "../src/store/index.js";
import { ROOT } from "./helpers.js";
import { writeCorpus } from "./ingest-corpus.js";
import { TMP } from "./store-targets.js";

const CLI = join(ROOT, "bin", "storydesk.js");
const SIZE = 2500;

function ingestToEnd(dir: string, db: string): void {
  const r = spawnSync(process.execPath, [CLI, "ingest", dir, "--db", db, "--batch", "50"], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
}

/** Starts an ingest and kills it with SIGKILL after `ms`; resolves whether it was killed before it ended. */
function ingestKilledAfter(dir: string, db: string, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, "ingest", dir, "--db", db, "--batch", "50"], { stdio: "ignore" });
    const timer = setTimeout(() => child.kill("SIGKILL"), ms);
    child.on("exit", (_code, signal) => {
      clearTimeout(timer);
      resolve(signal === "SIGKILL");
    });
  });
}

async function snapshot(db: string) {
  const store = await openStore(db);
  try {
    const brief = await briefFromStore(store, {}, { now: new Date(0) });
    const count = async (table: "articles" | "signatures" | "copy_postings" | "copy_postings_recent" | "copy_edges" | "copies" | "story_outputs") =>
      Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
    const pending = await store.db.selectFrom("article_progress").select("seq").where("status", "<", 3).execute();
    const dirty = await store.db.selectFrom("stories").select("no").where("dirty", "=", 1).execute();
    return {
      brief,
      rows: {
        articles: await count("articles"),
        signatures: await count("signatures"),
        // Merged or recent depends on batch boundaries, which a resumed ingest draws anew.
        postings: (await count("copy_postings")) + (await count("copy_postings_recent")),
        edges: await count("copy_edges"),
        copies: await count("copies"),
        outputs: await count("story_outputs"),
      },
      unfinished: pending.length + dirty.length,
    };
  } finally {
    await store.close();
  }
}

test(`an ingest of ${SIZE} articles killed (SIGKILL) at random moments and run again ends as an uninterrupted one`, { timeout: 600_000 }, async () => {
  const { dir } = writeCorpus(join(TMP, "crash-corpus"), SIZE, 3);
  const reference = join(TMP, "reference.db");
  const started = performance.now();
  ingestToEnd(dir, reference);
  const fullMs = performance.now() - started;

  const crashed = join(TMP, "crashed.db");
  // Deterministic "random" moments spread over the run: reading, assignment and story updates all get hit.
  let seed = 20240611;
  const next = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  let kills = 0;
  for (let i = 0; i < 5; i++) {
    if (await ingestKilledAfter(dir, crashed, 200 + next() * fullMs * 0.4)) kills++;
  }
  assert.ok(kills >= 2, `only ${kills} runs were killed before they finished`);
  ingestToEnd(dir, crashed);

  const want = await snapshot(reference);
  const got = await snapshot(crashed);
  assert.equal(got.unfinished, 0);
  assert.deepEqual(got.rows, want.rows);
  const ids = got.brief.articles.map((a) => a.id);
  assert.equal(new Set(ids).size, ids.length, "an article is stored twice");
  assert.deepEqual(got.brief, want.brief);
});
