// Ingest benchmark: a corpus grown slice by slice (10,000 articles each by default) in one process, as a
// user adding a month of news at a time would; prints the time and articles/s of every slice and the peak
// memory. The point is flat: the time per slice should not grow with the corpus, nor memory.
//
//   npm run bench -- ingest                       # SQLite, 10k and 100k (slices of 10k)
//   npm run bench -- ingest 1000000               # up to 1M
//   npm run bench -- ingest 1000000 --minutes 90  # up to 1M or 90 minutes, whichever comes first
//   npm run bench -- ingest 100000 --slice 20000 --db postgres://…/bench
//   npm run bench -- ingest 20000 --workers 1,2 --db postgres://…/bench   # queued ingest, 1 then 2 workers
//
// Each size runs in a child process of its own into a new database, so peak RSS is that run's alone.
// Slices are built by bench/corpus.ts from ../shared/data with a seed of their own (copies inside a slice).

import { execFileSync, spawn } from "node:child_process";
import pg from "pg";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
// The compiled code, as the CLI runs it (`npm run bench` builds first).
import { defaultThreads, enqueue, ingest, type IngestProgress } from "../dist/corpus/index.js";
import { openStore } from "../dist/store/index.js";
import { keepHeapsNearLive } from "../dist/cli/heap.js";
import { buildCorpus } from "./corpus.js";

interface Slice { corpus: number; seconds: number; cpuSeconds: number; perSecond: number; rssMiB: number; peakMiB: number }
interface Result { size: number; slices: Slice[]; peakMiB: number; seconds: number; dbMiB: number | null; stopped: boolean }

/** The process's peak RSS so far, MiB. */
const peakMiB = () => process.resourceUsage().maxRSS / 1024;

/** Slices until `size` articles are fed, or until `minutes` have passed (then `stopped` is set). */
async function measure(size: number, sliceSize: number, db: string, threads: number, minutes: number): Promise<Result> {
  // As the CLI's corpus commands run (src/cli/heap.ts).
  keepHeapsNearLive();
  const store = await openStore(db);
  const slices: Slice[] = [];
  let corpus = 0;
  const started = performance.now();
  // Slices by input count: a few generated duplicates are skipped by the ingest, so the corpus ends a
  // little under `size`, never with a runt slice after the last.
  let stopped = false;
  for (let k = 0, fed = 0; fed < size; k++) {
    if ((performance.now() - started) / 60_000 >= minutes) {
      stopped = true;
      break;
    }
    const n = Math.min(sliceSize, size - fed);
    fed += n;
    const documents = buildCorpus(n, 1000 + k).map((d) => ({ ...d, path: `slice${k}/${d.path}` }));
    const t = performance.now();
    const cpu = process.cpuUsage();
    // Which step of the slice raised the peak RSS, if any: the progress of each step is reported often.
    const before = peakMiB();
    let raisedIn: string | null = null;
    // Wall seconds by step: the time up to each progress report goes to the step reporting. Preparing runs
    // on its own thread, a round ahead: its share is the ingesting thread's storing and waiting for it.
    const steps = new Map<string, number>();
    let last = t;
    const onProgress = (p: IngestProgress) => {
      if (raisedIn === null && peakMiB() > before) raisedIn = p.phase;
      const now = performance.now();
      steps.set(p.phase, (steps.get(p.phase) ?? 0) + (now - last) / 1000);
      last = now;
    };
    const summary = await ingest(store, documents, { threads, onProgress });
    const seconds = (performance.now() - t) / 1000;
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    corpus += summary.added;
    const slice = { corpus, seconds, cpuSeconds, perSecond: summary.added / seconds, rssMiB: process.memoryUsage().rss / 2 ** 20, peakMiB: peakMiB() };
    slices.push(slice);
    // A peak is seen at the next progress report after it: the step named may be the one after the cause.
    const rose = slice.peakMiB > before ? ` (rose by ${Math.round(slice.peakMiB - before)} MiB, first seen in ${raisedIn ?? "the end of the slice"})` : "";
    process.stderr.write(
      `  ${corpus} articles: slice ${seconds.toFixed(1)} s (CPU ${cpuSeconds.toFixed(1)} s), ${Math.round(slice.perSecond)}/s, RSS ${Math.round(slice.rssMiB)} MiB, peak so far ${Math.round(slice.peakMiB)} MiB${rose}\n` +
        `    wall s by step: ${[...steps].map(([step, s]) => `${step} ${s.toFixed(1)}`).join(", ")}\n`,
    );
  }
  await store.close();
  const dbMiB = db.startsWith("postgres") ? null : statSync(db).size / 2 ** 20;
  return { size, slices, peakMiB: peakMiB(), seconds: (performance.now() - started) / 1000, dbMiB, stopped };
}

