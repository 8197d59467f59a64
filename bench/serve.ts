// Desk benchmark: the HTTP API over a corpus of 100,000 articles, SQLite and PostgreSQL side by side.
// For each database: `storydesk serve` in a process of its own, autocannon on loopback in this one;
// first a fixed rate (200 requests/s by default: latency p50/p99 at that load), then as fast as it goes
// (requests/s), for the story list (pages, both orders, filters) and the story page.
//
//   npm run bench -- serve                                   # 100k articles, SQLite only
//   npm run bench -- serve --pg postgres://postgres@127.0.0.1:5432/desk_bench
//   npm run bench -- serve 20000 --rate 200 --seconds 20
//   npm run bench -- serve --pg postgres://… --no-sqlite    # PostgreSQL alone
//
// The corpus is built once per size and database from ../shared/data (bench/corpus.ts), in slices of
// 10,000 like `npm run bench -- ingest`, and kept: bench/out/serve-<size>.db, or the PostgreSQL database
// given (an empty one the first time; it is reused while it holds the same number of articles). When the
// SQLite corpus of that size exists, PostgreSQL gets a copy of the tables the desk reads instead of an
// ingest of its own, so both sides serve the very same stories.

import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { sql } from "kysely";
import { ingest } from "../dist/corpus/index.js";
import { openStore } from "../dist/store/index.js";
import { buildCorpus } from "./corpus.js";

const args = process.argv.slice(2);
const option = (name: string, fallback?: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const size = Number(args.find((a, i) => /^\d+$/.test(a) && !args[i - 1]?.startsWith("--")) ?? 100_000);
const rate = Number(option("--rate", "200"));
const seconds = Number(option("--seconds", "20"));
const pgUrl = option("--pg");
const SLICE = 10_000;
const root = fileURLToPath(new URL("..", import.meta.url));

/**
 * The tables the desk reads, copied row for row from the SQLite corpus into an empty PostgreSQL one: the
 * same corpus on both sides, without a second ingest of 100,000 articles (that is `npm run bench -- ingest`'s
 * subject). story_entities is filled by the triggers as story_outputs is inserted.
 */
async function copyCorpus(from: string, to: string): Promise<void> {
  const source = await openStore(from);
  const target = await openStore(to);
  try {
    const tables = [["articles", "seq"], ["stories", "no"], ["copies", "copy_seq"], ["story_outputs", "story"]] as const;
    for (const [table, key] of tables) {
      let done = 0;
      for (let after: number | string = -1; ; ) {
        const rows = (await source.db.selectFrom(table).selectAll().where(key, ">", after as never).orderBy(key).limit(500).execute()) as Record<string, unknown>[];
        if (rows.length === 0) break;
        for (let i = 0; i < rows.length; i += 100) await target.db.insertInto(table).values(rows.slice(i, i + 100) as never).execute();
        after = rows[rows.length - 1][key] as number;
        done += rows.length;
        if (done % 20_000 < 500) process.stderr.write(`  copying ${table} into ${target.location}: ${done}\n`);
      }
    }
    // VACUUM as autovacuum would soon after a load: without a visibility map every index-only scan (a count,
    // a page of a list) reads the table itself, which a server running for a while does not.
    await sql`VACUUM ANALYZE`.execute(target.db);
  } finally {
    await source.close();
    await target.close();
  }
}

async function prepare(location: string, copyFrom?: string): Promise<void> {
  const store = await openStore(location);
  const have = Number((await store.db.selectFrom("articles").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
  if (have === 0 && copyFrom && existsSync(copyFrom)) {
    await store.close();
    return copyCorpus(copyFrom, location);
  }
  try {
    if (have >= size * 0.9) return void process.stderr.write(`  ${store.location}: ${have} articles already there\n`);
    if (have > 0) throw new Error(`${store.location} holds ${have} articles, not a ${size}-article benchmark corpus: give an empty database`);
    for (let k = 0, done = 0; done < size; k++) {
      const t = performance.now();
      const docs = buildCorpus(Math.min(SLICE, size - done), 1000 + k).map((d) => ({ ...d, path: `slice${k}/${d.path}` }));
      const summary = await ingest(store, docs);
      done += docs.length;
      process.stderr.write(`  building ${store.location}: ${done}/${size} documents (${summary.added} new in ${((performance.now() - t) / 1000).toFixed(0)} s)\n`);
    }
  } finally {
    await store.close();
  }
}

function serve(location: string): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, [join(root, "bin", "storydesk.js"), "serve", "--db", location, "--port", "0", "--log-level", "silent", "--no-ui"], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let err = "";
    child.stderr!.on("data", (d) => {
      err += d;
      const m = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(err);
      if (m) resolve({ child, base: m[1] });
    });
    child.once("exit", (code) => reject(new Error(`storydesk serve exited (${code}): ${err}`)));
  });
}

