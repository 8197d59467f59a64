// An ingest shared by worker processes on any number of machines, through a PostgreSQL job queue (pg-boss).
//
//   storydesk ingest --queue   reads the inputs and stores them as batches (ingest_batches), each with the
//                              sequence numbers its articles will take, in rounds (endsRound); one job
//                              per batch goes on the queue
//   storydesk worker           takes jobs: prepares a batch (clean text, facts, signatures: the per-article
//                              work, in parallel across workers) and stores its articles under their
//                              reserved numbers. Between jobs, the one worker holding the assignment lock
//                              assigns copies and stories round by round, in order, each round once all its
//                              batches are prepared: the same rounds over the same numbered articles as one
//                              process's ingest, so the corpus ends the same. Workers with no batch to
//                              prepare recompute touched stories side by side (outputs.ts claims them).
//
// A job that fails (a worker killed, two batches storing the same article at once) is retried; preparing a
// batch is one transaction that marks it prepared, so a batch is stored once.

import type PgBoss from "pg-boss";
import { sql } from "kysely";
import type { InputError, SourceDocument } from "../model/index.js";
import type { Store } from "../store/index.js";
import * as q from "../store/queries.js";
import { DEFAULT_BATCH, endsRound, finishIngest, type IngestOptions } from "./ingest.js";
import { inBatches } from "./batches.js";
import { preparedRows, type PreparedRows } from "./preparer.js";
import { AssignCache } from "./assign-cache.js";
import { outputBatch } from "./outputs.js";
import { queueName, startQueue } from "./job-queue.js";

/** The ingest queue of a corpus. */
async function startBoss(store: Store, location: string): Promise<{ boss: PgBoss; name: string }> {
  const name = await queueName(store, "ingest");
  return { boss: await startQueue(store, location, name, { retryLimit: 20, retryDelay: 1, expireInSeconds: 900 }), name };
}

export interface QueueSummary {
  read: number;
  batches: number;
  errors: InputError[];
}