/** A queued ingest of `size` articles processed by `workers` storydesk worker processes; wall seconds. */
async function queued(size: number, workers: number, db: string): Promise<number> {
  const store = await openStore(db);
  const documents = buildCorpus(size, 1000).map((d) => ({ ...d, path: `queued/${d.path}` }));
  await enqueue(store, db, documents);
  await store.close();
  const cli = fileURLToPath(new URL("../bin/storydesk.js", import.meta.url));
  const t = performance.now();
  await Promise.all(
    Array.from({ length: workers }, () => new Promise((resolve) => spawn(process.execPath, [cli, "worker", "--db", db, "--exit-when-idle"], { stdio: "inherit" }).on("exit", resolve))),
  );
  return (performance.now() - t) / 1000;
}

const args = process.argv.slice(2);
if (args.includes("--workers")) {
  const i = args.indexOf("--workers");
  const counts = args[i + 1].split(",").map(Number);
  const base = args[args.indexOf("--db") + 1];
  const size = Number(args.find((a, k) => /^\d+$/.test(a) && k !== i + 1) ?? 10000);
  const rows: string[] = [];
  for (const n of counts) {
    // A schema of its own per run, so every run starts from an empty corpus.
    const schema = `bench_${process.pid}_${n}`;
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    await client.query(`CREATE SCHEMA ${schema}`);
    const u = new URL(base);
    u.searchParams.set("options", `-c search_path=${schema}`);
    const seconds = await queued(size, n, u.toString());
    await client.query(`DROP SCHEMA ${schema} CASCADE`);
    await client.end();
    rows.push(`| ${n} | ${size} | ${seconds.toFixed(1)} | ${Math.round(size / seconds)} |`);
    console.error(`  ${n} worker(s): ${seconds.toFixed(1)} s`);
  }
  console.log("| workers | articles | seconds | articles/s |\n| ---: | ---: | ---: | ---: |");
  for (const r of rows) console.log(r);
} else if (args[0] === "--child") {
  const [, size, slice, db, threads, minutes] = args;
  process.stdout.write(JSON.stringify(await measure(Number(size), Number(slice), db, Number(threads), Number(minutes))));
} else {
  const option = (name: string) => {
    const i = args.indexOf(name);
    if (i < 0) return undefined;
    const [, value] = args.splice(i, 2);
    return value;
  };
  const slice = Number(option("--slice") ?? 10000);
  const threads = Number(option("--threads") ?? defaultThreads());
  const minutes = Number(option("--minutes") ?? Infinity);
  const pg = option("--db");
  const sizes = args.length ? args.map(Number) : [10000, 100000];
  const self = fileURLToPath(import.meta.url);
  const rows: string[] = [];
  const perSlice: string[] = [];
  for (const size of sizes) {
    const dir = mkdtempSync(join(tmpdir(), "storydesk-bench-"));
    const db = pg ?? join(dir, "corpus.db");
    console.error(`${size} articles into ${pg ? "PostgreSQL" : "SQLite"}, slices of ${slice}:`);
    const out = execFileSync(process.execPath, ["--import", "tsx", self, "--child", String(size), String(slice), db, String(threads), String(minutes)], {
      encoding: "utf8",
      maxBuffer: 1 << 24,
      stdio: ["ignore", "pipe", "inherit"],
    });
    rmSync(dir, { recursive: true, force: true });
    const r = JSON.parse(out) as Result;
    const first = r.slices[0];
    const last = r.slices[r.slices.length - 1];
    const reached = last.corpus;
    perSlice.push(`${r.stopped ? `${reached} (of ${size}, stopped after ${minutes} minutes)` : size}: ${r.slices.map((x) => x.cpuSeconds.toFixed(0)).join(" ")}`);
    rows.push(
      `| ${reached}${r.stopped ? " (stopped)" : ""} | ${r.seconds.toFixed(0)} | ${Math.round(reached / r.seconds)} | ${first.seconds.toFixed(1)} | ${last.seconds.toFixed(1)} | ${Math.round(r.peakMiB)} | ${r.dbMiB === null ? "–" : Math.round(r.dbMiB)} |`,
    );
  }
  console.log(`| articles | seconds | articles/s | first slice (s) | last slice (s) | peak RSS (MiB) | database (MiB) |`);
  console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const row of rows) console.log(row);
  console.log(`\nCPU seconds per slice (all threads):\n${perSlice.join("\n")}`);
  console.log(
    `\nOne process: the ingesting thread and ${threads} preparing thread(s) (--threads); slices of ${slice} articles, ` +
      "each a separate ingest (read, prepare, assign, update stories).",
  );
  if (pg) console.log("Note: with --db the same PostgreSQL database is reused for every size; give it an empty one.");
}