interface Measured { name: string; p50: number; p99: number; atRate: number; errors: number; maxRps: number; maxP99: number }

/** Paths of one kind of request, drawn in turn (so caches see many different pages and stories). */
type Paths = () => string;

async function run(base: string, name: string, next: Paths): Promise<Measured> {
  const common: autocannon.Options = { url: base, requests: [{ setupRequest: (req) => ({ ...req, path: next() }) }] };
  // Warm up first (JIT, page cache, statement caches), so the paced run measures the steady state.
  await autocannon({ ...common, connections: 10, duration: 3 });
  // autocannon paces by the second, so its connections fire in bursts: few connections keep a burst from
  // queueing behind itself (at 5 ms a request, 5 connections serve 1,000/s, five times the rate asked).
  const paced = await autocannon({ ...common, connections: 5, duration: seconds, overallRate: rate });
  const flat = await autocannon({ ...common, connections: 10, duration: Math.max(5, Math.round(seconds / 2)) });
  return {
    name,
    p50: paced.latency.p50,
    p99: paced.latency.p99,
    atRate: paced.requests.average,
    errors: paced.errors + paced.non2xx + flat.errors + flat.non2xx,
    maxRps: flat.requests.average,
    maxP99: flat.latency.p99,
  };
}

async function bench(label: string, location: string, copyFrom?: string): Promise<Measured[]> {
  await prepare(location, copyFrom);
  const { child, base } = await serve(location);
  try {
    const first = (await (await fetch(`${base}/api/stories?sort=size&limit=100`)).json()) as { total: number; stories: { id: string; title: string }[] };
    const pages = Math.max(1, Math.floor(Math.min(first.total, 5000) / 20));
    const ids = first.stories.map((s) => s.id);
    for (let offset = 100; offset < Math.min(first.total, 1000); offset += 100) {
      ids.push(...((await (await fetch(`${base}/api/stories?sort=recent&limit=100&offset=${offset}`)).json()) as { stories: { id: string }[] }).stories.map((s) => s.id));
    }
    const words = first.stories.flatMap((s) => s.title.toLowerCase().match(/\b[a-z]{5,}\b/g) ?? []).slice(0, 50);
    let i = 0;
    const turn = <T>(list: T[]) => list[i++ % list.length];
    process.stderr.write(`  ${label}: ${first.total} stories; ${rate} requests/s for ${seconds} s, then flat out\n`);
    const results = [
      await run(base, "story list (recent, 20 per page)", () => `/api/stories?limit=20&offset=${20 * (i++ % pages)}`),
      await run(base, "story list (by size, 20 per page)", () => `/api/stories?sort=size&limit=20&offset=${20 * (i++ % pages)}`),
      await run(base, "story page", () => `/api/stories/${turn(ids)}`),
      // Last: where the database cannot keep up with the rate, the backlog would weigh on what follows.
      await run(base, "story list, text query", () => `/api/stories?q=${encodeURIComponent(turn(words))}&limit=20`),
    ];
    process.stderr.write(`  ${label}: corpus of ${first.total} stories measured\n`);
    return results;
  } finally {
    child.kill("SIGTERM");
  }
}

const sqliteCorpus = join(root, "bench", "out", `serve-${size}.db`);
const targets: [string, string][] = args.includes("--no-sqlite") ? [] : [["SQLite", join(root, "bench", "out", `serve-${size}.db`)]];
if (pgUrl) targets.push(["PostgreSQL", pgUrl]);
mkdirSync(join(root, "bench", "out"), { recursive: true });

const rows: string[] = [];
for (const [label, location] of targets) {
  // PostgreSQL gets the SQLite corpus of the same size when there is one (copied), else its own ingest.
  for (const m of await bench(label, location, label === "PostgreSQL" ? sqliteCorpus : undefined)) {
    rows.push(
      `| ${label} | ${m.name} | ${m.p50} | ${m.p99} | ${Math.round(m.atRate)} | ${Math.round(m.maxRps)} | ${m.maxP99} | ${m.errors} |`,
    );
  }
}
console.log(`\nDesk API, ${size.toLocaleString("en")} articles, autocannon on loopback (${rate} requests/s over 5 connections for ${seconds} s; then 10 connections flat out):\n`);
console.log(`| database | request | p50 ms at ${rate}/s | p99 ms at ${rate}/s | served/s | max requests/s | p99 ms flat out | errors |`);
console.log(`| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |`);
for (const r of rows) console.log(r);
