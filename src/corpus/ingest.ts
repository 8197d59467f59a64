// The ingest driver: the batch pipeline (src/brief/assemble.ts) cut at its seams, over a store.
//
//   1. prepare   each new article once (prepareArticle: clean text, facts, copy signature, story terms),
//                stored with status 0; an article already stored (same content id) is skipped
//   2. assign    copies (status 1), document frequencies (2), story placement and followers (3); small
//                and serialised, over state loaded from the store batch by batch
//   3. recompute the per-story outputs of the stories step 2 touched, once at the end of an ingest (a
//      story touched by several rounds is assembled once), on this thread and the preparing threads, idle
//      by then; the dirty marks survive a crash
//
// Every batch is one transaction, so a killed ingest loses nothing it reported stored and leaves nothing
// half-written; each step picks up the rows the previous one left, so running it again finishes the job.

import { sql } from "kysely";
import type { InputError, SourceDocument } from "../model/index.js";
import { articleOf } from "../brief/prepare.js";
import type { Store } from "../store/index.js";
import * as q from "../store/queries.js";
import { createPreparer, type Preparer, type PreparedRows, type ToPrepare } from "./preparer.js";
import { inBatches } from "./batches.js";
import { copyBatch } from "./copies.js";
import { countBatch, followBatch, placeBatch } from "./stories.js";
import { AssignCache } from "./assign-cache.js";
import { outputBatch, type Assembler } from "./outputs.js";

export type IngestPhase = "prepare" | "copies" | "count" | "place" | "follow" | "stories";

export interface IngestProgress {
  phase: IngestPhase;
  /** Items done in this phase (articles; stories for the last phase). */
  done: number;
  /** Items waiting at the start of the phase (null while reading: the input's size is not known). */
  total: number | null;
}

export interface IngestOptions {
  /** Articles (or stories) per transaction. */
  batchSize?: number;
  onProgress?: (p: IngestProgress) => void;
  /** Called after each committed transaction of new articles, with how many it stored. */
  onStored?: (count: number) => void;
  now?: () => Date;
  /** Worker threads for the per-article work (0: on this thread); the corpus is the same either way. */
  threads?: number;
}

export interface IngestSummary {
  /** Documents read. */
  read: number;
  /** New articles stored. */
  added: number;
  /** Articles already in the corpus (or twice in the input). */
  duplicates: number;
  errors: InputError[];
  /** Articles assigned in this run (including any an interrupted run left). */
  assigned: number;
  /** Stories whose output was recomputed. */
  storiesUpdated: number;
  seconds: number;
}

export const DEFAULT_BATCH = 500;
/**
 * Batches per round: copies and stories are assigned once a round of batches is stored, over that round
 * (and all before it). A queued ingest (queue.ts) cuts the input in the same rounds, so it assigns the same
 * articles together and ends with the corpus one process builds.
 */
export const ROUND_BATCHES = 10;
/**
 * The first round of an ingest is shorter: nothing is assigned until a round is prepared, and the
 * preparing threads start with nothing done, so the ingesting thread would wait for a whole round.
 */
const FIRST_ROUND_BATCHES = 2;

/** Does a round end with the ingest's `n`th batch (counting from 1)? */
export function endsRound(n: number): boolean {
  return n === FIRST_ROUND_BATCHES || (n > FIRST_ROUND_BATCHES && (n - FIRST_ROUND_BATCHES) % ROUND_BATCHES === 0);
}

