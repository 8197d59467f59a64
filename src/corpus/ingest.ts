// The ingest driver: the batch pipeline (src/brief/assemble.ts) cut at its seams, over a store.
//
//   1. prepare   each new article once (prepareArticle: clean text, facts, copy signature, story terms),
//                stored with status 0; an article already stored (same content id) is skipped
//   2. assign    copies (status 1), document frequencies (2), story placement and followers (3); small
//                and serialised, over state loaded from the store batch by batch
//   3. recompute the per-story outputs of the stories step 2 touched, once at the end of an ingest (a
//      story touched by several rounds is assembled once); the dirty marks survive a crash
//
// Every batch is one transaction, so a killed ingest loses nothing it reported stored and leaves nothing
// half-written; each step picks up the rows the previous one left, so running it again finishes the job.

import { sql } from "kysely";
import type { Article, InputError, SourceDocument } from "../model/index.js";
import { articleOf, prepareArticle, type PreparedArticle } from "../brief/prepare.js";
import type { Store } from "../store/index.js";
import * as q from "../store/queries.js";
import { articleRow, signatureRow } from "../store/codec.js";
import { inBatches } from "./batches.js";
import { copyBatch } from "./copies.js";
import { countBatch, followBatch, placeBatch, StoryCache } from "./stories.js";
import { outputBatch } from "./outputs.js";

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
  const cache = new StoryCache();
  const flush = async (pending: SourceDocument[]) => {
    const { added, duplicates, lastSeq } = await storeBatch(store, pending, summary.errors, options);
    summary.added += added;
    summary.duplicates += duplicates;
    roundEnd = Math.max(roundEnd, lastSeq + 1);
    options.onStored?.(added);
    if (++batches % ROUND_BATCHES === 0) {
      const done = await finishIngest(store, options, { below: roundEnd, cache, outputs: false });
      summary.assigned += done.assigned;
      summary.storiesUpdated += done.storiesUpdated;
    }
  };
  for await (const batch of inBatches(documents, batchSize, summary)) {
    await flush(batch);
    // Progress after each full batch (the last, short one is followed by the assignment's own progress).
    if (batch.length === batchSize) options.onProgress?.({ phase: "prepare", done: summary.read, total: null });
  }
  const finished = await finishIngest(store, options, { cache });
  summary.assigned += finished.assigned;
  summary.storiesUpdated += finished.storiesUpdated;
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

/** Step 1 for one batch: prepare the new documents and store them in one transaction. */
async function storeBatch(
  store: Store,
  docs: SourceDocument[],
  errors: InputError[],
  options: IngestOptions,
): Promise<{ added: number; duplicates: number; lastSeq: number }> {
  const articles: Article[] = [];
  for (const doc of docs) {
    const a = articleOf(doc);
    if ("code" in a) errors.push(a);
    else articles.push(a);
  }
  const known = await q.storedIds(store.db, articles.map((a) => a.id));
  let lastSeq = 0;
  for (const k of known.values()) lastSeq = Math.max(lastSeq, k.seq);
  const fresh: PreparedArticle[] = [];
  const seen = new Set<string>();
  for (const a of articles) {
    if (known.has(a.id) || seen.has(a.id)) continue;
    seen.add(a.id);
    fresh.push(prepareArticle(a));
  }
  const duplicates = articles.length - fresh.length;
  if (fresh.length === 0) return { added: 0, duplicates, lastSeq };
  const ingested = (options.now?.() ?? new Date()).toISOString();
  await q.transaction(store.db, async (trx) => {
    // Numbered inside the transaction: one writer at a time holds the next numbers.
    const first = await q.reserveSeqs(trx, store.dialect, fresh.length);
    await q.insertArticles(
      trx,
      fresh.map((p, i) => articleRow(p.article, p.facts, first + i, ingested)),
      fresh.map((p, i) => signatureRow(first + i, p.copy, p.terms)),
    );
    lastSeq = Math.max(lastSeq, first + fresh.length - 1);
  });
  return { added: fresh.length, duplicates, lastSeq };
}

/**
 * Steps 2 and 3 for everything waiting (this run's articles and any an interrupted run left), or only for
 * articles numbered below `below` (a round); step 3 is left out when `outputs` is false. On PostgreSQL
 * the assignment holds the assignment lock, so it never runs beside another process's assignment (a
 * worker's, or another ingest's); outputs need no lock (outputs.ts).
 */
export async function finishIngest(
  store: Store,
  options: IngestOptions = {},
  scope: { below?: number; cache?: StoryCache; locked?: boolean; outputs?: boolean } = {},
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
    const storiesUpdated = scope.outputs === false ? 0 : await recomputeOutputs(store, options);
    return { ...done, storiesUpdated };
  }
  const batch = options.batchSize ?? DEFAULT_BATCH;
  const now = (options.now?.() ?? new Date()).toISOString();
  const cache = scope.cache ?? new StoryCache();
  const assigned = await inSteps(store, options, "copies", () => copyBatch(store, batch, scope.below));
  await inSteps(store, options, "count", () => countBatch(store, batch));
  await inSteps(store, options, "place", () => placeBatch(store, batch, cache));
  await inSteps(store, options, "follow", () => followBatch(store, batch, now, cache));
  const storiesUpdated = scope.outputs === false ? 0 : await recomputeOutputs(store, options);
  return { assigned, storiesUpdated };
}

/** Step 3 for every story marked dirty. */
export function recomputeOutputs(store: Store, options: IngestOptions = {}): Promise<number> {
  return inSteps(store, options, "stories", () => outputBatch(store));
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