/** Stores the documents as queued batches and puts a job per batch on the queue (PostgreSQL only). */
export async function enqueue(
  store: Store,
  location: string,
  documents: AsyncIterable<SourceDocument | InputError> | Iterable<SourceDocument | InputError>,
  options: { batchSize?: number; onQueued?: (batches: number, read: number) => void } = {},
): Promise<QueueSummary> {
  if (store.dialect !== "postgres") throw new Error("a queued ingest needs a postgres:// corpus (workers share it)");
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const { boss, name } = await startBoss(store, location);
  const summary: QueueSummary = { read: 0, batches: 0, errors: [] };
  let round = -1;
  const flush = async (docs: SourceDocument[]) => {
    const no = await q.transaction(store.db, async (trx) => {
      const first = await q.reserveSeqs(trx, "postgres", docs.length);
      const no = (await q.counter(trx, "next_batch")) + 1;
      await q.setCounter(trx, "next_batch", no);
      // Rounds are runs of consecutive batches of this ingest, cut as one process cuts them (numbered corpus-wide).
      if (summary.batches === 0 || endsRound(summary.batches)) {
        round = (await q.counter(trx, "next_round")) + 1;
        await q.setCounter(trx, "next_round", round);
      }
      await q.insertBatches(trx, [{ no, round, first_seq: first, size: docs.length, docs: JSON.stringify(docs) }]);
      return no;
    });
    await boss.insert([{ name, data: { batch: no }, singletonKey: `batch-${no}` }]);
    summary.batches++;
    options.onQueued?.(summary.batches, summary.read);
  };
  try {
    for await (const batch of inBatches(documents, batchSize, summary)) await flush(batch);
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
  return summary;
}

/** Prepares one queued batch and stores its articles under their reserved numbers; returns how many. */
export async function prepareBatch(store: Store, no: number, now: () => Date = () => new Date()): Promise<number> {
  const { db } = store;
  const head = await db.selectFrom("ingest_batches").select(["docs", "prepared", "first_seq"]).where("no", "=", no).executeTakeFirst();
  if (!head || head.prepared === 1 || head.docs === null) return 0;
  const docs = JSON.parse(head.docs) as SourceDocument[];
  const prepared = docs.map(preparedRows);
  const ingested = now().toISOString();
  return q.transaction(db, async (trx) => {
    const batch = await q.lockBatch(trx, store.dialect, no);
    if (!batch || batch.prepared === 1) return 0;
    const stored = await q.storedIds(trx, prepared.flatMap((p) => (p ? [p.article.id] : [])));
    const keep: { seq: number; p: PreparedRows }[] = [];
    const replaced: number[] = [];
    const seen = new Set<string>();
    prepared.forEach((p, i) => {
      if (!p || seen.has(p.article.id)) return;
      seen.add(p.article.id);
      const seq = batch.first_seq + i;
      const there = stored.get(p.article.id);
      // The same article stored under a later number by a batch prepared first: the earlier one wins, as in
      // one process (that one cannot be assigned yet: its round waits for this batch).
      if (there && !(there.seq > seq && there.status === 0)) return;
      if (there) replaced.push(there.seq);
      keep.push({ seq, p });
    });
    await q.deletePrepared(trx, replaced);
    await q.insertArticles(
      trx,
      keep.map(({ seq, p }) => ({ ...p.article, seq, ingested })),
      keep.map(({ seq, p }) => ({ ...p.signature, seq })),
    );
    await q.markPrepared(trx, no);
    return keep.length;
  });
}

/**
 * Assigns every round that is ready, oldest first, if no other process is assigning (an advisory lock on a
 * connection of its own, released when done or when the process dies). Returns the rounds assigned, or
 * null when another process holds the lock.
 */
export async function assignReadyRounds(store: Store, options: IngestOptions = {}, cache = new AssignCache()): Promise<number | null> {
  return store.db.connection().execute(async (conn) => {
    const got = await sql<{ ok: boolean }>`SELECT pg_try_advisory_lock(${q.ASSIGN_LOCK}) AS ok`.execute(conn);
    if (!got.rows[0].ok) return null;
    try {
      let rounds = 0;
      for (;;) {
        const next = await q.oldestRound(store.db);
        if (!next || !next.ready) return rounds;
        await finishIngest(store, options, { below: next.end, cache, locked: true, outputs: false });
        await q.deleteRound(store.db, next.round);
        rounds++;
      }
    } finally {
      await sql`SELECT pg_advisory_unlock(${q.ASSIGN_LOCK})`.execute(conn);
    }
  });
}

export interface WorkerOptions extends IngestOptions {
  /** Stop once no batch is queued and every round is assigned (else run until stopped). */
  exitWhenIdle?: boolean;
  /** Seconds between looks at an empty queue. */
  pollSeconds?: number;
  signal?: AbortSignal;
  onPrepared?: (batch: number, articles: number) => void;
}

/** Runs a worker until stopped (or, with exitWhenIdle, until the queued ingests are done). */
export async function runWorker(store: Store, location: string, options: WorkerOptions = {}): Promise<{ batches: number; rounds: number; stories: number }> {
  if (store.dialect !== "postgres") throw new Error("storydesk worker needs a postgres:// corpus");
  const { boss, name } = await startBoss(store, location);
  const done = { batches: 0, rounds: 0, stories: 0 };
  // Kept across rounds: it notices when another worker assigned in between.
  const cache = new AssignCache();
  const pause = (options.pollSeconds ?? 0.5) * 1000;
  try {
    // Batches queued by an ingest that stopped before it put their jobs on the queue.
    const orphans = await q.unpreparedBatches(store.db);
    if (orphans.length > 0) await boss.insert(orphans.map((no) => ({ name, data: { batch: no }, singletonKey: `batch-${no}` })));
    while (!options.signal?.aborted) {
      const jobs = await boss.fetch<{ batch: number }>(name, { batchSize: 1 });
      const job = jobs?.[0];
      if (job) {
        try {
          const n = await prepareBatch(store, job.data.batch, options.now);
          await boss.complete(name, job.id);
          done.batches++;
          options.onPrepared?.(job.data.batch, n);
        } catch (e) {
          await boss.fail(name, job.id, { message: (e as Error).message }).catch(() => {});
        }
      }
      const rounds = await assignReadyRounds(store, options, cache);
      done.rounds += rounds ?? 0;
      if (job) continue;
      // No batch waits for this worker: it recomputes touched stories, unless a round is ready to be
      // assigned (stories recomputed then are mostly touched again by that round, and the work would take
      // cores from the assignment, which every worker waits for).
      const outputs = (await q.oldestRound(store.db))?.ready ? 0 : await outputBatch(store);
      done.stories += outputs;
      if (outputs > 0) continue;
      if (options.exitWhenIdle && rounds !== null && (await q.oldestRound(store.db)) === null && !(await q.anyDirtyStory(store.db))) break;
      await new Promise((r) => setTimeout(r, pause));
    }
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
  return done;
}