/** Adds documents to the corpus and brings copies, stories and story outputs up to date. */
export async function ingest(
  store: Store,
  documents: AsyncIterable<SourceDocument | InputError> | Iterable<SourceDocument | InputError>,
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const started = performance.now();
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const summary: IngestSummary = { read: 0, added: 0, duplicates: 0, errors: [], assigned: 0, storiesUpdated: 0, seconds: 0 };
  let batches = 0;
  let roundEnd = 0;
  const cache = new AssignCache();
  const flush = async (ready: ReadyBatch) => {
    const { added, lastSeq } = await storeBatch(store, ready, options);
    summary.added += added;
    summary.duplicates += ready.duplicates;
    roundEnd = Math.max(roundEnd, lastSeq + 1);
    options.onStored?.(added);
    if (endsRound(++batches)) {
      const done = await finishIngest(store, options, { below: roundEnd, cache, outputs: false });
      summary.assigned += done.assigned;
      summary.storiesUpdated += done.storiesUpdated;
    }
  };
  const threads = options.threads ?? 0;
  const preparer = createPreparer(threads);
  // On this thread there is nothing to overlap: each batch is prepared and stored in turn.
  const depth = threads > 0 ? ROUND_BATCHES : 0;
  try {
    // Up to a round ahead: later batches are prepared (on the preparer's threads) while earlier ones are
    // stored and assigned. Their duplicate check cannot see the batches in flight, so it is given their ids.
    const ahead: { ready: Promise<ReadyBatch>; ids: Set<string>; full: boolean }[] = [];
    const inFlight = new Set<string>();
    const flushOldest = async () => {
      const batch = ahead.shift()!;
      await flush(await preparer.helpUntil(batch.ready));
      for (const id of batch.ids) inFlight.delete(id);
      // Progress after each full batch (the last, short one is followed by the assignment's own progress).
      if (batch.full) options.onProgress?.({ phase: "prepare", done: summary.read, total: null });
    };
    for await (const batch of inBatches(documents, batchSize, summary)) {
      const next = readyBatch(store, batch, preparer, summary.errors, new Set(inFlight));
      // Awaited later, after the batches before it: a failure must not count as unhandled meanwhile.
      next.ready.catch(() => {});
      for (const id of next.ids) inFlight.add(id);
      ahead.push({ ...next, full: batch.length === batchSize });
      if (ahead.length > depth) await flushOldest();
    }
    while (ahead.length > 0) await flushOldest();
    // The preparing threads, idle now, assemble story outputs beside this thread.
    const finished = await finishIngest(store, options, { cache, assembler: preparer });
    summary.assigned += finished.assigned;
    summary.storiesUpdated += finished.storiesUpdated;
  } finally {
    await preparer.close();
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

/** A batch's new articles, prepared and waiting to be numbered and stored. */
interface ReadyBatch {
  rows: PreparedRows[];
  duplicates: number;
  /** The highest number of an article of the batch already stored (0: none). */
  knownSeq: number;
}

/**
 * Step 1 for one batch, up to storing: the articles' ids (on this thread, at once, so the next batch can
 * skip them), the stored ones skipped, the rest prepared.
 */
function readyBatch(
  store: Store,
  docs: SourceDocument[],
  preparer: Preparer,
  errors: InputError[],
  inFlight: Set<string> = new Set(),
): { ready: Promise<ReadyBatch>; ids: Set<string> } {
  const articles: ToPrepare[] = [];
  for (const doc of docs) {
    const article = articleOf(doc);
    if ("code" in article) errors.push(article);
    else articles.push({ doc, article });
  }
  const ids = new Set(articles.map((a) => a.article.id));
  const ready = (async () => {
    const known = await q.storedIds(store.db, [...ids]);
    let knownSeq = 0;
    for (const k of known.values()) knownSeq = Math.max(knownSeq, k.seq);
    const seen = new Set<string>();
    const fresh = articles.filter(({ article: { id } }) => {
      if (known.has(id) || inFlight.has(id) || seen.has(id)) return false;
      seen.add(id);
      return true;
    });
    const rows = await preparer.prepare(fresh);
    return { rows, duplicates: articles.length - rows.length, knownSeq };
  })();
  return { ready, ids };
}

/** Step 1's end for one batch: numbers the prepared articles and stores them in one transaction. */
async function storeBatch(store: Store, ready: ReadyBatch, options: IngestOptions): Promise<{ added: number; lastSeq: number }> {
  const { rows } = ready;
  if (rows.length === 0) return { added: 0, lastSeq: ready.knownSeq };
  const ingested = (options.now?.() ?? new Date()).toISOString();
  let lastSeq = ready.knownSeq;
  await q.transaction(store.db, async (trx) => {
    // Numbered inside the transaction: one writer at a time holds the next numbers.
    const first = await q.reserveSeqs(trx, store.dialect, rows.length);
    await q.insertArticles(
      trx,
      rows.map((r, i) => ({ ...r.article, seq: first + i, ingested })),
      rows.map((r, i) => ({ ...r.signature, seq: first + i })),
    );
    lastSeq = Math.max(lastSeq, first + rows.length - 1);
  });
  return { added: rows.length, lastSeq };
}

/**
 * Steps 2 and 3 for everything waiting (this run's articles and any an interrupted run left), or only for
 * articles numbered below `below` (a round). Every step keeps to the round, so the articles a killed run
 * left halfway through one are counted and placed with the whole round, as an uninterrupted run places
 * them. Step 3 is left out when `outputs` is false. On PostgreSQL the assignment holds the assignment
 * lock, so it never runs beside another process's assignment (a worker's, or another ingest's); outputs
 * need no lock (outputs.ts).
 */
export async function finishIngest(
  store: Store,
  options: IngestOptions = {},
  scope: { below?: number; cache?: AssignCache; locked?: boolean; outputs?: boolean; assembler?: Assembler } = {},
): Promise<{ assigned: number; storiesUpdated: number }> {
  if (store.dialect === "postgres" && !scope.locked) {
    const done = await store.db.connection().execute(async (conn) => {
      await sql`SELECT pg_advisory_lock(${q.ASSIGN_LOCK})`.execute(conn);
      try {
        // Another process may have assigned in the meantime: the cache checks the placement count.
        return await finishIngest(store, options, { ...scope, locked: true, outputs: false });
      } finally {
        await sql`SELECT pg_advisory_unlock(${q.ASSIGN_LOCK})`.execute(conn);
      }
    });
    const storiesUpdated = scope.outputs === false ? 0 : await recomputeOutputs(store, options, scope.assembler);
    return { ...done, storiesUpdated };
  }
  const batch = options.batchSize ?? DEFAULT_BATCH;
  const now = (options.now?.() ?? new Date()).toISOString();
  const cache = scope.cache ?? new AssignCache();
  const assigned = await inSteps(store, options, "copies", () => copyBatch(store, batch, scope.below, cache));
  await inSteps(store, options, "count", () => countBatch(store, batch, ROUND_BATCHES, scope.below));
  await inSteps(store, options, "place", () => placeBatch(store, batch, cache, scope.below));
  await inSteps(store, options, "follow", () => followBatch(store, batch, now, cache, scope.below));
  const storiesUpdated = scope.outputs === false ? 0 : await recomputeOutputs(store, options, scope.assembler);
  return { assigned, storiesUpdated };
}

/** Step 3 for every story marked dirty (parts of each batch on the assembler's threads, if given). */
export function recomputeOutputs(store: Store, options: IngestOptions = {}, assembler?: Assembler): Promise<number> {
  return inSteps(store, options, "stories", () => outputBatch(store, assembler));
}

/** Runs a phase's batches until none is left, reporting progress; returns the items done. */
async function inSteps(store: Store, options: IngestOptions, phase: Exclude<IngestPhase, "prepare">, step: () => Promise<number>): Promise<number> {
  const total = options.onProgress ? await q.waiting(store.db, phase) : null;
  let done = 0;
  for (let n = await step(); n > 0; n = await step()) {
    done += n;
    options.onProgress?.({ phase, done, total });
  }
  return done;
}
