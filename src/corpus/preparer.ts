// Step 1's per-article work (clean text, facts, copy signature, story terms) for a store, on this thread
// or on worker threads. The work needs no other article, so threads split a batch freely; the rows come
// back in input order and are numbered by the caller, so the corpus is the same with any thread count.
// The same threads assemble parts of step 3's story outputs (outputs.ts), from rows read by the caller.

import { availableParallelism } from "node:os";
import { extname } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Article, SourceDocument } from "../model/index.js";
import { articleOf, prepareArticle } from "../brief/prepare.js";
import { articleRow, signatureRow } from "../store/codec.js";
import type { ArticlesTable, SignaturesTable } from "../store/schema.js";
import type { OutputWrite } from "../store/queries.js";
import type { Assembler, StoryRows } from "./outputs.js";

/** An article's rows, ready to store once numbered (`seq` and `ingested` are the caller's). */
export interface PreparedRows {
  article: Omit<ArticlesTable, "seq" | "ingested">;
  signature: Omit<SignaturesTable, "seq">;
}

/** The signature columns that are blobs: they cross threads as bytes. */
export const BLOB_COLUMNS = ["codes", "sentence_ends", "keys", "terms"] as const;

/** A document and the clean article the caller made of it (to learn its id). */
export interface ToPrepare {
  doc: SourceDocument;
  article: Article;
}

