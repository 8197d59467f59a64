// Step 1's per-article work (clean text, facts, copy signature, story terms) for a store, on this thread
// or on worker threads. The work needs no other article, so threads split a batch freely; the rows come
// back in input order and are numbered by the caller, so the corpus is the same with any thread count.

import { availableParallelism } from "node:os";
import { extname } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Article, SourceDocument } from "../model/index.js";
import { articleOf, prepareArticle } from "../brief/prepare.js";
import { articleRow, signatureRow } from "../store/codec.js";
import type { ArticlesTable, SignaturesTable } from "../store/schema.js";

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

export interface Preparer {
  /** The rows of each article, in order. */
  prepare(items: ToPrepare[]): Promise<PreparedRows[]>;
  close(): Promise<void>;
}

/** The rows of one article; pure, so any thread computes the same. */
export function rowsOf(article: Article): PreparedRows {
  const p = prepareArticle(article);
  const { seq: _s, ingested: _i, ...row } = articleRow(p.article, p.facts, 0, "");
  const { seq: _t, ...signature } = signatureRow(0, p.copy, p.terms);
  return { article: row, signature };
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
    close: async () => pool?.close(),
  };
}

interface Job {
  resolve: (rows: PreparedRows[]) => void;
  reject: (e: Error) => void;
}

class ThreadPreparer {
  private readonly workers: Worker[] = [];
  private readonly jobs = new Map<number, Job>();
  private next = 0;
  private failed: Error | null = null;

  constructor(threads: number) {
    for (let i = 0; i < threads; i++) {
      const worker = threadOf(new URL(`./preparer-thread${extname(fileURLToPath(import.meta.url))}`, import.meta.url));
      worker.on("message", (m: { id: number; rows?: PreparedRows[]; error?: string }) => {
        const job = this.jobs.get(m.id);
        if (!job) return;
        this.jobs.delete(m.id);
        if (m.rows) job.resolve(m.rows.map(asBuffers));
        else job.reject(new Error(m.error));
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
    for (const job of this.jobs.values()) job.reject(e);
    this.jobs.clear();
  }

  async prepare(docs: SourceDocument[]): Promise<PreparedRows[]> {
    if (this.failed) throw this.failed;
    // Contiguous shares, one per thread, so the rows come back in order.
    const share = Math.ceil(docs.length / this.workers.length);
    const parts = this.workers.flatMap((worker, i) => {
      const part = docs.slice(i * share, (i + 1) * share);
      if (part.length === 0) return [];
      const id = this.next++;
      return [
        new Promise<PreparedRows[]>((resolve, reject) => {
          this.jobs.set(id, { resolve, reject });
          worker.postMessage({ id, docs: part });
        }),
      ];
    });
    return (await Promise.all(parts)).flat();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * A worker thread running `entry`: the compiled .js as is; a .ts source (tests and scripts run under tsx)
 * after registering tsx in the thread, since Node 20 does not pass the parent's module hooks to workers.
 */
function threadOf(entry: URL): Worker {
  if (entry.pathname.endsWith(".js")) return new Worker(entry);
  const boot = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(boot, { eval: true });
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