export interface Preparer extends Assembler {
  /** The rows of each article, in order. */
  prepare(items: ToPrepare[]): Promise<PreparedRows[]>;
  /**
   * Waits for `ready`, meanwhile preparing on this thread the shares no preparing thread has started: the
   * caller has nothing else to do, and at the start of an ingest the threads are a round behind.
   */
  helpUntil<T>(ready: Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The rows of one article; pure, so any thread computes the same. */
export function rowsOf(article: Article): PreparedRows {
  const p = prepareArticle(article);
  const { seq: _s, ingested: _i, ...row } = articleRow(p.article, p.facts, 0, "");
  const { seq: _t, ...signature } = signatureRow(0, p.copy, p.terms);
  return { article: row, signature };
}

/** The rows of a document the caller already cleaned once (so it makes an article: it is cleaned again). */
export function rowsOfDocument(doc: SourceDocument): PreparedRows {
  const article = articleOf(doc);
  if ("code" in article) throw new Error(article.message);
  return rowsOf(article);
}

/** The rows of one document (null where no article text is left: the caller reports those). */
export function preparedRows(doc: SourceDocument): PreparedRows | null {
  const article = articleOf(doc);
  return "code" in article ? null : rowsOf(article);
}

/**
 * Threads a machine's cores suggest: one per core beside the thread that stores and assigns (that one is
 * busy as long as the preparing threads: on 2 cores, a second preparing thread made a 10k slice slower).
 */
export function defaultThreads(): number {
  return Math.min(8, availableParallelism() - 1);
}

/**
 * `threads` worker threads (0: this thread). The first batch is prepared here: starting threads (each
 * loads the facts models) costs more than a small input gains, so they start with a second batch.
 */
export function createPreparer(threads: number): Preparer {
  let pool: ThreadPreparer | null = null;
  let calls = 0;
  return {
    prepare: async (items) => {
      if (threads === 0 || calls++ === 0) return items.map((item) => rowsOf(item.article));
      pool ??= new ThreadPreparer(threads);
      // A document crosses to a thread more cheaply than its article (one string against many objects),
      // and the thread cleans it again: the same article, as cleaning is pure.
      return pool.prepare(items.map((item) => item.doc));
    },
    helpUntil: (ready) => (pool ? pool.helpUntil(ready) : ready),
    // Only threads already started: a small ingest, prepared here, starts none for its outputs either.
    get parallel() {
      return pool ? threads : 0;
    },
    outputs: (rows) => {
      if (!pool) throw new Error("no preparing thread is running");
      return pool.outputs(rows);
    },
    close: async () => pool?.close(),
  };
}

/** A share of a batch, sent to a thread; `slot` is its place in the shares' state (SHARE_STATE). */
interface Share {
  slot: number;
  docs: SourceDocument[];
  resolve: (rows: PreparedRows[]) => void;
  reject: (e: Error) => void;
}

/** Stories to assemble, sent to a thread (only it does them: nothing to take back while waiting). */
interface Assembly {
  resolve: (outputs: OutputWrite[]) => void;
  reject: (e: Error) => void;
}

/** A thread's answer: a share's rows, or that this thread took the share, or an assembly's outputs. */
export type ThreadAnswer = { rows: PreparedRows[] } | { skipped: true } | { outputs: OutputWrite[] } | { error: string };

/**
 * Each share's state, shared with the threads: who started it. A thread starts a share only if this
 * thread has not (compare-and-swap), so the caller can prepare a share itself while it waits, and the
 * threads still hold every share at once (during an assignment this thread answers no message).
 */
export const SHARE_STATE = { waiting: 0, onThread: 1, here: 2 } as const;
/** Documents per share at most (about 0.3 s of work). */
const SHARE_DOCS = 100;
/** Slots of the state, reused in turn: far more than the shares ever in flight (a round per thread). */
const SLOTS = 4096;

class ThreadPreparer {
  private readonly workers: Worker[] = [];
  /** Shares and assemblies sent to each thread, oldest first (a thread answers in order). */
  private readonly sent = new Map<Worker, (Share | Assembly)[]>();
  /** Shares sent and perhaps not started, oldest first: what this thread may take while it waits. */
  private readonly unstarted: Share[] = [];
  private readonly state = new Int32Array(new SharedArrayBuffer(4 * SLOTS));
  private next = 0;
  private turn = 0;
  private failed: Error | null = null;

  constructor(threads: number) {
    for (let i = 0; i < threads; i++) {
      const entry = new URL(`./preparer-thread${extname(fileURLToPath(import.meta.url))}`, import.meta.url);
      const worker = threadOf(entry, this.state);
      this.sent.set(worker, []);
      worker.on("message", (m: ThreadAnswer) => {
        const sent = this.sent.get(worker)!.shift();
        // A share this thread took: already answered.
        if (!sent || "skipped" in m) return;
        if ("error" in m) {
          this.forget(sent);
          sent.reject(new Error(m.error));
        } else if ("rows" in m) {
          this.forget(sent);
          (sent as Share).resolve(m.rows.map(asBuffers));
        } else (sent as Assembly).resolve(m.outputs);
      });
      worker.on("error", (e) => this.fail(e));
      worker.on("exit", (code) => {
        if (code !== 0) this.fail(new Error(`a preparing thread stopped (exit code ${code})`));
      });
      this.workers.push(worker);
    }
  }

  private fail(e: Error): void {
    this.failed ??= e;
    for (const list of this.sent.values()) {
      for (const sent of list) sent.reject(e);
      list.length = 0;
    }
    this.unstarted.length = 0;
  }

  private forget(sent: Share | Assembly): void {
    const i = this.unstarted.indexOf(sent as Share);
    if (i >= 0) this.unstarted.splice(i, 1);
  }

  outputs(rows: StoryRows): Promise<OutputWrite[]> {
    if (this.failed) return Promise.reject(this.failed);
    const worker = this.workers[this.turn++ % this.workers.length];
    return new Promise((resolve, reject) => {
      this.sent.get(worker)!.push({ resolve, reject });
      worker.postMessage({ assemble: rows });
    });
  }

  async prepare(docs: SourceDocument[]): Promise<PreparedRows[]> {
    if (this.failed) throw this.failed;
    // Contiguous shares, at least one per thread, small enough that this thread, preparing one while it
    // waits, holds up little; the rows come back in order.
    const size = Math.min(SHARE_DOCS, Math.ceil(docs.length / this.workers.length));
    const parts: Promise<PreparedRows[]>[] = [];
    for (let i = 0; i < docs.length; i += size) {
      const slot = this.next++ % SLOTS;
      Atomics.store(this.state, slot, SHARE_STATE.waiting);
      const worker = this.workers[this.turn++ % this.workers.length];
      parts.push(
        new Promise((resolve, reject) => {
          const share = { slot, docs: docs.slice(i, i + size), resolve, reject };
          this.sent.get(worker)!.push(share);
          this.unstarted.push(share);
          worker.postMessage({ slot, docs: share.docs });
        }),
      );
    }
    return (await Promise.all(parts)).flat();
  }

  async helpUntil<T>(ready: Promise<T>): Promise<T> {
    let settled = false;
    const done = ready.finally(() => {
      settled = true;
    });
    done.catch(() => {});
    // The oldest share no thread has started, one at a time, then a turn of the event loop, so the
    // threads' answers (and `ready`) get in.
    while (!settled && this.unstarted.length > 0) {
      const share = this.unstarted.shift()!;
      if (Atomics.compareExchange(this.state, share.slot, SHARE_STATE.waiting, SHARE_STATE.here) !== SHARE_STATE.waiting) continue;
      try {
        share.resolve(share.docs.map(rowsOfDocument));
      } catch (e) {
        share.reject(e as Error);
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    return done;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * A worker thread running `entry` with the shares' state: the compiled .js as is; a .ts source (tests and
 * scripts run under tsx) after registering tsx in the thread, since Node 20 does not pass the parent's
 * module hooks to workers.
 */
function threadOf(entry: URL, state: Int32Array): Worker {
  if (entry.pathname.endsWith(".js")) return new Worker(entry, { workerData: state });
  const boot = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(boot, { eval: true, workerData: state });
}

/** Blobs cross threads as plain Uint8Arrays; the SQLite driver binds Buffers. */
function asBuffers(rows: PreparedRows): PreparedRows {
  const s = rows.signature;
  for (const key of BLOB_COLUMNS) {
    const b = s[key] as Uint8Array;
    s[key] = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  }
  return rows;
}
